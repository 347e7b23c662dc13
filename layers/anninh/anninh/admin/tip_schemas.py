"""Request and response bodies of the tips routes.

No body ever carries the reporter's Zalo user id, their OA or the keyed hash that finds their tips: replies
go through the tip. Contact details appear only for confidential and open tips (the reporter chose to give
them to the handling officers).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Literal

from pydantic import Field

from anninh.admin.schemas import UNIT_ID_PATTERN, Strict
from anninh.tips.contact import tip_contact
from anninh.tips.identifiers import Privacy
from anninh.tips.identifiers import Status as TipStatus
from anninh.tips.model import CATEGORIES, PRIVACY, STATUSES, AuditEntry, MediaItem, Tip

# What PATCH may set; a transfer has its own route, "mới" is where a tip starts (or restarts after one).
SettableStatus = Literal["da_tiep_nhan", "dang_xac_minh", "da_xu_ly", "khong_du_co_so"]
Delivery = Literal["sent", "not_delivered"]
DELIVERY_DESCRIPTION = (
    "sent: relayed to the reporter in Zalo; not_delivered: recorded, but Zalo's messaging window (or a "
    "block) refused the relay; the reporter sees it at the next lookup."
)


class ContactOut(Strict):
    name: str | None
    phone: str | None


class TipSummary(Strict):
    code: str
    unit_id: str
    unit_name: str
    category: str
    category_label: str
    status: TipStatus
    status_label: str
    privacy: Privacy
    privacy_label: str
    urgent: bool
    created_at: datetime
    updated_at: datetime
    place: str | None
    public_result: str | None
    media_count: int
    media_failed: int = Field(description="Attachments that could not be stored (failed or refused).")
    notice_id: str | None = Field(
        description="The wanted-person notice the tip is about (started from its broadcast's button)."
    )
    contact: ContactOut | None = Field(
        description="Only for confidential and open tips; never for anonymous."
    )

    @classmethod
    def of(cls, tip: Tip, unit_name: str) -> TipSummary:
        name, phone = tip_contact(tip) if tip.privacy != "anonymous" else (None, None)
        return cls(
            code=tip.code,
            unit_id=tip.unit_id,
            unit_name=unit_name,
            category=tip.category,
            category_label=CATEGORIES.get(tip.category, tip.category),
            status=tip.status,  # type: ignore[arg-type]
            status_label=STATUSES[tip.status],
            privacy=tip.privacy,  # type: ignore[arg-type]
            privacy_label=PRIVACY[tip.privacy],
            urgent=tip.urgent,
            created_at=tip.created_at,
            updated_at=tip.updated_at,
            place=tip.place,
            public_result=tip.public_result,
            media_count=len(tip.media),
            media_failed=sum(1 for m in tip.media if m.status in {"failed", "refused"}),
            notice_id=tip.notice_id,
            contact=ContactOut(name=name, phone=phone) if name or phone else None,
        )


class TipList(Strict):
    tips: list[TipSummary] = Field(description="Urgent first, then newest first.")


class MediaOut(Strict):
    media_id: str
    kind: str
    status: str
    content_type: str | None
    size: int | None
    sha256: str | None
    error: str | None
    link: str | None = Field(description="Presigned GET of the stored file, valid at most 10 minutes.")

    @classmethod
    def of(cls, item: MediaItem, link: str | None) -> MediaOut:
        return cls(
            media_id=item.media_id,
            kind=item.kind,
            status=item.status,
            content_type=item.content_type,
            size=item.size,
            sha256=item.sha256,
            error=item.error,
            link=link,
        )


class AuditOut(Strict):
    at: datetime
    action: str
    actor: str
    detail: str

    @classmethod
    def of(cls, entry: AuditEntry) -> AuditOut:
        return cls(at=entry.at, action=entry.action, actor=entry.actor, detail=entry.detail)


class TipDetail(TipSummary):
    description: str
    occurred: str | None
    latitude: float | None
    longitude: float | None
    media: list[MediaOut]
    links_expire_at: datetime | None = Field(description="When the media links stop working.")
    history: list[AuditOut] = Field(description="Every event of the tip, oldest first (this view included).")

    @classmethod
    def build(
        cls,
        tip: Tip,
        unit_name: str,
        links: Callable[[MediaItem], str | None],
        expires_at: datetime | None,
        history: list[AuditEntry],
    ) -> TipDetail:
        return cls(
            **TipSummary.of(tip, unit_name).model_dump(),
            description=tip.description,
            occurred=tip.occurred,
            latitude=tip.latitude,
            longitude=tip.longitude,
            media=[MediaOut.of(m, links(m)) for m in tip.media],
            links_expire_at=expires_at,
            history=[AuditOut.of(e) for e in history],
        )


class StatusIn(Strict):
    status: SettableStatus
    public_result: str | None = Field(
        default=None,
        min_length=1,
        max_length=1000,
        description="What the reporter is told; required for da_xu_ly and khong_du_co_so.",
    )


class ReplyIn(Strict):
    text: str = Field(min_length=1, max_length=2000)


class TransferIn(Strict):
    unit_id: str = Field(pattern=UNIT_ID_PATTERN)


class NoteIn(Strict):
    text: str = Field(min_length=1, max_length=1000)


class TipChanged(Strict):
    delivery: Delivery | None = Field(
        default=None, description=DELIVERY_DESCRIPTION + " None: nothing is sent to the reporter."
    )
    tip: TipSummary


class ReplySent(Strict):
    code: str
    delivery: Delivery = Field(description=DELIVERY_DESCRIPTION)


class NoteSaved(Strict):
    code: str
    note: AuditOut
