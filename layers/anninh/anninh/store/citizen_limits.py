"""Per-citizen limits (:mod:`anninh.limits.citizens`) as two small items in the conversations
table: ``limit#<oa>#<user>`` (the message bucket) and ``alerts#<oa>#<user>`` (the alert window).

Each write is conditional on the item being as it was read (``at_ms`` / ``opened_ms`` and the count, or not
existing yet), so two workers never both spend the last token or both open a window. The table's TTL
(``expires_at``) removes an item a day after the citizen's last message.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pynamodb.attributes import BooleanAttribute, NumberAttribute, TTLAttribute, UnicodeAttribute
from pynamodb.exceptions import PutError
from pynamodb.expressions.condition import Condition
from pynamodb.models import Model

from anninh.limits.citizens import AlertWindow, Bucket
from anninh.store.models import UNBOUND, ConversationModel, bind_like

KEEP = timedelta(days=1)


class CitizenLimitModel(Model):
    class Meta:
        table_name = UNBOUND

    conversation_id = UnicodeAttribute(hash_key=True)
    tokens = NumberAttribute(null=True)
    at_ms = NumberAttribute(default=0)
    warned = BooleanAttribute(default=False)
    opened_by = UnicodeAttribute(null=True)
    held = NumberAttribute(default=0)
    expires_at = TTLAttribute(null=True)


def _expiry(at_ms: int) -> datetime:
    return datetime.fromtimestamp(at_ms / 1000, tz=UTC) + KEEP


class DynamoCitizenLimits:
    def __init__(self) -> None:
        bind_like(CitizenLimitModel, ConversationModel)

    def _get(self, key: str) -> CitizenLimitModel | None:
        try:
            return CitizenLimitModel.get(key, consistent_read=True)
        except CitizenLimitModel.DoesNotExist:
            return None

    def _put(self, item: CitizenLimitModel, condition: Condition) -> bool:
        try:
            item.save(condition=condition)
        except PutError as exc:
            if exc.cause_response_code == "ConditionalCheckFailedException":
                return False
            raise
        return True

    def bucket(self, oa_id: str, user_id: str) -> Bucket | None:
        item = self._get(f"limit#{oa_id}#{user_id}")
        if item is None or item.tokens is None:
            return None
        return Bucket(tokens=float(item.tokens), at_ms=int(item.at_ms), warned=bool(item.warned))

    def put_bucket(self, oa_id: str, user_id: str, new: Bucket, old: Bucket | None) -> bool:
        item = CitizenLimitModel(
            conversation_id=f"limit#{oa_id}#{user_id}",
            tokens=new.tokens,
            at_ms=new.at_ms,
            warned=new.warned,
            expires_at=_expiry(new.at_ms),
        )
        if old is None:
            return self._put(item, CitizenLimitModel.conversation_id.does_not_exist())
        unchanged = (CitizenLimitModel.at_ms == old.at_ms) & (CitizenLimitModel.tokens == old.tokens)
        return self._put(item, unchanged)

    def window(self, oa_id: str, user_id: str) -> AlertWindow | None:
        item = self._get(f"alerts#{oa_id}#{user_id}")
        if item is None:
            return None
        held = int(item.held or 0)
        return AlertWindow(opened_ms=int(item.at_ms), opened_by=item.opened_by or "", held=held)

    def put_window(self, oa_id: str, user_id: str, new: AlertWindow, old: AlertWindow | None) -> bool:
        item = CitizenLimitModel(
            conversation_id=f"alerts#{oa_id}#{user_id}",
            at_ms=new.opened_ms,
            opened_by=new.opened_by,
            held=new.held,
            expires_at=_expiry(new.opened_ms),
        )
        if old is None:
            return self._put(item, CitizenLimitModel.conversation_id.does_not_exist())
        unchanged = (CitizenLimitModel.at_ms == old.opened_ms) & (CitizenLimitModel.held == old.held)
        return self._put(item, unchanged)
