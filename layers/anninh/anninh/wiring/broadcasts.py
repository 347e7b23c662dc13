"""Build the broadcast and sender functions' collaborators from the environment (once per cold start)."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import boto3

from anninh.broadcasts.fanout import SqsOutboundQueue
from anninh.broadcasts.limiter import SlotLimiter
from anninh.broadcasts.quota import ArticleQuota, allowance_from_env
from anninh.broadcasts.sender import DEFAULT_CLAIM_LEASE, DEFAULT_MAX_DEFER, BroadcastSender
from anninh.settings import TableNames, ZaloSettings, environment, positive_number, require
from anninh.store.broadcasts import DynamoBroadcastRepository, DynamoResultRepository, bind_broadcast_tables
from anninh.store.followers import DynamoFollowerRepository
from anninh.store.models import bind_tables
from anninh.store.send_rate import DynamoSlotStore
from anninh.store.units import DynamoUnitRepository
from anninh.wiring.zalo import build_menu_memory, build_token_manager, build_zalo_client


def utcnow() -> datetime:
    return datetime.now(UTC)


def send_rate(env: Mapping[str, str]) -> float:
    """Messages per second per OA, from ``SEND_RATE_PER_MINUTE`` (default 100 a minute)."""
    return positive_number(env, "SEND_RATE_PER_MINUTE", 100.0) / 60.0


def max_defer(env: Mapping[str, str]) -> timedelta:
    """``BROADCAST_MAX_DEFER_HOURS`` (default 24): a batch deferred (night, pause, -32, Zalo unreachable) for
    longer is recorded as expired instead of being sent late."""
    return timedelta(
        hours=positive_number(env, "BROADCAST_MAX_DEFER_HOURS", DEFAULT_MAX_DEFER.total_seconds() / 3600)
    )


def claim_lease(env: Mapping[str, str]) -> timedelta:
    """``BROADCAST_CLAIM_LEASE_SECONDS`` (default 180, more than the sender's 120 s timeout): a recipient
    still claimed after this long was left by a sender that stopped, and is recorded in doubt."""
    return timedelta(
        seconds=positive_number(env, "BROADCAST_CLAIM_LEASE_SECONDS", DEFAULT_CLAIM_LEASE.total_seconds())
    )


@dataclass(frozen=True)
class FanOutDeps:
    broadcasts: DynamoBroadcastRepository
    units: DynamoUnitRepository
    followers: DynamoFollowerRepository
    queue: SqsOutboundQueue


def outbound_queue(env: Mapping[str, str]) -> SqsOutboundQueue:
    return SqsOutboundQueue(boto3.client("sqs"), require(env, "OUTBOUND_QUEUE_URL"))


def build_fanout(env: Mapping[str, str] | None = None) -> FanOutDeps:
    env = environment() if env is None else env
    bind_tables(TableNames.from_env(env))
    bind_broadcast_tables(env)
    return FanOutDeps(
        DynamoBroadcastRepository(), DynamoUnitRepository(), DynamoFollowerRepository(), outbound_queue(env)
    )


def article_quota(env: Mapping[str, str]) -> ArticleQuota:
    """Each OA's article-broadcast allowance and monthly ledger in the OA token table (broadcasts.quota)."""
    from anninh.store.broadcast_quota import DynamoAllowances, DynamoQuotaLedger

    return ArticleQuota(DynamoQuotaLedger(env), DynamoAllowances(env), allowance_from_env(env))


def build_sender(env: Mapping[str, str] | None = None) -> tuple[BroadcastSender, SqsOutboundQueue]:
    env = environment() if env is None else env
    bind_tables(TableNames.from_env(env))
    bind_broadcast_tables(env)
    zalo = ZaloSettings.from_env(env)
    # One attempt per call: the sender handles -32 itself (the shared limiter slows every instance).
    client = build_zalo_client(
        zalo,
        build_token_manager(zalo, env),
        menu_memory=build_menu_memory(env),
        max_attempts=1,
        sent_metric="BroadcastMessagesSent",
    )
    limiter = SlotLimiter(DynamoSlotStore(), send_rate(env), clock=time.time)
    sender = BroadcastSender(
        DynamoBroadcastRepository(),
        DynamoResultRepository(),
        client,
        limiter,
        clock=utcnow,
        sleep=time.sleep,
        max_defer=max_defer(env),
        claim_lease=claim_lease(env),
        quota=article_quota(env),
    )
    return sender, outbound_queue(env)
