"""The local stack's clock for the broadcast sender: real time plus an offset, set while the stack runs.

The sender takes its clock as an argument (``BroadcastSender(clock=...)``); in Lambda it is the real UTC
time. Locally, :func:`attach` gives every sender a loaded handler built the stack's :class:`LocalClock`
instead, so a trainer or a test can make the sender believe it is 23:00 in Vietnam (the night rule) without
waiting for the night. Only what the sender decides from the time of day moves (night rule, deferral stamps,
claim and result times); the send pacing keeps real seconds, and every other function keeps the real time.

Set it with ``POST /_local/clock`` (``{"at": "2026-11-23T23:00:00+07:00"}``, ``{"offset_seconds": -3600}``
or ``{"reset": true}``), read it with ``GET /_local/clock``, or start the stack with
``LOCALRUN_CLOCK_OFFSET_SECONDS``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
MAX_OFFSET = timedelta(days=366)


def _real_now() -> datetime:
    return datetime.now(UTC)


class LocalClock:
    """Thread-safe: the HTTP thread sets it while the SQS pollers' invocations read it."""

    def __init__(self, offset_seconds: float = 0.0, real: Callable[[], datetime] = _real_now) -> None:
        self._real = real
        self._lock = threading.Lock()
        self._offset = timedelta(0)
        self.set_offset(offset_seconds)

    def now(self) -> datetime:
        with self._lock:
            return self._real() + self._offset

    @property
    def offset_seconds(self) -> float:
        with self._lock:
            return self._offset.total_seconds()

    def set_offset(self, seconds: float) -> None:
        offset = timedelta(seconds=seconds)
        if abs(offset) > MAX_OFFSET:
            raise ValueError(f"the offset must be within {MAX_OFFSET.days} days")
        with self._lock:
            self._offset = offset

    def set_time(self, at: datetime) -> None:
        """From now on the clock reads ``at`` and runs on from there."""
        if at.tzinfo is None:
            raise ValueError("the time must carry its UTC offset, e.g. 2026-11-23T23:00:00+07:00")
        self.set_offset((at - self._real()).total_seconds())

    def as_json(self) -> dict[str, Any]:
        now = self.now()
        return {
            "now": now.isoformat(),
            "now_vietnam": now.astimezone(VIETNAM).isoformat(),
            "offset_seconds": round(self.offset_seconds, 3),
        }

    def update(self, body: Any) -> None:
        """Apply a ``POST /_local/clock`` body; raises ValueError (nothing changed) when it is not exactly one
        of ``at``, ``offset_seconds`` or ``reset``."""
        if not isinstance(body, dict):
            raise ValueError("body must be a JSON object")
        given = [key for key in ("at", "offset_seconds", "reset") if body.get(key) is not None]
        unknown = sorted(set(body) - {"at", "offset_seconds", "reset"})
        if unknown or len(given) != 1:
            raise ValueError('give exactly one of "at" (ISO time with offset), "offset_seconds" or "reset"')
        if given == ["at"]:
            try:
                at = datetime.fromisoformat(str(body["at"]))
            except ValueError as exc:
                raise ValueError(f"at is not an ISO time: {body['at']!r}") from exc
            self.set_time(at)
        elif given == ["offset_seconds"]:
            value = body["offset_seconds"]
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ValueError("offset_seconds must be a number")
            self.set_offset(float(value))
        elif body["reset"] is not True:
            raise ValueError("reset must be true")
        else:
            self.set_offset(0.0)


def attach(clock: LocalClock, functions: Iterable[Any]) -> list[str]:
    """Give ``clock`` to each broadcast sender a loaded handler module built; returns where it went
    ("SenderFunction.sender")."""
    from anninh.broadcasts.sender import BroadcastSender

    attached = []
    for function in functions:
        module = function.module
        for name, value in vars(module).items() if module is not None else ():
            if isinstance(value, BroadcastSender):
                value.clock = clock.now
                attached.append(f"{function.logical_id}.{name}")
    return attached
