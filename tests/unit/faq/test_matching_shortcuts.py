"""Shortcuts on the FAQ matcher's hot path give what the long way gives (they only skip work)."""

from __future__ import annotations

import itertools

import pytest
from anninh.faq import normalize
from anninh.faq.abbreviations import PHRASES
from anninh.faq.engine import FaqEngine
from anninh.faq.matcher import Index, _in_known_pairs
from anninh.faq.normalize import _phrase_sizes, tokenize

QUESTIONS = [
    "cccd bi mat lam lai o dau",
    "làm lại căn cước công dân bị mất ở đâu ạ",
    "cách chữa mất ngủ",
    "làm sao hết ho nhanh",
    "đăng ký tạm trú online thế nào",
    "xin chao ad, cho e hoi ve ho chieu",
    "tố giác xong bao lâu thì có kết quả",
]


def test_every_phrase_is_still_tried_where_it_starts() -> None:
    for key in PHRASES:
        words = key.split()
        assert len(words) in _phrase_sizes(words, 0), key
        assert len(words) in _phrase_sizes(["x", *words], 1), key


def test_no_phrase_is_tried_where_none_starts() -> None:
    assert list(_phrase_sizes(["zzz", "yyy", "xxx"], 0)) == []


def test_cached_word_folding_gives_the_uncached_result() -> None:
    for word in ["Được", "ký", "kí", "hoà", "hòa", "đăng", "xyz", "căn", "cước", "ĐĂNG"]:
        assert normalize.fold(word) == normalize.fold.__wrapped__(word)
        assert normalize.accent_key(word) == normalize.accent_key.__wrapped__(word)


@pytest.fixture(scope="module")
def index() -> Index:
    return FaqEngine.load()._index


@pytest.mark.parametrize("question", QUESTIONS)
def test_known_pair_words_are_the_words_of_the_known_pairs(index: Index, question: str) -> None:
    tokens = tokenize(question)
    present = {f"{a.folded} {b.folded}" for a, b in itertools.pairwise(tokens)}
    paired = _in_known_pairs(present, index)
    for term in {t.folded for t in tokens} | {"ho", "chua", "zzz"}:
        long_way = any(term in pair.split() and pair in index.postings for pair in present)
        assert (term in paired) is long_way, (question, term)


def test_known_pair_words_are_found_in_a_known_question(index: Index) -> None:
    tokens = tokenize("đăng ký tạm trú online thế nào")
    present = {f"{a.folded} {b.folded}" for a, b in itertools.pairwise(tokens)}
    assert {"tam", "tru"} <= _in_known_pairs(present, index)
