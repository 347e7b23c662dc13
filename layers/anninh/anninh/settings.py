"""Typed settings read from the environment the template sets.

A missing or malformed setting raises :class:`ConfigError` when the settings are loaded (at a function's
cold start), never an empty default discovered later in the middle of a citizen's conversation.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta

SIGNATURE_VARIANTS = frozenset({"standard", "oa_id", "app_secret", "header_timestamp", "hmac_body"})
BUTTON_MODES = frozenset({"list", "text"})


class ConfigError(RuntimeError):
    """A required setting is missing or invalid."""


def environment() -> Mapping[str, str]:
    """The process environment, looked up at call time (tests and the local stack change it while running).

    The one place the layer and the functions read it: everything else takes its values from the settings
    here, or hands this mapping to them."""
    return os.environ


def require(env: Mapping[str, str], name: str, purpose: str = "") -> str:
    """``env[name]`` stripped; ConfigError names it (and what it is for) when it is unset or blank."""
    value = env.get(name, "").strip()
    if not value:
        raise ConfigError(f"environment variable {name} is required" + (f" ({purpose})" if purpose else ""))
    return value


def positive_number(env: Mapping[str, str], name: str, default: float) -> float:
    """A positive number from ``env[name]`` (``default`` when unset); ConfigError names a bad value."""
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be a number, got {raw!r}") from exc
    if value <= 0:
        raise ConfigError(f"{name} must be positive")
    return value


def whole_number(env: Mapping[str, str], name: str, default: int, minimum: int = 1) -> int:
    """A whole number from ``env[name]`` (``default`` when unset), at least ``minimum``; ConfigError names a
    bad value."""
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be an integer, got {raw!r}") from exc
    if value < minimum:
        raise ConfigError(f"{name} must be >= {minimum}, got {value}")
    return value


def non_negative_number(env: Mapping[str, str], name: str, default: float) -> float:
    """A number from ``env[name]`` that may be 0 (``default`` when unset); ConfigError names a bad value."""
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be a number, got {raw!r}") from exc
    if value < 0:
        raise ConfigError(f"{name} must not be negative, got {raw!r}")
    return value


def optional(env: Mapping[str, str], name: str) -> str | None:
    """``env[name]`` stripped, or None when it is unset or blank (a feature the function may not have)."""
    return env.get(name, "").strip() or None


def is_local_stage(env: Mapping[str, str]) -> bool:
    """STAGE=local: the local stack (plain-http callbacks, private attachment sources allowed)."""
    return env.get("STAGE", "").strip() == "local"


def units_cache_seconds(env: Mapping[str, str]) -> int:
    """How long a warm worker keeps the unit tree (a merger's pointer reaches it within this); 0 reads it for
    every event (tests)."""
    return whole_number(env, "UNITS_CACHE_SECONDS", 300, minimum=0)


def oa_secret_parameter(ssm_prefix: str, oa_id: str) -> str:
    """SSM SecureString holding an OA's secret key ("Khóa bí mật OA")."""
    return f"{ssm_prefix}/oa/{oa_id}/secret_key"


def app_secret_parameter(ssm_prefix: str) -> str:
    """SSM SecureString holding the Zalo app's App Secret (token refresh, app_secret signature variant)."""
    return f"{ssm_prefix}/app/secret_key"


@dataclass(frozen=True)
class WebhookSettings:
    ssm_prefix: str
    queue_url: str
    signature_variants: tuple[str, ...]
    max_body_bytes: int
    max_age_seconds: int
    future_skew_seconds: int
    secret_cache_seconds: int
    # An OA id not in the cached set reloads it at most this often (a unit added a minute ago is found).
    secret_miss_refresh_seconds: int = 60
    # The Zalo app every event must name; "" (ZALO_APP_ID unset or "0", the template default) accepts any.
    app_id: str = ""

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> WebhookSettings:
        env = os.environ if env is None else env
        raw_variants = env.get("SIGNATURE_VARIANTS", "standard")
        variants = tuple(v.strip() for v in raw_variants.split(",") if v.strip())
        unknown = set(variants) - SIGNATURE_VARIANTS
        if not variants or unknown:
            raise ConfigError(
                f"SIGNATURE_VARIANTS must list some of {sorted(SIGNATURE_VARIANTS)}, got {raw_variants!r}"
            )
        return cls(
            ssm_prefix=require(env, "SSM_PREFIX"),
            queue_url=require(env, "INBOUND_QUEUE_URL"),
            signature_variants=variants,
            max_body_bytes=whole_number(env, "WEBHOOK_MAX_BODY_BYTES", 1_048_576, minimum=1024),
            max_age_seconds=whole_number(env, "WEBHOOK_MAX_AGE_SECONDS", 86_400, minimum=60),
            future_skew_seconds=whole_number(env, "WEBHOOK_FUTURE_SKEW_SECONDS", 300, minimum=1),
            secret_cache_seconds=whole_number(env, "SECRET_CACHE_SECONDS", 300, minimum=1),
            secret_miss_refresh_seconds=whole_number(env, "SECRET_MISS_REFRESH_SECONDS", 60, minimum=1),
            app_id="" if env.get("ZALO_APP_ID", "0").strip() in {"", "0"} else env["ZALO_APP_ID"].strip(),
        )


# Zalo's own picture from its official Java SDK's request_user_info example (docs/zalo-platform.md §1).
DEFAULT_REQUEST_INFO_IMAGE_URL = "https://developers.zalo.me/web/static/zalo.png"
# ZNS lives on its own host (docs/zalo-platform.md §7).
DEFAULT_ZNS_BASE_URL = "https://business.openapi.zalo.me"


@dataclass(frozen=True)
class ZaloSettings:
    app_id: str
    api_base_url: str
    oauth_base_url: str
    ssm_prefix: str
    buttons_mode: str
    # The picture on Zalo's request-user-info form (the confidential tip's contact form); every public
    # example carries one (docs/zalo-platform.md §1), so a default picture is always sent.
    request_info_image_url: str = DEFAULT_REQUEST_INFO_IMAGE_URL
    zns_base_url: str = DEFAULT_ZNS_BASE_URL

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> ZaloSettings:
        env = os.environ if env is None else env
        # Default "text": no official SDK sends a list on the consultation API (docs/zalo-platform.md §1).
        mode = env.get("BUTTONS_MODE", "text").strip() or "text"
        if mode not in BUTTON_MODES:
            raise ConfigError(f"BUTTONS_MODE must be one of {sorted(BUTTON_MODES)}, got {mode!r}")
        image = env.get("REQUEST_INFO_IMAGE_URL", "").strip() or DEFAULT_REQUEST_INFO_IMAGE_URL
        if not image.startswith("https://"):
            raise ConfigError(f"REQUEST_INFO_IMAGE_URL must be an https:// URL, got {image!r}")
        zns = (env.get("ZALO_ZNS_BASE_URL", "").strip() or DEFAULT_ZNS_BASE_URL).rstrip("/")
        if not zns.startswith(("https://", "http://")):
            raise ConfigError(f"ZALO_ZNS_BASE_URL must be an http(s) URL, got {zns!r}")
        return cls(
            app_id=require(env, "ZALO_APP_ID"),
            api_base_url=require(env, "ZALO_API_BASE_URL").rstrip("/"),
            oauth_base_url=require(env, "ZALO_OAUTH_BASE_URL").rstrip("/"),
            ssm_prefix=require(env, "SSM_PREFIX"),
            buttons_mode=mode,
            request_info_image_url=image,
            zns_base_url=zns,
        )


@dataclass(frozen=True)
class TableNames:
    units: str
    followers: str
    conversations: str
    idempotency: str
    tokens: str
    deliveries: str
    officers: str
    questions: str
    tips: str
    tip_audit: str
    content: str
    broadcasts: str
    broadcast_results: str
    send_rate: str

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> TableNames:
        env = os.environ if env is None else env
        return cls(
            units=require(env, "UNITS_TABLE"),
            followers=require(env, "FOLLOWERS_TABLE"),
            conversations=require(env, "CONVERSATIONS_TABLE"),
            idempotency=require(env, "IDEMPOTENCY_TABLE"),
            tokens=require(env, "TOKENS_TABLE"),
            deliveries=require(env, "DELIVERIES_TABLE"),
            officers=require(env, "OFFICERS_TABLE"),
            questions=require(env, "QUESTIONS_TABLE"),
            tips=require(env, "TIPS_TABLE"),
            tip_audit=require(env, "TIP_AUDIT_TABLE"),
            content=require(env, "CONTENT_TABLE"),
            broadcasts=require(env, "BROADCASTS_TABLE"),
            broadcast_results=require(env, "BROADCAST_RESULTS_TABLE"),
            send_rate=require(env, "SEND_RATE_TABLE"),
        )


def token_refresh_within(env: Mapping[str, str] | None = None) -> timedelta:
    """How long before expiry the scheduled refresher renews a token: TOKEN_REFRESH_WITHIN_HOURS (6)."""
    return timedelta(
        hours=whole_number(os.environ if env is None else env, "TOKEN_REFRESH_WITHIN_HOURS", 6, minimum=1)
    )


def public_cache_seconds(env: Mapping[str, str] | None = None, default: int = 300) -> int:
    """How long a public page is served from cache: PUBLIC_CACHE_SECONDS (the local tests use 0)."""
    return whole_number(os.environ if env is None else env, "PUBLIC_CACHE_SECONDS", default, minimum=0)


@dataclass(frozen=True)
class DynamoLocation:
    """Where the DynamoDB tables are: AWS_REGION (or AWS_DEFAULT_REGION), and AWS_ENDPOINT_URL_DYNAMODB (or
    AWS_ENDPOINT_URL) when one is set, as in the local stack."""

    region: str
    host: str | None

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, region: str | None = None) -> DynamoLocation:
        env = os.environ if env is None else env
        region = region or env.get("AWS_REGION") or env.get("AWS_DEFAULT_REGION")
        if not region:
            raise ConfigError("AWS_REGION is required to reach DynamoDB")
        return cls(region, env.get("AWS_ENDPOINT_URL_DYNAMODB") or env.get("AWS_ENDPOINT_URL") or None)


