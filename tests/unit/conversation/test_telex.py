"""Telex left by a keyboard switched off (anninh.conversation.telex)."""

from __future__ import annotations

import pytest
from anninh.conversation.telex import decode_slip, decode_vni_word, decode_word, looks_like_telex, untelex


@pytest.mark.parametrize(
    ("typed", "word"),
    [
        ("nhaf", "nhà"),
        ("tooi", "tôi"),
        ("dduwowcj", "được"),
        ("nguwowif", "người"),
        ("chuaw", "chưa"),
        ("quoocs", "quốc"),
        ("hoaf", "hòa"),
        ("toans", "toán"),
        ("ngoaif", "ngoài"),
        ("giaf", "già"),
        ("khachs", "khách"),
        ("ddeem", "đêm"),
    ],
)
def test_a_telex_word_is_decoded_with_its_tone_in_place(typed: str, word: str) -> None:
    assert decode_word(typed) == word


def test_a_message_is_decoded_only_when_it_reads_as_telex() -> None:
    assert untelex("nhaf tooi bij troomj xe") == "nhà tôi bị trộm xe"
    assert untelex("xe dang chay tren duong") == "xe dang chay tren duong"  # no telex words
    assert untelex("thanks ad, i want to report drugs near school") == (
        "thanks ad, i want to report drugs near school"  # two English plurals among many words
    )
    assert not looks_like_telex("nhà tôi bị trộm chays")  # diacritics: the keyboard was on
    assert not looks_like_telex("tks")


@pytest.mark.parametrize(
    ("typed", "word"),
    [
        ("ngu7o72i", "người"),
        ("ddu7o75c", "được"),
        ("to6i", "tôi"),
        ("nha2", "nhà"),
        ("ma61t", "mất"),
        ("d9e6m", "đêm"),
        ("ho2a", "hòa"),
        ("ca8m", "căm"),
        ("toan1", "toán"),
    ],
)
def test_a_vni_word_is_decoded_with_its_tone_in_place(typed: str, word: str) -> None:
    assert decode_vni_word(typed) == word


def test_a_message_is_read_as_vni_only_when_it_reads_as_vni() -> None:
    assert untelex("nha2 ha2ng xo1m ddang ca4i nhau") == "nhà hàng xóm đang cãi nhau"
    assert untelex("xe bi5 ma61t tro65m o73 cho75") == "xe bị mất trộm ở chợ"
    # tip codes, amounts and a single stray word stay as typed
    assert untelex("ba-7kq2mxr") == "ba-7kq2mxr"
    assert untelex("mat 4tr o q1") == "mat 4tr o q1"
    assert untelex("phong 302 tang3") == "phong 302 tang3"


@pytest.mark.parametrize(
    ("typed", "word"),
    [
        ("banss", "bán"),  # a tone typed twice
        ("roiff", "ròi"),
        ("casch", "cách"),  # the tone before the final consonant
        ("toiws", "tới"),  # the w after the vowel it shapes
        ("nguoiwf", "người"),
        ("damm", "dam"),  # a final consonant doubled
        ("conn", "con"),
    ],
)
def test_a_telex_slip_is_decoded_as_the_keyboard_would_take_it(typed: str, word: str) -> None:
    assert decode_slip(typed) == word


@pytest.mark.parametrize(
    "word", ["boss", "pass", "miss", "app", "most", "test", "list", "taiw", "cash", "tai"]
)
def test_a_look_alike_is_no_slip(word: str) -> None:
    assert decode_slip(word) is None


def test_slips_are_decoded_only_in_a_message_that_reads_as_telex() -> None:
    assert untelex("hangf xoms hats karaoke toiws 12h ddeem") == "hàng xóm hát karaoke tới 12h đêm"
    assert untelex("tin baos cuar tooi sao roiff") == "tin báo của tôi sao ròi"
    assert untelex("casch naauf phowr bof") == "cách nầu phở bò"
    # a doubled final consonant leaves its marks unknown: the message reads as typed without diacritics
    assert untelex("quans massage coos banss damm") == "quan massage co ban dam"
    assert untelex("conn tooi bij banj ddanhs owr truwowngf") == "con toi bi ban danh o truong"
    # the slips alone never make a message Telex
    assert untelex("banss damm conn") == "banss damm conn"
    assert untelex("boss pass app cho em") == "boss pass app cho em"
    # a stray English word in a Telex message stays
    assert untelex("nhaf tooi bij troomj, boss pass app") == "nhà tôi bị trộm, boss pass app"


def test_plain_vietnamese_words_do_not_count_against_telex() -> None:
    # four Telex words, the rest Vietnamese typed without diacritics: decoded (they stay as typed)
    assert untelex("nhaf tooi vuaw bij mat con cho o cong, nghi bon bat cho bang xe may") == (
        "nhà tôi vưa bị mat con cho o cong, nghi bon bat cho bang xe may"
    )
    # English words outnumber the ones that decode: as typed
    english = "my wife is being held in a room by her brother, he has knife and won't let her leave"
    assert untelex(english) == english


@pytest.mark.parametrize(
    "text",
    [
        "bang",
        "cos",
        "ban dam",
        "quan ban dam o dau",
        "tracuu tb7px4n giup em",
        "xe bien so 59x1-23456 bo chay",
        "goi 0912345678 giup",
        "bi lua 15tr luc 2h chieu",
        "mat gplx a1 thi lam lai ntn",
        "bang lai b2 het han",
        "thanks ad, i want to report drugs near school",
        "crush seen k rep thi nen nhan tiep k mn",
    ],
)
def test_look_alikes_stay_as_typed(text: str) -> None:
    assert untelex(text) == text


def test_vni_digits_in_a_row_and_after_the_final_consonant() -> None:
    assert decode_vni_word("to6i") == "tôi"
    assert decode_vni_word("o62n") == "ồn"
    assert decode_vni_word("ngu7ng2") == "ngừng"  # the tone after the whole word
    assert untelex("me5 to6i bi5 ngu7ng2 tim") == "mẹ tôi bị ngừng tim"
    # decoded as typed: 1 is sắc (the typist meant 2); see the README on what the tables make of it
    assert untelex("me5 to6i bi5 ngu71ng tim") == "mẹ tôi bị ngứng tim"


def test_a_slipped_telex_report_reaches_the_tables() -> None:
    from anninh.conversation.understanding import Kind, understand

    assert understand("quans massage coos banss damm").kind is Kind.REPORT
    assert understand("hangf xoms hats karaoke toiws 12h ddeem").kind is Kind.REPORT
