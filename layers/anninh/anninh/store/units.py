"""Unit repository: the interface services use, and its DynamoDB implementation."""

from __future__ import annotations

from collections.abc import Iterable

from anninh.store.models import ContactMap, HistoryMap, UnitModel, ensure_bound
from anninh.units.model import Centre, Contact, HistoryEntry, Unit

# Items of another kind kept in the units table (a merger's job record: anninh.store.unit_merges).
NOT_A_UNIT_PREFIX = "merge#"


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
        merged_into=item.merged_into,
        history=tuple(
            HistoryEntry(key=h.key, at=h.at, kind=h.kind, detail=h.detail) for h in (item.history or [])
        ),
        places=tuple(str(name) for name in item.places or ()),
        centre=(
            Centre(float(item.centre_lat), float(item.centre_lon), float(item.area_km2 or 0))
            if item.centre_lat is not None and item.centre_lon is not None
            else None
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
        merged_into=unit.merged_into,
        history=[HistoryMap(key=h.key, at=h.at, kind=h.kind, detail=h.detail) for h in unit.history] or None,
        history_keys={h.key for h in unit.history} or None,
        places=list(unit.places) or None,
        centre_lat=unit.centre.lat if unit.centre else None,
        centre_lon=unit.centre.lon if unit.centre else None,
        area_km2=unit.centre.area_km2 if unit.centre else None,
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
        # The table also keeps merger job records (other attributes, key prefix): never read as units.
        return [_to_unit(item) for item in UnitModel.scan(~UnitModel.unit_id.startswith(NOT_A_UNIT_PREFIX))]

    def save_all(self, units: Iterable[Unit]) -> int:
        count = 0
        with UnitModel.batch_write() as batch:
            for unit in units:
                batch.save(_to_item(unit))
                count += 1
        return count
