"""Every sample event under tests/events/, signed as Zalo signs it and posted to the real webhook, is
answered 200; the worker then handles, ignores or parks each queued one, and none is left retrying.

The samples carry demo ids: each is moved to a seeded unit's OA (the OA id replaced wherever it appears)
with a fresh timestamp and its own user and message ids, so the test passes in any order.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from anninh.zalo import envelope

EVENTS = Path(__file__).resolve().parents[1] / "events"
UNIT = "xa-binh-an"
SAMPLE_OA = "1234567890123456789"
SAMPLE_USER = "8765432109876543210"


def test_every_documented_shape_signed_and_posted_is_answered_200_and_never_crashes_the_worker(stack):
    oa_id = stack.units[UNIT].oa_id
    queued = ignored = 0
    for index, path in enumerate(sorted(EVENTS.glob("*.json"))):
        text = path.read_text(encoding="utf-8")
        text = text.replace(SAMPLE_OA, oa_id).replace(SAMPLE_USER, str(8800000000000000000 + index))
        text = text.replace("4321098765432109876", stack.app_id)
        body = json.loads(text)
        body["timestamp"] = str(int(time.time() * 1000))
        if isinstance(body.get("message"), dict) and "msg_id" in body["message"]:
            body["message"]["msg_id"] = f"{path.stem}-{index}"
        answer = stack.post(UNIT, body)
        status = json.loads(answer["body"])["status"]
        assert answer["statusCode"] == 200, (path.name, answer)
        assert status in {"queued", "ignored"}, (path.name, status)
        assert (status == "ignored") == (not envelope.is_handled(body["event_name"])), path.name
        queued += status == "queued"
        ignored += status == "ignored"
    assert queued >= 20 and ignored >= 7
    handled = stack.drain(rounds=40)
    assert handled >= queued
    # Nothing is stuck retrying: each queued event was handled or parked, none is waiting to be retried.
    assert stack.queue_depth("InboundQueue") == 0
    assert stack.queue_depth("InboundDeadLetterQueue") <= 1  # only a sample whose content the parser refuses


def test_the_console_reads_the_webhook_url_and_a_missing_verification_file(stack):
    webhook = stack.functions["WebhookFunction"]
    get = {
        "version": "2.0",
        "routeKey": "GET /zalo/webhook",
        "rawPath": "/zalo/webhook",
        "headers": {},
        "requestContext": {"http": {"method": "GET", "path": "/zalo/webhook"}},
        "isBase64Encoded": False,
    }
    assert webhook.invoke(get)["statusCode"] == 200
    other = dict(get, routeKey="GET /{file}", rawPath="/zalo_verifierNotOurs.html")
    assert webhook.invoke(other)["statusCode"] == 404  # no verification file configured in this stack
    ping = dict(get, routeKey="POST /zalo/webhook", body="", requestContext={"http": {"method": "POST"}})
    assert json.loads(webhook.invoke(ping)["body"]) == {"status": "ping"}
    assert stack.queue_depth("InboundQueue") == 0
