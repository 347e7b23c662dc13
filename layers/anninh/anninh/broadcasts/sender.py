"""Send one batch of a broadcast: night rule, per-OA rate, -32 backoff, and at most one send per recipient.

Each recipient is *claimed* in the results table (a conditional put only the first taker wins) before the
send and *finished* with its result after. A redelivered or re-queued batch finds the claims and skips those
recipients, so nobody gets a broadcast twice.

**In doubt.** Zalo has no idempotency key, so a send whose outcome is unknown is never repeated; the recipient
is recorded ``in_doubt`` instead (counted apart by ``anninh broadcast status``):

- the request left but no usable answer came back (read timeout, dropped connection, HTTP 5xx): reason
  ``answer_lost``;
- the sender stopped between the claim and the result (crash, Lambda timeout): SQS delivers the batch again,
  the claim is found older than ``claim_lease`` (longer than any sender can run) and is resolved with
  reason ``sender_stopped``. A younger claim may belong to a sender still running (SQS can deliver one
  message twice at once): those recipients are re-queued and looked at again once the lease has passed.

A request that certainly never reached Zalo (connection refused, connect timeout) is not in doubt: the claim
is released and the rest of the batch is retried a minute later.

**Article quota.** Before an article broadcast (the "all" audience) the run takes a place in its OA's monthly
ledger (:mod:`anninh.broadcasts.quota`); past the allowance, or when Zalo answers out of quota, the article
is not sent: it is recorded ``held`` (reason ``quota``) and reported (``BatchReport.held_for_quota``).
Consultation messages never touch the ledger.

**Deferrals.** Whatever cannot be sent now (night ban, pause, -32 storm, Zalo unreachable, time running out,
the rate) comes back as a :class:`Requeue` of the unsent recipients. A night, pause, -32 or unreachable
deferral stamps the batch (the first one's time, the latest one's reason); a batch still waiting
``max_defer`` after that stamp is not sent: each of its recipients is recorded ``expired`` with that reason,
never dropped silently.
"""

from __future__ import annotations

import json
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

import requests
from urllib3.exceptions import NewConnectionError

from anninh.broadcasts.limiter import SlotLimiter
from anninh.broadcasts.model import BroadcastContent, is_article_recipient
from anninh.broadcasts.night import night_resume_at
from anninh.broadcasts.ports import CLAIMED, BroadcastRepository, Outcome, ResultRepository, run_key
from anninh.broadcasts.quota import HELD, QUOTA_REASON, ArticleQuota
from anninh.broadcasts.render import ContentSender, send_content
from anninh.observability import logger
from anninh.stats.counters import tally
from anninh.zalo.errors import (
    NightBan,
    NotFollower,
    OutsideWindow,
    RateLimited,
    UserInactive,
    ZaloError,
    ZaloTransportError,
)

MAX_DELAY_SECONDS = 900  # SQS's longest message delay; a night deferral hops until 06:00
PAUSED_RECHECK_SECONDS = 900
RATE_LIMITED_RETRY_SECONDS = 60
UNREACHABLE_RETRY_SECONDS = 60
TIME_MARGIN_SECONDS = 5.0
DEFAULT_MAX_DEFER = timedelta(hours=24)
# Longer than the sender can run (its Lambda timeout is 120 s): an older claim is nobody's any more.
DEFAULT_CLAIM_LEASE = timedelta(seconds=180)


