"""The webhook function's wiring: its settings, the inbound queue, the OA secrets and the domain-verification
file, on one boto3 session the handler builds (its trimmed SSM model lives beside the handler).

Cold start matters here (functions/webhook/app.py): nothing beyond what the webhook itself imports.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import boto3

from anninh import hash_keys
from anninh.inbound.known_oas import KnownOaSecrets
from anninh.inbound.queue import SqsEventQueue
from anninh.inbound.zalo_console import VerificationFile
from anninh.settings import WebhookSettings, environment


@dataclass(frozen=True)
class WebhookDeps:
    settings: WebhookSettings
    queue: SqsEventQueue
    secrets: KnownOaSecrets
    verification: VerificationFile


def build(env: Mapping[str, str] | None = None, *, session: boto3.Session) -> WebhookDeps:
    env = environment() if env is None else env
    settings = WebhookSettings.from_env(env)
    queue = SqsEventQueue(settings.queue_url, session=session)
    secrets = KnownOaSecrets(
        settings.ssm_prefix,
        settings.secret_cache_seconds,
        miss_refresh_seconds=settings.secret_miss_refresh_seconds,
        session=session,
    )
    verification = VerificationFile.from_env(env)
    # The key of the keyed hash that stands for a business key naming a user (follow, unfollow,
    # user_submit_info, chat-now) as correlation id: one GetParameter on the trimmed SSM model, the first time
    # such an event comes. No user pseudonym is logged here (the worker logs it beside the same correlation
    # id), so a container that sees only messages (keyed by msg_id) never reads the key.
    hash_keys.use_session(session)
    return WebhookDeps(settings, queue, secrets, verification)
