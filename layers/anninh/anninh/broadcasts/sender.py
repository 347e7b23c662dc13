"""Send one batch of a broadcast: night rule, per-OA rate, -32 backoff, and at most one send per recipient.

Each recipient is *claimed* in the results table (a conditional put only the first taker wins) before the
send and *finished* with its result after. A redelivered or re-queued batch finds the claims and skips
those recipients, so nobody gets a broadcast twice; a crash between the send and the finish leaves the
recipient "claimed" (counted as in doubt by ``status``), never re-sent. Whatever cannot be sent now (night
ban, pause, -32 storm, time running out) comes back as a :class:`Requeue` of the unsent recipients.
"""

from __future__ import annotations

import json
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from anninh.broadcasts.limiter import SlotLimiter
from anninh.broadcasts.model import BroadcastContent
from anninh.broadcasts.night import night_resume_at
from anninh.broadcasts.render import ContentSender, send_content
from anninh.observability import logger
from anninh.store.broadcasts import BroadcastRepository, Outcome, ResultRepository, run_key
from anninh.zalo.errors import NightBan, NotFollower, OutsideWindow, RateLimited, UserInactive, ZaloError

MAX_DELAY_SECONDS = 900  # SQS's longest message delay; a night deferral hops until 06:00
PAUSED_RECHECK_SECONDS = 900
RATE_LIMITED_RETRY_SECONDS = 60
TIME_MARGIN_SECONDS = 5.0


@dataclass(frozen=True)
class Batch:
    broadcast_id: str
    run_id: str
    oa_id: str
    recipients: tuple[str, ...]

    def to_json(self) -> str:
        return json.dumps(
            {
                "broadcast_id": self.broadcast_id,
                "run_id": self.run_id,
                "oa_id": self.oa_id,
                "recipients": list(self.recipients),
            }
        )

    @classmethod
    def from_json(cls, body: str) -> Batch:
        data = json.loads(body)
        recipients = data["recipients"]
        if not isinstance(recipients, list) or not all(isinstance(r, str) for r in recipients):
            raise ValueError("recipients must be a list of user ids")
        return cls(str(data["broadcast_id"]), str(data["run_id"]), str(data["oa_id"]), tuple(recipients))

    def rest(self, index: int) -> Batch:
        return Batch(self.broadcast_id, self.run_id, self.oa_id, self.recipients[index:])


@dataclass(frozen=True)
class Requeue:
    batch: Batch
    delay_seconds: int
    reason: str


@dataclass
class BatchReport:
    results: Counter[str] = field(default_factory=Counter)
    skipped_claimed: int = 0
    rate_limited: int = 0
    requeue: Requeue | None = None


def _result_of(error: ZaloError) -> str:
    if isinstance(error, NotFollower):
        return "unfollowed"
    if isinstance(error, OutsideWindow | UserInactive):
        return "skipped_out_of_window"
    return "failed"


class BroadcastSender:
    def __init__(
        self,
        broadcasts: BroadcastRepository,
        results: ResultRepository,
        client: ContentSender,
        limiter: SlotLimiter,
        clock: Callable[[], datetime],
        sleep: Callable[[float], None],
        *,
        max_rate_limited: int = 6,
        penalty_seconds: float = 1.0,
    ) -> None:
        self.broadcasts = broadcasts
        self.results = results
        self.client = client
        self.limiter = limiter
        self.clock = clock
        self.sleep = sleep
        self.max_rate_limited = max_rate_limited
        self.penalty_seconds = penalty_seconds

    def _defer_to_morning(self, batch: Batch, index: int, now: datetime) -> Requeue | None:
        resume = night_resume_at(now)
        if resume is None:
            return None
        delay = min(MAX_DELAY_SECONDS, max(1, int((resume - now).total_seconds()) + 1))
        return Requeue(batch.rest(index), delay, "night")

    def process(self, batch: Batch, time_left: Callable[[], float]) -> BatchReport:
        report = BatchReport()
        broadcast = self.broadcasts.get(batch.broadcast_id)
        if broadcast is None or broadcast.status == "cancelled":
            logger.info("broadcast batch dropped", extra={"broadcast_id": batch.broadcast_id})
            return report
        if broadcast.status == "paused":
            report.requeue = Requeue(batch, PAUSED_RECHECK_SECONDS, "paused")
            return report
        run = run_key(batch.broadcast_id, batch.run_id)
        for index, user_id in enumerate(batch.recipients):
            now = self.clock()
            if broadcast.promotional and (night := self._defer_to_morning(batch, index, now)):
                report.requeue = night
                return report
            if time_left() < TIME_MARGIN_SECONDS:
                report.requeue = Requeue(batch.rest(index), 0, "time")
                return report
            claim = uuid.uuid4().hex
            if not self.results.claim(run, user_id, claim, now):
                report.skipped_claimed += 1
                continue
            requeue = self._send_one(batch, index, user_id, claim, broadcast.content, report, time_left)
            if requeue is not None:
                self.results.release(run, user_id, claim)
                report.requeue = requeue
                return report
        return report

    def _send_one(
        self,
        batch: Batch,
        index: int,
        user_id: str,
        claim: str,
        content: BroadcastContent,
        report: BatchReport,
        time_left: Callable[[], float],
    ) -> Requeue | None:
        run = run_key(batch.broadcast_id, batch.run_id)
        limited = 0
        while True:
            slot = self.limiter.reserve(batch.oa_id, max_wait=time_left() - TIME_MARGIN_SECONDS)
            if slot is None:
                return Requeue(batch.rest(index), 0, "rate")
            wait = slot - self.limiter.clock()
            if wait > 0:
                self.sleep(wait)
            try:
                message_id = send_content(self.client, batch.oa_id, user_id, content)
            except RateLimited:
                limited += 1
                report.rate_limited += 1
                if limited > self.max_rate_limited:
                    return Requeue(batch.rest(index), RATE_LIMITED_RETRY_SECONDS, "rate_limited")
                self.limiter.penalise(batch.oa_id, self.penalty_seconds * 2 ** (limited - 1))
                continue
            except NightBan:
                return self._defer_to_morning(batch, index, self.clock()) or Requeue(
                    batch.rest(index), MAX_DELAY_SECONDS, "night"
                )
            except ZaloError as error:
                result = _result_of(error)
                self.results.finish(run, user_id, claim, Outcome(result, code=error.code), self.clock())
                report.results[result] += 1
                return None
            self.results.finish(run, user_id, claim, Outcome("sent", message_id=message_id), self.clock())
            report.results["sent"] += 1
            return None
