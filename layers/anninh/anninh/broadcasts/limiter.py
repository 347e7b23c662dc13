"""A per-OA send limiter shared by every sender instance: one DynamoDB item per OA holding the next free
send slot (epoch seconds), reserved with an optimistic conditional write.

Why this and not reserved concurrency 1 + local pacing: the slot lives in DynamoDB, so the cap holds across
concurrent Lambda instances, redeliveries, previews and future senders alike, without throttling the whole
sender to one instance for every OA. Each send reserves ``slot = max(next_slot, now)`` and moves
``next_slot`` to ``slot + 1/rate`` under the condition that nobody moved it meanwhile (a lost race just
re-reads); the caller then waits until ``slot``. Sends are therefore spaced at least ``1/rate`` apart per OA:
never above the rate (no burst), and close to it while there is work. A -32 pushes the slot further
(:meth:`SlotLimiter.penalise`) so every instance slows down, not only the one that saw it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol


class SlotStore(Protocol):
    def read(self, oa_id: str) -> float | None: ...
    def swap(self, oa_id: str, expected: float | None, new: float) -> bool: ...


class MemorySlotStore:
    """The same compare-and-set in memory (one process: previews, benches)."""

    def __init__(self) -> None:
        self.slots: dict[str, float] = {}

    def read(self, oa_id: str) -> float | None:
        return self.slots.get(oa_id)

    def swap(self, oa_id: str, expected: float | None, new: float) -> bool:
        if self.slots.get(oa_id) != expected:
            return False
        self.slots[oa_id] = new
        return True


class SlotLimiter:
    def __init__(self, store: SlotStore, rate_per_second: float, clock: Callable[[], float]) -> None:
        if rate_per_second <= 0:
            raise ValueError("rate_per_second must be positive")
        self.store = store
        self.interval = 1.0 / rate_per_second
        self.clock = clock

    def reserve(self, oa_id: str, max_wait: float) -> float | None:
        """The time (epoch seconds) this caller may send at, or None if that is more than ``max_wait``
        away (nothing reserved then)."""
        while True:
            now = self.clock()
            current = self.store.read(oa_id)
            slot = max(current or 0.0, now)
            if slot - now > max_wait:
                return None
            if self.store.swap(oa_id, current, slot + self.interval):
                return slot

    def penalise(self, oa_id: str, seconds: float) -> None:
        """Zalo said -32: no send from this OA before ``now + seconds``."""
        while True:
            current = self.store.read(oa_id)
            target = max(current or 0.0, self.clock() + seconds)
            if current is not None and current >= target:
                return
            if self.store.swap(oa_id, current, target):
                return
