"""Zalo's night rule on the running local stack: promotional broadcasts are not sent between 22:00 and
06:00 Vietnam time, notices that are not promotional are.

The sender reads the time from the local stack's clock (``POST /_local/clock``), moved here to just before
06:00 so the deferral and the morning send both happen within seconds. The OA is this file's own (a unit
made for it); the clock is put back after each test.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from localrun.citizen import new_user_id

from tests.e2e.test_broadcast_delivery import (
    admin,
    citizens,  # noqa: F401 - the fixture, shared
    copies,
    create_broadcast,
    fire,
    progress,
    settled_copies,
    wait_all_received,
)

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def unit(local_stack) -> str:
    """This file's own unit and OA: its followers and broadcasts are this file's alone."""
    return local_stack.new_unit("night").unit_id


VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def sender_clock(local_stack) -> Iterator[None]:
    try:
        yield
    finally:
        local_stack.restore_sender_clock()


def sender_time(local_stack, call: dict) -> datetime:
    """When the sender believed it sent ``call``: the fake Zalo's (real) receipt time plus the clock's
    offset (unchanged since the send)."""
    offset = timedelta(seconds=local_stack.clock()["offset_seconds"])
    return (datetime.fromisoformat(call["time"]) + offset).astimezone(VIETNAM)


def test_promotional_sends_wait_for_six_o_clock_and_notices_do_not(
    local_stack,
    citizens,  # noqa: F811
    sender_clock,
    unit,
) -> None:
    users = citizens(unit, 2)
    tag = new_user_id()[-6:]
    promo, notice = f"Tin tức {tag}: ngày hội toàn dân bảo vệ an ninh Tổ quốc.", f"Khẩn {tag}: cháy rừng."
    just_before_six = datetime.now(VIETNAM).replace(hour=5, minute=59, second=50, microsecond=0)
    clock = local_stack.set_clock(at=just_before_six.isoformat())
    assert clock["used_by"] == ["SenderFunction.sender"]
    promo_id = create_broadcast(local_stack, unit, promo, promotional=True)
    notice_id = create_broadcast(local_stack, unit, notice, promotional=False)

    fired = time.monotonic()
    fire(local_stack, promo_id)
    fire(local_stack, notice_id)
    wait_all_received(local_stack, users, notice, timeout=15)  # not promotional: sent in the night
    assert all(copies(local_stack, u, promo) == [] for u in users)
    waiting = progress(local_stack, promo_id)
    assert (waiting["sent"], waiting["pending"], waiting["status"]) == (0, 2, "running")
    assert local_stack.queues()["OutboundQueue"]["delayed"] >= 1  # re-queued, delayed until 06:00

    wait_all_received(local_stack, users, promo, timeout=30)
    assert time.monotonic() - fired >= 5  # it did wait (06:00 was ~10 s of sender time away)
    assert settled_copies(local_stack, users, promo) == [1, 1]
    sent_at = [sender_time(local_stack, copies(local_stack, u, promo)[0]) for u in users]
    six = just_before_six + timedelta(seconds=10)
    assert all(six <= moment < six + timedelta(minutes=1) for moment in sent_at), sent_at
    assert all(sender_time(local_stack, copies(local_stack, u, notice)[0]).hour == 5 for u in users)
    assert progress(local_stack, promo_id)["sent"] == 2


def test_a_promotional_broadcast_at_23_00_is_not_sent(local_stack, citizens, sender_clock, unit) -> None:  # noqa: F811
    users = citizens(unit, 1)
    text = f"Tin tức {new_user_id()[-6:]}: kết quả tháng cao điểm phòng chống tội phạm."
    local_stack.set_clock(at=datetime.now(VIETNAM).replace(hour=23, minute=0, second=0).isoformat())
    broadcast_id = create_broadcast(local_stack, unit, text, promotional=True)
    delayed_before = local_stack.queues()["OutboundQueue"]["delayed"]
    fire(local_stack, broadcast_id)
    deadline = time.monotonic() + 15
    while local_stack.queues()["OutboundQueue"]["delayed"] <= delayed_before:
        assert time.monotonic() < deadline, "the batch was not re-queued for the morning"
        time.sleep(0.25)
    time.sleep(1.5)
    assert copies(local_stack, users[0], text) == []
    assert progress(local_stack, broadcast_id)["pending"] == 1
    # The batch waits (15-minute hops) until 06:00; cancelled, it will be dropped when it comes back.
    assert admin(local_stack, "POST", f"/broadcasts/{broadcast_id}/cancel")["status"] == "cancelled"
