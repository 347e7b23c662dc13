"""The envelope of a Zalo webhook event: what the webhook reads before it queues the event.

The webhook's cold start is measured (tests/bench/webhook_bench.py: ≤ 1.3 × ``import boto3`` + one SQS
client), and importing the typed events of :mod:`anninh.zalo.events` (25 dataclasses) cost ~30 ms of it.
The webhook only needs the envelope, so this module reads just that, with the standard library and no
dataclass:

- the event name;
- the OA and the citizen, wherever the kind carries them (docs/zalo-platform.md, "Event shapes");
- the app id and the timestamp (milliseconds, checked against the replay window);
- the business key that deduplicates Zalo's retries on the FIFO queue (the message id, or the event
  name + user + timestamp where there is none), with the fields it is made of.

The worker still parses the whole event with :mod:`anninh.zalo.events`, which takes the readers, the
OA/user location, ``is_ignored`` and ``EventParseError`` from here (one copy). The business key is made
twice, from the raw body here and from the typed event there (``idempotency_key``); the unit tests compare
both on every sample event under tests/events/ so they cannot drift apart.

Not checked here (the worker's parse checks them): a message's content (text, attachments, location
coordinates, submit_info's form). A signed event from Zalo whose content has an unknown shape is therefore
queued, fails in the worker and lands in the dead-letter queue (alarmed, kept for a redrive) instead of
being refused with 400 and lost.

Public API: ``Envelope`` (a NamedTuple), ``read_envelope(body, headers=None, oa_id=None) -> Envelope``,
``locate_oa_and_user(body, headers=None, oa_id=None) -> tuple[str, str]``, ``oa_candidates(body) -> list``,
``plausible_id(value) -> str | None``, ``read_timestamp(body, name) -> str``,
``is_ignored(event_name) -> bool``, ``is_handled(event_name) -> bool``,
``EventParseError(ValueError)`` with ``event_name`` and ``field``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from typing import NamedTuple

ZNS_SERVER_HEADER = "X-ZEvent-Server"  # as Zalo spells it; headers are matched case-insensitively

# The user_send_* kinds the worker parses into a message with its own msg_id (anninh.zalo.events._PARSERS).
MESSAGE_KINDS: frozenset[str] = frozenset(
    {
        "user_send_text",
        "user_send_image",
        "user_send_gif",
        "user_send_video",
        "user_send_audio",
        "user_send_file",
        "user_send_location",
        "user_send_sticker",
        "user_send_link",
        "user_send_business_card",
    }
)
RECEIPT_KINDS: frozenset[str] = frozenset({"user_received_message", "user_seen_message"})

IGNORED_EVENT_PREFIXES: tuple[str, ...] = ("oa_send_", "user_send_group_", "oa_send_group_")
IGNORED_EVENT_NAMES: frozenset[str] = frozenset(
    {
        "add_user_to_tag",
        "remove_user_from_tag",
        "remove_tag",
        "change_template_status",
        "change_template_quality",
        "change_oa_daily_quota",
        "change_oa_template_tags",
    }
)
# The kinds the worker acts on (anninh.zalo.events._PARSERS, besides oa_send_* echoes, which the webhook
# ignores); anonymous_send_* too. Any other name is ignored by the webhook (200, counted, not queued).
HANDLED_EVENT_NAMES: frozenset[str] = (
    MESSAGE_KINDS
    | RECEIPT_KINDS
    | frozenset({"user_submit_info", "user_reacted_message", "follow", "unfollow", "user_click_chatnow"})
)
_HANDLED_PREFIXES = ("anonymous_send_",)

# Zalo ids are decimal strings of 64-bit integers (docs/zalo-platform.md, "Webhook events and the console"):
# at most 20 ASCII digits. Anything else cannot name an OA and never reaches the secret store.
_ID_RE = re.compile(r"[0-9]{1,20}")
# Milliseconds since the epoch in ASCII digits (13 today); "²³" or a 5,000-digit string is not a time.
_TIMESTAMP_RE = re.compile(r"[0-9]{1,16}")


class EventParseError(ValueError):
    """A webhook event lacks a field its kind needs, or a field has the wrong type (the webhook answers 400
    for the envelope's fields; the worker's full parse in :mod:`anninh.zalo.events` raises it too)."""

    def __init__(self, event_name: str | None, field_path: str, problem: str = "is missing") -> None:
        self.event_name = event_name or "?"
        self.field = field_path
        super().__init__(f"Zalo event {self.event_name!r}: field {field_path!r} {problem}")


class Envelope(NamedTuple):
    """What the webhook needs of one event; every id is a ``str`` (Zalo ids exceed 2^53)."""

    event_name: str
    app_id: str | None
    timestamp: str
    oa_id: str
    user_id: str
    key: str

    @property
    def timestamp_ms(self) -> int:
        return int(self.timestamp)


def is_ignored(event_name: str) -> bool:
    """True for kinds the system deliberately does not process (echoes, group chats, console notices)."""
    return event_name in IGNORED_EVENT_NAMES or event_name.startswith(IGNORED_EVENT_PREFIXES)


def is_handled(event_name: str) -> bool:
    """True for kinds the worker acts on; the webhook answers every other signed event 200 "ignored"."""
    return event_name in HANDLED_EVENT_NAMES or event_name.startswith(_HANDLED_PREFIXES)


def plausible_id(value: object) -> str | None:
    """``value`` as a Zalo id (1–20 ASCII digits, from a string or an integer), else ``None``."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        text = str(value) if 0 <= value < 10**20 else ""
    elif isinstance(value, str) and len(value) <= 64:
        text = value.strip()
    else:
        return None
    return text if _ID_RE.fullmatch(text) else None


