"""Units' content items in one table: ``unit_id`` + ``item_key`` ("<kind>#<item_id>")."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from pynamodb.attributes import JSONAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.models import Model

from anninh.content.model import ContentItem
from anninh.store.models import UNBOUND, ensure_bound, utcnow


class ContentModel(Model):
    class Meta:
        table_name = UNBOUND

    unit_id = UnicodeAttribute(hash_key=True)
    item_key = UnicodeAttribute(range_key=True)
    kind = UnicodeAttribute()
    item_id = UnicodeAttribute()
    fields = JSONAttribute(default=dict)
    updated_at = UTCDateTimeAttribute(default=utcnow)


def item_key(kind: str, item_id: str) -> str:
    return f"{kind}#{item_id}"


class ContentRepository(Protocol):
    def list_unit(self, unit_id: str, kind: str | None = None) -> list[ContentItem]: ...
    def put(self, item: ContentItem, at: datetime) -> None: ...
    def delete(self, unit_id: str, kind: str, item_id: str) -> bool: ...


class DynamoContentRepository:
    def __init__(self) -> None:
        ensure_bound(ContentModel)

    def list_unit(self, unit_id: str, kind: str | None = None) -> list[ContentItem]:
        condition = ContentModel.item_key.startswith(f"{kind}#") if kind else None
        return [
            ContentItem(unit_id=m.unit_id, kind=m.kind, item_id=m.item_id, fields=dict(m.fields or {}))
            for m in ContentModel.query(unit_id, range_key_condition=condition)
        ]

    def put(self, item: ContentItem, at: datetime) -> None:
        ContentModel(
            item.unit_id,
            item_key(item.kind, item.item_id),
            kind=item.kind,
            item_id=item.item_id,
            fields=dict(item.fields),
            updated_at=at,
        ).save()

    def delete(self, unit_id: str, kind: str, item_id: str) -> bool:
        try:
            ContentModel.get(unit_id, item_key(kind, item_id)).delete()
        except ContentModel.DoesNotExist:
            return False
        return True
