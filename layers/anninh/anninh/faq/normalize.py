"""Vietnamese text normalisation for matching.

Every token carries two views:

* ``folded``: lower-case, diacritics removed, ``đ`` → ``d``, final ``y`` after a consonant → ``i``
  (``ký``/``kí``), so that questions typed without diacritics match;
* ``accent``: a canonical key of the diacritics the citizen actually typed (tone mark moved to the end, so old
  and new tone placement — ``hoà``/``hòa`` — agree), or ``None`` when the token carries no diacritics or came
  from an abbreviation. The matcher uses it to reward matching diacritics (``báo mất`` vs ``bảo mật``).

Abbreviations and teen code (:mod:`anninh.faq.abbreviations`) are expanded on the way.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from anninh.faq.abbreviations import COMPOUNDS, PHRASES, TOKENS

# Combining tone marks (grave, acute, tilde, hook above, dot below). Other marks (circumflex, breve, horn)
# change the vowel itself and stay part of the base.
_TONES = {"\u0300": "1", "\u0301": "2", "\u0303": "3", "\u0309": "4", "\u0323": "5"}
_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
_FINAL_Y_RE = re.compile(r"^([bcdghklmnprstvx]+)y$")
_MAX_PHRASE = max(len(key.split()) for key in PHRASES)
_PHRASE_STARTS = frozenset(key.split(" ")[0] for key in PHRASES)
WORD_CACHE = 1 << 14  # words folded and keyed once each (a pure function of the word): most recur
CHILD_AGE_WORDS = frozenset({"tuoi", "thang"})


class Token(NamedTuple):
    folded: str
    accent: str | None


def clean(text: str) -> str:
    """NFC + case folding: the form every other step starts from."""
    return unicodedata.normalize("NFC", text).casefold()


@lru_cache(maxsize=WORD_CACHE)
def fold(word: str) -> str:
    """Remove every diacritic, map đ to d and unify the final i/y spelling."""
    decomposed = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "d"))
    base = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _FINAL_Y_RE.sub(r"\1i", base)


@lru_cache(maxsize=WORD_CACHE)
def accent_key(word: str) -> str | None:
    """Canonical key of a word's diacritics, independent of tone placement; None for a plain ASCII word."""
    if word.isascii():
        return None
    decomposed = unicodedata.normalize("NFD", word)
    tone = ""
    base_chars = []
    for ch in decomposed:
        if ch in _TONES:
            tone = _TONES[ch]
        else:
            base_chars.append(ch)
    base = unicodedata.normalize("NFC", "".join(base_chars))
    if len(base) >= 2 and base[-1] == "y" and base[-2] not in "aeiouyâêôơưăq":
        base = base[:-1] + "i"
    return base + tone


def words(text: str) -> list[str]:
    """NFC, case-folded words of a text (punctuation dropped)."""
    return _WORD_RE.findall(clean(text))


def _phrase_sizes(folded: list[str], i: int) -> range:
    """Lengths of the phrases that may start at word ``i``, longest first (none unless one starts with it)."""
    if folded[i] not in _PHRASE_STARTS:
        return range(0)
    return range(min(_MAX_PHRASE, len(folded) - i), 1, -1)


def _expand(words_in: list[str]) -> list[Token]:
    out: list[Token] = []
    folded = [fold(w) for w in words_in]
    i = 0
    while i < len(words_in):
        matched = False
        for size in _phrase_sizes(folded, i):
            plain = all(w.isascii() for w in words_in[i : i + size])
            key = " ".join(folded[i : i + size])
            if plain and key in PHRASES:
                out.extend(Token(fold(w), None) for w in PHRASES[key].split())
                i += size
                matched = True
                break
        if matched:
            continue
        word = words_in[i]
        expansion = TOKENS.get(word)
        if expansion is None and word.isascii():
            expansion = TOKENS.get(folded[i])
        if expansion is not None:
            out.extend(Token(fold(w), None) for w in expansion.split())
        else:
            out.append(Token(folded[i], accent_key(word)))
        i += 1
    return out


def _join_compounds(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        if i + 1 < len(tokens):
            joined = COMPOUNDS.get(f"{tokens[i].folded} {tokens[i + 1].folded}")
            if joined is not None:
                out.append(Token(joined, None))
                i += 2
                continue
        out.append(tokens[i])
        i += 1
    return out


CHILD_WORDS = frozenset({"be", "con", "chau", "tre", "nhoc"})


def _months_of_age(tokens: list[Token], i: int) -> bool:
    """``bé 6 tháng``, ``6 tháng tuổi``: months that are a child's age, not a length of time."""
    after = tokens[i + 2].folded if i + 2 < len(tokens) else ""
    before = tokens[i - 1].folded if i > 0 else ""
    return after == "tuoi" or before in CHILD_WORDS


def _mark_children(tokens: list[Token]) -> list[Token]:
    """``bé 8 tuổi``, ``con 10t``: an age under 14 means the question is about a child (``trẻ em``)."""
    out: list[Token] = []
    for i, tok in enumerate(tokens):
        out.append(tok)
        age = tok.folded[:-1] if tok.folded.endswith("t") and tok.folded[:-1].isdigit() else tok.folded
        following = tokens[i + 1].folded if i + 1 < len(tokens) else ""
        if following == "thang" and not _months_of_age(tokens, i):
            continue  # "thuê nhà 6 tháng": a stay, not a baby's age
        if age.isdigit() and int(age) < 14 and (following in CHILD_AGE_WORDS or age != tok.folded):
            out.extend([Token("tre", None), Token("em", None)])
    return out


def tokenize(text: str, expand: bool = True) -> list[Token]:
    """Tokens of a question or of knowledge-base text, abbreviations expanded unless ``expand=False``."""
    ws = words(text)
    if expand:
        return _mark_children(_join_compounds(_expand(ws)))
    return _join_compounds([Token(fold(w), accent_key(w)) for w in ws])


def folded_text(text: str) -> str:
    """Diacritic-folded, case-folded text with abbreviations expanded (baselines and debugging)."""
    return " ".join(t.folded for t in tokenize(text))
