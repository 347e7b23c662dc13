"""The fake Zalo server's own behaviour, through werkzeug's test client (no sockets)."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from typing import Any

import pytest
from localrun.fake_zalo import FakeZalo
from werkzeug.test import Client

OA = "1234567890123456789"
USER = "8765432109876543210"
CS = "/v3.0/oa/message/cs"


@pytest.fixture
def fake() -> FakeZalo:
    return FakeZalo(prefix="/zalo-api", app_secrets={"4321098765432109876": "app-secret"})


@pytest.fixture
def token(fake: FakeZalo) -> str:
    return str(fake.issue_token(OA)["access_token"])


def call(client: Client, method: str, path: str, token: str | None = None, **kw: Any) -> tuple[int, Any]:
    headers = dict(kw.pop("headers", {}))
    if token:
        headers["access_token"] = token
    response = client.open(f"/zalo-api{path}", method=method, headers=headers, **kw)
    body = response.get_data()
    return response.status_code, (json.loads(body) if response.mimetype == "application/json" else body)


def send_text(client: Client, token: str, text: str = "Xin chào", user: str = USER) -> tuple[int, Any]:
    return call(client, "POST", CS, token, json={"recipient": {"user_id": user}, "message": {"text": text}})


def test_send_records_outbox_with_a_long_digit_message_id(fake: FakeZalo, token: str) -> None:
    client = Client(fake)
    status, answer = send_text(client, token)
    assert status == 200 and answer["error"] == 0
    message_id = answer["data"]["message_id"]
    assert message_id.isdigit() and len(message_id) >= 19
    status, outbox = call(client, "GET", f"/_outbox?user_id={USER}")
    assert [(e["endpoint"], e["user_id"], e["message"]["text"], e["oa_id"]) for e in outbox] == [
        (CS, USER, "Xin chào", OA)
    ]
    assert call(client, "GET", "/_outbox?user_id=someone-else")[1] == []


def test_unknown_or_revoked_token_is_216(fake: FakeZalo, token: str) -> None:
    client = Client(fake)
    assert send_text(client, "not-a-token")[1]["error"] == -216
    fake.revoke_access_token(token)
    assert send_text(client, token)[1]["error"] == -216
    assert fake.outbox() == []


def test_zalo_validation_errors_come_with_http_200(fake: FakeZalo, token: str) -> None:
    client = Client(fake)
    status, answer = send_text(client, token, "x" * 2001)
    assert (status, answer["error"]) == (200, -201)
    too_many = {"template_type": "list", "elements": [{"title": str(i), "subtitle": "s"} for i in range(6)]}
    body = {
        "recipient": {"user_id": USER},
        "message": {"attachment": {"type": "template", "payload": too_many}},
    }
    assert call(client, "POST", CS, token, json=body)[1]["error"] == -201


def test_faults_fail_the_next_n_calls_then_clear(fake: FakeZalo, token: str) -> None:
    client = Client(fake)
    assert call(client, "POST", "/_faults", json={"path": CS, "error": -32, "times": 2})[0] == 200
    assert send_text(client, token)[1]["error"] == -32
    assert send_text(client, token)[1]["error"] == -32
    assert send_text(client, token)[1]["error"] == 0
    call(client, "POST", "/_faults", json={"path": CS, "http_status": 500, "times": 1})
    status, body = send_text(client, token)
    assert status == 500 and body == b"fault injected"
    assert len(fake.outbox()) == 1 and len(fake.calls()) == 4
    assert call(client, "POST", "/_faults", json={"path": CS})[0] == 400


def test_a_fault_can_target_one_recipient_and_come_after_the_call(fake: FakeZalo, token: str) -> None:
    """``after``: Zalo carried the send out (it is in the outbox) but its answer is lost on the way back."""
    client = Client(fake)
    other = "1111111111111111111"
    fault = {"path": CS, "http_status": 504, "user_id": USER, "after": True}
    assert call(client, "POST", "/_faults", json=fault)[0] == 200
    assert send_text(client, token, user=other)[1]["error"] == 0  # another recipient: untouched
    status, body = send_text(client, token, text="Tin đã tới")
    assert status == 504 and body == b"fault injected"
    assert [e["message"]["text"] for e in fake.outbox(user_id=USER)] == ["Tin đã tới"]
    assert fake.calls()[-1]["fault"] == "HTTP 504" and fake.calls()[-1]["error"] == 0
    assert send_text(client, token)[1]["error"] == 0  # used up
    bad = {"path": CS, "http_status": 504, "after": "yes"}
    assert call(client, "POST", "/_faults", json=bad)[0] == 400


def test_reset_clears_outbox_but_keeps_tokens(fake: FakeZalo, token: str) -> None:
    client = Client(fake)
    send_text(client, token)
    call(client, "POST", "/_reset")
    assert fake.outbox() == []
    assert send_text(client, token)[1]["error"] == 0
    call(client, "POST", "/_reset", json={"all": True})
    assert send_text(client, token)[1]["error"] == -216


def test_refresh_issues_new_pairs_and_rejects_reuse(fake: FakeZalo) -> None:
    client = Client(fake)
    pair = fake.issue_token(OA)
    form = {
        "app_id": "4321098765432109876",
        "grant_type": "refresh_token",
        "refresh_token": pair["refresh_token"],
    }
    status, answer = call(
        client, "POST", "/v4/oa/access_token", headers={"secret_key": "app-secret"}, data=form
    )
    assert status == 200 and "error" not in answer and answer["expires_in"] == "90000"
    assert answer["refresh_token"] != pair["refresh_token"]
    _, again = call(client, "POST", "/v4/oa/access_token", headers={"secret_key": "app-secret"}, data=form)
    assert again["error"] == -14020
    _, wrong = call(client, "POST", "/v4/oa/access_token", headers={"secret_key": "nope"}, data=form)
    assert wrong["error"] == -14002
    assert send_text(client, answer["access_token"])[1]["error"] == 0


def test_follower_pages_and_offset_cap(fake: FakeZalo, token: str) -> None:
    client = Client(fake)
    users = [str(7000000000000000000 + i) for i in range(120)]
    call(client, "POST", "/_followers", json={"oa_id": OA, "user_ids": users})

    def page(offset: int, count: int) -> Any:
        data = json.dumps({"offset": offset, "count": count})
        return call(client, "GET", "/v3.0/oa/user/getlist", token, query_string={"data": data})[1]

    first = page(0, 50)["data"]
    assert (first["total"], first["count"], first["users"][0]["user_id"]) == (120, 50, users[0])
    last = page(100, 50)["data"]
    assert last["count"] == 20 and last["users"][-1]["user_id"] == users[-1]
    assert page(0, 51)["error"] == -201
    assert page(9952, 10)["error"] == -201
    assert page(9951, 10)["data"]["count"] == 0


def test_user_detail_quota_zns_and_uploads(fake: FakeZalo, token: str) -> None:
    client = Client(fake)
    fake.set_user(OA, USER, display_name="Nguyễn Văn An", shared_info={"phone": "84912345678"})
    data = json.dumps({"user_id": USER})
    detail = call(client, "GET", "/v3.0/oa/user/detail", token, query_string={"data": data})[1]["data"]
    assert detail["display_name"] == "Nguyễn Văn An" and detail["user_is_follower"] is False
    unknown = json.dumps({"user_id": "1"})
    assert (
        call(client, "GET", "/v3.0/oa/user/detail", token, query_string={"data": unknown})[1]["error"] == -201
    )
    send_text(client, token)
    quota = call(client, "POST", "/v3.0/oa/quota/message", token, json={"user_id": USER})[1]["data"]
    assert quota["cs_reply"] == {"remain": 7, "total": 8}
    zns = {
        "phone": "84912345678",
        "template_id": "123456",
        "template_data": {"ma": "TB1"},
        "tracking_id": "t1",
    }
    answer = call(client, "POST", "/message/template", token, json=zns)[1]
    assert answer["error"] == 0 and answer["data"]["msg_id"].isdigit()
    assert call(client, "POST", "/message/template", token, json=dict(zns, phone="0912"))[1]["error"] == -108
    upload = call(
        client, "POST", "/v2.0/oa/upload/image", token, data={"file": (io.BytesIO(b"\xff\xd8x"), "a.jpg")}
    )[1]
    assert upload["error"] == 0 and upload["data"]["attachment_id"]


@pytest.mark.parametrize(
    ("name", "content_type", "magic"),
    [
        ("sample.jpg", "image/jpeg", b"\xff\xd8\xff"),
        ("sample.png", "image/png", b"\x89PNG\r\n\x1a\n"),
        ("sample.gif", "image/gif", b"GIF89a"),
        ("sample.mp4", "video/mp4", b"ftyp"),
        ("sample.m4a", "audio/mp4", b"ftyp"),
        ("sample.pdf", "application/pdf", b"%PDF-"),
    ],
)
def test_media_served_with_content_types(fake: FakeZalo, name: str, content_type: str, magic: bytes) -> None:
    response = Client(fake).get(f"/zalo-api/_media/{name}")
    assert response.status_code == 200 and response.mimetype == content_type
    assert magic in response.get_data()[:12]


def test_unknown_paths_and_prefix(fake: FakeZalo) -> None:
    client = Client(fake)
    assert client.get("/zalo-api/_media/../fake_zalo.py").status_code == 404
    assert client.get("/zalo-api/v9/nothing").status_code == 404
    assert client.post(f"{CS}").status_code == 404  # outside the prefix
    assert Client(FakeZalo()).get("/_outbox").status_code == 200  # standalone at root


# ---------------------------------------------------------------------------------------------- profiles
LIST = {
    "attachment": {
        "type": "template",
        "payload": {"template_type": "list", "elements": [{"title": "Tin tức", "subtitle": "Chọn"}]},
    }
}
FORM = {
    "attachment": {
        "type": "template",
        "payload": {
            "template_type": "request_user_info",
            "elements": [{"title": "Liên hệ", "subtitle": "x"}],
        },
    }
}


def send(client: Client, token: str, message: dict[str, Any], path: str = CS, user: str = USER) -> Any:
    return call(client, "POST", path, token, json={"recipient": {"user_id": user}, "message": message})[1]


def test_profile_contract_get_and_post(fake: FakeZalo) -> None:
    client = Client(fake)
    assert call(client, "GET", "/_profile") == (200, {"name": "default", "rules": []})
    status, answer = call(client, "POST", "/_profile", json={"name": "strict"})
    assert status == 200 and answer["name"] == "strict" and len(answer["rules"]) == 8
    assert call(client, "GET", "/_profile")[1]["name"] == "strict"
    for bad in ({"name": "lenient"}, {}, ["strict"]):
        assert call(client, "POST", "/_profile", json=bad)[0] == 400
    assert fake.profile == "strict"  # a bad request changed nothing
    assert call(client, "POST", "/_profile", json={"name": "default"})[1] == {"name": "default", "rules": []}
    with pytest.raises(ValueError, match="profile"):
        FakeZalo(profile="lax")


def test_default_profile_accepts_what_strict_refuses(fake: FakeZalo, token: str) -> None:
    client = Client(fake)
    assert send(client, token, LIST)["error"] == 0
    assert send(client, token, FORM)["error"] == 0
    assert send(client, token, {"text": "x", "tracking": "1"})["error"] == 0
    assert send(client, token, {"text": "ai đó chưa từng nhắn"}, user="42")["error"] == 0


def test_strict_refuses_templates_forms_without_picture_unknown_fields_and_idle_users(
    fake: FakeZalo, token: str
) -> None:
    client = Client(fake)
    fake.set_profile("strict")
    assert send(client, token, {"text": "x"})["error"] == -230  # never interacted
    fake.note_interaction(OA, USER)
    assert send(client, token, {"text": "x"})["error"] == 0
    assert send(client, token, LIST)["error"] == -233
    button = {
        "text": "Chọn",
        "attachment": {"type": "template", "payload": {"template_type": "button", "buttons": []}},
    }
    assert send(client, token, button)["error"] == -233
    assert send(client, token, FORM)["error"] == -201
    with_picture = json.loads(json.dumps(FORM))
    with_picture["attachment"]["payload"]["elements"][0]["image_url"] = "https://p/x.png"
    assert send(client, token, with_picture)["error"] == 0
    answer = send(client, token, {"text": "x", "tracking": "1"})
    assert answer["error"] == -201 and "tracking" in answer["message"]
    fake.note_interaction(OA, USER, at=fake._clock() - 7 * 24 * 3600 - 60)
    assert send(client, token, {"text": "x"})["error"] == -230
    refused = [c["error"] for c in fake.calls() if c["error"] != 0]
    assert refused == [-230, -233, -233, -201, -201, -230]
    assert len(fake.outbox()) == 2  # refusals never reach the outbox


def test_strict_promotion_past_quota_and_v2_messages(fake: FakeZalo, token: str) -> None:
    fake.promotion_quota = 2
    client = Client(fake)
    promo = {"text": "Khuyến cáo"}
    first = send(client, token, promo, path="/v3.0/oa/message/promotion")
    assert first["data"]["quota"] == {"remain": 1, "total": 2}
    fake.set_profile("strict")
    assert send(client, token, promo, path="/v3.0/oa/message/promotion")["data"]["quota"]["remain"] == 0
    assert send(client, token, promo, path="/v3.0/oa/message/promotion")["error"] == -211
    v2 = call(
        client, "POST", "/v2.0/oa/message", token, json={"recipient": {"user_id": USER}, "message": promo}
    )
    assert v2[1]["error"] == -240
    fake.set_profile("default")
    v2 = call(
        client, "POST", "/v2.0/oa/message", token, json={"recipient": {"user_id": USER}, "message": promo}
    )
    assert v2[1]["error"] == -201


@pytest.mark.parametrize(
    ("event", "learnt"),
    [
        ({"event_name": "user_send_text", "sender": {"id": USER}, "recipient": {"id": OA}}, True),
        ({"event_name": "user_send_image", "sender": {"id": USER}, "recipient": {"id": OA}}, True),
        ({"event_name": "user_submit_info", "sender": {"id": USER}, "recipient": {"id": OA}}, True),
        ({"event_name": "follow", "oa_id": OA, "follower": {"id": USER}}, True),
        ({"event_name": "unfollow", "oa_id": OA, "follower": {"id": USER}}, False),
        ({"event_name": "user_seen_message", "sender": {"id": OA}, "recipient": {"id": USER}}, False),
        ({"event_name": "oa_send_text", "sender": {"id": OA}, "recipient": {"id": USER}}, False),
        ({"event_name": "user_send_text", "sender": {}}, False),
        (["not", "an", "event"], False),
    ],
)
def test_interactions_are_learnt_from_the_users_own_events(fake: FakeZalo, event: Any, learnt: bool) -> None:
    assert fake.note_event(event) is learnt
    assert (fake.last_interaction(OA, USER) is not None) is learnt


def test_interactions_control_endpoint(fake: FakeZalo, token: str) -> None:
    client = Client(fake)
    fake.set_profile("strict")
    at = "2026-01-01T08:00:00+07:00"
    assert call(client, "POST", "/_interactions", json={"oa_id": OA, "user_id": USER, "at": at})[0] == 200
    status, answer = call(client, "GET", f"/_interactions?oa_id={OA}&user_id={USER}")
    assert status == 200 and answer["last_interaction"] == "2026-01-01T01:00:00+00:00"
    assert send(client, token, {"text": "x"})["error"] == -230  # long ago
    assert call(client, "POST", "/_interactions", json={"oa_id": OA, "user_id": USER})[0] == 200
    assert send(client, token, {"text": "x"})["error"] == 0
    for bad in (
        {"oa_id": OA},
        {"oa_id": OA, "user_id": USER, "at": "yesterday"},
        {"oa_id": OA, "user_id": USER, "at": "2026-01-01T08:00:00"},
    ):
        assert call(client, "POST", "/_interactions", json=bad)[0] == 400
    assert call(client, "GET", "/_interactions?oa_id=1")[0] == 400


def test_articles_are_created_verified_then_broadcast(fake: FakeZalo, token: str) -> None:
    client = Client(fake)
    article = {
        "type": "normal",
        "title": "Cảnh báo",
        "author": "Công an",
        "cover": {"cover_type": "photo", "photo_url": "https://p/c.png", "status": "show"},
        "description": "Cảnh báo lừa đảo",
        "body": [{"type": "text", "content": "Cảnh báo lừa đảo"}],
        "status": "show",
        "comment": "hide",
    }
    token_of = call(client, "POST", "/v2.0/article/create", token, json=article)[1]["data"]["token"]
    assert (
        call(client, "POST", "/v2.0/article/create", token, json={**article, "cover": {}})[1]["error"] == -201
    )
    assert call(client, "POST", "/v2.0/article/verify", token, json={"token": "nope"})[1]["error"] == -201
    article_id = call(client, "POST", "/v2.0/article/verify", token, json={"token": token_of})[1]["data"][
        "id"
    ]

    def broadcast(attachment_id: str) -> Any:
        element = {"media_type": "article", "attachment_id": attachment_id}
        payload = {"template_type": "media", "elements": [element]}
        body = {
            "recipient": {"target": {}},
            "message": {"attachment": {"type": "template", "payload": payload}},
        }
        return call(client, "POST", "/v2.0/oa/message", token, json=body)[1]

    assert broadcast("123")["error"] == -201  # never verified
    fake.set_profile("strict")
    assert broadcast(article_id)["error"] == 0  # an article broadcast is allowed on v2 under strict
    assert [e["endpoint"] for e in fake.outbox()] == ["/v2.0/article/create", "/v2.0/oa/message"]


def test_strict_article_quota_per_month_and_each_followers_own_limits() -> None:
    """docs/zalo-platform.md §4: past the OA's article_quota in a Vietnam month -> -211; a follower gets at
    most 1 broadcast a day and 4 a month, so a broadcast reaches only those still under both."""
    now = [datetime(2026, 12, 1, 1, 0, tzinfo=UTC).timestamp()]  # 08:00 on 1 December, Vietnam time
    fake = FakeZalo(prefix="/zalo-api", clock=lambda: now[0], profile="strict", article_quota=7)
    fake.access_ttl = 10**9
    token = str(fake.issue_token(OA)["access_token"])
    client = Client(fake)
    fake.set_followers(OA, ["7001", "7002"])
    article = {
        "type": "normal",
        "title": "Cảnh báo",
        "author": "Công an",
        "cover": {"cover_type": "photo", "photo_url": "https://p/c.png", "status": "show"},
        "description": "Cảnh báo lừa đảo",
        "body": [{"type": "text", "content": "Cảnh báo lừa đảo"}],
        "status": "show",
        "comment": "hide",
    }
    created = call(client, "POST", "/v2.0/article/create", token, json=article)[1]["data"]["token"]
    article_id = call(client, "POST", "/v2.0/article/verify", token, json={"token": created})[1]["data"]["id"]
    payload = {"template_type": "media", "elements": [{"media_type": "article", "attachment_id": article_id}]}
    body = {"recipient": {"target": {}}, "message": {"attachment": {"type": "template", "payload": payload}}}

    def broadcast() -> Any:
        return call(client, "POST", "/v2.0/oa/message", token, json=body)[1]

    def reached() -> list[str]:
        return [e for e in fake.outbox() if e["endpoint"] == "/v2.0/oa/message"][-1]["reached"]

    assert broadcast()["error"] == 0 and reached() == ["7001", "7002"]
    assert broadcast()["error"] == 0 and reached() == []  # 1 a day each
    fake.set_followers(OA, ["7001", "7002", "7003"])  # a new follower joins
    assert broadcast()["error"] == 0 and reached() == ["7003"]
    for day in (2, 3, 4):  # one a day reaches everyone: by the 4th each follower has had 4
        now[0] = datetime(2026, 12, day, 1, 0, tzinfo=UTC).timestamp()
        assert broadcast()["error"] == 0 and reached() == ["7001", "7002", "7003"]
    now[0] = datetime(2026, 12, 5, 1, 0, tzinfo=UTC).timestamp()
    assert broadcast()["error"] == 0 and reached() == []  # 4 a month each
    assert broadcast()["error"] == -211  # the OA's 7 articles of December are spent
    now[0] = datetime(2026, 12, 31, 17, 0, tzinfo=UTC).timestamp()  # 00:00 on 1 January, Vietnam time
    assert broadcast()["error"] == 0 and reached() == ["7001", "7002", "7003"]  # a new month for all
    fake.set_profile("default")
    assert broadcast()["error"] == 0 and reached() == ["7001", "7002", "7003"]  # default: no limits
