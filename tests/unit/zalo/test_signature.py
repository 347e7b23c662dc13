"""X-ZEvent-Signature vectors: the standard formula, each DISAGREE variant, bad and missing headers.

The reference digests are computed here independently of the module (hashlib over the concatenated bytes),
so a mistake in the module's formula cannot hide behind itself. A base64 body (API Gateway's
``isBase64Encoded``) is decoded by the caller with ``raw_body`` before verification.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json

import pytest
from anninh.zalo import signature as sig

APP_ID = "4321098765432109876"
OA_ID = "1234567890123456789"
OA_SECRET = "oa-secret-KhoaBiMatOA"
APP_SECRET = "app-secret-of-the-zalo-app"
BODY = {
    "app_id": APP_ID,
    "sender": {"id": "8765432109876543210"},
    "recipient": {"id": OA_ID},
    "event_name": "user_send_text",
    "message": {"msg_id": "9f3b2c4d5e6f708192a3b4c5d6e7f801", "text": "xin chào"},
    "timestamp": "1767225600123",
}
RAW = json.dumps(BODY, ensure_ascii=False).encode()
TS = "1767225600123"


def _sha(*parts: bytes) -> str:
    return hashlib.sha256(b"".join(parts)).hexdigest()


STANDARD_HEX = _sha(APP_ID.encode(), RAW, TS.encode(), OA_SECRET.encode())


def _verify(header: str | None, variants: tuple[str, ...] = (sig.STANDARD,), **kw: str) -> str | None:
    args = {"app_id": APP_ID, "oa_id": OA_ID, "oa_secret": OA_SECRET, "timestamp": TS}
    args.update(kw)
    return sig.verify(RAW, header, variants=variants, **args)


def test_standard_signature_matches_independent_digest() -> None:
    assert sig.sign(RAW, app_id=APP_ID, timestamp=TS, secret=OA_SECRET) == "mac=" + STANDARD_HEX
    assert _verify("mac=" + STANDARD_HEX) == sig.STANDARD


@pytest.mark.parametrize(
    "header",
    [
        "MAC=" + STANDARD_HEX.upper(),
        "  mac = " + STANDARD_HEX + "  ",
        STANDARD_HEX,
        "mac=" + STANDARD_HEX + "\n",
    ],
)
def test_header_is_case_and_whitespace_tolerant(header: str) -> None:
    assert _verify(header) == sig.STANDARD


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        "mac=",
        "mac=xyz",
        "sha256=" + STANDARD_HEX,
        "mac=" + STANDARD_HEX[:-1],
        "mac=" + STANDARD_HEX + "00",
    ],
)
def test_missing_or_malformed_header_is_rejected(header: str | None) -> None:
    assert sig.parse_signature_header(header) is None
    assert _verify(header) is None


def test_wrong_secret_body_app_or_timestamp_is_rejected() -> None:
    header = "mac=" + STANDARD_HEX
    assert _verify(header, oa_secret="another-secret") is None
    assert _verify(header, app_id="1111111111111111111") is None
    assert _verify(header, timestamp="1767225600124") is None
    assert (
        sig.verify(RAW + b" ", header, app_id=APP_ID, oa_id=OA_ID, oa_secret=OA_SECRET, timestamp=TS) is None
    )


def test_oa_id_variant_only_when_enabled() -> None:
    header = "mac=" + _sha(OA_ID.encode(), RAW, TS.encode(), OA_SECRET.encode())
    assert _verify(header) is None
    assert _verify(header, (sig.STANDARD, sig.OA_ID)) == sig.OA_ID


def test_app_secret_variant_uses_the_secret_the_caller_passes() -> None:
    header = "mac=" + _sha(APP_ID.encode(), RAW, TS.encode(), APP_SECRET.encode())
    assert _verify(header, (sig.STANDARD, sig.APP_SECRET)) is None  # no app secret given
    assert _verify(header, (sig.STANDARD, sig.APP_SECRET), app_secret=APP_SECRET) == sig.APP_SECRET
    assert _verify(header, (sig.STANDARD,), app_secret=APP_SECRET) is None


def test_header_timestamp_variant() -> None:
    header_ts = "1767225609999"
    header = "mac=" + _sha(APP_ID.encode(), RAW, header_ts.encode(), OA_SECRET.encode())
    assert _verify(header, (sig.HEADER_TIMESTAMP,)) is None  # header absent
    assert (
        _verify(header, (sig.STANDARD, sig.HEADER_TIMESTAMP), header_timestamp=header_ts)
        == sig.HEADER_TIMESTAMP
    )
    assert _verify(header, (sig.STANDARD,), header_timestamp=header_ts) is None


def test_hmac_body_variant() -> None:
    header = "mac=" + hmac.new(OA_SECRET.encode(), RAW, hashlib.sha256).hexdigest()
    assert _verify(header) is None
    assert _verify(header, (sig.HMAC_BODY,)) == sig.HMAC_BODY


def test_standard_still_matches_with_all_variants_enabled() -> None:
    assert _verify("mac=" + STANDARD_HEX, tuple(sorted(sig.VARIANTS)), app_secret=APP_SECRET) == sig.STANDARD


def test_unknown_variant_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown signature variant"):
        _verify("mac=" + STANDARD_HEX, ("md5",))


def test_base64_body_is_decoded_by_the_caller() -> None:
    encoded = base64.b64encode(RAW).decode()
    raw = sig.raw_body(encoded, is_base64_encoded=True)
    assert raw == RAW
    assert sig.verify(
        raw, "mac=" + STANDARD_HEX, app_id=APP_ID, oa_id=OA_ID, oa_secret=OA_SECRET, timestamp=TS
    )
    # hashing the base64 text instead of the bytes fails, which is why the caller must decode
    assert (
        sig.verify(
            encoded.encode(),
            "mac=" + STANDARD_HEX,
            app_id=APP_ID,
            oa_id=OA_ID,
            oa_secret=OA_SECRET,
            timestamp=TS,
        )
        is None
    )
    assert sig.raw_body(RAW.decode(), is_base64_encoded=False) == RAW
    assert sig.raw_body(None, is_base64_encoded=False) == b""
    with pytest.raises(ValueError, match="base64"):
        sig.raw_body("not base64!!", is_base64_encoded=True)


def test_module_imports_only_the_standard_library() -> None:
    import os
    import subprocess
    import sys
    from pathlib import Path

    import anninh

    code = (
        "import sys; before = set(sys.modules); "
        "import anninh.zalo.signature, anninh.zalo.events, anninh.zalo.errors; "
        "heavy = {'requests', 'boto3', 'botocore', 'pydantic', 'pynamodb', 'urllib3', "
        "'aws_lambda_powertools'}; "
        "print(sorted(m for m in set(sys.modules) - before if m.split('.')[0] in heavy))"
    )
    env = dict(os.environ, PYTHONPATH=str(Path(anninh.__file__).resolve().parents[1]))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert out.stdout.strip() == "[]"
