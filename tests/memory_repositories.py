"""In-memory repositories with the same contracts as the DynamoDB ones, for unit tests (no I/O)."""

from __future__ import annotations

from collections.abc import Iterable
from copy import deepcopy
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from anninh.messaging.conversations import ConversationState
from anninh.messaging.replies import Reply
from anninh.officers.model import Officer
from anninh.questions.model import PendingQuestion
from anninh.tips.model import AuditEntry, MediaItem, Tip
from anninh.tips.ports import TipChanges
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
    user_id: str = ""
    following: bool = False
    source: str | None = None
    followed_at: datetime | None = None
    unfollowed_at: datetime | None = None
    last_interaction_at: datetime | None = None


class MemoryFollowers:
    def __init__(self) -> None:
        self.records: dict[tuple[str, str], FollowerRecord] = {}

    def _get(self, oa_id: str, user_id: str) -> FollowerRecord:
        return self.records.setdefault((oa_id, user_id), FollowerRecord(user_id=user_id))

    def record_follow(self, oa_id: str, user_id: str, at: datetime, source: str | None) -> bool:
        rec = self._get(oa_id, user_id)
        flipped = False
        if rec.unfollowed_at is None or rec.unfollowed_at < at:
            flipped = not rec.following
            rec.following, rec.source, rec.followed_at, rec.last_interaction_at = True, source, at, at
        return flipped

    def record_unfollow(self, oa_id: str, user_id: str, at: datetime) -> bool:
        rec = self._get(oa_id, user_id)
        flipped = False
        if rec.followed_at is None or rec.followed_at < at:
            flipped = bool(rec.following)
            rec.following, rec.unfollowed_at = False, at
        return flipped

    def touch(self, oa_id: str, user_id: str, at: datetime) -> None:
        rec = self._get(oa_id, user_id)
        if rec.last_interaction_at is None or rec.last_interaction_at < at:
            rec.last_interaction_at = at

    def record_synced(self, oa_id: str, user_id: str, at: datetime) -> None:
        rec = self._get(oa_id, user_id)
        rec.following = True
        rec.followed_at = rec.followed_at or at
        rec.source = rec.source or "sync"

    def list_following(self, oa_id: str) -> list[FollowerRecord]:
        return [rec for (oa, _), rec in self.records.items() if oa == oa_id and rec.following]

    def get(self, oa_id: str, user_id: str) -> FollowerRecord | None:
        return self.records.get((oa_id, user_id))


