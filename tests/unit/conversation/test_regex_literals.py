"""The literal prefilter of the classifier's tables (conversation.regex_literals): it never skips a match.

A table's alternation is searched only in a view that holds one of the strings every match of it contains;
these tests pin that the strings are right, on hand-written patterns and on every table over the tuning
corpus (a match always holds one of its table's strings, so no search the prefilter skips would have found
anything).
"""

from __future__ import annotations

import re

import pytest
from anninh.conversation import understanding
from anninh.conversation.message_model import TUNING_FILES
from anninh.conversation.regex_literals import Needles, needles, required_substrings, trigrams
from anninh.conversation.understanding import Table, Text
from anninh.conversation.understanding_eval import CORPUS_DIR, load_corpus


@pytest.mark.parametrize(
    ("pattern", "needed"),
    [
        (r"\bcứu\b", {"cứu"}),
        (r"\btin báo\b.*\b(không|chưa)\b", {"tin báo"}),  # the longer of two candidates
        (r"\b(dang|bi|bj) chay\b(?! xe)", {"dang chay", "bi chay", "bj chay"}),
        (r"(?<!tra )cứu (với|giúp)", {"cứu với", "cứu giúp"}),
        (r"\bbáo (\w+ )?công an", {"công an"}),
        (r"x[ab]y", {"xay", "xby"}),
        (r"(một|1) (ngày|hôm)", {"một ngày", "một hôm", "1 ngày", "1 hôm"}),
        (r"(?:ab)+c", {"ab"}),
        (r"a|b\w*", {"a", "b"}),
        (r"colou?r", {"color", "colour"}),
    ],
)
def test_required_substrings_of_hand_written_patterns(pattern: str, needed: set[str]) -> None:
    assert required_substrings(pattern) == needed


@pytest.mark.parametrize("pattern", [r"\w+", r"(?!)", r"a?b?", r"(?i)cứu", r"(a)\1|.", r"\d{7}", r"[^a]x?"])
def test_no_strings_when_a_pattern_can_match_without_any(pattern: str) -> None:
    assert required_substrings(pattern) is None


def test_a_string_starting_with_another_is_dropped() -> None:
    assert required_substrings(r"bị (thương|thương nặng|ngất)") == {"bị thương", "bị ngất"}


def test_needles_find_short_and_long_strings_anywhere() -> None:
    found = Needles(["?", "bị thương", "cháy"])
    for text, expected in [("ở đâu?", True), ("anh ấy bị thương", True), ("cháy", True), ("chạy bộ", False)]:
        assert found.found_in(text, trigrams(text)) is expected


def _tables() -> list[Table]:
    tables = [value for value in vars(understanding).values() if isinstance(value, Table)]
    tables += list(understanding.CATEGORY_TABLES.values())
    tables += [table for table, _ in understanding.REPORTING_ENTRIES]
    return tables


@pytest.fixture(scope="module")
def views() -> dict[str, list[str]]:
    texts = [Text.of(row.text) for name in TUNING_FILES for row in load_corpus(CORPUS_DIR / f"{name}.jsonl")]
    return {"marked": [t.marked for t in texts], "plain": [t.plain for t in texts]}


def test_every_table_alternation_gets_a_prefilter_or_says_why_not() -> None:
    searches = [rx for table in _tables() for _, rx in table.searches()]
    assert len(searches) >= 80
    filtered = [rx for rx in searches if rx.needles is not None]
    assert len(filtered) >= 0.8 * len(searches)  # the few left always search (a pattern like "(?!)")
    for rx in searches:
        assert (rx.needles is None) == (required_substrings(rx.source) is None)


def test_every_table_match_in_the_tuning_corpus_holds_one_of_its_strings(views: dict[str, list[str]]) -> None:
    """The prefilter's promise: a view without any of its strings has no match; skipping it changes nothing.

    Checked on the stretch each match covers (lookarounds consume nothing: the stretch alone must hold one).
    """
    matches = 0
    for table in _tables():
        for view_name, rx in table.searches():
            if rx.needles is None:
                continue
            for view in views[view_name]:
                match = rx.regex.search(view)
                if match is not None:
                    stretch = match.group(0)
                    assert rx.needles.found_in(stretch, trigrams(stretch)), (table.name, view)
                    matches += 1
    assert matches > 1000


def test_a_table_search_is_the_regex_of_its_source(views: dict[str, list[str]]) -> None:
    """Compiled from the tree parsed for its strings: it finds what ``re.compile`` of the text finds."""
    for table in _tables():
        for view_name, rx in table.searches():
            plain = re.compile(rx.source)
            for view in views[view_name][::7]:
                found, expected = rx.regex.search(view), plain.search(view)
                assert (found and found.span()) == (expected and expected.span()), (table.name, view)


def test_needles_is_built_from_required_substrings() -> None:
    built = needles(r"\bcứu (với|giúp)\b")
    assert built is not None and built.found_in("cứu với", trigrams("cứu với"))
    assert not built.found_in("tra cứu", trigrams("tra cứu"))
    assert needles(r"\w+") is None
    assert re.compile(r"\bcứu").search("tra cứu")  # the regex itself would still be searched without one
