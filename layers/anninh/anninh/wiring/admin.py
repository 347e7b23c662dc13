"""The admin function's wiring: DynamoDB repositories, the Zalo client (tokens refreshed as the worker does),
the knowledge-base objects, broadcast schedules and OA onboarding, bound into :class:`AdminDeps`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from anninh.admin.deps import AdminDeps, Broadcasting, OaOnboarding, ZaloTools
from anninh.faq.published import DEFAULT_REFRESH_SECONDS, KnowledgeBaseObjects
from anninh.settings import BroadcastSchedules, FaqStoreSettings, ZaloSettings, environment, is_local_stage


def build(env: Mapping[str, str] | None = None) -> AdminDeps:
    """DynamoDB repositories and the Zalo client (tokens refreshed as the worker does)."""
    from anninh.conversation.zalo_sender import ZaloReplySender
    from anninh.settings import TableNames, require
    from anninh.store.content import DynamoContentRepository
    from anninh.store.conversations import DynamoConversationRepository
    from anninh.store.followers import DynamoFollowerRepository
    from anninh.store.models import bind_tables
    from anninh.store.officers import DynamoOfficerRepository
    from anninh.store.questions import DynamoQuestionRepository
    from anninh.store.stats import stats_store_from_env
    from anninh.store.tips import DynamoTipRepository
    from anninh.store.units import DynamoUnitRepository
    from anninh.store.zalo_capabilities import DynamoCapabilityRepository
    from anninh.tips.media_links import link_client, presigned_url
    from anninh.wiring._zalo import build_menu_memory, build_token_manager, build_zalo_client

    bind_tables(TableNames.from_env(env))
    zalo = ZaloSettings.from_env(env)
    memory = build_menu_memory(env)
    capabilities = memory.repository
    assert isinstance(capabilities, DynamoCapabilityRepository)  # build_menu_memory persists in DynamoDB
    zalo_client = build_zalo_client(zalo, build_token_manager(zalo, env), menu_memory=memory)
    reply_sender = ZaloReplySender(zalo_client, request_info_image_url=zalo.request_info_image_url)
    media_bucket = require(environment() if env is None else env, "MEDIA_BUCKET")
    links = link_client()
    return AdminDeps(
        units=DynamoUnitRepository(),
        officers=DynamoOfficerRepository(),
        questions=DynamoQuestionRepository(),
        conversations=DynamoConversationRepository(),
        sender=reply_sender,
        content=DynamoContentRepository(),
        followers=DynamoFollowerRepository(),
        follower_lister=zalo_client,
        tips=DynamoTipRepository(),
        presign=lambda key: presigned_url(links, media_bucket, key),
        faq_objects=_faq_objects(env),
        stats=stats_store_from_env(env),
        zalo=ZaloTools(client=zalo_client, capabilities=capabilities),
        form_picture=reply_sender.form_image_url,
        article_quota=_article_quota(env),
        broadcasting=_broadcasting(env, zalo_client),
        oa=_oa_deps(env, zalo),
        unit_merges=_unit_merges(env),
    )


def _article_quota(env: Mapping[str, str] | None) -> Any:
    from anninh.wiring._broadcasts import article_quota

    return article_quota(environment() if env is None else env)


def _unit_merges(env: Mapping[str, str] | None) -> Any:
    """Unit mergers and renames (the units table, and STATS_TABLE's days when the function has it)."""
    from anninh.store.stats import stats_store_from_env
    from anninh.store.unit_merges import DynamoUnitMergeStore

    return DynamoUnitMergeStore(with_stats=stats_store_from_env(env) is not None)


def _oa_deps(env: Mapping[str, str] | None, zalo: ZaloSettings) -> OaOnboarding:
    """OA onboarding: the OA status table, the OA secret keys in SSM and the token pairs."""
    import boto3

    from anninh.store.oa_status import DynamoOaStatusRepository, bind_oa_status_table
    from anninh.store.ssm_secrets import SsmOaSecrets
    from anninh.store.tokens import DynamoTokenRepository

    env = environment() if env is None else env
    bind_oa_status_table(env=env)
    return OaOnboarding(
        status=DynamoOaStatusRepository(),
        secrets=SsmOaSecrets(boto3.client("ssm"), zalo.ssm_prefix),
        tokens=DynamoTokenRepository(),
        app_id=zalo.app_id,
        oauth_base_url=zalo.oauth_base_url,
        plain_http_callback=is_local_stage(env),
    )


def _faq_objects(env: Mapping[str, str] | None = None) -> KnowledgeBaseObjects | None:
    """The versioned knowledge-base object in FAQ_BUCKET (encrypted with FAQ_KMS_KEY_ARN), if configured."""
    import boto3

    from anninh.store.knowledge_base_objects import S3KnowledgeBaseObjects

    faq = FaqStoreSettings.from_env(env, refresh_seconds=DEFAULT_REFRESH_SECONDS)
    if faq.bucket is None:
        return None
    return S3KnowledgeBaseObjects(boto3.client("s3"), faq.bucket, faq.kms_key_arn)


def _broadcasting(env: Mapping[str, str] | None, zalo_client: Any) -> Broadcasting:
    """Broadcast repositories and EventBridge schedules (targets the broadcast function with its role)."""
    import boto3

    from anninh.broadcasts.schedules import EventBridgeSchedules
    from anninh.store.broadcasts import (
        DeliveryReceipts,
        DynamoBroadcastRepository,
        DynamoResultRepository,
        bind_broadcast_tables,
    )

    env = environment() if env is None else env
    bind_broadcast_tables(env)
    targets = BroadcastSchedules.from_env(env)
    schedules = EventBridgeSchedules(
        boto3.client("scheduler"),
        targets.function_arn,
        targets.role_arn,
        group=targets.group,
        dead_letter_arn=targets.dead_letter_arn,
    )
    return Broadcasting(
        broadcasts=DynamoBroadcastRepository(),
        results=DynamoResultRepository(),
        schedules=schedules,
        receipts=DeliveryReceipts(),
        client=zalo_client,
    )
