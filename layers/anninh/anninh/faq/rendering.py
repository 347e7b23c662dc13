"""Render an answer with a unit's own place, hours and hotline, within Zalo's 2,000-character limit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from anninh import texts
from anninh.faq.knowledge_base import MAX_ANSWER, LegalSource, Link, UnitOverride


def vietnamese_date(day: dt.date | str) -> str:
    """``2026-12-03`` → ``03/12/2026``; text that is not an ISO date is returned as it is."""
    if isinstance(day, dt.date):
        return day.strftime("%d/%m/%Y")
    try:
        return dt.date.fromisoformat(day).strftime("%d/%m/%Y")
    except ValueError:
        return day


def render_details(
    details: str,
    sources: Sequence[LegalSource],
    links: Iterable[Link | Mapping[str, str]],
    verified_on: str,
) -> str:
    """The "Xem chi tiết" message: details, the legal sources, the links, then the verification date."""
    parts = [details.strip()]
    if sources:
        lines = [texts.FAQ_DETAILS_SOURCES_HEADER]
        for s in sources:
            line = f"- {s.doc}, {s.article}" if s.article else f"- {s.doc}"
            lines.append(f"{line}: {s.url}" if s.url else line)
        parts.append("\n".join(lines))
    link_lines = []
    for link in links:
        title, url = (link.title, link.url) if isinstance(link, Link) else (link["title"], link["url"])
        link_lines.append(f"- {title}: {url}")
    if link_lines:
        parts.append("\n".join([texts.FAQ_DETAILS_LINKS_HEADER, *link_lines]))
    if verified_on:
        parts.append(texts.FAQ_DETAILS_VERIFIED.format(date=vietnamese_date(verified_on)))
    return "\n\n".join(p for p in parts if p)


def override_lines(override: UnitOverride | None) -> list[str]:
    if override is None:
        return []
    lines = []
    if override.place:
        lines.append(texts.FAQ_UNIT_PLACE.format(place=override.place))
    if override.hours:
        lines.append(texts.FAQ_UNIT_HOURS.format(hours=override.hours))
    if override.hotline:
        lines.append(texts.FAQ_UNIT_HOTLINE.format(hotline=override.hotline))
    return lines


def render(answer: str, override: UnitOverride | None, trim: bool = True, limit: int = MAX_ANSWER) -> str:
    """Answer then the unit's lines. With ``trim``, whole trailing lines of the answer are dropped (then, as a
    last resort, characters) so that the unit's lines always fit within ``limit``."""
    extra = override_lines(override)
    tail = ("\n\n" + "\n".join(extra)) if extra else ""
    text = answer + tail
    if not trim or len(text) <= limit:
        return text
    lines = answer.split("\n")
    while len(lines) > 1 and len("\n".join(lines)) + len(tail) > limit:
        lines.pop()
    body = "\n".join(lines)
    room = limit - len(tail)
    if len(body) > room:
        body = body[: max(0, room - len(texts.FAQ_TRIMMED))].rstrip() + texts.FAQ_TRIMMED
    return (body + tail)[:limit]
