"""Daily statistics in DynamoDB: one item per unit and Vietnam day, counters added atomically.

Item ``(unit_id, day)`` holds one number per counter and one list per duration; each flush is one UpdateItem
per (unit, day) it touches (``ADD`` on the counters, ``list_append`` on the durations). Counting once per
event comes from where the flush runs: inside the worker's idempotent handler (a Zalo retry or an SQS
redelivery of a handled event returns the recorded result without running again) and, for the admin API,
after changes that cannot happen twice (a status transition, an answer recorded with a conditional write).
A marker item per event would close the last gap (a crash between the flush and the idempotency record)
at four times the write cost, which the province's budget does not carry (README "Cost").
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from pynamodb.attributes import ListAttribute, NumberAttribute, UnicodeAttribute
from pynamodb.models import Model

from anninh.settings import environment, optional, require
from anninh.stats.counters import COUNTERS, DURATIONS, LEVELS, Collected
from anninh.stats.recording import DailyStats
from anninh.store.models import UNBOUND, bind_model, ensure_bound

# The item (unit_id, LEVELS_DAY) holds the unit's levels; it sorts after every YYYY-MM-DD, so a query of
# days between two dates never returns it.
LEVELS_DAY = "levels"


class StatsModel(Model):
    class Meta:
        table_name = UNBOUND

    unit_id = UnicodeAttribute(hash_key=True)
    day = UnicodeAttribute(range_key=True)  # YYYY-MM-DD, Vietnam time
    # One number per counter of anninh.stats.counters.COUNTERS (a test keeps the two lists equal).
    followers_gained = NumberAttribute(null=True)
    followers_lost = NumberAttribute(null=True)
    messages = NumberAttribute(null=True)
    faq_answered = NumberAttribute(null=True)
    faq_refused = NumberAttribute(null=True)
    faq_helpful = NumberAttribute(null=True)
    faq_not_helpful = NumberAttribute(null=True)
    questions_handed = NumberAttribute(null=True)
    questions_answered = NumberAttribute(null=True)
    tips_submitted = NumberAttribute(null=True)
    tips_urgent = NumberAttribute(null=True)
    tips_ma_tuy = NumberAttribute(null=True)
    tips_co_bac = NumberAttribute(null=True)
    tips_trom_cap = NumberAttribute(null=True)
    tips_lua_dao = NumberAttribute(null=True)
    tips_gay_thuong_tich = NumberAttribute(null=True)
    tips_an_ninh_trat_tu = NumberAttribute(null=True)
    tips_an_toan_giao_thong = NumberAttribute(null=True)
    tips_te_nan_xa_hoi = NumberAttribute(null=True)
    tips_khac = NumberAttribute(null=True)
    tips_acknowledged = NumberAttribute(null=True)
    tips_resolved = NumberAttribute(null=True)
    tips_unfounded = NumberAttribute(null=True)
    tips_transferred = NumberAttribute(null=True)
    broadcast_messages_sent = NumberAttribute(null=True)
    broadcasts_reached_consultation = NumberAttribute(null=True)
    broadcasts_reached_article = NumberAttribute(null=True)
    # One number per level of anninh.stats.counters.LEVELS, on the unit's LEVELS_DAY item only.
    followers_total = NumberAttribute(null=True)
    # One list per duration of anninh.stats.counters.DURATIONS.
    ack_seconds = ListAttribute(of=NumberAttribute, null=True)
    close_seconds = ListAttribute(of=NumberAttribute, null=True)
    answer_seconds = ListAttribute(of=NumberAttribute, null=True)
    # Set when a unit merger moved this day's counts to another unit (anninh.store.unit_merges).
    moved_to = UnicodeAttribute(null=True)


def bind_stats_table(env: Mapping[str, str] | None = None, region: str | None = None) -> None:
    table = require(environment() if env is None else env, "STATS_TABLE")
    bind_model(StatsModel, table, region)


class DynamoStatsStore:
    def __init__(self) -> None:
        ensure_bound(StatsModel)

    def add(self, collected: Collected, once_key: str) -> bool:
        for unit_id, day in collected.units_and_days():
            actions: list[Any] = [
                getattr(StatsModel, name).add(n)
                for name, n in sorted(collected.counts.get((unit_id, day), {}).items())
            ]
            for name, values in sorted(collected.durations.get((unit_id, day), {}).items()):
                attribute = getattr(StatsModel, name)
                actions.append(attribute.set((attribute | []).append(values)))
            if actions:
                StatsModel(unit_id, day.isoformat()).update(actions=actions)
        for unit_id, deltas in sorted(collected.levels.items()):
            moves = [getattr(StatsModel, name).add(n) for name, n in sorted(deltas.items()) if n]
            if moves:
                StatsModel(unit_id, LEVELS_DAY).update(actions=moves)
        return True

    def levels(self, unit_id: str) -> dict[str, int]:
        try:
            item = StatsModel.get(unit_id, LEVELS_DAY, consistent_read=True)
        except StatsModel.DoesNotExist:
            return {}
        return {name: int(getattr(item, name)) for name in LEVELS if getattr(item, name) is not None}

    def set_level(self, unit_id: str, level: str, value: int) -> None:
        """What a complete follower sync found (Zalo's own count) replaces the moved level."""
        if level not in LEVELS:
            raise ValueError(f"unknown statistics level: {level}")
        StatsModel(unit_id, LEVELS_DAY).update(actions=[getattr(StatsModel, level).set(value)])

    def days(self, unit_id: str, start: date, end: date) -> list[DailyStats]:
        rows: list[DailyStats] = []
        condition = StatsModel.day.between(start.isoformat(), end.isoformat())
        for item in StatsModel.query(unit_id, range_key_condition=condition):
            counts = {name: int(getattr(item, name) or 0) for name in COUNTERS if getattr(item, name)}
            durations = {
                name: [float(v) for v in getattr(item, name)] for name in DURATIONS if getattr(item, name)
            }
            rows.append(DailyStats(unit_id, date.fromisoformat(item.day), counts, durations))
        return rows


def stats_store_from_env(env: Mapping[str, str] | None = None) -> DynamoStatsStore | None:
    """The daily statistics in STATS_TABLE, bound at a cold start; None for a function without the table."""
    env = environment() if env is None else env
    if optional(env, "STATS_TABLE") is None:
        return None
    bind_stats_table(env)
    return DynamoStatsStore()
