"""What the worker tells the OA status table, cheaply: at most one write per OA and fact per minute.

A Lambda instance remembers when it last wrote each (OA, fact); 200 OAs and a campaign's burst cost at
most a few writes a minute per instance. A failed write is logged and forgotten: watching an OA must
never fail a citizen's message.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from anninh.oa.health import OaStatusRepository

if TYPE_CHECKING:  # typing only
    from aws_lambda_powertools import Logger as PowertoolsLogger

    from anninh.zalo.tokens import RefreshReport

MIN_INTERVAL_SECONDS = 60.0


def _utcnow() -> datetime:
    return datetime.now(UTC)


class ActivityRecorder:
    def __init__(
        self,
        repository: OaStatusRepository,
        *,
        interval_seconds: float = MIN_INTERVAL_SECONDS,
        monotonic: Callable[[], float] = time.monotonic,
        clock: Callable[[], datetime] = _utcnow,
        logger: logging.Logger | PowertoolsLogger | None = None,
    ) -> None:
        self._repository = repository
        self._interval = interval_seconds
        self._monotonic = monotonic
        self._clock = clock
        self._log = logger
        self._last: dict[tuple[str, str], float] = {}
        self._lock = threading.Lock()

    def _due(self, key: tuple[str, str]) -> bool:
        now = self._monotonic()
        with self._lock:
            last = self._last.get(key)
            if last is not None and now - last < self._interval:
                return False
            self._last[key] = now
            return True

    def event_seen(self, oa_id: str) -> None:
        if oa_id and self._due((oa_id, "event")):
            self._write("event", oa_id, lambda: self._repository.record_event(oa_id, self._clock()))

    def zalo_error(self, oa_id: str, label: str) -> None:
        if oa_id and self._due((oa_id, "error:" + label)):
            self._write("error", oa_id, lambda: self._repository.record_error(oa_id, label, self._clock()))

    def _write(self, fact: str, oa_id: str, write: Callable[[], None]) -> None:
        try:
            write()
        except Exception:  # never fail the message for the sake of the dashboard
            if self._log is not None:
                self._log.warning(
                    "oa status not recorded", extra={"oa_id": oa_id, "fact": fact}, exc_info=True
                )


def record_refresh_report(
    report: RefreshReport,
    repository: OaStatusRepository,
    token_version: Callable[[str], int | None],
    at: datetime,
) -> None:
    """The scheduled refresher's outcome per OA (a ``RefreshReport``): ok, or failed with the error and the
    token pair's version, so that a newer pair stored later (a consent, a worker's refresh) clears it."""
    for oa_id in report.refreshed:
        repository.record_refresh(oa_id, True, None, None, at)
    for oa_id, error in report.failed.items():
        repository.record_refresh(oa_id, False, str(error), token_version(oa_id), at)
