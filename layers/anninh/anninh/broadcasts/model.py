"""A broadcast: who (unit scope, audience), what (text, image, link, buttons), when (once or cron).

Validated from plain mappings (admin API bodies); :class:`BroadcastError` names the field at fault, in
Vietnamese (its message is shown to the officer as it is).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from anninh import texts
from anninh.broadcasts.identifiers import REASON_KEYS, STATUS_KEYS
from anninh.tips.model import NOTICE_PAYLOAD_PREFIX

VIETNAM_TZ = "Asia/Ho_Chi_Minh"
VIETNAM = ZoneInfo(VIETNAM_TZ)
AUDIENCES = {"all": None, "48h": timedelta(hours=48), "7d": timedelta(days=7)}
STATUSES = STATUS_KEYS
# Final results of one recipient. "in_doubt": the message may have reached them but no result was recorded
# (never re-sent: Zalo has no idempotency key). "expired": deferred for too long, not sent. Both carry a
# reason (REASONS). "cancelled": still queued when the broadcast was cancelled, not sent. "held": an article
# broadcast past its OA's monthly allowance (reason "quota", anninh.broadcasts.quota), not sent.
RESULTS = (
    "sent",
    "skipped_out_of_window",
    "unfollowed",
    "failed",
    "in_doubt",
    "expired",
    "cancelled",
    "held",
)
REASONS = REASON_KEYS
TEXT_MAX = 2000
BUTTONS_MAX = 4  # Zalo lists take 5 elements; a link takes the fifth
BUTTON_TITLE_MAX = 100
PAYLOAD_MAX = 200
_CRON = re.compile(r"^\S+ \S+ \S+ \S+ \S+ \S+$")
_URL = re.compile(r"^https://\S{3,1000}$")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")


class BroadcastError(ValueError):
    """A broadcast that cannot be created or changed (the message, in Vietnamese, names the field or the
    state)."""


@dataclass(frozen=True)
class BroadcastButton:
    title: str
    url: str | None = None
    payload: str | None = None  # a hidden query (oa.query.hide) the conversation understands

    def as_json(self) -> dict[str, str]:
        return {
            "title": self.title,
            **({"url": self.url} if self.url else {}),
            **({"payload": self.payload} if self.payload else {}),
        }


@dataclass(frozen=True)
class BroadcastContent:
    text: str
    image_url: str | None = None
    link: str | None = None
    buttons: tuple[BroadcastButton, ...] = ()

    def as_json(self) -> dict[str, object]:
        return {
            "text": self.text,
            "image_url": self.image_url,
            "link": self.link,
            "buttons": [b.as_json() for b in self.buttons],
        }


@dataclass(frozen=True)
class Broadcast:
    broadcast_id: str
    unit_id: str
    include_descendants: bool
    audience: str
    content: BroadcastContent
    schedule: str  # "at(yyyy-mm-ddThh:mm:ss)" or "cron(m h dom mon dow year)", Vietnam time
    status: str = "scheduled"
    promotional: bool = True
    notice_id: str | None = None
    created_by: str = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None
    last_run_id: str | None = None
    runs: dict[str, int] = field(default_factory=dict)  # run id -> recipients queued

    @property
    def one_time(self) -> bool:
        return self.schedule.startswith("at(")

    def with_status(self, status: str, at: datetime) -> Broadcast:
        return replace(self, status=status, updated_at=at)


# Allowed status changes by an officer: (from, action) -> to.
TRANSITIONS: dict[tuple[str, str], str] = {
    ("scheduled", "pause"): "paused",
    ("running", "pause"): "paused",
    ("paused", "resume"): "scheduled",
    ("scheduled", "cancel"): "cancelled",
    ("paused", "cancel"): "cancelled",
    ("running", "cancel"): "cancelled",
}


def transition(broadcast: Broadcast, action: str) -> str:
    target = TRANSITIONS.get((broadcast.status, action))
    if target is None:
        raise BroadcastError(
            texts.BROADCAST_ERROR_TRANSITION.format(
                action=texts.BROADCAST_ACTION_LABELS.get(action, action),
                status=texts.BROADCAST_STATUS_LABELS.get(broadcast.status, broadcast.status),
            )
        )
    return target


def _text(data: Mapping[str, object], name: str, limit: int, *, required: bool = False) -> str | None:
    value = data.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise BroadcastError(texts.BROADCAST_ERROR_REQUIRED.format(field=name))
        return None
    if not isinstance(value, str):
        raise BroadcastError(texts.BROADCAST_ERROR_NOT_TEXT.format(field=name))
    value = value.strip()
    if len(value) > limit:
        raise BroadcastError(texts.BROADCAST_ERROR_TOO_LONG.format(field=name, limit=limit))
    return value


def _url(data: Mapping[str, object], name: str) -> str | None:
    value = _text(data, name, 1000)
    if value is not None and not _URL.match(value):
        raise BroadcastError(texts.BROADCAST_ERROR_NOT_HTTPS.format(field=name))
    return value


def parse_schedule(data: Mapping[str, object], now: datetime) -> str:
    """``at`` (ISO local Vietnam time, in the future) or ``cron`` (six AWS cron fields); exactly one."""
    at, cron = data.get("at"), data.get("cron")
    if (at is None) == (cron is None):
        raise BroadcastError(texts.BROADCAST_ERROR_AT_OR_CRON)
    if at is not None:
        try:
            when = datetime.fromisoformat(str(at))
        except ValueError as exc:
            raise BroadcastError(texts.BROADCAST_ERROR_AT_FORMAT) from exc
        local = when.astimezone(VIETNAM) if when.tzinfo else when.replace(tzinfo=VIETNAM)
        if local <= now:
            raise BroadcastError(texts.BROADCAST_ERROR_AT_PAST)
        return f"at({local.replace(tzinfo=None, microsecond=0).isoformat()})"
    text = str(cron).strip()
    if text.startswith("cron(") and text.endswith(")"):
        text = text[5:-1].strip()
    if not _CRON.match(text):
        raise BroadcastError(texts.BROADCAST_ERROR_CRON_FORMAT)
    return f"cron({text})"


def parse_content(data: Mapping[str, object], notice_id: str | None) -> BroadcastContent:
    text = _text(data, "text", TEXT_MAX, required=True)
    assert text is not None
    raw_buttons = data.get("buttons") or []
    if not isinstance(raw_buttons, list):
        raise BroadcastError(texts.BROADCAST_ERROR_BUTTONS_LIST)
    buttons: list[BroadcastButton] = []
    for index, raw in enumerate(raw_buttons):
        if not isinstance(raw, Mapping):
            raise BroadcastError(texts.BROADCAST_ERROR_BUTTON_SHAPE.format(number=index + 1))
        title = _text(raw, "title", BUTTON_TITLE_MAX, required=True)
        url, payload = _url(raw, "url"), _text(raw, "payload", PAYLOAD_MAX)
        if (url is None) == (payload is None):
            raise BroadcastError(texts.BROADCAST_ERROR_BUTTON_TARGET.format(number=index + 1))
        assert title is not None
        buttons.append(BroadcastButton(title, url, payload))
    if notice_id is not None:
        buttons.append(BroadcastButton(texts.BROADCAST_TIP_BUTTON, payload=NOTICE_PAYLOAD_PREFIX + notice_id))
    if len(buttons) > BUTTONS_MAX:
        raise BroadcastError(texts.BROADCAST_ERROR_TOO_MANY_BUTTONS.format(limit=BUTTONS_MAX))
    return BroadcastContent(text, _url(data, "image_url"), _url(data, "link"), tuple(buttons))


def new_broadcast(data: Mapping[str, object], now: datetime, actor: str) -> Broadcast:
    unit_id = _text(data, "unit_id", 64, required=True)
    audience = data.get("audience", "7d")
    if audience not in AUDIENCES:
        raise BroadcastError(texts.BROADCAST_ERROR_AUDIENCE.format(choices=", ".join(AUDIENCES)))
    notice_id = _text(data, "notice_id", 63)
    if notice_id is not None and not _ID.match(notice_id):
        raise BroadcastError(texts.BROADCAST_ERROR_NOTICE_ID)
    assert unit_id is not None
    return Broadcast(
        broadcast_id=uuid.uuid4().hex[:12],
        unit_id=unit_id,
        include_descendants=bool(data.get("include_descendants", False)),
        audience=str(audience),
        content=parse_content(data, notice_id),
        schedule=parse_schedule(data, now),
        promotional=bool(data.get("promotional", True)),
        notice_id=notice_id,
        created_by=actor,
        created_at=now,
        updated_at=now,
    )


def _stored_text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def content_from_json(data: Mapping[str, object]) -> BroadcastContent:
    """The content as :meth:`BroadcastContent.as_json` stored it."""
    buttons = data.get("buttons") or []
    return BroadcastContent(
        text=str(data["text"]),
        image_url=_stored_text(data.get("image_url")),
        link=_stored_text(data.get("link")),
        buttons=tuple(
            BroadcastButton(str(b["title"]), _stored_text(b.get("url")), _stored_text(b.get("payload")))
            for b in (buttons if isinstance(buttons, list) else [])
            if isinstance(b, Mapping)
        ),
    )


# The "all" audience is Zalo's article broadcast to every follower, one per OA (docs/zalo-platform.md §4): a
# consultation message reaches only followers active within 7 days. Its one "recipient" per OA in a batch
# and in the results table is this reserved id (Zalo user ids are digits).
ARTICLE_AUDIENCE = "all"
ARTICLE_RECIPIENT_PREFIX = "article#"


def article_recipient(oa_id: str) -> str:
    return ARTICLE_RECIPIENT_PREFIX + oa_id


def is_article_recipient(user_id: str) -> bool:
    return user_id.startswith(ARTICLE_RECIPIENT_PREFIX)


def channel_of(audience: str) -> str:
    """How a broadcast reaches its audience: ``article`` (all followers) or ``consultation``."""
    return "article" if audience == ARTICLE_AUDIENCE else "consultation"


def in_audience(audience: str, last_interaction_at: datetime | None, now: datetime) -> bool:
    window = AUDIENCES[audience]
    if window is None:
        return True
    return last_interaction_at is not None and now - last_interaction_at <= window
