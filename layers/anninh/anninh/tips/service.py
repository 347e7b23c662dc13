"""Tip services: submit, change status, transfer, reply, add information; visibility by unit subtree.

Plain functions over a :class:`~anninh.store.tips.TipRepository`. Every change writes an audit entry.
Ids and codes derive from the Zalo event that caused them, so a redelivered event never creates a second tip.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from anninh import texts
from anninh.codes import ALPHABET
from anninh.officers.model import VIETNAM
from anninh.stats.counters import duration, tally
from anninh.store.tips import TipRepository
from anninh.tips.model import (
    CATEGORIES,
    PRIVACY,
    TERMINAL,
    AuditEntry,
    MediaItem,
    Tip,
    TipError,
    check_transition,
)
from anninh.units.model import Unit
from anninh.units.tree import UnitTree

CODE_LENGTH = 5


def reporter_key(secret: str, oa_id: str, user_id: str) -> str:
    """A keyed hash of the reporter: finds "my tips" without storing a searchable user id."""
    return hmac.new(secret.encode(), f"{oa_id}:{user_id}".encode(), hashlib.sha256).hexdigest()[:40]


def tip_code(unit: Unit, event_key: str) -> str:
    digest = int(hashlib.sha256(f"tip:{event_key}".encode()).hexdigest(), 16)
    chars = []
    for _ in range(CODE_LENGTH):
        digest, index = divmod(digest, len(ALPHABET))
        chars.append(ALPHABET[index])
    return f"{(unit.code or 'TB').upper()}-{''.join(chars)}"


@dataclass(frozen=True)
class Draft:
    """What the intake collected (the conversation keeps it as a dict between messages)."""

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
    media: tuple[tuple[str, str, int | None], ...] = ()  # (kind, url, declared size)
    notice_id: str | None = None  # started from a wanted notice's button

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Draft:
        if data.get("category") not in CATEGORIES or data.get("privacy") not in PRIVACY:
            raise TipError(texts.TIP_ERROR_INCOMPLETE)
        if not str(data.get("description") or "").strip():
            raise TipError(texts.TIP_ERROR_NO_DESCRIPTION)
        return cls(
            category=data["category"],
            description=str(data["description"]).strip(),
            privacy=data["privacy"],
            urgent=bool(data.get("urgent")),
            place=data.get("place"),
            latitude=data.get("latitude"),
            longitude=data.get("longitude"),
            occurred=data.get("occurred"),
            contact_name=data.get("contact_name") if data["privacy"] != "anonymous" else None,
            contact_phone=data.get("contact_phone") if data["privacy"] != "anonymous" else None,
            media=tuple((str(k), str(u), s) for k, u, s in data.get("media", [])),
            notice_id=str(data["notice_id"]) if data.get("notice_id") else None,
        )


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
) -> tuple[Tip, bool]:
    """Create the tip (returns it and whether it is new; a redelivered confirmation returns the first)."""
    code = tip_code(unit, event_key)
    tip_id = f"{int(now.timestamp() * 1000):013d}-{code}"
    media = tuple(
        MediaItem(media_id=f"m{index:02d}", kind=kind, source_url=url, declared_size=size)
        for index, (kind, url, size) in enumerate(draft.media)
    )
    tip = Tip(
        tip_id=tip_id,
        unit_id=unit.unit_id,
        code=code,
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
    )
    if not repo.create(tip):
        existing = repo.get(tip_id)
        assert existing is not None
        return existing, False
    repo.audit(AuditEntry(tip_id, now, "created", "citizen", f"{draft.category}; {draft.privacy}"))
    return tip, True


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
    changes: dict[str, Any] = {"status": new_status}
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
    updated = repo.save_changes(tip, {"unit_id": to_unit_id, "status": "moi"}, now)
    tally(tip.unit_id, "tips_transferred")
    repo.audit(AuditEntry(tip.tip_id, now, "transfer", actor, f"{tip.unit_id} → {to_unit_id}"))
    return updated


def add_information(repo: TipRepository, tip: Tip, text: str, now: datetime) -> Tip:
    if not tip.open:
        raise TipError(texts.TIP_ERROR_CLOSED)
    stamp = now.astimezone(VIETNAM).strftime("%H:%M %d/%m/%Y")
    addition = texts.TIP_DESCRIPTION_ADDITION.format(
        description=tip.description, stamp=stamp, text=text.strip()
    )
    updated = repo.save_changes(tip, {"description": addition}, now)
    repo.audit(AuditEntry(tip.tip_id, now, "info_added", "citizen", ""))
    return updated
