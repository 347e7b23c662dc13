"""What a scheduled function's event says about when it was meant to run."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any


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
