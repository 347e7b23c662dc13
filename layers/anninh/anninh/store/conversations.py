"""Conversation state per (OA, citizen), kept 30 days after the last message (TTL)."""

from __future__ import annotations

from datetime import datetime, timedelta

from anninh.messaging.conversations import ConversationState
from anninh.messaging.state import ConversationData
from anninh.store.models import ConversationModel, ensure_bound

RETENTION = timedelta(days=30)


def conversation_id(oa_id: str, user_id: str) -> str:
    return f"{oa_id}#{user_id}"


class DynamoConversationRepository:
    def __init__(self) -> None:
        ensure_bound(ConversationModel)

    def load(self, oa_id: str, user_id: str) -> ConversationState:
        try:
            item = ConversationModel.get(conversation_id(oa_id, user_id), consistent_read=True)
        except ConversationModel.DoesNotExist:
            return ConversationState(oa_id=oa_id, user_id=user_id)
        return ConversationState(
            oa_id=oa_id,
            user_id=user_id,
            state=item.state,
            data=ConversationData.from_stored(item.data),
            progress_key=item.progress_key,
            progress_sent=int(item.progress_sent or 0),
        )

    def mark_sent(self, oa_id: str, user_id: str, event_key: str, sent: int) -> None:
        ConversationModel(conversation_id(oa_id, user_id)).update(
            actions=[ConversationModel.progress_key.set(event_key), ConversationModel.progress_sent.set(sent)]
        )

    def save(self, conversation: ConversationState, at: datetime) -> None:
        ConversationModel(conversation_id(conversation.oa_id, conversation.user_id)).update(
            actions=[
                ConversationModel.state.set(conversation.state),
                ConversationModel.data.set(conversation.data.to_stored()),
                ConversationModel.updated_at.set(at),
                ConversationModel.expires_at.set(at + RETENTION),
            ]
        )
