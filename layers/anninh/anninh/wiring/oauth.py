"""The OAuth callback function's wiring: the OA status table, the token repository and Zalo OAuth."""

from __future__ import annotations

from collections.abc import Mapping

from anninh.oa.callback import CallbackDeps


def build(env: Mapping[str, str] | None = None) -> CallbackDeps:
    """Status table, token repository (the same API the refresher uses) and Zalo OAuth, from settings."""
    from anninh.settings import ZaloSettings, environment
    from anninh.store.oa_status import DynamoOaStatusRepository, bind_oa_status_table
    from anninh.store.tokens import DynamoTokenRepository, bind_tokens_table
    from anninh.wiring._zalo import app_secret_reader
    from anninh.zalo.tokens import OAuthClient

    env = environment() if env is None else env
    zalo = ZaloSettings.from_env(env)
    bind_oa_status_table(env=env)
    bind_tokens_table(env=env)
    status = DynamoOaStatusRepository()
    return CallbackDeps(
        consents=status,
        status=status,
        tokens=DynamoTokenRepository(),
        oauth=OAuthClient(zalo.oauth_base_url),
        app_id=zalo.app_id,
        app_secret=app_secret_reader(zalo),
    )
