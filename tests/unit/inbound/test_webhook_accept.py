import json

import pytest
from anninh.inbound.known_oas import SecretUnavailable
from anninh.inbound.queue import QueueUnavailable
from anninh.inbound.webhook import accept
from anninh.settings import WebhookSettings
from anninh.zalo import envelope as en
from anninh.zalo import events as ev
from anninh.zalo.signature import sign

APP_ID = "4321098765432109876"
OA_ID = "1234567890123456789"
USER_ID = "8765432109876543210"
SECRET = "oa-secret-demo"
NOW_MS = 1_795_000_000_000


def settings(**over):
    base = dict(
        ssm_prefix="/anninh/test",
        queue_url="q",
        signature_variants=("standard",),
        max_body_bytes=4096,
        max_age_seconds=86_400,
        future_skew_seconds=300,
        secret_cache_seconds=300,
    )
    base.update(over)
    return WebhookSettings(**base)


class Secrets:
    """The known OAs (in the webhook: loaded in bulk from SSM, tests/unit/inbound/test_known_oas.py)."""

    def __init__(self, secrets=None, fail=False):
        self.secrets = {OA_ID: SECRET} if secrets is None else secrets
        self.fail = fail
        self.asked: list[list[str]] = []

    def find_oa(self, candidates):
        if self.fail:
            raise SecretUnavailable("throttled")
        self.asked.append(list(candidates))
        return next(((oa, self.secrets[oa]) for oa in candidates if oa in self.secrets), None)

    def app_secret(self):
        return "app-secret"


class Queue:
    def __init__(self, fail=False):
        self.messages = []
        self.fail = fail

    def enqueue(self, body, group_id, dedup_id, attributes):
        if self.fail:
            raise QueueUnavailable("ServiceUnavailable")
        self.messages.append((body, group_id, dedup_id, attributes))
        return "m-1"


def text_event(timestamp=NOW_MS - 1000, **over):
    body = {
        "app_id": APP_ID,
        "event_name": "user_send_text",
        "timestamp": str(timestamp),
        "sender": {"id": USER_ID},
        "recipient": {"id": OA_ID},
        "message": {"msg_id": "msg-0001", "text": "menu"},
        "user_id_by_app": "555",
    }
    body.update(over)
    return json.dumps(body, ensure_ascii=False).encode()


def signed(raw, secret=SECRET, app_id=APP_ID):
    ts = str(json.loads(raw)["timestamp"])
    return {"x-zevent-signature": sign(raw, app_id=app_id, timestamp=ts, secret=secret)}


def run(raw, headers, queue=None, secrets=None, **setting_over):
    queue = queue if queue is not None else Queue()
    outcome = accept(
        raw,
        headers,
        settings=settings(**setting_over),
        secrets=secrets or Secrets(),
        queue=queue,
        now_ms=NOW_MS,
        app_id=APP_ID,
    )
    return outcome, queue


def test_signed_event_is_queued_with_group_and_msg_id_dedup():
    raw = text_event()
    outcome, queue = run(raw, {**signed(raw), "num_retry": "2"})
    assert (outcome.status, outcome.reason, outcome.variant) == (200, "queued", "standard")
    body, group, dedup, attributes = queue.messages[0]
    assert body.encode() == raw
    assert group == f"{OA_ID}:{USER_ID}"
    assert dedup == "msg-0001"
    assert attributes["num_retry"] == "2" and attributes["oa_id"] == OA_ID


def test_event_without_msg_id_is_deduplicated_by_a_key_of_its_own():
    raw = json.dumps(
        {
            "app_id": APP_ID,
            "event_name": "follow",
            "timestamp": str(NOW_MS),
            "oa_id": OA_ID,
            "follower": {"id": USER_ID},
            "source": "oa_profile",
        }
    ).encode()
    outcome, queue = run(raw, signed(raw))
    assert outcome.status == 200
    assert queue.messages[0][2] == f"follow:{USER_ID}:{NOW_MS}"
    assert len(queue.messages[0][2]) <= 128


