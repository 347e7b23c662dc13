"""Tips and their audit trail in DynamoDB.

One item per tip (key ``tip_id``, time-sortable) with indexes to list a unit's tips (``by_unit``), a unit's
tips in one status (``by_unit_status``), find a tip by its code (``by_code``) and a reporter's tips by a keyed
hash of their id (``by_reporter``). Every change is a conditional write on ``version``: two officers updating
the same tip never lose one another's change (the second gets :class:`ConcurrentUpdate` and retries).
Media entries live in a map on the tip, each updated on its own.

Codes are unique by construction: beside each tip (created in the same transaction) an item keyed
``code#<CODE>`` reserves its code (``attribute_not_exists``), so a second tip can never take it; a clash
raises :class:`~anninh.codes.CodeTaken` and the service draws again. Codes issued before reservations
existed are found through ``by_code``; more than one answer is :class:`~anninh.codes.AmbiguousCode`.
A reporter's additions ("bổ sung") are items of their own in the audit table (``info_added`` entries whose
id derives from the Zalo event), never appended to the tip item, which therefore stays small.
The reporter's Zalo id (the relay address) and a confidential tip's contact are stored sealed under the
record key (:mod:`anninh.sealed`) and read back sealed: only the code that messages a reporter opens
the address (:func:`reporter_address`), only what shows officers a contact opens it (:func:`tip_contact`).
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any, cast

from pynamodb.attributes import (
    BooleanAttribute,
    MapAttribute,
    NumberAttribute,
    UnicodeAttribute,
    UTCDateTimeAttribute,
)
from pynamodb.connection import Connection
from pynamodb.exceptions import PutError, TransactWriteError, UpdateError
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex, KeysOnlyProjection
from pynamodb.models import Model
from pynamodb.transactions import TransactWrite

from anninh import sealed
from anninh.codes import AmbiguousCode, CodeTaken, legacy_form
from anninh.store.models import UNBOUND, bind_like, ensure_bound
from anninh.tips.contact import CONTACT_FIELDS
from anninh.tips.model import AuditEntry, MediaItem, Tip
from anninh.tips.ports import ConcurrentUpdate, TipChanges


class _Index(GlobalSecondaryIndex["TipModel"]):
    pass


class TipsByUnit(_Index):
    class Meta:
        index_name = "by_unit"
        projection = AllProjection()

    unit_id = UnicodeAttribute(hash_key=True)
    tip_id = UnicodeAttribute(range_key=True)


class TipsByUnitStatus(_Index):
    class Meta:
        index_name = "by_unit_status"
        projection = AllProjection()

    unit_status = UnicodeAttribute(hash_key=True)
    tip_id = UnicodeAttribute(range_key=True)


class TipsByCode(_Index):
    class Meta:
        index_name = "by_code"
        projection = KeysOnlyProjection()

    code = UnicodeAttribute(hash_key=True)


class TipsByReporter(_Index):
    class Meta:
        index_name = "by_reporter"
        projection = KeysOnlyProjection()

    reporter_key = UnicodeAttribute(hash_key=True)
    tip_id = UnicodeAttribute(range_key=True)


class TipModel(Model):
    class Meta:
        table_name = UNBOUND

    tip_id = UnicodeAttribute(hash_key=True)
    unit_id = UnicodeAttribute()
    unit_status = UnicodeAttribute()
    code = UnicodeAttribute()
    category = UnicodeAttribute()
    description = UnicodeAttribute()
    privacy = UnicodeAttribute()
    reporter_key = UnicodeAttribute()
    reporter_oa_id = UnicodeAttribute()
    reporter_user_id = UnicodeAttribute()
    status = UnicodeAttribute()
    urgent = BooleanAttribute(default=False)
    place = UnicodeAttribute(null=True)
    latitude = NumberAttribute(null=True)
    longitude = NumberAttribute(null=True)
    occurred = UnicodeAttribute(null=True)
    contact_name = UnicodeAttribute(null=True)
    contact_phone = UnicodeAttribute(null=True)
    public_result = UnicodeAttribute(null=True)
    notice_id = UnicodeAttribute(null=True)
    suggested_unit_id = UnicodeAttribute(null=True)  # the commune its place names (anninh.units.places)
    media = MapAttribute[str, Any](default=dict)
    created_at = UTCDateTimeAttribute()
    updated_at = UTCDateTimeAttribute()
    version = NumberAttribute(default=0)
    by_unit = TipsByUnit()
    by_unit_status = TipsByUnitStatus()
    by_code = TipsByCode()
    by_reporter = TipsByReporter()


class TipCodeModel(Model):
    """One tip code's reservation in the tips table: ``tip_id`` = ``code#<CODE>``, ``owner`` = the tip."""

    class Meta:
        table_name = UNBOUND

    tip_id = UnicodeAttribute(hash_key=True)
    owner = UnicodeAttribute()


