"""Fire schedules when due: EventBridge Scheduler schedules (the template's, SAM ``ScheduleV2`` events and
any created at run time through the scheduler API, all read from moto) and SAM ``Schedule`` events
(EventBridge rules, kept in memory).

Expressions: ``rate(N unit)``, ``cron(min hour day-of-month month day-of-week year)`` in the schedule's
``ScheduleExpressionTimezone`` (through croniter), and ``at(yyyy-mm-ddThh:mm:ss)``. A rate schedule first
fires one period after it is first seen, as EventBridge does after creation; an ``at()`` schedule fires
once (at once if its time has passed when first seen) and is deleted when ``ActionAfterCompletion`` is
DELETE. Targets: a local function by ARN (Input as the payload) or an SQS queue (Input as the body).
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from croniter import croniter

from localrun.lambda_runtime import LocalFunction

log = logging.getLogger(__name__)

_RATE = re.compile(r"^rate\(\s*(\d+)\s+(minute|minutes|hour|hours|day|days)\s*\)$")
_CRON = re.compile(r"^cron\((.+)\)$")
_AT = re.compile(r"^at\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\)$")
_UNIT_SECONDS = {"minute": 60, "hour": 3600, "day": 86400}
_AWS_DOW_NUMBER = re.compile(r"(?<![#/\d])([1-7])(?!\d)")


class ScheduleExpressionError(ValueError):
    """The expression is not one EventBridge accepts (or not one the local stack can follow)."""


def aws_cron_to_croniter(fields_text: str) -> str:
    """AWS cron has 6 fields with a year and numbers days 1=SUN..7=SAT; croniter numbers them 0..6."""
    fields = fields_text.split()
    if len(fields) != 6:
        raise ScheduleExpressionError(f"cron({fields_text}) must have 6 fields")
    minute, hour, day, month, weekday, year = fields
    weekday = _AWS_DOW_NUMBER.sub(lambda m: str(int(m.group(1)) - 1), weekday)
    expression = f"{minute} {hour} {day} {month} {weekday} 0 {year}"
    if not croniter.is_valid(expression):
        raise ScheduleExpressionError(f"cron({fields_text}) is not a valid cron expression")
    return expression


def validate_expression(expression: str) -> None:
    if _RATE.match(expression) or _AT.match(expression):
        return
    cron = _CRON.match(expression)
    if cron is None:
        raise ScheduleExpressionError(f"unsupported schedule expression {expression!r}")
    aws_cron_to_croniter(cron.group(1))


def next_fire(expression: str, timezone: str, after: datetime, anchor: datetime) -> datetime | None:
    """The first firing time strictly after ``after`` (aware datetimes); None when it never fires again.

    ``anchor`` is when the schedule started (rate periods count from it).
    """
    rate = _RATE.match(expression)
    if rate:
        period = timedelta(seconds=int(rate.group(1)) * _UNIT_SECONDS[rate.group(2).rstrip("s")])
        if period <= timedelta(0):
            raise ScheduleExpressionError(f"{expression}: the period must be positive")
        elapsed = max(timedelta(0), after - anchor)
        return anchor + period * (elapsed // period + 1)
    zone = ZoneInfo(timezone or "UTC")
    at = _AT.match(expression)
    if at:
        when = datetime.fromisoformat(at.group(1)).replace(tzinfo=zone)
        return when if when > after else None
    cron = _CRON.match(expression)
    if cron:
        iterator = croniter(aws_cron_to_croniter(cron.group(1)), after.astimezone(zone))
        try:
            return iterator.get_next(datetime).astimezone(UTC)
        except Exception:  # croniter gives up when no date matches any more (a past year)
            return None
    raise ScheduleExpressionError(f"unsupported schedule expression {expression!r}")


@dataclass
class ScheduleEntry:
    key: str  # "group/name" for scheduler schedules, "rule/<name>" for EventBridge rules
    expression: str
    timezone: str
    target: dict[str, Any]
    enabled: bool = True
    start: datetime | None = None
    end: datetime | None = None
    delete_after_completion: bool = False
    rule_event: bool = False  # an EventBridge rule: without Input the payload is a Scheduled Event
    version: str = ""  # LastModificationDate: re-read when it changes
    first_seen: datetime | None = None
    due: datetime | None = None
    fired: int = 0
    last_fired: datetime | None = None
    last_error: str | None = None

    @property
    def one_time(self) -> bool:
        return self.expression.startswith("at(")


@dataclass
class Scheduler:
    """Polls moto's scheduler and the template's rule events; fires what is due on a small thread pool."""

    functions_by_arn: dict[str, LocalFunction]
    sqs: Any
    scheduler_client: Any
    queue_urls_by_arn: dict[str, str]
    region: str
    account_id: str
    rules: list[ScheduleEntry] = field(default_factory=list)
    clock: Callable[[], datetime] = lambda: datetime.now(UTC)
    tick_seconds: float = 1.0
    entries: dict[str, ScheduleEntry] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _pool: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(4, "localrun-schedule"))

    def refresh(self) -> None:
        """Read the current schedules; new ones get their first due time, removed ones are forgotten."""
        now = self.clock()
        seen: dict[str, ScheduleEntry] = {rule.key: rule for rule in self.rules}
        paginator = self.scheduler_client.get_paginator("list_schedules")
        for page in paginator.paginate():
            for summary in page.get("Schedules", []):
                key = f"{summary['GroupName']}/{summary['Name']}"
                version = str(summary.get("LastModificationDate", ""))
                known = self.entries.get(key)
                if known is not None and known.version == version:
                    seen[key] = known
                    continue
                detail = self.scheduler_client.get_schedule(
                    GroupName=summary["GroupName"], Name=summary["Name"]
                )
                seen[key] = self._entry(key, detail, version)
        with self._lock:
            for key, entry in seen.items():
                previous = self.entries.get(key)
                if previous is not None and previous is not entry:
                    entry.first_seen, entry.fired, entry.last_fired = (
                        previous.first_seen,
                        previous.fired,
                        previous.last_fired,
                    )
                    entry.due = None
                if entry.first_seen is None:
                    entry.first_seen = now
                if entry.due is None and not (entry.one_time and entry.fired):
                    entry.due = self._first_due(entry, now)
            self.entries = seen

    def _entry(self, key: str, detail: dict[str, Any], version: str) -> ScheduleEntry:
        start, end = detail.get("StartDate"), detail.get("EndDate")
        return ScheduleEntry(
            key=key,
            expression=detail["ScheduleExpression"],
            timezone=detail.get("ScheduleExpressionTimezone") or "UTC",
            target=dict(detail["Target"]),
            enabled=detail.get("State", "ENABLED") == "ENABLED",
            start=start.astimezone(UTC) if isinstance(start, datetime) else None,
            end=end.astimezone(UTC) if isinstance(end, datetime) else None,
            delete_after_completion=detail.get("ActionAfterCompletion") == "DELETE",
            version=version,
        )

    def _first_due(self, entry: ScheduleEntry, now: datetime) -> datetime | None:
        anchor = entry.start or entry.first_seen or now
        if entry.one_time:
            at = next_fire(entry.expression, entry.timezone, datetime.min.replace(tzinfo=UTC), anchor)
            return at
        after = max(now, entry.start) if entry.start else now
        return next_fire(entry.expression, entry.timezone, after - timedelta(microseconds=1), anchor)

    def due_entries(self) -> list[ScheduleEntry]:
        now = self.clock()
        with self._lock:
            return [
                entry
                for entry in self.entries.values()
                if entry.enabled
                and entry.due is not None
                and entry.due <= now
                and (entry.end is None or now <= entry.end)
            ]

    def tick(self) -> list[ScheduleEntry]:
        """Refresh, then fire every due entry and compute its next due time. Returns what fired."""
        self.refresh()
        fired = []
        for entry in self.due_entries():
            now = self.clock()
            anchor = entry.start or entry.first_seen or now
            entry.due = None if entry.one_time else next_fire(entry.expression, entry.timezone, now, anchor)
            self.fire(entry)
            fired.append(entry)
        return fired

    def fire(self, entry: ScheduleEntry, *, wait: bool = False, scheduled: datetime | None = None) -> None:
        """Deliver the target's payload now (on the pool; ``wait`` blocks until delivered). ``scheduled`` is
        the time the run is for (``<aws.scheduler.scheduled-time>``), the firing time when None."""
        entry.fired += 1
        entry.last_fired = self.clock()
        future = self._pool.submit(self._deliver, entry, scheduled or entry.last_fired)
        if entry.one_time and entry.delete_after_completion and "/" in entry.key and not entry.rule_event:
            group, name = entry.key.split("/", 1)
            self.scheduler_client.delete_schedule(GroupName=group, Name=name)
        if wait:
            future.result()

    def _deliver(self, entry: ScheduleEntry, scheduled: datetime) -> None:
        target_arn = str(entry.target.get("Arn", ""))
        raw_input = entry.target.get("Input")
        if raw_input:
            raw_input = self._with_context(entry, raw_input, scheduled)
        try:
            if ":lambda:" in target_arn:
                function = self.functions_by_arn.get(_unqualified(target_arn))
                if function is None:
                    raise LookupError(f"no local function with ARN {target_arn}")
                function.invoke(self._payload(entry, raw_input))
            elif ":sqs:" in target_arn:
                self._send_to_queue(entry, target_arn, raw_input)
            else:
                raise LookupError(f"target {target_arn} is not simulated locally (Lambda and SQS are)")
            entry.last_error = None
        except Exception as exc:  # InvocationError, LookupError, AWS errors: report, keep firing others
            entry.last_error = str(exc)
            log.error("schedule %s: delivery failed: %s", entry.key, exc)

    def _payload(self, entry: ScheduleEntry, raw_input: str | None) -> Any:
        if raw_input:
            return json.loads(raw_input)
        if entry.rule_event:
            return {
                "version": "0",
                "id": str(uuid.uuid4()),
                "detail-type": "Scheduled Event",
                "source": "aws.events",
                "account": self.account_id,
                "time": self.clock().strftime("%Y-%m-%dT%H:%M:%SZ"),
                "region": self.region,
                "resources": [f"arn:aws:events:{self.region}:{self.account_id}:{entry.key}"],
                "detail": {},
            }
        return {}

    def _with_context(self, entry: ScheduleEntry, raw_input: str, scheduled: datetime) -> str:
        """EventBridge Scheduler's context attributes, as it substitutes them in a target's Input."""
        fired = scheduled.astimezone(UTC)
        arn = f"arn:aws:scheduler:{self.region}:{self.account_id}:schedule/{entry.key}"
        values = {
            "<aws.scheduler.scheduled-time>": fired.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "<aws.scheduler.schedule-arn>": arn,
            "<aws.scheduler.execution-id>": str(uuid.uuid4()),
            "<aws.scheduler.attempt-number>": "1",
        }
        for name, value in values.items():
            raw_input = raw_input.replace(name, value)
        return raw_input

    def _send_to_queue(self, entry: ScheduleEntry, target_arn: str, raw_input: str | None) -> None:
        url = self.queue_urls_by_arn.get(target_arn)
        if url is None:  # a queue created at run time, outside the template
            url = self.sqs.get_queue_url(QueueName=target_arn.rsplit(":", 1)[-1])["QueueUrl"]
        kwargs: dict[str, Any] = {"QueueUrl": url, "MessageBody": raw_input or "{}"}
        if url.endswith(".fifo"):
            group = (entry.target.get("SqsParameters") or {}).get("MessageGroupId") or entry.key
            kwargs["MessageGroupId"] = group
            kwargs["MessageDeduplicationId"] = str(uuid.uuid4())
        self.sqs.send_message(**kwargs)

    def find(self, name: str) -> ScheduleEntry | None:
        with self._lock:
            for key, entry in self.entries.items():
                if key == name or key.split("/", 1)[-1] == name:
                    return entry
        return None

    def run(self, stop: threading.Event) -> None:
        while not stop.is_set():
            try:
                self.tick()
            except Exception:  # keep firing other schedules after a moto hiccup
                log.exception("scheduler tick failed")
            stop.wait(self.tick_seconds)

    def shutdown(self, timeout: float | None = None) -> None:
        """Cancel what has not started; wait up to ``timeout`` seconds (None: for ever) for what runs."""
        self._pool.shutdown(wait=False, cancel_futures=True)
        deadline = None if timeout is None else time.monotonic() + timeout
        for thread in list(getattr(self._pool, "_threads", ())):
            thread.join(None if deadline is None else max(0.0, deadline - time.monotonic()))

    def describe(self) -> list[dict[str, Any]]:
        with self._lock:
            entries = list(self.entries.values())
        return [
            {
                "name": entry.key,
                "expression": entry.expression,
                "timezone": entry.timezone,
                "target": entry.target.get("Arn"),
                "enabled": entry.enabled,
                "next_due": entry.due.isoformat() if entry.due else None,
                "fired": entry.fired,
                "last_fired": entry.last_fired.isoformat() if entry.last_fired else None,
                "last_error": entry.last_error,
            }
            for entry in sorted(entries, key=lambda e: e.key)
        ]


def _unqualified(function_arn: str) -> str:
    """arn:aws:lambda:r:a:function:NAME[:QUALIFIER] → without the qualifier."""
    parts = function_arn.split(":")
    return ":".join(parts[:7])
