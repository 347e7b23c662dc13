"""Load units from a YAML file, validate the whole tree, then save: all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from anninh.units.model import Centre, Contact, Unit
from anninh.units.ports import UnitRepository
from anninh.units.tree import UnitTree, UnitTreeError

FIELDS = {
    "unit_id",
    "name",
    "level",
    "parent_id",
    "oa_id",
    "hotline",
    "address",
    "office_hours",
    "code",
    "contacts",
    "places",
    "centre",
}
CONTACT_FIELDS = {"label", "phone", "address", "note"}


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return str(value).strip() or None


def parse_units(document: Any) -> list[Unit]:
    """Turn the YAML document into units; raise UnitTreeError naming every bad entry."""
    if not isinstance(document, dict) or not isinstance(document.get("units"), list):
        raise UnitTreeError("the file must be a mapping with a 'units' list")
    units: list[Unit] = []
    problems: list[str] = []
    for index, raw in enumerate(document["units"], start=1):
        if not isinstance(raw, dict):
            problems.append(f"entry {index}: must be a mapping")
            continue
        unknown = set(raw) - FIELDS
        if unknown:
            problems.append(f"entry {index}: unknown fields {sorted(unknown)}")
        missing = [f for f in ("unit_id", "name", "level") if not _text(raw.get(f))]
        if missing:
            problems.append(f"entry {index}: missing {', '.join(missing)}")
            continue
        contacts: list[Contact] = []
        for c_index, contact in enumerate(raw.get("contacts") or [], start=1):
            if not isinstance(contact, dict) or not _text(contact.get("label")):
                problems.append(f"{raw['unit_id']}: contact {c_index} needs a label")
                continue
            if set(contact) - CONTACT_FIELDS:
                problems.append(f"{raw['unit_id']}: contact {c_index} has unknown fields")
                continue
            contacts.append(Contact(**{k: _text(v) for k, v in contact.items()}))  # type: ignore[arg-type]
        places, centre = _places(raw, problems)
        units.append(
            Unit(
                unit_id=str(raw["unit_id"]).strip(),
                name=str(raw["name"]).strip(),
                level=str(raw["level"]).strip(),
                parent_id=_text(raw.get("parent_id")),
                oa_id=_text(raw.get("oa_id")),
                hotline=_text(raw.get("hotline")),
                address=_text(raw.get("address")),
                office_hours=_text(raw.get("office_hours")),
                code=_text(raw.get("code")),
                contacts=tuple(contacts),
                places=places,
                centre=centre,
            )
        )
    if problems:
        raise UnitTreeError("; ".join(problems))
    return units


def _places(raw: dict[str, Any], problems: list[str]) -> tuple[tuple[str, ...], Centre | None]:
    """A commune's other names (a list of text) and centre (``lat``, ``lon``, ``area_km2``)."""
    places = raw.get("places") or []
    if not isinstance(places, list) or not all(isinstance(p, str) and p.strip() for p in places):
        problems.append(f"{raw['unit_id']}: places must be a list of names")
        places = []
    centre = raw.get("centre")
    if centre is None:
        return tuple(p.strip() for p in places), None
    try:
        lat, lon, area = float(centre["lat"]), float(centre["lon"]), float(centre.get("area_km2") or 0)
    except (TypeError, KeyError, ValueError, AttributeError):
        problems.append(f"{raw['unit_id']}: centre needs lat, lon and area_km2 as numbers")
        return tuple(p.strip() for p in places), None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and area >= 0):
        problems.append(f"{raw['unit_id']}: centre is not a point on Earth")
        return tuple(p.strip() for p in places), None
    return tuple(p.strip() for p in places), Centre(lat, lon, area)


def load_units_file(path: Path) -> list[Unit]:
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise UnitTreeError(f"{path}: not valid YAML ({exc})") from exc
    return list(UnitTree.validated(parse_units(document)))


def import_units(repository: UnitRepository, path: Path) -> int:
    """Validate every unit of the file against the whole tree, then save them; returns the count."""
    units = load_units_file(path)
    return repository.save_all(units)
