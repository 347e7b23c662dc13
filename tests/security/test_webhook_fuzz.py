"""Fuzz the real webhook handler (functions/webhook/app.py) with SQS and SSM on moto.

A seeded generator (``FUZZ_SEED``; the same requests on every run) makes ``FUZZ_EXAMPLES`` requests
(10,000 by default): truncated, huge and deeply nested bodies,
wrong types in every field, Unicode and oversized timestamps and ids, odd encodings (UTF-16, Latin-1, a
byte-order mark, invalid UTF-8, base64 that is not), huge and odd headers; each either unsigned (or
signed with a wrong key) or correctly signed with the OA's secret. Every request goes through
``lambda_handler`` as API Gateway would send it. Asserted:

- no answer is 5xx, whatever the input;
- an unsigned request is never 200 "queued" (only the console's ping, an empty body or ``{}``, gets 200);
- a correctly signed event is never refused for its shape: 200, or 400/413 only when its raw bytes are
  not a JSON object of bounded size, or 401 only when it is stale, names another app or no known OA;
- every message on the queue afterwards is the body of a correctly signed request.

The count tried and the answers seen are printed at the end (and kept in ``STATS``).
"""

from __future__ import annotations

import base64
import importlib.util
import json
import os
import random
import time
from collections import Counter
from pathlib import Path
from typing import Any

import boto3
import pytest
from anninh.zalo.signature import sign
from moto import mock_aws

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "functions" / "webhook" / "app.py"
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "10000"))
SEED = int(os.environ.get("FUZZ_SEED", "20261203"))
APP_ID = "4321098765432109876"
OA_ID = "1234567890123456789"
OTHER_OA = "1234567890123456790"  # a real-looking id that is not an OA of this stage
SECRET = "fuzz-oa-secret"
MAX_BODY = 65_536
NOW_MS = int(time.time() * 1000)  # well inside the replay window for the whole run
STATS: Counter[str] = Counter()
SIGNED_BODIES: set[str] = set()

KINDS = [
    "user_send_text",
    "user_send_image",
    "user_send_location",
    "user_submit_info",
    "user_reacted_message",
    "user_received_message",
    "user_seen_message",
    "follow",
    "unfollow",
    "user_click_chatnow",
    "anonymous_send_text",
    "oa_send_text",
    "add_user_to_tag",
    "change_oa_daily_quota",
    "change_template_status",
    "user_feedback",
]


class Context:
    function_name = "webhook"
    memory_limit_in_mb = 512
    aws_request_id = "fuzz"
    invoked_function_arn = "arn:aws:lambda:ap-southeast-1:123456789012:function:webhook"


@pytest.fixture(scope="module")
def webhook() -> Any:
    saved = dict(os.environ)
    os.environ.update(
        {
            "AWS_DEFAULT_REGION": "ap-southeast-1",
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            "SSM_PREFIX": "/anninh/fuzz",
            "ZALO_APP_ID": APP_ID,
            "WEBHOOK_MAX_BODY_BYTES": str(MAX_BODY),
            "POWERTOOLS_LOG_LEVEL": "ERROR",  # 10,000 rejections would be 10,000 warnings
            "POWERTOOLS_METRICS_NAMESPACE": "Fuzz",
            "POWERTOOLS_METRICS_DISABLED": "true",
        }
    )
    with mock_aws():
        sqs = boto3.client("sqs")
        url = sqs.create_queue(
            QueueName="inbound.fifo", Attributes={"FifoQueue": "true", "ContentBasedDeduplication": "false"}
        )["QueueUrl"]
        os.environ["INBOUND_QUEUE_URL"] = url
        boto3.client("ssm").put_parameter(
            Name=f"/anninh/fuzz/oa/{OA_ID}/secret_key", Value=SECRET, Type="SecureString"
        )
        spec = importlib.util.spec_from_file_location("webhook_app_fuzzed", APP)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.sqs_client, module.queue_url, module.started = sqs, url, time.monotonic()
        yield module
    os.environ.clear()
    os.environ.update(saved)


# ------------------------------------------------------------------------------------------ generator

UNICODE_DIGITS = "²³¹٠١٢٣٤٥٦٧٨٩０１２３४५६"
ODD_TEXT = 'aé\u0000\u200b\ud7ff\ufffe\U0001f600ñ\\"<>{}[]'


def junk_text(rng: random.Random, size: int = 20) -> str:
    return "".join(rng.choice(ODD_TEXT) for _ in range(rng.randint(0, size)))


