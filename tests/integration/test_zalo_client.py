"""ZaloClient over real HTTP against FakeZalo (serve_in_thread), tokens from a TokenManager whose OAuth
refresh also goes over HTTP to the fake."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import requests
from anninh.zalo.capabilities import InMemoryCapabilityRepository, MenuMemory
from anninh.zalo.client import Button, ListElement, ZaloClient
from anninh.zalo.errors import InvalidParameter, OutsideWindow, TokenInvalid, ZaloError, ZaloTransportError
from anninh.zalo.tokens import InMemoryTokenRepository, OAuthClient, TokenManager
from localrun.fake_zalo import FakeZalo, serve_in_thread

OA = "1234567890123456789"
USER = "8765432109876543210"
APP_ID = "4321098765432109876"
CS = "/v3.0/oa/message/cs"
OAUTH = "/v4/oa/access_token"


@dataclass
class Harness:
    fake: FakeZalo
    base: str
    tokens: TokenManager
    sleeps: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    sent: list[str] = field(default_factory=list)

    def client(self, **kw: Any) -> ZaloClient:
        kw.setdefault("sleep", self.sleeps.append)
        kw.setdefault("random", lambda: 1.0)
        return ZaloClient(self.base, self.tokens, on_error=self.errors.append, on_sent=self.sent.append, **kw)

    def calls(self, path: str) -> list[dict[str, Any]]:
        return [c for c in self.fake.calls() if c["endpoint"] == path]


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[FakeZalo, str]]:
    fake = FakeZalo(prefix="/zalo-api", app_secrets={APP_ID: "app-secret"})
    url, stop = serve_in_thread(fake)
    yield fake, url + "/zalo-api"
    stop()


@pytest.fixture
def h(server: tuple[FakeZalo, str]) -> Harness:
    fake, base = server
    fake.reset(everything=True)
    pair = fake.issue_token(OA)
    repo = InMemoryTokenRepository()
    now = datetime.now(UTC)
    repo.put(OA, pair["access_token"], pair["refresh_token"], now + timedelta(hours=25), now)
    tokens = TokenManager(repo, OAuthClient(base), APP_ID, lambda: "app-secret")
    return Harness(fake, base, tokens)


def texts_in_outbox(h: Harness) -> list[str]:
    return [e["message"]["text"] for e in h.fake.outbox(user_id=USER) if "text" in (e["message"] or {})]


def test_short_text(h: Harness) -> None:
    sent = h.client().send_text(OA, USER, "Xin chào", quote_message_id="a1b2c3")
    assert len(sent) == 1 and sent[0].message_id.isdigit() and sent[0].user_id == USER
    [entry] = h.fake.outbox(user_id=USER)
    assert entry["endpoint"] == CS and entry["message"] == {"text": "Xin chào", "quote_message_id": "a1b2c3"}
    assert entry["message_id"] == sent[0].message_id
    assert h.sent == ["text"]


def test_long_text_is_split_in_order_and_quotes_only_the_first(h: Harness) -> None:
    text = " ".join(f"Câu số {i} về thủ tục cư trú." for i in range(300))
    sent = h.client().send_text(OA, USER, text, quote_message_id="q1")
    outbox = h.fake.outbox(user_id=USER)
    assert len(sent) == len(outbox) >= 3
    assert [e["message_id"] for e in outbox] == [s.message_id for s in sent]
    assert all(len(e["message"]["text"]) <= 2000 for e in outbox)
    assert " ".join(texts_in_outbox(h)) == text
    assert "quote_message_id" in outbox[0]["message"] and all(
        "quote_message_id" not in e["message"] for e in outbox[1:]
    )


def test_image_and_file_uploads(h: Harness) -> None:
    client = h.client()
    attachment_id = client.upload_image(OA, b"\xff\xd8\xff\xe0 jpeg bytes", "hien-truong.jpg")
    client.send_image(OA, USER, attachment_id=attachment_id, caption="Ảnh")
    client.send_image(OA, USER, url="https://cdn.example.invalid/a.jpg")
    token = client.upload_file(OA, b"%PDF-1.4 ...", "mau-don.pdf")
    client.send_file(OA, USER, token)
    messages = [e["message"] for e in h.fake.outbox(user_id=USER)]
    assert messages[0]["text"] == "Ảnh"
    assert messages[0]["attachment"]["payload"]["elements"] == [
        {"media_type": "image", "attachment_id": attachment_id}
    ]
    assert messages[1]["attachment"]["payload"]["elements"][0]["url"] == "https://cdn.example.invalid/a.jpg"
    assert messages[2]["attachment"] == {"type": "file", "payload": {"token": token}}
    with pytest.raises(ValueError, match="limited"):
        client.upload_image(OA, b"x" * 1_048_577, "big.jpg")
    with pytest.raises(ValueError, match="exactly one"):
        client.send_image(OA, USER)


MENU = [
    Button.query("Tin tức", "#news"),
    Button.query("Gửi tin báo", "#report"),
    Button.phone("Liên hệ", "113"),
]


def test_buttons_as_list_template(h: Harness) -> None:
    result = h.client().send_buttons(OA, USER, "Bạn cần hỗ trợ gì?", MENU)
    assert (result.mode, result.fell_back, len(result.messages)) == ("list", False, 1)
    [entry] = h.fake.outbox(user_id=USER)
    payload = entry["message"]["attachment"]["payload"]
    assert payload["template_type"] == "list"
    assert payload["elements"][0] == {
        "title": "Tin tức",
        "subtitle": "Bạn cần hỗ trợ gì?",
        "default_action": {"type": "oa.query.show", "payload": "#news"},
    }
    assert payload["elements"][2]["default_action"] == {"type": "oa.open.phone", "phone_code": "113"}


def test_buttons_as_button_template_variant(h: Harness) -> None:
    result = h.client(list_template_type="button").send_buttons(OA, USER, "Chọn:", MENU)
    assert result.mode == "button"
    [entry] = h.fake.outbox(user_id=USER)
    assert entry["message"]["text"] == "Chọn:"
    assert entry["message"]["attachment"]["payload"]["buttons"][0] == {
        "title": "Tin tức",
        "type": "oa.query.show",
        "payload": "#news",
    }


def test_buttons_as_numbered_text_by_setting(h: Harness) -> None:
    result = h.client(buttons_mode="text").send_buttons(OA, USER, "Bạn cần hỗ trợ gì?", MENU)
    assert (result.mode, result.fell_back) == ("text", False)
    [text] = texts_in_outbox(h)
    assert text.startswith("Bạn cần hỗ trợ gì?\n\n1. Tin tức\n2. Gửi tin báo\n3. Liên hệ: 113")
    assert h.sent == ["menu_text"]


def test_list_rejected_with_201_falls_back_to_text_and_stays_there(
    server: tuple[FakeZalo, str], h: Harness
) -> None:
    h.fake.unsupported_templates.add("list")
    try:
        client = h.client()
        result = client.send_list(
            OA, USER, [ListElement("Tin tức", "Tin mới nhất", action=Button.query("Tin tức", "#news"))]
        )
        assert (result.mode, result.fell_back) == ("text", True)
        assert client.template_rejected and client.is_text_only(OA)
        assert texts_in_outbox(h)[0].startswith("Tin mới nhất\n\n1. Tin tức")
        assert h.errors == ["-201"]
        client.send_buttons(OA, USER, "Menu", MENU)
        assert len(h.calls(CS)) == 3  # the rejected template, its fallback, then text directly
    finally:
        h.fake.unsupported_templates.discard("list")


def test_list_validation_happens_before_any_call(h: Harness) -> None:
    client = h.client()
    with pytest.raises(ValueError, match=r"1\.\.5"):
        client.send_list(OA, USER, [ListElement(str(i), "s") for i in range(6)])
    with pytest.raises(ValueError, match="subtitle"):
        client.send_list(OA, USER, [ListElement("Tin tức")])
    with pytest.raises(ValueError, match="title"):
        client.send_buttons(OA, USER, "Menu", [Button.query("x" * 101, "p")])
    assert h.fake.calls() == []


def test_rate_limited_twice_then_success(h: Harness) -> None:
    h.fake.add_fault(CS, error=-32, times=2)
    h.client(base_delay=0.5).send_text(OA, USER, "Trả lời")
    assert texts_in_outbox(h) == ["Trả lời"]
    assert h.sleeps == [0.5, 1.0]  # full jitter with random() = 1.0: base * 2**(attempt-1)
    assert h.errors == ["-32", "-32"]
    assert len(h.calls(CS)) == 3


def test_jitter_and_cap(h: Harness) -> None:
    h.fake.add_fault(CS, error=-32, times=3)
    h.client(random=lambda: 0.25, base_delay=2.0, max_delay=3.0).send_text(OA, USER, "x")
    assert h.sleeps == [0.5, 0.75, 0.75]


def test_token_invalid_refreshes_once_and_retries_once(h: Harness) -> None:
    old = h.tokens.access_token(OA)
    h.fake.add_fault(CS, error=-216, times=1)
    h.client().send_text(OA, USER, "Sau khi làm mới token")
    assert texts_in_outbox(h) == ["Sau khi làm mới token"]
    assert len(h.calls(OAUTH)) == 1
    assert h.tokens.access_token(OA) != old
    assert h.sleeps == []


def test_revoked_token_is_refreshed_for_real(h: Harness) -> None:
    h.fake.revoke_access_token(h.tokens.access_token(OA))
    h.client().send_text(OA, USER, "ok")
    assert texts_in_outbox(h) == ["ok"] and len(h.calls(OAUTH)) == 1


def test_second_token_error_is_not_refreshed_again(h: Harness) -> None:
    h.fake.add_fault(CS, error=-220, times=2)
    with pytest.raises(TokenInvalid):
        h.client().send_text(OA, USER, "x")
    assert len(h.calls(OAUTH)) == 1 and len(h.calls(CS)) == 2
    assert h.fake.outbox(user_id=USER) == []


def test_http_500_is_retried(h: Harness) -> None:
    h.fake.add_fault(CS, http_status=500, times=2)
    h.client().send_text(OA, USER, "qua lỗi 500")
    assert texts_in_outbox(h) == ["qua lỗi 500"]
    assert len(h.sleeps) == 2 and h.errors == ["ZaloTransportError", "ZaloTransportError"]


def test_retries_are_bounded(h: Harness) -> None:
    h.fake.add_fault(CS, http_status=503, times=10)
    with pytest.raises(ZaloTransportError) as info:
        h.client(max_attempts=3).send_text(OA, USER, "x")
    assert info.value.http_status == 503
    assert len(h.calls(CS)) == 3 and len(h.sleeps) == 2


def test_non_retryable_201_is_raised_at_once(h: Harness) -> None:
    h.fake.add_fault(CS, error=-201, times=1)
    with pytest.raises(InvalidParameter):
        h.client().send_text(OA, USER, "x")
    assert len(h.calls(CS)) == 1 and h.sleeps == [] and h.errors == ["-201"]


def test_window_error_is_raised_not_retried(h: Harness) -> None:
    h.fake.add_fault(CS, error=-230, times=1)
    with pytest.raises(OutsideWindow) as info:
        h.client().send_text(OA, USER, "x")
    assert info.value.window_error and len(h.calls(CS)) == 1


def test_connection_refused_is_a_retryable_transport_error(h: Harness) -> None:
    sleeps: list[float] = []
    client = ZaloClient(
        "http://127.0.0.1:9", h.tokens, sleep=sleeps.append, max_attempts=2, timeout=(0.5, 0.5)
    )
    with pytest.raises(ZaloTransportError) as info:
        client.send_text(OA, USER, "x")
    assert info.value.retryable and len(sleeps) == 1


def test_reaction_user_info_followers_detail_quota_zns(h: Harness) -> None:
    client = h.client()
    users = [str(7000000000000000000 + i) for i in range(120)]
    h.fake.set_followers(OA, users)
    assert list(client.get_followers(OA)) == users
    assert len(h.calls("/v3.0/oa/user/getlist")) == 3
    page = client.get_followers_page(OA, offset=100, count=50)
    assert (page.total, page.count, page.user_ids[-1]) == (120, 20, users[-1])

    h.fake.set_user(
        OA, USER, display_name="Nguyễn Văn An", user_is_follower=True, shared_info={"city": "Demo"}
    )
    detail = client.get_user_detail(OA, USER)
    assert (detail.display_name, detail.is_follower, detail.shared_info["city"]) == (
        "Nguyễn Văn An",
        True,
        "Demo",
    )
    assert detail.last_interaction_date is not None

    reaction = client.react(OA, USER, "a1b2c3d4e5f60718293a4b5c6d7e8f90")
    assert reaction.message_id.isdigit()
    react_entry = h.fake.outbox(endpoint="/v2.0/oa/message")[0]
    assert react_entry["message"] == {
        "react_icon": "/-heart",
        "react_message_id": "a1b2c3d4e5f60718293a4b5c6d7e8f90",
    }

    client.request_user_info(
        OA, USER, title="Thông tin liên hệ", subtitle="Để cán bộ liên lạc", image_url="https://x"
    )
    payload = h.fake.outbox(user_id=USER, endpoint=CS)[-1]["message"]["attachment"]["payload"]
    assert payload["template_type"] == "request_user_info" and len(payload["elements"]) == 1
    assert payload["elements"][0]["image_url"] == "https://x"

    quota = client.get_quota(OA, USER)
    assert (quota.remain, quota.total) == (7, 8)
    calls_before = len(h.fake.calls())
    with pytest.raises(ValueError, match="image_url"):  # every public example carries a picture
        client.request_user_info(OA, USER, title="Thông tin liên hệ", subtitle="Để cán bộ", image_url="")
    assert len(h.fake.calls()) == calls_before

    zns = client.send_zns(OA, "0912 345 678", "123456", {"ma_tin_bao": "TB1"}, tracking_id="tip-TB1")
    assert zns.msg_id.isdigit() and zns.remaining_quota == 499
    assert h.fake.outbox(endpoint="/message/template")[0]["body"]["phone"] == "84912345678"


@pytest.fixture
def strict(h: Harness) -> Iterator[Harness]:
    h.fake.set_profile("strict")
    h.fake.note_interaction(OA, USER)
    try:
        yield h
    finally:
        h.fake.set_profile("default")


@pytest.mark.parametrize("template_type", ["list", "button"])
def test_strict_233_falls_back_to_numbered_text_at_once_and_is_remembered_per_oa(
    strict: Harness, template_type: str
) -> None:
    """docs/zalo-platform.md §1: no official SDK sends a template on the consultation API; -233 refuses it."""
    h = strict
    repository = InMemoryCapabilityRepository()
    client = h.client(
        buttons_mode="list", list_template_type=template_type, menu_memory=MenuMemory(repository)
    )
    result = client.send_buttons(OA, USER, "Bạn cần hỗ trợ gì?", MENU)
    assert (result.mode, result.fell_back) == ("text", True)
    assert h.errors == ["-233"]
    [text] = texts_in_outbox(h)
    assert [line for line in text.splitlines() if line[:1].isdigit()] == [
        "1. Tin tức",
        "2. Gửi tin báo",
        "3. Liên hệ: 113",
    ]
    saved = repository.get(OA)
    assert saved is not None and (saved.menu_mode, saved.reason) == ("text", "-233")

    # A new client (another cold start) reading the same repository sends text first.
    fresh = h.client(buttons_mode="list", menu_memory=MenuMemory(repository))
    assert fresh.is_text_only(OA) and not fresh.is_text_only("999")
    calls_before = len(h.calls(CS))
    assert fresh.send_buttons(OA, USER, "Menu", MENU).mode == "text"
    assert len(h.calls(CS)) == calls_before + 1  # no template attempt


def test_a_window_error_on_a_menu_is_not_a_template_refusal(h: Harness) -> None:
    h.fake.add_fault(CS, error=-230)
    memory = MenuMemory()
    with pytest.raises(OutsideWindow):
        h.client(buttons_mode="list", menu_memory=memory).send_buttons(OA, USER, "Menu", MENU)
    assert not memory.is_text_only(OA) and texts_in_outbox(h) == []


def test_strict_refuses_consultation_to_users_idle_for_7_days_or_never_seen(strict: Harness) -> None:
    h = strict
    idle, unknown = "5550001112223334445", "5550001112223334446"
    h.fake.note_interaction(OA, idle, at=h.fake._clock() - 8 * 24 * 3600)
    for user in (idle, unknown):
        with pytest.raises(OutsideWindow):
            h.client().send_text(OA, user, "Xin chào")
    h.fake.note_event({"event_name": "user_send_text", "sender": {"id": idle}, "recipient": {"id": OA}})
    assert h.client().send_text(OA, idle, "Xin chào")[0].message_id.isdigit()


def test_strict_request_user_info_without_picture_and_unknown_fields(strict: Harness) -> None:
    h = strict
    token = h.tokens.access_token(OA)
    form = {"template_type": "request_user_info", "elements": [{"title": "Liên hệ", "subtitle": "x"}]}
    no_picture = {
        "recipient": {"user_id": USER},
        "message": {"attachment": {"type": "template", "payload": form}},
    }
    answer = requests.post(h.base + CS, json=no_picture, headers={"access_token": token}, timeout=5).json()
    assert answer["error"] == -201
    extra = {"recipient": {"user_id": USER}, "message": {"text": "x", "tracking": "1"}}
    answer = requests.post(h.base + CS, json=extra, headers={"access_token": token}, timeout=5).json()
    assert answer["error"] == -201 and "tracking" in answer["message"]
    sent = h.client().request_user_info(OA, USER, title="Liên hệ", subtitle="x", image_url="https://p/x.png")
    assert sent.message_id.isdigit()


def test_quota_in_an_answer_is_reported_and_alarm_codes_are_flagged(h: Harness) -> None:
    quotas: list[tuple[str, str, int | None, int | None]] = []
    alarms: list[str] = []
    client = h.client(on_quota=lambda *q: quotas.append(q), on_alarm=alarms.append)
    client.send_zns(OA, "0912345678", "1", {"a": "b"}, tracking_id="t1")
    assert quotas == [(OA, "zns", 499, 500)]
    h.fake.add_fault(CS, error=-321)
    with pytest.raises(ZaloError) as caught:
        client.send_text(OA, USER, "x")
    assert caught.value.alarm and caught.value.quota_exhausted
    assert alarms == ["-321"] and quotas[-1] == (OA, "error", 0, None)


def test_publish_article_waits_while_zalo_processes_it(h: Harness) -> None:
    h.fake.add_fault("/v2.0/article/verify", error=-214, times=2)
    client = h.client(max_attempts=1)
    sent = client.publish_article(
        OA, title="Cảnh báo", text="Đoạn 1\n\nĐoạn 2", cover_url="https://p/c.png", author="Công an"
    )
    assert sent.kind == "article" and sent.message_id.isdigit() and h.sent == ["article"]
    assert len(h.calls("/v2.0/article/verify")) == 3 and len(h.sleeps) == 2
    [created] = h.fake.outbox(endpoint="/v2.0/article/create")
    assert [p["content"] for p in created["body"]["body"]] == ["Đoạn 1", "Đoạn 2"]
    with pytest.raises(ValueError, match="cover"):
        client.publish_article(OA, title="x", text="y", cover_url="", author="a")
