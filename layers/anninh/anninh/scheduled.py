"""What the scheduled officer messages (hourly digest, weekly picture) share: the time the schedule meant to
run, and what to do when an officer cannot be messaged."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from anninh.observability import count, logger
from anninh.officers.model import Officer
from anninh.zalo.errors import ZaloError


def scheduled_time(event: dict[str, Any]) -> datetime:
    """The schedule's time (``<aws.scheduler.scheduled-time>`` in the template's Input); now without it."""
    raw = str(event.get("scheduled_time") or "").strip()
    if not raw:
        return datetime.now(UTC)
    try:
        moment = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError as exc:
        raise ValueError(f"scheduled_time must be an ISO 8601 time, got {raw!r}") from exc
    if moment.tzinfo is None:
        raise ValueError(f"scheduled_time must carry a time zone, got {raw!r}")
    return moment


def skip_unreachable(metric: str, what: str) -> Callable[[Officer, Exception], bool]:
    """The ``on_unreachable`` of a run: an officer outside Zalo's messaging window is counted under
    ``metric`` and skipped (True); any other failure is logged and re-raised by the run (False)."""

    def decide(officer: Officer, exc: Exception) -> bool:
        if isinstance(exc, ZaloError) and exc.window_error:
            count(metric, code=exc.label)
            return True
        logger.exception(f"{what} not sent", extra={"unit_id": officer.unit_id})
        return False

    return decide
