"""Registering officers: an officer belongs to a unit and is reached through that unit's OA.

Shared by the admin API (PUT /admin/officers/…) and the YAML importer, so both refuse the same things: a
unit without an Official Account, an unknown role, a user id that is not digits, a malformed shift.
The compact shift syntax ``"0-4 07:30-17:00"`` (days 0 = Monday … 6 = Sunday, a range or a comma list;
an end at or before the start runs past midnight; ``00:00-00:00`` is a 24-hour shift) is what officers type
on the command line and write in the YAML file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from anninh import texts
from anninh.officers.model import Officer, OfficerError, Shift
from anninh.units.model import Unit

_SHIFT = re.compile(
    r"^\s*(?P<days>[0-6](?:\s*[-,]\s*[0-6])*)\s+(?P<start>\d{2}:\d{2})\s*-\s*(?P<end>\d{2}:\d{2})\s*$"
)


def parse_days(text: str) -> tuple[int, ...]:
    """``"0-4"`` → (0, 1, 2, 3, 4); ``"5,6"`` → (5, 6); ``"4-1"`` (wrapping past Sunday) is refused."""
    days: list[int] = []
    for part in text.replace(" ", "").split(","):
        first, _, last = part.partition("-")
        low, high = int(first), int(last or first)
        if high < low:
            raise OfficerError(texts.OFFICER_ERROR_DAY_RANGE.format(part=part))
        days.extend(d for d in range(low, high + 1) if d not in days)
    return tuple(sorted(days))


def parse_shift(text: str) -> Shift:
    """A shift from its compact form, e.g. ``"0-4 07:30-17:00"`` or ``"0-6 00:00-00:00"`` (24/7)."""
    match = _SHIFT.match(text)
    if not match:
        raise OfficerError(texts.OFFICER_ERROR_SHIFT_FORMAT.format(text=text))
    return Shift(days=parse_days(match["days"]), start=match["start"], end=match["end"])


def format_shift(shift: Shift) -> str:
    """The compact form of a shift (inverse of :func:`parse_shift` for ranges and lists)."""
    runs: list[str] = []
    days = list(shift.days)
    start = 0
    for index in range(1, len(days) + 1):
        if index == len(days) or days[index] != days[index - 1] + 1:
            first, last = days[start], days[index - 1]
            runs.append(str(first) if first == last else f"{first}-{last}")
            start = index
    return f"{','.join(runs)} {shift.start}-{shift.end}"


def officer_for_unit(
    unit: Unit,
    *,
    user_id: str,
    name: str,
    role: str,
    active: bool = True,
    shifts: Iterable[Shift] = (),
    alerts: str = "immediate",
) -> Officer:
    """The officer record for ``unit``; the OA is the unit's (raises OfficerError when it has none)."""
    if not unit.oa_id:
        raise OfficerError(texts.OFFICER_ERROR_UNIT_WITHOUT_OA.format(unit_id=unit.unit_id))
    return Officer(
        unit_id=unit.unit_id,
        user_id=user_id.strip(),
        name=name.strip(),
        role=role,
        oa_id=unit.oa_id,
        active=active,
        shifts=tuple(shifts),
        alerts=alerts,
    )
