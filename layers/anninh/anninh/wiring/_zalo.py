"""Shared by the wiring modules (private): the OA token manager and Zalo client built from settings, for
every function that talks to Zalo.

Kept apart from the worker's wiring so the media, digest, sender, tokens and admin functions import only what
talking to Zalo needs (not the conversation, FAQ and tip modules) at cold start.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from anninh.inbound.secrets import SsmSecretStore
from anninh.observability import count, logger
from anninh.settings import (
    ConfigError,
    ZaloSettings,
    app_secret_parameter,
    capability_cache_seconds,
    environment,
)
from anninh.store.tokens import DynamoTokenRepository, bind_tokens_table
from anninh.store.zalo_capabilities import DynamoCapabilityRepository
from anninh.zalo.capabilities import MenuMemory
from anninh.zalo.client import ZaloClient
from anninh.zalo.tokens import OAuthClient, TokenManager


def build_token_manager(zalo: ZaloSettings, env: Mapping[str, str] | None = None) -> TokenManager:
    """Tokens in DynamoDB (KMS at rest), refreshed with the App Secret read from SSM when needed."""
    bind_tokens_table(env=environment() if env is None else env)
    return TokenManager(
        DynamoTokenRepository(),
        OAuthClient(zalo.oauth_base_url),
        zalo.app_id,
        app_secret_reader(zalo),
        logger=logger,
    )


def app_secret_reader(zalo: ZaloSettings) -> Callable[[], str]:
    """The Zalo App Secret, read from SSM when asked (a refresh, a code exchange); missing: ConfigError."""
    secrets = SsmSecretStore(zalo.ssm_prefix)

    def app_secret() -> str:
        secret = secrets.app_secret()
        if not secret:
            raise ConfigError(f"SSM parameter {app_secret_parameter(zalo.ssm_prefix)} is missing")
        return secret

    return app_secret


def report_quota(oa_id: str, kind: str, remain: int | None, total: int | None) -> None:
    """Quota fields of Zalo's answers as metrics (docs/zalo-platform.md §3); ZaloQuotaExhausted alarms."""
    if remain is not None:
        count("ZaloQuotaRemaining", value=remain, oa_id=oa_id, kind=kind)
        if remain <= 0:
            count("ZaloQuotaExhausted")
            logger.warning("zalo quota exhausted", extra={"oa_id": oa_id, "kind": kind, "total": total})


def report_alarm_error(label: str) -> None:
    """An error an operator must act on (billing, quota, configuration: docs/zalo-platform.md §6)."""
    count("ZaloAlarmErrors")
    count("ZaloAlarmErrorsByCode", code=label)


def build_menu_memory(env: Mapping[str, str] | None = None) -> MenuMemory:
    """Each OA's menu mode, persisted in the token table and cached per process for
    ZALO_CAPABILITY_CACHE_SECONDS (anninh.settings.capability_cache_seconds)."""
    env = environment() if env is None else env
    return MenuMemory(DynamoCapabilityRepository(env), ttl_seconds=capability_cache_seconds(env))


def build_zalo_client(
    zalo: ZaloSettings,
    tokens: TokenManager,
    *,
    menu_memory: MenuMemory | None = None,
    max_attempts: int = 4,
    sent_metric: str = "RepliesSent",
) -> ZaloClient:
    return ZaloClient(
        zalo.api_base_url,
        tokens,
        zns_base_url=zalo.zns_base_url,
        buttons_mode=zalo.buttons_mode,
        menu_memory=menu_memory if menu_memory is not None else build_menu_memory(),
        max_attempts=max_attempts,
        on_error=lambda label: count("ZaloErrors", code=label),
        on_sent=lambda kind: count(sent_metric, kind=kind),
        on_alarm=report_alarm_error,
        on_quota=report_quota,
        logger=logger,
    )
