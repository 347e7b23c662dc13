"""A burst like the one a mass SMS campaign brings: many citizens at once, with Zalo re-delivering some
events (``num_retry``), all through the real HTTP webhook of the local stack. Every message is answered,
exactly once, none is parked; no timing is asserted here (speed is measured by ``make bench``). The unit and
its OA are this file's own (``local_stack.new_unit``)."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from localrun.citizen import LocalStackClient, new_user_id, text_event

pytestmark = pytest.mark.e2e

CITIZENS = 20
MESSAGES_EACH = 3
REDELIVERED = 10  # events Zalo posts a second time, as its retries do


def settled_counts(local_stack, citizens: list[str], quiet_seconds: float = 2.5) -> dict[str, int]:
    """Replies per citizen once no new one arrived for ``quiet_seconds`` (late duplicates included)."""
    wanted = set(citizens)

    def counts() -> dict[str, int]:
        found = dict.fromkeys(citizens, 0)
        for call in local_stack.outbox():
            user = str(call.get("user_id") or "")
            if user in wanted:
                found[user] += 1
        return found

    latest, stable_since = counts(), time.monotonic()
    while time.monotonic() - stable_since < quiet_seconds:
        time.sleep(0.25)
        now = counts()
        if now != latest:
            latest, stable_since = now, time.monotonic()
    return latest


def test_a_burst_of_citizens_is_answered_once_each_with_nothing_lost(local_stack) -> None:
    unit = local_stack.new_unit("spike")
    citizens = [new_user_id() for _ in range(CITIZENS)]
    events = [text_event(unit, user, "menu") for user in citizens for _ in range(MESSAGES_EACH)]
    parked_before = local_stack.queues()["InboundDeadLetterQueue"]["visible"]

    def post(item: tuple[int, dict]) -> int:
        index, event = item
        client = LocalStackClient(local_stack.base_url)  # a session per post: not shared by threads
        headers = {"num_retry": "1"} if index >= len(events) else None
        return client.post_event(unit, event, headers=headers).status_code

    burst = list(enumerate(events)) + [(len(events) + i, events[i * 3]) for i in range(REDELIVERED)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(post, burst))
    assert statuses == [200] * len(burst)

    for user in citizens:
        local_stack.wait_for_reply(user, lambda calls: len(calls) >= MESSAGES_EACH, timeout=60)
    answered = settled_counts(local_stack, citizens)
    assert answered == dict.fromkeys(citizens, MESSAGES_EACH)  # the redelivered ten added nothing
    inbound = local_stack.queues()["InboundQueue"]
    assert inbound["visible"] + inbound["in_flight"] == 0
    assert local_stack.queues()["InboundDeadLetterQueue"]["visible"] == parked_before
