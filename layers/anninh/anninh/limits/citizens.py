"""Limits per citizen: how fast one (OA, citizen) pair may make the system work, and how often it may page
the officers on duty.

- **Messages**: a token bucket per (OA, citizen), ``burst`` messages at once, refilled at ``per_minute``.
  A message that finds the bucket empty does nothing (no intake step, no tip, no question, no alert); the
  first one of a run gets a polite answer (``texts.CITIZEN_RATE_LIMITED``), the rest of the run none, so a
  flood cannot make the OA flood back.
- **Alerts**: the first alert a citizen's message causes (urgent message, question handed over) goes to the
  officers at once and opens a window of ``alert_window``; later ones in the window are counted, not sent.
  The next alert after the window carries the count ("… và N tin nhắn nữa"), and within a window a
  follow-up with the count goes out when it reaches 10, 100, 1000 … so a long flood is still visible.
  A tip's own alert is never held back: each tip has a code and needs an action.

Times are the events' own (Zalo's timestamps), so a redelivered event is judged as the first delivery was.
State lives in the store behind :class:`LimitStore`, written with conditional writes so that concurrent
workers never lose a count (:mod:`anninh.store.citizen_limits`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from anninh.settings import environment, positive_number

CONFLICT_RETRIES = 5


@dataclass(frozen=True)
class LimitSettings:
    burst: int = 30
    per_minute: float = 12.0
    alert_window: timedelta = timedelta(minutes=10)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> LimitSettings:
        env = environment() if env is None else env
        default = cls()

        return cls(
            burst=int(positive_number(env, "CITIZEN_MESSAGE_BURST", default.burst)),
            per_minute=positive_number(env, "CITIZEN_MESSAGES_PER_MINUTE", default.per_minute),
            alert_window=timedelta(minutes=positive_number(env, "CITIZEN_ALERT_WINDOW_MINUTES", 10)),
        )


@dataclass(frozen=True)
class Bucket:
    tokens: float
    at_ms: int  # when ``tokens`` was computed (event time, ms)
    warned: bool = False  # the citizen was told they are going too fast, since the last accepted message


@dataclass(frozen=True)
class AlertWindow:
    opened_ms: int
    opened_by: str  # the event that opened it (a redelivery of that event still alerts)
    held: int = 0  # alerts counted, not sent, in this window


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    tell: bool = False  # refused, and this is the first refusal of the run: answer politely


@dataclass(frozen=True)
class AlertDecision:
    send: bool
    earlier: int = 0  # alerts held back before this one (to mention in it)
    minutes: int = 0


class LimitStore(Protocol):
    def bucket(self, oa_id: str, user_id: str) -> Bucket | None: ...
    def put_bucket(self, oa_id: str, user_id: str, new: Bucket, old: Bucket | None) -> bool: ...
    def window(self, oa_id: str, user_id: str) -> AlertWindow | None: ...
    def put_window(self, oa_id: str, user_id: str, new: AlertWindow, old: AlertWindow | None) -> bool: ...


class LimitConflict(RuntimeError):
    """Another worker kept changing the same citizen's state: the queue retries the event."""


def _ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


class CitizenLimits:
    def __init__(self, store: LimitStore, settings: LimitSettings | None = None) -> None:
        self.store = store
        self.settings = settings or LimitSettings()

    def take(self, oa_id: str, user_id: str, now: datetime) -> Verdict:
        """Spend one message of the citizen's allowance (or refuse it)."""
        now_ms = _ms(now)
        rate_per_ms = self.settings.per_minute / 60_000
        for _ in range(CONFLICT_RETRIES):
            old = self.store.bucket(oa_id, user_id)
            burst = float(self.settings.burst)
            if old is None:
                tokens, warned = burst, False
            else:
                elapsed = max(0, now_ms - old.at_ms)
                tokens, warned = min(burst, old.tokens + elapsed * rate_per_ms), old.warned
            at = max(now_ms, old.at_ms if old else now_ms)
            if tokens >= 1:
                new, verdict = Bucket(tokens - 1, at, warned=False), Verdict(True)
            else:
                new, verdict = Bucket(tokens, at, warned=True), Verdict(False, tell=not warned)
            if self.store.put_bucket(oa_id, user_id, new, old):
                return verdict
        raise LimitConflict(f"{oa_id}:{user_id}")

    def admit_alert(self, oa_id: str, user_id: str, key: str, now: datetime) -> AlertDecision:
        """Whether an alert about this citizen goes out now (and how many were held back before it)."""
        now_ms = _ms(now)
        window_ms = int(self.settings.alert_window.total_seconds() * 1000)
        minutes = int(self.settings.alert_window.total_seconds() // 60)
        for _ in range(CONFLICT_RETRIES):
            old = self.store.window(oa_id, user_id)
            if old is not None and old.opened_by == key:
                return AlertDecision(True, minutes=minutes)  # a redelivery of the event that opened it
            if old is None or now_ms - old.opened_ms >= window_ms:
                new = AlertWindow(opened_ms=now_ms, opened_by=key)
                if self.store.put_window(oa_id, user_id, new, old):
                    return AlertDecision(True, earlier=old.held if old else 0, minutes=minutes)
                continue
            held = old.held + 1
            if self.store.put_window(oa_id, user_id, AlertWindow(old.opened_ms, old.opened_by, held), old):
                # A long flood still shows: a follow-up at 10, 100, 1000 … held alerts.
                milestone = held >= 10 and str(held).strip("0") == "1"
                return AlertDecision(milestone, earlier=held if milestone else 0, minutes=minutes)
        raise LimitConflict(f"{oa_id}:{user_id}")
