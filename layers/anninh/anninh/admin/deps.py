"""What the admin routes work with: repositories, the Zalo relay and a clock; built once per cold start."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from anninh.admin.auth import Actor
from anninh.conversation.service import ReplySender
from anninh.store.conversations import ConversationRepository
from anninh.store.officers import OfficerRepository
from anninh.store.questions import QuestionRepository
from anninh.store.units import UnitRepository
from anninh.units.tree import UnitTree


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class AdminDeps:
    units: UnitRepository
    officers: OfficerRepository
    questions: QuestionRepository
    conversations: ConversationRepository
    sender: ReplySender
    clock: Callable[[], datetime] = field(default=utcnow)

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
    from anninh.inbound.worker_setup import build_token_manager, build_zalo_client
    from anninh.settings import TableNames, ZaloSettings
    from anninh.store.conversations import DynamoConversationRepository
    from anninh.store.models import bind_tables
    from anninh.store.officers import DynamoOfficerRepository
    from anninh.store.questions import DynamoQuestionRepository
    from anninh.store.units import DynamoUnitRepository

    bind_tables(TableNames.from_env(env))
    zalo = ZaloSettings.from_env(env)
    return AdminDeps(
        units=DynamoUnitRepository(),
        officers=DynamoOfficerRepository(),
        questions=DynamoQuestionRepository(),
        conversations=DynamoConversationRepository(),
        sender=ZaloReplySender(build_zalo_client(zalo, build_token_manager(zalo, env))),
    )
