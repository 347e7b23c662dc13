"""The classifier's text views come from ``str.translate`` tables: the same as folding letter by letter."""

from __future__ import annotations

import unicodedata

from anninh.conversation import understanding
from anninh.conversation.understanding import Text

MASK = "ß"


def _fold_letter_by_letter(text: str) -> str:
    return "".join("d" if ch == "đ" else unicodedata.normalize("NFD", ch)[0] for ch in text)


def test_fold_table_agrees_with_folding_each_character() -> None:
    every = "".join(chr(code) for code in range(0x20, 0x3100)) + "🚓😭" + chr(0x1D400)  # cached and not
    assert every.translate(understanding._FOLD) == _fold_letter_by_letter(every)


def test_plain_view_masks_exactly_the_letters_typed_with_diacritics() -> None:
    every = "".join(chr(code) for code in range(0x20, 0x3100)) + "🚓😭"
    folded = _fold_letter_by_letter(every)
    expected = "".join(f if m == f else MASK for m, f in zip(every, folded, strict=True))
    assert every.translate(understanding._PLAIN) == expected


def test_text_of_gives_aligned_views() -> None:
    text = Text.of("Nhà  tôi bị TRỘM xe đạp rồi ad ơiiii")
    assert text.marked == "nhà tôi bị trộm xe đạp rồi ad ơi"
    assert text.folded == "nha toi bi trom xe dap roi ad oi"
    assert text.plain == "nhß tßi bß trßm xe đßp rßi ad ßi".replace("đ", MASK)
    assert len(text.marked) == len(text.folded) == len(text.plain)


def test_abbreviations_are_spelled_with_diacritics_only_when_the_message_has_some() -> None:
    assert Text.of("ko thấy ai").marked == "không thấy ai"
    assert Text.of("ko thay ai").marked == "khong thay ai"
