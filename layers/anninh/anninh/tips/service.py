"""Tip services: submit, change status, transfer, reply, add information; visibility by unit subtree.

Plain functions over a :class:`~anninh.tips.ports.TipRepository`. Every change writes an audit entry.
The tip id derives from the Zalo event that caused it, so a redelivered event never creates a second tip; the
code is drawn at random (``anninh.codes``) and reserved in the same write as the tip, so it is unique and a
redelivery finds the tip, code included, that the first delivery created.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from anninh import texts
from anninh.codes import MAX_DRAWS, Choice, CodeTaken, new_code
from anninh.messaging.state import MediaRef, TipDraft
from anninh.observability import count
from anninh.officers.model import VIETNAM
from anninh.stats.counters import duration, tally
from anninh.tips.model import (
    CATEGORIES,
    MAX_DESCRIPTION_CHARS,
    MAX_MEDIA_PER_TIP,
    PRIVACY,
    TERMINAL,
    AuditEntry,
    MediaItem,
    Tip,
    TipError,
    check_transition,
)
from anninh.tips.ports import TipChanges, TipRepository
from anninh.units.model import Unit
from anninh.units.tree import UnitTree


def reporter_key(secret: str, oa_id: str, user_id: str) -> str:
    """A keyed hash of the reporter: finds "my tips" without storing a searchable user id."""
    return hmac.new(secret.encode(), f"{oa_id}:{user_id}".encode(), hashlib.sha256).hexdigest()[:40]


def tip_id_for(now: datetime, event_key: str) -> str:
    """Time-sortable and derived from the event: a redelivery names the same tip."""
    digest = hashlib.sha256(f"tip:{event_key}".encode()).hexdigest()[:12]
    return f"{int(now.timestamp() * 1000):013d}-{digest}"


class NoFreeCode(RuntimeError):
    """Every draw clashed (a broken random source, not bad luck): retried by the queue."""


@dataclass(frozen=True)
class Draft:
    """What the intake collected, checked and ready to file (the conversation keeps it as a
    :class:`~anninh.messaging.state.TipDraft` between messages)."""

    category: str
    description: str
    privacy: str
    urgent: bool = False
    place: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    occurred: str | None = None
    contact_name: str | None = None
    contact_phone: str | None = None
    media: tuple[MediaRef, ...] = ()  # (kind, url, declared size)
    notice_id: str | None = None  # started from a wanted notice's button

    @classmethod
    def from_intake(cls, draft: TipDraft) -> Draft:
        """The confirmed draft, or :class:`TipError` when a required answer is missing."""
        category, privacy = draft.category, draft.privacy
        if category is None or category not in CATEGORIES or privacy is None or privacy not in PRIVACY:
            raise TipError(texts.TIP_ERROR_INCOMPLETE)
        description = (draft.description or "").strip()
        if not description:
            raise TipError(texts.TIP_ERROR_NO_DESCRIPTION)
        named = privacy != "anonymous"
        return cls(
            category=category,
            description=description[:MAX_DESCRIPTION_CHARS],
            privacy=privacy,
            urgent=draft.urgent,
            place=draft.place,
            latitude=draft.latitude,
            longitude=draft.longitude,
            occurred=draft.occurred,
            contact_name=draft.contact_name if named else None,
            contact_phone=draft.contact_phone if named else None,
            media=tuple(draft.media)[:MAX_MEDIA_PER_TIP],
            notice_id=draft.notice_id or None,
        )

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Draft:
        """The same from a map in the stored draft's shape (``TipDraft.to_stored``)."""
        return cls.from_intake(TipDraft.from_stored(data))


def submit(
    repo: TipRepository,
    unit: Unit,
    draft: Draft,
    *,
    oa_id: str,
    user_id: str,
    hash_secret: str,
    event_key: str,
    now: datetime,
    choice: Choice | None = None,
    suggested_unit_id: str | None = None,
) -> tuple[Tip, bool]:
    """Create the tip (returns it and whether it is new; a redelivered confirmation returns the first).

    ``choice`` is the code's random source (``secrets.choice`` unless a test injects a seeded one);
    ``suggested_unit_id`` the commune its place names (anninh.units.places), offered to the officers."""
    tip_id = tip_id_for(now, event_key)
    existing = repo.get(tip_id)
    if existing is not None:
        return existing, False
    media = tuple(
        MediaItem(media_id=f"m{index:02d}", kind=kind, source_url=url, declared_size=size)
        for index, (kind, url, size) in enumerate(draft.media)
    )
    template = Tip(
        tip_id=tip_id,
        unit_id=unit.unit_id,
        code=_draw(unit, choice),
        category=draft.category,
        description=draft.description,
        privacy=draft.privacy,
        reporter_key=reporter_key(hash_secret, oa_id, user_id),
        reporter_oa_id=oa_id,
        reporter_user_id=user_id,
        created_at=now,
        updated_at=now,
        urgent=draft.urgent,
        place=draft.place,
        latitude=draft.latitude,
        longitude=draft.longitude,
        occurred=draft.occurred,
        contact_name=draft.contact_name,
        contact_phone=draft.contact_phone,
        media=media,
        notice_id=draft.notice_id,
        suggested_unit_id=suggested_unit_id,
    )
    for attempt in range(MAX_DRAWS):
        tip = template if attempt == 0 else replace(template, code=_draw(unit, choice))
        try:
            created = repo.create(tip)
        except CodeTaken:
            count("CodeClashes", kind="tip")
            continue
        if not created:
            existing = repo.get(tip_id)
            assert existing is not None
            return existing, False
        repo.audit(AuditEntry(tip_id, now, "created", "citizen", f"{draft.category}; {draft.privacy}"))
        if suggested_unit_id:
            repo.audit(AuditEntry(tip_id, now, "route_suggested", "system", suggested_unit_id))
        return tip, True
    raise NoFreeCode(tip_id)


