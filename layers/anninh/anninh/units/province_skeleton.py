"""A province's unit tree skeleton from the official list of administrative units after the 2025 reform.

The list is the ``vietnam-provinces`` package (National Statistics Office codes, 34 provinces and 3,321
communes after 1 July 2025), a dev requirement: the skeleton is written once on the admin's machine, never
in Lambda. Every unit keeps its official code (``code``: province 2 digits, commune 5 digits); the admin
fills in ``oa_id`` and ``hotline`` and adds the departments (phòng), which the administrative list lacks.
Each commune also gets its centre and the names of the communes merged into it (:func:`commune_places`),
what tips sent to the province are routed by (anninh.units.places).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

PROVINCE_PREFIXES = ("thành phố ", "tỉnh ")


class ProvinceNotFound(LookupError):
    def __init__(self, query: str, candidates: list[str], ambiguous: bool = False) -> None:
        super().__init__(query)
        self.query = query
        self.candidates = candidates
        self.ambiguous = ambiguous


@dataclass(frozen=True)
class SkeletonUnit:
    unit_id: str
    name: str
    level: str
    parent_id: str | None
    code: str
    places: tuple[str, ...] = ()
    centre: dict[str, float] | None = None

    def as_yaml(self) -> dict[str, Any]:
        row: dict[str, Any] = {
            "unit_id": self.unit_id,
            "name": self.name,
            "level": self.level,
            "parent_id": self.parent_id,
            "code": self.code,
            "oa_id": None,
            "hotline": None,
        }
        if self.centre:
            row["centre"] = self.centre
        if self.places:
            row["places"] = list(self.places)
        return row


def _fold(text: str) -> str:
    """Lowercase ASCII without diacritics (đ → d), single spaces: for matching what an admin types."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"\s+", " ", text).strip()


def _bare(name: str) -> str:
    folded = _fold(name)
    for prefix in (_fold(p) for p in PROVINCE_PREFIXES):
        if folded.startswith(prefix):
            return folded[len(prefix) :]
    return folded


def _slug(codename: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", codename.lower()).strip("-")


def find_province(query: str) -> Any:
    """The ``vietnam_provinces.Province`` named (with or without diacritics, "Tỉnh"/"Thành phố") or coded."""
    from vietnam_provinces import Province, ProvinceCode

    provinces = list(Province.iter_all())
    text = query.strip()
    if text.isdigit():
        try:
            return Province.from_code(ProvinceCode(int(text)))
        except ValueError:
            raise ProvinceNotFound(query, [p.name for p in provinces]) from None
    wanted = _bare(text)
    exact = [p for p in provinces if _bare(p.name) == wanted]
    if len(exact) == 1:
        return exact[0]
    partial = [p for p in provinces if wanted and wanted in _bare(p.name)]
    if len(partial) == 1:
        return partial[0]
    raise ProvinceNotFound(query, [p.name for p in (partial or provinces)], ambiguous=bool(partial))


def police_name(division_name: str) -> str:
    """ "Tỉnh Lào Cai" → "Công an tỉnh Lào Cai"; "Xã Thượng Lâm" → "Công an xã Thượng Lâm"."""
    return "Công an " + division_name[:1].lower() + division_name[1:]


def province_skeleton(province: Any) -> list[SkeletonUnit]:
    """The province's police (root) and one commune-level police unit per ward, commune or special zone."""
    from vietnam_provinces import Ward

    root_id = _slug(f"ca-{province.codename}")
    units = [SkeletonUnit(root_id, police_name(province.name), "province", None, f"{int(province.code):02d}")]
    taken = {root_id}
    wards = sorted(Ward.iter_by_province(province.code), key=lambda w: _fold(w.name))
    places = commune_places(str(int(province.code)))
    for ward in wards:
        unit_id = _slug(ward.codename)
        if unit_id in taken:  # two communes with one name in a province: the official code tells them apart
            unit_id = f"{unit_id}-{int(ward.code)}"
        taken.add(unit_id)
        code = f"{int(ward.code):05d}"
        names, centre = places.get(code, ([], None))
        units.append(
            SkeletonUnit(unit_id, police_name(ward.name), "commune", root_id, code, tuple(names), centre)
        )
    return units


def commune_places(province_code: str) -> dict[str, tuple[list[str], dict[str, float]]]:
    """Per commune code of the province: the names of the communes merged into it in 2025 ("Phường A, Quận
    B", from before the reform) and its centre (``lat``, ``lon``, ``area_km2``), from the
    ``vietnamadminunits`` package (a dev requirement). What tips routed by place match
    (anninh.units.places); empty when the package is missing."""
    try:
        from vietnamadminunits.converter import converter_2025
        from vietnamadminunits.database import get_data
    except ModuleNotFoundError:
        return {}
    code = f"{int(province_code):02d}"
    fields = ["provinceCode", "provinceKey", "wardKey", "wardCode", "wardLat", "wardLon", "wardAreaKm2"]
    wards = [r for r in get_data(fields, "admin_units") if r["provinceCode"] == code]
    if not wards:
        return {}
    province_key = wards[0]["provinceKey"]
    old_provinces = set(converter_2025.DICT_PROVINCE.get(province_key, [province_key]))
    legacy = get_data(["provinceKey", "districtKey", "wardKey", "ward", "district"], "admin_units_legacy")
    old_names = {
        f"{r['provinceKey']}_{r['districtKey']}_{r['wardKey']}": f"{r['ward']}, {r['district']}"
        for r in legacy
        if r["provinceKey"] in old_provinces
    }
    merged: dict[str, list[str]] = {}
    for ward_key, old_keys in converter_2025.DICT_PROVINCE_WARD_NO_DIVIDED.get(province_key, {}).items():
        merged.setdefault(ward_key, []).extend(old_keys)
    for old_key, parts in converter_2025.DICT_PROVINCE_WARD_DIVIDED.get(province_key, {}).items():
        for part in parts:  # a commune split between several: each part keeps the old name
            merged.setdefault(part["newWardKey"], []).append(old_key)
    out: dict[str, tuple[list[str], dict[str, float]]] = {}
    for ward in wards:
        names = [old_names[key] for key in merged.get(ward["wardKey"], []) if key in old_names]
        centre = {"lat": ward["wardLat"], "lon": ward["wardLon"], "area_km2": ward["wardAreaKm2"]}
        out[f"{int(ward['wardCode']):05d}"] = (sorted(set(names)), centre)
    return out
