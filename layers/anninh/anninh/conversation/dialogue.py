"""Decide the answer to a citizen's message from the unit, the conversation state and the text.

Pure: no I/O. The conversation service loads the state, calls :func:`respond`, sends the replies and
saves the new state.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from anninh import texts
from anninh.content.views import ContentSource
from anninh.conversation import content_sections, menu
from anninh.conversation.choices import Option, choose
from anninh.conversation.contacts import contact_replies
from anninh.conversation.menu import Section
from anninh.conversation.replies import HandOver, Turn, TurnEffects
from anninh.messaging.replies import Button, ButtonsReply, Reply, TextReply
from anninh.units.model import Unit
from anninh.units.tree import UnitTree

if TYPE_CHECKING:  # pragma: no cover
    from anninh.faq.engine import FaqEngine, FaqMatch
    from anninh.faq.knowledge_base import FaqEntry

FAQ_PREFIX = "FAQ:"
FAQ_DETAILS_PREFIX = "FAQ_DETAILS:"
MAX_BUTTONS = 5  # a Zalo list holds at most five elements
HELPFUL_PREFIX = "HELPFUL:"
ASK_OFFICER = "MENU:ASK_OFFICER"
BUTTON_TITLE_LIMIT = 100
MIN_WORDS_FOR_OFFICER = 3
REPORT_BUTTON = menu.Section.REPORT.value
THANKS = re.compile(r"\b(cam on|thanks|thank|tks)\b")
# Entries about reporting itself: their answer offers the report form first.
REPORTING_GROUP = "reporting"
REPORTING_ENTRIES = frozenset({"to-giac-toi-pham", "trinh-bao-mat-tai-san", "lua-dao-qua-mang"})
FEEDBACK_OPTIONS = (
    Option("yes", texts.FAQ_HELPFUL_YES, ("có", "hữu ích", "rõ rồi")),
    Option("no", texts.FAQ_HELPFUL_NO, ("chưa hiểu", "không hữu ích", "không rõ")),
    Option("officer", texts.FAQ_ASK_OFFICER, ("gặp cán bộ", "hỏi công an", "nói chuyện với cán bộ")),
)


def _hotline(unit: Unit, tree: UnitTree) -> str:
    if unit.hotline:
        return unit.hotline
    for parent in tree.ancestors(unit.unit_id):
        if parent.hotline:
            return parent.hotline
    return "113"


def open_section(
    section: Section,
    unit: Unit,
    tree: UnitTree,
    content: ContentSource | None = None,
    now: datetime | None = None,
) -> Turn:
    fields = {"unit_name": unit.name, "hotline": _hotline(unit, tree)}
    replies: list[Reply]
    if section is Section.HOME:
        return Turn(replies=[menu.main_menu(unit)], state="menu")
    if content is not None and section in (Section.NEWS, Section.PATROL, Section.CONTACT):
        # The unit's published content; without a content source the placeholders below.
        when = now or datetime.now(UTC)
        if section is Section.CONTACT:
            return Turn(replies=content_sections.contact_with_wards(content, unit, tree), state="menu")
        if section is Section.NEWS:
            replies = content_sections.news_replies(content, unit, tree, when)
        else:
            replies = content_sections.patrol_replies(content, unit, when, fields["hotline"])
        replies.append(TextReply(texts.MENU_FALLBACK_HINT))
        return Turn(replies=replies, state="menu")
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


def about_reporting(entry: FaqEntry) -> bool:
    return entry.id in REPORTING_ENTRIES


def faq_answer(unit: Unit, entry: FaqEntry, faq: FaqEngine) -> Turn:
    """The answer, then "was it helpful?" with "Xem chi tiết", related procedures (as many as fit) and
    "ask an officer" as buttons. An answer about reporting offers "Gửi tin báo ngay" first (in place of a
    related entry: at most five buttons)."""
    buttons = []
    if about_reporting(entry):
        buttons.append(Button(texts.FAQ_REPORT_NOW, REPORT_BUTTON))
    buttons += [
        Button(texts.FAQ_HELPFUL_YES, f"{HELPFUL_PREFIX}yes:{entry.id}"),
        Button(texts.FAQ_HELPFUL_NO, f"{HELPFUL_PREFIX}no:{entry.id}"),
        Button(texts.FAQ_DETAILS_BUTTON, f"{FAQ_DETAILS_PREFIX}{entry.id}"),
    ]
    room = max(0, MAX_BUTTONS - len(buttons) - 1)  # keep the last place for "ask an officer"
    for related_id in entry.related[:room]:
        related = faq.entry(related_id)
        buttons.append(Button(related.title[:BUTTON_TITLE_LIMIT], f"{FAQ_PREFIX}{related.id}"))
    buttons.append(Button(texts.FAQ_ASK_OFFICER, ASK_OFFICER))
    return Turn(
        replies=[
            TextReply(faq.render_answer(entry, unit.unit_id)),
            ButtonsReply(text=texts.FAQ_HELPFUL_PROMPT, buttons=tuple(buttons)),
        ],
        state="procedures",
        effects=TurnEffects(faq_answered=entry.id),
    )


def faq_details(entry: FaqEntry, faq: FaqEngine) -> Turn:
    """The second message on request: details, legal sources and the date they were checked."""
    return Turn(
        replies=[TextReply(faq.render_details(entry))],
        state="procedures",
        effects=TurnEffects(faq_details=entry.id),  # not faq_answered: the answer was already counted
    )


def ask_officer(unit: Unit, tree: UnitTree) -> Turn:
    text = texts.ASK_OFFICER_PROMPT.format(unit_name=unit.name, hotline=_hotline(unit, tree))
    return Turn(replies=[TextReply(text)], state="ask_officer")


def emergency_text(unit: Unit, tree: UnitTree, number: str, *, urgent_tip: bool) -> str:
    """The number to call first on a line of its own, then the other numbers and the unit's hotline."""
    others = ", ".join(texts.EMERGENCY_NUMBER_NAMES[n] for n in texts.EMERGENCY_NUMBER_NAMES if n != number)
    lines = [
        texts.EMERGENCY_CALL_FIRST[number],
        texts.EMERGENCY_OTHERS.format(others=others, unit_name=unit.name, hotline=_hotline(unit, tree)),
        texts.EMERGENCY_MARKED_URGENT if urgent_tip else texts.EMERGENCY_MEDICAL_ONLY,
    ]
    return "\n".join(lines)


