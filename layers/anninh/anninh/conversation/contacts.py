"""The Liên hệ answer: the unit's hotline, address, hours and contact points, its parent and children."""

from __future__ import annotations

from anninh import texts
from anninh.messaging.replies import Button, ButtonsReply, Reply, TextReply
from anninh.units.model import Unit
from anninh.units.tree import UnitTree

ZALO_TEXT_LIMIT = 2000


def _or_missing(value: str | None) -> str:
    return value or texts.NOT_AVAILABLE


def contact_text(unit: Unit, tree: UnitTree) -> str:
    lines = [
        texts.CONTACT_HEADER.format(unit_name=unit.name),
        texts.CONTACT_HOTLINE.format(hotline=_or_missing(unit.hotline)),
        texts.CONTACT_ADDRESS.format(address=_or_missing(unit.address)),
        texts.CONTACT_HOURS.format(office_hours=_or_missing(unit.office_hours)),
    ]
    for contact in unit.contacts:
        details = ", ".join(p for p in (contact.phone, contact.address, contact.note) if p)
        lines.append(texts.CONTACT_EXTRA.format(label=contact.label, details=details or texts.NOT_AVAILABLE))
    children = tree.children(unit.unit_id)
    if children:
        lines.append("")
        lines.append(texts.CONTACT_CHILDREN_HEADER)
        for child in children:
            address = f" – {child.address}" if child.address else ""
            lines.append(
                texts.CONTACT_CHILD.format(
                    name=child.name, hotline=_or_missing(child.hotline), address=address
                )
            )
    parents = tree.ancestors(unit.unit_id)
    if parents:
        lines.append("")
        lines.append(
            texts.CONTACT_PARENT.format(name=parents[0].name, hotline=_or_missing(parents[0].hotline))
        )
    lines.append("")
    lines.append(texts.EMERGENCY_NUMBERS)
    return "\n".join(lines)


def contact_replies(unit: Unit, tree: UnitTree) -> list[Reply]:
    replies: list[Reply] = [TextReply(contact_text(unit, tree))]
    if unit.hotline:
        phone = "".join(ch for ch in unit.hotline if ch.isdigit())
        replies.append(
            ButtonsReply(
                text=texts.CONTACT_HEADER.format(unit_name=unit.name),
                buttons=(
                    Button(title=texts.CALL_HOTLINE_BUTTON, value=phone, kind="phone"),
                    Button(title=texts.BACK_TO_MENU_BUTTON, value="MENU:HOME"),
                ),
            )
        )
    return replies
