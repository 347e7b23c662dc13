"""What the dialogue decides to say, independent of how Zalo carries it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from anninh.messaging.state import ConversationData

if TYPE_CHECKING:  # pragma: no cover
    from anninh.tips.model import MediaItem, Tip
    from anninh.tips.service import Draft

from anninh.messaging.replies import Reply


@dataclass(frozen=True)
class HandOver:
    """The citizen's message goes to the officers as a pending question. ``abstained``: the FAQ declined it
    (the reply says so first); otherwise the citizen asked for an officer. The reply that names the
    question's code is made once the question exists (dialogue.handed_over_reply)."""

    abstained: bool
    faq_candidate: str | None = None


@dataclass
class TurnEffects:
    """What a turn asks the caller to do or count beside sending its replies; nothing here is kept.

    ``submit``: the confirmed tip draft to file (its reply, with the code, is made then);
    ``urgent``: the message tells of danger now (officers alerted at once, the numbers to call put first),
    ``emergency_number`` the number to call first when the words named one;
    ``added_media``: a tip and the attachments just added to it, to download;
    ``feedback``: (verdict, entry id) when the citizen rated an answer; ``faq_answered``/``faq_details``:
    the entry answered or detailed; ``faq_abstained``: the FAQ declined the question."""

    submit: Draft | None = None
    hand_over: HandOver | None = None
    urgent: bool = False
    emergency_number: str | None = None
    added_media: tuple[Tip, *tuple[MediaItem, ...]] | None = None
    feedback: tuple[str, str] | None = None
    faq_answered: str | None = None
    faq_details: str | None = None
    faq_abstained: bool = False


@dataclass
class Turn:
    """The dialogue's answer to one citizen event: replies to send, the state and data to keep, and the
    effects for the caller to carry out."""

    replies: list[Reply] = field(default_factory=list)
    state: str = "menu"
    data: ConversationData = field(default_factory=ConversationData)
    effects: TurnEffects = field(default_factory=TurnEffects)
