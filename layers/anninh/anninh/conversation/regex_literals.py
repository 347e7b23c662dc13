"""Literal strings a regular expression cannot match without: a cheap test before an expensive search.

``required_substrings(pattern)`` reads the pattern with the standard library's own parser and returns a set
of strings such that every match of the pattern contains at least one of them, or None when no such set is
known (a pattern that can match almost anything, a case-insensitive flag, a back reference). Where no string
of the set occurs in a text, the pattern cannot match it, so the search is skipped with the same result: the
message classifier's tables (:class:`anninh.conversation.understanding.Table`) search only the messages that
hold one of their words.

How: the parser's tree is walked once; each node gives the finite set of strings it matches exactly, when
that set is small, and the set one of which its every match contains. A sequence joins neighbouring exact
sets into longer strings (``b`` ``á`` ``o`` → ``báo``); a run broken by something inexact (``\\w+``,
``.*``) ends a candidate, and the sequence keeps its most selective candidate (the longest shortest string).
An alternation needs one of its branches' sets; an optional part or a lookaround consumes nothing.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator
from types import ModuleType
from typing import Protocol, cast

_parser: ModuleType = importlib.import_module("re._parser")  # the parser ``re.compile`` itself uses
# and the compiler it hands the parsed tree to
_compiler: ModuleType = importlib.import_module("re._compiler")

MAX_EXACT = 64  # strings kept in an exact set before it counts as "too many to know"
MAX_CLASS = 12  # characters in a class ([abc]) still worth spelling out

_Strings = frozenset[str]


class _State(Protocol):  # re._parser.State
    flags: int


class _Parsed(Protocol):  # re._parser.SubPattern: a sequence of (opcode, argument) items
    state: _State
    data: list[tuple[object, object]]


_EMPTY: _Strings = frozenset({""})


def required_substrings(pattern: str) -> frozenset[str] | None:
    """Strings one of which every match of ``pattern`` contains; None when the pattern needs none known."""
    return _required(_parser.parse(pattern))


def _required(parsed: _Parsed) -> frozenset[str] | None:
    if parsed.state.flags & (_parser.SRE_FLAG_IGNORECASE | _parser.SRE_FLAG_VERBOSE):
        return None
    _, needed = _sequence(parsed)
    return _minimal(needed) if needed is not None else None


def _minimal(strings: _Strings) -> _Strings:
    """Drop a string that starts with another of the set: the shorter one is found wherever it is."""
    kept: set[str] = set()
    for s in sorted(strings, key=len):
        if not any(s[:end] in kept for end in range(1, len(s))):
            kept.add(s)
    return frozenset(kept)


def _useful(strings: _Strings | None) -> _Strings | None:
    return strings if strings is not None and "" not in strings else None


def _better(a: _Strings | None, b: _Strings | None) -> _Strings | None:
    """The more selective of two sets (the longer shortest string, then the fewer strings)."""
    if a is None or b is None:
        return a if b is None else b
    key_a = (min(map(len, a)), -len(a))
    key_b = (min(map(len, b)), -len(b))
    return a if key_a >= key_b else b


def _join(a: _Strings, b: _Strings) -> _Strings | None:
    if len(a) * len(b) > MAX_EXACT:
        return None
    return frozenset(x + y for x in a for y in b)


def _sequence(items: _Parsed) -> tuple[_Strings | None, _Strings | None]:
    """(exact, needed) of a sequence of parsed items."""
    best: _Strings | None = None
    run: _Strings = _EMPTY  # the exact strings of the items since the last inexact one
    broken = False  # an inexact item was met: the sequence as a whole has no exact set
    for exact, needed in _items(items):
        best = _better(best, _useful(needed))
        joined = _join(run, exact) if exact is not None else None
        if joined is None:
            best = _better(best, _useful(run))
            run = exact if exact is not None else _EMPTY
            broken = True
        else:
            run = joined
    best = _better(best, _useful(run))
    return (None if broken else run), best


def _items(items: _Parsed) -> Iterator[tuple[_Strings | None, _Strings | None]]:
    """(exact, needed) of each item, a run of literal characters as one string ("b", "á", "o" → "báo")."""
    literal: list[str] = []
    for op, av in items.data:  # the parser's list itself (indexing the tree item by item is slow)
        if op is _parser.LITERAL:
            literal.append(chr(cast(int, av)))
            continue
        if literal:
            word = frozenset({"".join(literal)})
            yield word, word
            literal = []
        yield _item(op, av)
    if literal:
        word = frozenset({"".join(literal)})
        yield word, word


def _item(op: object, av: object) -> tuple[_Strings | None, _Strings | None]:
    """(exact, needed) of one item: the strings it matches exactly (when few), and one of which it needs."""
    p = _parser
    if op is p.LITERAL:
        exact = frozenset({chr(cast(int, av))})
        return exact, exact
    if op is p.IN:
        chars = _class_chars(cast(list[tuple[object, object]], av))
        return chars, chars
    if op in (p.AT, p.ASSERT, p.ASSERT_NOT):  # zero width: consumes nothing
        return _EMPTY, None
    if op is p.SUBPATTERN:
        _group, add_flags, del_flags, sub = cast(tuple[object, int, int, _Parsed], av)
        if add_flags or del_flags:
            return None, None
        return _sequence(sub)
    if op is p.ATOMIC_GROUP:
        return _sequence(cast(_Parsed, av))
    if op is p.BRANCH:
        return _branch(cast(tuple[object, list[_Parsed]], av)[1])
    if op in (p.MAX_REPEAT, p.MIN_REPEAT, p.POSSESSIVE_REPEAT):
        low, high, sub = cast(tuple[int, int, _Parsed], av)
        sub_exact, sub_needed = _sequence(sub)
        needed = sub_needed if low >= 1 else None  # an optional part needs nothing
        if high != 1 or sub_exact is None:
            return None, needed
        return (sub_exact | _EMPTY if low == 0 else sub_exact), needed
    return None, None  # any character, a negated literal, a category, a back reference: anything


def _branch(alternatives: Iterable[_Parsed]) -> tuple[_Strings | None, _Strings | None]:
    exact: _Strings | None = frozenset()
    needed: _Strings | None = frozenset()
    for alternative in alternatives:
        alt_exact, alt_needed = _sequence(alternative)
        exact = exact | alt_exact if exact is not None and alt_exact is not None else None
        if exact is not None and len(exact) > MAX_EXACT:
            exact = None
        alt_needed = _useful(alt_needed) or _useful(alt_exact)
        needed = needed | alt_needed if needed is not None and alt_needed is not None else None
    return exact, needed


def _class_chars(items: Iterable[tuple[object, object]]) -> _Strings | None:
    chars: set[str] = set()
    for op, av in items:
        if op is _parser.LITERAL:
            chars.add(chr(cast(int, av)))
        elif op is _parser.RANGE and (span := cast(tuple[int, int], av))[1] - span[0] < MAX_CLASS:
            chars.update(chr(c) for c in range(span[0], span[1] + 1))
        else:  # a negated class, a category (\w, \s), a wide range
            return None
    return frozenset(chars) if 0 < len(chars) <= MAX_CLASS else None


GRAM = 3  # needles are looked up by their first three characters


def trigrams(text: str) -> frozenset[str]:
    """Every stretch of ``GRAM`` characters of ``text`` (what :meth:`Needles.found_in` looks up)."""
    return frozenset(text[i : i + GRAM] for i in range(len(text) - GRAM + 1))


class Needles:
    """Does a text hold one of these strings? A set lookup by their first three characters, then ``in``."""

    __slots__ = ("_by_gram", "_keys", "_short")

    def __init__(self, strings: Iterable[str]) -> None:
        by_gram: dict[str, list[str]] = {}
        short: list[str] = []
        for s in sorted(strings):
            if len(s) < GRAM:
                short.append(s)
            else:
                by_gram.setdefault(s[:GRAM], []).append(s)
        self._short = tuple(short)
        self._by_gram = {key: tuple(found) for key, found in by_gram.items()}
        self._keys = frozenset(by_gram)

    def found_in(self, text: str, text_grams: frozenset[str]) -> bool:
        """``text_grams`` is :func:`trigrams` of ``text`` (computed once per text by the caller)."""
        for s in self._short:
            if s in text:
                return True
        if self._keys.isdisjoint(text_grams):
            return False
        for key in self._keys.intersection(text_grams):
            for s in self._by_gram[key]:
                if s in text:
                    return True
        return False


def needles(pattern: str) -> Needles | None:
    """What a text must hold for ``pattern`` to match in it (None: no such test is known)."""
    needed = required_substrings(pattern)
    return Needles(needed) if needed is not None else None


def compile_with_needles(pattern: str) -> tuple[re.Pattern[str], Needles | None]:
    """``re.compile(pattern)`` and :func:`needles` of it, the pattern parsed once for both.

    Parsing is most of the cost of compiling the classifier's large tables, paid at every cold start: the
    tree ``re.compile`` would build from the text is built here and handed to the same compiler (the
    compiled pattern is the same; only its ``.pattern`` attribute is left empty).
    """
    parsed = _parser.parse(pattern)
    needed = _required(parsed)
    return _compiler.compile(parsed), (Needles(needed) if needed is not None else None)
