"""Broadcast delivery when things go wrong, on the running local stack: a batch SQS delivers again sends
nothing twice, a send whose answer is lost is "in doubt" and never repeated, and a -32 storm slows the
sender down without losing anyone.

These tests use an OA of this file's own (a unit made for it); each citizen follows it through the
webhook (so they are inside the 48 h window) and unfollows at the end, so every broadcast here reaches
exactly the citizens of its own test. Broadcasts are not promotional: the night rule (its own file) must
not defer them whatever the hour of the run.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import requests
from anninh import texts
from localrun.citizen import follow_event, new_user_id, reply_text
from localrun.stack import LOCAL_ADMIN_TOKEN

from tests.e2e.test_admin_cli import anninh

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("zalo_profile")]


@pytest.fixture(scope="module")
def unit(local_stack) -> str:
    """This file's own unit and OA: its followers and broadcasts are this file's alone."""
    return local_stack.new_unit("delivery").unit_id


CS = "/v3.0/oa/message/cs"
SENDER = "SenderFunction"


# ------------------------------------------------------------------ helpers (the night rule's file uses them)
def admin(local_stack, method: str, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
    answer = requests.request(
        method,
        f"{local_stack.base_url}/admin{path}",
        json=body,
        headers={"x-anninh-token": LOCAL_ADMIN_TOKEN},
        timeout=30,
    )
    assert answer.ok, answer.text
    return dict(answer.json())


def create_broadcast(local_stack, unit: str, text: str, *, promotional: bool = False) -> str:
    """A one-time broadcast to the unit's 48 h audience, scheduled for tomorrow (fired by hand)."""
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).astimezone(ZoneInfo("Asia/Ho_Chi_Minh"))
    body = {
        "unit_id": unit,
        "audience": "48h",
        "text": text,
        "at": tomorrow.strftime("%Y-%m-%dT%H:%M"),
        "promotional": promotional,
    }
    return str(admin(local_stack, "POST", "/broadcasts", body)["broadcast_id"])


def fire(local_stack, broadcast_id: str) -> None:
    """The broadcast's schedule fires now: the fan-out puts its batches on the outbound queue."""
    fired = local_stack.fire_schedule(f"anninh-broadcast-{broadcast_id}")
    assert fired["last_error"] is None, fired


def progress(local_stack, broadcast_id: str) -> dict[str, Any]:
    return admin(local_stack, "GET", f"/broadcasts/{broadcast_id}/status")


def copies(local_stack, user_id: str, text: str) -> list[dict[str, Any]]:
    return [c for c in local_stack.outbox(user_id) if text in reply_text(c)]


def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"{what} did not happen within {timeout:.0f}s"
        time.sleep(0.25)


def wait_all_received(local_stack, users: list[str], text: str, timeout: float = 30) -> None:
    wait_until(lambda: all(copies(local_stack, u, text) for u in users), timeout, "every recipient's copy")


def queue_idle(local_stack, name: str) -> bool:
    depth = local_stack.queues()[name]
    return int(depth["visible"]) + int(depth["in_flight"]) == 0


def settled_copies(local_stack, users: list[str], text: str) -> list[int]:
    """How many copies each user has once the outbound queue is idle and nothing new arrived for 2 s."""
    wait_until(lambda: queue_idle(local_stack, "OutboundQueue"), 30, "the outbound queue draining")
    counts = [len(copies(local_stack, u, text)) for u in users]
    stable_since = time.monotonic()
    while time.monotonic() - stable_since < 2.0:
        time.sleep(0.25)
        latest = [len(copies(local_stack, u, text)) for u in users]
        if latest != counts:
            counts, stable_since = latest, time.monotonic()
    return counts


@pytest.fixture
def citizens(local_stack) -> Iterator[Callable[[str, int], list[str]]]:
    """``follow(unit, n)``: n new citizens who follow the unit's OA through the webhook (welcomed, so
    recorded by the worker); they unfollow when the test ends, leaving the OA's audience as it was."""
    made: list[tuple[str, str]] = []

    def follow(unit_id: str, count: int) -> list[str]:
        unit = local_stack.unit(unit_id)
        users = [new_user_id() for _ in range(count)]
        for user in users:
            assert local_stack.post_event(unit, follow_event(unit, user)).status_code == 200
            made.append((unit_id, user))
        for user in users:
            local_stack.wait_for_reply(user)  # the welcome: the worker has recorded the follow
        return users

    yield follow
    for unit_id, user in made:
        unit = local_stack.unit(unit_id)
        local_stack.post_event(unit, follow_event(unit, user, follow=False))
    wait_until(lambda: queue_idle(local_stack, "InboundQueue"), 30, "the unfollows being recorded")


