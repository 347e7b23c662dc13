"""Typed Zalo webhook events (docs/zalo-platform.md, "Event shapes"), parsed with the standard library only.

The worker imports this module (the webhook reads only the envelope, anninh.zalo.envelope). No
pydantic: frozen dataclasses and small hand-written field readers that name the missing field in
:class:`EventParseError`.
Every id is a ``str`` (Zalo ids exceed 2^53; integers in a body are converted).

Public API:

- ``parse_event(body: Mapping, headers: Mapping | None = None, oa_id: str | None = None) -> Event`` — one
  of the classes below; unknown kinds become :class:`UnknownEvent`. ``parse_event_json(raw, headers=None,
  oa_id=None)`` decodes JSON first.
- ``idempotency_key(event: Event) -> str`` — the business key of an event (≤128 chars, valid as an SQS
  deduplication id).

What the webhook reads too lives in :mod:`anninh.zalo.envelope` (import it from there): ``locate_oa_and_user``
(the OA id and the citizen's id wherever the event kind carries them), ``is_ignored`` with
``IGNORED_EVENT_NAMES`` / ``IGNORED_EVENT_PREFIXES``, and ``EventParseError(ValueError)`` with ``event_name``
and ``field``.

DISAGREE shapes accepted (the parsed object's ``shape`` attribute says which matched, for logging):
location ``attachments[].payload.coordinates{latitude,longitude}`` ("coordinates"), ``message.location``
("message_location") and ``lat``/``long`` keys in either place ("…_lat_long"); submit_info ``info{name,
phone, address, city, district, ward}`` ("legacy") and ``info{name, phone, user_dob, gender,
full_address{user_city, user_ward, user_address}}`` ("2025"); seen/received ``message.msg_ids[]``
("msg_ids") and ``message.msg_id`` ("msg_id"); ``user_send_gif`` parsed although [ZA] says it does not exist.
A ZNS delivery receipt is a ``user_received_message`` with header ``X-ZEvent-Server: ZNS`` or, when the
header is lost (e.g. after the queue), a ``tracking_id``/``delivery_time`` in ``message``
(``ZnsReceived.detected_by`` = "header" | "body").

Ignored kinds (the webhook answers 200 and queues nothing): ``oa_send_*`` echoes of our own sends and of
staff replies typed in Zalo's OA manager (the system keeps its own record of what it sent), group-chat events
(``user_send_group_*``, ``oa_send_group_*``) and console notifications (``add_user_to_tag``,
``change_template_status``, ``change_oa_daily_quota``, ``change_oa_template_tags``). Everything a citizen
does (messages, follow/unfollow, reactions, submit_info, click "chat now", anonymous messages) and delivery
receipts are not ignored.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TypedDict

# The envelope's readers, the OA/user location and the ignore rule live in one place, shared with the
# webhook (which reads only the envelope).
from anninh.zalo.envelope import (
    ZNS_SERVER_HEADER,
    EventParseError,
    _event_name,
    _header,
    _id,
    _lookup,
    _opt_id,
    _opt_str,
    _short_hash,
    locate_oa_and_user,
    read_timestamp,
)

# ---------------------------------------------------------------------------------------------- classes


@dataclass(frozen=True, kw_only=True)
class Event:
    """Fields every event has. ``user_id`` is the citizen (``recipient`` or ``sender`` as the kind says)."""

    event_name: str
    app_id: str | None
    timestamp: str
    oa_id: str
    user_id: str
    user_id_by_app: str | None = None

    @property
    def timestamp_ms(self) -> int:
        return int(self.timestamp)


@dataclass(frozen=True, kw_only=True)
class UserMessage(Event):
    """Anything the citizen sent: ``msg_id`` is the id of this message, ``text`` the text or caption."""

    msg_id: str
    text: str = ""


@dataclass(frozen=True, kw_only=True)
class TextMessage(UserMessage):
    quote_msg_id: str | None = None


@dataclass(frozen=True, kw_only=True)
class MediaMessage(UserMessage):
    """Image, GIF, video or audio; ``urls`` lists every attachment of that type (one or several)."""

    url: str
    thumbnail: str | None = None
    urls: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class ImageMessage(MediaMessage):
    pass


@dataclass(frozen=True, kw_only=True)
class GifMessage(MediaMessage):
    pass


@dataclass(frozen=True, kw_only=True)
class VideoMessage(MediaMessage):
    description: str | None = None


@dataclass(frozen=True, kw_only=True)
class AudioMessage(MediaMessage):
    pass


@dataclass(frozen=True, kw_only=True)
class FileMessage(UserMessage):
    url: str
    name: str | None = None
    size: int | None = None
    file_type: str | None = None
    checksum: str | None = None


@dataclass(frozen=True, kw_only=True)
class LocationMessage(UserMessage):
    """``text`` is the place name when Zalo gives one; ``shape`` names the DISAGREE variant that matched."""

    latitude: float
    longitude: float
    shape: str


@dataclass(frozen=True, kw_only=True)
class StickerMessage(UserMessage):
    sticker_id: str | None = None
    url: str | None = None


@dataclass(frozen=True, kw_only=True)
class LinkMessage(UserMessage):
    url: str
    title: str | None = None
    description: str | None = None
    thumbnail: str | None = None


@dataclass(frozen=True, kw_only=True)
class BusinessCardMessage(UserMessage):
    """A shared contact card: ``text`` is the contact's name; the phone comes from the JSON description."""

    phone: str | None = None
    url: str | None = None
    thumbnail: str | None = None
    qr_code_url: str | None = None


