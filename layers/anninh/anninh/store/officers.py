"""Officer registry in DynamoDB: per unit, and found by (OA, Zalo user) to authorise commands."""

from __future__ import annotations

from pynamodb.attributes import (
    BooleanAttribute,
    ListAttribute,
    MapAttribute,
    NumberAttribute,
    UnicodeAttribute,
)
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model

from anninh.officers.model import Officer, Shift
from anninh.store.models import UNBOUND, ensure_bound


class ShiftMap(MapAttribute[str, object]):
    days = ListAttribute(of=NumberAttribute)
    start = UnicodeAttribute()
    end = UnicodeAttribute()


class OfficersByOaUser(GlobalSecondaryIndex["OfficerModel"]):
    class Meta:
        index_name = "by_oa_user"
        projection = AllProjection()

    oa_user = UnicodeAttribute(hash_key=True)


class OfficerModel(Model):
    class Meta:
        table_name = UNBOUND

    unit_id = UnicodeAttribute(hash_key=True)
    user_id = UnicodeAttribute(range_key=True)
    oa_user = UnicodeAttribute()
    name = UnicodeAttribute()
    role = UnicodeAttribute()
    oa_id = UnicodeAttribute()
    active = BooleanAttribute(default=True)
    shifts = ListAttribute(of=ShiftMap, null=True)
    alerts = UnicodeAttribute(null=True)  # absent on records written before the setting existed
    by_oa_user = OfficersByOaUser()


def oa_user_key(oa_id: str, user_id: str) -> str:
    return f"{oa_id}#{user_id}"


def _to_officer(item: OfficerModel) -> Officer:
    return Officer(
        unit_id=item.unit_id,
        user_id=item.user_id,
        name=item.name,
        role=item.role,
        oa_id=item.oa_id,
        active=bool(item.active),
        shifts=tuple(
            Shift(days=tuple(int(d) for d in s.days), start=s.start, end=s.end)  # type: ignore[call-overload]
            for s in (item.shifts or [])
        ),
        alerts=item.alerts or "immediate",
    )


class DynamoOfficerRepository:
    def __init__(self) -> None:
        ensure_bound(OfficerModel)

    def list_unit(self, unit_id: str) -> list[Officer]:
        return [_to_officer(item) for item in OfficerModel.query(unit_id)]

    def find(self, oa_id: str, user_id: str) -> Officer | None:
        for item in OfficerModel.by_oa_user.query(oa_user_key(oa_id, user_id), limit=1):
            return _to_officer(item)
        return None

    def save(self, officer: Officer) -> None:
        OfficerModel(
            unit_id=officer.unit_id,
            user_id=officer.user_id,
            oa_user=oa_user_key(officer.oa_id, officer.user_id),
            name=officer.name,
            role=officer.role,
            oa_id=officer.oa_id,
            active=officer.active,
            shifts=[ShiftMap(days=list(s.days), start=s.start, end=s.end) for s in officer.shifts] or None,
            alerts=officer.alerts,
        ).save()

    def remove(self, unit_id: str, user_id: str) -> bool:
        try:
            OfficerModel.get(unit_id, user_id).delete()
        except OfficerModel.DoesNotExist:
            return False
        return True