# ------------------------------------------------------------------ tests
def test_a_batch_delivered_again_by_sqs_sends_nothing_twice(local_stack, citizens, unit) -> None:
    """The sender's instance dies after sending the whole batch, before answering: SQS makes the batch
    visible again and the sender gets it a second time (a real redelivery)."""
    users = citizens(unit, 3)
    text = f"Thông báo {new_user_id()[-6:]}: lịch tiếp công dân tuần này thay đổi."
    crashes_before = local_stack.function_faults(SENDER)["crashes_injected"]
    parked_before = local_stack.queues()["OutboundDeadLetterQueue"]["visible"]
    local_stack.crash_after(SENDER, 1)
    broadcast_id = create_broadcast(local_stack, unit, text)

    fire(local_stack, broadcast_id)
    wait_all_received(local_stack, users, text)
    wait_until(
        lambda: local_stack.function_faults(SENDER)["crashes_injected"] == crashes_before + 1,
        20,
        "the injected crash",
    )
    assert settled_copies(local_stack, users, text) == [1, 1, 1]
    # The crashed delivery was not lost: delivered again, handled (sending nothing), then deleted.
    assert local_stack.queues()["OutboundDeadLetterQueue"]["visible"] == parked_before
    counts = progress(local_stack, broadcast_id)
    assert (counts["sent"], counts["in_doubt"], counts["pending"], counts["status"]) == (3, 0, 0, "done")


def test_a_send_whose_answer_is_lost_is_in_doubt_and_never_repeated(local_stack, citizens, unit) -> None:
    """Zalo accepts the message for one citizen but its answer never comes back (a 504 after the fact):
    the sender cannot know, so it records that citizen "in doubt" and does not send again."""
    lost, other = citizens(unit, 2)
    text = f"Cảnh báo {new_user_id()[-6:]}: giả danh công an gọi video yêu cầu chuyển tiền."
    local_stack.add_fault(CS, http_status=504, user_id=lost, after=True)
    broadcast_id = create_broadcast(local_stack, unit, text)

    fire(local_stack, broadcast_id)
    wait_all_received(local_stack, [lost, other], text)
    assert settled_copies(local_stack, [lost, other], text) == [1, 1]
    shown = anninh(local_stack, "broadcast", "status", broadcast_id, "--json")
    assert shown.returncode == 0, shown.stderr
    status = json.loads(shown.stdout)
    figures = (status["status"], status["sent"], status["in_doubt"], status["pending"])
    assert figures == ("done", 1, 1, 0), status
    assert status["reasons"] == {"answer_lost": 1}, status
    # What an operator reads says the same, each figure under its label (the text's keys, not its wording).
    text = anninh(local_stack, "broadcast", "status", broadcast_id).stdout
    assert texts.BROADCAST_REASON_LABELS["answer_lost"] + ": 1" in text
    assert texts.BROADCAST_STATUS_LABELS["done"] in text


def test_a_rate_limit_storm_slows_the_sender_without_loss(local_stack, citizens, unit) -> None:
    """Zalo answers -32 three times in a row: the sender backs off 1 s, 2 s, then 4 s before trying again,
    and every citizen still gets the broadcast exactly once."""
    users = citizens(unit, 3)
    text = f"Tin tức {new_user_id()[-6:]}: ra quân tổng kiểm soát phương tiện giao thông."
    for user in users:  # every part of their welcome sent, so none is taken for a broadcast send below
        local_stack.settled_outbox(user, quiet_seconds=1)
    welcomed = len([c for c in local_stack.calls() if c.get("user_id") in users])  # their welcome messages
    local_stack.add_fault(CS, error=-32, times=3)
    broadcast_id = create_broadcast(local_stack, unit, text)

    fire(local_stack, broadcast_id)
    wait_all_received(local_stack, users, text, timeout=45)
    assert settled_copies(local_stack, users, text) == [1, 1, 1]
    counts = progress(local_stack, broadcast_id)
    assert (counts["sent"], counts["failed"], counts["pending"]) == (3, 0, 0)

    theirs = [c for c in local_stack.calls() if c.get("user_id") in users][welcomed:]
    sends = [c for c in theirs if c["endpoint"] == CS]
    assert [c.get("fault") for c in sends] == [-32, -32, -32, None, None, None]
    moments = [datetime.fromisoformat(c["time"]).timestamp() for c in sends]
    gaps = [later - earlier for earlier, later in pairwise(moments)]
    assert gaps[0] >= 0.95 and gaps[1] >= 1.95 and gaps[2] >= 3.95, gaps  # backed off 1 s, 2 s, 4 s
    interval = 60 / 100  # SendRatePerMinute's default: never faster than one send per 0.6 s per OA
    assert all(gap >= interval * 0.95 for gap in gaps[3:]), gaps
