"""StatsStore: the in-memory double and DynamoStatsStore add a flush's counters and durations to the unit's
Vietnam day the same way, and read back the days of a range in order."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from anninh.stats.counters import collecting, duration, tally
from anninh.stats.recording import DailyStats
from anninh.store.stats import DynamoStatsStore

from tests.memory_repositories import MemoryStats

Fresh = Callable[[str], str]  # the ``fresh`` fixture: a new id per call
T0 = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)  # 10:00 in Vietnam, 20 November


def store(backend: str) -> Any:
    return MemoryStats() if backend == "memory" else DynamoStatsStore()


def flush(repository: Any, at: datetime, key: str, work: Callable[[], None]) -> None:
    with collecting(at) as collected:
        work()
    assert repository.add(collected, key) is True


def test_flushes_add_up_per_unit_and_vietnam_day(backend: str, fresh: Fresh) -> None:
    repository, unit, other = store(backend), fresh("u-"), fresh("u-")

    def first() -> None:
        tally(unit, "messages", 2)
        tally(unit, "faq_answered")
        duration(unit, "ack_seconds", 12.34)
        tally(other, "messages")

    def second() -> None:
        tally(unit, "messages", 3)
        duration(unit, "ack_seconds", 60)
        # 23:30 UTC is 06:30 the next day in Vietnam.
        tally(unit, "followers_gained", at=datetime(2026, 11, 20, 23, 30, tzinfo=UTC))

    flush(repository, T0, "event-1", first)
    flush(repository, T0 + timedelta(hours=1), "event-2", second)
    days = repository.days(unit, date(2026, 11, 19), date(2026, 11, 22))
    assert days == [
        DailyStats(unit, date(2026, 11, 20), {"messages": 5, "faq_answered": 1}, {"ack_seconds": [12.3, 60]}),
        DailyStats(unit, date(2026, 11, 21), {"followers_gained": 1}, {}),
    ]
    assert repository.days(unit, date(2026, 11, 21), date(2026, 11, 21)) == days[1:]
    assert repository.days(other, date(2026, 11, 20), date(2026, 11, 20)) == [
        DailyStats(other, date(2026, 11, 20), {"messages": 1}, {})
    ]
    assert repository.days(fresh("u-"), date(2026, 11, 1), date(2026, 11, 30)) == []
