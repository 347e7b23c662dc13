"""What a conversation keeps between a citizen's messages, typed.

Stored as the conversation item's ``data`` map with the same keys as before it was typed (``draft``,
``draft_started``, ``choices``), so conversations saved earlier load as they are; keys this model does not
know (flags older code wrote for one turn only) are dropped on load. The draft inside keeps the keys the
intake wrote as a plain map (:class:`TipDraft`), so a draft saved by the untyped intake resumes where it was.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields

MediaRef = tuple[str, str, int | None]
"""One attachment of a draft: (kind, url, declared size); kind is image, video, audio or file."""


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _media(value: object) -> list[MediaRef]:
    """The stored ``[[kind, url, size], …]``; an entry of another shape is dropped, not guessed at."""
    refs: list[MediaRef] = []
    for entry in value if isinstance(value, list | tuple) else ():
        if not isinstance(entry, list | tuple) or len(entry) != 3:
            continue
        kind, url, size = entry
        if isinstance(kind, str) and isinstance(url, str):
            declared = size if isinstance(size, int) and not isinstance(size, bool) else None
            refs.append((kind, url, declared))
    return refs


@dataclass
class TipDraft:
    """The tip intake's answers so far (``conversation.tip_intake`` fills it step by step;
    ``tips.service.Draft`` checks it when the citizen confirms).

    ``category_guess``: the category the citizen's first words suggested, offered for confirmation;
    ``more_asked``: a short description was already answered with a request for more details;
    ``place_answered``/``occurred_answered``: the step was answered, "không nhớ" included (then the value
    stays None), which the intake needs to know where to resume; ``media``: attachments in the order sent;
    ``notice_id``: the wanted notice whose button started the report.
    """

    category: str | None = None
    category_guess: str | None = None
    description: str | None = None
    more_asked: bool = False
    urgent: bool = False
    place: str | None = None
    place_answered: bool = False
    latitude: float | None = None
    longitude: float | None = None
    occurred: str | None = None
    occurred_answered: bool = False
    media: list[MediaRef] = field(default_factory=list)
    privacy: str | None = None
    contact_name: str | None = None
    contact_phone: str | None = None
    notice_id: str | None = None

    def is_empty(self) -> bool:
        """Nothing answered yet (a draft just begun)."""
        return self == TipDraft()

    def copy(self) -> TipDraft:
        """An independent copy: changing it (media included) leaves this one as it was."""
        return TipDraft(**{f.name: getattr(self, f.name) for f in fields(self)} | {"media": list(self.media)})

    @classmethod
    def from_stored(cls, stored: Mapping[str, object]) -> TipDraft:
        """The draft from the stored map; a missing key is an unanswered step, an unknown key is dropped,
        a value of the wrong type is read as missing."""
        return cls(
            category=_text(stored.get("category")),
            category_guess=_text(stored.get("category_guess")),
            description=_text(stored.get("description")),
            more_asked=bool(stored.get("more_asked")),
            urgent=bool(stored.get("urgent")),
            place=_text(stored.get("place")),
            place_answered="place" in stored,
            latitude=_number(stored.get("latitude")),
            longitude=_number(stored.get("longitude")),
            occurred=_text(stored.get("occurred")),
            occurred_answered="occurred" in stored,
            media=_media(stored.get("media")),
            privacy=_text(stored.get("privacy")),
            contact_name=_text(stored.get("contact_name")),
            contact_phone=_text(stored.get("contact_phone")),
            notice_id=_text(stored.get("notice_id")),
        )

    def to_stored(self) -> dict[str, object]:
        """The map saved in the conversation item, in the shape the untyped intake wrote: only the keys
        that hold something, flags only when set, ``place``/``occurred`` (maybe None) once answered."""
        stored: dict[str, object] = {}
        for key, value in (
            ("category", self.category),
            ("category_guess", self.category_guess),
            ("description", self.description),
        ):
            if value is not None:
                stored[key] = value
        if self.more_asked:
            stored["more_asked"] = True
        if self.urgent:
            stored["urgent"] = True
        if self.place_answered or self.place is not None:
            stored["place"] = self.place
        for key, number in (("latitude", self.latitude), ("longitude", self.longitude)):
            if number is not None:
                stored[key] = number
        if self.occurred_answered or self.occurred is not None:
            stored["occurred"] = self.occurred
        if self.media:
            stored["media"] = [list(ref) for ref in self.media]
        for key, value in (
            ("privacy", self.privacy),
            ("contact_name", self.contact_name),
            ("contact_phone", self.contact_phone),
            ("notice_id", self.notice_id),
        ):
            if value is not None:
                stored[key] = value
        return stored


@dataclass
class ConversationData:
    """``draft``: the tip intake's answers so far (None outside an intake); ``draft_started``: when that
    draft began (ISO time, to offer resuming it); ``choices``: the payloads of the last buttons sent, so a
    typed number can stand for one."""

    draft: TipDraft | None = None
    draft_started: str | None = None
    choices: list[str] = field(default_factory=list)

    @classmethod
    def from_stored(cls, stored: Mapping[str, object] | None) -> ConversationData:
        stored = stored or {}
        draft = stored.get("draft")
        started = stored.get("draft_started")
        choices = stored.get("choices")
        return cls(
            draft=TipDraft.from_stored(draft) if isinstance(draft, Mapping) else None,
            draft_started=started if isinstance(started, str) else None,
            choices=[str(c) for c in choices] if isinstance(choices, list) else [],
        )

    def to_stored(self) -> dict[str, object]:
        """The map saved on the conversation item: only the keys that hold something."""
        stored: dict[str, object] = {}
        if self.draft is not None:
            stored["draft"] = self.draft.to_stored()
        if self.draft_started is not None:
            stored["draft_started"] = self.draft_started
        if self.choices:
            stored["choices"] = list(self.choices)
        return stored
