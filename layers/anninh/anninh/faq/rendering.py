"""Render an answer with a unit's own place, hours and hotline, within Zalo's 2,000-character limit."""

from __future__ import annotations

from anninh import texts
from anninh.faq.knowledge_base import MAX_ANSWER, UnitOverride


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
