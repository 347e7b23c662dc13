"""Parsing of every sample event under tests/events/ and of malformed events.

Shared ids of the samples (also the demo province in the seed data):
    app_id          4321098765432109876
    oa_id           1234567890123456789   (the demo province's OA)
    user_id         8765432109876543210   (the citizen; sender.id / recipient.id / follower.id)
    user_id_by_app  5566778899001122334
    timestamp       1767225600123         (2026-01-01 00:00:00.123 UTC)
The ZNS receipt's recipient is the phone 84912345678; the anonymous sender is 2233445566778899001.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from anninh.zalo import envelope as en
from anninh.zalo import events as ev

EVENTS = Path(__file__).resolve().parents[2] / "events"
APP_ID = "4321098765432109876"
OA_ID = "1234567890123456789"
USER_ID = "8765432109876543210"
TS = "1767225600123"

# sample file -> (expected class, expected user id)
EXPECTED: dict[str, tuple[type[ev.Event], str]] = {
    "user_send_text": (ev.TextMessage, USER_ID),
    "user_send_text_quote": (ev.TextMessage, USER_ID),
    "user_send_image": (ev.ImageMessage, USER_ID),
    "user_send_gif": (ev.GifMessage, USER_ID),
    "user_send_video": (ev.VideoMessage, USER_ID),
    "user_send_audio": (ev.AudioMessage, USER_ID),
    "user_send_file": (ev.FileMessage, USER_ID),
    "user_send_location": (ev.LocationMessage, USER_ID),
    "user_send_location_message_location": (ev.LocationMessage, USER_ID),
    "user_send_location_lat_long": (ev.LocationMessage, USER_ID),
    "user_send_sticker": (ev.StickerMessage, USER_ID),
    "user_send_link": (ev.LinkMessage, USER_ID),
    "user_send_business_card": (ev.BusinessCardMessage, USER_ID),
    "user_submit_info": (ev.UserSubmitInfo, USER_ID),
    "user_submit_info_2025": (ev.UserSubmitInfo, USER_ID),
    "user_reacted_message": (ev.UserReaction, USER_ID),
    "user_received_message": (ev.UserReceivedMessage, USER_ID),
    "user_received_message_msg_id": (ev.UserReceivedMessage, USER_ID),
    "user_seen_message": (ev.UserSeenMessage, USER_ID),
    "user_seen_message_msg_id": (ev.UserSeenMessage, USER_ID),
    "oa_send_text": (ev.OaEcho, USER_ID),
    "oa_send_list": (ev.OaEcho, USER_ID),
    "follow": (ev.Follow, USER_ID),
    "unfollow": (ev.Unfollow, USER_ID),
    "zns_user_received_message": (ev.ZnsReceived, "84912345678"),
    "user_click_chatnow": (ev.UserClickChatNow, USER_ID),
    "anonymous_send_text": (ev.AnonymousMessage, "2233445566778899001"),
    "user_seen_message_user_as_sender": (ev.UserSeenMessage, USER_ID),
    # Console notices without a user: the typed parse refuses them (the webhook ignores these kinds).
    "add_user_to_tag": (None, None),
    "remove_user_from_tag": (None, None),
    "remove_tag": (None, None),
    "change_template_status": (None, None),
    "change_oa_daily_quota": (None, None),
}
# Samples whose OA only the webhook's verification settles (the worker gets it with the queued event).
SWAPPED = {"user_seen_message_user_as_sender"}


def load(name: str) -> dict[str, Any]:
    return json.loads((EVENTS / f"{name}.json").read_text(encoding="utf-8"))


def test_every_sample_file_is_covered() -> None:
    assert {p.stem for p in EVENTS.glob("*.json")} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_sample_parses(name: str) -> None:
    body = load(name)
    cls, user = EXPECTED[name]
    if cls is None:
        assert en.is_ignored(body["event_name"])
        with pytest.raises(en.EventParseError):
            ev.parse_event(body, None, OA_ID)
        return
    event = ev.parse_event(body, None, OA_ID)
    assert type(event) is cls
    assert (event.oa_id, event.user_id) == (OA_ID, user)
    assert en.locate_oa_and_user(body, None, OA_ID) == (OA_ID, user)
    if name not in SWAPPED:
        assert en.locate_oa_and_user(body) == (OA_ID, user) and ev.parse_event(body) == event
    assert event.timestamp == TS and event.timestamp_ms == int(TS)
    assert event.app_id == APP_ID
    key = ev.idempotency_key(event)
    assert 0 < len(key) <= 128 and key.isascii()
    # the same event from raw JSON bytes parses identically
    assert ev.parse_event_json(json.dumps(body).encode(), None, OA_ID) == event


def test_text_and_quote() -> None:
    text = ev.parse_event(load("user_send_text"))
    assert isinstance(text, ev.TextMessage)
    assert (
        text.text == "xin chào" and text.quote_msg_id is None and text.user_id_by_app == "5566778899001122334"
    )
    quoted = ev.parse_event(load("user_send_text_quote"))
    assert isinstance(quoted, ev.TextMessage) and quoted.quote_msg_id == "a1b2c3d4e5f60718293a4b5c6d7e8f90"


def test_media_attachments() -> None:
    image = ev.parse_event(load("user_send_image"))
    assert isinstance(image, ev.ImageMessage)
    assert image.text == "Ảnh hiện trường" and len(image.urls) == 2 and image.url.endswith("sample.jpg")
    video = ev.parse_event(load("user_send_video"))
    assert isinstance(video, ev.VideoMessage) and video.description == "video.mp4" and video.thumbnail
    audio = ev.parse_event(load("user_send_audio"))
    assert isinstance(audio, ev.AudioMessage) and audio.url.endswith("sample.m4a") and audio.thumbnail is None
    gif = ev.parse_event(load("user_send_gif"))
    assert isinstance(gif, ev.GifMessage) and gif.url.endswith("sample.gif")
    file = ev.parse_event(load("user_send_file"))
    assert isinstance(file, ev.FileMessage)
    assert (file.name, file.size, file.file_type) == ("don-trinh-bao.pdf", 589, "pdf")


@pytest.mark.parametrize(
    ("name", "lat", "lon", "shape"),
    [
        ("user_send_location", 10.7721, 106.6983, "coordinates"),
        ("user_send_location_message_location", 21.0285, 105.8542, "message_location"),
        ("user_send_location_lat_long", 16.0544, 108.2022, "coordinates_lat_long"),
    ],
)
def test_location_shapes(name: str, lat: float, lon: float, shape: str) -> None:
    event = ev.parse_event(load(name))
    assert isinstance(event, ev.LocationMessage)
    assert (event.latitude, event.longitude, event.shape) == (lat, lon, shape)


def test_location_message_location_with_lat_long_keys() -> None:
    body = load("user_send_location_message_location")
    body["message"]["location"] = {"lat": "20.5", "long": "105.9"}
    event = ev.parse_event(body)
    assert isinstance(event, ev.LocationMessage)
    assert (event.latitude, event.longitude, event.shape) == (20.5, 105.9, "message_location_lat_long")


def test_location_out_of_range_is_rejected() -> None:
    body = load("user_send_location")
    body["message"]["attachments"][0]["payload"]["coordinates"]["latitude"] = "95"
    with pytest.raises(en.EventParseError, match="latitude"):
        ev.parse_event(body)


def test_sticker_link_business_card() -> None:
    sticker = ev.parse_event(load("user_send_sticker"))
    assert isinstance(sticker, ev.StickerMessage) and sticker.sticker_id == "bfe458b3f7f61ea847e7"
    link = ev.parse_event(load("user_send_link"))
    assert isinstance(link, ev.LinkMessage) and link.title == "Cổng Dịch vụ công Quốc gia"
    card = ev.parse_event(load("user_send_business_card"))
    assert isinstance(card, ev.BusinessCardMessage)
    assert (card.text, card.phone) == ("Nguyễn Văn An", "0912345678") and card.qr_code_url


def test_submit_info_both_shapes() -> None:
    legacy = ev.parse_event(load("user_submit_info"))
    assert isinstance(legacy, ev.UserSubmitInfo)
    assert legacy.info.shape == "legacy"
    assert (legacy.info.phone, legacy.info.district, legacy.info.ward) == (
        "84912345678",
        "Huyện Cũ",
        "Phường 1",
    )
    modern = ev.parse_event(load("user_submit_info_2025"))
    assert isinstance(modern, ev.UserSubmitInfo)
    assert modern.info.shape == "2025"
    assert (modern.info.city, modern.info.ward, modern.info.address) == ("Tỉnh Demo", "Xã Một", "Thôn Đông")
    assert (modern.info.dob, modern.info.gender, modern.info.district) == ("01/02/1990", "female", None)


def test_reaction_and_receipts() -> None:
    reaction = ev.parse_event(load("user_reacted_message"))
    assert isinstance(reaction, ev.UserReaction) and reaction.react_icon == "/-heart"
    seen = ev.parse_event(load("user_seen_message"))
    assert isinstance(seen, ev.UserSeenMessage) and seen.shape == "msg_ids" and len(seen.msg_ids) == 2
    seen_one = ev.parse_event(load("user_seen_message_msg_id"))
    assert isinstance(seen_one, ev.UserSeenMessage)
    assert seen_one.shape == "msg_id" and seen_one.msg_ids == ("a1b2c3d4e5f60718293a4b5c6d7e8f90",)
    received = ev.parse_event(load("user_received_message_msg_id"))
    assert isinstance(received, ev.UserReceivedMessage) and received.shape == "msg_id"


def test_zns_receipt_by_header_or_body() -> None:
    body = load("zns_user_received_message")
    by_body = ev.parse_event(body)
    assert isinstance(by_body, ev.ZnsReceived) and by_body.detected_by == "body"
    assert by_body.tracking_id == "tip-TB2026-0001" and by_body.delivery_time == "1767225660000"
    bare = copy.deepcopy(body)
    del bare["message"]["tracking_id"], bare["message"]["delivery_time"]
    assert isinstance(ev.parse_event(bare), ev.UserReceivedMessage)
    by_header = ev.parse_event(bare, {"x-zevent-server": "ZNS"})
    assert isinstance(by_header, ev.ZnsReceived) and by_header.detected_by == "header"


def test_follow_echo_anonymous_chatnow_unknown() -> None:
    follow = ev.parse_event(load("follow"))
    assert isinstance(follow, ev.Follow) and follow.source == "oa_profile"
    echo = ev.parse_event(load("oa_send_list"))
    assert isinstance(echo, ev.OaEcho) and echo.kind == "list"
    anonymous = ev.parse_event(load("anonymous_send_text"))
    assert isinstance(anonymous, ev.AnonymousMessage) and anonymous.kind == "text"
    assert anonymous.conversation_id == "c0ffee1234567890"
    kind_from_the_future = load("user_click_chatnow")
    kind_from_the_future["event_name"] = "user_feedback"
    unknown = ev.parse_event(kind_from_the_future)
    assert isinstance(unknown, ev.UnknownEvent) and unknown.body["event_name"] == "user_feedback"


def test_integer_ids_become_strings() -> None:
    body = load("user_send_text")
    body["sender"]["id"] = int(USER_ID)
    body["recipient"]["id"] = int(OA_ID)
    body["timestamp"] = int(TS)
    event = ev.parse_event(body)
    assert (event.oa_id, event.user_id, event.timestamp) == (OA_ID, USER_ID, TS)


def test_oa_location_does_not_follow_the_user_prefix() -> None:
    # user_seen_message starts with "user_" but carries the OA as sender
    assert en.locate_oa_and_user(load("user_seen_message")) == (OA_ID, USER_ID)
    # a kind with its usual fields missing falls back to a top-level oa_id
    body = load("user_send_text")
    del body["recipient"]
    body["oa_id"] = OA_ID
    assert en.locate_oa_and_user(body) == (OA_ID, USER_ID)


@pytest.mark.parametrize(
    ("name", "mutate", "field"),
    [
        ("user_send_text", lambda b: b.pop("event_name"), "event_name"),
        ("user_send_text", lambda b: b.pop("recipient"), "recipient.id"),
        ("user_send_text", lambda b: b.pop("timestamp"), "timestamp"),
        ("user_send_text", lambda b: b.update(timestamp="yesterday"), "timestamp"),
        ("user_send_text", lambda b: b["message"].pop("msg_id"), "message.msg_id"),
        ("user_send_text", lambda b: b["message"].pop("text"), "message.text"),
        ("user_send_text", lambda b: b.pop("message"), "message"),
        ("user_send_image", lambda b: b["message"].pop("attachments"), "message.attachments"),
        ("user_send_image", lambda b: b["message"]["attachments"][0]["payload"].pop("url"), "payload.url"),
        ("user_send_location", lambda b: b["message"].pop("attachments"), "coordinates"),
        ("user_submit_info", lambda b: b.pop("info"), "info"),
        ("user_reacted_message", lambda b: b["message"].pop("react_icon"), "message.react_icon"),
        ("user_seen_message", lambda b: b["message"].pop("msg_ids"), "message.msg_ids"),
        ("follow", lambda b: b.pop("follower"), "follower.id"),
        ("follow", lambda b: b.pop("oa_id"), "oa_id"),
        ("user_send_text", lambda b: b["sender"].update(id=True), "sender.id"),
    ],
)
def test_malformed_events_name_the_missing_field(name: str, mutate: Any, field: str) -> None:
    body = load(name)
    mutate(body)
    with pytest.raises(en.EventParseError) as info:
        ev.parse_event(body)
    assert field in str(info.value)
    assert isinstance(info.value, ValueError)


def test_not_json_or_not_an_object() -> None:
    with pytest.raises(en.EventParseError, match="not valid JSON"):
        ev.parse_event_json(b"{not json")
    with pytest.raises(en.EventParseError, match="JSON object"):
        ev.parse_event_json(b"[1, 2]")


def test_idempotency_keys() -> None:
    text = ev.parse_event(load("user_send_text"))
    assert ev.idempotency_key(text) == "9f3b2c4d5e6f708192a3b4c5d6e7f801"
    seen_one = ev.parse_event(load("user_seen_message_msg_id"))
    received_body = load("user_received_message")
    received = ev.parse_event(received_body)
    # the OA's message a1b2… is both received and seen: two distinct keys
    assert ev.idempotency_key(seen_one) == "user_seen_message:a1b2c3d4e5f60718293a4b5c6d7e8f90"
    assert ev.idempotency_key(received) == "user_received_message:a1b2c3d4e5f60718293a4b5c6d7e8f90"
    seen_many = ev.parse_event(load("user_seen_message"))
    assert isinstance(seen_many, ev.UserSeenMessage)
    reordered = load("user_seen_message")
    reordered["message"]["msg_ids"].reverse()
    assert ev.idempotency_key(seen_many) == ev.idempotency_key(ev.parse_event(reordered))
    assert ev.idempotency_key(seen_many).startswith("user_seen_message:")
    follow = ev.parse_event(load("follow"))
    assert ev.idempotency_key(follow) == f"follow:{USER_ID}:{TS}"
    zns = ev.parse_event(load("zns_user_received_message"))
    assert ev.idempotency_key(zns) == "zns_received:b7c8d9e0f1a2b3c4d5e6f708192a3b4c"


@pytest.mark.parametrize(
    ("name", "ignored"),
    [
        ("oa_send_text", True),
        ("oa_send_list", True),
        ("add_user_to_tag", True),
        ("change_template_status", True),
        ("user_send_group_text", True),
        ("user_send_text", False),
        ("follow", False),
        ("user_seen_message", False),
        ("user_received_message", False),
        ("anonymous_send_text", False),
        ("user_click_chatnow", False),
        ("some_future_event", False),
    ],
)
def test_ignored_kinds(name: str, ignored: bool) -> None:
    assert en.is_ignored(name) is ignored
