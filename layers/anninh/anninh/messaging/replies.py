"""What the system decides to say, independent of how Zalo carries it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Button:
    """A button. ``kind``: "query" sends ``value`` back as a hidden message; "phone" dials; "url" opens."""

    title: str
    value: str
    kind: str = "query"


@dataclass(frozen=True)
class TextReply:
    text: str


@dataclass(frozen=True)
class ButtonsReply:
    """A short text with up to five buttons (a Zalo list, or a numbered text menu as fallback)."""

    text: str
    buttons: tuple[Button, ...]
    title: str | None = None


@dataclass(frozen=True)
class RequestInfoReply:
    """Zalo's request-user-info form (name, phone…); the answer arrives as a user_submit_info event."""

    title: str
    subtitle: str
    image_url: str | None = None


Reply = TextReply | ButtonsReply | RequestInfoReply
