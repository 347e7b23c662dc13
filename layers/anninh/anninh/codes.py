"""Short codes people read aloud or type on a phone: no look-alike characters (0/O, 1/I/L, 5/S kept apart)."""

from __future__ import annotations

import secrets

# Crockford-like: digits 2–9 and letters without I, L, O, S, U (U avoids accidental words).
ALPHABET = "23456789ABCDEFGHJKMNPQRTVWXYZ"


def new_code(prefix: str, length: int = 5) -> str:
    """``prefix`` (a unit's code, upper case) + ``length`` random characters, e.g. ``BA-7KQ2M``."""
    body = "".join(secrets.choice(ALPHABET) for _ in range(length))
    return f"{prefix.upper()}-{body}" if prefix else body


def normalise_code(typed: str) -> str:
    """What someone typed (any case, spaces, an underscore or none for the dash) → the canonical code."""
    text = "".join(typed.split()).upper().replace("_", "-")
    if "-" not in text and len(text) > 5:
        text = f"{text[:-5]}-{text[-5:]}"
    return text
