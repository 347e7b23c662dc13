"""No raw Zalo user id or phone number in what the webhook and the worker log (moto, real handlers).

Events without a msg_id (follow, chat-now, user_submit_info, unfollow) have business keys that hold the user
id; their correlation id must be the keyed hash, and every log line the handlers write is scanned.
"""

from __future__ import annotations

import io
import json
import logging
import time
from collections.abc import Iterator

import pytest
from anninh.observability import pseudonym
from localrun import environ
from localrun.citizen import new_user_id

from tests.log_leaks import scan

UNIT = "xa-binh-an"


def _event(stack, name: str, citizen: str, **fields) -> dict:
    base = {"app_id": stack.app_id, "event_name": name, "timestamp": str(int(time.time() * 1000))}
    base["user_id_by_app"] = citizen[::-1]
    return {**base, **fields}


@pytest.fixture
def function_logs() -> Iterator[io.StringIO]:
    """Every line the functions' Powertools logger writes, formatted as in Lambda, from INFO up (the
    integration stack otherwise logs at WARNING)."""
    from anninh.observability import logger

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logger.registered_formatter)
    level = logger.log_level
    logger.setLevel("INFO")
    logger.addHandler(handler)
    yield stream
    logger.removeHandler(handler)
    logger.setLevel(level)


def test_worker_and_webhook_logs_hold_no_user_id_or_phone(stack, function_logs) -> None:
    citizen = new_user_id()
    oa = stack.units[UNIT].oa_id
    events = [
        stack.follow_event(UNIT, citizen),
        _event(stack, "user_click_chatnow", citizen, oa_id=oa, user_id=citizen),
        stack.text_event(UNIT, citizen, "Số của tôi là 0912 345 678, gọi lại giúp", "lp-1"),
        _event(
            stack,
            "user_submit_info",
            citizen,
            sender={"id": citizen},
            recipient={"id": oa},
            info={"name": "Trần Thị Bình", "phone": "84912345678", "address": "12 Lê Lợi"},
        ),
        _event(stack, "unfollow", citizen, oa_id=oa, follower={"id": citizen}, source="oa_profile"),
    ]
    for body in events:
        answer = stack.post(UNIT, body)
        assert answer["statusCode"] == 200, answer
        stack.drain()
    lines = function_logs.getvalue().splitlines()

    records = [json.loads(line) for line in lines if line.startswith("{")]
    processed = [r for r in records if r.get("message") == "event processed"]
    accepted = [r for r in records if r.get("message") == "webhook event accepted"]
    # The scan reads real handler output: one "processed" line per event, each with a correlation id.
    assert len(processed) == len(events) == len(accepted)
    assert {r["event_name"] for r in processed} == {e["event_name"] for e in events}
    assert all(r.get("correlation_id") for r in processed + accepted)
    # Wherever a line names the citizen, it is by the keyed pseudonym (the worker, the Zalo
    # client's "message sent"), never an unkeyed hash a follower list would reverse.
    with environ.overlay(stack.functions["WorkerFunction"].runtime_environment):
        expected = pseudonym(citizen)
    users = [r["user"] for r in records if "user" in r]
    assert len(users) >= len(events) and set(users) == {expected}
    report = scan(lines, [citizen], phones=["0912345678", "84912345678"], public_ids={oa, stack.app_id})
    assert report.lines_scanned >= 2 * len(events)
    assert not report.leaks, report.describe()
