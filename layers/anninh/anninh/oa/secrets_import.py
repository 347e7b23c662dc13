"""``anninh oa import``: each OA's secret key into SSM and its id onto its unit, every row checked first.

All or nothing: the rows are checked against the unit tree and each other before anything is written
(unknown unit, malformed id, an OA id twice, an OA id already on another unit, a unit that already has
another OA). A secret key never appears in a problem, a plan or a log: problems name the row and the
column, never the value (a swapped column must not print a key either).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from anninh.units.ports import UnitRepository
from anninh.units.tree import OA_ID, UNIT_ID, UnitTree

COLUMNS = ("oa_id", "unit_id", "oa_secret_key")
# Zalo shows the OA secret key as a short run of letters and digits; anything with spaces or control
# characters is a copy-paste accident.
SECRET_KEY = re.compile(r"^[\x21-\x7e]{8,128}$")
NEW, CHANGED, UNCHANGED = "new", "changed", "unchanged"


@dataclass(frozen=True)
class SecretRow:
    row: int  # the line in the file (the header is line 1)
    oa_id: str
    unit_id: str
    secret: str = field(repr=False)


@dataclass(frozen=True)
class PlannedRow:
    row: int
    oa_id: str
    unit_id: str
    secret: str  # NEW | CHANGED | UNCHANGED: what happens to the stored key, never the key
    binds_unit: bool  # the unit gets this oa_id (it had none)


class OaSecretStore(Protocol):
    def current(self) -> dict[str, str]:
        """Every OA secret key stored under the stack's prefix, by OA id."""

    def present(self) -> set[str]:
        """The OA ids that have a secret key (without reading the keys)."""

    def put(self, oa_id: str, secret: str) -> None: ...


class ImportRefused(ValueError):
    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = list(problems)


def check_rows(rows: Sequence[SecretRow], tree: UnitTree, current: dict[str, str]) -> list[PlannedRow]:
    """The plan for ``rows``, or :class:`ImportRefused` listing every problem."""
    problems: list[str] = []
    seen_oa: dict[str, int] = {}
    seen_unit: dict[str, int] = {}
    owner = {u.oa_id: u.unit_id for u in tree if u.oa_id}
    plan: list[PlannedRow] = []
    if not rows:
        problems.append("the file has no rows")
    for r in rows:
        where = f"row {r.row}"
        bad = False
        if not OA_ID.match(r.oa_id):
            problems.append(f"{where}: oa_id must be a string of digits")
            bad = True
        if not UNIT_ID.match(r.unit_id):
            problems.append(f"{where}: unit_id is malformed (lowercase letters, digits and '-')")
            bad = True
        if not SECRET_KEY.match(r.secret):
            problems.append(f"{where}: oa_secret_key is empty or malformed (8–128 visible characters)")
            bad = True
        if bad:
            continue
        if r.oa_id in seen_oa:
            problems.append(f"{where}: oa_id {r.oa_id} is already on row {seen_oa[r.oa_id]}")
            continue
        if r.unit_id in seen_unit:
            problems.append(f"{where}: unit {r.unit_id} is already on row {seen_unit[r.unit_id]}")
            continue
        seen_oa[r.oa_id], seen_unit[r.unit_id] = r.row, r.row
        unit = tree.get(r.unit_id)
        if unit is None:
            problems.append(f"{where}: unit {r.unit_id} is not in the unit tree")
            continue
        if owner.get(r.oa_id, r.unit_id) != r.unit_id:
            problems.append(f"{where}: oa_id {r.oa_id} already belongs to unit {owner[r.oa_id]}")
            continue
        if unit.oa_id and unit.oa_id != r.oa_id:
            problems.append(
                f"{where}: unit {r.unit_id} already has OA {unit.oa_id}; change it in the units file first"
            )
            continue
        stored = current.get(r.oa_id)
        action = NEW if stored is None else UNCHANGED if stored == r.secret else CHANGED
        plan.append(PlannedRow(r.row, r.oa_id, r.unit_id, action, binds_unit=not unit.oa_id))
    if problems:
        raise ImportRefused(problems)
    return plan


def import_secrets(
    rows: Sequence[SecretRow], units: UnitRepository, store: OaSecretStore, *, dry_run: bool
) -> list[PlannedRow]:
    """Check every row, then (unless ``dry_run``) write the keys that changed and bind the units."""
    tree = UnitTree(units.all())
    plan = check_rows(rows, tree, store.current())
    if dry_run:
        return plan
    bound = [
        replace(unit, oa_id=p.oa_id)
        for p in plan
        if p.binds_unit and (unit := tree.get(p.unit_id)) is not None
    ]
    if bound:  # the tree with the new OA ids must still be valid, before anything is written
        rebound = {b.unit_id for b in bound}
        try:
            UnitTree.validated([*(u for u in tree if u.unit_id not in rebound), *bound])
        except ValueError as exc:
            raise ImportRefused([str(exc)]) from exc
    by_row = {r.row: r for r in rows}
    for planned in plan:
        if planned.secret != UNCHANGED:
            store.put(planned.oa_id, by_row[planned.row].secret)
    if bound:
        units.save_all(bound)
    return plan


def rows_from_records(records: Iterable[dict[str, str]], first_row: int = 2) -> list[SecretRow]:
    return [
        SecretRow(
            row=index,
            oa_id=str(record.get("oa_id") or "").strip(),
            unit_id=str(record.get("unit_id") or "").strip(),
            secret=str(record.get("oa_secret_key") or "").strip(),
        )
        for index, record in enumerate(records, start=first_row)
    ]
