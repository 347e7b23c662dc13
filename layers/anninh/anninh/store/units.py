"""Unit repository: the interface services use, and its DynamoDB implementation."""

from __future__ import annotations

from collections.abc import Iterable

from anninh.store.models import ContactMap, UnitModel, ensure_bound
from anninh.units.model import Contact, Unit
from anninh.units.ports import UnitRepository as UnitRepository


def _to_unit(item: UnitModel) -> Unit:
    return Unit(
        unit_id=item.unit_id,
        name=item.name,
        level=item.level,
        parent_id=item.parent_id,
        oa_id=item.oa_id,
        hotline=item.hotline,
        address=item.address,
        office_hours=item.office_hours,
        code=item.code,
        contacts=tuple(
            Contact(label=c.label, phone=c.phone, address=c.address, note=c.note)
            for c in (item.contacts or [])
        ),
    )


def _to_item(unit: Unit) -> UnitModel:
    return UnitModel(
        unit_id=unit.unit_id,
        name=unit.name,
        level=unit.level,
        parent_id=unit.parent_id,
        oa_id=unit.oa_id,
        hotline=unit.hotline,
        address=unit.address,
        office_hours=unit.office_hours,
        code=unit.code,
        contacts=[
            ContactMap(label=c.label, phone=c.phone, address=c.address, note=c.note) for c in unit.contacts
        ]
        or None,
    )


class DynamoUnitRepository:
    def __init__(self) -> None:
        ensure_bound(UnitModel)

    def get(self, unit_id: str) -> Unit | None:
        try:
            return _to_unit(UnitModel.get(unit_id))
        except UnitModel.DoesNotExist:
            return None

    def by_oa(self, oa_id: str) -> Unit | None:
        for item in UnitModel.by_oa.query(oa_id, limit=1):
            return _to_unit(item)
        return None

    def all(self) -> list[Unit]:
        return [_to_unit(item) for item in UnitModel.scan()]

    def save_all(self, units: Iterable[Unit]) -> int:
        count = 0
        with UnitModel.batch_write() as batch:
            for unit in units:
                batch.save(_to_item(unit))
                count += 1
        return count
