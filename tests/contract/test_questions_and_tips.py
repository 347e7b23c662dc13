"""QuestionRepository and TipRepository: the in-memory doubles and the DynamoDB repositories agree on
idempotent creation, code reservation, listing order and filters, optimistic updates and the audit trail."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from anninh.codes import CodeTaken
from anninh.questions.model import PendingQuestion
from anninh.questions.ports import AlreadyAnswered
from anninh.store.questions import DynamoQuestionRepository
from anninh.store.tips import DynamoTipRepository
from anninh.tips.contact import reporter_address, tip_contact
from anninh.tips.model import AuditEntry, MediaItem, Tip
from anninh.tips.ports import ConcurrentUpdate

from tests.memory_repositories import MemoryQuestions, MemoryTips

Fresh = Callable[[str], str]  # the ``fresh`` fixture: a new id per call
T0 = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)


def questions(backend: str) -> Any:
    return MemoryQuestions() if backend == "memory" else DynamoQuestionRepository()


def tips(backend: str) -> Any:
    return MemoryTips() if backend == "memory" else DynamoTipRepository()


def code(fresh: Fresh) -> str:
    return fresh("")[-6:].upper()


# ------------------------------------------------------------------ questions
def question(unit_id: str, fresh: Fresh, at: datetime = T0) -> PendingQuestion:
    the_code = "H" + code(fresh)
    return PendingQuestion(
        unit_id=unit_id,
        question_id=f"{int(at.timestamp() * 1000)}-{the_code}",
        code=the_code,
        oa_id=fresh("9"),
        user_id=fresh("1"),
        text="Làm căn cước cho con cần giấy tờ gì?",
        created_at=at,
        faq_candidate="can_cuoc",
    )


def test_a_question_is_added_once_and_found_by_id_and_code(backend: str, fresh: Fresh) -> None:
    repository, unit = questions(backend), fresh("u-")
    asked = question(unit, fresh)
    assert repository.add(asked) is True
    assert repository.add(asked) is False  # a redelivered event
    assert repository.get(unit, asked.question_id) == asked
    assert repository.by_code(asked.code) == asked
    assert repository.get(fresh("u-"), asked.question_id) is None
    with pytest.raises(CodeTaken):
        repository.add(replace(question(unit, fresh), code=asked.code))


def test_questions_are_listed_newest_first_and_filtered_by_status(backend: str, fresh: Fresh) -> None:
    repository, unit = questions(backend), fresh("u-")
    older, newer = question(unit, fresh), question(unit, fresh, T0 + timedelta(minutes=1))
    for asked in (older, newer, question(fresh("u-"), fresh)):
        repository.add(asked)
    assert repository.list_unit(unit) == [newer, older]
    assert repository.list_unit(unit, limit=1) == [newer]
    answered = repository.mark_answered(older, "Mang giấy khai sinh.", "Cán bộ A", T0 + timedelta(hours=1))
    assert (answered.status, answered.answer, answered.answered_by, answered.answered_at) == (
        "answered",
        "Mang giấy khai sinh.",
        "Cán bộ A",
        T0 + timedelta(hours=1),
    )
    assert repository.list_unit(unit, status="open") == [newer]
    assert repository.list_unit(unit, status="answered") == [answered]
    with pytest.raises(AlreadyAnswered):
        repository.mark_answered(older, "Lần hai", "Cán bộ B", T0 + timedelta(hours=2))


# ------------------------------------------------------------------ tips
def tip(unit_id: str, fresh: Fresh, at: datetime = T0, **changes: Any) -> Tip:
    values: dict[str, Any] = {
        "tip_id": f"{int(at.timestamp() * 1000)}{fresh('')[-4:]}",
        "unit_id": unit_id,
        "code": "T" + code(fresh),
        "category": "6",
        "description": "Nhóm thanh niên tụ tập gây mất trật tự",
        "privacy": "confidential",
        "reporter_key": fresh("rk-"),
        "reporter_oa_id": fresh("9"),
        "reporter_user_id": fresh("1"),
        "created_at": at,
        "updated_at": at,
        "contact_name": "Lê Văn C",
        "contact_phone": "0912345678",
        "place": "Thôn 3",
    }
    return Tip(**{**values, **changes})


def opened(found: Tip | None) -> Tip | None:
    """The tip as its readers see it: the DynamoDB repository returns the reporter address and contact
    sealed (anninh/sealed.py), opened by ``reporter_address`` and ``tip_contact``; the double keeps them in
    clear, which the same helpers return as they are."""
    if found is None:
        return None
    name, phone = tip_contact(found)
    return replace(found, reporter_user_id=reporter_address(found), contact_name=name, contact_phone=phone)


def test_a_tip_is_created_once_and_read_back_whole(backend: str, fresh: Fresh) -> None:
    repository, unit = tips(backend), fresh("u-")
    filed = tip(unit, fresh)
    assert repository.create(filed) is True
    assert repository.create(filed) is False
    assert opened(repository.get(filed.tip_id)) == filed
    assert opened(repository.by_code(filed.code)) == filed
    assert [opened(t) for t in repository.by_reporter(filed.reporter_key)] == [filed]
    assert repository.get(fresh("t-")) is None and repository.by_code("T" + code(fresh)) is None
    with pytest.raises(CodeTaken):
        repository.create(tip(unit, fresh, code=filed.code))


def test_tips_are_listed_newest_first_filtered_by_status_and_creation_time(
    backend: str, fresh: Fresh
) -> None:
    repository, unit = tips(backend), fresh("u-")
    first = tip(unit, fresh, T0)
    second = tip(unit, fresh, T0 + timedelta(minutes=30))
    third = tip(unit, fresh, T0 + timedelta(hours=1), status="dang_xu_ly")
    for filed in (first, second, third, tip(fresh("u-"), fresh)):
        repository.create(filed)
    assert [opened(t) for t in repository.list_unit(unit)] == [third, second, first]
    assert [opened(t) for t in repository.list_unit(unit, status="moi")] == [second, first]
    assert [opened(t) for t in repository.list_unit(unit, limit=2)] == [third, second]
    assert [opened(t) for t in repository.list_created(unit, T0, T0 + timedelta(hours=1))] == [first, second]


def test_changes_are_saved_against_the_version_read(backend: str, fresh: Fresh) -> None:
    repository, unit = tips(backend), fresh("u-")
    filed = tip(unit, fresh)
    repository.create(filed)
    later = T0 + timedelta(hours=1)
    updated = repository.save_changes(filed, {"status": "dang_xu_ly"}, later)
    assert (updated.status, updated.version, updated.updated_at) == ("dang_xu_ly", 1, later)
    assert opened(repository.get(filed.tip_id)) == opened(updated)
    with pytest.raises(ConcurrentUpdate):
        repository.save_changes(filed, {"status": "da_xu_ly"}, later)  # read at version 0: stale
    assert opened(repository.get(filed.tip_id)) == opened(updated)


def test_media_items_are_set_by_id(backend: str, fresh: Fresh) -> None:
    repository, unit = tips(backend), fresh("u-")
    filed = tip(unit, fresh)
    repository.create(filed)
    pending = MediaItem(
        media_id="m1", kind="image", status="pending", source_url="https://example.test/a.jpg"
    )
    stored = replace(pending, status="stored", s3_key=f"tips/{filed.tip_id}/m1.jpg")
    repository.set_media(filed.tip_id, pending, T0)
    repository.set_media(filed.tip_id, stored, T0 + timedelta(minutes=1))
    assert repository.get(filed.tip_id).media == (stored,)


def test_the_audit_trail_and_additions(backend: str, fresh: Fresh) -> None:
    repository, unit = tips(backend), fresh("u-")
    filed = tip(unit, fresh)
    repository.create(filed)
    viewed = AuditEntry(filed.tip_id, T0 + timedelta(minutes=1), "viewed", "Cán bộ A (xa)")
    repository.audit(viewed)
    at = T0 + timedelta(minutes=2)
    assert repository.add_addition(filed.tip_id, at, "Thêm: biển số 30A-12345", "msg-1") is True
    assert repository.add_addition(filed.tip_id, at, "Thêm: biển số 30A-12345", "msg-1") is False  # again
    additions = repository.additions(filed.tip_id)
    assert [(a.action, a.actor, a.detail, a.at) for a in additions] == [
        ("info_added", "citizen", "Thêm: biển số 30A-12345", at)
    ]
    history = repository.history(filed.tip_id)
    assert viewed in history and additions[0] in history
