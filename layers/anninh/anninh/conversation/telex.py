"""Telex or VNI left when the phone's Vietnamese keyboard was off: "nhaf tooi bij troomj" and "nha2 to6i bi5
tro65m" → "nhà tôi bị trộm".

Telex types a letter's marks as extra letters (aa â, aw ă, ee ê, oo ô, ow ơ, uw ư, dd đ) and the tone as
a last letter (s sắc, f huyền, r hỏi, x ngã, j nặng). No Vietnamese syllable ends in s, f, r, x, j or w, so
such a word is Telex; a message is decoded only when at least two of its words are, they are a third of
its words or outnumber its foreign ones (neither Telex nor a plain syllable: "nhaf tooi vuaw bij mat con
cho o cong" decodes, "he has a knife in her room" does not), and it has no diacritics of its own.

A message that is Telex also has its slips decoded (they never count towards the decision, so "boss" or
"app" alone stay): a tone doubled ("banss" bán, "roiff" ròi), a tone typed before the final consonant
("casch" cách) or a w after the vowel ("toiws" tới), as the keyboard itself would take them, and a final
consonant doubled ("damm", "conn": no syllable ends in one; its marks are unknown, so the whole message is
then given without diacritics, "quan massage co ban dam", as the tables read a message typed so).

VNI types them as digits after the letter: 6 â ê ô, 7 ơ ư, 8 ă, 9 đ, and the tone 1 sắc, 2 huyền, 3 hỏi,
4 ngã, 5 nặng (anywhere after the vowel). A word of letters with such digits that decodes to a Vietnamese
syllable is VNI ("cu7o71p" cướp); a tip code ("BA-7KQ2MXR") or an amount ("4tr") is not, and the same
two-words-and-a-third rule decides for the message.
"""

from __future__ import annotations

import re
import unicodedata

TONES = {"s": "\u0301", "f": "\u0300", "r": "\u0309", "x": "\u0303", "j": "\u0323"}
# Longest first: "uow" before "uw", "uaw" (chưa) before "aw".
SHAPES = (
    ("uow", "ươ"),
    ("uaw", "ưa"),
    ("dd", "đ"),
    ("aa", "â"),
    ("aw", "ă"),
    ("ee", "ê"),
    ("oo", "ô"),
    ("ow", "ơ"),
)
SHAPES_LAST = (("uw", "ư"),)
VOWELS = frozenset("aăâeêioôơuưy")
MARKED_VOWELS = frozenset("ăâêôơư")
# A Vietnamese syllable, folded: initial, vowel cluster, final ("thanks" decodes to "thánk": not one).
_SYLLABLE = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x)?"
    r"(uye|uya|uyu|uoi|uou|ieu|yeu|oai|oay|oeo|uay|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ya|ye"
    r"|a|e|i|o|u|y)"
    r"(ch|ng|nh|c|m|n|p|t)?$"
)
MIN_TELEX_WORDS = 2
MIN_TELEX_SHARE = 1 / 3

_WORD = re.compile(r"[a-z]+")
_ANY_MARK = re.compile(r"[aeiouy][a-z]*[sfrxj]\b|dd|aa|ee|oo|[aou]w")  # a quick look first
_TELEX_WORD = re.compile(r"^[a-z]*[aeiouy][a-z]*[sfrxj]$|dd|aa|ee|oo|[aou]w")


def _reshape(word: str) -> str:
    for typed, letter in SHAPES:
        word = word.replace(typed, letter)
    for typed, letter in SHAPES_LAST:
        word = word.replace(typed, letter)
    return word


def _tone_position(word: str) -> int | None:
    """Index of the vowel that carries the tone (the newer placement, as the corpus writes: hòa, túy)."""
    start = 0
    if word.startswith("qu") or (word.startswith("gi") and len(word) > 2 and word[2] in VOWELS):
        start = 2
    positions = [i for i in range(start, len(word)) if word[i] in VOWELS]
    if not positions:
        positions = [i for i in range(len(word)) if word[i] in VOWELS]
        if not positions:
            return None
    marked = [i for i in positions if word[i] in MARKED_VOWELS]
    if marked:
        return marked[-1]  # ươ: on ơ; otherwise the one shaped vowel
    if positions[-1] < len(word) - 1:  # a final consonant: on the last vowel (toán, hoạn)
        return positions[-1]
    return positions[1] if len(positions) >= 3 else positions[0]  # open: ngoài, mùa, hòa, túy


def decode_word(word: str) -> str:
    tone = ""
    if len(word) > 1 and word[-1] in TONES and any(ch in VOWELS for ch in word[:-1]):
        tone, word = TONES[word[-1]], word[:-1]
    word = _reshape(word)
    if tone:
        at = _tone_position(word)
        if at is not None:
            word = word[: at + 1] + tone + word[at + 1 :]
    return unicodedata.normalize("NFC", word)


def _fold(word: str) -> str:
    return "".join(unicodedata.normalize("NFD", ch)[0] for ch in word.replace("đ", "d"))


_SLIP_TONE_EARLY = re.compile(r"^([a-z]*[aeiouy])([sfrxj])(ch|nh|ng|c|m|n|p)$")  # casch ("most", "test" stay)
# toiws: the w for the o before the i (only o and u: ă takes no vowel after it, "taiw" stays)
_SLIP_W_LATE = re.compile(r"^([a-z]*[ou])([aeiouy]+)w([sfrxj]?)$")
_SLIP_FINAL_DOUBLED = re.compile(r"^([a-z]*[aeiouy])([cmnpt])\2([sfrxj]?)$")  # damm, conn


