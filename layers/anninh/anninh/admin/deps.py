"""What the admin routes work with: repositories, the Zalo relay and a clock; built once per cold start."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Protocol

from anninh.admin.auth import Actor
from anninh.faq.published import KnowledgeBaseObjects
from anninh.followers.sync import FollowerLister, SyncedFollowers
from anninh.messaging.conversations import ConversationRepository
from anninh.messaging.delivery import ReplySender
from anninh.oa.consent import ConsentRepository
from anninh.oa.health import OaStatusRepository
from anninh.officers.ports import OfficerRepository
from anninh.questions.ports import QuestionRepository
from anninh.stats.recording import StatsStore
from anninh.store.content import ContentRepository
from anninh.tips.ports import TipRepository
from anninh.units.ports import UnitRepository
from anninh.units.tree import UnitTree
from anninh.zalo.capabilities import CapabilityRepository

if TYPE_CHECKING:  # pragma: no cover
    from anninh.broadcasts.ports import BroadcastRepository, ResultRepository
    from anninh.broadcasts.quota import ArticleQuota
    from anninh.broadcasts.render import ContentSender
    from anninh.broadcasts.service import Receipts, Schedules
    from anninh.mergers.merger import MergeStore
    from anninh.oa.secrets_import import OaSecretStore
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
    # Units' content, follower back-fill.
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
    # Each OA's article-broadcast allowance and monthly ledger (anninh.broadcasts.quota).
    article_quota: ArticleQuota | None = None
    # Units merged or renamed (anninh.mergers.merger): the job records and the writes of their steps.
    unit_merges: MergeStore | None = None

    def tree(self) -> UnitTree:
        """The unit tree, read afresh (one scan of 100–200 units): the admin API must see its own edits."""
        return UnitTree(self.units.all())


@dataclass(frozen=True)
class RequestScope:
    """Per-request state the routes read from the resolver's context."""

    actor: Actor
    deps: AdminDeps
    request_id: str
