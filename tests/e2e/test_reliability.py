"""Failure paths end to end: a poison event is parked in the DLQ without blocking other citizens. Both the
poisoned and the healthy unit (and their OAs) are made for this file (``local_stack.new_unit``)."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from localrun.citizen import reply_text

pytestmark = pytest.mark.e2e


def dead_letters(local_stack) -> int:
    dlq = local_stack.queues()["InboundDeadLetterQueue"]
    return int(dlq["visible"] + dlq["in_flight"])


@pytest.fixture
def oa_without_tokens(local_stack) -> Iterator[str]:
    """A unit made for this test whose OA has its token pair removed from the tokens table (restored
    afterwards). No worker ever talked to it, so no cached token hides the removal.

    Every event for it then fails in the worker (TokenNotProvisioned), on every delivery: a real-world
    poison (an OA linked before its first token pair was seeded).
    """
    dynamodb = local_stack.boto3_client("dynamodb")
    table = next(name for name in dynamodb.list_tables()["TableNames"] if name.endswith("TokensTable"))
    oa_id = local_stack.new_unit("poisoned").oa_id
    saved = dynamodb.get_item(TableName=table, Key={"oa_id": {"S": oa_id}}, ConsistentRead=True)["Item"]
    dynamodb.delete_item(TableName=table, Key={"oa_id": {"S": oa_id}})
    try:
        yield oa_id
    finally:
        dynamodb.put_item(TableName=table, Item=saved)


def test_poison_event_reaches_the_dlq_and_the_next_citizen_is_answered(
    local_stack, user_id, oa_without_tokens
) -> None:
    parked_before = dead_letters(local_stack)
    poisoned = next(unit for unit in local_stack.units().values() if unit.oa_id == oa_without_tokens)
    assert local_stack.send(poisoned, user_id, "menu").status_code == 200

    next_citizen = user_id[::-1].lstrip("0") or "1"
    healthy = local_stack.new_unit("healthy")
    assert local_stack.send(healthy, next_citizen, "menu").status_code == 200
    calls = local_stack.wait_for_reply(next_citizen, timeout=20)
    assert reply_text(calls[0])

    deadline = time.monotonic() + 40  # maxReceiveCount (5) deliveries, 1 s apart locally
    while dead_letters(local_stack) <= parked_before:
        assert time.monotonic() < deadline, "the poison event never reached the dead-letter queue"
        time.sleep(0.5)
    assert dead_letters(local_stack) == parked_before + 1
    assert local_stack.outbox(user_id) == []
    inbound = local_stack.queues()["InboundQueue"]
    assert inbound["visible"] + inbound["in_flight"] == 0
