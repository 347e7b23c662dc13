"""A citizen's conversation with an OA as the services see it, and what they need from its storage
(implemented in :mod:`anninh.store.conversations`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from anninh.messaging.state import ConversationData


@dataclass
class ConversationState:
    oa_id: str
    user_id: str
    state: str = "menu"
    data: ConversationData = field(default_factory=ConversationData)
    progress_key: str | None = None
    progress_sent: int = 0


class ConversationRepository(Protocol):
    def load(self, oa_id: str, user_id: str) -> ConversationState: ...
    def mark_sent(self, oa_id: str, user_id: str, event_key: str, sent: int) -> None: ...
    def save(self, conversation: ConversationState, at: datetime) -> None: ...