def _unslipped(word: str) -> str | None:
    """The keystrokes of a Telex slip put in order ("banss" → "bans"), or None when it is none."""
    if len(word) > 3 and word[-1] == word[-2] and word[-1] in TONES and any(ch in VOWELS for ch in word[:-2]):
        # a tone doubled; a doubled s only after a consonant ("boss", "pass", "miss" stay)
        return word[:-1] if word[-1] != "s" or word[-3] not in VOWELS else None
    for slip, fixed in (
        (_SLIP_TONE_EARLY, r"\1\3\2"),
        (_SLIP_W_LATE, r"\1w\2\3"),
        (_SLIP_FINAL_DOUBLED, r"\1\2\3"),
    ):
        if len(word) > 3 and slip.match(word):
            return slip.sub(fixed, word)
    return None


def decode_slip(word: str) -> str | None:
    """A Telex slip decoded (``banss`` → ``bán``, ``damm`` → ``dam``), or None when it makes no syllable."""
    fixed = _unslipped(word)
    if fixed is None:
        return None
    decoded = decode_word(fixed) if _TELEX_WORD.search(fixed) else fixed
    return decoded if _SYLLABLE.match(_fold(decoded)) is not None else None


def is_plain_syllable(word: str) -> bool:
    return _SYLLABLE.match(word) is not None


def is_telex_word(word: str) -> bool:
    """Typed in Telex: it carries a Telex mark and decodes to a Vietnamese syllable."""
    if len(word) < 2 or _TELEX_WORD.search(word) is None:
        return False
    return _SYLLABLE.match(_fold(decode_word(word))) is not None


def looks_like_telex(text: str) -> bool:
    if not text.isascii() and any(ch.isalpha() and not ch.isascii() for ch in text):
        return False  # typed with diacritics: the keyboard was on
    if _ANY_MARK.search(text) is None:
        return False
    words = _WORD.findall(text)
    telex = [w for w in words if is_telex_word(w)]
    if len(telex) < MIN_TELEX_WORDS:
        return False
    foreign = [w for w in words if not (is_plain_syllable(w) or is_telex_word(w) or decode_slip(w))]
    return len(telex) >= MIN_TELEX_SHARE * len(words) or len(telex) > len(foreign)


VNI_TONES = {"1": "\u0301", "2": "\u0300", "3": "\u0309", "4": "\u0303", "5": "\u0323"}
VNI_SHAPES = {
    "6": {"a": "â", "e": "ê", "o": "ô"},
    "7": {"o": "ơ", "u": "ư"},
    "8": {"a": "ă"},
    "9": {"d": "đ"},
}
_VNI_WORD = re.compile(r"^[a-z]+[1-9][a-z1-9]*$|^[a-z]*dd[a-z]*$")  # dd: đ typed the Telex way
_VNI_TOKEN = re.compile(r"[a-z0-9]+")


def decode_vni_word(word: str) -> str:
    """``cu7o71p`` → ``cướp``, ``ga6n2`` → ``gần``, ``ddanh1`` → ``đánh`` (Telex dd mixed in)."""
    letters: list[str] = []
    tone = ""
    for ch in word:
        if ch in VNI_TONES:
            tone = VNI_TONES[ch]
        elif ch in VNI_SHAPES:
            shapes = VNI_SHAPES[ch]
            for k in range(len(letters) - 1, -1, -1):  # the nearest letter the mark fits
                if letters[k] in shapes:
                    letters[k] = shapes[letters[k]]
                    break
        else:
            letters.append(ch)
    plain = "".join(letters).replace("dd", "đ")
    if tone:
        at = _tone_position(plain)
        if at is not None:
            plain = plain[: at + 1] + tone + plain[at + 1 :]
    return unicodedata.normalize("NFC", plain)


def is_vni_word(word: str) -> bool:
    if _VNI_WORD.match(word) is None or not any(ch in VOWELS for ch in word):
        return False
    return _SYLLABLE.match(_fold(decode_vni_word(word))) is not None


def looks_like_vni(text: str) -> bool:
    if any(ch.isalpha() and not ch.isascii() for ch in text) or not any(ch.isdigit() for ch in text):
        return False
    words = _VNI_TOKEN.findall(text)
    vni = [w for w in words if is_vni_word(w)]
    marked = [w for w in vni if any(ch.isdigit() for ch in w)]  # "dd" alone is Telex's as much as VNI's
    return len(marked) >= MIN_TELEX_WORDS and len(vni) >= MIN_TELEX_SHARE * len(words)


def untelex(text: str) -> str:
    """The (lower-case) message with its Telex or VNI words decoded, or as it was when it does not look so."""
    if looks_like_vni(text):
        return _VNI_TOKEN.sub(lambda m: decode_vni_word(m[0]) if is_vni_word(m[0]) else m[0], text)
    if not looks_like_telex(text):
        return text
    decoded = _WORD.sub(_decode_telex_match, text)
    if any(_is_final_doubled(w) for w in _WORD.findall(text)):
        # "damm" could be dam, dám, dâm…: the marks of the other words would only keep the tables' phrases
        # ("bán dâm") from matching across it, so the message reads as typed without diacritics
        return _fold(decoded)
    return decoded


def _is_final_doubled(word: str) -> bool:
    return (
        _SLIP_FINAL_DOUBLED.match(word) is not None
        and not is_telex_word(word)
        and not is_plain_syllable(word)
        and decode_slip(word) is not None
    )


def _decode_telex_match(match: re.Match[str]) -> str:
    word = match[0]
    if is_telex_word(word):
        return decode_word(word)
    if is_plain_syllable(word):
        return word
    return decode_slip(word) or word
