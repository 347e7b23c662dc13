"""GET /admin/stats — a unit's daily statistics (alone or with its descendants) over a range of days."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated

from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Query

from anninh import texts
from anninh.admin.errors import ApiError, route_responses, unit_not_found
from anninh.admin.routes import scope
from anninh.admin.schemas import UNIT_ID_PATTERN, Strict
from anninh.stats.counters import vietnam_day
from anninh.stats.recording import gather, gather_levels

TAG = "stats"
MAX_DAYS = 366


class DayOut(Strict):
    day: date
    counts: dict[str, int]


class StatsOut(Strict):
    unit_id: str
    units: list[str]
    start: date
    end: date
    counts: dict[str, int]
    median_seconds: dict[str, float | None]
    samples: dict[str, int]
    days: list[DayOut]
    # As they stand now, not over the range: followers_total (the units' OAs' current followers).
    levels: dict[str, int]


def build_router() -> Router:
    router = Router()

    @router.get(
        "/stats",
        tags=[TAG],
        summary=texts.ADMIN_DOC_STATS,
        responses=route_responses(texts.ADMIN_DOC_STATS, 400, 404),
    )
    def unit_stats(
        unit_id: Annotated[str, Query(pattern=UNIT_ID_PATTERN)],
        descendants: Annotated[bool, Query()] = False,
        start: Annotated[date | None, Query(alias="from")] = None,
        end: Annotated[date | None, Query(alias="to")] = None,
    ) -> StatsOut:
        deps = scope(router).deps
        tree = deps.tree()
        unit = tree.get(unit_id)
        if unit is None:
            raise unit_not_found(unit_id)
        if deps.stats is None:
            raise ApiError(503, "stats_missing", texts.ADMIN_STATS_MISSING)
        last = end or vietnam_day(deps.clock())
        first = start or last - timedelta(days=29)
        if first > last or (last - first).days >= MAX_DAYS:
            raise ApiError(400, "bad_range", texts.ADMIN_STATS_BAD_RANGE.format(days=MAX_DAYS))
        members = [unit, *tree.descendants(unit_id)] if descendants else [unit]
        summary = gather(deps.stats, [u.unit_id for u in members], first, last)
        return StatsOut(
            unit_id=unit_id,
            units=[u.unit_id for u in members],
            start=first,
            end=last,
            counts=summary.counts,
            median_seconds=summary.medians,
            samples=summary.samples,
            days=[DayOut(day=day, counts=counts) for day, counts in summary.daily_totals()],
            levels=gather_levels(deps.stats, [u.unit_id for u in members]),
        )

    return router
