"""The sender function's wiring: the broadcast sender (Zalo client with one attempt per call, the shared
rate limiter, the article quota), the outbound queue a deferred batch goes back to, and the statistics."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from anninh.broadcasts.fanout import SqsOutboundQueue
from anninh.broadcasts.limiter import SlotLimiter
from anninh.broadcasts.sender import DEFAULT_CLAIM_LEASE, DEFAULT_MAX_DEFER, BroadcastSender
from anninh.settings import SenderSettings, TableNames, ZaloSettings, environment
from anninh.store.broadcasts import DynamoBroadcastRepository, DynamoResultRepository, bind_broadcast_tables
from anninh.store.models import bind_tables
from anninh.store.send_rate import DynamoSlotStore
from anninh.store.stats import DynamoStatsStore, stats_store_from_env
from anninh.wiring._broadcasts import article_quota, outbound_queue
from anninh.wiring._zalo import build_menu_memory, build_token_manager, build_zalo_client


@dataclass(frozen=True)
class SenderDeps:
    sender: BroadcastSender
    queue: SqsOutboundQueue
    stats: DynamoStatsStore | None  # None for a function without STATS_TABLE


def _utcnow() -> datetime:
    return datetime.now(UTC)


def build(env: Mapping[str, str] | None = None) -> SenderDeps:
    env = environment() if env is None else env
    bind_tables(TableNames.from_env(env))
    bind_broadcast_tables(env)
    zalo = ZaloSettings.from_env(env)
    settings = SenderSettings.from_env(env, max_defer=DEFAULT_MAX_DEFER, claim_lease=DEFAULT_CLAIM_LEASE)
    # One attempt per call: the sender handles -32 itself (the shared limiter slows every instance).
    client = build_zalo_client(
        zalo,
        build_token_manager(zalo, env),
        menu_memory=build_menu_memory(env),
        max_attempts=1,
        sent_metric="BroadcastMessagesSent",
    )
    limiter = SlotLimiter(DynamoSlotStore(), settings.rate_per_second, clock=time.time)
    sender = BroadcastSender(
        DynamoBroadcastRepository(),
        DynamoResultRepository(),
        client,
        limiter,
        clock=_utcnow,
        sleep=time.sleep,
        max_defer=settings.max_defer,
        claim_lease=settings.claim_lease,
        quota=article_quota(env),
    )
    return SenderDeps(sender, outbound_queue(settings.outbound_queue_url), stats_store_from_env(env))
