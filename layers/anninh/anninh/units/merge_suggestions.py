"""Which communes of the unit registry the 2025 reorganisation merged into which: suggestions the admin
confirms (``anninh units merge --suggest``), never merged without them.

The conversion table is the ``vietnam-provinces`` package's (the official table of old and new wards
effective 1 July 2025, with "partly merged" marks), already the source of ``anninh units init``; it is
GPL-3.0 and a dev requirement, so this module runs on the admin's machine only, never in Lambda.
``vietnamadminunits`` (MIT) converts whole addresses and needs shapely and geopy: the ward-to-ward table is
all a merger needs (README "Units merged or renamed").

A registry unit is read by its ``code`` when that is an official (numeric) code: a current ward's with the
same name, or an old ward's with the same name; without one, by its name (without "Công an") when exactly
one old (or current) ward in the country has it. Anything less certain is not suggested.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

POLICE = "cong an "


def _fold(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text).strip().lower()


def division_name(unit_name: str) -> str:
    """ "Công an xã Tân Hải" → "xa tan hai" (folded)."""
    folded = _fold(unit_name)
    return folded[len(POLICE) :] if folded.startswith(POLICE) else folded


@dataclass(frozen=True)
class Suggestion:
    from_id: str
    from_name: str
    new_name: str  # the 2025 ward the old one became (part of)
    into_id: str | None  # the registry unit standing for that ward; None: none yet (rename instead)
    partly: bool = False  # only part of the old ward went there


class Divisions:
    """The package's tables, behind the few questions asked here (a fake in unit tests)."""

    def __init__(self) -> None:
        from vietnam_provinces import Ward
        from vietnam_provinces._ward_conversion_2025 import OLD_TO_NEW
        from vietnam_provinces.legacy import Ward as LegacyWard

        self._ward, self._legacy, self._old_to_new = Ward, LegacyWard, OLD_TO_NEW
        self._new_by_code = {int(w.code.value): w for w in Ward.iter_all()}
        self._old_by_code = {int(w.code.value): w for w in LegacyWard.iter_all()}

    def new_name(self, code: int) -> str | None:
        ward = self._new_by_code.get(code)
        return ward.name if ward else None

    def new_province(self, code: int) -> int | None:
        ward = self._new_by_code.get(code)
        return int(ward.province_code.value) if ward else None

    def old_name(self, code: int) -> str | None:
        ward = self._old_by_code.get(code)
        return ward.name if ward else None

    def old_codes_named(self, folded_name: str) -> list[int]:
        return [code for code, ward in self._old_by_code.items() if _fold(ward.name) == folded_name]

    def new_codes_named(self, folded_name: str) -> list[int]:
        return [code for code, ward in self._new_by_code.items() if _fold(ward.name) == folded_name]

    def successors(self, old_code: int) -> tuple[list[int], bool]:
        """The new wards an old ward went to, and whether it was split (partly merged)."""
        entry = self._old_to_new.get(old_code)
        if entry is None:
            return [], False
        return [int(n.code) for n in entry.new_wards], bool(entry.old_ward.is_partly_merged)


def _numeric(code: Any) -> int | None:
    text = str(code or "").strip()
    return int(text) if text.isdigit() else None


def suggest(units: Iterable[Mapping[str, Any]], divisions: Any) -> list[Suggestion]:
    """Suggestions for the registry ``units`` (dicts as ``GET /admin/units`` lists them)."""
    live = [u for u in units if not u.get("merged_into")]
    communes = [u for u in live if u.get("level") == "commune"]
    # Which registry unit stands for each current ward (by code, else by exact name).
    standing: dict[int, str] = {}
    for unit in communes:
        name = division_name(unit["name"])
        code = _numeric(unit.get("code"))
        if code is not None:  # an official code decides alone (names repeat across provinces)
            if divisions.new_name(code) and _fold(divisions.new_name(code)) == name:
                standing.setdefault(code, unit["unit_id"])
            continue
        named = divisions.new_codes_named(name)
        if len(named) == 1:
            standing.setdefault(named[0], unit["unit_id"])
    suggestions: list[Suggestion] = []
    for unit in communes:
        name = division_name(unit["name"])
        code = _numeric(unit.get("code"))
        if unit["unit_id"] in standing.values():
            continue  # already stands for a current ward
        if code is not None:
            same = divisions.old_name(code) and _fold(divisions.old_name(code)) == name
            old_codes = [code] if same else []
        else:
            old_codes = divisions.old_codes_named(name)
        if len(old_codes) != 1:
            continue  # unknown, or a name several old wards share: nothing certain to suggest
        new_codes, partly = divisions.successors(old_codes[0])
        for new_code in new_codes:
            into = standing.get(new_code)
            suggestions.append(
                Suggestion(
                    from_id=unit["unit_id"],
                    from_name=unit["name"],
                    new_name=divisions.new_name(new_code) or str(new_code),
                    into_id=into,
                    partly=partly or len(new_codes) > 1,
                )
            )
    return suggestions