@dataclass(frozen=True, kw_only=True)
class SubmittedInfo:
    """The answer to a request_user_info form; ``shape`` is "legacy" or "2025" (see the module docstring)."""

    shape: str
    name: str | None = None
    phone: str | None = None
    address: str | None = None
    ward: str | None = None
    district: str | None = None
    city: str | None = None
    dob: str | None = None
    gender: str | None = None


@dataclass(frozen=True, kw_only=True)
class UserSubmitInfo(Event):
    info: SubmittedInfo


@dataclass(frozen=True, kw_only=True)
class UserReaction(Event):
    """The citizen reacted to ``msg_id`` (usually a message of the OA)."""

    msg_id: str
    react_icon: str


@dataclass(frozen=True, kw_only=True)
class DeliveryReceipt(Event):
    """user_received_message / user_seen_message about messages the OA sent."""

    msg_ids: tuple[str, ...]
    shape: str


@dataclass(frozen=True, kw_only=True)
class UserReceivedMessage(DeliveryReceipt):
    pass


@dataclass(frozen=True, kw_only=True)
class UserSeenMessage(DeliveryReceipt):
    pass


@dataclass(frozen=True, kw_only=True)
class ZnsReceived(Event):
    """A ZNS template message reached the phone ``user_id``; ``delivery_time`` in ms when given."""

    msg_id: str
    tracking_id: str | None = None
    delivery_time: str | None = None
    detected_by: str = "header"


@dataclass(frozen=True, kw_only=True)
class OaEcho(Event):
    """oa_send_*: Zalo echoes what the OA (the system or a staff member) sent; ``kind`` is the suffix."""

    kind: str
    msg_id: str | None = None


@dataclass(frozen=True, kw_only=True)
class Follow(Event):
    source: str | None = None


@dataclass(frozen=True, kw_only=True)
class Unfollow(Event):
    source: str | None = None


@dataclass(frozen=True, kw_only=True)
class UserClickChatNow(Event):
    pass


@dataclass(frozen=True, kw_only=True)
class AnonymousMessage(Event):
    """anonymous_send_*: a message from a user who chose to stay anonymous; ``kind`` is the suffix."""

    kind: str
    msg_id: str
    text: str = ""
    attachment_type: str | None = None
    url: str | None = None
    conversation_id: str | None = None


@dataclass(frozen=True, kw_only=True)
class UnknownEvent(Event):
    """A kind this module does not know; ``body`` is kept so that it can be logged by name and counted."""

    body: Mapping[str, object] = field(default_factory=dict, repr=False, compare=False)


