"""Load officers from a YAML file, validate every entry against the units, then save: all or nothing.

The file (see infra/seed/officers.yaml)::

    officers:
      - unit_id: xa-binh-an
        user_id: "8800000000000000001"   # the officer's Zalo user id in the unit's OA (digits)
        name: Nguyễn Văn An
        role: truc_ban                    # truc_ban | can_bo_xu_ly | lanh_dao
        active: true                      # optional, default true
        shifts: ["0-6 00:00-00:00"]       # optional; or mappings {days: [0, 1], start: "07:30", end: "17:00"}
        alerts: digest                    # optional: immediate (default) | digest (non-urgent tips hourly)

Officers are added or replaced (unit + user id); officers absent from the file are left as they are.
The same service serves the local stack's seed (DynamoDB repository) and ``anninh officers import``
(a repository that writes through the admin API).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol

import yaml

from anninh import texts
from anninh.officers.model import Officer, OfficerError, Shift
from anninh.officers.registry import officer_for_unit, parse_shift
from anninh.units.model import Unit


class OfficerSink(Protocol):
    """Where imported officers are saved: the DynamoDB repository, or the admin API (CLI)."""

    def save(self, officer: Officer) -> None: ...


FIELDS = {"unit_id", "user_id", "name", "role", "active", "shifts", "alerts"}
SHIFT_FIELDS = {"days", "start", "end"}


def _shift(raw: Any) -> Shift:
    if isinstance(raw, str):
        return parse_shift(raw)
    if isinstance(raw, dict) and set(raw) == SHIFT_FIELDS and isinstance(raw["days"], list):
        try:
            days = tuple(int(d) for d in raw["days"])
        except (TypeError, ValueError) as exc:
            raise OfficerError(texts.OFFICER_ERROR_SHIFT_DAY_NUMBERS.format(days=raw["days"])) from exc
        return Shift(days=days, start=str(raw["start"]), end=str(raw["end"]))
    raise OfficerError(texts.OFFICER_ERROR_SHIFT_SHAPE.format(shift=raw))


def _entry(raw: Any, units: dict[str, Unit]) -> Officer:
    if not isinstance(raw, dict):
        raise OfficerError(texts.OFFICER_ERROR_ENTRY_SHAPE)
    unknown = set(raw) - FIELDS
    if unknown:
        raise OfficerError(texts.OFFICER_ERROR_UNKNOWN_FIELDS.format(fields=sorted(unknown)))
    missing = [f for f in ("unit_id", "user_id", "name", "role") if not str(raw.get(f) or "").strip()]
    if missing:
        raise OfficerError(texts.OFFICER_ERROR_MISSING_FIELDS.format(fields=", ".join(missing)))
    unit = units.get(str(raw["unit_id"]).strip())
    if unit is None:
        raise OfficerError(texts.UNKNOWN_UNIT.format(unit_id=raw["unit_id"]))
    active = raw.get("active", True)
    if not isinstance(active, bool):
        raise OfficerError(texts.OFFICER_ERROR_ACTIVE)
    shifts = raw.get("shifts") or []
    if not isinstance(shifts, list):
        raise OfficerError(texts.OFFICER_ERROR_SHIFTS_LIST)
    return officer_for_unit(
        unit,
        user_id=str(raw["user_id"]),
        name=str(raw["name"]),
        role=str(raw["role"]).strip(),
        active=active,
        shifts=[_shift(s) for s in shifts],
        alerts=str(raw.get("alerts") or "immediate").strip(),
    )


def parse_officers(document: Any, units: Iterable[Unit]) -> list[Officer]:
    """Every officer of the document, or OfficerError naming every bad entry (nothing is half-read)."""
    if not isinstance(document, dict) or not isinstance(document.get("officers"), list):
        raise OfficerError(texts.OFFICER_ERROR_FILE_SHAPE)
    by_id = {u.unit_id: u for u in units}
    officers: list[Officer] = []
    problems: list[str] = []
    seen: set[tuple[str, str]] = set()
    for index, raw in enumerate(document["officers"], start=1):
        try:
            officer = _entry(raw, by_id)
        except OfficerError as exc:
            problems.append(texts.OFFICER_ERROR_ENTRY.format(index=index, error=exc))
            continue
        key = (officer.unit_id, officer.user_id)
        if key in seen:
            problems.append(
                texts.OFFICER_ERROR_DUPLICATE.format(
                    index=index, user_id=officer.user_id, unit_id=officer.unit_id
                )
            )
            continue
        seen.add(key)
        officers.append(officer)
    if problems:
        raise OfficerError("; ".join(problems))
    return officers


def load_officers_file(path: Path, units: Iterable[Unit]) -> list[Officer]:
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise OfficerError(texts.OFFICER_ERROR_FILE_YAML.format(path=path, error=exc)) from exc
    except OSError as exc:
        raise OfficerError(
            texts.OFFICER_ERROR_FILE_READ.format(path=path, error=exc.strerror or exc)
        ) from exc
    return parse_officers(document, units)


def import_officers(repository: OfficerSink, units: Iterable[Unit], path: Path) -> int:
    """Validate the whole file against ``units``, then save every officer; returns how many."""
    officers = load_officers_file(path, units)
    for officer in officers:
        repository.save(officer)
    return len(officers)
