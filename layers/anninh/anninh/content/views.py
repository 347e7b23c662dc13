"""What a citizen sees of a unit's content (pure: the repository is read through ``ContentSource``).

- News and wanted-person notices: the unit's own and its ancestors' (a commune also shows its district's
  and province's), published on or before today, newest first.
- Patrols: those not yet over, today's first, then the upcoming ones by start date (Vietnam dates).
- Ward officers: the unit's own, by ward name.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from anninh.content.model import ContentItem
from anninh.units.model import Unit
from anninh.units.tree import UnitTree

NEWS_SHOWN = 5
PATROLS_SHOWN = 6


class ContentSource(Protocol):
    def list_unit(self, unit_id: str, kind: str | None = None) -> list[ContentItem]: ...


def _chain(unit: Unit, tree: UnitTree) -> list[Unit]:
    return [unit, *tree.ancestors(unit.unit_id)]


def published(
    source: ContentSource, unit: Unit, tree: UnitTree, kind: str, today: date, limit: int = NEWS_SHOWN
) -> list[ContentItem]:
    """``kind`` items ("news" or "wanted") of the unit and its ancestors, newest first."""
    items = [
        item
        for owner in _chain(unit, tree)
        for item in source.list_unit(owner.unit_id, kind)
        if item.day("date") <= today
    ]
    items.sort(key=lambda item: (item.day("date"), item.unit_id == unit.unit_id), reverse=True)
    return items[:limit]


def find_notice(source: ContentSource, unit: Unit, tree: UnitTree, notice_id: str) -> ContentItem | None:
    """The wanted-person notice ``notice_id`` published by the unit or one of its ancestors, else None."""
    for owner in _chain(unit, tree):
        for item in source.list_unit(owner.unit_id, "wanted"):
            if item.item_id == notice_id:
                return item
    return None


def patrols(source: ContentSource, unit: Unit, today: date, limit: int = PATROLS_SHOWN) -> list[ContentItem]:
    """Patrols still to come: those running today first, then upcoming by start date."""
    current = [p for p in source.list_unit(unit.unit_id, "patrol") if p.day("end") >= today]
    current.sort(key=lambda p: (p.day("start") > today, p.day("start"), p.fields["hours"]))
    return current[:limit]


def ward_officers(source: ContentSource, unit: Unit) -> list[ContentItem]:
    return sorted(source.list_unit(unit.unit_id, "ward_officer"), key=lambda w: w.fields["ward"])