# ---------------------------------------------------------------------------------------------- parsing


Headers = Mapping[str, str] | None


class _Common(TypedDict):
    """The fields every event has (:class:`Event`), read once and passed to the kind's parser."""

    event_name: str
    app_id: str | None
    timestamp: str
    oa_id: str
    user_id: str
    user_id_by_app: str | None


class _MessageFields(_Common):
    """The fields every citizen's message has (:class:`UserMessage`)."""

    msg_id: str
    text: str


def _common(body: Mapping[str, object], headers: Headers, verified_oa: str | None = None) -> _Common:
    name = _event_name(body)
    oa_id, user_id = locate_oa_and_user(body, headers, verified_oa)
    timestamp = read_timestamp(body, name)
    return {
        "event_name": name,
        "app_id": _opt_id(body, "app_id"),
        "timestamp": timestamp,
        "oa_id": oa_id,
        "user_id": user_id,
        "user_id_by_app": _opt_id(body, "user_id_by_app"),
    }


def _message(body: Mapping[str, object], name: str) -> Mapping[str, object]:
    message = body.get("message")
    if not isinstance(message, Mapping):
        raise EventParseError(name, "message")
    return message


def _attachments(message: Mapping[str, object], name: str, kind: str) -> list[Mapping[str, object]]:
    items = message.get("attachments")
    if not isinstance(items, list) or not items:
        raise EventParseError(name, "message.attachments")
    typed = [a for a in items if isinstance(a, Mapping) and a.get("type") == kind]
    if not typed:
        raise EventParseError(name, "message.attachments", f"has no attachment of type {kind!r}")
    for index, attachment in enumerate(typed):
        if not isinstance(attachment.get("payload"), Mapping):
            raise EventParseError(name, f"message.attachments[{index}].payload")
    return typed


def _payload(attachment: Mapping[str, object]) -> Mapping[str, object]:
    payload = attachment["payload"]
    assert isinstance(payload, Mapping)
    return payload


def _user_message_fields(
    body: Mapping[str, object], common: _Common
) -> tuple[Mapping[str, object], _MessageFields]:
    name = common["event_name"]
    message = _message(body, name)
    fields = _MessageFields(
        **common,
        msg_id=_id(_lookup(message, "msg_id"), name, "message.msg_id"),
        text=_opt_str(message, "text") or "",
    )
    return message, fields


def _text(body: Mapping[str, object], common: _Common, headers: Headers) -> Event:
    message, fields = _user_message_fields(body, common)
    if not isinstance(message.get("text"), str):
        raise EventParseError(common["event_name"], "message.text")
    quote = _opt_id(message, "quote_msg_id")
    return TextMessage(**fields, quote_msg_id=quote)


Parser = Callable[[Mapping[str, object], _Common, Headers], Event]


def _media(cls: type[MediaMessage], kind: str) -> Parser:
    def parse(body: Mapping[str, object], common: _Common, headers: Headers) -> Event:
        message, fields = _user_message_fields(body, common)
        attachments = _attachments(message, common["event_name"], kind)
        urls: list[str] = []
        for index, attachment in enumerate(attachments):
            url = _opt_str(_payload(attachment), "url")
            if not url:
                raise EventParseError(common["event_name"], f"message.attachments[{index}].payload.url")
            urls.append(url)
        first = _payload(attachments[0])
        thumbnail = _opt_str(first, "thumbnail")
        if cls is VideoMessage:
            description = _opt_str(first, "description")
            return VideoMessage(
                **fields, url=urls[0], thumbnail=thumbnail, urls=tuple(urls), description=description
            )
        return cls(**fields, url=urls[0], thumbnail=thumbnail, urls=tuple(urls))

    return parse


def _file(body: Mapping[str, object], common: _Common, headers: Headers) -> Event:
    message, fields = _user_message_fields(body, common)
    payload = _payload(_attachments(message, common["event_name"], "file")[0])
    url = _opt_str(payload, "url")
    if not url:
        raise EventParseError(common["event_name"], "message.attachments[0].payload.url")
    size_raw = _opt_str(payload, "size")
    size = int(float(size_raw)) if size_raw and size_raw.replace(".", "", 1).isdigit() else None
    return FileMessage(
        **fields,
        url=url,
        name=_opt_str(payload, "name"),
        size=size,
        file_type=_opt_str(payload, "type"),
        checksum=_opt_str(payload, "checksum"),
    )


