"""`anninh oa import` checks: every row against the tree and each other, nothing written on any problem,
no secret key in any message or plan."""

from __future__ import annotations

import pytest
from anninh.oa.secrets_import import ImportRefused, SecretRow, check_rows, import_secrets
from anninh.units.model import Unit
from anninh.units.tree import UnitTree

from tests.memory_repositories import MemoryUnits

UNITS = [
    Unit("tinh", "Công an tỉnh", "province", oa_id="100"),
    Unit("xa-a", "Công an xã A", "commune", parent_id="tinh"),
    Unit("xa-b", "Công an xã B", "commune", parent_id="tinh", oa_id="300"),
]
KEY_1, KEY_2 = "KeyOne1234567890", "KeyTwo0987654321"


class MemorySecrets:
    def __init__(self, stored: dict[str, str] | None = None) -> None:
        self.stored = dict(stored or {})
        self.puts: list[str] = []

    def current(self) -> dict[str, str]:
        return dict(self.stored)

    def present(self) -> set[str]:
        return set(self.stored)

    def put(self, oa_id: str, secret: str) -> None:
        self.puts.append(oa_id)
        self.stored[oa_id] = secret


def test_good_rows_plan_new_changed_unchanged_and_binding() -> None:
    rows = [
        SecretRow(2, "200", "xa-a", KEY_1),
        SecretRow(3, "300", "xa-b", KEY_2),
        SecretRow(4, "100", "tinh", KEY_1),
    ]
    plan = check_rows(rows, UnitTree(UNITS), {"300": KEY_2, "100": "old-key-1234"})
    assert [(p.secret, p.binds_unit) for p in plan] == [
        ("new", True),
        ("unchanged", False),
        ("changed", False),
    ]
    assert KEY_1 not in repr(plan) and KEY_1 not in repr(rows)


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        (SecretRow(2, "12ab", "xa-a", KEY_1), "row 2: oa_id must be a string of digits"),
        (SecretRow(2, "200", "Xã A", KEY_1), "row 2: unit_id is malformed"),
        (SecretRow(2, "200", "xa-z", KEY_1), "row 2: unit xa-z is not in the unit tree"),
        (SecretRow(2, "200", "xa-a", "short"), "row 2: oa_secret_key is empty or malformed"),
        (SecretRow(2, "200", "xa-a", "has space inside"), "row 2: oa_secret_key is empty or malformed"),
        (SecretRow(2, "300", "xa-a", KEY_1), "row 2: oa_id 300 already belongs to unit xa-b"),
        (SecretRow(2, "999", "xa-b", KEY_1), "row 2: unit xa-b already has OA 300"),
        (SecretRow(2, KEY_1, "xa-a", KEY_1), "row 2: oa_id must be a string of digits"),  # columns swapped
    ],
)
def test_each_bad_row_is_named_without_its_values(row, problem) -> None:
    with pytest.raises(ImportRefused) as refused:
        check_rows([row], UnitTree(UNITS), {})
    assert any(p.startswith(problem) for p in refused.value.problems), refused.value.problems
    assert KEY_1 not in str(refused.value) and "has space" not in str(refused.value)


def test_duplicates_within_the_file_are_refused() -> None:
    rows = [
        SecretRow(2, "200", "xa-a", KEY_1),
        SecretRow(3, "200", "tinh", KEY_2),
        SecretRow(4, "100", "xa-a", KEY_2),
    ]
    with pytest.raises(ImportRefused) as refused:
        check_rows(rows, UnitTree(UNITS), {})
    assert refused.value.problems == [
        "row 3: oa_id 200 is already on row 2",
        "row 4: unit xa-a is already on row 2",
    ]


def test_one_bad_row_writes_nothing() -> None:
    units, secrets = MemoryUnits(UNITS), MemorySecrets()
    rows = [SecretRow(2, "200", "xa-a", KEY_1), SecretRow(3, "400", "xa-missing", KEY_2)]
    with pytest.raises(ImportRefused):
        import_secrets(rows, units, secrets, dry_run=False)
    assert secrets.puts == [] and units.get("xa-a").oa_id is None


def test_import_is_idempotent_and_dry_run_writes_nothing() -> None:
    units, secrets = MemoryUnits(UNITS), MemorySecrets()
    rows = [SecretRow(2, "200", "xa-a", KEY_1)]
    assert import_secrets(rows, units, secrets, dry_run=True)[0].secret == "new"
    assert secrets.puts == [] and units.get("xa-a").oa_id is None
    import_secrets(rows, units, secrets, dry_run=False)
    assert secrets.stored == {"200": KEY_1} and units.get("xa-a").oa_id == "200"
    again = import_secrets(rows, units, secrets, dry_run=False)
    assert again[0].secret == "unchanged" and again[0].binds_unit is False and secrets.puts == ["200"]
