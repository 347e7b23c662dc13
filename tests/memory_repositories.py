"""In-memory repositories with the same contracts as the DynamoDB ones, for unit tests (no I/O)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime

from anninh.conversation.replies import Reply
from anninh.store.conversations import ConversationState
from anninh.units.model import Unit


class MemoryUnits:
    def __init__(self, units: Iterable[Unit] = ()):
        self.units = {u.unit_id: u for u in units}
        self.scans = 0

    def get(self, unit_id: str) -> Unit | None:
        return self.units.get(unit_id)

    def by_oa(self, oa_id: str) -> Unit | None:
        return next((u for u in self.units.values() if u.oa_id == oa_id), None)

    def all(self) -> list[Unit]:
        self.scans += 1
        return list(self.units.values())

    def save_all(self, units: Iterable[Unit]) -> int:
        units = list(units)
        self.units.update({u.unit_id: u for u in units})
        return len(units)


@dataclass
class FollowerRecord:
    following: bool = False
    source: str | None = None
    followed_at: datetime | None = None
    unfollowed_at: datetime | None = None
    last_interaction_at: datetime | None = None


class MemoryFollowers:
    def __init__(self) -> None:
        self.records: dict[tuple[str, str], FollowerRecord] = {}

    def _get(self, oa_id: str, user_id: str) -> FollowerRecord:
        return self.records.setdefault((oa_id, user_id), FollowerRecord())

    def record_follow(self, oa_id: str, user_id: str, at: datetime, source: str | None) -> None:
        rec = self._get(oa_id, user_id)
        if rec.unfollowed_at is None or rec.unfollowed_at < at:
            rec.following, rec.source, rec.followed_at, rec.last_interaction_at = True, source, at, at

    def record_unfollow(self, oa_id: str, user_id: str, at: datetime) -> None:
        rec = self._get(oa_id, user_id)
        if rec.followed_at is None or rec.followed_at < at:
            rec.following, rec.unfollowed_at = False, at

    def touch(self, oa_id: str, user_id: str, at: datetime) -> None:
        rec = self._get(oa_id, user_id)
        if rec.last_interaction_at is None or rec.last_interaction_at < at:
            rec.last_interaction_at = at

    def get(self, oa_id: str, user_id: str) -> FollowerRecord | None:
        return self.records.get((oa_id, user_id))


class MemoryConversations:
    def __init__(self) -> None:
        self.items: dict[tuple[str, str], ConversationState] = {}
        self.saved_at: dict[tuple[str, str], datetime] = {}

    def load(self, oa_id: str, user_id: str) -> ConversationState:
        found = self.items.get((oa_id, user_id))
        return replace(found, data=dict(found.data)) if found else ConversationState(oa_id, user_id)

    def mark_sent(self, oa_id: str, user_id: str, event_key: str, sent: int) -> None:
        current = self.items.get((oa_id, user_id)) or ConversationState(oa_id, user_id)
        self.items[(oa_id, user_id)] = replace(current, progress_key=event_key, progress_sent=sent)

    def save(self, conversation: ConversationState, at: datetime) -> None:
        current = self.items.get((conversation.oa_id, conversation.user_id)) or ConversationState(
            conversation.oa_id, conversation.user_id
        )
        self.items[(conversation.oa_id, conversation.user_id)] = replace(
            current, state=conversation.state, data=dict(conversation.data)
        )
        self.saved_at[(conversation.oa_id, conversation.user_id)] = at


class MemoryDeliveries:
    def __init__(self) -> None:
        self.records: list[tuple[str, str, str, datetime, str]] = []

    def record(self, message_id: str, oa_id: str, user_hash: str, at: datetime, kind: str) -> None:
        self.records.append((message_id, oa_id, user_hash, at, kind))


@dataclass
class RecordingSender:
    """Collects replies; ``fail_on`` makes the n-th send (1-based, counted over the sender's life) raise."""

    sent: list[tuple[str, str, Reply]] = field(default_factory=list)
    fail_on: set[int] = field(default_factory=set)
    attempts: int = 0

    def send(self, oa_id: str, user_id: str, reply: Reply) -> None:
        self.attempts += 1
        if self.attempts in self.fail_on:
            raise ConnectionError("simulated Zalo outage")
        self.sent.append((oa_id, user_id, reply))
