"""The main menu: its sections, the words and numbers that reach them, and the welcome."""

from __future__ import annotations

import unicodedata
from enum import Enum

from anninh import texts
from anninh.messaging.replies import Button, ButtonsReply, TextReply
from anninh.units.model import Unit


class Section(Enum):
    HOME = "MENU:HOME"
    NEWS = "MENU:NEWS"
    REPORT = "MENU:REPORT"
    PROCEDURES = "MENU:PROCEDURES"
    CONTACT = "MENU:CONTACT"
    PATROL = "MENU:PATROL"


ORDERED = (Section.NEWS, Section.REPORT, Section.PROCEDURES, Section.CONTACT, Section.PATROL)
TITLES = {
    Section.NEWS: texts.SECTION_NEWS,
    Section.REPORT: texts.SECTION_REPORT,
    Section.PROCEDURES: texts.SECTION_PROCEDURES,
    Section.CONTACT: texts.SECTION_CONTACT,
    Section.PATROL: texts.SECTION_PATROL,
}

MAX_TYPED_SECTION_WORDS = 3  # longer messages are questions or reports, never a section's name
# Whole messages (diacritics folded, lower case) that open the main menu or a section.
HOME_WORDS = frozenset(
    {
        "menu",
        "xin chao",
        "chao",
        "chao ban",
        "hello",
        "hi",
        "alo",
        "bat dau",
        "start",
        "trang chu",
        "quay lai",
        "0",
        "help",
        "tro giup",
        "giup toi",
        "danh muc",
        "chao ad",
        "chao admin",
    }
)
SECTION_WORDS: dict[Section, frozenset[str]] = {
    Section.NEWS: frozenset({"tin tuc", "tin moi", "thong bao", "canh bao"}),
    Section.REPORT: frozenset({"gui tin bao", "to giac", "bao tin", "phan anh", "tin bao", "trinh bao"}),
    Section.PROCEDURES: frozenset({"thu tuc", "thu tuc hanh chinh", "hoi thu tuc", "dich vu cong"}),
    Section.CONTACT: frozenset(
        {"lien he", "hotline", "so dien thoai", "sdt", "dia chi", "duong day nong", "so dt"}
    ),
    Section.PATROL: frozenset({"lich tuan tra", "tuan tra", "lich truc"}),
}


def fold(text: str) -> str:
    """Lower case, no diacritics (đ → d), single spaces, no trailing punctuation: for menu words only."""
    text = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return " ".join(text.strip(" .,!?;:…").split())


def section_for(text: str) -> Section | None:
    """The section a message asks for: a button payload, a number, or one of the section words."""
    stripped = text.strip()
    for section in Section:
        if stripped == section.value:
            return section
    folded = fold(stripped)
    if folded in HOME_WORDS:
        return Section.HOME
    if folded.isdigit() and 1 <= int(folded) <= len(ORDERED):
        return ORDERED[int(folded) - 1]
    for section, words in SECTION_WORDS.items():
        if folded in words:
            return section
    if len(folded.split()) <= MAX_TYPED_SECTION_WORDS:
        # A section's name or a clear part of it, typed ("lich tuan tra", "tuần tra", "lh").
        from anninh.conversation.choices import Option, choose

        options = [Option(s.value, TITLES[s]) for s in ORDERED]
        chosen = choose(stripped, options, numbers=False, contained=False)
        if chosen is not None:
            return Section(chosen)
    return None


def main_menu(unit: Unit) -> ButtonsReply:
    return ButtonsReply(
        title=texts.MENU_TITLE.format(unit_name=unit.name),
        text=texts.MENU_PROMPT,
        buttons=tuple(Button(title=TITLES[s], value=s.value) for s in ORDERED),
    )


def welcome(unit: Unit) -> list[TextReply | ButtonsReply]:
    return [TextReply(texts.WELCOME.format(unit_name=unit.name)), main_menu(unit)]
