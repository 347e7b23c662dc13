"""Delivery and seen receipts for messages the OA sent (kept 90 days)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Protocol

from anninh.store.models import DeliveryModel, ensure_bound

RETENTION = timedelta(days=90)


class DeliveryRepository(Protocol):
    def record(self, message_id: str, oa_id: str, user_hash: str, at: datetime, kind: str) -> None: ...


class DynamoDeliveryRepository:
    def __init__(self) -> None:
        ensure_bound(DeliveryModel)

    def record(self, message_id: str, oa_id: str, user_hash: str, at: datetime, kind: str) -> None:
        stamp = DeliveryModel.seen_at if kind == "seen" else DeliveryModel.delivered_at
        DeliveryModel(message_id=message_id).update(
            actions=[
                DeliveryModel.oa_id.set(oa_id),
                DeliveryModel.user_hash.set(user_hash),
                stamp.set(at),
                DeliveryModel.expires_at.set(at + RETENTION),
            ]
        )
