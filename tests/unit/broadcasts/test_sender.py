from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from anninh import texts
from anninh.broadcasts.limiter import MemorySlotStore, SlotLimiter
from anninh.broadcasts.model import BroadcastError, new_broadcast, transition
from anninh.broadcasts.night import night_resume_at
from anninh.broadcasts.ports import run_key
from anninh.broadcasts.sender import Batch, BroadcastSender
from anninh.zalo.errors import NightBan, NotFollower, OutsideWindow, RateLimited, ZaloError

from tests.broadcast_fakes import FakeContentSender, MemoryBroadcasts, MemoryResults

DAY = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)  # 10:00 in Vietnam
NIGHT = datetime(2026, 11, 23, 16, 0, tzinfo=UTC)  # 23:00 in Vietnam


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def setup(now: datetime, rate: float = 10.0, **data):
    clock = Clock(now)
    broadcasts, results, client = MemoryBroadcasts(), MemoryResults(), FakeContentSender()
    body = {"unit_id": "u1", "text": "Cảnh báo lừa đảo", "at": (now + timedelta(hours=1)).isoformat(), **data}
    broadcast = new_broadcast(body, now - timedelta(days=1), "tester")
    broadcasts.save(broadcast)
    limiter = SlotLimiter(MemorySlotStore(), rate, clock=lambda: clock().timestamp())
    sender = BroadcastSender(broadcasts, results, client, limiter, clock, clock.sleep)
    return broadcast, sender, results, client, clock


def batch_of(broadcast, users) -> Batch:
    return Batch(broadcast.broadcast_id, "once", "oa1", tuple(users))


def test_sends_each_recipient_once_and_records_message_ids():
    broadcast, sender, results, client, _ = setup(DAY)
    report = sender.process(batch_of(broadcast, ["a", "b", "c"]), time_left=lambda: 100)
    assert report.results == Counter(sent=3)
    assert sorted(u for _, u in client.sent) == ["a", "b", "c"]
    assert len(results.message_ids(run_key(broadcast.broadcast_id, "once"))) == 3


def test_redelivered_batch_sends_nothing_twice():
    broadcast, sender, _results, client, _ = setup(DAY)
    batch = batch_of(broadcast, ["a", "b"])
    sender.process(batch, time_left=lambda: 100)
    again = sender.process(batch, time_left=lambda: 100)
    assert len(client.sent) == 2
    assert again.skipped_claimed == 2 and not again.results


def test_rate_is_never_exceeded():
    broadcast, sender, _, _client, clock = setup(DAY, rate=5.0)
    start = clock.now
    sender.process(batch_of(broadcast, [f"u{i}" for i in range(11)]), time_left=lambda: 100)
    # 11 sends spaced 0.2 s apart: the last one leaves exactly 2 s after the first.
    assert (clock.now - start).total_seconds() == pytest.approx(2.0)


def test_rate_limited_backs_off_then_sends_without_loss():
    broadcast, sender, _results, client, clock = setup(DAY)
    client.errors["b"] = [RateLimited(-32, "rate"), RateLimited(-32, "rate")]
    start = clock.now
    report = sender.process(batch_of(broadcast, ["a", "b", "c"]), time_left=lambda: 100)
    assert report.results == Counter(sent=3) and report.rate_limited == 2
    assert (clock.now - start).total_seconds() >= 1 + 2  # penalties of 1 s then 2 s


def test_rate_limited_storm_requeues_unsent_recipients():
    broadcast, sender, results, client, _ = setup(DAY)
    client.errors["b"] = [RateLimited(-32, "rate")] * 10
    report = sender.process(batch_of(broadcast, ["a", "b", "c"]), time_left=lambda: 1000)
    assert report.requeue is not None and report.requeue.batch.recipients == ("b", "c")
    assert results.counts(run_key(broadcast.broadcast_id, "once")) == Counter(sent=1)  # b's claim released
    client.errors.clear()
    sender.process(report.requeue.batch, time_left=lambda: 1000)
    assert sorted(u for _, u in client.sent) == ["a", "b", "c"]


def test_results_by_zalo_error():
    broadcast, sender, results, client, _ = setup(DAY)
    client.errors.update(a=[NotFollower(-213, "x")], b=[OutsideWindow(-230, "x")], c=[ZaloError(-201, "bad")])
    report = sender.process(batch_of(broadcast, ["a", "b", "c", "d"]), time_left=lambda: 100)
    assert report.results == Counter(unfollowed=1, skipped_out_of_window=1, failed=1, sent=1)
    assert results.rows[(run_key(broadcast.broadcast_id, "once"), "c")]["code"] == -201


def test_night_rule_defers_promotional_sends_until_six():
    broadcast, sender, _, client, _ = setup(NIGHT)
    report = sender.process(batch_of(broadcast, ["a"]), time_left=lambda: 100)
    assert client.sent == [] and report.requeue is not None and report.requeue.reason == "night"
    assert report.requeue.delay_seconds == 900
    assert night_resume_at(NIGHT) == datetime(2026, 11, 23, 23, 0, tzinfo=UTC)  # 06:00 in Vietnam
    assert night_resume_at(DAY) is None