def junk_value(rng: random.Random, depth: int = 0) -> Any:
    """A JSON value of a wrong type, size or content for any field."""
    roll = rng.randint(0, 13 if depth < 3 else 10)
    return [
        lambda: None,
        lambda: rng.choice([True, False]),
        lambda: rng.randint(-(10**30), 10**30),
        lambda: rng.choice([0.5, -1e300, float("nan"), float("inf"), 1.5e12]),
        lambda: junk_text(rng),
        lambda: "".join(rng.choice(UNICODE_DIGITS) for _ in range(rng.randint(1, 20))),
        lambda: "9" * rng.randint(17, 6000),
        lambda: " " + str(rng.randint(0, 10**19)) + " ",
        lambda: "",
        lambda: str(rng.randint(0, 10**25)),
        lambda: "1234567890123456789",
        lambda: [junk_value(rng, depth + 1) for _ in range(rng.randint(0, 3))],
        lambda: {junk_text(rng, 8): junk_value(rng, depth + 1) for _ in range(rng.randint(0, 3))},
        lambda: {"id": junk_value(rng, depth + 1)},
    ][roll]()


def base_event(kind: str, serial: int, now_ms: int) -> dict[str, Any]:
    user = str(8700000000000000000 + serial)
    msg = f"fz{serial}"
    event: dict[str, Any] = {"app_id": APP_ID, "event_name": kind, "timestamp": str(now_ms)}
    if kind in {"follow", "unfollow"}:
        event |= {"oa_id": OA_ID, "follower": {"id": user}, "source": "oa_profile"}
    elif kind in {"user_received_message", "user_seen_message", "oa_send_text"}:
        event |= {"sender": {"id": OA_ID}, "recipient": {"id": user}, "message": {"msg_ids": [msg]}}
        if kind != "user_seen_message":
            event["message"] = {"msg_id": msg, "text": "x"}
    elif kind in {"add_user_to_tag"}:
        event |= {"oa_id": OA_ID, "tag": {"name": "t", "user_ids": [user]}}
    elif kind == "change_oa_daily_quota":
        event |= {"oaId": OA_ID, "quota": {"prev_value": 1, "new_value": 2}}
    elif kind == "change_template_status":
        event |= {"oa_id": OA_ID, "template_id": "1", "status": {"prev_status": "A", "new_status": "B"}}
    else:
        message = {"msg_id": msg, "text": "hi"}
        event |= {"sender": {"id": user}, "recipient": {"id": OA_ID}, "message": message}
        if kind == "user_reacted_message":
            event["message"]["react_icon"] = "/-heart"
        if kind == "user_send_image":
            event["message"]["attachments"] = [{"type": "image", "payload": {"url": "https://x/y.jpg"}}]
    return event


PATHS = [
    ("event_name",),
    ("timestamp",),
    ("app_id",),
    ("oa_id",),
    ("oaId",),
    ("sender",),
    ("sender", "id"),
    ("recipient",),
    ("recipient", "id"),
    ("follower", "id"),
    ("message",),
    ("message", "msg_id"),
    ("message", "msg_ids"),
    ("message", "text"),
    ("message", "attachments"),
    ("tag", "user_ids"),
]


def mutate(event: dict[str, Any], path: tuple[str, ...], value: Any, delete: bool) -> dict[str, Any]:
    node: Any = event
    for key in path[:-1]:
        if not isinstance(node, dict):
            return event
        node = node.setdefault(key, {}) if isinstance(node.get(key), dict | None) else node[key]
    if isinstance(node, dict):
        if delete:
            node.pop(path[-1], None)
        else:
            node[path[-1]] = value
    return event


FAMILIES = ["valid", "mutated", "mutated", "mutated", "raw", "deep", "truncated", "encoded"]


def fuzz_request(rng: random.Random, serial: int) -> dict[str, Any]:
    """One request: a family of damage, then unsigned (or wrongly signed) or signed with the OA's secret."""
    family = rng.choice(FAMILIES)
    event = base_event(rng.choice(KINDS), serial, NOW_MS)
    if family == "mutated":
        for _ in range(rng.randint(1, 3)):
            event = mutate(event, rng.choice(PATHS), junk_value(rng), rng.random() < 0.3)
    if rng.randint(0, 20) == 0:
        event["oa_id"] = OTHER_OA  # a plausible id that is no OA: must not reach SSM, must not queue
    raw = json.dumps(event, ensure_ascii=rng.random() < 0.5).encode()
    if family == "raw":
        raw = rng.choice(
            [
                lambda: rng.randbytes(rng.randint(0, 200)),
                lambda: junk_text(rng, 200).encode("utf-8", "surrogatepass"),
                lambda: json.dumps(junk_value(rng)).encode(),
                lambda: b"",
            ]
        )()
    elif family == "deep":
        depth = rng.randint(1000, 300_000)
        opener, closer = rng.choice([(b"[", b"]"), (b'{"a":', b"}")])
        raw = opener * depth + b"1" + closer * depth
    elif family == "truncated":
        raw = raw[: rng.randint(0, max(0, len(raw) - 1))]
    elif family == "encoded":
        encoding = rng.choice(["utf-16", "utf-16-le", "utf-32", "latin-1", "utf-8-sig", "cp1258"])
        raw = raw.decode().encode(encoding, errors="replace")
    if rng.randint(0, 30) == 0:
        raw = raw + b" " * (MAX_BODY + 1 - len(raw))  # just over the limit
    timestamp = str(event.get("timestamp"))
    signed = rng.random() < 0.6
    if signed:
        header: str | None = sign(raw, app_id=APP_ID, timestamp=timestamp, secret=SECRET)
    else:
        header = rng.choice(
            [
                lambda: None,
                lambda: junk_text(rng, 80),
                lambda: "mac=" + "0" * 64,
                lambda: "mac=" + "a" * rng.randint(1, 20_000),
                lambda: sign(raw, app_id=APP_ID, timestamp=timestamp, secret="not-the-secret"),
            ]
        )()
    headers: dict[str, Any] = {junk_text(rng, 20): junk_text(rng, 40) for _ in range(rng.randint(0, 3))}
    if rng.randint(0, 10) == 0:
        headers[rng.choice(["num_retry", "x-zevent-server", "x-zevent-timestamp"])] = "9" * 9000
    if header is not None:
        headers["X-ZEvent-Signature"] = header
    # API Gateway passes a UTF-8 body as text and anything else base64-encoded (isBase64Encoded).
    try:
        body, base64_flag = raw.decode("utf-8"), rng.randint(0, 15) == 0
    except UnicodeDecodeError:
        body, base64_flag = "", True
    if base64_flag:
        body = base64.b64encode(raw).decode() if rng.randint(0, 10) else "%%not base64%%"
    return {
        "family": family,
        "signed": signed,
        "raw": raw,
        "event": {
            "version": "2.0",
            "routeKey": "POST /zalo/webhook",
            "rawPath": "/zalo/webhook",
            "headers": headers,
            "requestContext": {"http": {"method": "POST", "path": "/zalo/webhook"}},
            "body": body,
            "isBase64Encoded": base64_flag,
        },
    }


