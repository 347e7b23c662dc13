"""The tokens function's wiring: the token manager that refreshes every OA's access token before it expires,
the OA status table each outcome is recorded in (`anninh oa status`), and the token records."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta

from anninh.settings import ZaloSettings, environment, token_refresh_within
from anninh.store.oa_status import DynamoOaStatusRepository, bind_oa_status_table
from anninh.store.tokens import DynamoTokenRepository
from anninh.wiring._zalo import build_token_manager
from anninh.zalo.tokens import TokenManager


@dataclass(frozen=True)
class TokensDeps:
    manager: TokenManager
    # How long before expiry a token is renewed: TOKEN_REFRESH_WITHIN_HOURS.
    refresh_within: timedelta
    oa_status: DynamoOaStatusRepository
    token_records: DynamoTokenRepository


def build(env: Mapping[str, str] | None = None) -> TokensDeps:
    env = environment() if env is None else env
    refresh_within = token_refresh_within(env)
    manager = build_token_manager(ZaloSettings.from_env(env), env)
    bind_oa_status_table(env=env)
    return TokensDeps(manager, refresh_within, DynamoOaStatusRepository(), DynamoTokenRepository())