@pytest.mark.parametrize(
    ("raw", "headers", "status", "reason"),
    [
        (b"{not json", {}, 400, "malformed_json"),
        (b"[1, 2]", {}, 400, "malformed_json"),
        (json.dumps({"event_name": "user_send_text"}).encode(), {}, 400, "missing_field"),
        (text_event(recipient={"id": "not-an-oa"}, sender={"id": "Ⅻ"}), {}, 400, "missing_field"),
        (
            text_event(message={"text": "no id"}),
            {"x-zevent-signature": "mac=" + "0" * 64},
            401,
            "bad_signature",
        ),
        (text_event(), {}, 401, "missing_signature"),
        (text_event(), {"x-zevent-signature": "mac=nothex"}, 401, "missing_signature"),
        (text_event(), {"x-zevent-signature": "mac=" + "a" * 64}, 401, "bad_signature"),
    ],
)
def test_bad_input_gets_a_clear_answer_and_nothing_is_queued(raw, headers, status, reason):
    outcome, queue = run(raw, headers)
    assert (outcome.status, outcome.reason) == (status, reason)
    assert queue.messages == []


def kind_event(event_name, **fields):
    return json.dumps(
        {"app_id": APP_ID, "event_name": event_name, "timestamp": str(NOW_MS), **fields}
    ).encode()


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        (kind_event("follow", oa_id=OA_ID), "follower.id"),
        (kind_event("user_seen_message", sender={"id": OA_ID}, message={"msg_ids": ["m"]}), "recipient.id"),
        (
            kind_event("user_seen_message", sender={"id": OA_ID}, recipient={"id": USER_ID}, message={}),
            "msg_ids",
        ),
        (
            kind_event(
                "user_reacted_message",
                sender={"id": USER_ID},
                recipient={"id": OA_ID},
                message={"msg_id": "m"},
            ),
            "react_icon",
        ),
        (kind_event("user_send_image", sender={"id": USER_ID}, recipient={"id": OA_ID}), "'message'"),
    ],
)
def test_a_signed_event_lacking_a_field_of_its_envelope_is_queued_for_the_worker_to_park(raw, field):
    # Refusing it would make Zalo retry, then disable the webhook for every OA of the app: it is queued
    # under its OA, and the worker's parse (which fails on the same field) parks it in the DLQ.
    unsigned, queue = run(raw, {"x-zevent-signature": "mac=" + "0" * 64})
    assert (unsigned.status, unsigned.reason) == (401, "bad_signature")
    outcome, queue = run(raw, signed(raw), queue=queue)
    assert (outcome.status, outcome.reason, outcome.detail) == (200, "queued", "unreadable")
    ((body, group, dedup, attributes),) = queue.messages
    assert group == f"{OA_ID}:unreadable" and len(dedup) == 64 and attributes["oa_id"] == OA_ID
    with pytest.raises(en.EventParseError, match=field):
        ev.parse_event_json(body, None, attributes["oa_id"])


def test_a_signed_event_whose_content_only_the_worker_checks_is_queued():
    # No text and no attachment: the worker's typed parse refuses it, so it ends in the dead-letter queue
    # (alarmed, kept for a redrive) rather than being answered 400 and dropped by Zalo.
    raw = text_event(message={"msg_id": "msg-0002"})
    outcome, queue = run(raw, signed(raw))
    assert (outcome.status, outcome.reason, outcome.msg_key) == (200, "queued", "msg-0002")
    assert len(queue.messages) == 1


def test_signature_with_another_secret_is_refused():
    raw = text_event()
    outcome, queue = run(raw, signed(raw, secret="someone-else"))
    assert (outcome.status, outcome.reason) == (401, "bad_signature")
    assert queue.messages == []


def test_unknown_oa_and_wrong_app_are_refused():
    raw = text_event()
    outcome, queue = run(raw, signed(raw), secrets=Secrets(secrets={}))
    assert (outcome.status, outcome.reason) == (401, "unknown_oa")
    other = text_event(app_id="999")
    outcome, _ = run(other, signed(other, app_id="999"), queue=queue)
    assert (outcome.status, outcome.reason) == (401, "wrong_app")
    assert queue.messages == []


def test_oversized_body_is_413():
    raw = text_event(message={"msg_id": "m", "text": "x" * 5000})
    outcome, queue = run(raw, signed(raw))
    assert (outcome.status, outcome.reason) == (413, "too_large")
    assert queue.messages == []


def test_replays_older_than_the_window_are_refused_but_recent_retries_accepted():
    old = text_event(timestamp=NOW_MS - 86_401_000)
    outcome, queue = run(old, {**signed(old), "num_retry": "5"})
    assert (outcome.status, outcome.reason) == (401, "replayed")
    future = text_event(timestamp=NOW_MS + 3_600_000)
    assert run(future, signed(future))[0].reason == "replayed"
    retry = text_event(timestamp=NOW_MS - 3_600_000)
    assert run(retry, {**signed(retry), "num_retry": "4"})[0].reason == "queued"
    assert queue.messages == []