# ------------------------------------------------------------------------------------------ the test


def test_no_input_gets_a_5xx_and_only_signed_events_are_queued(webhook: Any) -> None:
    rng = random.Random(SEED)
    failures: list[str] = []
    for serial in range(EXAMPLES):
        request = fuzz_request(rng, serial)
        STATS["tried"] += 1
        STATS[f"family:{request['family']}"] += 1
        answer = webhook.lambda_handler(request["event"], Context())
        status, reason = answer["statusCode"], json.loads(answer["body"])["status"]
        STATS[f"{status} {reason}"] += 1
        problem = judge(request, status, reason)
        if problem:
            failures.append(f"#{serial} {problem}: {status} {reason} {request['raw'][:120]!r}")
        if serial % 250 == 249:
            drain(webhook)  # moto's FIFO deduplication scans the whole queue on every send: keep it short
    assert failures == [], "\n".join(failures[:20])


def drain(webhook: Any) -> int:
    """Receive and delete every queued message, each of which must be the body of a signed request."""
    sqs, url = webhook.sqs_client, webhook.queue_url
    received = 0
    while True:
        answer = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, VisibilityTimeout=60)
        batch = answer.get("Messages")
        if not batch:
            STATS["received"] += received
            return received
        for message in batch:
            assert message["Body"] in SIGNED_BODIES, message["Body"][:200]
            sqs.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])
        received += len(batch)


# A signed request is refused only for its bytes: not a bounded JSON object with a time and an OA id.
REFUSED_FOR_BYTES = {"malformed_body", "malformed_json", "too_large", "missing_field"}


def judge(request: dict[str, Any], status: int, reason: str) -> str | None:
    """What is wrong with this answer to this request, if anything."""
    if status >= 500:
        return "5xx"
    if reason == "ping" and request["raw"].strip() not in {b"", b"{}"}:
        return "a ping that is not empty"
    if not request["signed"]:
        return "unsigned but 200" if status == 200 and reason != "ping" else None
    if status == 200 and reason == "queued":
        SIGNED_BODIES.add(request["raw"].decode())
        SIGNED_BODIES.add(json.dumps(json.loads(request["raw"])))
    elif status in {400, 413} and reason not in REFUSED_FOR_BYTES:
        return "signed but refused for its shape"
    return None


def test_every_queued_message_was_signed_and_the_figures_are_recorded(webhook: Any, capsys) -> None:
    drain(webhook)
    fivexx = sum(n for key, n in STATS.items() if key[:1] == "5")
    # SSM is read in bulk: once at the first event, then at most once a minute on a miss (forged OA ids).
    minutes = (time.monotonic() - webhook.started) / 60
    assert webhook.secrets.loads <= 2 + minutes
    with capsys.disabled():
        print(
            f"\nwebhook fuzz (seed {SEED}): {STATS['tried']} requests tried, {fivexx} 5xx,"
            f" {STATS['received']} messages queued, all of them signed;"
            f" {webhook.secrets.loads} SSM reads of the OA secrets in {minutes:.1f} min"
        )
        for key in sorted(k for k in STATS if k[:1].isdigit()):
            print(f"  {key}: {STATS[key]}")
    assert STATS["tried"] >= EXAMPLES and fivexx == 0
    assert STATS["received"] > 0 and STATS["200 queued"] >= STATS["received"]
