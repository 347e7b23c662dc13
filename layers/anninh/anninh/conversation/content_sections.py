"""The Tin tức, Lịch tuần tra and Liên hệ (ward officers) answers from the unit's published content."""

from __future__ import annotations

from datetime import date, datetime

from anninh import texts
from anninh.content import views
from anninh.content.model import ContentItem, vietnam_today
from anninh.conversation.contacts import contact_replies
from anninh.messaging.replies import Reply, TextReply
from anninh.units.model import Unit
from anninh.units.tree import UnitTree
from anninh.zalo.client import split_text


def _day(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def _news_block(item: ContentItem, unit: Unit, tree: UnitTree) -> str:
    lines = [
        texts.NEWS_ITEM.format(
            title=item.fields["title"], date=_day(item.day("date")), summary=item.fields["summary"]
        )
    ]
    if item.get("link"):
        lines.append(texts.NEWS_LINK.format(link=item.fields["link"]))
    if item.unit_id != unit.unit_id:
        owner = tree.get(item.unit_id)
        lines.append(texts.NEWS_SOURCE.format(unit_name=owner.name if owner else item.unit_id))
    return "\n".join(lines)


def news_replies(source: views.ContentSource, unit: Unit, tree: UnitTree, now: datetime) -> list[Reply]:
    today = vietnam_today(now)
    news = views.published(source, unit, tree, "news", today)
    wanted = views.published(source, unit, tree, "wanted", today)
    if not news and not wanted:
        return [TextReply(texts.NEWS_EMPTY.format(unit_name=unit.name))]
    blocks = [texts.NEWS_HEADER.format(unit_name=unit.name)]
    blocks.extend(_news_block(item, unit, tree) for item in news)
    if wanted:
        lines = [texts.WANTED_HEADER]
        for item in wanted:
            lines.append(
                texts.WANTED_ITEM.format(
                    name=item.fields["name"], date=_day(item.day("date")), summary=item.fields["summary"]
                )
            )
        blocks.append("\n".join(lines))
    return [TextReply(part) for part in split_text("\n\n".join(blocks))]


def _period(item: ContentItem) -> str:
    start, end = item.day("start"), item.day("end")
    if start == end:
        return texts.PATROL_ONE_DAY.format(start=_day(start))
    return texts.PATROL_RANGE.format(start=_day(start), end=_day(end))


def patrol_replies(source: views.ContentSource, unit: Unit, now: datetime, hotline: str) -> list[Reply]:
    today = vietnam_today(now)
    items = views.patrols(source, unit, today)
    if not items:
        return [TextReply(texts.PATROL_EMPTY.format(unit_name=unit.name, hotline=hotline))]
    lines = [texts.PATROL_HEADER.format(unit_name=unit.name)]
    groups = (
        (texts.PATROL_TODAY, [p for p in items if p.day("start") <= today]),
        (texts.PATROL_UPCOMING, [p for p in items if p.day("start") > today]),
    )
    for title, group in groups:
        if not group:
            continue
        lines.append(f"{title}:")
        lines.extend(
            texts.PATROL_ITEM.format(period=_period(p), hours=p.fields["hours"], route=p.fields["route"])
            for p in group
        )
    return [TextReply(part) for part in split_text("\n".join(lines))]


def ward_officer_text(source: views.ContentSource, unit: Unit) -> str | None:
    officers = views.ward_officers(source, unit)
    if not officers:
        return None
    lines = [texts.WARD_OFFICERS_HEADER]
    for item in officers:
        phone = f" – {item.fields['phone']}" if item.get("phone") else ""
        lines.append(
            texts.WARD_OFFICER_LINE.format(
                ward=item.fields["ward"], officer=item.fields["officer"], phone=phone
            )
        )
    return "\n".join(lines)


def contact_with_wards(source: views.ContentSource, unit: Unit, tree: UnitTree) -> list[Reply]:
    """The unit's contacts, with its ward officers added as a second message."""
    replies = contact_replies(unit, tree)
    wards = ward_officer_text(source, unit)
    if wards:
        replies.insert(1, TextReply(wards))
    return replies
