"""The broadcast function's work: expand a broadcast's audience into batches on the outbound queue.

One run per firing: ``once`` for an ``at()`` broadcast, the Vietnam minute of the firing for a cron one.
Audience ``all`` queues one article broadcast per OA (docs/zalo-platform.md §4), the others one consultation
message per follower inside their window.
A run already recorded is not expanded again (a repeated scheduler invocation); a run interrupted before
it was recorded is expanded again, and the sender's claims keep anyone from receiving it twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Protocol

from anninh.broadcasts.model import ARTICLE_AUDIENCE, VIETNAM, Broadcast, article_recipient, in_audience
from anninh.broadcasts.sender import Batch
from anninh.observability import logger
from anninh.store.broadcasts import BroadcastRepository
from anninh.store.units import UnitRepository
from anninh.units.tree import UnitTree

BATCH_SIZE = 50


class Follower(Protocol):
    # Read-only: the DynamoDB repository lists its PynamoDB items, whose attributes are descriptors.
    @property
    def user_id(self) -> str: ...
    @property
    def last_interaction_at(self) -> datetime | None: ...


class FollowerLister(Protocol):
    def list_following(self, oa_id: str) -> Iterable[Follower]: ...


class OutboundQueue(Protocol):
    def send(self, bodies: list[str], delay_seconds: int = 0) -> None: ...


def run_id_for(broadcast: Broadcast, now: datetime) -> str:
    return "once" if broadcast.one_time else now.astimezone(VIETNAM).strftime("%Y%m%dT%H%M")


def scope_oas(broadcast: Broadcast, units: UnitRepository) -> list[str]:
    tree = UnitTree(units.all())
    root = tree.get(broadcast.unit_id)
    if root is None:
        return []
    scope = [root, *(tree.descendants(root.unit_id) if broadcast.include_descendants else [])]
    return sorted({u.oa_id for u in scope if u.oa_id})


def fan_out(
    broadcast_id: str,
    now: datetime,
    broadcasts: BroadcastRepository,
    units: UnitRepository,
    followers: FollowerLister,
    queue: OutboundQueue,
    batch_size: int = BATCH_SIZE,
) -> int:
    """Queue the run's recipients; returns how many (0 when paused, cancelled, done or already run)."""
    broadcast = broadcasts.get(broadcast_id)
    if broadcast is None or broadcast.status not in ("scheduled", "running"):
        logger.info("broadcast not fanned out", extra={"broadcast_id": broadcast_id})
        return 0
    run_id = run_id_for(broadcast, now)
    if run_id in broadcast.runs:
        return 0
    queued = 0
    for oa_id in scope_oas(broadcast, units):
        if broadcast.audience == ARTICLE_AUDIENCE:  # one article broadcast reaches every follower
            audience = [article_recipient(oa_id)]
        else:
            audience = [
                f.user_id
                for f in followers.list_following(oa_id)
                if in_audience(broadcast.audience, f.last_interaction_at, now)
            ]
        bodies = [
            Batch(broadcast_id, run_id, oa_id, tuple(audience[i : i + batch_size])).to_json()
            for i in range(0, len(audience), batch_size)
        ]
        if bodies:
            queue.send(bodies)
        queued += len(audience)
    status = "running" if broadcast.one_time else "scheduled"
    broadcasts.start_run(broadcast_id, run_id, queued, status, now)
    logger.info(
        "broadcast fanned out", extra={"broadcast_id": broadcast_id, "run_id": run_id, "queued": queued}
    )
    return queued


class SqsOutboundQueue:
    def __init__(self, client: object, queue_url: str) -> None:
        self.client = client
        self.queue_url = queue_url

    def send(self, bodies: list[str], delay_seconds: int = 0) -> None:
        for start in range(0, len(bodies), 10):
            entries = [
                {"Id": str(i), "MessageBody": body, "DelaySeconds": delay_seconds}
                for i, body in enumerate(bodies[start : start + 10])
            ]
            answer = self.client.send_message_batch(QueueUrl=self.queue_url, Entries=entries)  # type: ignore[attr-defined]
            if answer.get("Failed"):
                raise RuntimeError(f"outbound queue refused {len(answer['Failed'])} batches")