def _coordinate(
    node: Mapping[str, object], keys: tuple[str, ...], name: str, path: str, limit: float
) -> float:
    for key in keys:
        raw = node.get(key)
        if raw is not None and not isinstance(raw, bool):
            try:
                if not isinstance(raw, int | float | str):
                    raise TypeError(type(raw).__name__)
                value = float(raw)
            except (TypeError, ValueError):
                raise EventParseError(name, f"{path}.{key}", "must be a number") from None
            if not -limit <= value <= limit:
                raise EventParseError(name, f"{path}.{key}", f"must be within ±{limit:g}")
            return value
    raise EventParseError(name, f"{path}.{keys[0]}")


def _location(body: Mapping[str, object], common: _Common, headers: Headers) -> Event:
    message, fields = _user_message_fields(body, common)
    name = common["event_name"]
    candidates: list[tuple[Mapping[str, object], str, str]] = []
    attachments = message.get("attachments")
    if isinstance(attachments, list):
        for index, attachment in enumerate(attachments):
            if isinstance(attachment, Mapping) and attachment.get("type") == "location":
                coords = _lookup(attachment, "payload.coordinates")
                if isinstance(coords, Mapping):
                    path = f"message.attachments[{index}].payload.coordinates"
                    candidates.append((coords, path, "coordinates"))
                    break
    location = message.get("location")
    if isinstance(location, Mapping):
        candidates.append((location, "message.location", "message_location"))
    if not candidates:
        raise EventParseError(name, "message.attachments[0].payload.coordinates")
    node, path, shape = candidates[0]
    if "latitude" not in node and "lat" in node:
        shape += "_lat_long"
    latitude = _coordinate(node, ("latitude", "lat"), name, path, 90.0)
    longitude = _coordinate(node, ("longitude", "long", "lng", "lon"), name, path, 180.0)
    return LocationMessage(**fields, latitude=latitude, longitude=longitude, shape=shape)


def _sticker(body: Mapping[str, object], common: _Common, headers: Headers) -> Event:
    message, fields = _user_message_fields(body, common)
    payload = _payload(_attachments(message, common["event_name"], "sticker")[0])
    return StickerMessage(**fields, sticker_id=_opt_id(payload, "id"), url=_opt_str(payload, "url"))


def _link(body: Mapping[str, object], common: _Common, headers: Headers) -> Event:
    message, fields = _user_message_fields(body, common)
    payload = _payload(_attachments(message, common["event_name"], "link")[0])
    url = _opt_str(payload, "url")
    if not url:
        raise EventParseError(common["event_name"], "message.attachments[0].payload.url")
    return LinkMessage(
        **fields,
        url=url,
        title=_opt_str(payload, "title"),
        description=_opt_str(payload, "description"),
        thumbnail=_opt_str(payload, "thumbnail"),
    )


def _card_details(description: object) -> Mapping[str, object]:
    if isinstance(description, Mapping):
        return description
    if isinstance(description, str) and description.strip().startswith("{"):
        try:
            decoded = json.loads(description)
        except ValueError:
            return {}
        return decoded if isinstance(decoded, Mapping) else {}
    return {}


def _business_card(body: Mapping[str, object], common: _Common, headers: Headers) -> Event:
    message, fields = _user_message_fields(body, common)
    payload = _payload(_attachments(message, common["event_name"], "business_card")[0])
    details = _card_details(payload.get("description"))
    phone = _opt_str(details, "phone") or _opt_str(details, "phoneNumber") or _opt_str(payload, "phone")
    qr = _opt_str(details, "qrCodeUrl") or _opt_str(payload, "qrCodeUrl")
    return BusinessCardMessage(
        **fields,
        phone=phone,
        url=_opt_str(payload, "url"),
        thumbnail=_opt_str(payload, "thumbnail"),
        qr_code_url=qr,
    )


