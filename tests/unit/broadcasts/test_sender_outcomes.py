"""What the sender records when it cannot know or cannot send: in doubt (never re-sent), expired (deferred
for too long, with the reason), and the status that reports both."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

import requests
from anninh.broadcasts import service
from anninh.broadcasts.limiter import MemorySlotStore, SlotLimiter
from anninh.broadcasts.model import new_broadcast
from anninh.broadcasts.ports import CLAIMED, Outcome, run_key
from anninh.broadcasts.sender import Batch, BroadcastSender, never_reached_zalo
from anninh.zalo.errors import ZaloTransportError
from urllib3.exceptions import MaxRetryError, NewConnectionError, ReadTimeoutError

from tests.broadcast_fakes import FakeContentSender, MemoryBroadcasts, MemoryResults

DAY = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)  # 10:00 in Vietnam
NIGHT = datetime(2026, 11, 23, 16, 0, tzinfo=UTC)  # 23:00 in Vietnam
LEASE = timedelta(seconds=180)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def setup(now: datetime, max_defer: timedelta = timedelta(hours=24), **data):
    clock = Clock(now)
    broadcasts, results, client = MemoryBroadcasts(), MemoryResults(), FakeContentSender()
    body = {"unit_id": "u1", "text": "Cảnh báo lừa đảo", "at": (now + timedelta(hours=1)).isoformat(), **data}
    broadcast = new_broadcast(body, now - timedelta(days=1), "tester")
    broadcasts.save(broadcast)
    broadcasts.start_run(broadcast.broadcast_id, "once", 3, "running", now)
    limiter = SlotLimiter(MemorySlotStore(), 10.0, clock=lambda: clock().timestamp())
    sender = BroadcastSender(
        broadcasts, results, client, limiter, clock, clock.sleep, max_defer=max_defer, claim_lease=LEASE
    )
    return broadcast, sender, results, client, clock


def batch_of(broadcast, users) -> Batch:
    return Batch(broadcast.broadcast_id, "once", "oa1", tuple(users))


def transport_error(cause: Exception, http_status: int | None = None) -> ZaloTransportError:
    error = ZaloTransportError("no usable answer", retryable=True, http_status=http_status)
    error.__cause__ = cause
    return error


REFUSED = requests.ConnectionError(
    MaxRetryError(None, "/v3.0/oa/message/cs", NewConnectionError(None, "Connection refused"))  # type: ignore[arg-type]
)
READ_TIMEOUT = requests.ReadTimeout(ReadTimeoutError(None, "/v3.0/oa/message/cs", "read timed out"))  # type: ignore[arg-type]


class Progressless:
    def receipts(self, message_ids: list[str]) -> tuple[int, int]:
        return (0, 0)


def test_only_a_refused_or_unmade_connection_certainly_never_reached_zalo():
    assert never_reached_zalo(transport_error(REFUSED))
    assert never_reached_zalo(transport_error(requests.ConnectTimeout("connect timed out")))
    assert not never_reached_zalo(transport_error(READ_TIMEOUT))
    assert not never_reached_zalo(transport_error(requests.ConnectionError("Connection aborted.")))
    assert not never_reached_zalo(
        ZaloTransportError("Zalo answered HTTP 502", retryable=True, http_status=502)
    )


def test_a_lost_answer_is_in_doubt_and_never_sent_again():
    broadcast, sender, results, client, _ = setup(DAY)
    client.errors["b"] = [transport_error(READ_TIMEOUT)]
    batch = batch_of(broadcast, ["a", "b", "c"])
    report = sender.process(batch, time_left=lambda: 100)
    assert report.results == Counter(sent=2, in_doubt=1) and report.requeue is None
    again = sender.process(batch, time_left=lambda: 100)  # a redelivery of the same batch
    assert again.skipped_claimed == 3 and not again.results
    assert sorted(u for _, u in client.sent) == ["a", "c"]
    run = run_key(broadcast.broadcast_id, "once")
    assert results.rows[(run, "b")]["reason"] == "answer_lost"


def test_zalo_unreachable_releases_the_claim_and_retries_the_rest_later():
    broadcast, sender, results, client, clock = setup(DAY)
    client.errors["b"] = [transport_error(REFUSED)]
    report = sender.process(batch_of(broadcast, ["a", "b", "c"]), time_left=lambda: 100)
    assert report.requeue is not None
    assert (report.requeue.reason, report.requeue.delay_seconds) == ("zalo_unreachable", 60)
    assert report.requeue.batch.recipients == ("b", "c")
    assert report.requeue.batch.deferred_since == clock.now  # stamped: the cap now counts
    assert results.counts(run_key(broadcast.broadcast_id, "once")) == Counter(sent=1)
    sender.process(report.requeue.batch, time_left=lambda: 100)
    assert sorted(u for _, u in client.sent) == ["a", "b", "c"]


def test_http_429_slows_down_like_minus_32():
    broadcast, sender, _, client, clock = setup(DAY)
    client.errors["a"] = [transport_error(requests.HTTPError("429"), http_status=429)]
    start = clock.now
    report = sender.process(batch_of(broadcast, ["a"]), time_left=lambda: 100)
    assert report.results == Counter(sent=1) and report.rate_limited == 1
    assert (clock.now - start).total_seconds() >= 1


def test_a_claim_left_by_a_stopped_sender_becomes_in_doubt_after_the_lease():
    broadcast, sender, results, client, clock = setup(DAY)
    run = run_key(broadcast.broadcast_id, "once")
    results.claim(run, "b", "claim-of-a-sender-that-crashed", DAY)  # claimed, never finished
    batch = batch_of(broadcast, ["a", "b", "c"])

    clock.now = DAY + timedelta(seconds=30)  # the lease still runs: that sender may be working on it
    report = sender.process(batch, time_left=lambda: 100)
    assert report.results == Counter(sent=2)
    assert report.requeue is not None and report.requeue.reason == "claimed"
    assert report.requeue.batch.recipients == ("b",) and report.requeue.delay_seconds == 181
    assert results.rows[(run, "b")]["status"] == CLAIMED

    clock.now = DAY + LEASE + timedelta(seconds=1)  # the re-queued recipient comes back after the lease
    later = sender.process(report.requeue.batch, time_left=lambda: 100)
    assert later.results == Counter(in_doubt=1) and later.requeue is None
    assert (results.rows[(run, "b")]["status"], results.rows[(run, "b")]["reason"]) == (
        "in_doubt",
        "sender_stopped",
    )
    assert sorted(u for _, u in client.sent) == ["a", "c"]  # never re-sent


def test_a_claim_finished_by_its_sender_meanwhile_is_simply_skipped():
    broadcast, sender, results, client, clock = setup(DAY)
    run = run_key(broadcast.broadcast_id, "once")
    client.sent.append(("oa1", "a"))
    results.claim(run, "a", "other", DAY)
    sender.process(batch_of(broadcast, ["b"]), time_left=lambda: 100)
    results.finish(run, "a", "other", Outcome("sent", message_id="m0"), DAY)
    clock.now = DAY + timedelta(hours=1)
    report = sender.process(batch_of(broadcast, ["a"]), time_left=lambda: 100)
    assert report.skipped_claimed == 1 and not report.results and report.requeue is None


def test_a_paused_broadcast_s_batches_expire_after_the_cap_with_their_reason():
    broadcast, sender, results, client, clock = setup(DAY, max_defer=timedelta(hours=6))
    sender.broadcasts.set_status(broadcast.broadcast_id, "paused", DAY)
    batch = batch_of(broadcast, ["a", "b", "c"])
    report = sender.process(batch, time_left=lambda: 100)
    assert report.requeue is not None and report.requeue.reason == "paused"
    waiting = Batch.from_json(report.requeue.batch.to_json())  # as it travels through SQS
    assert (waiting.deferred_since, waiting.deferred_reason) == (DAY, "paused")

    clock.now = DAY + timedelta(hours=5)  # still paused, within the cap: waits again, first stamp kept
    report = sender.process(waiting, time_left=lambda: 100)
    assert report.requeue is not None and report.requeue.batch.deferred_since == DAY

    clock.now = DAY + timedelta(hours=6, minutes=1)
    report = sender.process(report.requeue.batch, time_left=lambda: 100)
    assert report.results == Counter(expired=3) and report.requeue is None and client.sent == []
    run = run_key(broadcast.broadcast_id, "once")
    assert {results.rows[(run, u)]["reason"] for u in "abc"} == {"paused"}

    sender.broadcasts.set_status(broadcast.broadcast_id, "running", clock.now)
    progress = service.progress(
        sender.broadcasts.get(broadcast.broadcast_id),
        results,
        Progressless(),
        sender.broadcasts,
        clock.now,
    )
    assert (progress.counts["expired"], progress.pending, progress.status) == (3, 0, "done")
    assert progress.as_json()["reasons"] == {"paused": 3}


def test_a_night_deferral_within_the_cap_is_sent_in_the_morning():
    broadcast, sender, _, client, clock = setup(NIGHT, max_defer=timedelta(hours=8))
    report = sender.process(batch_of(broadcast, ["a", "b"]), time_left=lambda: 100)
    assert report.requeue is not None and report.requeue.batch.deferred_reason == "night"
    clock.now = NIGHT + timedelta(hours=7, minutes=1)  # 06:01 in Vietnam
    morning = sender.process(report.requeue.batch, time_left=lambda: 100)
    assert morning.results == Counter(sent=2) and sorted(u for _, u in client.sent) == ["a", "b"]


def test_expiry_never_overwrites_a_result_and_resolves_a_stale_claim():
    broadcast, sender, results, _client, clock = setup(DAY, max_defer=timedelta(hours=1))
    run = run_key(broadcast.broadcast_id, "once")
    sender.process(batch_of(broadcast, ["a"]), time_left=lambda: 100)  # a: sent
    results.claim(run, "b", "crashed", DAY)  # b: claimed by a sender that stopped
    overdue = batch_of(broadcast, ["a", "b", "c"]).deferred("rate_limited", DAY)
    clock.now = DAY + timedelta(hours=2)
    report = sender.process(overdue, time_left=lambda: 100)
    assert report.results == Counter(expired=1, in_doubt=1) and report.skipped_claimed == 1
    assert results.counts(run) == Counter(sent=1, in_doubt=1, expired=1)
    assert results.reasons(run) == Counter(sender_stopped=1, rate_limited=1)


def test_a_batch_without_a_time_zone_on_its_deferral_is_refused():
    body = Batch("b1", "once", "oa1", ("a",), DAY, "night").to_json().replace("+00:00", "")
    try:
        Batch.from_json(body)
    except ValueError as exc:
        assert "time zone" in str(exc)
    else:
        raise AssertionError("a naive deferral time was accepted")
