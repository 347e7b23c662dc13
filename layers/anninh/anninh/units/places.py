"""Which commune unit a tip's place names: typed address text, or a shared location's point.

A tip sent to a province's or a department's OA often concerns one commune below it. This module offers
that commune (an officer confirms with ``#chuyen``; nothing moves on its own). It is deliberately
conservative: when two communes of the subtree fit the place equally well it offers none.

Typed addresses are folded the way FAQ questions are (:func:`anninh.faq.normalize.fold`: no diacritics,
``đ`` → ``d``), so "xa Thuong Lam", "X. Thượng Lâm" and "Thượng Lâm" all name "Công an xã Thượng Lâm". A
name counts as strong evidence after a commune word (xã, phường, thị trấn, đặc khu, x., p., tt., f), as weak
evidence standing alone (only names of two words or more, never a number), and not at all after a street,
village or district word (đường Lê Lợi is not phường Lê Lợi). A unit's other names (``Unit.places``: the
communes merged into it in 2025, each with its old district, written by ``anninh units init`` from the
administrative-unit data) count too, one step below its own name unless the old district is named as well;
an intermediate unit's name in the text (Công an huyện …) breaks a tie between same-named communes.

A shared location picks the commune with the nearest centre (``Unit.centre``: the centre point and the area
of the commune; no boundaries are kept), only when the point lies within the circle of the same area around
it and every other centre is clearly farther: a point between two communes, or far from any, gets no offer.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from anninh.faq.normalize import accent_key, clean, fold
from anninh.units.model import Unit
from anninh.units.tree import UnitTree

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_BREAKS = re.compile(r"[,;\n()/]| - ")
BREAK = "|"
_GLUED = re.compile(r"^(p|x|f|q|h|tt)(\d+)$")  # "p5", "f12", "q3": a marker glued to a number
# The words that announce a commune, and the level each names ("f" is Ho Chi Minh City's phường).
COMMUNE_WORDS = {
    "thi tran": "thi tran",
    "dac khu": "dac khu",
    "xa": "xa",
    "x": "xa",
    "phuong": "phuong",
    "p": "phuong",
    "f": "phuong",
    "tt": "thi tran",
    "dk": "dac khu",
}
# A name right after one of these is a street, a village, a district or the province, not a commune.
OTHER_WORDS = (
    "duong",
    "pho",
    "ngo",
    "ngach",
    "hem",
    "kiet",
    "quan",
    "huyen",
    "tinh",
    "thanh pho",
    "thi xa",
    "tp",
    "tx",
    "q",
    "h",
    "thon",
    "ap",
    "ban",
    "lang",
    "xom",
    "to",
    "khu",
    "kp",
    "khom",
    "cho",
    "cau",
    "song",
    "nga",
    "so",
    "toa",
    "chung cu",
    "truong",
    "benh vien",
    "cong an",
)
_LEVEL_PREFIXES = (("cong", "an"),)
_UNIT_LEVEL_WORDS = ("xa", "phuong", "thi tran", "dac khu", "huyen", "quan", "thi xa", "thanh pho", "tinh")
STRONG, WEAK, CONTEXT, OWN_NAME, ACCENTS = 2.0, 1.0, 1.0, 0.5, 0.25
MARGIN = 1.5  # the second-nearest centre must be this many times farther than the nearest


class Word(NamedTuple):
    folded: str  # no diacritics: what matches
    raw: str  # the diacritics typed (accent_key): breaks a tie between names that differ only in them


class Name(NamedTuple):
    level: str | None  # "xa", "phuong", "thi tran", "dac khu" (folded), or None
    words: tuple[Word, ...]


def words(text: str) -> list[Word]:
    """The words of ``text``; "p.5"/"P5" → "p", "5"; a comma (or ;, /, brackets, a new line) becomes BREAK,
    so that a word before it does not qualify a name after it ("đường Láng, Đống Đa")."""
    out: list[Word] = []
    for segment in _BREAKS.split(clean(text)):
        if out:
            out.append(Word(BREAK, BREAK))
        for raw in _WORD.findall(segment):
            glued = _GLUED.match(fold(raw))
            if glued:
                out.extend(Word(part, part) for part in glued.groups())
            else:
                out.append(Word(fold(raw), accent_key(raw) or ""))
    return out


@lru_cache(maxsize=16384)
def parse_name(name: str) -> Name:
    """ "Công an xã Thượng Lâm" → level "xa", words "thuong lam"; "Phường 5" → level "phuong", words "5"."""
    found = words(name)
    folded = [w.folded for w in found]
    for prefix in _LEVEL_PREFIXES:
        if folded[: len(prefix)] == list(prefix):
            found, folded = found[len(prefix) :], folded[len(prefix) :]
    for level in _UNIT_LEVEL_WORDS:
        size = len(level.split())
        if folded[:size] == level.split() and len(folded) > size:
            return Name(level, tuple(found[size:]))
    return Name(None, tuple(found))


class Text(list[Word]):
    """The typed words, with their folded forms at hand (a province has a thousand names to look for)."""

    def __init__(self, found: Iterable[Word]) -> None:
        super().__init__(found)
        self.folded = [w.folded for w in self]
        self.vocabulary = frozenset(self.folded)


def _occurrences(text: Text, name: Name) -> list[int]:
    wanted = [w.folded for w in name.words]
    if not wanted or wanted[0] not in text.vocabulary:
        return []
    folded, size = text.folded, len(wanted)
    return [i for i in range(len(text) - size + 1) if folded[i : i + size] == wanted]


def _marker(text: Text, end: int, phrases: Iterable[str]) -> str | None:
    folded = text.folded
    for phrase in phrases:
        size = len(phrase.split())
        if folded[max(0, end - size) : end] == phrase.split():
            return phrase
    return None


Span = tuple[int, int]  # the words of the text that named the place: [start, end)


def _evidence(text: Text, name: Name) -> tuple[float, Span]:
    """How strongly ``text`` names the place ``name``, and where: STRONG after a commune word of its level,
    WEAK after a commune word of another level or standing alone (two words or more, not a number), else 0;
    plus ACCENTS when typed with the same diacritics."""
    best: tuple[float, Span] = (0.0, (0, 0))
    plain = len(name.words) >= 2 and not any(w.folded.isdigit() for w in name.words)
    for start in _occurrences(text, name):
        marker = _marker(text, start, COMMUNE_WORDS)
        if marker is not None:
            level = COMMUNE_WORDS[marker]
            score = STRONG if name.level is None or level == name.level else WEAK
        elif _marker(text, start, OTHER_WORDS) is None and plain:
            score = WEAK
        else:
            continue
        end = start + len(name.words)
        if tuple(w.raw for w in text[start:end]) == tuple(w.raw for w in name.words):
            score += ACCENTS
        best = max(best, (score, (start, end)))
    return best


def _mentions(text: Text, name: str, province: Name | None) -> bool:
    """Whether ``text`` names the district (or intermediate unit) ``name``: not after a commune word ("xã Đăk
    Tờ Kan" does not name huyện Đăk Tô) or "tỉnh", and never the province's own name ("Thành phố Cao Bằng"
    is not named by "tỉnh Cao Bằng")."""
    parsed = parse_name(name)
    if not parsed.words or (province is not None and _same(parsed, province)):
        return False
    excluded = ("tinh", *COMMUNE_WORDS)
    return any(_marker(text, start, excluded) is None for start in _occurrences(text, parsed))


def _same(a: Name, b: Name) -> bool:
    return [w.folded for w in a.words] == [w.folded for w in b.words]


def _score(text: Text, unit: Unit, between: list[Unit], province: Name | None) -> tuple[float, Span]:
    """The best evidence that ``text`` names ``unit`` among its own name and its other names, and where.
    Context (a district or an intermediate unit named too) is looked for only once a name matched."""
    best: tuple[float, Span] = (0.0, (0, 0))
    context: float | None = None
    own, span = _evidence(text, parse_name(unit.name))
    if own:
        context = CONTEXT if any(_mentions(text, u.name, province) for u in between) else 0.0
        districts = [other.partition(",")[2].strip() for other in unit.places]
        was_there = any(d and _mentions(text, d, province) for d in districts)
        own_context = context or (CONTEXT if was_there else 0.0)
        best = (own + OWN_NAME + own_context, span)
    for other in unit.places:
        name, _, district = other.partition(",")
        evidence, where = _evidence(text, parse_name(name.strip()))
        if evidence:
            if context is None:
                context = CONTEXT if any(_mentions(text, u.name, province) for u in between) else 0.0
            named = CONTEXT if district.strip() and _mentions(text, district.strip(), province) else context
            best = max(best, (evidence + named, where))
    return best


def _inside(inner: Span, outer: Span) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1] and inner != outer


def communes_below(tree: UnitTree, unit_id: str) -> list[Unit]:
    return [u for u in tree.descendants(unit_id) if u.level == "commune"]


def _between(tree: UnitTree, unit: Unit, root_id: str) -> list[Unit]:
    """The units strictly between ``root_id`` and ``unit`` (a district's police, a department)."""
    out = []
    for ancestor in tree.ancestors(unit.unit_id):
        if ancestor.unit_id == root_id:
            break
        out.append(ancestor)
    return out


def by_address(tree: UnitTree, root_id: str, text: str) -> list[Unit]:
    """The communes below ``root_id`` that ``text`` names best (none, one, or a tie)."""
    typed = Text(words(text))
    if not typed:
        return []
    root = tree.get(root_id)
    province = parse_name(root.name) if root is not None else None
    scored = [
        (*_score(typed, u, _between(tree, u, root_id), province), u) for u in communes_below(tree, root_id)
    ]
    scored = [row for row in scored if row[0]]
    # "xã Đăk Tờ Kan" also holds "Đăk Tô": a name inside a longer name matched at the same place loses.
    spans = [span for _, span, _ in scored]
    kept = [(score, unit) for score, span, unit in scored if not any(_inside(span, s) for s in spans)]
    top = max((score for score, _ in kept), default=0.0)
    return [unit for score, unit in kept if score == top]


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine), enough to tell communes apart."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def by_location(candidates: Iterable[Unit], lat: float, lon: float) -> Unit | None:
    """The commune whose centre is nearest, when the point lies within its circle and every other centre is
    clearly farther (MARGIN times); else None (between two communes, or outside every circle)."""
    ranked = sorted(
        (distance_km(lat, lon, u.centre.lat, u.centre.lon), u) for u in candidates if u.centre is not None
    )
    if not ranked:
        return None
    nearest, unit = ranked[0]
    assert unit.centre is not None
    if nearest > unit.centre.radius_km:
        return None
    if len(ranked) > 1 and ranked[1][0] < MARGIN * nearest:
        return None
    return unit


def suggest_commune(
    tree: UnitTree,
    unit_id: str,
    place: str | None,
    latitude: float | None = None,
    longitude: float | None = None,
) -> Unit | None:
    """The one commune below ``unit_id`` that the place names, else None (none fits, or several do).

    The typed text decides; a shared point only breaks a tie among the named communes, or decides alone
    when the text names none."""
    named = by_address(tree, unit_id, place) if place else []
    if len(named) == 1:
        return named[0]
    if latitude is None or longitude is None:
        return None
    return by_location(named or communes_below(tree, unit_id), latitude, longitude)
