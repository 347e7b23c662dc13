"""Decide the answer to a citizen's message from the unit, the conversation state and the text.

Pure: no I/O. The conversation service loads the state, calls :func:`respond`, sends the replies and
saves the new state.
"""

from __future__ import annotations

from anninh import texts
from anninh.conversation import menu
from anninh.conversation.contacts import contact_replies
from anninh.conversation.menu import Section
from anninh.conversation.replies import Reply, TextReply, Turn
from anninh.units.model import Unit
from anninh.units.tree import UnitTree


def _hotline(unit: Unit, tree: UnitTree) -> str:
    if unit.hotline:
        return unit.hotline
    for parent in tree.ancestors(unit.unit_id):
        if parent.hotline:
            return parent.hotline
    return "113"


def open_section(section: Section, unit: Unit, tree: UnitTree) -> Turn:
    fields = {"unit_name": unit.name, "hotline": _hotline(unit, tree)}
    replies: list[Reply]
    if section is Section.HOME:
        return Turn(replies=[menu.main_menu(unit)], state="menu")
    if section is Section.CONTACT:
        return Turn(replies=contact_replies(unit, tree), state="menu")
    if section is Section.NEWS:
        replies = [TextReply(texts.NEWS_COMING.format(**fields))]
    elif section is Section.REPORT:
        replies = [TextReply(texts.REPORT_COMING.format(**fields))]
    elif section is Section.PROCEDURES:
        return Turn(replies=[TextReply(texts.PROCEDURES_PROMPT)], state="procedures")
    else:
        replies = [TextReply(texts.PATROL_COMING.format(**fields))]
    replies.append(TextReply(texts.MENU_FALLBACK_HINT))
    return Turn(replies=replies, state="menu")


def respond(unit: Unit, tree: UnitTree, state: str, text: str) -> Turn:
    """The answer to a text message (a typed message or a button's hidden payload)."""
    section = menu.section_for(text)
    if section is not None:
        return open_section(section, unit, tree)
    return Turn(replies=[TextReply(texts.NOT_UNDERSTOOD), menu.main_menu(unit)], state="menu")


def respond_attachment(unit: Unit, tree: UnitTree, state: str, message: object) -> Turn:
    """A photo, video, file, location or sticker outside any guided step: explain and offer the menu."""
    return Turn(replies=[TextReply(texts.ATTACHMENT_OUTSIDE_FLOW), menu.main_menu(unit)], state="menu")
