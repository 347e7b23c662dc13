"""What the tip services need from storage; implemented in :mod:`anninh.store.tips`."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol, TypedDict

from anninh.tips.model import AuditEntry, MediaItem, Tip


class ConcurrentUpdate(RuntimeError):
    """The tip changed since it was read; read it again and retry."""


class TipChanges(TypedDict, total=False):
    """The fields of a tip a save may change (the store refuses any other); None clears an optional one."""

    status: str
    unit_id: str
    public_result: str | None
    description: str
    urgent: bool
    contact_name: str | None
    contact_phone: str | None
    place: str | None
    latitude: float | None
    longitude: float | None
    occurred: str | None
    suggested_unit_id: str | None


class TipRepository(Protocol):
    def create(self, tip: Tip) -> bool: ...  # raises CodeTaken when tip.code is reserved already
    def get(self, tip_id: str) -> Tip | None: ...
    def by_code(self, code: str) -> Tip | None: ...
    def by_reporter(self, reporter_key: str, limit: int = 10) -> list[Tip]: ...
    def list_unit(self, unit_id: str, status: str | None = None, limit: int = 50) -> list[Tip]: ...
    def list_created(self, unit_id: str, start: datetime, end: datetime) -> list[Tip]: ...
    def save_changes(self, tip: Tip, changes: TipChanges, at: datetime) -> Tip: ...
    def set_media(self, tip_id: str, item: MediaItem, at: datetime) -> None: ...
    def audit(self, entry: AuditEntry) -> None: ...
    def history(self, tip_id: str) -> list[AuditEntry]: ...
    # Keep ``entry`` once per ``key``: a second call adds nothing (a unit merger re-run after a fault).
    def audit_once(self, entry: AuditEntry, key: str) -> bool: ...
    def add_addition(self, tip_id: str, at: datetime, text: str, key: str) -> bool: ...
    def additions(self, tip_id: str) -> list[AuditEntry]: ...
