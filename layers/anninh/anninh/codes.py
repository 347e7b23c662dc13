"""Short codes people read aloud or type on a phone: no look-alike characters (0/O, 1/I/L, 5/S kept apart).

A code is a prefix (a unit's code for tips, ``H`` for questions), a dash and ``CODE_LENGTH`` characters
drawn from a CSPRNG (``secrets``): 29^7 ≈ 1.7 × 10^10 codes per prefix. Uniqueness does not rest on luck:
the repository reserves each code with a conditional write and the caller draws again on a clash.
Codes issued before had 5 characters (``LEGACY_LENGTH``); they keep resolving.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Sequence

# Crockford-like: digits 2–9 and letters without I, L, O, S, U (U avoids accidental words).
ALPHABET = "23456789ABCDEFGHJKMNPQRTVWXYZ"
CODE_LENGTH = 7
LEGACY_LENGTH = 5
# How many clashes in a row a caller accepts before giving up (each has odds of about 10^-10 or less).
MAX_DRAWS = 8

Choice = Callable[[Sequence[str]], str]


class CodeTaken(Exception):
    """The drawn code is reserved already: draw another."""


class AmbiguousCode(LookupError):
    """More than one record answers to this code (only possible for codes issued before reservation)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def new_code(prefix: str, length: int = CODE_LENGTH, choice: Choice = secrets.choice) -> str:
    """``prefix`` (upper case) + ``length`` random characters, e.g. ``BA-7KQ2MXR``; ``choice`` is the
    random source (``secrets.choice``; tests inject a seeded one)."""
    body = "".join(choice(ALPHABET) for _ in range(length))
    return f"{prefix.upper()}-{body}" if prefix else body


def normalise_code(typed: str) -> str:
    """What someone typed (any case, spaces, an underscore or none for the dash) → the canonical code.

    Without a dash the last 7 characters are the body when at least 8 were typed (prefixes have 1–4),
    else the last 5 (an old code); :func:`legacy_form` recovers an old code typed without its dash."""
    text = "".join(typed.split()).upper().replace("_", "-")
    if "-" not in text:
        body = CODE_LENGTH if len(text) > CODE_LENGTH else LEGACY_LENGTH
        if len(text) > body:
            text = f"{text[:-body]}-{text[-body:]}"
    return text


def legacy_form(code: str) -> str:
    """The same characters read as an old code (5-character body), e.g. ``BAXA-7KQ2M`` for ``BA-XA7KQ2M``."""
    compact = code.replace("-", "")
    if len(compact) <= LEGACY_LENGTH:
        return compact
    return f"{compact[:-LEGACY_LENGTH]}-{compact[-LEGACY_LENGTH:]}"
