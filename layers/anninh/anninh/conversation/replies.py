"""What the dialogue decides to say, independent of how Zalo carries it."""

from __future__ import annotations

from dataclasses import dataclass, field


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


@dataclass
class Turn:
    """The dialogue's answer to one citizen event: replies to send, and the state to keep."""

    replies: list[Reply] = field(default_factory=list)
    state: str = "menu"
    data: dict[str, object] = field(default_factory=dict)
