"""What a person types to pick from a list the bot showed: its number, its name or a clear part of it.

One helper for every list (menu, categories, privacy, confirmation, resume, feedback): any case, with or
without diacritics, an abbreviation ("bm" for "Bảo mật", "an danh"), a label inside a short sentence
("tôi chọn ẩn danh"). A part that fits several options picks none: the caller asks again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from anninh.conversation.menu import fold

MAX_CONTAINING_WORDS = 6  # "cho em chọn cái ẩn danh nhé" still is a choice; a paragraph is not
MIN_PART = 3
VOWELS = frozenset("aeiouy")  # shortest typed part of a label that may pick it ("tro" → "Trộm cắp")
NEGATIONS = frozenset({"khong", "ko", "k", "kh", "hok", "hong", "dung", "chang", "cha"})
_LEADING_NUMBER = re.compile(r"^(\d{1,2})\s*[.)/:-]?\s*(.*)$")


@dataclass(frozen=True)
class Option:
    """One listed choice: what the caller gets back, the label shown, and other words that mean it."""

    key: str
    label: str
    aliases: tuple[str, ...] = ()

    def names(self) -> list[str]:
        return [fold(name) for name in (self.label, *self.aliases) if fold(name)]


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word and word[0].isalpha())


def _unique(found: set[str]) -> str | None:
    return next(iter(found)) if len(found) == 1 else None


def choose(
    text: str, options: Sequence[Option], *, numbers: bool = True, contained: bool = True
) -> str | None:
    """The key of the option ``text`` picks, or None when it picks none (or several).

    ``numbers``: "2" picks the second option. ``contained``: a short sentence naming exactly one label
    picks it (off for lists whose words also start questions, such as the main menu).
    """
    folded = fold(text)
    if not folded or not options:
        return None
    numbered = _LEADING_NUMBER.match(folded)
    if numbers and numbered:
        index = int(numbered.group(1))
        rest = numbered.group(2)
        if 1 <= index <= len(options):
            named = choose(rest, options, numbers=False) if rest else None
            if named in (None, options[index - 1].key):  # "1", "1. Ẩn danh"; not "1 công khai"
                return options[index - 1].key
        return None
    # 1. the whole name or an alias
    found = {o.key for o in options if folded in o.names()}
    if found:
        return _unique(found)
    compact = folded.replace(" ", "")
    # 2. initials ("bm", "ck": consonants only, so that a word such as "an" is not read as initials) or the
    #    name typed without spaces ("andanh")
    if len(compact) >= 2 and (not VOWELS & set(compact) or len(compact) > MIN_PART + 2):
        found = {
            o.key
            for o in options
            for name in o.names()
            if compact in (_initials(name), _initials(" ".join(name.split()[:2])), name.replace(" ", ""))
        }
        if found:
            return _unique(found)
    # 3. a clear part: the typed words begin a name, or are whole words inside it
    if len(compact) >= MIN_PART:
        found = {
            o.key
            for o in options
            for name in o.names()
            if name.startswith(folded) or f" {folded} " in f" {name} "
        }
        if found:
            return _unique(found)
    # 4. a short sentence that names exactly one option ("tôi chọn ẩn danh"), unless it says "không"
    words = folded.split()
    if contained and len(words) <= MAX_CONTAINING_WORDS and not NEGATIONS & set(words):
        found = {
            o.key
            for o in options
            for name in o.names()
            if len(name) >= MIN_PART and f" {name} " in f" {folded} "
        }
        return _unique(found)
    return None
