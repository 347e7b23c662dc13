"""Send a citizen the replies of one event exactly once, across retries.

Before each reply, how many replies of this event were already sent (``progress_key``/``progress_sent`` on
the conversation item) is checked, and each send is recorded right after it succeeds: a retry after a crash
halfway resends nothing that went out."""

from __future__ import annotations

from typing import Protocol

from anninh.messaging.conversations import ConversationRepository, ConversationState
from anninh.messaging.replies import Reply


class ReplySender(Protocol):
    def send(self, oa_id: str, user_id: str, reply: Reply) -> None: ...


def deliver(
    conversations: ConversationRepository,
    sender: ReplySender,
    conversation: ConversationState,
    event_key: str,
    replies: list[Reply],
) -> int:
    """Send the replies not yet sent for this event; returns how many were sent now."""
    already = conversation.progress_sent if conversation.progress_key == event_key else 0
    sent_now = 0
    for index, reply in enumerate(replies):
        if index < already:
            continue
        sender.send(conversation.oa_id, conversation.user_id, reply)
        sent_now += 1
        conversations.mark_sent(conversation.oa_id, conversation.user_id, event_key, index + 1)
    conversation.progress_key = event_key
    conversation.progress_sent = len(replies)
    return sent_now