# ---------------------------------------------------------------------------------------------- readers

_MISSING = object()


def _lookup(body: Mapping[str, object], path: str) -> object:
    node: object = body
    for part in path.split("."):
        if not isinstance(node, Mapping) or part not in node or node[part] is None:
            return _MISSING
        node = node[part]
    return node


def _id(value: object, name: str | None, path: str) -> str:
    if isinstance(value, bool) or value is _MISSING:
        raise EventParseError(name, path, "is missing" if value is _MISSING else "must be an id")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    raise EventParseError(name, path, "must be a non-empty string or integer id")


def _opt_id(body: Mapping[str, object], path: str) -> str | None:
    value = _lookup(body, path)
    if value is _MISSING or isinstance(value, bool) or not isinstance(value, int | str):
        return None
    return str(value).strip() or None


def _opt_str(body: Mapping[str, object], path: str) -> str | None:
    value = _lookup(body, path)
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def read_timestamp(body: Mapping[str, object], name: str | None) -> str:
    """The body's ``timestamp`` as a string of 1–16 ASCII digits; raises :class:`EventParseError`."""
    value = _lookup(body, "timestamp")
    if isinstance(value, bool) or value is _MISSING:
        raise EventParseError(name, "timestamp")
    text = value.strip() if isinstance(value, str) else str(value) if isinstance(value, int) else ""
    if len(text) > 16 or not _TIMESTAMP_RE.fullmatch(text):
        raise EventParseError(name, "timestamp", "must be milliseconds since the epoch")
    return text


def _event_name(body: Mapping[str, object]) -> str:
    if not isinstance(body, Mapping):
        raise EventParseError(None, "<body>", "must be a JSON object")
    name = body.get("event_name")
    if not isinstance(name, str) or not name.strip():
        raise EventParseError(None, "event_name")
    return name.strip()


# ---------------------------------------------------------------------------------------------- locating

_OA_IS_RECIPIENT_PREFIXES = ("user_send_", "anonymous_send_")
_OA_IS_RECIPIENT = frozenset({"user_submit_info", "user_reacted_message", "user_click_chatnow"})
_OA_IS_SENDER_PREFIXES = ("oa_send_",)
_TOP_LEVEL = frozenset({"follow", "unfollow"})


