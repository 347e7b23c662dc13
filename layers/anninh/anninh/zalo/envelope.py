"""The envelope of a Zalo webhook event: what the webhook reads before it queues the event.

The webhook's cold start is measured (issue 2: ≤ 1.3 × ``import boto3`` + one SQS client), and importing the
typed events of :mod:`anninh.zalo.events` (25 dataclasses) cost ~30 ms of it. The webhook only needs the
envelope, so this module reads just that, with the standard library and no dataclass:

- the event name;
- the OA and the citizen, wherever the kind carries them (ZALO_API.md §2, "OA id location");
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

Public API: ``Envelope`` (a NamedTuple), ``read_envelope(body, headers=None) -> Envelope``,
``locate_oa_and_user(body, headers=None) -> tuple[str, str]``, ``is_ignored(event_name) -> bool``,
``EventParseError(ValueError)`` with ``event_name`` and ``field``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any, NamedTuple

ZNS_SERVER_HEADER = "x-zevent-server"

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
    {"add_user_to_tag", "change_template_status", "change_oa_daily_quota", "change_oa_template_tags"}
)


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


# ---------------------------------------------------------------------------------------------- readers

_MISSING = object()


def _lookup(body: Mapping[str, Any], path: str) -> Any:
    node: Any = body
    for part in path.split("."):
        if not isinstance(node, Mapping) or part not in node or node[part] is None:
            return _MISSING
        node = node[part]
    return node


def _id(value: Any, name: str | None, path: str) -> str:
    if isinstance(value, bool) or value is _MISSING:
        raise EventParseError(name, path, "is missing" if value is _MISSING else "must be an id")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    raise EventParseError(name, path, "must be a non-empty string or integer id")


def _opt_id(body: Mapping[str, Any], path: str) -> str | None:
    value = _lookup(body, path)
    if value is _MISSING or isinstance(value, bool) or not isinstance(value, int | str):
        return None
    return str(value).strip() or None


def _opt_str(body: Mapping[str, Any], path: str) -> str | None:
    value = _lookup(body, path)
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _event_name(body: Mapping[str, Any]) -> str:
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


def _generic_location(body: Mapping[str, Any]) -> tuple[str, str] | None:
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


def locate_oa_and_user(body: Mapping[str, Any], headers: Mapping[str, str] | None = None) -> tuple[str, str]:
    """``(oa_id, user_id)`` of an event, wherever its kind carries them (ZALO_API.md §2).

    user_send_*, anonymous_send_*, user_submit_info, user_reacted_message, user_click_chatnow: OA =
    recipient.id, user = sender.id. user_received_message, user_seen_message, oa_send_*: OA = sender.id,
    user = recipient.id (for a ZNS receipt the "user" is the recipient phone). follow/unfollow: top-level
    oa_id and follower.id. Any kind whose usual fields are absent falls back to a top-level ``oa_id`` with
    follower.id / user_id, then to recipient (OA) and sender (user). Raises :class:`EventParseError` naming
    the usual field when nothing fits.
    """
    name = _event_name(body)
    if name in _TOP_LEVEL:
        primary = ("oa_id", "follower.id")
    elif name in RECEIPT_KINDS or name.startswith(_OA_IS_SENDER_PREFIXES):
        primary = ("sender.id", "recipient.id")
    elif name in _OA_IS_RECIPIENT or name.startswith(_OA_IS_RECIPIENT_PREFIXES):
        primary = ("recipient.id", "sender.id")
    else:
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


def _message(body: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    message = body.get("message")
    if not isinstance(message, Mapping):
        raise EventParseError(name, "message")
    return message


def _msg_id(message: Mapping[str, Any], name: str) -> str:
    return _id(_lookup(message, "msg_id"), name, "message.msg_id")


def _header(headers: Mapping[str, str] | None, name: str) -> str | None:
    lowered = name.lower()
    for key, value in (headers or {}).items():
        if key.lower() == lowered:
            return value
    return None


def _receipt_key(body: Mapping[str, Any], name: str, headers: Mapping[str, str] | None) -> str:
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


def _key(body: Mapping[str, Any], name: str, user_id: str, timestamp: str, headers: Any) -> str:
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


def read_envelope(body: Mapping[str, Any], headers: Mapping[str, str] | None = None) -> Envelope:
    """The envelope of a decoded webhook body; raises :class:`EventParseError` naming the first bad field."""
    name = _event_name(body)
    oa_id, user_id = locate_oa_and_user(body, headers)
    timestamp = _id(_lookup(body, "timestamp"), name, "timestamp")
    if not timestamp.isdigit():
        raise EventParseError(name, "timestamp", "must be milliseconds since the epoch")
    return Envelope(
        event_name=name,
        app_id=_opt_id(body, "app_id"),
        timestamp=timestamp,
        oa_id=oa_id,
        user_id=user_id,
        key=_key(body, name, user_id, timestamp, headers),
    )
