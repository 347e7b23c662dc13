"""The public function's wiring: each unit's public page from the units, the daily statistics and the
public results of resolved tips."""

from __future__ import annotations

from collections.abc import Mapping

from anninh.public.pages import CACHE_SECONDS, PublicPages
from anninh.settings import TableNames, environment, public_cache_seconds
from anninh.store.models import bind_tables
from anninh.store.stats import DynamoStatsStore, bind_stats_table
from anninh.store.tips import DynamoTipRepository
from anninh.store.units import DynamoUnitRepository


def build(env: Mapping[str, str] | None = None) -> PublicPages:
    env = environment() if env is None else env
    bind_tables(TableNames.from_env(env))
    bind_stats_table(env)
    return PublicPages(
        DynamoUnitRepository(),
        DynamoStatsStore(),
        DynamoTipRepository(),
        # The local stack's tests set a short cache; on AWS a page is rebuilt at most every 5 minutes.
        cache_seconds=public_cache_seconds(env, default=CACHE_SECONDS),
    )
