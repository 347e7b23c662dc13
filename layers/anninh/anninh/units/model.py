"""Domain types of a police unit, independent of storage."""

from __future__ import annotations

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
    # Set when the unit was merged into another (anninh.units.merger): its OA answers with a pointer there.
    merged_into: str | None = None
    history: tuple[HistoryEntry, ...] = field(default_factory=tuple)