class MemoryConversations:
    def __init__(self) -> None:
        self.items: dict[tuple[str, str], ConversationState] = {}
        self.saved_at: dict[tuple[str, str], datetime] = {}

    def load(self, oa_id: str, user_id: str) -> ConversationState:
        found = self.items.get((oa_id, user_id))
        return replace(found, data=deepcopy(found.data)) if found else ConversationState(oa_id, user_id)

    def mark_sent(self, oa_id: str, user_id: str, event_key: str, sent: int) -> None:
        current = self.items.get((oa_id, user_id)) or ConversationState(oa_id, user_id)
        self.items[(oa_id, user_id)] = replace(current, progress_key=event_key, progress_sent=sent)

    def save(self, conversation: ConversationState, at: datetime) -> None:
        current = self.items.get((conversation.oa_id, conversation.user_id)) or ConversationState(
            conversation.oa_id, conversation.user_id
        )
        self.items[(conversation.oa_id, conversation.user_id)] = replace(
            current, state=conversation.state, data=deepcopy(conversation.data)
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


class MemoryOfficers:
    def __init__(self, officers: Iterable[Officer] = ()) -> None:
        self.officers = {(o.unit_id, o.user_id): o for o in officers}

    def list_unit(self, unit_id: str) -> list[Officer]:
        return [o for (uid, _), o in self.officers.items() if uid == unit_id]

    def find(self, oa_id: str, user_id: str) -> Officer | None:
        return next((o for o in self.officers.values() if o.oa_id == oa_id and o.user_id == user_id), None)

    def save(self, officer: Officer) -> None:
        self.officers[(officer.unit_id, officer.user_id)] = officer

    def remove(self, unit_id: str, user_id: str) -> bool:
        return self.officers.pop((unit_id, user_id), None) is not None


class MemoryQuestions:
    def __init__(self) -> None:
        self.items: dict[str, PendingQuestion] = {}

    def add(self, question: PendingQuestion) -> bool:
        from anninh.codes import CodeTaken

        if question.question_id in self.items:
            return False
        if any(q.code == question.code for q in self.items.values()):
            raise CodeTaken(question.code)
        self.items[question.question_id] = question
        return True

    def get(self, unit_id: str, question_id: str) -> PendingQuestion | None:
        found = self.items.get(question_id)
        return found if found is not None and found.unit_id == unit_id else None

    def by_code(self, code: str) -> PendingQuestion | None:
        return next((q for q in self.items.values() if q.code == code), None)

    def list_unit(self, unit_id: str, status: str | None = None, limit: int = 50) -> list[PendingQuestion]:
        found = [
            q for q in self.items.values() if q.unit_id == unit_id and (status is None or q.status == status)
        ]
        return sorted(found, key=lambda q: q.question_id, reverse=True)[:limit]

    def mark_answered(self, question: PendingQuestion, answer: str, by: str, at: datetime) -> PendingQuestion:
        from anninh.questions.ports import AlreadyAnswered

        current = self.items[question.question_id]
        if current.status != "open":
            raise AlreadyAnswered(question.code)
        updated = replace(current, status="answered", answer=answer, answered_by=by, answered_at=at)
        self.items[question.question_id] = updated
        return updated


class MemoryTips:
    """Tips and their audit trail; ``save_changes`` checks the version like the conditional write does."""

    def __init__(self) -> None:
        self.tips: dict[str, Tip] = {}
        self.entries: list[AuditEntry] = []
        self.audit_keys: set[str] = set()

    def create(self, tip: Tip) -> bool:
        from anninh.codes import CodeTaken

        if tip.tip_id in self.tips:
            return False
        if any(t.code == tip.code for t in self.tips.values()):
            raise CodeTaken(tip.code)
        self.tips[tip.tip_id] = tip
        return True

    def get(self, tip_id: str) -> Tip | None:
        return self.tips.get(tip_id)

    def by_code(self, code: str) -> Tip | None:
        return next((t for t in self.tips.values() if t.code == code), None)

    def by_reporter(self, reporter_key: str, limit: int = 10) -> list[Tip]:
        mine = [t for t in self.tips.values() if t.reporter_key == reporter_key]
        return sorted(mine, key=lambda t: t.tip_id, reverse=True)[:limit]

    def list_unit(self, unit_id: str, status: str | None = None, limit: int = 50) -> list[Tip]:
        found = [t for t in self.tips.values() if t.unit_id == unit_id and status in (None, t.status)]
        return sorted(found, key=lambda t: t.tip_id, reverse=True)[:limit]

    def list_created(self, unit_id: str, start: datetime, end: datetime) -> list[Tip]:
        found = [t for t in self.tips.values() if t.unit_id == unit_id and start <= t.created_at < end]
        return sorted(found, key=lambda t: t.tip_id)

    def save_changes(self, tip: Tip, changes: TipChanges, at: datetime) -> Tip:
        from anninh.tips.ports import ConcurrentUpdate

        if self.tips[tip.tip_id].version != tip.version:
            raise ConcurrentUpdate(tip.tip_id)
        updated = replace(tip, **changes, updated_at=at, version=tip.version + 1)
        self.tips[tip.tip_id] = updated
        return updated

    def set_media(self, tip_id: str, item: MediaItem, at: datetime) -> None:
        tip = self.tips[tip_id]
        others = tuple(m for m in tip.media if m.media_id != item.media_id)
        self.tips[tip_id] = replace(tip, media=(*others, item), updated_at=at)

    def audit(self, entry: AuditEntry) -> None:
        self.entries.append(entry)

    def audit_once(self, entry: AuditEntry, key: str) -> bool:
        if key in self.audit_keys:
            return False
        self.audit_keys.add(key)
        self.entries.append(entry)
        return True

    def history(self, tip_id: str) -> list[AuditEntry]:
        return [e for e in self.entries if e.tip_id == tip_id]

    def add_addition(self, tip_id: str, at: datetime, text: str, key: str) -> bool:
        if any(e.tip_id == tip_id and e.detail == text and e.at == at for e in self.entries):
            return False
        self.entries.append(AuditEntry(tip_id, at, "info_added", "citizen", text))
        return True

    def additions(self, tip_id: str) -> list[AuditEntry]:
        return [e for e in self.history(tip_id) if e.action == "info_added" and e.detail]


class MemoryStats:
    """Daily statistics: each flush adds, as the DynamoDB store's UpdateItem does."""

    def __init__(self) -> None:
        from collections import Counter

        self.counts: dict[tuple[str, date], Counter[str]] = {}
        self.durations: dict[tuple[str, date], dict[str, list[float]]] = {}
        self.flushes: list[str] = []
        self.level_values: dict[str, Counter[str]] = {}

    def add(self, collected: Any, once_key: str) -> bool:
        from collections import Counter

        self.flushes.append(once_key)
        for unit_id, deltas in collected.levels.items():
            self.level_values.setdefault(unit_id, Counter()).update(deltas)
        for key in collected.units_and_days():
            self.counts.setdefault(key, Counter()).update(collected.counts.get(key, {}))
            for name, values in collected.durations.get(key, {}).items():
                self.durations.setdefault(key, {}).setdefault(name, []).extend(values)
        return True

    def levels(self, unit_id: str) -> dict[str, int]:
        return dict(self.level_values.get(unit_id, {}))

    def set_level(self, unit_id: str, level: str, value: int) -> None:
        from collections import Counter

        self.level_values.setdefault(unit_id, Counter())[level] = value

    def days(self, unit_id: str, start: date, end: date) -> list[Any]:
        from anninh.stats.recording import DailyStats

        return [
            DailyStats(u, d, dict(self.counts.get((u, d), {})), dict(self.durations.get((u, d), {})))
            for (u, d) in sorted(set(self.counts) | set(self.durations))
            if u == unit_id and start <= d <= end
        ]
