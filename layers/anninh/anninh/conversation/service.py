"""Run one citizen turn: load the state, decide, send each reply once, save the state.

Exactly-once replies across retries: before each reply the service checks how many replies of this event
were already sent (``progress_key``/``progress_sent`` on the conversation item) and records each send right
after it succeeds. A retry after a crash halfway resends nothing that went out; the state is saved last,
so a retry recomputes the same turn from the same state.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from anninh.conversation.replies import Turn
from anninh.messaging.conversations import ConversationRepository, ConversationState
from anninh.messaging.delivery import ReplySender, deliver
from anninh.units.model import Unit


def run_turn(
    conversations: ConversationRepository,
    sender: ReplySender,
    unit: Unit,
    user_id: str,
    event_key: str,
    at: datetime,
    decide: Callable[[ConversationState], Turn],
) -> int:
    """Load the conversation, let ``decide`` compute the turn, deliver it, save; returns replies sent."""
    assert unit.oa_id is not None
    conversation = conversations.load(unit.oa_id, user_id)
    return finish_turn(conversations, sender, conversation, event_key, at, decide(conversation))


def finish_turn(
    conversations: ConversationRepository,
    sender: ReplySender,
    conversation: ConversationState,
    event_key: str,
    at: datetime,
    turn: Turn,
) -> int:
    """Deliver the turn's replies not yet sent for this event, then save its state; returns replies sent."""
    sent = deliver(conversations, sender, conversation, event_key, turn.replies)
    conversation.state = turn.state
    conversation.data = turn.data
    conversations.save(conversation, at)
    return sent
