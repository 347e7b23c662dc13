"""Load a content file (infra/seed/content.yaml) and publish it through a content writer.

The whole file is validated (units exist, every item parses) before anything is written. Seed files may
write dates as "today", "today+N" or "today-N" (Vietnam calendar), resolved when the file is loaded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Protocol

import yaml

from anninh.content.model import DATE_FIELDS, ContentError, ContentItem, parse_item

SECTIONS = {"news": "news", "wanted": "wanted", "ward_officers": "ward_officer", "patrols": "patrol"}
_RELATIVE = re.compile(r"^today(?:([+-])(\d{1,3}))?$")


class ContentWriter(Protocol):
    def put_item(self, item: ContentItem) -> None: ...


def resolve_date(value: Any, today: date) -> Any:
    if not isinstance(value, str):
        return value
    match = _RELATIVE.match(value.strip())
    if not match:
        return value
    days = int(match.group(2) or 0) * (-1 if match.group(1) == "-" else 1)
    return (today + timedelta(days=days)).isoformat()


def load_content_file(path: Path, unit_ids: Iterable[str], today: date) -> list[ContentItem]:
    document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    units = document.get("units") if isinstance(document, dict) else None
    if not isinstance(units, dict):
        raise ContentError(f"{path}: expected a mapping 'units: {{unit_id: {{news: [...], ...}}}}'")
    known = set(unit_ids)
    items: list[ContentItem] = []
    seen: set[tuple[str, str, str]] = set()
    for unit_id, sections in units.items():
        if unit_id not in known:
            raise ContentError(f"{path}: unknown unit {unit_id!r}")
        if not isinstance(sections, dict):
            raise ContentError(f"{path}: {unit_id} must map sections to lists")
        for section, entries in sections.items():
            kind = SECTIONS.get(section)
            if kind is None:
                raise ContentError(f"{path}: {unit_id}: unknown section {section!r} ({', '.join(SECTIONS)})")
            for entry in entries or []:
                if not isinstance(entry, dict) or not entry.get("id"):
                    raise ContentError(f"{path}: {unit_id}.{section}: every item needs an id")
                data = {
                    k: resolve_date(v, today) if k in DATE_FIELDS else v
                    for k, v in entry.items()
                    if k != "id"
                }
                try:
                    item = parse_item(str(unit_id), kind, str(entry["id"]), data)
                except ContentError as exc:
                    raise ContentError(f"{path}: {unit_id}.{section}.{entry['id']}: {exc}") from exc
                key = (item.unit_id, item.kind, item.item_id)
                if key in seen:
                    raise ContentError(f"{path}: {unit_id}.{section}: duplicate id {item.item_id!r}")
                seen.add(key)
                items.append(item)
    return items


def import_content(writer: ContentWriter, items: Iterable[ContentItem]) -> int:
    count = 0
    for item in items:
        writer.put_item(item)
        count += 1
    return count