def _generic_location(body: Mapping[str, object]) -> tuple[str, str] | None:
    oa = _opt_id(body, "oa_id")
    if oa is not None:
        for path in ("follower.id", "user_id", "sender.id", "recipient.id"):
            user = _opt_id(body, path)
            if user is not None and user != oa:
                return oa, user
        return None
    recipient, sender = _opt_id(body, "recipient.id"), _opt_id(body, "sender.id")
    if recipient and sender:  # most kinds go from a user to the OA
        return recipient, sender
    return None


# Every place an OA id has been seen in a documented event (docs/zalo-platform.md): the webhook tries them
# in this order, after the kind's usual place, and keeps the first that names a KNOWN OA.
OA_ID_PATHS: tuple[str, ...] = (
    "recipient.id",
    "sender.id",
    "oa_id",
    "oaId",
    "oa.id",
    "follower.oa_id",
    "tag.oa_id",
    "data.oa_id",
    "data.oaId",
)
_USER_PATHS = ("follower.id", "user_id", "sender.id", "recipient.id")


def _usual_paths(name: str) -> tuple[str, str] | None:
    """(OA path, user path) where a kind usually carries them; ``None`` for kinds without a usual place."""
    if name in _TOP_LEVEL:
        return "oa_id", "follower.id"
    if name in RECEIPT_KINDS or name.startswith(_OA_IS_SENDER_PREFIXES):
        return "sender.id", "recipient.id"
    if name in _OA_IS_RECIPIENT or name.startswith(_OA_IS_RECIPIENT_PREFIXES):
        return "recipient.id", "sender.id"
    return None


def oa_candidates(body: Mapping[str, object]) -> list[str]:
    """Every distinct value that could be the event's OA id (1–20 digits), the kind's usual place first.

    The webhook asks which of them is a known OA: some events carry the OA elsewhere than documented (a
    ``user_seen_message`` logged with the user as sender) or under another name (``oaId``).
    """
    name = body.get("event_name")
    usual = _usual_paths(name) if isinstance(name, str) else None
    paths: Iterable[str] = ((usual[0],) if usual else ()) + OA_ID_PATHS
    found: list[str] = []
    for path in paths:
        value = plausible_id(_lookup(body, path))
        if value is not None and value not in found:
            found.append(value)
    return found


def _user_beside(body: Mapping[str, object], name: str, oa_id: str) -> tuple[str, str]:
    usual = _usual_paths(name)
    paths = ((usual[1],) if usual else ()) + _USER_PATHS
    for path in paths:
        user = _opt_id(body, path)
        if user is not None and user != oa_id:
            return oa_id, user
    raise EventParseError(name, paths[0], "is missing (no user beside the OA)")


def locate_oa_and_user(
    body: Mapping[str, object], headers: Mapping[str, str] | None = None, oa_id: str | None = None
) -> tuple[str, str]:
    """``(oa_id, user_id)`` of an event, wherever its kind carries it (docs/zalo-platform.md, "Event shapes").

    ``oa_id``, when given, is the OA the webhook verified the event with (it travels with the queued event):
    when it appears among the event's OA candidates it is the OA, and the user is the first other id in
    the kind's user place, follower.id, user_id, sender.id, recipient.id.

    user_send_*, anonymous_send_*, user_submit_info, user_reacted_message, user_click_chatnow: OA =
    recipient.id, user = sender.id. user_received_message, user_seen_message, oa_send_*: OA = sender.id,
    user = recipient.id (for a ZNS receipt the "user" is the recipient phone). follow/unfollow: top-level
    oa_id and follower.id. Any kind whose usual fields are absent falls back to a top-level ``oa_id`` with
    follower.id / user_id, then to recipient (OA) and sender (user). Raises :class:`EventParseError` naming
    the usual field when nothing fits.
    """
    name = _event_name(body)
    if oa_id is not None and oa_id in oa_candidates(body):
        return _user_beside(body, name, oa_id)
    primary = _usual_paths(name)
    if primary is None:
        found = _generic_location(body)
        if found is None:
            raise EventParseError(name, "oa_id", "is missing (no oa_id, recipient.id or sender.id)")
        return found
    oa, user = _opt_id(body, primary[0]), _opt_id(body, primary[1])
    if oa and user:
        return oa, user
    found = _generic_location(body) if primary[0] != "oa_id" or oa is None else None
    if found is not None:
        return found
    raise EventParseError(name, primary[0] if not oa else primary[1])


