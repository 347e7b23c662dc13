"""Writing collected tallies exactly once, and reading them back rolled up the unit tree."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from anninh.stats.counters import COUNTERS, DURATIONS, LEVELS, Collected


@dataclass(frozen=True)
class DailyStats:
    unit_id: str
    day: date
    counts: dict[str, int]
    durations: dict[str, list[float]] = field(default_factory=dict)


class StatsStore(Protocol):
    # ``once_key`` names the event or request (logs, doubles in tests); False: nothing was written.
    def add(self, collected: Collected, once_key: str) -> bool: ...
    def days(self, unit_id: str, start: date, end: date) -> list[DailyStats]: ...
    def levels(self, unit_id: str) -> dict[str, int]: ...  # LEVELS, now (not per day)
    def set_level(self, unit_id: str, level: str, value: int) -> None: ...


def record(store: StatsStore, collected: Collected, once_key: str) -> bool:
    """Write what one event counted (the caller runs it once per event: see anninh.store.stats)."""
    if collected.empty:
        return False
    return store.add(collected, once_key)


@dataclass(frozen=True)
class Summary:
    """Totals of every counter and medians of every duration over some units and days."""

    counts: dict[str, int]
    medians: dict[str, float | None]
    samples: dict[str, int]
    days: list[DailyStats]

    def daily_totals(self) -> list[tuple[date, dict[str, int]]]:
        per_day: dict[date, Counter[str]] = {}
        for row in self.days:
            per_day.setdefault(row.day, Counter()).update(row.counts)
        return [(day, {c: per_day[day].get(c, 0) for c in COUNTERS}) for day in sorted(per_day)]


def summarize(rows: Iterable[DailyStats]) -> Summary:
    rows = list(rows)
    totals: Counter[str] = Counter()
    samples: dict[str, list[float]] = {name: [] for name in DURATIONS}
    for row in rows:
        totals.update(row.counts)
        for name, values in row.durations.items():
            samples.setdefault(name, []).extend(values)
    return Summary(
        counts={name: int(totals.get(name, 0)) for name in COUNTERS},
        medians={name: (statistics.median(v) if v else None) for name, v in samples.items()},
        samples={name: len(v) for name, v in samples.items()},
        days=sorted(rows, key=lambda r: (r.day, r.unit_id)),
    )


def gather(store: StatsStore, unit_ids: Iterable[str], start: date, end: date) -> Summary:
    """The summary of ``unit_ids`` (a unit alone, or it and its descendants) from ``start`` to ``end``."""
    rows: list[DailyStats] = []
    for unit_id in unit_ids:
        rows.extend(store.days(unit_id, start, end))
    return summarize(rows)


def gather_levels(store: StatsStore, unit_ids: Iterable[str]) -> dict[str, int]:
    """The levels (LEVELS: followers_total) of ``unit_ids`` added up, as they stand now."""
    totals: Counter[str] = Counter()
    for unit_id in unit_ids:
        totals.update(store.levels(unit_id))
    return {name: int(totals.get(name, 0)) for name in LEVELS}
