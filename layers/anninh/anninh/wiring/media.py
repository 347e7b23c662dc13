"""The media function's wiring: the tip repository, the S3 store and the reporter notifier from settings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import requests

from anninh import texts
from anninh.observability import count
from anninh.tips.media_service import MediaService, MediaSettings, Notify
from anninh.tips.media_store import S3MediaStore
from anninh.tips.model import MediaItem, Tip


@dataclass(frozen=True)
class MediaDeps:
    service: MediaService
    idempotency_table: str


def build(env: Mapping[str, str] | None = None) -> MediaDeps:
    """The media function's collaborators from the template's environment (once per cold start)."""
    import boto3
    from botocore.config import Config

    from anninh.settings import TableNames, environment
    from anninh.store.models import bind_tables
    from anninh.store.tips import DynamoTipRepository

    env = environment() if env is None else env
    tables = TableNames.from_env(env)
    bind_tables(tables)
    settings = MediaSettings.from_env(env)
    s3: Any = boto3.client("s3", config=Config(retries={"max_attempts": 5, "mode": "standard"}))
    session = requests.Session()
    session.headers["User-Agent"] = "anninh-media/1"
    store = S3MediaStore(s3, settings.bucket, settings.kms_key_id)
    service = MediaService(DynamoTipRepository(), store, session, settings, notify=_reporter_notifier(env))
    return MediaDeps(service, tables.idempotency)


def _reporter_notifier(env: Mapping[str, str]) -> Notify:
    """Tell a tip's reporter, through the unit's OA, that an attachment was not kept and why."""
    from anninh.settings import ZaloSettings
    from anninh.tips.contact import reporter_address
    from anninh.wiring._zalo import build_token_manager, build_zalo_client
    from anninh.zalo.errors import ZaloError

    zalo = ZaloSettings.from_env(env)
    client = build_zalo_client(zalo, build_token_manager(zalo, env))

    def notify(tip: Tip, item: MediaItem) -> None:
        text = texts.TIP_MEDIA_NOT_KEPT.format(code=tip.code, reason=item.error or "")
        try:
            client.send_text(tip.reporter_oa_id, reporter_address(tip), text)
        except ZaloError as exc:
            if not exc.window_error:
                raise
            count("MediaNoticeUndeliverable", code=exc.label)  # the lookup shows the mark

    return notify