def _submit_info(body: Mapping[str, object], common: _Common, headers: Headers) -> Event:
    info = body.get("info")
    if not isinstance(info, Mapping):
        raise EventParseError(common["event_name"], "info")
    if isinstance(info.get("full_address"), Mapping) or "user_dob" in info:
        parsed = SubmittedInfo(
            shape="2025",
            name=_opt_str(info, "name"),
            phone=_opt_str(info, "phone"),
            address=_opt_str(info, "full_address.user_address"),
            ward=_opt_str(info, "full_address.user_ward"),
            district=_opt_str(info, "full_address.user_district"),
            city=_opt_str(info, "full_address.user_city"),
            dob=_opt_str(info, "user_dob"),
            gender=_opt_str(info, "gender"),
        )
    else:
        parsed = SubmittedInfo(
            shape="legacy",
            name=_opt_str(info, "name"),
            phone=_opt_str(info, "phone"),
            address=_opt_str(info, "address"),
            ward=_opt_str(info, "ward"),
            district=_opt_str(info, "district"),
            city=_opt_str(info, "city"),
        )
    return UserSubmitInfo(**common, info=parsed)


def _reaction(body: Mapping[str, object], common: _Common, headers: Headers) -> Event:
    name = common["event_name"]
    message = _message(body, name)
    icon = _opt_str(message, "react_icon")
    if not icon:
        raise EventParseError(name, "message.react_icon")
    return UserReaction(
        **common, msg_id=_id(_lookup(message, "msg_id"), name, "message.msg_id"), react_icon=icon
    )


def _msg_ids(message: Mapping[str, object], name: str) -> tuple[tuple[str, ...], str]:
    ids = message.get("msg_ids")
    if isinstance(ids, list) and ids:
        return tuple(_id(item, name, "message.msg_ids[]") for item in ids), "msg_ids"
    if "msg_id" in message:
        return (_id(_lookup(message, "msg_id"), name, "message.msg_id"),), "msg_id"
    raise EventParseError(name, "message.msg_ids")


def _received(body: Mapping[str, object], common: _Common, headers: Headers) -> Event:
    name = common["event_name"]
    message = _message(body, name)
    server = (_header(headers, ZNS_SERVER_HEADER) or "").strip().upper()
    in_body = "tracking_id" in message or "delivery_time" in message
    if server == "ZNS" or in_body:
        return ZnsReceived(
            **common,
            msg_id=_id(_lookup(message, "msg_id"), name, "message.msg_id"),
            tracking_id=_opt_id(message, "tracking_id"),
            delivery_time=_opt_id(message, "delivery_time"),
            detected_by="header" if server == "ZNS" else "body",
        )
    ids, shape = _msg_ids(message, name)
    return UserReceivedMessage(**common, msg_ids=ids, shape=shape)


def _seen(body: Mapping[str, object], common: _Common, headers: Headers) -> Event:
    ids, shape = _msg_ids(_message(body, common["event_name"]), common["event_name"])
    return UserSeenMessage(**common, msg_ids=ids, shape=shape)


def _follow(body: Mapping[str, object], common: _Common, headers: Headers) -> Event:
    cls = Follow if common["event_name"] == "follow" else Unfollow
    return cls(**common, source=_opt_str(body, "source"))


def _oa_echo(body: Mapping[str, object], common: _Common, headers: Headers) -> Event:
    kind = common["event_name"].removeprefix("oa_send_")
    return OaEcho(**common, kind=kind, msg_id=_opt_id(body, "message.msg_id"))


def _anonymous(body: Mapping[str, object], common: _Common, headers: Headers) -> Event:
    name = common["event_name"]
    message = _message(body, name)
    first: Mapping[str, object] = {}
    attachments = message.get("attachments")
    if isinstance(attachments, list) and attachments and isinstance(attachments[0], Mapping):
        first = attachments[0]
    return AnonymousMessage(
        **common,
        kind=name.removeprefix("anonymous_send_"),
        msg_id=_id(_lookup(message, "msg_id"), name, "message.msg_id"),
        text=_opt_str(message, "text") or "",
        attachment_type=_opt_str(first, "type"),
        url=_opt_str(first, "payload.url"),
        conversation_id=_opt_id(message, "conversation_id") or _opt_id(body, "conversation_id"),
    )


