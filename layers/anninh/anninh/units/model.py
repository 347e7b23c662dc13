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
