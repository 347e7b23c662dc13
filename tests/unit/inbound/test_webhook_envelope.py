"""The webhook's envelope reader agrees with the worker's full parse (anninh.zalo.events) on every sample.

The envelope must find the same OA, citizen, timestamp and business key as the typed parse, refuse the same
envelope fields with the same field name, and leave only the message's content to the worker.
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
SAMPLES = sorted(p.stem for p in EVENTS.glob("*.json"))


def load(name: str) -> dict[str, Any]:
    return json.loads((EVENTS / f"{name}.json").read_text(encoding="utf-8"))


def assert_same(body: dict[str, Any], headers: dict[str, str] | None = None) -> en.Envelope:
    event = ev.parse_event(copy.deepcopy(body), headers)
    read = en.read_envelope(body, headers)
    assert (read.event_name, read.app_id, read.timestamp, read.oa_id, read.user_id) == (
        event.event_name,
        event.app_id,
        event.timestamp,
        event.oa_id,
        event.user_id,
    )
    assert read.key == ev.idempotency_key(event)
    assert read.timestamp_ms == event.timestamp_ms
    assert en.is_ignored(read.event_name) == en.is_ignored(event.event_name)
    return read


def test_there_are_samples_to_compare() -> None:
    assert len(SAMPLES) >= 25


@pytest.mark.parametrize("name", SAMPLES)
def test_every_sample_has_the_envelope_of_its_full_parse(name: str) -> None:
    body = load(name)
    try:
        ev.parse_event(copy.deepcopy(body))
    except en.EventParseError as typed:
        # Only kinds the webhook ignores may lack a user (tag and template notices): both readers agree.
        assert en.is_ignored(body["event_name"]) and not en.is_handled(body["event_name"])
        with pytest.raises(en.EventParseError) as read:
            en.read_envelope(body)
        assert read.value.field == typed.field
        assert en.oa_candidates(body)[0] == "1234567890123456789"  # still signed and answered, by its OA
        return
    assert_same(body)


def test_the_verified_oa_settles_a_receipt_with_sender_and_recipient_swapped() -> None:
    body = load("user_seen_message_user_as_sender")
    oa, user = "1234567890123456789", "8765432109876543210"
    assert en.oa_candidates(body) == [user, oa]  # the usual place (sender) first
    read = en.read_envelope(body, None, oa)
    event = ev.parse_event(copy.deepcopy(body), None, oa)
    assert (read.oa_id, read.user_id, event.oa_id, event.user_id) == (oa, user, oa, user)
    assert read.key == ev.idempotency_key(event)
    usual = load("user_seen_message")
    assert en.read_envelope(usual, None, oa).user_id == user  # a hint that matches the usual shape
    assert en.read_envelope(usual, None, "999").oa_id == oa  # a hint that is not in the event is ignored


def test_every_kind_the_worker_parses_is_one_the_webhook_handles() -> None:
    assert {name for name in ev.KNOWN_EVENT_NAMES} == en.HANDLED_EVENT_NAMES


def test_a_zns_receipt_is_recognised_by_header_as_by_body() -> None:
    bare = load("zns_user_received_message")
    for key in ("tracking_id", "delivery_time"):
        bare["message"].pop(key)
    assert assert_same(bare).key.startswith("user_received_message:")
    for header in ("x-zevent-server", "X-ZEvent-Server"):
        read = assert_same(bare, {header: " zns "})
        assert read.key == "zns_received:b7c8d9e0f1a2b3c4d5e6f708192a3b4c"


def test_keys_of_the_other_shapes_match_too() -> None:
    seen = load("user_seen_message")
    reordered = copy.deepcopy(seen)
    reordered["message"]["msg_ids"].reverse()
    assert assert_same(seen).key == assert_same(reordered).key
    integer_ids = load("user_send_text")
    integer_ids["sender"]["id"], integer_ids["recipient"]["id"] = 8765432109876543210, 1234567890123456789
    integer_ids["timestamp"] = 1767225600123
    assert assert_same(integer_ids).user_id == "8765432109876543210"
    long_kind = load("user_click_chatnow")
    long_kind["event_name"] = "change_" + "x" * 130
    assert len(assert_same(long_kind).key) <= 128
    unknown_user_kind = load("user_send_text")
    unknown_user_kind["event_name"] = "user_send_hologram"  # a kind Zalo may add: not keyed on msg_id
    assert assert_same(unknown_user_kind).key.startswith("user_send_hologram:")
    echo_without_id = load("oa_send_text")
    echo_without_id["message"].pop("msg_id")
    assert assert_same(echo_without_id).key.startswith("oa_send_text:")


def test_the_kind_lists_are_those_of_the_full_parse() -> None:
    assert {name for name in ev.KNOWN_EVENT_NAMES if name.startswith("user_send_")} == en.MESSAGE_KINDS


@pytest.mark.parametrize(
    ("name", "mutate", "field"),
    [
        ("user_send_text", lambda b: b.pop("event_name"), "event_name"),
        ("user_send_text", lambda b: b.update(event_name="  "), "event_name"),
        ("user_send_text", lambda b: b.pop("recipient"), "recipient.id"),
        ("user_send_text", lambda b: b["sender"].update(id=True), "sender.id"),
        ("user_send_text", lambda b: b.pop("timestamp"), "timestamp"),
        ("user_send_text", lambda b: b.update(timestamp="yesterday"), "timestamp"),
        ("user_send_text", lambda b: b.pop("message"), "message"),
        ("user_send_text", lambda b: b["message"].pop("msg_id"), "message.msg_id"),
        ("user_send_image", lambda b: b["message"].update(msg_id=""), "message.msg_id"),
        ("anonymous_send_text", lambda b: b["message"].pop("msg_id"), "message.msg_id"),
        ("user_reacted_message", lambda b: b["message"].pop("react_icon"), "message.react_icon"),
        ("user_reacted_message", lambda b: b["message"].pop("msg_id"), "message.msg_id"),
        ("user_seen_message", lambda b: b["message"].pop("msg_ids"), "message.msg_ids"),
        ("user_seen_message", lambda b: b["message"].update(msg_ids=[None]), "message.msg_ids[]"),
        ("user_received_message", lambda b: b.pop("sender"), "sender.id"),
        ("zns_user_received_message", lambda b: b["message"].pop("msg_id"), "message.msg_id"),
        ("follow", lambda b: b.pop("follower"), "follower.id"),
        ("follow", lambda b: b.pop("oa_id"), "oa_id"),
        ("add_user_to_tag", lambda b: b.pop("oa_id"), "oa_id"),  # a kind with no usual location
    ],
)
def test_a_bad_envelope_is_refused_naming_the_field_the_full_parse_names(name, mutate, field) -> None:
    body = load(name)
    mutate(body)
    with pytest.raises(en.EventParseError) as read:
        en.read_envelope(body)
    with pytest.raises(en.EventParseError) as parsed:
        ev.parse_event(body)
    assert read.value.field == parsed.value.field == field
    assert read.value.event_name == parsed.value.event_name
    assert isinstance(read.value, ValueError) and field in str(read.value)


@pytest.mark.parametrize(
    ("name", "mutate"),
    [
        ("user_send_text", lambda b: b["message"].pop("text")),
        ("user_send_image", lambda b: b["message"].pop("attachments")),
        ("user_send_location", lambda b: b["message"].pop("attachments")),
        ("user_submit_info", lambda b: b.pop("info")),
    ],
)
def test_the_content_of_a_message_is_left_to_the_worker(name, mutate) -> None:
    body = load(name)
    mutate(body)
    assert en.read_envelope(body).event_name == name
    with pytest.raises(en.EventParseError):
        ev.parse_event(body)
