"""What a unit's public page shows, decided from the unit tree, the daily statistics and closed tips.

Only aggregates and the public results officers wrote for tips closed as "đã xử lý" (date, category, result)
appear: never a description, a place, the time of the event, a reporter, a tip code or media.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from anninh.stats.counters import vietnam_day
from anninh.stats.recording import StatsStore, Summary, gather, summarize
from anninh.tips.model import CATEGORIES
from anninh.tips.ports import TipRepository
from anninh.units.model import Unit
from anninh.units.tree import UnitTree

RESULTS_SHOWN = 20
RESULTS_PER_UNIT = 10
WINDOW_DAYS = 30
OA_LINK_PREFIX = "https://zalo.me/"


@dataclass(frozen=True)
class PublicResult:
    day: date
    category: str  # the label people read
    unit_name: str
    result: str


@dataclass(frozen=True)
class PublicView:
    unit_id: str
    name: str
    hotline: str | None
    oa_link: str | None
    today: date
    last_30_days: Summary
    year_to_date: Summary
    results: list[PublicResult]
    parent: tuple[str, str] | None  # (unit_id, name)
    children: list[tuple[str, str]]


def _hotline(tree: UnitTree, unit: Unit) -> str | None:
    for candidate in [unit, *tree.ancestors(unit.unit_id)]:
        if candidate.hotline:
            return candidate.hotline
    return None


def public_view(
    unit: Unit, tree: UnitTree, stats: StatsStore, tips: TipRepository, now: datetime
) -> PublicView:
    today = vietnam_day(now)
    window_start = today - timedelta(days=WINDOW_DAYS - 1)
    year_start = date(today.year, 1, 1)
    subtree = [unit, *tree.descendants(unit.unit_id)]
    everything = gather(stats, [u.unit_id for u in subtree], min(window_start, year_start), today)
    last_30 = summarize(r for r in everything.days if r.day >= window_start)
    ytd = summarize(r for r in everything.days if r.day >= year_start)
    results: list[tuple[datetime, PublicResult]] = []
    for member in subtree:
        for tip in tips.list_unit(member.unit_id, status="da_xu_ly", limit=RESULTS_PER_UNIT):
            if not (tip.public_result or "").strip():
                continue
            results.append(
                (
                    tip.updated_at,
                    PublicResult(
                        day=vietnam_day(tip.updated_at),
                        category=CATEGORIES.get(tip.category, CATEGORIES["khac"]),
                        unit_name=member.name,
                        result=(tip.public_result or "").strip(),
                    ),
                )
            )
    results.sort(key=lambda pair: pair[0], reverse=True)
    parent = tree.get(unit.parent_id) if unit.parent_id else None
    return PublicView(
        unit_id=unit.unit_id,
        name=unit.name,
        hotline=_hotline(tree, unit),
        oa_link=OA_LINK_PREFIX + unit.oa_id if unit.oa_id else None,
        today=today,
        last_30_days=last_30,
        year_to_date=ytd,
        results=[r for _, r in results[:RESULTS_SHOWN]],
        parent=(parent.unit_id, parent.name) if parent else None,
        children=[(c.unit_id, c.name) for c in tree.children(unit.unit_id)],
    )