def code_key(code: str) -> str:
    return f"code#{code}"


ADDITION_ACTION = "info_added"


class TipAuditModel(Model):
    class Meta:
        table_name = UNBOUND

    tip_id = UnicodeAttribute(hash_key=True)
    entry_id = UnicodeAttribute(range_key=True)  # ISO time + random suffix: ordered, never colliding
    at = UTCDateTimeAttribute()
    action = UnicodeAttribute()
    actor = UnicodeAttribute()
    detail = UnicodeAttribute(default="")


def unit_status_key(unit_id: str, status: str) -> str:
    return f"{unit_id}#{status}"


def tip_id_bound(moment: datetime) -> str:
    """The smallest tip id created at ``moment`` (tip ids start with the creation time in milliseconds)."""
    return f"{int(moment.timestamp() * 1000):013d}"


def _media_to_map(item: MediaItem) -> dict[str, Any]:
    return {k: v for k, v in item.__dict__.items() if v is not None}


def _media_from_map(raw: Any) -> MediaItem:
    data = raw.as_dict() if hasattr(raw, "as_dict") else dict(raw)
    for number in ("size", "declared_size"):
        if data.get(number) is not None:
            data[number] = int(data[number])
    return MediaItem(**data)


def _to_tip(item: TipModel) -> Tip:
    media_map = item.media.as_dict() if hasattr(item.media, "as_dict") else dict(item.media or {})
    media = tuple(sorted((_media_from_map(v) for v in media_map.values()), key=lambda m: m.media_id))
    return Tip(
        tip_id=item.tip_id,
        unit_id=item.unit_id,
        code=item.code,
        category=item.category,
        description=item.description,
        privacy=item.privacy,
        reporter_key=item.reporter_key,
        reporter_oa_id=item.reporter_oa_id,
        reporter_user_id=item.reporter_user_id,
        created_at=item.created_at,
        updated_at=item.updated_at,
        status=item.status,
        urgent=bool(item.urgent),
        place=item.place,
        latitude=float(item.latitude) if item.latitude is not None else None,
        longitude=float(item.longitude) if item.longitude is not None else None,
        occurred=item.occurred,
        contact_name=item.contact_name,
        contact_phone=item.contact_phone,
        public_result=item.public_result,
        media=media,
        version=int(item.version or 0),
        notice_id=item.notice_id,
        suggested_unit_id=item.suggested_unit_id,
    )


def _sealed_fields(tip_id: str, values: Mapping[str, object]) -> dict[str, object]:
    """``values`` with the reporter address and contact fields sealed (None stays None)."""
    out = dict(values)
    for field, purpose in (
        ("reporter_user_id", sealed.REPORTER),
        *((f, sealed.CONTACT) for f in CONTACT_FIELDS),
    ):
        value = out.get(field)
        if value is None:
            continue
        if not isinstance(value, str):
            raise TypeError(f"{field} must be text to be sealed")
        out[field] = sealed.record_cipher().seal(value, sealed.tip_context(tip_id, purpose, field))
    return out


