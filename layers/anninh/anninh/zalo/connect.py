"""The OA token manager and Zalo client built from settings: every function that talks to Zalo uses these.

Kept apart from the worker's wiring so the media, digest, sender, tokens and admin functions import only what
talking to Zalo needs (not the conversation, FAQ and tip modules) at cold start.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from anninh.inbound.secrets import SsmSecretStore
from anninh.observability import count, logger
from anninh.settings import ConfigError, ZaloSettings, app_secret_parameter
from anninh.store.tokens import DynamoTokenRepository, bind_tokens_table
from anninh.zalo.client import ZaloClient
from anninh.zalo.tokens import OAuthClient, TokenManager


def build_token_manager(zalo: ZaloSettings, env: Mapping[str, str] | None = None) -> TokenManager:
    """Tokens in DynamoDB (KMS at rest), refreshed with the App Secret read from SSM when needed."""
    bind_tokens_table(env=os.environ if env is None else env)
    secrets = SsmSecretStore(zalo.ssm_prefix)

    def app_secret() -> str:
        secret = secrets.app_secret()
        if not secret:
            raise ConfigError(f"SSM parameter {app_secret_parameter(zalo.ssm_prefix)} is missing")
        return secret

    return TokenManager(
        DynamoTokenRepository(), OAuthClient(zalo.oauth_base_url), zalo.app_id, app_secret, logger=logger
    )


def build_zalo_client(zalo: ZaloSettings, tokens: TokenManager) -> ZaloClient:
    return ZaloClient(
        zalo.api_base_url,
        tokens,
        buttons_mode=zalo.buttons_mode,
        on_error=lambda label: count("ZaloErrors", code=label),
        on_sent=lambda kind: count("RepliesSent", kind=kind),
        logger=logger,
    )
