"""Counting per unit and Vietnam day: collected while an event runs, written once, summed up the tree."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from anninh.public.pages import PublicPages
from anninh.stats.counters import COUNTERS, DURATIONS, LEVELS, collecting, duration, tally, vietnam_day
from anninh.stats.recording import gather, record
from anninh.store.stats import StatsModel
from anninh.tips.model import Tip
from anninh.tips.service import change_status
from anninh.units.model import Unit

from tests.memory_repositories import MemoryStats, MemoryTips, MemoryUnits

AT = datetime(2026, 12, 3, 16, 59, tzinfo=UTC)  # 23:59 in Vietnam


def test_the_day_is_vietnam_time() -> None:
    assert vietnam_day(AT) == date(2026, 12, 3)
    assert vietnam_day(AT + timedelta(minutes=1)) == date(2026, 12, 4)


def test_tallies_outside_a_collector_are_dropped_and_unknown_counters_refused() -> None:
    tally("xa-a", "messages")  # no collector: nothing to write, nothing raised
    with pytest.raises(ValueError):
        tally("xa-a", "mesages")
    with pytest.raises(ValueError):
        duration("xa-a", "ack", 1.0)


def test_an_event_that_counted_nothing_writes_nothing_and_counts_add_up() -> None:
    store = MemoryStats()
    with collecting(AT) as nothing:
        pass
    assert record(store, nothing, "oa:msg-0") is False and store.flushes == []
    for key in ("oa:msg-1", "oa:msg-2"):
        with collecting(AT) as collected:
            tally("xa-a", "messages")
            tally("xa-a", "faq_answered", int(key.endswith("1")))
        record(store, collected, key)
    summary = gather(store, ["xa-a"], date(2026, 12, 3), date(2026, 12, 3))
    assert summary.counts["messages"] == 2 and summary.counts["faq_answered"] == 1


def test_rollup_sums_units_and_takes_medians_of_all_durations() -> None:
    store = MemoryStats()
    for n, (unit, seconds) in enumerate([("xa-a", 600), ("xa-a", 1800), ("xa-b", 7200)]):
        with collecting(AT) as collected:
            tally(unit, "tips_acknowledged")
            duration(unit, "ack_seconds", seconds)
        record(store, collected, f"k{n}")
    both = gather(store, ["xa-a", "xa-b"], date(2026, 12, 1), date(2026, 12, 31))
    assert both.counts["tips_acknowledged"] == 3
    assert both.medians["ack_seconds"] == 1800 and both.samples["ack_seconds"] == 3
    alone = gather(store, ["xa-b"], date(2026, 12, 1), date(2026, 12, 31))
    assert alone.medians["ack_seconds"] == 7200 and alone.medians["close_seconds"] is None


def test_status_changes_count_acknowledgement_and_close_with_their_times() -> None:
    tips = MemoryTips()
    created = AT - timedelta(hours=5)
    tip = Tip("t1", "xa-a", "XA-ABCDEFG", "ma_tuy", "mô tả", "anonymous", "k", "oa", "u", created, created)
    tips.create(tip)
    store = MemoryStats()
    with collecting(AT) as collected:
        tip = change_status(tips, tip, "da_tiep_nhan", None, "cb", AT - timedelta(hours=4))
        change_status(tips, tip, "da_xu_ly", "Đã bắt giữ đối tượng.", "cb", AT)
    record(store, collected, "admin:req-1")
    summary = gather(store, ["xa-a"], date(2026, 12, 3), date(2026, 12, 3))
    assert summary.counts["tips_acknowledged"] == 1 and summary.counts["tips_resolved"] == 1
    assert summary.medians["ack_seconds"] == 3600 and summary.medians["close_seconds"] == 5 * 3600


def test_the_dynamodb_model_has_one_attribute_per_counter_and_duration() -> None:
    attributes = set(StatsModel.get_attributes()) - {"unit_id", "day", "moved_to"}  # moved_to: a merger
    assert attributes == set(COUNTERS) | set(DURATIONS) | set(LEVELS)


def _tip(tip_id: str, unit_id: str, status: str, result: str | None) -> Tip:
    return Tip(
        tip_id,
        unit_id,
        f"CODE{tip_id.upper()}77",
        "co_bac",
        "Sới bạc ở nhà ông Nguyễn Văn Bí, số 12 ngõ 3",
        "confidential",
        "reporter-key",
        "oa-1",
        "8765432100000000001",
        AT - timedelta(days=2),
        AT - timedelta(days=1),
        status=status,
        place="số 12 ngõ 3 thôn Đông",
        occurred="tối thứ Bảy",
        contact_name="Trần Thị Mơ",
        contact_phone="0912345678",
        public_result=result,
    )


def test_public_page_rolls_up_children_and_shows_only_public_results() -> None:
    units = MemoryUnits(
        [
            Unit("tinh", "Công an tỉnh Demo", "province", hotline="0200 113", oa_id="111"),
            Unit("xa-a", "Công an xã A", "commune", parent_id="tinh", oa_id="222"),
            Unit("xa-b", "Công an xã B", "commune", parent_id="tinh"),
        ]
    )
    tips = MemoryTips()
    tips.create(_tip("t1", "xa-a", "da_xu_ly", "Đã triệt phá tụ điểm đánh bạc, xử phạt 5 đối tượng."))
    tips.create(_tip("t2", "xa-b", "dang_xac_minh", None))
    store = MemoryStats()
    with collecting(AT) as collected:
        tally("xa-a", "tips_submitted", 2)
        tally("xa-a", "tips_co_bac", 2)
        tally("xa-b", "tips_submitted")
        tally("xa-b", "tips_co_bac")
        tally("tinh", "messages", 7)
    record(store, collected, "seed")
    pages = PublicPages(units, store, tips, clock=lambda: AT)
    province = pages.respond("tinh")
    assert province.status == 200 and province.cache_seconds == 300
    assert "Đã triệt phá tụ điểm đánh bạc" in province.body and "Công an xã A" in province.body
    assert 'href="/public/xa-a"' in province.body and 'href="/public/xa-b"' in province.body
    assert 'data-counter="tips_submitted"><b>3<' in province.body
    for private in (
        "Nguyễn Văn Bí",
        "số 12 ngõ 3",
        "tối thứ Bảy",
        "Trần Thị Mơ",
        "0912345678",
        "CODET1",
        "8765432100000000001",
    ):
        assert private not in province.body
    commune = pages.respond("xa-b.json")
    assert commune.content_type.startswith("application/json")
    assert '"tips_submitted": 1' in commune.body and "triệt phá" not in commune.body
    assert pages.respond("khong-co").status == 404
    assert pages.respond("../etc").status == 404
    assert pages.respond("X" * 500).status == 404
