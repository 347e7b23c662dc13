"""The worker function's wiring: the event router's repositories and Zalo client, the published knowledge
base, the OA activity recorder, the statistics, the idempotency table and the DLQ (once per cold start)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from anninh import hash_keys
from anninh.conversation.citizen_turn import CitizenDeps
from anninh.conversation.zalo_sender import ZaloReplySender
from anninh.faq.engine import FaqEngine
from anninh.faq.published import DEFAULT_REFRESH_SECONDS, KnowledgeBaseSource
from anninh.inbound.event_router import WorkerDeps
from anninh.inbound.parking import SqsEventParking
from anninh.limits.citizens import CitizenLimits, LimitSettings
from anninh.oa.activity import ActivityRecorder
from anninh.observability import logger
from anninh.settings import (
    FaqStoreSettings,
    TableNames,
    ZaloSettings,
    environment,
    require,
    units_cache_seconds,
)
from anninh.store.citizen_limits import DynamoCitizenLimits
from anninh.store.content import DynamoContentRepository
from anninh.store.conversations import DynamoConversationRepository
from anninh.store.deliveries import DynamoDeliveryRepository
from anninh.store.followers import DynamoFollowerRepository
from anninh.store.models import bind_tables
from anninh.store.officers import DynamoOfficerRepository
from anninh.store.questions import DynamoQuestionRepository
from anninh.store.stats import DynamoStatsStore, stats_store_from_env
from anninh.store.tips import DynamoTipRepository
from anninh.store.units import DynamoUnitRepository
from anninh.tips.media_jobs import SqsMediaJobQueue, enqueue_media
from anninh.tips.media_links import link_client, presigned_url
from anninh.units.directory import UnitDirectory
from anninh.wiring._zalo import build_token_manager, build_zalo_client


@dataclass(frozen=True)
class WorkerFunctionDeps:
    """What the worker's handler holds: the router's collaborators and what wraps each event."""

    router: WorkerDeps
    faq_source: KnowledgeBaseSource
    # OA onboarding: the last event and Zalo error seen per OA (`anninh oa status`).
    activity: ActivityRecorder
    stats: DynamoStatsStore | None  # None for a function without STATS_TABLE
    idempotency_table: str
    parking: SqsEventParking


def build(env: Mapping[str, str] | None = None) -> WorkerFunctionDeps:
    env = environment() if env is None else env
    router = _router(env)
    return WorkerFunctionDeps(
        router=router,
        faq_source=_faq_source(env),
        stats=stats_store_from_env(env),
        idempotency_table=require(env, "IDEMPOTENCY_TABLE"),
        parking=SqsEventParking(require(env, "INBOUND_DLQ_URL")),
        activity=_activity_recorder(env),
    )


def _router(env: Mapping[str, str]) -> WorkerDeps:
    bind_tables(TableNames.from_env(env))
    zalo = ZaloSettings.from_env(env)
    client = build_zalo_client(zalo, build_token_manager(zalo, env))
    conversations = DynamoConversationRepository()
    sender = ZaloReplySender(client, request_info_image_url=zalo.request_info_image_url)
    officers = DynamoOfficerRepository()
    questions = DynamoQuestionRepository()
    media_queue = SqsMediaJobQueue.from_env(env)
    media_bucket = require(env, "MEDIA_BUCKET")

    def hash_secret() -> str:
        # Derived from the secret the stack generates at deploy (anninh.hash_keys); read once per process.
        return hash_keys.derived_key(hash_keys.REPORTER_KEY).hex()

    return WorkerDeps(
        # UNITS_CACHE_SECONDS: how long a unit change (a merger's pointer) takes to reach a warm worker.
        directory=UnitDirectory(
            DynamoUnitRepository(),
            ttl_seconds=units_cache_seconds(env),
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


def _faq_source(env: Mapping[str, str]) -> KnowledgeBaseSource:
    """The published knowledge base (FAQ_BUCKET), re-checked every FAQ_REFRESH_SECONDS (default 300); the
    copy built into the layer answers while nothing is published or the bucket is not configured."""
    faq = FaqStoreSettings.from_env(env, refresh_seconds=DEFAULT_REFRESH_SECONDS)
    if faq.bucket is None:
        return KnowledgeBaseSource(None)
    import boto3

    from anninh.store.knowledge_base_objects import S3KnowledgeBaseObjects

    return KnowledgeBaseSource(
        S3KnowledgeBaseObjects(boto3.client("s3"), faq.bucket), refresh_seconds=faq.refresh_seconds
    )


def _activity_recorder(env: Mapping[str, str]) -> ActivityRecorder:
    """The recorder on the OA status table named by OA_STATUS_TABLE, at most one write a minute per OA."""
    from anninh.store.oa_status import DynamoOaStatusRepository, bind_oa_status_table

    bind_oa_status_table(env=env)
    return ActivityRecorder(DynamoOaStatusRepository(), logger=logger)
