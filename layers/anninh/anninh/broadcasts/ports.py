"""What the broadcast services need from storage; implemented in :mod:`anninh.store.broadcasts`."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from anninh.broadcasts.model import Broadcast

CLAIMED = "claimed"


def run_key(broadcast_id: str, run_id: str) -> str:
    return f"{broadcast_id}#{run_id}"


class BroadcastRepository(Protocol):
    def save(self, broadcast: Broadcast) -> None: ...
    def get(self, broadcast_id: str) -> Broadcast | None: ...
    def all(self) -> list[Broadcast]: ...
    def set_status(self, broadcast_id: str, status: str, at: datetime) -> None: ...
    def start_run(self, broadcast_id: str, run_id: str, queued: int, status: str, at: datetime) -> None: ...


@dataclass(frozen=True)
class Outcome:
    status: str  # one of model.RESULTS
    message_id: str | None = None
    code: int | None = None
    reason: str | None = None  # why, for in_doubt and expired (model.REASONS)


@dataclass(frozen=True)
class ResultRow:
    """What the results table holds for one recipient: a claim in progress or a final result."""

    status: str
    claim: str | None
    updated_at: datetime


class ResultRepository(Protocol):
    def claim(self, run: str, user_id: str, claim: str, at: datetime) -> bool: ...
    def release(self, run: str, user_id: str, claim: str) -> None: ...
    def finish(self, run: str, user_id: str, claim: str, outcome: Outcome, at: datetime) -> None: ...
    def get(self, run: str, user_id: str) -> ResultRow | None: ...
    def resolve_claim(self, run: str, user_id: str, claim: str, outcome: Outcome, at: datetime) -> bool: ...
    def settle(self, run: str, user_id: str, outcome: Outcome, at: datetime) -> bool: ...
    def counts(self, run: str) -> Counter[str]: ...
    def reasons(self, run: str) -> Counter[str]: ...
    def message_ids(self, run: str) -> list[str]: ...