CHANGEABLE = frozenset(
    {
        "status",
        "unit_id",
        "public_result",
        "description",
        "urgent",
        "contact_name",
        "contact_phone",
        "place",
        "latitude",
        "longitude",
        "occurred",
        "suggested_unit_id",
    }
)


class DynamoTipRepository:
    def __init__(self) -> None:
        ensure_bound(TipModel)
        ensure_bound(TipAuditModel)
        bind_like(TipCodeModel, TipModel)

    def create(self, tip: Tip) -> bool:
        """Save a new tip; False when the id exists already (a redelivered event)."""
        private = _sealed_fields(
            tip.tip_id,
            {
                "reporter_user_id": tip.reporter_user_id,
                "contact_name": tip.contact_name,
                "contact_phone": tip.contact_phone,
            },
        )
        item = TipModel(
            tip_id=tip.tip_id,
            unit_id=tip.unit_id,
            unit_status=unit_status_key(tip.unit_id, tip.status),
            code=tip.code,
            category=tip.category,
            description=tip.description,
            privacy=tip.privacy,
            reporter_key=tip.reporter_key,
            reporter_oa_id=tip.reporter_oa_id,
            reporter_user_id=private["reporter_user_id"],
            status=tip.status,
            urgent=tip.urgent,
            place=tip.place,
            latitude=tip.latitude,
            longitude=tip.longitude,
            occurred=tip.occurred,
            contact_name=private["contact_name"],
            contact_phone=private["contact_phone"],
            public_result=tip.public_result,
            notice_id=tip.notice_id,
            suggested_unit_id=tip.suggested_unit_id,
            media={m.media_id: _media_to_map(m) for m in tip.media},
            created_at=tip.created_at,
            updated_at=tip.updated_at,
            version=0,
        )
        reservation = TipCodeModel(tip_id=code_key(tip.code), owner=tip.tip_id)
        connection = Connection(
            region=getattr(TipModel.Meta, "region", None), host=getattr(TipModel.Meta, "host", None)
        )
        try:
            with TransactWrite(connection=connection) as transaction:
                transaction.save(item, condition=TipModel.tip_id.does_not_exist())
                transaction.save(reservation, condition=TipCodeModel.tip_id.does_not_exist())
        except TransactWriteError as exc:
            reasons = [(r.code if r is not None else None) for r in exc.cancellation_reasons]
            if reasons[:1] == ["ConditionalCheckFailed"]:
                return False  # the tip exists: a redelivered event
            if reasons[1:2] == ["ConditionalCheckFailed"]:
                raise CodeTaken(tip.code) from exc
            raise
        return True

    def get(self, tip_id: str) -> Tip | None:
        try:
            return _to_tip(TipModel.get(tip_id, consistent_read=True))
        except TipModel.DoesNotExist:
            return None

    def by_code(self, code: str) -> Tip | None:
        """The tip holding ``code``; raises :class:`AmbiguousCode` when two old tips share it."""
        try:
            return self.get(TipCodeModel.get(code_key(code), consistent_read=True).owner)
        except TipCodeModel.DoesNotExist:
            pass
        # Codes issued before reservations: 5 characters, only in the index, possibly shared.
        found = {key.tip_id for key in TipModel.by_code.query(legacy_form(code), limit=2)}
        if len(found) > 1:
            raise AmbiguousCode(code)
        return self.get(found.pop()) if found else None

    def by_reporter(self, reporter_key: str, limit: int = 10) -> list[Tip]:
        keys = list(TipModel.by_reporter.query(reporter_key, scan_index_forward=False, limit=limit))
        return [tip for key in keys if (tip := self.get(key.tip_id)) is not None]

    def list_unit(self, unit_id: str, status: str | None = None, limit: int = 50) -> list[Tip]:
        if status:
            items = TipModel.by_unit_status.query(
                unit_status_key(unit_id, status), scan_index_forward=False, limit=limit
            )
        else:
            items = TipModel.by_unit.query(unit_id, scan_index_forward=False, limit=limit)
        return [_to_tip(item) for item in items]

    def list_created(self, unit_id: str, start: datetime, end: datetime) -> list[Tip]:
        """Every tip of the unit created in [start, end), oldest first (ids begin with the creation time)."""
        low, high = tip_id_bound(start), tip_id_bound(end)
        items = TipModel.by_unit.query(unit_id, TipModel.tip_id.between(low, high))
        return [_to_tip(item) for item in items]

    def save_changes(self, tip: Tip, changes: TipChanges, at: datetime) -> Tip:
        """Apply ``changes`` if the tip is still at ``tip.version``; raises :class:`ConcurrentUpdate`."""
        unknown = set(changes) - CHANGEABLE
        if unknown:
            raise ValueError(f"fields that cannot change: {sorted(unknown)}")
        stored = _sealed_fields(tip.tip_id, changes)
        # The same keys with the contact sealed: still the changes of a tip.
        updated = replace(tip, **cast(TipChanges, stored), updated_at=at, version=tip.version + 1)
        actions = [getattr(TipModel, name).set(value) for name, value in stored.items() if value is not None]
        actions += [getattr(TipModel, name).remove() for name, value in stored.items() if value is None]
        actions += [
            TipModel.unit_status.set(unit_status_key(updated.unit_id, updated.status)),
            TipModel.updated_at.set(at),
            TipModel.version.set(updated.version),
        ]
        try:
            TipModel(tip_id=tip.tip_id).update(actions=actions, condition=TipModel.version == tip.version)
        except UpdateError as exc:
            if exc.cause_response_code == "ConditionalCheckFailedException":
                raise ConcurrentUpdate(tip.tip_id) from exc
            raise
        return updated

    def set_media(self, tip_id: str, item: MediaItem, at: datetime) -> None:
        TipModel(tip_id=tip_id).update(
            actions=[TipModel.media[item.media_id].set(_media_to_map(item)), TipModel.updated_at.set(at)],
            condition=TipModel.tip_id.exists(),
        )

    def audit(self, entry: AuditEntry) -> None:
        TipAuditModel(
            tip_id=entry.tip_id,
            entry_id=f"{entry.at.isoformat()}#{secrets.token_hex(3)}",
            at=entry.at,
            action=entry.action,
            actor=entry.actor,
            detail=entry.detail,
        ).save()

    def audit_once(self, entry: AuditEntry, key: str) -> bool:
        """Keep ``entry`` under an id derived from ``key``: a second call with the same key adds nothing
        (a unit merger re-run after a fault audits each moved tip once)."""
        try:
            TipAuditModel(
                tip_id=entry.tip_id,
                entry_id=f"{entry.at.isoformat()}#{key}",
                at=entry.at,
                action=entry.action,
                actor=entry.actor,
                detail=entry.detail,
            ).save(condition=TipAuditModel.entry_id.does_not_exist())
        except PutError as exc:
            if exc.cause_response_code == "ConditionalCheckFailedException":
                return False
            raise
        return True

    def add_addition(self, tip_id: str, at: datetime, text: str, key: str) -> bool:
        """Keep one addition as its own item (``key`` derives from the event: a redelivery adds nothing)."""
        try:
            TipAuditModel(
                tip_id=tip_id,
                entry_id=f"{at.isoformat()}#{key}",
                at=at,
                action=ADDITION_ACTION,
                actor="citizen",
                detail=text,
            ).save(condition=TipAuditModel.entry_id.does_not_exist())
        except PutError as exc:
            if exc.cause_response_code == "ConditionalCheckFailedException":
                return False
            raise
        return True

    def additions(self, tip_id: str) -> list[AuditEntry]:
        """The reporter's additions, oldest first (older tips also have theirs in the description)."""
        return [e for e in self.history(tip_id) if e.action == ADDITION_ACTION and e.detail]

    def history(self, tip_id: str) -> list[AuditEntry]:
        return [
            AuditEntry(tip_id=i.tip_id, at=i.at, action=i.action, actor=i.actor, detail=i.detail)
            for i in TipAuditModel.query(tip_id)
        ]