def _draw(unit: Unit, choice: Choice | None) -> str:
    return new_code(unit.code or "TB", choice=choice) if choice else new_code(unit.code or "TB")


def visible_to(tree: UnitTree, tip: Tip, unit_id: str) -> bool:
    """A unit sees its own tips and its descendants', never a sibling's."""
    return tree.is_within(tip.unit_id, unit_id)


def status_detail(old: str, new: str, request: str | None = None) -> str:
    """The audit detail of a status change; ``request`` (an API Idempotency-Key) identifies a retry."""
    return f"{old} → {new}" + (f" · {request}" if request else "")


def change_status(
    repo: TipRepository,
    tip: Tip,
    new_status: str,
    public_result: str | None,
    actor: str,
    now: datetime,
    request: str | None = None,
) -> Tip:
    check_transition(tip.status, new_status, public_result)
    changes: TipChanges = {"status": new_status}
    if public_result:
        changes["public_result"] = public_result.strip()
    updated = repo.save_changes(tip, changes, now)
    repo.audit(AuditEntry(tip.tip_id, now, "status", actor, status_detail(tip.status, new_status, request)))
    _tally_status(tip, new_status, now)
    return updated


def _tally_status(tip: Tip, new_status: str, now: datetime) -> None:
    """Statistics of a status change: the first handling of a new tip, and its close (per unit and day)."""
    elapsed = (now - tip.created_at).total_seconds()
    if tip.status == "moi":
        tally(tip.unit_id, "tips_acknowledged")
        duration(tip.unit_id, "ack_seconds", elapsed)
    if new_status in TERMINAL:
        tally(tip.unit_id, "tips_resolved" if new_status == "da_xu_ly" else "tips_unfounded")
        duration(tip.unit_id, "close_seconds", elapsed)


def transfer(
    repo: TipRepository, tree: UnitTree, tip: Tip, to_unit_id: str, actor: str, now: datetime
) -> Tip:
    target = tree.get(to_unit_id)
    if target is None:
        raise TipError(texts.UNKNOWN_UNIT.format(unit_id=to_unit_id))
    if to_unit_id == tip.unit_id:
        raise TipError(texts.TIP_ERROR_SAME_UNIT)
    check_transition(tip.status, "da_chuyen", None)
    changes: TipChanges = {"unit_id": to_unit_id, "status": "moi"}
    if tip.suggested_unit_id:  # offered to the unit the tip leaves: answered, whichever way
        changes["suggested_unit_id"] = None
    updated = repo.save_changes(tip, changes, now)
    tally(tip.unit_id, "tips_transferred")
    repo.audit(AuditEntry(tip.tip_id, now, "transfer", actor, f"{tip.unit_id} → {to_unit_id}"))
    return updated


def add_information(repo: TipRepository, tip: Tip, text: str, now: datetime, event_key: str) -> bool:
    """Keep the reporter's addition as its own item (bounded; never appended to the tip item, which would
    grow past DynamoDB's 400 KB). ``event_key`` (the Zalo event) makes a redelivery add nothing; returns
    whether it was new."""
    if not tip.open:
        raise TipError(texts.TIP_ERROR_CLOSED)
    key = "i" + hashlib.sha256(f"add:{event_key}".encode()).hexdigest()[:10]
    return repo.add_addition(tip.tip_id, now, text.strip()[:MAX_DESCRIPTION_CHARS], key)


def addition_lines(additions: list[AuditEntry]) -> str:
    """The additions as officers read them after the description, oldest first, in Vietnam time."""
    return "".join(texts.TIP_ADDITION_LINE.format(stamp=_stamp(e.at), text=e.detail) for e in additions)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(VIETNAM).strftime("%H:%M %d/%m/%Y")