def test_ignored_kinds_get_200_and_are_not_queued():
    raw = json.dumps(
        {
            "app_id": APP_ID,
            "event_name": "oa_send_text",
            "timestamp": str(NOW_MS),
            "sender": {"id": OA_ID},
            "recipient": {"id": USER_ID},
            "message": {"msg_id": "x", "text": "hello"},
        }
    ).encode()
    outcome, queue = run(raw, signed(raw))
    assert (outcome.status, outcome.reason) == (200, "ignored")
    assert queue.messages == []


def test_queue_or_secret_store_failure_is_503_so_zalo_retries():
    raw = text_event()
    assert run(raw, signed(raw), queue=Queue(fail=True))[0].status == 503
    assert run(raw, signed(raw), secrets=Secrets(fail=True))[0].status == 503


def test_variants_are_accepted_only_when_enabled():
    raw = text_event()
    ts = str(json.loads(raw)["timestamp"])
    oa_variant = {"x-zevent-signature": sign(raw, app_id=OA_ID, timestamp=ts, secret=SECRET)}
    assert run(raw, oa_variant)[0].reason == "bad_signature"
    outcome, _ = run(raw, oa_variant, signature_variants=("standard", "oa_id"))
    assert (outcome.reason, outcome.variant) == ("queued", "oa_id")
    app_secret_variant = {"x-zevent-signature": sign(raw, app_id=APP_ID, timestamp=ts, secret="app-secret")}
    outcome, _ = run(raw, app_secret_variant, signature_variants=("app_secret",))
    assert (outcome.reason, outcome.variant) == ("queued", "app_secret")


# ------------------------------------------------------------------------------------- junk (security)


def with_timestamp(value) -> bytes:
    body = json.loads(text_event())
    body["timestamp"] = value
    return json.dumps(body, ensure_ascii=False).encode()


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (with_timestamp("²³"), "missing_field"),  # Unicode digits: str.isdigit() says yes, int() says no
        (with_timestamp("١٢٣٤٥٦٧٨٩٠١٢٣"), "missing_field"),  # Arabic-Indic digits
        (with_timestamp("9" * 5000), "missing_field"),
        (with_timestamp(int("9" * 4000)), "missing_field"),
        (with_timestamp(True), "missing_field"),
        (with_timestamp(1.5e12), "missing_field"),
        (with_timestamp(["1"]), "missing_field"),
        (b'{"event_name": "user_send_text", "timestamp": ' + b"9" * 5000 + b"}", "malformed_json"),
        (b"[" * 200_000 + b"]" * 200_000, "malformed_json"),
        (b'{"a": ' * 100_000 + b"1" + b"}" * 100_000, "malformed_json"),
        (b'{"event_name": "user_send_text\xff"}', "malformed_json"),  # invalid UTF-8
        (text_event().decode().encode("utf-16"), "malformed_json"),  # json.loads would guess UTF-16
        (b"\xef\xbb\xbf" + text_event(), "malformed_json"),  # a UTF-8 byte-order mark
        (json.dumps({"event_name": ["user_send_text"], "timestamp": "1"}).encode(), "missing_field"),
        (kind_event("user_send_text", recipient={"id": "x" * 25}, sender={"id": "1" * 21}), "missing_field"),
        (json.dumps({"event_name": "follow", "timestamp": "1", "oa_id": "1" * 21}).encode(), "missing_field"),
        (json.dumps({"event_name": "follow", "timestamp": "1", "oa_id": -5}).encode(), "missing_field"),
    ],
)
def test_unsigned_junk_is_400_before_any_lookup(raw, reason):
    secrets = Secrets()
    unsigned = {"x-zevent-signature": "mac=" + "0" * 64}
    outcome, queue = run(raw, unsigned, secrets=secrets, max_body_bytes=1 << 20)
    assert (outcome.status, outcome.reason) == (400, reason)
    assert queue.messages == [] and secrets.asked == []


def test_huge_or_odd_headers_are_not_a_signature():
    raw = text_event()
    good = signed(raw)["x-zevent-signature"]
    for header in (" " * 100_000 + good, good + "\x00", "mac=" + "é" * 64, good * 100):
        outcome, queue = run(raw, {"x-zevent-signature": header})
        assert (outcome.status, outcome.reason) == (401, "missing_signature")
        assert queue.messages == []
    outcome, queue = run(raw, {**signed(raw), "num_retry": "9" * 10_000, "x-zevent-server": "Z" * 5_000})
    assert outcome.reason == "queued"
    assert queue.messages[0][3]["num_retry"] == "0" and queue.messages[0][3]["zevent_server"] == ""


