"""The digest function's wiring: tips, officers, the unit tree and the Zalo client (once per cold start)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from anninh.officers.ports import OfficerRepository
from anninh.settings import TableNames, ZaloSettings
from anninh.store.models import bind_tables
from anninh.store.officers import DynamoOfficerRepository
from anninh.store.tips import DynamoTipRepository
from anninh.store.units import DynamoUnitRepository
from anninh.tips.ports import TipRepository
from anninh.units.directory import UnitDirectory
from anninh.wiring._zalo import build_token_manager, build_zalo_client
from anninh.zalo.client import ZaloClient


@dataclass(frozen=True)
class DigestDeps:
    tips: TipRepository
    officers: OfficerRepository
    directory: UnitDirectory
    client: ZaloClient
    idempotency_table: str


def build(env: Mapping[str, str] | None = None) -> DigestDeps:
    tables = TableNames.from_env(env)
    bind_tables(tables)
    zalo = ZaloSettings.from_env(env)
    return DigestDeps(
        tips=DynamoTipRepository(),
        officers=DynamoOfficerRepository(),
        directory=UnitDirectory(DynamoUnitRepository()),
        client=build_zalo_client(zalo, build_token_manager(zalo, env)),
        idempotency_table=tables.idempotency,
    )
