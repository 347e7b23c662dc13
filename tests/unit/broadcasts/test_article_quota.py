"""Each OA's monthly allowance of article broadcasts: the month, the allowance, the ledger's rules and the
sender's decision (anninh.broadcasts.quota, anninh.broadcasts.sender)."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

import pytest
from anninh.broadcasts.limiter import MemorySlotStore, SlotLimiter
from anninh.broadcasts.model import article_recipient, new_broadcast
from anninh.broadcasts.ports import run_key
from anninh.broadcasts.quota import (
    DEFAULT_ARTICLE_BROADCASTS_PER_MONTH,
    ArticleQuota,
    InMemoryAllowances,
    InMemoryQuotaLedger,
    allowance_from_env,
    check_allowance,
    quota_month,
)
from anninh.broadcasts.sender import Batch, BroadcastSender
from anninh.settings import ConfigError
from anninh.zalo.errors import NotFollower, QuotaExceeded, ZaloTransportError

from tests.broadcast_fakes import FakeContentSender, MemoryBroadcasts, MemoryResults

DAY = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)  # 10:00 in Vietnam
OA = "oa1"
ARTICLE = article_recipient(OA)


def test_the_month_is_vietnams() -> None:
    assert quota_month(datetime(2026, 11, 30, 16, 59, tzinfo=UTC)) == "2026-11"  # 23:59 in Vietnam
    assert quota_month(datetime(2026, 11, 30, 17, 0, tzinfo=UTC)) == "2026-12"  # 00:00 on the 1st
    assert quota_month(datetime(2026, 12, 31, 18, 0)) == "2027-01"  # naive times are UTC


def test_the_default_allowance_is_documented_and_overridable() -> None:
    assert allowance_from_env({}) == DEFAULT_ARTICLE_BROADCASTS_PER_MONTH == 4
    assert allowance_from_env({"ARTICLE_BROADCASTS_PER_MONTH": "10"}) == 10
    for bad in ("-1", "x", "1001", "2.5"):
        with pytest.raises(ConfigError, match="ARTICLE_BROADCASTS_PER_MONTH"):
            allowance_from_env({"ARTICLE_BROADCASTS_PER_MONTH": bad})
    for bad_value in (True, -1, 1001, 2.0, "3"):
        with pytest.raises(ValueError):
            check_allowance(bad_value)


def test_an_oas_own_allowance_wins_over_the_default() -> None:
    quota = ArticleQuota(InMemoryQuotaLedger(), InMemoryAllowances({"oa-big": 6, "oa-none": 0}), 2)
    assert [quota.allowance_of(oa) for oa in ("oa-big", "oa-none", "oa-other")] == [6, 0, 2]
    assert not quota.reserve("oa-none", "b#once", DAY).granted  # 0: no article broadcasts at all
    assert quota.reserve("oa-big", "b#once", DAY).granted
    assert quota.status("oa-big", DAY) == {
        "month": "2026-11",
        "broadcasts_per_month": 6,
        "source": "configured",
        "used": 1,
        "remaining": 5,
        "exhausted": False,
    }
    assert quota.status("oa-other", DAY)["source"] == "default"


def test_the_ledger_counts_each_run_once_and_stops_at_the_allowance() -> None:
    ledger = InMemoryQuotaLedger()
    assert [ledger.reserve(OA, "2026-11", key, 2).granted for key in ("a", "a", "b", "c", "b")] == [
        True,
        True,
        True,
        False,
        True,
    ]
    assert ledger.usage(OA, "2026-11").used == 2
    ledger.release(OA, "2026-11", "b")
    assert ledger.reserve(OA, "2026-11", "c", 2).granted
    ledger.mark_exhausted(OA, "2026-11")
    decision = ledger.reserve(OA, "2026-11", "d", 10)
    assert not decision.granted and decision.exhausted and decision.remaining == 0


def sender_with(allowance: int):
    broadcasts, results, client = MemoryBroadcasts(), MemoryResults(), FakeContentSender()
    ledger = InMemoryQuotaLedger()
    quota = ArticleQuota(ledger, InMemoryAllowances({OA: allowance}))
    limiter = SlotLimiter(MemorySlotStore(), 10.0, clock=lambda: DAY.timestamp())
    sender = BroadcastSender(broadcasts, results, client, limiter, lambda: DAY, lambda _s: None, quota=quota)

    def article_batch() -> Batch:
        body = {"unit_id": "u1", "text": "Cảnh báo lừa đảo", "audience": "all", "at": "2030-01-01T08:00"}
        broadcast = new_broadcast(body, DAY, "tester")
        broadcasts.save(broadcast)
        return Batch(broadcast.broadcast_id, "once", OA, (ARTICLE,))

    return sender, results, client, ledger, article_batch


def test_an_article_past_the_allowance_is_held_not_sent() -> None:
    sender, results, client, ledger, article_batch = sender_with(1)
    first, second = article_batch(), article_batch()
    assert sender.process(first, time_left=lambda: 100).results == Counter(sent=1)
    held = sender.process(second, time_left=lambda: 100)
    assert held.results == Counter(held=1) and held.held_for_quota == [OA]
    assert client.sent == [(OA, ARTICLE)]
    assert results.counts(run_key(second.broadcast_id, "once")) == {"held": 1}
    assert results.reasons(run_key(second.broadcast_id, "once")) == {"quota": 1}
    again = sender.process(first, time_left=lambda: 100)  # a redelivery of the sent one
    assert again.skipped_claimed == 1 and not again.results and client.sent == [(OA, ARTICLE)]
    assert ledger.usage(OA, "2026-11").used == 1


def test_consultation_messages_never_ask_the_ledger() -> None:
    sender, _results, _client, ledger, _ = sender_with(0)
    consultation = new_broadcast(
        {"unit_id": "u1", "text": "x", "audience": "7d", "at": "2030-01-01T08:00"}, DAY, "t"
    )
    sender.broadcasts.save(consultation)
    report = sender.process(Batch(consultation.broadcast_id, "once", OA, ("u1", "u2")), time_left=lambda: 100)
    assert report.results == Counter(sent=2) and not report.held_for_quota
    assert ledger.months == {}


def test_zalo_out_of_quota_holds_and_exhausts_other_refusals_give_the_place_back() -> None:
    sender, _results, client, ledger, article_batch = sender_with(5)
    client.errors[ARTICLE] = [QuotaExceeded(-211, "out of quota")]
    report = sender.process(article_batch(), time_left=lambda: 100)
    assert report.results == Counter(held=1) and report.held_for_quota == [OA]
    assert ledger.usage(OA, "2026-11").exhausted
    assert sender.process(article_batch(), time_left=lambda: 100).results == Counter(held=1)  # month closed

    sender, _results, client, ledger, article_batch = sender_with(5)
    client.errors[ARTICLE] = [NotFollower(-213, "refused for another reason")]
    assert sender.process(article_batch(), time_left=lambda: 100).results == Counter(unfollowed=1)
    assert ledger.usage(OA, "2026-11").used == 0  # certainly not sent: the place is given back

    client.errors[ARTICLE] = [ZaloTransportError("read timeout", retryable=True, http_status=504)]
    assert sender.process(article_batch(), time_left=lambda: 100).results == Counter(in_doubt=1)
    assert ledger.usage(OA, "2026-11").used == 1  # may have been sent: the place stays taken
