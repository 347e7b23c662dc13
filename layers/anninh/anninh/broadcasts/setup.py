"""Build the broadcast and sender functions' collaborators from the environment (once per cold start)."""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

import boto3

from anninh.broadcasts.fanout import SqsOutboundQueue
from anninh.broadcasts.limiter import DynamoSlotStore, SlotLimiter
from anninh.broadcasts.sender import BroadcastSender
from anninh.inbound.worker_setup import build_token_manager
from anninh.observability import count, logger
from anninh.settings import ConfigError, TableNames, ZaloSettings, require
from anninh.store.broadcasts import DynamoBroadcastRepository, DynamoResultRepository, bind_broadcast_tables
from anninh.store.followers import DynamoFollowerRepository
from anninh.store.models import bind_tables
from anninh.store.units import DynamoUnitRepository
from anninh.zalo.client import ZaloClient


def utcnow() -> datetime:
    return datetime.now(UTC)


def send_rate(env: Mapping[str, str]) -> float:
    raw = env.get("SEND_RATE_PER_MINUTE", "").strip() or "100"
    try:
        value = float(raw)
    except ValueError as exc:
        raise ConfigError(f"SEND_RATE_PER_MINUTE must be a number, got {raw!r}") from exc
    if value <= 0:
        raise ConfigError("SEND_RATE_PER_MINUTE must be positive")
    return value / 60.0


@dataclass(frozen=True)
class FanOutDeps:
    broadcasts: DynamoBroadcastRepository
    units: DynamoUnitRepository
    followers: DynamoFollowerRepository
    queue: SqsOutboundQueue


def outbound_queue(env: Mapping[str, str]) -> SqsOutboundQueue:
    return SqsOutboundQueue(boto3.client("sqs"), require(env, "OUTBOUND_QUEUE_URL"))


def build_fanout(env: Mapping[str, str] | None = None) -> FanOutDeps:
    env = os.environ if env is None else env
    bind_tables(TableNames.from_env(env))
    bind_broadcast_tables(env)
    return FanOutDeps(
        DynamoBroadcastRepository(), DynamoUnitRepository(), DynamoFollowerRepository(), outbound_queue(env)
    )


def build_sender(env: Mapping[str, str] | None = None) -> tuple[BroadcastSender, SqsOutboundQueue]:
    env = os.environ if env is None else env
    bind_tables(TableNames.from_env(env))
    bind_broadcast_tables(env)
    zalo = ZaloSettings.from_env(env)
    # One attempt per call: the sender handles -32 itself (the shared limiter slows every instance).
    client = ZaloClient(
        zalo.api_base_url,
        build_token_manager(zalo, env),
        buttons_mode=zalo.buttons_mode,
        max_attempts=1,
        on_error=lambda label: count("ZaloErrors", code=label),
        on_sent=lambda kind: count("BroadcastMessagesSent", kind=kind),
        logger=logger,
    )
    limiter = SlotLimiter(DynamoSlotStore(), send_rate(env), clock=time.time)
    sender = BroadcastSender(
        DynamoBroadcastRepository(), DynamoResultRepository(), client, limiter, clock=utcnow, sleep=time.sleep
    )
    return sender, outbound_queue(env)