def is_payload_or_menu(text: str) -> bool:
    """A button's hidden payload or a menu word/number: answered by :func:`respond` as it is."""
    stripped = text.strip()
    if stripped.startswith((FAQ_PREFIX, HELPFUL_PREFIX, "MENU:")):
        return True
    return menu.section_for(text) is not None


def greet(
    unit: Unit, tree: UnitTree, text: str, content: ContentSource | None = None, now: datetime | None = None
) -> Turn:
    """Hello and small talk: a short greeting and the menu; thanks: a short answer."""
    if THANKS.search(menu.fold(text)):
        return Turn(replies=[TextReply(texts.FAQ_THANKS)], state="menu")
    greeting = TextReply(texts.GREETING_REPLY.format(unit_name=unit.name))
    return Turn(replies=[greeting, menu.main_menu(unit)], state="menu")


def refuse(unit: Unit, text: str, match: FaqMatch | None) -> Turn:
    """Not a police procedure: say so; a real question (not "ok") goes to an officer, as before."""
    if len(text.split()) < MIN_WORDS_FOR_OFFICER:
        # "ok", "cảm ơn ad": not a question worth an officer's time.
        return Turn(
            replies=[TextReply(texts.FAQ_ABSTAIN), menu.main_menu(unit)],
            state="menu",
            effects=TurnEffects(faq_abstained=True),
        )
    candidate = match.candidate if match is not None else None
    # The refusal that names the question's code comes first, once the question exists (handed_over_reply).
    return Turn(
        replies=[menu.main_menu(unit)],
        state="menu",
        effects=TurnEffects(faq_abstained=True, hand_over=HandOver(abstained=True, faq_candidate=candidate)),
    )


def handed_over_reply(hand_over: HandOver, code: str, unit: Unit, tree: UnitTree) -> TextReply:
    """The reply telling the citizen their question went to the officers, with its code."""
    template = texts.FAQ_ABSTAIN_HANDED_OVER if hand_over.abstained else texts.QUESTION_HANDED_OVER
    return TextReply(template.format(code=code, unit_name=unit.name))


def respond(
    unit: Unit,
    tree: UnitTree,
    state: str,
    text: str,
    faq: FaqEngine | None = None,
    content: ContentSource | None = None,
    now: datetime | None = None,
    match: FaqMatch | None = None,
) -> Turn:
    """The answer to a text message (a typed message or a button's hidden payload).

    ``Turn.effects.feedback`` carries ("yes" | "no", entry id) when the citizen rated an answer.
    """
    stripped = text.strip()
    if stripped == ASK_OFFICER:
        return ask_officer(unit, tree)
    if stripped.startswith(HELPFUL_PREFIX):
        verdict, _, entry_id = stripped.removeprefix(HELPFUL_PREFIX).partition(":")
        helpful = verdict == "yes"
        reply = texts.FAQ_THANKS if helpful else texts.FAQ_NOT_HELPFUL
        effects = TurnEffects(feedback=(verdict, entry_id))
        return Turn(replies=[TextReply(reply)], state="menu", effects=effects)
    section = menu.section_for(text)
    if section is not None:
        return open_section(section, unit, tree, content, now)
    if state == "ask_officer":
        # The reply (with the question's code) is made by handed_over_reply once the question exists.
        return Turn(state="menu", effects=TurnEffects(hand_over=HandOver(abstained=False)))
    if state == "procedures" and len(stripped.split()) <= 4:
        # The buttons under an answer, typed: "chưa rõ", "hỏi cán bộ" (no entry id: it is not kept).
        feedback = choose(text, FEEDBACK_OPTIONS, numbers=False, contained=False)
        if feedback == "officer":
            return ask_officer(unit, tree)
        if feedback == "no":
            not_helpful: list[Reply] = [TextReply(texts.FAQ_NOT_HELPFUL)]
            return Turn(replies=not_helpful, state="menu", effects=TurnEffects(feedback=("no", "")))
    if faq is not None:
        if stripped.startswith(FAQ_DETAILS_PREFIX):
            try:
                return faq_details(faq.entry(stripped.removeprefix(FAQ_DETAILS_PREFIX)), faq)
            except KeyError:
                pass  # a stale button after the knowledge base changed: treat as a question
        if stripped.startswith(FAQ_PREFIX):
            try:
                return faq_answer(unit, faq.entry(stripped.removeprefix(FAQ_PREFIX)), faq)
            except KeyError:
                pass  # a stale button after the knowledge base changed: treat as a question
        match = match or faq.match(text)
        if match.entry is not None:
            return faq_answer(unit, match.entry, faq)
        return refuse(unit, text, match)
    return Turn(replies=[TextReply(texts.NOT_UNDERSTOOD), menu.main_menu(unit)], state="menu")


def respond_attachment(unit: Unit, tree: UnitTree, state: str, message: object) -> Turn:
    """A photo, video, file, location or sticker outside any guided step: explain and offer the menu."""
    return Turn(replies=[TextReply(texts.ATTACHMENT_OUTSIDE_FLOW), menu.main_menu(unit)], state="menu")
