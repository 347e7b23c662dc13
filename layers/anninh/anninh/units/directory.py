"""A cached view of the unit tree for the worker (100–200 units: one scan, kept for a few minutes)."""

from __future__ import annotations

import time
from collections.abc import Callable

from anninh.units.model import Unit
from anninh.units.ports import UnitRepository
from anninh.units.tree import UnitTree


class UnitDirectory:
    def __init__(
        self,
        repository: UnitRepository,
        ttl_seconds: float = 300,
        clock: Callable[[], float] = time.monotonic,
    ):
        self._repository = repository
        self._ttl = ttl_seconds
        self._clock = clock
        self._tree: UnitTree | None = None
        self._loaded_at = 0.0

    def tree(self) -> UnitTree:
        now = self._clock()
        if self._tree is None or now - self._loaded_at > self._ttl:
            self._tree = UnitTree(self._repository.all())
            self._loaded_at = now
        return self._tree

    def by_oa(self, oa_id: str) -> Unit | None:
        for unit in self.tree():
            if unit.oa_id == oa_id:
                return unit
        # A unit added since the cache was filled: ask the table once before giving up.
        found = self._repository.by_oa(oa_id)
        if found is not None:
            self._tree = None
        return found