@dataclass(frozen=True)
class Batch:
    broadcast_id: str
    run_id: str
    oa_id: str
    recipients: tuple[str, ...]
    deferred_since: datetime | None = None  # the first deferral (night, pause, -32, unreachable)
    deferred_reason: str | None = None  # the latest one's reason
    unit_id: str | None = None  # the OA's unit, for its statistics (batches queued before it existed: None)

    def to_json(self) -> str:
        data: dict[str, object] = {
            "broadcast_id": self.broadcast_id,
            "run_id": self.run_id,
            "oa_id": self.oa_id,
            "recipients": list(self.recipients),
        }
        if self.deferred_since is not None:
            data["deferred_since"] = self.deferred_since.isoformat()
            data["deferred_reason"] = self.deferred_reason
        if self.unit_id is not None:
            data["unit_id"] = self.unit_id
        return json.dumps(data)

    @classmethod
    def from_json(cls, body: str) -> Batch:
        data = json.loads(body)
        recipients = data["recipients"]
        if not isinstance(recipients, list) or not all(isinstance(r, str) for r in recipients):
            raise ValueError("recipients must be a list of user ids")
        since = data.get("deferred_since")
        deferred_since = datetime.fromisoformat(since) if since else None
        if deferred_since is not None and deferred_since.tzinfo is None:
            raise ValueError("deferred_since must carry its time zone")
        return cls(
            str(data["broadcast_id"]),
            str(data["run_id"]),
            str(data["oa_id"]),
            tuple(recipients),
            deferred_since,
            str(data["deferred_reason"]) if data.get("deferred_reason") else None,
            str(data["unit_id"]) if data.get("unit_id") else None,
        )

    def rest(self, index: int) -> Batch:
        return replace(self, recipients=self.recipients[index:])

    def deferred(self, reason: str, now: datetime) -> Batch:
        """This batch marked as deferred for ``reason`` (the first deferral's time is kept)."""
        return replace(self, deferred_since=self.deferred_since or now, deferred_reason=reason)

    def overdue(self, now: datetime, max_defer: timedelta) -> bool:
        return self.deferred_since is not None and now - self.deferred_since > max_defer


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
    held_for_quota: list[str] = field(default_factory=list)  # OAs whose article was held this batch


def _result_of(error: ZaloError) -> str:
    if isinstance(error, NotFollower):
        return "unfollowed"
    if isinstance(error, OutsideWindow | UserInactive):
        return "skipped_out_of_window"
    return "failed"


def _rate_limited(error: ZaloError) -> bool:
    """-32, or HTTP 429 from Zalo's gateway: nothing was sent, slow down."""
    return isinstance(error, RateLimited) or (
        isinstance(error, ZaloTransportError) and error.http_status == 429
    )


def never_reached_zalo(error: ZaloTransportError) -> bool:
    """True only when the request certainly never reached Zalo: the connection was refused or not made in
    time. A read timeout, a dropped connection or a 5xx may come after Zalo accepted the message."""
    cause = error.__cause__
    if isinstance(cause, requests.ConnectTimeout):
        return True
    if isinstance(cause, requests.ConnectionError) and cause.args:
        return isinstance(getattr(cause.args[0], "reason", None), NewConnectionError)
    return False


