"""`anninh units merge` on POST /admin/units/merge (AdminFunction from template.yaml, moto): the dry run
changes nothing; a fault injected in the middle leaves a resumable merger, and resuming completes it with
nothing moved twice; afterwards the old unit's OA answers with a pointer to the new one, its reporters'
codes still resolve and officers of the new unit reach them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from anninh.content.model import ContentItem
from anninh.officers.model import Officer
from anninh.store.content import DynamoContentRepository
from anninh.store.officers import DynamoOfficerRepository
from anninh.store.stats import StatsModel, bind_stats_table
from anninh.store.tips import DynamoTipRepository
from anninh.store.units import DynamoUnitRepository

OLD, NEW = "xa-hoa-lac", "xa-binh-an"
REPORTER = "8765432109876543301"
STRANGER = "8765432109876543302"
OFFICER = "8800000000000000991"


def texts_to(stack, user_id: str) -> list[str]:
    return [(c.get("message") or {}).get("text") or "" for c in stack.zalo.outbox(user_id=user_id)]


def say(stack, unit_id: str, user_id: str, text: str, msg_id: str) -> None:
    stack.post(unit_id, stack.text_event(unit_id, user_id, text, msg_id))
    stack.drain()


def file_tip(stack, unit_id: str, user_id: str, tag: str) -> str:
    steps = ["báo tin", "3", f"Kẻ gian lấy trộm xe máy ({tag})", "không nhớ", "đêm qua", "xong", "1", "gửi"]
    for step, text in enumerate(steps):
        say(stack, unit_id, user_id, text, f"{tag}-{step}")
    return texts_to(stack, user_id)[-1].split("Mã tin báo của bạn: ")[1].split()[0]


def stats_of(stack, unit_id: str) -> int:
    bind_stats_table(stack.functions["WorkerFunction"].runtime_environment)
    return sum(int(item.tips_submitted or 0) for item in StatsModel.query(unit_id))


@pytest.fixture
def old_unit(stack):
    """Two tips, a news item, an officer and statistics at the old unit."""
    stack.functions["WorkerFunction"].environment["UNITS_CACHE_SECONDS"] = "0"
    codes = [file_tip(stack, OLD, REPORTER, "t1"), file_tip(stack, OLD, REPORTER, "t2")]
    now = datetime.now(UTC)
    DynamoContentRepository().put(
        ContentItem(
            OLD, "news", "canh-bao", {"title": "Cảnh báo", "summary": "Lừa đảo", "date": "2026-11-01"}
        ),
        now,
    )
    oa_id = stack.units[OLD].oa_id
    DynamoOfficerRepository().save(Officer(OLD, OFFICER, "Lê Văn Cũ", "can_bo_xu_ly", oa_id))
    return codes


def test_dry_run_counts_and_changes_nothing_bad_input_is_refused(stack, old_unit) -> None:
    status, plan = stack.admin(
        "POST", "/admin/units/merge", body={"from_unit": OLD, "into_unit": NEW, "dry_run": True}
    )
    assert status == 200 and plan["dry_run"] is True and plan["merge_id"] is None
    assert plan["counts"]["tips"] == 2 and plan["counts"]["content"] == 1 and plan["counts"]["officers"] == 1
    assert plan["counts"]["stats"] >= 1 and "oa" not in plan["parts"]  # the new unit has its own OA
    assert plan["items"]["tips"] == sorted(old_unit) and plan["items"]["officers"] == ["Lê Văn Cũ"]
    assert list(plan["steps"]) == ["close", "tips", "content", "officers", "stats", "followers", "history"]
    assert all(DynamoTipRepository().by_code(code).unit_id == OLD for code in old_unit)
    assert DynamoUnitRepository().get(OLD).merged_into is None
    assert stats_of(stack, OLD) == 2

    for body, expected in [
        ({"from_unit": OLD, "into_unit": "khong-co"}, 404),
        ({"from_unit": OLD, "into_unit": OLD}, 400),
        ({"from_unit": OLD, "into_unit": NEW, "parts": ["oa"]}, 400),  # the new unit has an OA already
        ({"from_unit": "tinh-demo", "into_unit": NEW}, 400),  # it has units under it
        ({"from_unit": OLD, "into_unit": NEW, "parts": ["everything"]}, 422),
        ({"from_unit": OLD, "resume": True, "into_unit": NEW}, 404),  # nothing started
    ]:
        status, answer = stack.admin("POST", "/admin/units/merge", body=body)
        assert status == expected, (body, answer)
    assert DynamoUnitRepository().get(OLD).merged_into is None


def test_a_fault_midway_resumes_to_a_complete_merger_with_nothing_twice(stack, old_unit, monkeypatch) -> None:
    def unavailable(self, item, at):
        raise ConnectionError("DynamoDB unreachable")

    with monkeypatch.context() as fault:
        fault.setattr(DynamoContentRepository, "put", unavailable)
        status, answer = stack.admin("POST", "/admin/units/merge", body={"from_unit": OLD, "into_unit": NEW})
    assert status == 503 and answer["code"] == "merge_interrupted" and "content" in answer["message"]
    tips = DynamoTipRepository()
    assert all(tips.by_code(code).unit_id == NEW for code in old_unit)  # the tips step had finished
    assert [i.item_id for i in DynamoContentRepository().list_unit(OLD)] == ["canh-bao"]  # nothing half-moved
    assert [o.user_id for o in DynamoOfficerRepository().list_unit(OLD)] == [OFFICER]
    status, again = stack.admin("POST", "/admin/units/merge", body={"from_unit": OLD, "into_unit": NEW})
    assert status == 409 and "--resume" in again["message"]  # started before: only --resume goes on

    for _ in range(2):  # resuming a complete merger changes nothing
        status, done = stack.admin(
            "POST", "/admin/units/merge", body={"from_unit": OLD, "into_unit": NEW, "resume": True}
        )
        assert status == 200 and done["complete"] is True and set(done["steps"].values()) == {"done"}
    for code in old_unit:
        tip = tips.by_code(code)
        assert tip.unit_id == NEW and tip.status == "moi"
        assert [e.action for e in tips.history(tip.tip_id)].count("merged") == 1
    assert DynamoContentRepository().list_unit(OLD) == []
    assert [i.item_id for i in DynamoContentRepository().list_unit(NEW) if i.item_id == "canh-bao"] == [
        "canh-bao"
    ]
    assert DynamoOfficerRepository().list_unit(OLD) == []
    assert OFFICER in {o.user_id for o in DynamoOfficerRepository().list_unit(NEW)}
    assert stats_of(stack, OLD) == 0 and stats_of(stack, NEW) == 2
    units = DynamoUnitRepository()
    old, new = units.get(OLD), units.get(NEW)
    assert old.merged_into == NEW and old.parent_id == NEW and old.oa_id == stack.units[OLD].oa_id
    assert [h.kind for h in old.history] == ["merged_into"] and [h.kind for h in new.history] == [
        "merged_from"
    ]
    assert "tin báo 2" in new.history[0].detail

    # The old OA: a stranger gets the pointer; the reporter still follows up and hears from the new unit.
    say(stack, OLD, STRANGER, "cho hỏi làm căn cước", "s-1")
    (pointer,) = texts_to(stack, STRANGER)
    assert new.name in pointer and f"https://zalo.me/{new.oa_id}" in pointer
    say(stack, OLD, REPORTER, f"tra cứu {old_unit[0]}", "r-1")
    assert old_unit[0] in texts_to(stack, REPORTER)[-1] and new.name not in texts_to(stack, REPORTER)[-1]
    status, sent = stack.admin(
        "POST", f"/admin/tips/{old_unit[0]}/reply", body={"text": "Đã cử người xác minh."}
    )
    assert status == 200, sent
    assert "Đã cử người xác minh." in texts_to(stack, REPORTER)[-1]
    assert stack.zalo.outbox(user_id=REPORTER)[-1]["oa_id"] == stack.units[OLD].oa_id


def test_rename_keeps_old_codes_resolving(stack, old_unit) -> None:
    status, renamed = stack.admin(
        "POST", f"/admin/units/{OLD}/rename", body={"name": "Công an xã Hòa Lạc Mới", "code": "hm"}
    )
    assert status == 200 and renamed["code"] == "HM" and "Hòa Lạc Mới" in renamed["history"]
    unit = DynamoUnitRepository().get(OLD)
    assert unit.name == "Công an xã Hòa Lạc Mới" and unit.code == "HM" and len(unit.history) == 1
    assert all(DynamoTipRepository().by_code(code) is not None for code in old_unit)
    say(stack, OLD, REPORTER, f"tra cứu {old_unit[1]}", "r-2")
    assert old_unit[1] in texts_to(stack, REPORTER)[-1]
    assert stack.admin("POST", "/admin/units/khong-co/rename", body={"name": "X"})[0] == 404
    assert stack.admin("POST", f"/admin/units/{OLD}/rename", body={"name": "X", "code": "QUÁ-DÀI"})[0] == 422


def test_the_oa_goes_to_a_unit_without_one_and_then_answers_as_that_unit(stack, old_unit) -> None:
    into = "pc02-demo"  # a department without an OA
    body = {"from_unit": OLD, "into_unit": into, "parts": ["tips", "officers", "oa"]}
    status, done = stack.admin("POST", "/admin/units/merge", body=body)
    assert status == 200 and done["complete"] is True, done
    units = DynamoUnitRepository()
    assert units.get(into).oa_id == stack.units[OLD].oa_id and units.get(OLD).oa_id is None
    assert units.by_oa(stack.units[OLD].oa_id).unit_id == into
    assert {o.user_id for o in DynamoOfficerRepository().list_unit(into)} == {OFFICER}
    say(stack, OLD, STRANGER, "xin chào", "s-2")  # the same OA, now the department's: no pointer
    (greeting,) = texts_to(stack, STRANGER)
    assert "đã sáp nhập" not in greeting and "Gửi tin báo" in greeting  # the menu, as any unit's OA
    say(stack, OLD, REPORTER, f"tra cứu {old_unit[0]}", "r-3")
    assert old_unit[0] in texts_to(stack, REPORTER)[-1]
