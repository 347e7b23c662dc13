"""What a conversation keeps between a citizen's messages, typed.

Stored as the conversation item's ``data`` map with the same keys as before it was typed (``draft``,
``draft_started``, ``choices``), so conversations saved earlier load as they are; keys this model does not
know (flags older code wrote for one turn only) are dropped on load.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass
class ConversationData:
    """``draft``: the tip intake's answers so far (tip_intake fills it; tips.service.Draft checks it at
    submission); ``draft_started``: when that draft began (ISO time, to offer resuming it);
    ``choices``: the payloads of the last buttons sent, so a typed number can stand for one."""

    draft: dict[str, Any] | None = None
    draft_started: str | None = None
    choices: list[str] = field(default_factory=list)

    @classmethod
    def from_stored(cls, stored: Mapping[str, Any] | None) -> ConversationData:
        stored = stored or {}
        draft = stored.get("draft")
        started = stored.get("draft_started")
        choices = stored.get("choices")
        return cls(
            draft=dict(draft) if isinstance(draft, Mapping) else None,
            draft_started=started if isinstance(started, str) else None,
            choices=[str(c) for c in choices] if isinstance(choices, list) else [],
        )

    def to_stored(self) -> dict[str, Any]:
        """The map saved on the conversation item: only the keys that hold something."""
        stored: dict[str, Any] = {}
        if self.draft is not None:
            stored["draft"] = self.draft
        if self.draft_started is not None:
            stored["draft_started"] = self.draft_started
        if self.choices:
            stored["choices"] = list(self.choices)
        return stored
