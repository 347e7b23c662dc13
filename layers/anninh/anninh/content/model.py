"""Content items of a unit, validated from plain mappings (YAML seed, admin API bodies).

Kinds: ``news`` (title, summary, date, link, image), ``wanted`` (a wanted-person notice: name, summary,
date, image, link), ``ward_officer`` (the officer in charge of a village or ward: ward, officer, phone,
note) and ``patrol`` (start and end dates, route, hours). Dates are Vietnam calendar dates.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

VIETNAM = timezone(timedelta(hours=7), "ICT")
KINDS = ("news", "wanted", "ward_officer", "patrol")
ITEM_ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,62}$"
_ITEM_ID = re.compile(ITEM_ID_PATTERN)
_HOURS = re.compile(r"^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$")
TITLE_MAX = 200
TEXT_MAX = 1000

REQUIRED: dict[str, tuple[str, ...]] = {
    "news": ("title", "summary", "date"),
    "wanted": ("name", "summary", "date"),
    "ward_officer": ("ward", "officer"),
    "patrol": ("start", "end", "route", "hours"),
}
OPTIONAL: dict[str, tuple[str, ...]] = {
    "news": ("link", "image"),
    "wanted": ("link", "image"),
    "ward_officer": ("phone", "note"),
    "patrol": ("note",),
}
DATE_FIELDS = frozenset({"date", "start", "end"})
URL_FIELDS = frozenset({"link", "image"})


class ContentError(ValueError):
    """An item that cannot be published (the message names the field)."""


def vietnam_today(now: datetime) -> date:
    return now.astimezone(VIETNAM).date()


@dataclass(frozen=True)
class ContentItem:
    """One published item; ``fields`` hold strings (dates as YYYY-MM-DD), validated by :func:`parse_item`."""

    unit_id: str
    kind: str
    item_id: str
    fields: Mapping[str, str] = field(default_factory=dict)

    def day(self, name: str) -> date:
        return date.fromisoformat(self.fields[name])

    def get(self, name: str) -> str | None:
        return self.fields.get(name) or None

    def as_json(self) -> dict[str, str]:
        return {"unit_id": self.unit_id, "kind": self.kind, "item_id": self.item_id, **self.fields}


def _text(kind: str, name: str, value: object) -> str:
    if isinstance(value, date):
        value = value.isoformat()
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise ContentError(f"{kind}.{name} must be text")
    text = " ".join(str(value).split()) if name not in ("summary", "note") else str(value).strip()
    limit = TITLE_MAX if name in ("title", "name", "ward", "officer", "phone", "hours") else TEXT_MAX
    if len(text) > limit:
        raise ContentError(f"{kind}.{name} must be at most {limit} characters")
    return text


def parse_item(unit_id: str, kind: str, item_id: str, data: Mapping[str, object]) -> ContentItem:
    """A validated item, or :class:`ContentError` naming what is wrong (unknown fields are refused)."""
    if kind not in KINDS:
        raise ContentError(f"kind must be one of {', '.join(KINDS)}, got {kind!r}")
    if not _ITEM_ID.match(item_id or ""):
        raise ContentError(f"item id must match {ITEM_ID_PATTERN}, got {item_id!r}")
    allowed = set(REQUIRED[kind]) | set(OPTIONAL[kind])
    unknown = sorted(set(data) - allowed - {"id", "kind", "unit_id", "item_id"})
    if unknown:
        raise ContentError(f"{kind}: unknown fields {', '.join(unknown)}")
    fields: dict[str, str] = {}
    for name in REQUIRED[kind] + OPTIONAL[kind]:
        value = data.get(name)
        if value is None or value == "":
            if name in REQUIRED[kind]:
                raise ContentError(f"{kind}.{name} is required")
            continue
        text = _text(kind, name, value)
        if name in DATE_FIELDS:
            try:
                date.fromisoformat(text)
            except ValueError as exc:
                raise ContentError(f"{kind}.{name} must be a date YYYY-MM-DD, got {text!r}") from exc
        if name in URL_FIELDS and not text.startswith(("https://", "http://")):
            raise ContentError(f"{kind}.{name} must be an http(s) link")
        if name == "hours" and not _HOURS.match(text.replace(" ", "")):
            raise ContentError(f"{kind}.hours must look like 19:00-23:00, got {text!r}")
        fields[name] = text.replace(" ", "") if name == "hours" else text
    if kind == "patrol" and date.fromisoformat(fields["end"]) < date.fromisoformat(fields["start"]):
        raise ContentError("patrol.end is before patrol.start")
    return ContentItem(unit_id=unit_id, kind=kind, item_id=item_id, fields=fields)
