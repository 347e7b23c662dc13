"""UnitRepository, OfficerRepository and ConversationRepository: the in-memory doubles and the DynamoDB
repositories answer alike (keys, filters, what a save keeps and what it replaces)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from anninh.messaging.conversations import ConversationState
from anninh.messaging.state import ConversationData, TipDraft
from anninh.officers.model import Officer, Shift
from anninh.store.conversations import DynamoConversationRepository
from anninh.store.officers import DynamoOfficerRepository
from anninh.store.units import DynamoUnitRepository
from anninh.units.model import Contact, Unit

from tests.memory_repositories import MemoryConversations, MemoryOfficers, MemoryUnits

Fresh = Callable[[str], str]  # the ``fresh`` fixture: a new id per call
T0 = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)


def units(backend: str) -> Any:
    return MemoryUnits() if backend == "memory" else DynamoUnitRepository()


def officers(backend: str) -> Any:
    return MemoryOfficers() if backend == "memory" else DynamoOfficerRepository()


def conversations(backend: str) -> Any:
    return MemoryConversations() if backend == "memory" else DynamoConversationRepository()


# ------------------------------------------------------------------ units
def test_units_are_found_by_id_and_by_oa_with_every_field_kept(backend: str, fresh: Fresh) -> None:
    repository = units(backend)
    oa = fresh("9")
    parent = Unit(unit_id=fresh("tinh-"), name="Công an tỉnh", level="province")
    child = Unit(
        unit_id=fresh("xa-"),
        name="Công an xã",
        level="commune",
        parent_id=parent.unit_id,
        oa_id=oa,
        hotline="0200 111",
        address="Số 1",
        office_hours="7:30–17:00",
        code="XA",
        contacts=(Contact(label="Trực ban", phone="0200 113"),),
    )
    assert repository.save_all([parent, child]) == 2
    assert repository.get(child.unit_id) == child
    assert repository.by_oa(oa) == child
    assert repository.get(fresh("none-")) is None
    assert repository.by_oa(fresh("8")) is None
    assert {child.unit_id, parent.unit_id} <= {u.unit_id for u in repository.all()}


def test_saving_a_unit_again_replaces_it(backend: str, fresh: Fresh) -> None:
    repository = units(backend)
    unit = Unit(unit_id=fresh("xa-"), name="Tên cũ", level="commune", hotline="1")
    repository.save_all([unit])
    renamed = Unit(unit_id=unit.unit_id, name="Tên mới", level="commune")
    repository.save_all([renamed])
    assert repository.get(unit.unit_id) == renamed
    assert sum(1 for u in repository.all() if u.unit_id == unit.unit_id) == 1


# ------------------------------------------------------------------ officers
def officer(unit_id: str, user_id: str, oa_id: str, **changes: Any) -> Officer:
    values: dict[str, Any] = {
        "unit_id": unit_id,
        "user_id": user_id,
        "name": "Nguyễn Văn A",
        "role": "truc_ban",
        "oa_id": oa_id,
        "shifts": (Shift(days=(0, 1, 2), start="07:00", end="19:00"),),
    }
    return Officer(**{**values, **changes})


def test_officers_are_listed_per_unit_and_found_by_oa_and_user(backend: str, fresh: Fresh) -> None:
    repository = officers(backend)
    unit, other_unit, oa, other_oa = fresh("u-"), fresh("u-"), fresh("9"), fresh("9")
    duty, handler = fresh("8"), fresh("8")
    repository.save(officer(unit, duty, oa))
    repository.save(officer(unit, handler, oa, role="can_bo_xu_ly", alerts="digest", active=False))
    repository.save(officer(other_unit, fresh("8"), other_oa))
    listed = {o.user_id: o for o in repository.list_unit(unit)}
    assert set(listed) == {duty, handler}
    assert listed[handler] == officer(unit, handler, oa, role="can_bo_xu_ly", alerts="digest", active=False)
    assert repository.find(oa, duty) == officer(unit, duty, oa)
    assert repository.find(other_oa, duty) is None
    assert repository.list_unit(fresh("u-")) == []


def test_saving_an_officer_again_replaces_and_removing_says_whether_it_existed(
    backend: str, fresh: Fresh
) -> None:
    repository = officers(backend)
    unit, oa, user = fresh("u-"), fresh("9"), fresh("8")
    repository.save(officer(unit, user, oa))
    repository.save(officer(unit, user, oa, name="Trần Thị B", shifts=()))
    assert repository.list_unit(unit) == [officer(unit, user, oa, name="Trần Thị B", shifts=())]
    assert repository.remove(unit, user) is True
    assert repository.remove(unit, user) is False
    assert repository.list_unit(unit) == [] and repository.find(oa, user) is None


# ------------------------------------------------------------------ conversations
def test_saved_state_and_progress_come_back_and_are_kept_apart(backend: str, fresh: Fresh) -> None:
    repository = conversations(backend)
    oa, user = fresh("9"), fresh("1")
    assert repository.load(oa, user) == ConversationState(oa_id=oa, user_id=user)  # new: at the menu

    repository.save(
        ConversationState(
            oa, user, state="tip_describe", data=ConversationData(draft=TipDraft(category="6"))
        ),
        T0,
    )
    repository.mark_sent(oa, user, "event-1", 2)
    loaded = repository.load(oa, user)
    assert (loaded.state, loaded.data, loaded.progress_key, loaded.progress_sent) == (
        "tip_describe",
        ConversationData(draft=TipDraft(category="6")),
        "event-1",
        2,
    )
    # A save changes the state and data, never the send progress of the event being handled.
    repository.save(ConversationState(oa, user, state="menu", data=ConversationData()), T0)
    loaded = repository.load(oa, user)
    kept = (loaded.state, loaded.data, loaded.progress_key, loaded.progress_sent)
    assert kept == ("menu", ConversationData(), "event-1", 2)
    stranger = fresh("1")
    assert repository.load(oa, stranger) == ConversationState(oa_id=oa, user_id=stranger)


def test_a_loaded_state_is_a_copy(backend: str, fresh: Fresh) -> None:
    repository = conversations(backend)
    oa, user = fresh("9"), fresh("1")
    repository.save(
        ConversationState(
            oa, user, state="tip_describe", data=ConversationData(draft=TipDraft(category="6"))
        ),
        T0,
    )
    loaded = repository.load(oa, user)
    assert loaded.data.draft is not None
    loaded.data.draft.category = "1"
    assert repository.load(oa, user).data == ConversationData(draft=TipDraft(category="6"))
