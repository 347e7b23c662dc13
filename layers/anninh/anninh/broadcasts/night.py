"""Zalo's night rule: no promotional sends 22:00–06:00 Vietnam time (error -234)."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from anninh.broadcasts.model import VIETNAM

NIGHT_START = time(22, 0)
NIGHT_END = time(6, 0)


def night_resume_at(now: datetime) -> datetime | None:
    """When the night ban lifts (06:00 Vietnam time) if ``now`` is inside it, else None."""
    local = now.astimezone(VIETNAM)
    if NIGHT_END <= local.time() < NIGHT_START:
        return None
    day = local.date() if local.time() < NIGHT_END else local.date() + timedelta(days=1)
    return datetime.combine(day, NIGHT_END, tzinfo=VIETNAM)