# ---------------------------------------------------------------------------------------------- keys


def _short_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _message(body: Mapping[str, object], name: str) -> Mapping[str, object]:
    message = body.get("message")
    if not isinstance(message, Mapping):
        raise EventParseError(name, "message")
    return message


def _msg_id(message: Mapping[str, object], name: str) -> str:
    return _id(_lookup(message, "msg_id"), name, "message.msg_id")


def _header(headers: Mapping[str, str] | None, name: str) -> str | None:
    lowered = name.lower()
    for key, value in (headers or {}).items():
        if key.lower() == lowered:
            return value
    return None


def _receipt_key(body: Mapping[str, object], name: str, headers: Mapping[str, str] | None) -> str:
    message = _message(body, name)
    if name == "user_received_message":
        server = (_header(headers, ZNS_SERVER_HEADER) or "").strip().upper()
        if server == "ZNS" or "tracking_id" in message or "delivery_time" in message:
            return f"zns_received:{_msg_id(message, name)}"
    ids = message.get("msg_ids")
    if isinstance(ids, list) and ids:
        msg_ids = [_id(item, name, "message.msg_ids[]") for item in ids]
    elif "msg_id" in message:
        msg_ids = [_msg_id(message, name)]
    else:
        raise EventParseError(name, "message.msg_ids")
    if len(msg_ids) == 1:
        return f"{name}:{msg_ids[0]}"
    return f"{name}:{_short_hash(','.join(sorted(msg_ids)))}"


def _key(
    body: Mapping[str, object], name: str, user_id: str, timestamp: str, headers: Mapping[str, str] | None
) -> str:
    """The event's business key, as ``anninh.zalo.events.idempotency_key`` makes it (≤ 128 chars)."""
    if name in MESSAGE_KINDS or name.startswith("anonymous_send_"):
        return _msg_id(_message(body, name), name)
    if name == "user_reacted_message":
        message = _message(body, name)
        msg_id = _msg_id(message, name)
        icon = _opt_str(message, "react_icon")
        if not icon:
            raise EventParseError(name, "message.react_icon")
        return f"{name}:{msg_id}:{_short_hash(icon)[:8]}"
    if name in RECEIPT_KINDS:
        return _receipt_key(body, name, headers)
    if name.startswith("oa_send_"):
        echoed = _opt_id(body, "message.msg_id")
        if echoed:
            return f"{name}:{echoed}"
    key = f"{name}:{user_id}:{timestamp}"
    return key if len(key) <= 128 else f"{name[:60]}:{_short_hash(key)}"


def read_envelope(
    body: Mapping[str, object], headers: Mapping[str, str] | None = None, oa_id: str | None = None
) -> Envelope:
    """The envelope of a decoded webhook body; raises :class:`EventParseError` naming the first bad field.

    ``oa_id``: the OA the event was verified with, if known (see :func:`locate_oa_and_user`).
    """
    name = _event_name(body)
    oa_id, user_id = locate_oa_and_user(body, headers, oa_id)
    timestamp = read_timestamp(body, name)
    return Envelope(
        event_name=name,
        app_id=_opt_id(body, "app_id"),
        timestamp=timestamp,
        oa_id=oa_id,
        user_id=user_id,
        key=_key(body, name, user_id, timestamp, headers),
    )