def _chatnow(body: Mapping[str, object], common: _Common, headers: Headers) -> Event:
    return UserClickChatNow(**common)


_PARSERS: dict[str, Parser] = {
    "user_send_text": _text,
    "user_send_image": _media(ImageMessage, "image"),
    "user_send_gif": _media(GifMessage, "gif"),
    "user_send_video": _media(VideoMessage, "video"),
    "user_send_audio": _media(AudioMessage, "audio"),
    "user_send_file": _file,
    "user_send_location": _location,
    "user_send_sticker": _sticker,
    "user_send_link": _link,
    "user_send_business_card": _business_card,
    "user_submit_info": _submit_info,
    "user_reacted_message": _reaction,
    "user_received_message": _received,
    "user_seen_message": _seen,
    "follow": _follow,
    "unfollow": _follow,
    "user_click_chatnow": _chatnow,
}

KNOWN_EVENT_NAMES: frozenset[str] = frozenset(_PARSERS)


def parse_event(
    body: Mapping[str, object], headers: Mapping[str, str] | None = None, oa_id: str | None = None
) -> Event:
    """Parse a decoded webhook body into its typed event; raises :class:`EventParseError` when malformed.

    ``oa_id``: the OA the webhook verified the event with (a queue message attribute), which settles which
    of sender and recipient is the OA when an event carries them the other way round.
    """
    if not isinstance(body, Mapping):
        raise EventParseError(None, "<body>", "must be a JSON object")
    common = _common(body, headers, oa_id)
    name = common["event_name"]
    parser = _PARSERS.get(name)
    if parser is not None:
        return parser(body, common, headers)
    if name.startswith("oa_send_"):
        return _oa_echo(body, common, headers)
    if name.startswith("anonymous_send_"):
        return _anonymous(body, common, headers)
    return UnknownEvent(**common, body=dict(body))


def parse_event_json(
    raw: bytes | str, headers: Mapping[str, str] | None = None, oa_id: str | None = None
) -> Event:
    """Decode a JSON body then :func:`parse_event`; invalid JSON raises :class:`EventParseError`."""
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        raise EventParseError(None, "<body>", f"is not valid JSON ({exc.__class__.__name__})") from None
    return parse_event(body, headers, oa_id)


# ---------------------------------------------------------------------------------------------- keys


def idempotency_key(event: Event) -> str:
    """The business key that identifies one event across Zalo's retries (≤128 chars, SQS-dedup safe).

    - A citizen's own message (user_send_*, anonymous_send_*): its ``msg_id``.
    - Events *about* another message carry that message's id, shared by several events (the OA's message
      has an oa_send echo, a received and a seen receipt), so the event name is prefixed:
      ``"{event_name}:{msg_id}"``; a reaction adds the icon; several seen ids → the event name plus a hash
      of the sorted ids.
    - Anything else: ``"{event_name}:{user_id}:{timestamp}"``.
    """
    if isinstance(event, UserMessage | AnonymousMessage):
        return event.msg_id
    if isinstance(event, UserReaction):
        return f"{event.event_name}:{event.msg_id}:{_short_hash(event.react_icon)[:8]}"
    if isinstance(event, DeliveryReceipt):
        if len(event.msg_ids) == 1:
            return f"{event.event_name}:{event.msg_ids[0]}"
        return f"{event.event_name}:{_short_hash(','.join(sorted(event.msg_ids)))}"
    if isinstance(event, ZnsReceived):
        return f"zns_received:{event.msg_id}"
    if isinstance(event, OaEcho) and event.msg_id:
        return f"{event.event_name}:{event.msg_id}"
    key = f"{event.event_name}:{event.user_id}:{event.timestamp}"
    return key if len(key) <= 128 else f"{event.event_name[:60]}:{_short_hash(key)}"