@dataclass(frozen=True)
class SenderSettings:
    """The broadcast sender's pace and limits. The defaults of ``max_defer`` and ``claim_lease`` are the
    sender's own (anninh.broadcasts.sender), handed in by its wiring."""

    outbound_queue_url: str
    # Messages per second per OA, from SEND_RATE_PER_MINUTE (default 100 a minute).
    rate_per_second: float
    # BROADCAST_MAX_DEFER_HOURS: a batch deferred (night, pause, -32, Zalo unreachable) for longer is
    # recorded as expired instead of being sent late.
    max_defer: timedelta
    # BROADCAST_CLAIM_LEASE_SECONDS (more than the sender's 120 s timeout): a recipient still claimed after
    # this long was left by a sender that stopped, and is recorded in doubt.
    claim_lease: timedelta

    @classmethod
    def from_env(
        cls, env: Mapping[str, str] | None = None, *, max_defer: timedelta, claim_lease: timedelta
    ) -> SenderSettings:
        env = os.environ if env is None else env
        return cls(
            outbound_queue_url=require(env, "OUTBOUND_QUEUE_URL"),
            rate_per_second=positive_number(env, "SEND_RATE_PER_MINUTE", 100.0) / 60.0,
            max_defer=timedelta(
                hours=positive_number(env, "BROADCAST_MAX_DEFER_HOURS", max_defer.total_seconds() / 3600)
            ),
            claim_lease=timedelta(
                seconds=positive_number(env, "BROADCAST_CLAIM_LEASE_SECONDS", claim_lease.total_seconds())
            ),
        )


