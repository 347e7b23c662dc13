"""The broadcast function's wiring (the target of each broadcast's schedule): the broadcast, unit and
follower repositories and the outbound queue the audience is expanded onto."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from anninh.broadcasts.fanout import SqsOutboundQueue
from anninh.settings import TableNames, environment, require
from anninh.store.broadcasts import DynamoBroadcastRepository, bind_broadcast_tables
from anninh.store.followers import DynamoFollowerRepository
from anninh.store.models import bind_tables
from anninh.store.units import DynamoUnitRepository
from anninh.wiring._broadcasts import outbound_queue


@dataclass(frozen=True)
class BroadcastDeps:
    broadcasts: DynamoBroadcastRepository
    units: DynamoUnitRepository
    followers: DynamoFollowerRepository
    queue: SqsOutboundQueue


def build(env: Mapping[str, str] | None = None) -> BroadcastDeps:
    env = environment() if env is None else env
    bind_tables(TableNames.from_env(env))
    bind_broadcast_tables(env)
    return BroadcastDeps(
        DynamoBroadcastRepository(),
        DynamoUnitRepository(),
        DynamoFollowerRepository(),
        outbound_queue(require(env, "OUTBOUND_QUEUE_URL")),
    )