def test_night_ban_from_zalo_releases_the_claim():
    broadcast, sender, results, client, _ = setup(DAY, promotional=False)
    client.errors["a"] = [NightBan(-234, "night")]
    report = sender.process(batch_of(broadcast, ["a", "b"]), time_left=lambda: 100)
    assert report.requeue is not None and report.requeue.batch.recipients == ("a", "b")
    assert not results.rows


def test_non_promotional_is_sent_at_night():
    broadcast, sender, _, client, _ = setup(NIGHT, promotional=False)
    sender.process(batch_of(broadcast, ["a"]), time_left=lambda: 100)
    assert client.sent == [("oa1", "a")]


def test_paused_and_cancelled():
    broadcast, sender, results, client, _ = setup(DAY)
    sender.broadcasts.set_status(broadcast.broadcast_id, "paused", DAY)
    assert sender.process(batch_of(broadcast, ["a"]), lambda: 100).requeue is not None
    sender.broadcasts.set_status(broadcast.broadcast_id, "cancelled", DAY)
    report = sender.process(batch_of(broadcast, ["a", "b"]), lambda: 100)
    assert report.requeue is None and client.sent == []
    # Every recipient still queued gets a final "cancelled" result: the status never shows them pending.
    assert report.results == Counter(cancelled=2)
    assert results.counts(run_key(broadcast.broadcast_id, "once")) == Counter(cancelled=2)
    again = sender.process(batch_of(broadcast, ["a", "b"]), lambda: 100)  # a redelivered batch
    assert again.results == Counter() and again.skipped_claimed == 2


def test_time_running_out_requeues():
    broadcast, sender, _, client, _ = setup(DAY)
    report = sender.process(batch_of(broadcast, ["a", "b"]), time_left=lambda: 1)
    assert client.sent == [] and report.requeue is not None and report.requeue.reason == "time"


@pytest.mark.parametrize(
    "data, error",
    [
        ({"text": ""}, texts.BROADCAST_ERROR_REQUIRED.format(field="text")),
        ({"audience": "1y"}, texts.BROADCAST_ERROR_AUDIENCE.format(choices="all, 48h, 7d")),
        ({"cron": "0 8 * * ? *"}, texts.BROADCAST_ERROR_AT_OR_CRON),
        ({"at": "2020-01-01T08:00"}, texts.BROADCAST_ERROR_AT_PAST),
        ({"at": "mai"}, texts.BROADCAST_ERROR_AT_FORMAT),
        ({"at": None, "cron": "0 8 * *"}, texts.BROADCAST_ERROR_CRON_FORMAT),
        ({"image_url": "http://x"}, texts.BROADCAST_ERROR_NOT_HTTPS.format(field="image_url")),
        ({"text": "x" * 2001}, texts.BROADCAST_ERROR_TOO_LONG.format(field="text", limit=2000)),
        ({"buttons": [{"title": "A"}]}, texts.BROADCAST_ERROR_BUTTON_TARGET.format(number=1)),
        ({"buttons": ["A"]}, texts.BROADCAST_ERROR_BUTTON_SHAPE.format(number=1)),
        ({"notice_id": "Nguyễn A"}, texts.BROADCAST_ERROR_NOTICE_ID),
    ],
)
def test_invalid_broadcasts_are_refused_with_a_vietnamese_reason(data, error):
    body = {"unit_id": "u1", "text": "x", "at": "2030-01-01T08:00", **data}
    body = {k: v for k, v in body.items() if v is not None}
    with pytest.raises(BroadcastError) as refused:
        new_broadcast(body, DAY, "t")
    assert str(refused.value) == error


def test_a_refused_state_change_names_action_and_state_in_vietnamese():
    broadcast = new_broadcast({"unit_id": "u1", "text": "x", "at": "2030-01-01T08:00"}, DAY, "t")
    with pytest.raises(BroadcastError) as refused:
        transition(broadcast.with_status("done", DAY), "cancel")
    assert str(refused.value) == "không thể hủy tin phát đang ở trạng thái “đã gửi xong”"


def test_wanted_notice_adds_tip_button_and_cron_is_kept():
    b = new_broadcast(
        {"unit_id": "u1", "text": "Truy nã", "cron": "0 8 ? * MON *", "notice_id": "nguyen-van-a"}, DAY, "t"
    )
    assert b.schedule == "cron(0 8 ? * MON *)" and not b.one_time
    assert b.content.buttons[-1].payload == "TIP:NOTICE:nguyen-van-a"
    assert b.content.buttons[-1].title == "Gửi tin về đối tượng này"


def test_notice_button_payload_starts_a_prefilled_tip():
    from anninh.conversation import tip_intake
    from anninh.tips.model import NOTICE_PAYLOAD_PREFIX

    assert tip_intake.notice_reference("TIP:NOTICE:nguyen-van-a") == "nguyen-van-a"
    assert tip_intake.notice_reference("TIP:NOTICE:") is None
    assert tip_intake.notice_reference("hello") is None
    assert NOTICE_PAYLOAD_PREFIX == "TIP:NOTICE:"