@dataclass(frozen=True)
class FaqStoreSettings:
    """The published knowledge base: FAQ_BUCKET (None: not configured, the copy built into the layer
    answers), FAQ_KMS_KEY_ARN, and how often a warm worker re-checks it (FAQ_REFRESH_SECONDS)."""

    bucket: str | None
    kms_key_arn: str | None
    refresh_seconds: float

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, *, refresh_seconds: float) -> FaqStoreSettings:
        env = os.environ if env is None else env
        return cls(
            bucket=optional(env, "FAQ_BUCKET"),
            kms_key_arn=env.get("FAQ_KMS_KEY_ARN") or None,
            refresh_seconds=non_negative_number(env, "FAQ_REFRESH_SECONDS", refresh_seconds),
        )


def capability_cache_seconds(env: Mapping[str, str] | None = None) -> float:
    """How long each OA's menu mode is cached per process: ZALO_CAPABILITY_CACHE_SECONDS (default 300; the
    local stack's tests use 1 to see a change at once)."""
    return non_negative_number(os.environ if env is None else env, "ZALO_CAPABILITY_CACHE_SECONDS", 300.0)


@dataclass(frozen=True)
class BroadcastSchedules:
    """Where a broadcast's EventBridge schedule points: the broadcast function, the role the scheduler
    assumes, the schedule group and the schedules' dead-letter queue."""

    function_arn: str
    role_arn: str
    group: str
    dead_letter_arn: str

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> BroadcastSchedules:
        env = os.environ if env is None else env
        return cls(
            function_arn=require(env, "BROADCAST_FUNCTION_ARN"),
            role_arn=require(env, "SCHEDULER_ROLE_ARN"),
            group=require(env, "SCHEDULE_GROUP"),
            dead_letter_arn=require(env, "SCHEDULE_DLQ_ARN"),
        )
