"""Build the worker's collaborators from the environment (called once per cold start)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from anninh import hash_keys
from anninh.conversation.citizen_turn import CitizenDeps
from anninh.conversation.zalo_sender import ZaloReplySender
from anninh.faq.engine import FaqEngine
from anninh.faq.published import DEFAULT_REFRESH_SECONDS, KnowledgeBaseSource
from anninh.inbound.event_router import WorkerDeps
from anninh.limits.citizens import CitizenLimits, LimitSettings
from anninh.oa.activity import ActivityRecorder
from anninh.settings import ConfigError, TableNames, ZaloSettings, environment, require, units_cache_seconds
from anninh.store.citizen_limits import DynamoCitizenLimits
from anninh.store.content import DynamoContentRepository
from anninh.store.conversations import DynamoConversationRepository
from anninh.store.deliveries import DynamoDeliveryRepository
from anninh.store.followers import DynamoFollowerRepository
from anninh.store.models import bind_tables
from anninh.store.officers import DynamoOfficerRepository
from anninh.store.questions import DynamoQuestionRepository
from anninh.store.tips import DynamoTipRepository
from anninh.store.units import DynamoUnitRepository
from anninh.tips.media_jobs import SqsMediaJobQueue, enqueue_media
from anninh.tips.media_links import link_client, presigned_url
from anninh.units.directory import UnitDirectory
from anninh.wiring.zalo import build_token_manager, build_zalo_client


def build_worker_deps(env: Mapping[str, str] | None = None) -> WorkerDeps:
    bind_tables(TableNames.from_env(env))
    zalo = ZaloSettings.from_env(env)
    client = build_zalo_client(zalo, build_token_manager(zalo, env))
    conversations = DynamoConversationRepository()
    sender = ZaloReplySender(client, request_info_image_url=zalo.request_info_image_url)
    officers = DynamoOfficerRepository()
    questions = DynamoQuestionRepository()
    media_queue = SqsMediaJobQueue.from_env()
    media_bucket = require(environment() if env is None else env, "MEDIA_BUCKET")

    def hash_secret() -> str:
        # Derived from the secret the stack generates at deploy (anninh.hash_keys); read once per process.
        return hash_keys.derived_key(hash_keys.REPORTER_KEY).hex()

    return WorkerDeps(
        # UNITS_CACHE_SECONDS: how long a unit change (a merger's pointer) takes to reach a warm worker.
        directory=UnitDirectory(
            DynamoUnitRepository(),
            ttl_seconds=units_cache_seconds(environment() if env is None else env),
        ),
        followers=DynamoFollowerRepository(),
        conversations=conversations,
        deliveries=DynamoDeliveryRepository(),
        sender=sender,
        officers=officers,
        questions=questions,
        citizen=CitizenDeps(
            conversations=conversations,
            sender=sender,
            officers=officers,
            questions=questions,
            tips=DynamoTipRepository(),
            hash_secret=hash_secret,
            media_sink=lambda tip, item: enqueue_media(media_queue, tip.tip_id, item, item.declared_size),
            faq=FaqEngine.load(),
            content=DynamoContentRepository(),
            limits=CitizenLimits(DynamoCitizenLimits(), LimitSettings.from_env(env)),
        ),
        presign=lambda key: presigned_url(link_client(), media_bucket, key),
    )


def build_faq_source(env: Mapping[str, str] | None = None) -> KnowledgeBaseSource:
    """The published knowledge base (FAQ_BUCKET), re-checked every FAQ_REFRESH_SECONDS (default 300); the
    copy built into the layer answers while nothing is published or the bucket is not configured."""
    env = environment() if env is None else env
    bucket = env.get("FAQ_BUCKET", "").strip()
    raw_refresh = env.get("FAQ_REFRESH_SECONDS", "").strip() or str(DEFAULT_REFRESH_SECONDS)
    try:
        refresh = float(raw_refresh)
    except ValueError:
        raise ConfigError(f"FAQ_REFRESH_SECONDS must be a number of seconds, not {raw_refresh!r}") from None
    if not bucket:
        return KnowledgeBaseSource(None)
    import boto3

    from anninh.store.knowledge_base_objects import S3KnowledgeBaseObjects

    return KnowledgeBaseSource(S3KnowledgeBaseObjects(boto3.client("s3"), bucket), refresh_seconds=refresh)


def build_activity_recorder(logger: Any = None) -> ActivityRecorder:
    """The recorder on the OA status table named by OA_STATUS_TABLE."""
    from anninh.store.oa_status import DynamoOaStatusRepository, bind_oa_status_table

    bind_oa_status_table()
    return ActivityRecorder(DynamoOaStatusRepository(), logger=logger)
