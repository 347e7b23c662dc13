"""Units' content through the admin API into the menu, and the follower back-fill from FakeZalo's list."""

from __future__ import annotations

from anninh import texts
from anninh.store.followers import DynamoFollowerRepository
from localrun.seed import seed_content

from tests.integration.conftest import ROOT

UNIT = "xa-binh-an"
USER = "8765432109876543210"


def texts_to(stack, user_id):
    return [
        c["message"]["text"] for c in stack.zalo.outbox(user_id=user_id) if c.get("message", {}).get("text")
    ]


def test_published_patrols_and_ward_officers_answer_the_menu(stack):
    status, saved = stack.admin(
        "PUT",
        f"/admin/content/{UNIT}/patrol/dem-quoc-lo",
        body={
            "start": "2020-01-01",
            "end": "2099-12-31",
            "route": "Quốc lộ 1 qua chợ",
            "hours": "19:00-23:00",
        },
    )
    assert status == 200 and saved["fields"]["route"] == "Quốc lộ 1 qua chợ"
    status, _ = stack.admin(
        "PUT",
        f"/admin/content/{UNIT}/ward_officer/thon-dong",
        body={"ward": "Thôn Đông", "officer": "Trung úy A"},
    )
    assert status == 200

    stack.post(UNIT, stack.text_event(UNIT, USER, "Lịch tuần tra", "c-1"))
    stack.post(UNIT, stack.text_event(UNIT, USER, "Liên hệ", "c-2"))
    stack.drain()
    sent = texts_to(stack, USER)
    assert any(texts.PATROL_TODAY in t and "Quốc lộ 1 qua chợ" in t for t in sent)
    assert any(t.startswith(texts.WARD_OFFICERS_HEADER) and "Thôn Đông: Trung úy A" in t for t in sent)

    status, listed = stack.admin("GET", "/admin/content", query={"unit_id": UNIT})
    assert status == 200 and [i["item_id"] for i in listed["items"]] == ["dem-quoc-lo", "thon-dong"]
    assert stack.admin("DELETE", f"/admin/content/{UNIT}/patrol/dem-quoc-lo")[0] == 200
    assert stack.admin("DELETE", f"/admin/content/{UNIT}/patrol/dem-quoc-lo")[0] == 404


def test_invalid_content_is_refused_and_nothing_is_written(stack):
    status, body = stack.admin(
        "PUT",
        f"/admin/content/{UNIT}/news/tin-1",
        body={"title": "Tin", "summary": "S", "date": "31/12/2026"},
    )
    assert status == 400 and body["code"] == "invalid_content"
    assert stack.admin("GET", "/admin/content", query={"unit_id": UNIT})[1]["items"] == []
    assert stack.admin("PUT", "/admin/content/khong-co/news/tin-1", body={})[0] == 404


def test_seeded_demo_content_shows_in_the_news(stack):
    env = stack.functions["WorkerFunction"].runtime_environment
    assert seed_content(ROOT / "infra" / "seed" / "content.yaml", env) > 0
    stack.post(UNIT, stack.text_event(UNIT, USER, "Tin tức", "n-1"))
    stack.drain()
    news = texts_to(stack, USER)[0]
    assert news.startswith(texts.NEWS_HEADER.format(unit_name="Công an xã Bình An"))
    assert "Cảnh báo thủ đoạn lừa đảo đầu tư tiền ảo" in news and "Nguyễn Văn X" in news


def test_followers_sync_pages_through_zalo_and_keeps_the_windows(stack):
    oa_id = stack.units[UNIT].oa_id
    users = [f"77{i:017d}" for i in range(130)]
    stack.zalo.set_followers(oa_id, users)
    status, first = stack.admin("POST", f"/admin/followers/{UNIT}/sync", body={"offset": 0})
    assert status == 200
    assert (first["synced"], first["total"], first["done"], first["capped"]) == (130, 130, True, False)
    repository = DynamoFollowerRepository()
    record = repository.get(oa_id, users[-1])
    assert record is not None and record.following and record.source == "sync"
    assert record.last_interaction_at is None  # being listed is not an interaction
    pages = [c for c in stack.zalo.calls() if c.get("endpoint") == "/v3.0/oa/user/getlist"]
    assert len(pages) == 3

    assert stack.admin("POST", f"/admin/followers/{UNIT}/sync", body={"offset": 7})[0] == 422
    assert stack.admin("POST", "/admin/followers/pc02-demo/sync", body={})[1]["code"] == "unit_without_oa"
