"""What the unit services need from storage; implemented in :mod:`anninh.store.units`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from anninh.units.model import Unit


class UnitRepository(Protocol):
    def get(self, unit_id: str) -> Unit | None: ...
    def by_oa(self, oa_id: str) -> Unit | None: ...
    def all(self) -> list[Unit]: ...
    def save_all(self, units: Iterable[Unit]) -> int: ...
