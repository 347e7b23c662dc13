"""What the admin routes work with: repositories, the Zalo relay and a clock; built once per cold start."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Protocol

from anninh.admin.auth import Actor
from anninh.conversation.service import ReplySender
from anninh.faq.published import KnowledgeBaseObjects
from anninh.followers.sync import FollowerLister, SyncedFollowers
from anninh.oa.consent import ConsentRepository
from anninh.oa.health import OaStatusRepository
from anninh.stats.recording import StatsStore
from anninh.store.content import ContentRepository
from anninh.store.conversations import ConversationRepository
from anninh.store.officers import OfficerRepository
from anninh.store.questions import QuestionRepository
from anninh.store.tips import TipRepository
from anninh.store.units import UnitRepository
from anninh.units.tree import UnitTree
from anninh.zalo.capabilities import CapabilityRepository

if TYPE_CHECKING:  # pragma: no cover
    from anninh.broadcasts.render import ContentSender
    from anninh.broadcasts.service import Receipts, Schedules
    from anninh.oa.secrets_import import OaSecretStore
    from anninh.settings import ZaloSettings
    from anninh.store.broadcasts import BroadcastRepository, ResultRepository
    from anninh.zalo.client import ZaloClient
    from anninh.zalo.tokens import TokenRepository


def utcnow() -> datetime:
    return datetime.now(UTC)


class OaCapabilityStore(CapabilityRepository, Protocol):
    """Each OA's recorded capabilities, and the contact-form picture an admin sets."""

    def set_form_image(self, oa_id: str, url: str | None, now: datetime) -> None: ...


@dataclass(frozen=True)
class Broadcasting:
    """What the /admin/broadcasts routes use: the repositories, EventBridge schedules, delivery receipts and
    the Zalo client that sends previews."""

    broadcasts: BroadcastRepository
    results: ResultRepository
    schedules: Schedules
    receipts: Receipts
    client: ContentSender


@dataclass(frozen=True)
class ZaloTools:
    """What the /admin/zalo routes use: the Zalo client (with its menu memory) and the capability store."""

    client: ZaloClient
    capabilities: OaCapabilityStore


class OaStatusStore(OaStatusRepository, ConsentRepository, Protocol):
    """The OA status table: each OA's health and the consents waiting for their OAuth callback."""


@dataclass(frozen=True)
class OaOnboarding:
    """OA onboarding: what the /admin/oa routes use (status table, SSM secret keys, token pairs, Zalo app)."""

    status: OaStatusStore
    secrets: OaSecretStore
    tokens: TokenRepository  # read only here
    app_id: str
    oauth_base_url: str
    plain_http_callback: bool = False  # the local stack serves http://; a deployed API is https://


@dataclass(frozen=True)
class AdminDeps:
    units: UnitRepository
    officers: OfficerRepository
    questions: QuestionRepository
    conversations: ConversationRepository
    sender: ReplySender
    tips: TipRepository
    presign: Callable[[str], str]  # a stored media's S3 key → a GET link of at most 10 minutes
    clock: Callable[[], datetime] = field(default=utcnow)
    # Issue 6: units' content, follower back-fill.
    content: ContentRepository | None = None
    followers: SyncedFollowers | None = None
    follower_lister: FollowerLister | None = None
    broadcasting: Broadcasting | None = None
    # The published FAQ knowledge base (versioned S3 object); None where no bucket is configured.
    faq_objects: KnowledgeBaseObjects | None = None
    # Statistics per unit and day (anninh.stats); None where no STATS_TABLE is configured.
    stats: StatsStore | None = None
    # OA onboarding and health (anninh oa).
    oa: OaOnboarding | None = None
    # docs/zalo-platform.md: `anninh zalo doctor` and each OA's recorded capabilities.
    zalo: ZaloTools | None = None
    form_picture: Callable[[str], str] | None = None  # an OA's contact-form picture (its own or the default)

    def tree(self) -> UnitTree:
        """The unit tree, read afresh (one scan of 100–200 units): the admin API must see its own edits."""
        return UnitTree(self.units.all())


