"""Officer and duty-roster types (Vietnam time for shifts)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, time
from zoneinfo import ZoneInfo

from anninh import texts
from anninh.officers.roles import ALERT_MODES, ROLES

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
# Titles people read live in anninh.texts, keyed by the stored role identifiers (anninh.officers.roles).
ROLE_TITLES: dict[str, str] = texts.OFFICER_ROLE_TITLES
_HHMM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


class OfficerError(ValueError):
    """Invalid officer or roster data; the message says what."""


def parse_hhmm(value: str) -> time:
    match = _HHMM.match(value.strip())
    if not match:
        raise OfficerError(texts.OFFICER_ERROR_TIME.format(value=value))
    return time(int(match.group(1)), int(match.group(2)))


@dataclass(frozen=True)
class Shift:
    """A weekly shift: ``days`` 0 = Monday … 6 = Sunday; ``end`` ≤ ``start`` means it runs past midnight."""

    days: tuple[int, ...]
    start: str
    end: str

    def __post_init__(self) -> None:
        if not self.days or any(d not in range(7) for d in self.days):
            raise OfficerError(texts.OFFICER_ERROR_SHIFT_DAYS)
        parse_hhmm(self.start)
        parse_hhmm(self.end)

    def covers(self, moment: datetime) -> bool:
        local = moment.astimezone(VIETNAM)
        start, end, now = parse_hhmm(self.start), parse_hhmm(self.end), local.time()
        if start < end:
            return local.weekday() in self.days and start <= now < end
        if start == end:  # a 24-hour shift
            return local.weekday() in self.days
        # Past midnight: the evening part belongs to the listed day, the morning part to the day after.
        if now >= start:
            return local.weekday() in self.days
        return (local.weekday() - 1) % 7 in self.days and now < end


@dataclass(frozen=True)
class Officer:
    unit_id: str
    user_id: str  # the officer's Zalo user id in the unit's OA
    name: str
    role: str
    oa_id: str
    active: bool = True
    shifts: tuple[Shift, ...] = field(default_factory=tuple)
    alerts: str = "immediate"

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise OfficerError(texts.OFFICER_ERROR_ROLE.format(choices=", ".join(ROLES)))
        if self.alerts not in ALERT_MODES:
            raise OfficerError(texts.OFFICER_ERROR_ALERTS.format(choices=", ".join(ALERT_MODES)))
        if not self.user_id.isdigit():
            raise OfficerError(texts.OFFICER_ERROR_USER_ID)
        if not self.name.strip():
            raise OfficerError(texts.OFFICER_ERROR_NAME)


def on_duty(officers: list[Officer], moment: datetime) -> list[Officer]:
    """Active officers whose shift covers ``moment``. With no roster at all, every active trực ban is on duty
    (a unit that has not entered shifts must still be alerted)."""
    active = [o for o in officers if o.active]
    if not any(o.shifts for o in active):
        return [o for o in active if o.role == "truc_ban"] or active
    return [o for o in active if any(s.covers(moment) for s in o.shifts)]


def wants_now(officer: Officer, urgent: bool) -> bool:
    """Whether a new tip is sent to ``officer`` at once (urgent ones always are)."""
    return urgent or officer.alerts == "immediate"
