"""The unit hierarchy: validation, children, descendants and ancestors."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from anninh.units.model import LEVELS, Unit

UNIT_ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}$")
OA_ID = re.compile(r"^[0-9]{1,32}$")


class UnitTreeError(ValueError):
    """The unit data is inconsistent; the message lists every problem found."""


class UnitTree:
    def __init__(self, units: Iterable[Unit]):
        self._units = {u.unit_id: u for u in units}
        self._children: dict[str | None, list[Unit]] = {}
        for unit in self._units.values():
            self._children.setdefault(unit.parent_id, []).append(unit)
        for siblings in self._children.values():
            siblings.sort(key=lambda u: u.name)

    @classmethod
    def validated(cls, units: Iterable[Unit]) -> UnitTree:
        units = list(units)
        problems: list[str] = []
        seen: set[str] = set()
        oa_owner: dict[str, str] = {}
        for unit in units:
            if not UNIT_ID.match(unit.unit_id):
                problems.append(f"{unit.unit_id!r}: unit_id must be lowercase letters, digits and '-'")
            if unit.unit_id in seen:
                problems.append(f"{unit.unit_id}: duplicate unit_id")
            seen.add(unit.unit_id)
            if unit.level not in LEVELS:
                problems.append(f"{unit.unit_id}: level must be one of {', '.join(LEVELS)}")
            if not unit.name.strip():
                problems.append(f"{unit.unit_id}: name is required")
            if unit.oa_id is not None:
                if not OA_ID.match(unit.oa_id):
                    problems.append(f"{unit.unit_id}: oa_id must be a string of digits")
                elif unit.oa_id in oa_owner:
                    problems.append(f"{unit.unit_id}: oa_id already used by {oa_owner[unit.oa_id]}")
                else:
                    oa_owner[unit.oa_id] = unit.unit_id
        for unit in units:
            if unit.parent_id is not None and unit.parent_id not in seen:
                problems.append(f"{unit.unit_id}: parent {unit.parent_id} does not exist")
        tree = cls(units)
        if not [u for u in units if u.parent_id is None]:
            problems.append("no root unit (a unit without parent_id)")
        for unit in units:
            if tree._has_cycle(unit.unit_id):
                problems.append(f"{unit.unit_id}: its parents form a cycle")
        if problems:
            raise UnitTreeError("; ".join(problems))
        return tree

    def _has_cycle(self, unit_id: str) -> bool:
        seen: set[str] = set()
        current: str | None = unit_id
        while current is not None:
            if current in seen:
                return True
            seen.add(current)
            unit = self._units.get(current)
            current = unit.parent_id if unit else None
        return False

    def __len__(self) -> int:
        return len(self._units)

    def __iter__(self) -> Iterator[Unit]:
        return iter(self._units.values())

    def get(self, unit_id: str) -> Unit | None:
        return self._units.get(unit_id)

    def children(self, unit_id: str) -> list[Unit]:
        return list(self._children.get(unit_id, []))

    def descendants(self, unit_id: str) -> list[Unit]:
        """Depth-first, parents before their children."""
        out: list[Unit] = []
        stack = list(reversed(self.children(unit_id)))
        while stack:
            unit = stack.pop()
            out.append(unit)
            stack.extend(reversed(self.children(unit.unit_id)))
        return out

    def ancestors(self, unit_id: str) -> list[Unit]:
        """Nearest first."""
        out: list[Unit] = []
        unit = self._units.get(unit_id)
        while unit is not None and unit.parent_id is not None:
            parent = self._units.get(unit.parent_id)
            if parent is None:
                break
            out.append(parent)
            unit = parent
        return out

    def is_within(self, unit_id: str, ancestor_id: str) -> bool:
        """True when unit_id is ancestor_id itself or one of its descendants."""
        return unit_id == ancestor_id or any(a.unit_id == ancestor_id for a in self.ancestors(unit_id))
