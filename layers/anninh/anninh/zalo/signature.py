"""Verify the ``X-ZEvent-Signature`` header Zalo puts on every webhook call.

What the webhook assumes about Zalo's events: docs/zalo-platform.md, "Webhook events and the console".

Standard formula: ``X-ZEvent-Signature: mac=<64 hex>`` where the hex is the plain SHA-256 (not an HMAC) of
the UTF-8 string ``app_id + raw_body + timestamp + oa_secret_key``; ``timestamp`` is the body's
``timestamp`` field and ``raw_body`` the exact bytes Zalo posted.

Sources disagree (DISAGREE), so each variant has a name and the caller enables a tuple of them
(``WebhookSettings.signature_variants``; default only :data:`STANDARD`):

=====================  =========================================================================
``standard``           sha256(app_id + body + body.timestamp + oa_secret)
``oa_id``              sha256(oa_id + body + body.timestamp + oa_secret)              [HN]
``app_secret``         sha256(app_id + body + body.timestamp + app_secret)            [SPEC]
``header_timestamp``   sha256(app_id + body + X-ZEvent-Timestamp header + oa_secret)  (one repo)
``hmac_body``          HMAC-SHA256(key=oa_secret, msg=body)                           [ZA]
=====================  =========================================================================

:func:`verify` returns the name of the variant that matched (log it) or ``None``.

Base64 bodies: API Gateway sets ``isBase64Encoded`` for some content types; the caller must hash the
decoded bytes, which :func:`raw_body` returns. This module imports only the standard library: the webhook's
cold start is measured.

Public API: ``STANDARD, OA_ID, APP_SECRET, HEADER_TIMESTAMP, HMAC_BODY, VARIANTS``,
``parse_signature_header(header) -> str | None``, ``raw_body(body, is_base64_encoded) -> bytes``,
``expected_signature(variant, raw, ...) -> str | None``,
``verify(raw, header, *, app_id, oa_id, oa_secret, timestamp, app_secret=None, header_timestamp=None,
variants=(STANDARD,)) -> str | None``, ``sign(raw, *, app_id, timestamp, secret) -> str`` (the header value,
for tests and the local citizen simulator).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
from collections.abc import Iterable

STANDARD = "standard"
OA_ID = "oa_id"
APP_SECRET = "app_secret"  # noqa: S105 - a variant name, not a secret
HEADER_TIMESTAMP = "header_timestamp"
HMAC_BODY = "hmac_body"
VARIANTS: frozenset[str] = frozenset({STANDARD, OA_ID, APP_SECRET, HEADER_TIMESTAMP, HMAC_BODY})

SIGNATURE_HEADER = "X-ZEvent-Signature"
TIMESTAMP_HEADER = "X-ZEvent-Timestamp"

_HEADER_RE = re.compile(r"^\s*(?:mac\s*=\s*)?([0-9a-f]{64})\s*$", re.IGNORECASE)


def parse_signature_header(header: str | None) -> str | None:
    """The lower-case hex digest of a ``mac=<hex>`` header, or ``None`` when missing or malformed.

    Tolerates surrounding whitespace, upper-case hex, ``MAC=`` and spaces around ``=``; a bare 64-hex value
    is accepted too (the digest still has to match).
    """
    if not header:
        return None
    match = _HEADER_RE.match(header)
    return match.group(1).lower() if match else None


def raw_body(body: str | None, is_base64_encoded: bool) -> bytes:
    """The exact bytes Zalo sent, from an API Gateway HTTP API event's ``body``/``isBase64Encoded``.

    Raises ``ValueError`` when a body flagged as base64 does not decode.
    """
    if body is None:
        return b""
    if is_base64_encoded:
        try:
            return base64.b64decode(body, validate=True)
        except binascii.Error as exc:
            raise ValueError("body is flagged isBase64Encoded but is not valid base64") from exc
    return body.encode("utf-8")


def _sha256_concat(prefix: str, raw: bytes, timestamp: str, secret: str) -> str:
    return hashlib.sha256(prefix.encode() + raw + timestamp.encode() + secret.encode()).hexdigest()


def expected_signature(
    variant: str,
    raw: bytes,
    *,
    app_id: str,
    oa_id: str,
    oa_secret: str,
    timestamp: str,
    app_secret: str | None = None,
    header_timestamp: str | None = None,
) -> str | None:
    """The hex digest a variant expects, or ``None`` when its inputs are not available."""
    if variant == STANDARD:
        return _sha256_concat(app_id, raw, timestamp, oa_secret)
    if variant == OA_ID:
        return _sha256_concat(oa_id, raw, timestamp, oa_secret)
    if variant == APP_SECRET:
        return _sha256_concat(app_id, raw, timestamp, app_secret) if app_secret else None
    if variant == HEADER_TIMESTAMP:
        return _sha256_concat(app_id, raw, header_timestamp.strip(), oa_secret) if header_timestamp else None
    if variant == HMAC_BODY:
        return hmac.new(oa_secret.encode(), raw, hashlib.sha256).hexdigest()
    raise ValueError(f"unknown signature variant {variant!r}; known: {sorted(VARIANTS)}")


def verify(
    raw: bytes,
    header: str | None,
    *,
    app_id: str,
    oa_id: str,
    oa_secret: str,
    timestamp: str,
    app_secret: str | None = None,
    header_timestamp: str | None = None,
    variants: Iterable[str] = (STANDARD,),
) -> str | None:
    """The first enabled variant whose digest equals the header (constant-time compare), else ``None``.

    ``timestamp`` is the body's ``timestamp`` field as a string; ``raw`` the exact body bytes.
    Every enabled variant is computed and compared, so the time taken does not depend on which matched.
    """
    given = parse_signature_header(header)
    if given is None:
        return None
    matched: str | None = None
    for variant in variants:
        want = expected_signature(
            variant,
            raw,
            app_id=app_id,
            oa_id=oa_id,
            oa_secret=oa_secret,
            timestamp=timestamp,
            app_secret=app_secret,
            header_timestamp=header_timestamp,
        )
        if want is not None and hmac.compare_digest(want, given) and matched is None:
            matched = variant
    return matched


def sign(raw: bytes, *, app_id: str, timestamp: str, secret: str) -> str:
    """The header value Zalo would send with the standard formula (``mac=<hex>``)."""
    return "mac=" + _sha256_concat(app_id, raw, timestamp, secret)
