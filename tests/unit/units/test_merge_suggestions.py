"""`anninh units merge --suggest`: which registry communes the 2025 reorganisation merged into which."""

from __future__ import annotations

from typing import ClassVar

import pytest
from anninh.units.merge_suggestions import Suggestion, division_name, suggest


class Divisions:
    """Three old communes became one new one (Tân Hải partly, also into Xuân Phú); a fourth kept its name."""

    NEW: ClassVar[dict[int, str]] = {101: "Xã Xuân Hải", 102: "Xã Xuân Phú", 103: "Xã Bình An"}
    OLD: ClassVar[dict[int, str]] = {
        11: "Xã Tân Hải",
        12: "Xã Xuân Hải",
        13: "Xã Hải An",
        14: "Xã Bình An",
        15: "Xã Hải An",
    }
    TO_NEW: ClassVar[dict[int, tuple[list[int], bool]]] = {
        11: ([101, 102], True),
        12: ([101], False),
        13: ([101], False),
        14: ([103], False),
    }

    def new_name(self, code: int) -> str | None:
        return self.NEW.get(code)

    def old_name(self, code: int) -> str | None:
        return self.OLD.get(code)

    def old_codes_named(self, folded: str) -> list[int]:
        return [c for c, n in self.OLD.items() if division_name(n) == folded]

    def new_codes_named(self, folded: str) -> list[int]:
        return [c for c, n in self.NEW.items() if division_name(n) == folded]

    def successors(self, old_code: int) -> tuple[list[int], bool]:
        return self.TO_NEW.get(old_code, ([], False))


def commune(unit_id: str, name: str, code: str | None = None, merged_into: str | None = None) -> dict:
    return {"unit_id": unit_id, "name": name, "level": "commune", "code": code, "merged_into": merged_into}


def test_old_communes_are_suggested_into_the_unit_standing_for_their_new_commune() -> None:
    units = [
        {"unit_id": "tinh", "name": "Công an tỉnh Demo", "level": "province", "code": "TD"},
        commune("xa-xuan-hai", "Công an xã Xuân Hải", code="101"),  # the new commune (by code and name)
        commune("xa-tan-hai", "Công an xã Tân Hải", code="11"),  # an old one, by its old code
        commune("xa-hai-an", "Công an xã Hải An"),  # a name two old communes had: nothing certain
        commune("xa-binh-an", "Công an xã Bình An"),  # kept its name: it is the new commune
        commune("xa-cu", "Công an xã Xuân Hải", merged_into="xa-xuan-hai"),  # merged already: ignored
    ]
    assert suggest(units, Divisions()) == [
        Suggestion("xa-tan-hai", "Công an xã Tân Hải", "Xã Xuân Hải", "xa-xuan-hai", partly=True),
        Suggestion("xa-tan-hai", "Công an xã Tân Hải", "Xã Xuân Phú", None, partly=True),
    ]


def test_the_real_2025_table_knows_tan_hai_became_part_of_xuan_hai() -> None:
    pytest.importorskip("vietnam_provinces")
    from anninh.units.merge_suggestions import Divisions as Official

    units = [
        commune("xa-tan-hai", "Công an xã Tân Hải", code="22855"),
        commune("xa-xuan-hai", "Công an xã Xuân Hải", code="22861"),
    ]
    found = suggest(units, Official())
    assert [(s.from_id, s.into_id, s.new_name) for s in found] == [
        ("xa-tan-hai", "xa-xuan-hai", "Xã Xuân Hải")
    ]
