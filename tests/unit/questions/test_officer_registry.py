"""Shift syntax, officers bound to their unit's OA, and the all-or-nothing YAML importer."""

from __future__ import annotations

from pathlib import Path

import pytest
from anninh import texts
from anninh.officers.importer import import_officers, load_officers_file, parse_officers
from anninh.officers.model import OfficerError, Shift
from anninh.officers.registry import format_shift, officer_for_unit, parse_shift
from anninh.officers.roles import ALERT_MODES
from anninh.units.importer import load_units_file
from anninh.units.model import Unit

from tests.memory_repositories import MemoryOfficers

ROOT = Path(__file__).resolve().parents[3]
XA = Unit("xa", "Công an xã A", "commune", parent_id="tinh", oa_id="200")
PHONG = Unit("phong", "Phòng", "department", parent_id="tinh")


@pytest.mark.parametrize(
    ("text", "days", "start", "end"),
    [
        ("0-4 07:30-17:00", (0, 1, 2, 3, 4), "07:30", "17:00"),
        ("5,6 19:00-07:00", (5, 6), "19:00", "07:00"),
        (" 0-2,4 00:00 - 00:00 ", (0, 1, 2, 4), "00:00", "00:00"),
    ],
)
def test_shifts_parse_and_format_back(text, days, start, end):
    shift = parse_shift(text)
    assert shift == Shift(days=days, start=start, end=end)
    assert parse_shift(format_shift(shift)) == shift


@pytest.mark.parametrize(
    "text", ["7 07:00-08:00", "4-1 07:00-08:00", "0-4 7:30-17:00", "0-4", "0-4 25:00-01:00"]
)
def test_bad_shifts_are_refused(text):
    with pytest.raises(OfficerError):
        parse_shift(text)


def test_an_officer_takes_the_units_oa_and_needs_one():
    officer = officer_for_unit(XA, user_id=" 501 ", name=" An ", role="truc_ban")
    assert (officer.oa_id, officer.user_id, officer.name) == ("200", "501", "An")
    with pytest.raises(OfficerError) as refused:
        officer_for_unit(PHONG, user_id="501", name="An", role="truc_ban")
    assert str(refused.value) == texts.OFFICER_ERROR_UNIT_WITHOUT_OA.format(unit_id="phong")


def test_importer_names_every_bad_entry_and_writes_nothing():
    document = {
        "officers": [
            {"unit_id": "xa", "user_id": "501", "name": "A", "role": "truc_ban"},
            {"unit_id": "xa", "user_id": "501", "name": "A again", "role": "truc_ban"},
            {"unit_id": "nowhere", "user_id": "502", "name": "B", "role": "truc_ban"},
            {"unit_id": "xa", "user_id": "503", "name": "C", "role": "truc_ban", "shifts": "0-6 00:00-00:00"},
            {"unit_id": "xa", "user_id": "504", "name": "D", "role": "truc_ban", "phone": "0912"},
            {"unit_id": "xa", "user_id": "505", "name": "E", "role": "truc_ban", "alerts": "weekly"},
            "not a mapping",
        ]
    }
    with pytest.raises(OfficerError) as error:
        parse_officers(document, [XA, PHONG])
    expected = [
        texts.OFFICER_ERROR_DUPLICATE.format(index=2, user_id="501", unit_id="xa"),
        texts.OFFICER_ERROR_ENTRY.format(index=3, error=texts.UNKNOWN_UNIT.format(unit_id="nowhere")),
        texts.OFFICER_ERROR_ENTRY.format(index=4, error=texts.OFFICER_ERROR_SHIFTS_LIST),
        texts.OFFICER_ERROR_ENTRY.format(
            index=5, error=texts.OFFICER_ERROR_UNKNOWN_FIELDS.format(fields=["phone"])
        ),
        texts.OFFICER_ERROR_ENTRY.format(
            index=6, error=texts.OFFICER_ERROR_ALERTS.format(choices=", ".join(ALERT_MODES))
        ),
        texts.OFFICER_ERROR_ENTRY.format(index=7, error=texts.OFFICER_ERROR_ENTRY_SHAPE),
    ]
    assert str(error.value) == "; ".join(expected)
    with pytest.raises(OfficerError) as error:
        parse_officers({"people": []}, [XA])
    assert str(error.value) == texts.OFFICER_ERROR_FILE_SHAPE


def test_the_seed_file_is_valid_and_every_oa_unit_is_covered_around_the_clock(tmp_path):
    units = load_units_file(ROOT / "infra" / "seed" / "units.yaml")
    officers = load_officers_file(ROOT / "infra" / "seed" / "officers.yaml", units)
    assert all(o.user_id.isdigit() for o in officers)
    from datetime import UTC, datetime, timedelta

    from anninh.officers.model import on_duty

    monday = datetime(2026, 11, 23, tzinfo=UTC)
    for unit in (u for u in units if u.oa_id):
        staff = [o for o in officers if o.unit_id == unit.unit_id]
        for hour in range(0, 24 * 7, 1):
            assert on_duty(staff, monday + timedelta(hours=hour, minutes=30)), (unit.unit_id, hour)
    repository = MemoryOfficers()
    assert import_officers(repository, units, ROOT / "infra" / "seed" / "officers.yaml") == len(officers)
    broken = tmp_path / "broken.yaml"
    broken.write_text("officers: [\n", encoding="utf-8")
    with pytest.raises(OfficerError, match="YAML"):
        load_officers_file(broken, units)
