"""Telex left by a keyboard switched off (anninh.conversation.telex)."""

from __future__ import annotations

import pytest
from anninh.conversation.telex import decode_word, looks_like_telex, untelex


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