@dataclass(frozen=True)
class RequestScope:
    """Per-request state the routes read from the resolver's context."""

    actor: Actor
    deps: AdminDeps
    request_id: str


def build_admin_deps(env: Mapping[str, str] | None = None) -> AdminDeps:
    """DynamoDB repositories and the Zalo client (tokens refreshed as the worker does)."""
    from anninh.conversation.zalo_sender import ZaloReplySender
    from anninh.settings import TableNames, ZaloSettings, require
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
    from anninh.zalo.connect import build_menu_memory, build_token_manager, build_zalo_client

    bind_tables(TableNames.from_env(env))
    zalo = ZaloSettings.from_env(env)
    memory = build_menu_memory(env)
    capabilities = memory.repository
    assert isinstance(capabilities, DynamoCapabilityRepository)  # build_menu_memory persists in DynamoDB
    zalo_client = build_zalo_client(zalo, build_token_manager(zalo, env), menu_memory=memory)
    reply_sender = ZaloReplySender(zalo_client, request_info_image_url=zalo.request_info_image_url)
    media_bucket = require(os.environ if env is None else env, "MEDIA_BUCKET")
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
        faq_objects=build_faq_objects(env),
        stats=stats_store_from_env(env),
        zalo=ZaloTools(client=zalo_client, capabilities=capabilities),
        form_picture=reply_sender.form_image_url,
        broadcasting=_broadcasting(env, zalo_client),
        oa=_oa_deps(env, zalo),
    )


def _oa_deps(env: Mapping[str, str] | None, zalo: ZaloSettings) -> OaOnboarding:
    """OA onboarding: the OA status table, the OA secret keys in SSM and the token pairs."""
    import boto3

    from anninh.store.oa_status import DynamoOaStatusRepository, bind_oa_status_table
    from anninh.store.ssm_secrets import SsmOaSecrets
    from anninh.store.tokens import DynamoTokenRepository

    env = os.environ if env is None else env
    bind_oa_status_table(env=env)
    return OaOnboarding(
        status=DynamoOaStatusRepository(),
        secrets=SsmOaSecrets(boto3.client("ssm"), zalo.ssm_prefix),
        tokens=DynamoTokenRepository(),
        app_id=zalo.app_id,
        oauth_base_url=zalo.oauth_base_url,
        plain_http_callback=env.get("STAGE", "") == "local",
    )


def build_faq_objects(env: Mapping[str, str] | None = None) -> KnowledgeBaseObjects | None:
    """The versioned knowledge-base object in FAQ_BUCKET (encrypted with FAQ_KMS_KEY_ARN), if configured."""
    import boto3

    from anninh.store.knowledge_base_objects import S3KnowledgeBaseObjects

    env = os.environ if env is None else env
    bucket = env.get("FAQ_BUCKET", "").strip()
    if not bucket:
        return None
    return S3KnowledgeBaseObjects(boto3.client("s3"), bucket, env.get("FAQ_KMS_KEY_ARN") or None)


def _broadcasting(env: Mapping[str, str] | None, zalo_client: ZaloClient) -> Broadcasting:
    """Broadcast repositories and EventBridge schedules (targets the broadcast function with its role)."""
    import boto3

    from anninh.broadcasts.schedules import EventBridgeSchedules
    from anninh.settings import require
    from anninh.store.broadcasts import (
        DeliveryReceipts,
        DynamoBroadcastRepository,
        DynamoResultRepository,
        bind_broadcast_tables,
    )

    env = os.environ if env is None else env
    bind_broadcast_tables(env)
    schedules = EventBridgeSchedules(
        boto3.client("scheduler"),
        require(env, "BROADCAST_FUNCTION_ARN"),
        require(env, "SCHEDULER_ROLE_ARN"),
        group=require(env, "SCHEDULE_GROUP"),
        dead_letter_arn=require(env, "SCHEDULE_DLQ_ARN"),
    )
    return Broadcasting(
        broadcasts=DynamoBroadcastRepository(),
        results=DynamoResultRepository(),
        schedules=schedules,
        receipts=DeliveryReceipts(),
        client=zalo_client,
    )
