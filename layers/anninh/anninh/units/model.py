"""Domain types of a police unit, independent of storage."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

LEVELS = ("province", "department", "district", "commune")


@dataclass(frozen=True)
class Contact:
    """A named contact point of a unit (duty desk, a ward's officer in charge, …)."""

    label: str
    phone: str | None = None
    address: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class HistoryEntry:
    """One event in a unit's life (a merger, a rename): ``at`` in UTC, ``detail`` in Vietnamese."""

    key: str  # what makes recording it twice a no-op (the merger's or the rename's id)
    at: str  # ISO 8601, UTC
    kind: str  # merged_into | merged_from | renamed
    detail: str


@dataclass(frozen=True)
class Centre:
    """A commune's centre point and area (km²), from the administrative-unit data: where a shared location
    is (anninh.units.places)."""

    lat: float
    lon: float
    area_km2: float

    @property
    def radius_km(self) -> float:
        """The radius of the circle of the same area."""
        return math.sqrt(max(self.area_km2, 0.01) / math.pi)


@dataclass(frozen=True)
class Unit:
    unit_id: str
    name: str
    level: str
    parent_id: str | None = None
    oa_id: str | None = None
    hotline: str | None = None
    address: str | None = None
    office_hours: str | None = None
    code: str | None = None
    contacts: tuple[Contact, ...] = field(default_factory=tuple)
    # Set when the unit was merged into another (anninh.mergers.merger): its OA answers with a pointer there.
    merged_into: str | None = None
    history: tuple[HistoryEntry, ...] = field(default_factory=tuple)
    # Other names a commune is known by (the communes merged into it in 2025, "Xã A, Huyện B"), and its
    # centre: what tips routed by place match (anninh.units.places).
    places: tuple[str, ...] = field(default_factory=tuple)
    centre: Centre | None = None
