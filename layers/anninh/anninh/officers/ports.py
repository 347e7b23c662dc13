"""What the services need from the officers' storage; implemented in :mod:`anninh.store.officers`."""

from __future__ import annotations

from typing import Protocol

from anninh.officers.model import Officer


class OfficerRepository(Protocol):
    def list_unit(self, unit_id: str) -> list[Officer]: ...
    def find(self, oa_id: str, user_id: str) -> Officer | None: ...
    def save(self, officer: Officer) -> None: ...
    def remove(self, unit_id: str, user_id: str) -> bool: ...
