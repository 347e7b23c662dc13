"""Telex left by a keyboard switched off (anninh.conversation.telex)."""

from __future__ import annotations

import pytest
from anninh.conversation.telex import decode_vni_word, decode_word, looks_like_telex, untelex


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