def test_an_empty_body_or_object_is_the_consoles_ping_and_queues_nothing():
    for raw in (b"", b"  \n", b"{}", b" {} "):
        secrets = Secrets()
        outcome, queue = run(raw, {}, secrets=secrets)
        assert (outcome.status, outcome.reason) == (200, "ping")
        assert queue.messages == [] and secrets.asked == []


def test_forged_ids_never_reach_the_secret_store_as_anything_but_candidates():
    # Ids that cannot be Zalo ids are not even candidates; the store answers from the OAs it knows.
    raw = kind_event("user_send_text", recipient={"id": "１２３"}, sender={"id": USER_ID})  # full-width
    secrets = Secrets()
    outcome, _ = run(raw, {"x-zevent-signature": "mac=" + "0" * 64}, secrets=secrets)
    assert (outcome.status, outcome.reason) == (401, "unknown_oa") and secrets.asked == [[USER_ID]]


# ------------------------------------------------------------------------------- every signed shape: 200


def test_events_without_a_user_get_200_ignored_and_queue_nothing():
    shapes = [
        kind_event("add_user_to_tag", oa_id=OA_ID, tag={"user_ids": [USER_ID], "name": "vip"}),
        kind_event("remove_user_from_tag", oa_id=OA_ID, tag={"user_ids": [USER_ID], "name": "vip"}),
        kind_event("remove_tag", oa_id=OA_ID, tag={"name": "vip"}),
        kind_event("change_template_status", oa_id=OA_ID, template_id="7", status={"new_status": "ENABLE"}),
        kind_event("change_oa_daily_quota", oaId=OA_ID, quota={"prev_value": 1, "new_value": 2}),
        kind_event("change_oa_daily_quota", oaId=int(OA_ID), quota={"prev_value": 1, "new_value": 2}),
    ]
    for raw in shapes:
        outcome, queue = run(raw, signed(raw))
        assert (outcome.status, outcome.reason, outcome.oa_id) == (200, "ignored", OA_ID), raw
        assert outcome.detail is None and queue.messages == []


def test_an_unknown_event_name_is_200_ignored_and_marked_for_the_metric():
    for name in ("user_feedback", "widget_interaction_accepted", "user_send_hologram", "x" * 300, "ñ"):
        raw = kind_event(name, recipient={"id": OA_ID})
        outcome, queue = run(raw, signed(raw))
        assert (outcome.status, outcome.reason, outcome.detail) == (200, "ignored", "unknown_event")
        assert outcome.event_name in {name, "?"} and len(outcome.event_name or "") <= 64
        assert queue.messages == []


def test_the_oa_is_whichever_candidate_is_a_known_oa():
    # user_seen_message has been logged with the user as sender: the OA is the recipient then.
    swapped = kind_event(
        "user_seen_message", sender={"id": USER_ID}, recipient={"id": OA_ID}, message={"msg_ids": ["m-1"]}
    )
    secrets = Secrets()
    outcome, queue = run(swapped, signed(swapped), secrets=secrets)
    assert (outcome.status, outcome.reason, outcome.oa_id, outcome.user_id) == (200, "queued", OA_ID, USER_ID)
    assert secrets.asked == [[USER_ID, OA_ID]]  # the usual place first, one lookup for all candidates
    body, group, _, attributes = queue.messages[0]
    assert group == f"{OA_ID}:{USER_ID}" and attributes["oa_id"] == OA_ID
    event = ev.parse_event_json(body, None, attributes["oa_id"])  # what the worker reads
    assert (event.oa_id, event.user_id, event.msg_ids) == (OA_ID, USER_ID, ("m-1",))


def test_a_signed_body_with_characters_sqs_refuses_is_queued_as_equivalent_json():
    raw = text_event(message={"msg_id": "m-9", "text": "a\ufffeb"})
    outcome, queue = run(raw, signed(raw))
    assert outcome.reason == "queued"
    body = queue.messages[0][0]
    assert "\ufffe" not in body and json.loads(body) == json.loads(raw)


def test_odd_message_ids_become_valid_sqs_deduplication_ids():
    raw = text_event(message={"msg_id": "mã tin nhắn " * 20, "text": "x"})
    outcome, queue = run(raw, signed(raw))
    assert outcome.reason == "queued"
    dedup = queue.messages[0][2]
    assert len(dedup) == 64 and dedup.isascii()
