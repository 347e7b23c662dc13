"""What is counted per unit and day, and the collector that gathers it while one event or request runs.

Services call :func:`tally` and :func:`duration` where something countable happens (a follow, an FAQ answer,
a tip filed or closed). Nothing is written there: the function's entry point opens :func:`collecting` around
one event (or one admin request) and, once the work succeeded, hands the collected rows to the recorder
with the event's key, which writes them exactly once (anninh.stats.recording). Outside a collector (unit
tests, the CLI) tallies are dropped.
"""

from __future__ import annotations

import contextvars
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
TIP_CATEGORY_KEYS = (
    "ma_tuy",
    "co_bac",
    "trom_cap",
    "lua_dao",
    "gay_thuong_tich",
    "an_ninh_trat_tu",
    "an_toan_giao_thong",
    "te_nan_xa_hoi",
    "khac",
)
COUNTERS: tuple[str, ...] = (
    "followers_gained",
    "followers_lost",
    "messages",
    "faq_answered",
    "faq_refused",
    "faq_helpful",
    "faq_not_helpful",
    "questions_handed",
    "questions_answered",
    "tips_submitted",
    "tips_urgent",
    *(f"tips_{key}" for key in TIP_CATEGORY_KEYS),
    "tips_acknowledged",
    "tips_resolved",
    "tips_unfounded",
    "tips_transferred",
    "broadcast_messages_sent",  # messages the broadcast sender tried (each recipient once, by its claim)
    # ... and those Zalo accepted, per channel (an article broadcast is one accepted send per OA).
    "broadcasts_reached_consultation",
    "broadcasts_reached_article",
)
# Levels: one number per unit, not per day, moved by deltas (and set by a complete follower sync).
# followers_total: the unit's OA's current followers (follow/unfollow flips and Zalo's list, never a scan).
LEVELS: tuple[str, ...] = ("followers_total",)
# Seconds from a tip's filing to its first handling / its close, from a question's hand-over to its answer:
# kept as lists so medians over any range are exact (a unit files a few tips a day).
DURATIONS: tuple[str, ...] = ("ack_seconds", "close_seconds", "answer_seconds")
_COUNTERS = frozenset(COUNTERS)
_LEVELS = frozenset(LEVELS)
_DURATIONS = frozenset(DURATIONS)


def vietnam_day(moment: datetime) -> date:
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(VIETNAM).date()


@dataclass
class Collected:
    """What one event or request counted, per (unit, Vietnam day)."""

    at: datetime
    counts: dict[tuple[str, date], Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    durations: dict[tuple[str, date], dict[str, list[float]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list))
    )
    levels: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))  # unit -> deltas

    @property
    def empty(self) -> bool:
        return (
            not any(self.counts.values())
            and not any(self.durations.values())
            and not any(n for deltas in self.levels.values() for n in deltas.values())
        )

    def units_and_days(self) -> list[tuple[str, date]]:
        return sorted(set(self.counts) | set(self.durations))


_current: contextvars.ContextVar[Collected | None] = contextvars.ContextVar("anninh_stats", default=None)


@contextmanager
def collecting(at: datetime) -> Iterator[Collected]:
    """Collect the tallies of one event (or request) that happens at ``at``."""
    collected = Collected(at=at)
    token = _current.set(collected)
    try:
        yield collected
    finally:
        _current.reset(token)


def tally(unit_id: str, counter: str, n: int = 1, at: datetime | None = None) -> None:
    if counter not in _COUNTERS:
        raise ValueError(f"unknown statistics counter: {counter}")
    collected = _current.get()
    if collected is None or n == 0:
        return
    collected.counts[(unit_id, vietnam_day(at or collected.at))][counter] += n


def move(unit_id: str, level: str, delta: int) -> None:
    """Move a level (LEVELS) of ``unit_id`` by ``delta``; written with the event's other tallies."""
    if level not in _LEVELS:
        raise ValueError(f"unknown statistics level: {level}")
    collected = _current.get()
    if collected is None or delta == 0:
        return
    collected.levels[unit_id][level] += delta


def duration(unit_id: str, name: str, seconds: float, at: datetime | None = None) -> None:
    if name not in _DURATIONS:
        raise ValueError(f"unknown statistics duration: {name}")
    collected = _current.get()
    if collected is None:
        return
    collected.durations[(unit_id, vietnam_day(at or collected.at))][name].append(round(max(seconds, 0.0), 1))
