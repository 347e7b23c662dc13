"""Content items: validation, the menu's views (parents' news, today's patrols first), the seed importer and
the follower back-fill slices."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from anninh import texts
from anninh.content import views
from anninh.content.importer import import_content, load_content_file, resolve_date
from anninh.content.model import ContentError, ContentItem, parse_item, vietnam_today
from anninh.conversation import dialogue
from anninh.conversation.menu import Section
from anninh.followers.sync import sync_slice
from anninh.messaging.replies import TextReply
from anninh.units.model import Unit
from anninh.units.tree import UnitTree
from anninh.zalo.client import FollowerPage

ROOT = Path(__file__).resolve().parents[3]
PROVINCE = Unit("tinh", "Công an tỉnh", "province", oa_id="100", hotline="0200 3000 113")
COMMUNE = Unit("xa", "Công an xã A", "commune", parent_id="tinh", oa_id="200", hotline="0200 3000 200")
TREE = UnitTree([PROVINCE, COMMUNE])
# 23:30 UTC on 22 Nov is already 23 Nov in Vietnam.
NOW = datetime(2026, 11, 22, 23, 30, tzinfo=UTC)
TODAY = date(2026, 11, 23)


class MemoryContent:
    def __init__(self, items: list[ContentItem] = ()) -> None:  # type: ignore[assignment]
        self.items: dict[tuple[str, str, str], ContentItem] = {
            (i.unit_id, i.kind, i.item_id): i for i in items
        }
        self.reads: defaultdict[str, int] = defaultdict(int)

    def list_unit(self, unit_id: str, kind: str | None = None) -> list[ContentItem]:
        self.reads[unit_id] += 1
        return [i for (u, k, _), i in self.items.items() if u == unit_id and (kind is None or k == kind)]

    def put_item(self, item: ContentItem) -> None:
        self.items[(item.unit_id, item.kind, item.item_id)] = item


def news(unit_id: str, item_id: str, day: str, title: str) -> ContentItem:
    return parse_item(unit_id, "news", item_id, {"title": title, "summary": "Tóm tắt.", "date": day})


def patrol(item_id: str, start: str, end: str, route: str, hours: str = "19:00-23:00") -> ContentItem:
    return parse_item("xa", "patrol", item_id, {"start": start, "end": end, "route": route, "hours": hours})


def test_vietnam_today_is_seven_hours_ahead():
    assert vietnam_today(NOW) == TODAY


@pytest.mark.parametrize(
    ("kind", "data", "problem"),
    [
        ("news", {"title": "T", "summary": "S"}, "news.date is required"),
        ("news", {"title": "T", "summary": "S", "date": "23/11/2026"}, "must be a date"),
        ("news", {"title": "T", "summary": "S", "date": "2026-11-23", "link": "ftp://x"}, "http"),
        (
            "news",
            {"title": "T", "summary": "S", "date": "2026-11-23", "colour": "red"},
            "unknown fields colour",
        ),
        (
            "patrol",
            {"start": "2026-11-24", "end": "2026-11-23", "route": "R", "hours": "19:00-23:00"},
            "before",
        ),
        ("patrol", {"start": "2026-11-23", "end": "2026-11-23", "route": "R", "hours": "7h-9h"}, "hours"),
        ("gossip", {}, "kind must be one of"),
    ],
)
def test_invalid_items_are_refused_with_the_field_named(kind, data, problem):
    with pytest.raises(ContentError, match=problem):
        parse_item("xa", kind, "item-1", data)


def test_bad_item_id_is_refused():
    with pytest.raises(ContentError, match="item id"):
        parse_item("xa", "news", "Không hợp lệ", {"title": "T", "summary": "S", "date": "2026-11-23"})


def test_news_include_the_parents_newest_first_and_not_future_ones():
    source = MemoryContent(
        [
            news("xa", "hop-dan", "2026-11-20", "Họp dân"),
            news("tinh", "lua-dao", "2026-11-22", "Cảnh báo lừa đảo"),
            news("tinh", "sap-dang", "2026-11-24", "Chưa đến ngày đăng"),
        ]
    )
    shown = views.published(source, COMMUNE, TREE, "news", TODAY)
    assert [i.item_id for i in shown] == ["lua-dao", "hop-dan"]
    assert views.published(source, PROVINCE, TREE, "news", TODAY)[0].item_id == "lua-dao"


def test_patrols_today_first_then_upcoming_and_past_ones_dropped():
    source = MemoryContent(
        [
            patrol("qua-roi", "2026-11-01", "2026-11-22", "Đã xong"),
            patrol("sap-toi", "2026-11-25", "2026-11-25", "Lễ hội", "07:00-11:00"),
            patrol("hom-nay", "2026-11-20", "2026-11-30", "Quốc lộ 1"),
            patrol("ngay-mai", "2026-11-24", "2026-11-24", "Chợ"),
        ]
    )
    assert [p.item_id for p in views.patrols(source, COMMUNE, TODAY)] == ["hom-nay", "ngay-mai", "sap-toi"]


def test_menu_sections_answer_from_the_content():
    source = MemoryContent(
        [
            news("tinh", "lua-dao", "2026-11-22", "Cảnh báo lừa đảo"),
            parse_item(
                "tinh",
                "wanted",
                "doi-tuong-x",
                {"name": "Nguyễn Văn X", "summary": "Trộm cắp.", "date": "2026-11-21"},
            ),
            patrol("hom-nay", "2026-11-20", "2026-11-30", "Quốc lộ 1"),
            patrol("ngay-mai", "2026-11-24", "2026-11-24", "Chợ"),
            parse_item(
                "xa",
                "ward_officer",
                "thon-dong",
                {"ward": "Thôn Đông", "officer": "Trung úy A", "phone": "0912"},
            ),
        ]
    )
    news_turn = dialogue.respond(COMMUNE, TREE, "menu", "1", content=source, now=NOW)
    first = news_turn.replies[0]
    assert isinstance(first, TextReply)
    assert "Cảnh báo lừa đảo (22/11/2026)" in first.text
    assert texts.NEWS_SOURCE.format(unit_name="Công an tỉnh") in first.text
    assert "Nguyễn Văn X" in first.text

    patrol_turn = dialogue.open_section(Section.PATROL, COMMUNE, TREE, source, NOW)
    text = patrol_turn.replies[0].text  # type: ignore[union-attr]
    assert text.index(texts.PATROL_TODAY) < text.index("Quốc lộ 1") < text.index(texts.PATROL_UPCOMING)
    assert text.index(texts.PATROL_UPCOMING) < text.index("24/11/2026, 19:00-23:00: Chợ")

    contact_turn = dialogue.open_section(Section.CONTACT, COMMUNE, TREE, source, NOW)
    wards = contact_turn.replies[1].text  # type: ignore[union-attr]
    assert wards.startswith(texts.WARD_OFFICERS_HEADER) and "Thôn Đông: Trung úy A – 0912" in wards


def test_empty_content_says_so_and_without_a_source_the_old_placeholder():
    empty = dialogue.open_section(Section.PATROL, COMMUNE, TREE, MemoryContent(), NOW)
    assert empty.replies[0] == TextReply(
        texts.PATROL_EMPTY.format(unit_name=COMMUNE.name, hotline=COMMUNE.hotline)
    )
    assert dialogue.open_section(Section.NEWS, COMMUNE, TREE).replies[0].text.startswith("Mục Tin tức")  # type: ignore[union-attr]


def test_relative_seed_dates():
    assert resolve_date("today", TODAY) == "2026-11-23"
    assert resolve_date("today+7", TODAY) == "2026-11-30"
    assert resolve_date("today-1", TODAY) == "2026-11-22"
    assert resolve_date("2026-01-01", TODAY) == "2026-01-01"


def test_the_seed_file_loads_and_unknown_units_change_nothing(tmp_path):
    seed_units = ["tinh-demo", "xa-binh-an", "phuong-trung-tam"]
    items = load_content_file(ROOT / "infra" / "seed" / "content.yaml", seed_units, TODAY)
    assert {i.kind for i in items} == {"news", "wanted", "ward_officer", "patrol"}
    target = MemoryContent()
    assert import_content(target, items) == len(items) == len(target.items)

    bad = tmp_path / "bad.yaml"
    bad.write_text("units:\n  khong-co:\n    news: []\n", encoding="utf-8")
    with pytest.raises(ContentError, match="unknown unit"):
        load_content_file(bad, seed_units, TODAY)


class PagedLister:
    def __init__(self, total: int) -> None:
        self.ids = [f"u{i}" for i in range(total)]
        self.offsets: list[int] = []

    def get_followers_page(self, oa_id: str, offset: int = 0, count: int = 50) -> FollowerPage:
        assert offset <= 9951, "Zalo refuses offsets above its cap"
        self.offsets.append(offset)
        page = tuple(self.ids[offset : offset + count])
        return FollowerPage(total=len(self.ids), offset=offset, count=len(page), user_ids=page)


class Synced:
    def __init__(self) -> None:
        self.users: set[str] = set()

    def record_synced(self, oa_id: str, user_id: str, at: datetime) -> None:
        self.users.add(user_id)


def test_sync_slices_resume_where_they_stopped():
    lister, synced = PagedLister(120), Synced()
    first = sync_slice(lister, synced, "200", NOW, max_pages=2)
    assert (first.synced, first.next_offset, first.done, first.capped) == (100, 100, False, False)
    second = sync_slice(lister, synced, "200", NOW, offset=first.next_offset, max_pages=2)
    assert (second.synced, second.done, second.capped) == (20, True, False)
    assert len(synced.users) == 120 and lister.offsets == [0, 50, 100]


def test_sync_stops_and_reports_at_the_offset_cap():
    lister, synced = PagedLister(12_000), Synced()
    offset, done, capped = 0, False, False
    while not done:
        result = sync_slice(lister, synced, "200", NOW, offset=offset, max_pages=20)
        offset, done, capped = result.next_offset, result.done, result.capped
    assert capped and max(lister.offsets) == 9950
    assert len(synced.users) == 10_000


def test_sync_refuses_an_offset_between_pages():
    with pytest.raises(ValueError, match="multiple"):
        sync_slice(PagedLister(10), Synced(), "200", NOW, offset=7)
