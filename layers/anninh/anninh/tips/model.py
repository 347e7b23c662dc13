"""Tip domain types: categories, privacy choices, the status lifecycle, media and audit entries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from anninh import texts

# The identifiers stored and typed by officers are anninh.tips.identifiers; the labels people read, keyed by
# them, live in anninh.texts.
CATEGORIES: dict[str, str] = texts.TIP_CATEGORY_LABELS
PRIVACY: dict[str, str] = texts.TIP_PRIVACY_LABELS
STATUSES: dict[str, str] = texts.TIP_STATUS_LABELS
TERMINAL = frozenset({"da_xu_ly", "khong_du_co_so"})
TRANSITIONS: dict[str, frozenset[str]] = {
    "moi": frozenset({"da_tiep_nhan", "dang_xac_minh", "khong_du_co_so", "da_chuyen"}),
    "da_tiep_nhan": frozenset({"dang_xac_minh", "da_xu_ly", "khong_du_co_so", "da_chuyen"}),
    "dang_xac_minh": frozenset({"da_xu_ly", "khong_du_co_so", "da_chuyen"}),
    # A transferred tip starts again as "mới" at the receiving unit.
    "da_chuyen": frozenset({"moi"}),
    "da_xu_ly": frozenset(),
    "khong_du_co_so": frozenset(),
}
NEEDS_PUBLIC_RESULT = frozenset({"da_xu_ly", "khong_du_co_so"})
# The hidden payload of a wanted-person broadcast's "Gửi tin về đối tượng này" button: starts a linked tip.
NOTICE_PAYLOAD_PREFIX = "TIP:NOTICE:"
# Limits per tip: what one citizen can make the system download and store (told politely when reached).
MAX_MEDIA_PER_TIP = 20
MAX_DESCRIPTION_CHARS = 4000  # the description, and each addition ("bổ sung") on its own


class TipError(ValueError):
    """A refused change (invalid transition, missing public result, out of scope); message in Vietnamese."""


@dataclass(frozen=True)
class MediaItem:
    media_id: str
    kind: str  # image | video | audio | file
    source_url: str
    status: str = "pending"  # pending | stored | failed | refused
    s3_key: str | None = None
    content_type: str | None = None
    size: int | None = None
    sha256: str | None = None
    error: str | None = None
    declared_size: int | None = None  # what Zalo said the file weighs: refused before download when too big


@dataclass(frozen=True)
class Tip:
    tip_id: str  # time-sortable
    unit_id: str
    code: str
    category: str
    description: str
    privacy: str
    reporter_key: str  # keyed hash of (OA, user): finds "my tips" without exposing the id
    reporter_oa_id: str
    reporter_user_id: str  # kept only for the relay; never shown to officers
    created_at: datetime
    updated_at: datetime
    status: str = "moi"
    urgent: bool = False
    place: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    occurred: str | None = None
    contact_name: str | None = None  # confidential/open only
    contact_phone: str | None = None
    public_result: str | None = None
    media: tuple[MediaItem, ...] = field(default_factory=tuple)
    version: int = 0
    # The wanted-person notice the tip is about, when the citizen started it from a broadcast's
    # "Gửi tin về đối tượng này" button (the notice's content item id).
    notice_id: str | None = None
    # The commune below the receiving unit that the tip's place names (anninh.units.places): offered to the
    # officers, who confirm with "#chuyen <code>"; cleared by any transfer.
    suggested_unit_id: str | None = None

    @property
    def open(self) -> bool:
        return self.status not in TERMINAL


@dataclass(frozen=True)
class AuditEntry:
    tip_id: str
    at: datetime
    # created | viewed | status | reply | note | transfer | media | media_access | info_added |
    # route_suggested (the commune its place names, anninh.units.places)
    action: str
    actor: str  # "citizen", an officer's "name (unit)", or an IAM ARN
    detail: str = ""


def check_transition(current: str, new: str, public_result: str | None) -> None:
    if new not in STATUSES:
        raise TipError(texts.TIP_ERROR_UNKNOWN_STATUS.format(status=new))
    if new not in TRANSITIONS[current]:
        raise TipError(texts.TIP_ERROR_TRANSITION.format(current=STATUSES[current], new=STATUSES[new]))
    if new in NEEDS_PUBLIC_RESULT and not (public_result or "").strip():
        raise TipError(texts.TIP_ERROR_RESULT_REQUIRED.format(status=STATUSES[new]))