def _count_send(batch: Batch, user_id: str, *, reached: bool) -> None:
    """Statistics of the batch's unit (anninh.stats): a message tried, and reached when Zalo accepted it, per
    channel. Called once per recipient whose result this sender recorded (its claim), so a redelivered batch
    never counts anyone twice; flushed by the sender function once the batch is done."""
    if batch.unit_id is None:
        return
    tally(batch.unit_id, "broadcast_messages_sent")
    if reached:
        channel = "article" if is_article_recipient(user_id) else "consultation"
        tally(batch.unit_id, f"broadcasts_reached_{channel}")


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
        max_defer: timedelta = DEFAULT_MAX_DEFER,
        claim_lease: timedelta = DEFAULT_CLAIM_LEASE,
        quota: ArticleQuota | None = None,
    ) -> None:
        self.broadcasts = broadcasts
        self.results = results
        self.client = client
        self.limiter = limiter
        self.clock = clock
        self.sleep = sleep
        self.max_rate_limited = max_rate_limited
        self.penalty_seconds = penalty_seconds
        self.max_defer = max_defer
        self.claim_lease = claim_lease
        self.quota = quota

    def _deferral(self, batch: Batch, index: int, reason: str, delay: int, now: datetime) -> Requeue:
        return Requeue(batch.rest(index).deferred(reason, now), delay, reason)

    def _defer_to_morning(self, batch: Batch, index: int, now: datetime) -> Requeue | None:
        resume = night_resume_at(now)
        if resume is None:
            return None
        delay = min(MAX_DELAY_SECONDS, max(1, int((resume - now).total_seconds()) + 1))
        return self._deferral(batch, index, "night", delay, now)

    def process(self, batch: Batch, time_left: Callable[[], float]) -> BatchReport:
        report = BatchReport()
        broadcast = self.broadcasts.get(batch.broadcast_id)
        if broadcast is None:  # deleted: nothing left to report on
            logger.info("broadcast batch dropped", extra={"broadcast_id": batch.broadcast_id})
            return report
        now = self.clock()
        if broadcast.status == "cancelled":
            self._settle_all(batch, Outcome("cancelled"), now, report)
            return report
        if batch.overdue(now, self.max_defer):
            self._expire(batch, now, report)
            return report
        if broadcast.status == "paused":
            report.requeue = self._deferral(batch, 0, "paused", PAUSED_RECHECK_SECONDS, now)
            return report
        run = run_key(batch.broadcast_id, batch.run_id)
        held: list[str] = []  # claimed by a sender that may still be running
        for index, user_id in enumerate(batch.recipients):
            now = self.clock()
            # An article broadcast is a promotional message to every follower: the night rule always applies.
            promotional = broadcast.promotional or is_article_recipient(user_id)
            if promotional and (night := self._defer_to_morning(batch, index, now)):
                report.requeue = night
                break
            if time_left() < TIME_MARGIN_SECONDS:
                report.requeue = Requeue(batch.rest(index), 0, "time")
                break
            claim = uuid.uuid4().hex
            if not self.results.claim(run, user_id, claim, now):
                if self._claimed_before(run, user_id, now, report):
                    held.append(user_id)
                continue
            requeue = self._send_one(batch, index, user_id, claim, broadcast.content, report, time_left)
            if requeue is not None:
                self.results.release(run, user_id, claim)
                report.requeue = requeue
                break
        if held:
            report.requeue = self._hold(batch, tuple(held), report.requeue)
        return report

    def _claimed_before(self, run: str, user_id: str, now: datetime, report: BatchReport) -> bool:
        """Someone has a row for this recipient: skip a final result, resolve a claim older than the lease
        as in doubt; True when a younger claim must be looked at again later."""
        row = self.results.get(run, user_id)
        if row is None:  # released since: nobody holds it now, try again later
            return True
        if row.status != CLAIMED:
            report.skipped_claimed += 1
            return False
        if now - row.updated_at < self.claim_lease:
            return True
        outcome = Outcome("in_doubt", reason="sender_stopped")
        if row.claim and self.results.resolve_claim(run, user_id, row.claim, outcome, now):
            report.results["in_doubt"] += 1
            logger.warning("broadcast recipient in doubt", extra={"run": run, "reason": outcome.reason})
        else:  # finished by its sender in the meantime
            report.skipped_claimed += 1
        return False

    def _hold(self, batch: Batch, held: tuple[str, ...], requeue: Requeue | None) -> Requeue:
        """Re-queue recipients claimed by a possibly running sender until their claim's lease is over."""
        delay = min(MAX_DELAY_SECONDS, int(self.claim_lease.total_seconds()) + 1)
        if requeue is None:
            return Requeue(replace(batch, recipients=held), delay, "claimed")
        merged = replace(requeue.batch, recipients=held + requeue.batch.recipients)
        return Requeue(merged, max(delay, requeue.delay_seconds), requeue.reason)

    def _expire(self, batch: Batch, now: datetime, report: BatchReport) -> None:
        """A batch deferred for longer than ``max_defer``: each recipient recorded as not sent, with why."""
        self._settle_all(batch, Outcome("expired", reason=batch.deferred_reason), now, report)
        logger.warning(
            "broadcast batch expired",
            extra={
                "broadcast_id": batch.broadcast_id,
                "reason": batch.deferred_reason,
                "left": len(batch.recipients),
            },
        )

    def _settle_all(self, batch: Batch, outcome: Outcome, now: datetime, report: BatchReport) -> None:
        """Record ``outcome`` for every recipient of a batch that will not be sent (expired, cancelled)."""
        run = run_key(batch.broadcast_id, batch.run_id)
        for user_id in batch.recipients:
            if self.results.settle(run, user_id, outcome, now):
                report.results[outcome.status] += 1
            else:  # already has a row: a final result, or a claim (a stale one becomes in doubt)
                self._claimed_before(run, user_id, now, report)

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
        article = is_article_recipient(user_id) and self.quota is not None
        if article and self._hold_for_quota(batch, user_id, claim, report):
            return None
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
            except ZaloError as error:
                if article and not _rate_limited(error):
                    self._article_refused(batch, run, error)
                if not _rate_limited(error):
                    return self._after_error(batch, index, user_id, claim, error, report)
                limited += 1
                report.rate_limited += 1
                if limited > self.max_rate_limited:
                    return self._deferral(
                        batch, index, "rate_limited", RATE_LIMITED_RETRY_SECONDS, self.clock()
                    )
                self.limiter.penalise(batch.oa_id, self.penalty_seconds * 2 ** (limited - 1))
                continue
            self.results.finish(run, user_id, claim, Outcome("sent", message_id=message_id), self.clock())
            report.results["sent"] += 1
            _count_send(batch, user_id, reached=True)
            return None

    def _hold_for_quota(self, batch: Batch, user_id: str, claim: str, report: BatchReport) -> bool:
        """Take the run's place in its OA's monthly ledger; True when there is none (the article is held)."""
        assert self.quota is not None
        now = self.clock()
        decision = self.quota.reserve(batch.oa_id, run_key(batch.broadcast_id, batch.run_id), now)
        if decision.granted:
            return False
        self._held(batch, user_id, claim, report, now)
        logger.warning(
            "article broadcast held: quota",
            extra={"oa_id": batch.oa_id, "used": decision.used, "allowance": decision.allowance},
        )
        return True

    def _held(self, batch: Batch, user_id: str, claim: str, report: BatchReport, now: datetime) -> None:
        outcome = Outcome(HELD, reason=QUOTA_REASON)
        self.results.finish(run_key(batch.broadcast_id, batch.run_id), user_id, claim, outcome, now)
        report.results[HELD] += 1
        report.held_for_quota.append(batch.oa_id)

    def _article_refused(self, batch: Batch, run: str, error: ZaloError) -> None:
        """Zalo refused an article broadcast: out of quota marks the OA's month exhausted; any other certain
        refusal gives the run's place back (an answer lost on the way keeps it: it may have been sent)."""
        assert self.quota is not None
        now = self.clock()
        if error.quota_exhausted:
            self.quota.exhausted(batch.oa_id, now)
        elif not isinstance(error, ZaloTransportError) or never_reached_zalo(error):
            self.quota.release(batch.oa_id, run, now)

    def _after_error(
        self, batch: Batch, index: int, user_id: str, claim: str, error: ZaloError, report: BatchReport
    ) -> Requeue | None:
        """Record the recipient's result for ``error``, or the deferral of the batch from this recipient on
        when the message was certainly not sent and may be later (night ban, Zalo unreachable)."""
        now = self.clock()
        if isinstance(error, NightBan):
            return self._defer_to_morning(batch, index, now) or self._deferral(
                batch, index, "night", MAX_DELAY_SECONDS, now
            )
        if isinstance(error, ZaloTransportError):
            if never_reached_zalo(error):
                return self._deferral(batch, index, "zalo_unreachable", UNREACHABLE_RETRY_SECONDS, now)
            outcome = Outcome("in_doubt", reason="answer_lost")
            logger.warning("broadcast recipient in doubt", extra={"reason": outcome.reason})
        elif is_article_recipient(user_id) and error.quota_exhausted:
            outcome = Outcome(HELD, code=error.code, reason=QUOTA_REASON)
            report.held_for_quota.append(batch.oa_id)
            logger.warning("article broadcast held: zalo quota", extra={"oa_id": batch.oa_id})
        else:
            outcome = Outcome(_result_of(error), code=error.code)
        self.results.finish(run_key(batch.broadcast_id, batch.run_id), user_id, claim, outcome, now)
        report.results[outcome.status] += 1
        if outcome.status != HELD:  # a send Zalo answered (or may have): tried, not reached
            _count_send(batch, user_id, reached=False)
        return None
