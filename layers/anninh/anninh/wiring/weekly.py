"""The weekly function's wiring: officers, statistics, the unit tree and the Zalo client (at cold start)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from anninh.officers.ports import OfficerRepository
from anninh.settings import TableNames, ZaloSettings
from anninh.stats.recording import StatsStore
from anninh.store.models import bind_tables
from anninh.store.officers import DynamoOfficerRepository
from anninh.store.stats import DynamoStatsStore, bind_stats_table
from anninh.store.units import DynamoUnitRepository
from anninh.units.directory import UnitDirectory
from anninh.wiring._zalo import build_token_manager, build_zalo_client
from anninh.zalo.client import ZaloClient


@dataclass(frozen=True)
class WeeklyDeps:
    officers: OfficerRepository
    stats: StatsStore
    directory: UnitDirectory
    client: ZaloClient
    idempotency_table: str


def build(env: Mapping[str, str] | None = None) -> WeeklyDeps:
    tables = TableNames.from_env(env)
    bind_tables(tables)
    bind_stats_table(env)
    zalo = ZaloSettings.from_env(env)
    return WeeklyDeps(
        officers=DynamoOfficerRepository(),
        stats=DynamoStatsStore(),
        directory=UnitDirectory(DynamoUnitRepository()),
        client=build_zalo_client(zalo, build_token_manager(zalo, env)),
        idempotency_table=tables.idempotency,
    )
