"""The leaders' weekly picture: which week, what it says, a real chart, once per leader, failures isolated."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pytest
from anninh.officers.model import Officer
from anninh.stats.counters import collecting, tally
from anninh.stats.recording import record
from anninh.stats.weekly import Picture, send_weekly, week_before
from anninh.units.model import Unit
from anninh.units.tree import UnitTree
from anninh.zalo.errors import NotFollower, ZaloError
from PIL import Image

from tests.memory_repositories import MemoryOfficers, MemoryStats

MONDAY_7AM = datetime(2026, 12, 7, 0, 0, tzinfo=UTC)  # 07:00 in Vietnam


def test_the_week_is_the_monday_to_sunday_before_the_run() -> None:
    week = week_before(MONDAY_7AM)
    assert (week.monday, week.sunday) == (date(2026, 11, 30), date(2026, 12, 6))
    assert week.key == "2026-W49"
    assert week_before(datetime(2026, 12, 6, 16, 59, tzinfo=UTC)).monday == date(2026, 11, 23)  # Sunday 23:59


def tree() -> UnitTree:
    return UnitTree(
        [
            Unit("tinh", "Công an tỉnh Demo", "province", oa_id="111"),
            Unit("xa-a", "Công an xã A", "commune", parent_id="tinh", oa_id="222"),
        ]
    )


def leader(unit_id: str, user_id: str, oa_id: str) -> Officer:
    return Officer(unit_id=unit_id, user_id=user_id, name="Lãnh đạo", role="lanh_dao", oa_id=oa_id)


def seeded_stats() -> MemoryStats:
    store = MemoryStats()
    with collecting(datetime(2026, 12, 2, 3, tzinfo=UTC)) as collected:
        tally("xa-a", "tips_submitted", 4)
        tally("xa-a", "tips_resolved", 3)
        tally("tinh", "faq_answered", 120)
        tally("xa-a", "followers_gained", 1234)
    record(store, collected, "seed")
    return store


def test_each_leader_gets_the_subtree_figures_and_a_chart() -> None:
    officers = MemoryOfficers()
    officers.save(leader("tinh", "900", "111"))
    officers.save(leader("xa-a", "901", "222"))
    officers.save(Officer(unit_id="xa-a", user_id="902", name="Trực ban", role="truc_ban", oa_id="222"))
    sent: dict[str, Picture] = {}
    count, _ = send_weekly(
        officers,
        seeded_stats(),
        tree(),
        MONDAY_7AM,
        lambda key, p: sent.setdefault(key, p),
        lambda o, e: False,
    )
    assert count == 2 and set(sent) == {"weekly:2026-W49:111:900", "weekly:2026-W49:222:901"}
    province = sent["weekly:2026-W49:111:900"]
    assert "Công an tỉnh Demo (2 đơn vị)" in province.caption
    assert "4 tiếp nhận" in province.caption and "3 đã xử lý" in province.caption
    assert "120 trả lời ngay" in province.caption and "+1.234" in province.caption
    commune = sent["weekly:2026-W49:222:901"]
    assert "120 trả lời ngay" not in commune.caption  # the province's own figures are not the commune's
    image = Image.open(io.BytesIO(province.png))
    assert image.format == "PNG" and image.size == (900, 360) and len(province.png) < 1024 * 1024


def test_an_unreachable_leader_is_skipped_and_another_failure_raises_after_serving_the_rest() -> None:
    officers = MemoryOfficers()
    officers.save(leader("tinh", "900", "111"))
    officers.save(leader("xa-a", "901", "222"))
    served: list[str] = []

    def flaky(key: str, picture: Picture) -> None:
        if picture.leader.user_id == "900":
            raise NotFollower(-213, "not a follower")
        served.append(key)

    def window_only(officer: Officer, exc: Exception) -> bool:
        return isinstance(exc, ZaloError) and exc.window_error

    count, _ = send_weekly(officers, seeded_stats(), tree(), MONDAY_7AM, flaky, window_only)
    assert count == 1 and served == ["weekly:2026-W49:222:901"]

    def broken(key: str, picture: Picture) -> None:
        if picture.leader.user_id == "900":
            raise RuntimeError("Zalo down")
        served.append(key)

    with pytest.raises(RuntimeError):
        send_weekly(officers, seeded_stats(), tree(), MONDAY_7AM, broken, window_only)
    assert served[-1] == "weekly:2026-W49:222:901"  # the other leader was served before the re-raise
