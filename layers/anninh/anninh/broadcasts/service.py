"""Create, pause, resume, cancel, preview and report broadcasts (used by the admin routes)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from anninh import texts
from anninh.broadcasts.model import (
    RESULTS,
    Broadcast,
    BroadcastError,
    channel_of,
    new_broadcast,
    transition,
)
from anninh.broadcasts.ports import CLAIMED, BroadcastRepository, ResultRepository, run_key
from anninh.broadcasts.render import ContentSender, send_content
from anninh.content.views import ContentSource, find_notice
from anninh.officers.ports import OfficerRepository
from anninh.units.ports import UnitRepository
from anninh.units.tree import UnitTree


class Schedules(Protocol):
    def create(self, broadcast: Broadcast) -> None: ...
    def set_enabled(self, broadcast: Broadcast, enabled: bool) -> None: ...
    def delete(self, broadcast_id: str) -> None: ...


class Receipts(Protocol):
    def receipts(self, message_ids: list[str]) -> tuple[int, int]: ...  # (delivered, seen)


def create(
    data: Mapping[str, Any],
    now: datetime,
    actor: str,
    repo: BroadcastRepository,
    units: UnitRepository,
    schedules: Schedules,
    content: ContentSource | None = None,
) -> Broadcast:
    broadcast = new_broadcast(data, now, actor)
    unit = units.get(broadcast.unit_id)
    if unit is None:
        raise BroadcastError(texts.BROADCAST_ERROR_NO_UNIT.format(unit_id=broadcast.unit_id))
    if broadcast.notice_id and content is not None:
        tree = UnitTree(units.all())
        if find_notice(content, unit, tree, broadcast.notice_id) is None:
            raise BroadcastError(
                texts.BROADCAST_ERROR_NO_NOTICE.format(notice_id=broadcast.notice_id, unit_id=unit.unit_id)
            )
    repo.save(broadcast)
    schedules.create(broadcast)  # last: a refused schedule leaves an inert "scheduled" item, never a send
    return broadcast


def change(
    broadcast: Broadcast, action: str, now: datetime, repo: BroadcastRepository, schedules: Schedules
) -> Broadcast:
    status = transition(broadcast, action)
    if action == "cancel":
        schedules.delete(broadcast.broadcast_id)
    elif not (broadcast.one_time and broadcast.status == "running"):
        schedules.set_enabled(broadcast, enabled=action == "resume")
    repo.set_status(broadcast.broadcast_id, status, now)
    return broadcast.with_status(status, now)


def preview(broadcast: Broadcast, officers: OfficerRepository, oa_of_unit: str, client: ContentSender) -> int:
    """Send the content to the unit's registered officers only; returns how many got it."""
    recipients = officers.list_unit(broadcast.unit_id)
    if not recipients:
        raise BroadcastError(texts.ADMIN_BROADCAST_NO_OFFICERS.format(unit_id=broadcast.unit_id))
    for officer in recipients:
        send_content(client, oa_of_unit, officer.user_id, broadcast.content, texts.BROADCAST_PREVIEW_PREFIX)
    return len(recipients)


@dataclass(frozen=True)
class Progress:
    broadcast_id: str
    status: str
    run_id: str | None
    queued: int
    counts: dict[str, int]
    delivered: int
    seen: int
    reasons: dict[str, int]  # why, for the in_doubt, expired and held results
    channel: str = "consultation"  # "article" for the "all" audience (docs/zalo-platform.md §4)

    @property
    def pending(self) -> int:
        return max(0, self.queued - sum(self.counts.values()))

    def as_json(self) -> dict[str, Any]:
        return {
            "broadcast_id": self.broadcast_id,
            "status": self.status,
            "run_id": self.run_id,
            "queued": self.queued,
            **self.counts,
            "pending": self.pending,
            "delivered": self.delivered,
            "seen": self.seen,
            "reasons": dict(self.reasons),
            # Sent per channel: an article reaches every follower of its OA with one send.
            "channels": {
                name: (self.counts.get("sent", 0) if name == self.channel else 0)
                for name in ("consultation", "article")
            },
        }


def progress(
    broadcast: Broadcast,
    results: ResultRepository,
    receipts: Receipts,
    repo: BroadcastRepository,
    now: datetime,
    run_id: str | None = None,
) -> Progress:
    """Counts come from the results table (they survive any crash); delivered/seen from the receipts of the
    recorded message ids. A one-time broadcast whose recipients all have a final result (in doubt and expired
    included: neither is ever sent again) becomes done."""
    run_id = run_id or broadcast.last_run_id
    counted = results.counts(run_key(broadcast.broadcast_id, run_id)) if run_id else {}
    counts = {name: int(counted.get(name, 0)) for name in (*RESULTS, CLAIMED)}
    reasons: dict[str, int] = {}
    if run_id and (counts["in_doubt"] or counts["expired"] or counts["held"]):
        reasons = dict(sorted(results.reasons(run_key(broadcast.broadcast_id, run_id)).items()))
    queued = broadcast.runs.get(run_id, 0) if run_id else 0
    delivered = seen = 0
    if run_id and counts["sent"]:
        delivered, seen = receipts.receipts(results.message_ids(run_key(broadcast.broadcast_id, run_id)))
    status = broadcast.status
    finished = sum(counts[name] for name in RESULTS)
    if status == "running" and broadcast.one_time and finished >= queued:
        repo.set_status(broadcast.broadcast_id, "done", now)
        status = "done"
    return Progress(
        broadcast.broadcast_id,
        status,
        run_id,
        queued,
        counts,
        delivered,
        seen,
        reasons,
        channel_of(broadcast.audience),
    )
