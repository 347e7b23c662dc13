"""Tip and question codes are unique by construction (moto tables built from template.yaml).

The clash is forced, not waited for: two submissions draw from random sources seeded alike, so the second
draws the first one's code and must be refused by the reservation and draw again.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest
from anninh.codes import ALPHABET, CODE_LENGTH, AmbiguousCode
from anninh.conversation import tip_followup
from anninh.questions.service import hand_over
from anninh.store.questions import DynamoQuestionRepository, QuestionModel
from anninh.store.tips import DynamoTipRepository, TipCodeModel, TipModel, code_key, unit_status_key
from anninh.tips.service import Draft, reporter_key, submit
from anninh.units.model import Unit

from tests.integration.conftest import fake_zalo, stack  # noqa: F401  (fixtures: moto from the template)

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
SECRET = "hash-secret"
DRAFT = Draft.from_dict(
    {"category": "ma_tuy", "description": "Có người bán ma túy ở cuối hẻm mỗi tối", "privacy": "anonymous"}
)


@pytest.fixture(autouse=True)
def record_key(stack, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    """Tips are filed here as the worker files them: the reporter's address sealed with the record key."""
    variables = stack.functions["WorkerFunction"].runtime_environment
    monkeypatch.setenv("RECORD_KEY_ID", variables["RECORD_KEY_ID"])


def unit_of(stack) -> Unit:  # noqa: F811
    from anninh.store.units import DynamoUnitRepository

    unit = DynamoUnitRepository().get("xa-binh-an")
    assert unit is not None and unit.code
    return unit


def seeded(seed: int):
    return random.Random(seed).choice


def file_tip(stack, user: str, key: str, choice=None):  # noqa: F811
    unit = unit_of(stack)
    return submit(
        DynamoTipRepository(),
        unit,
        DRAFT,
        oa_id=unit.oa_id,
        user_id=user,
        hash_secret=SECRET,
        event_key=key,
        now=NOW,
        choice=choice,
    )


def test_a_code_drawn_twice_is_redrawn_and_each_code_finds_its_own_tip(stack) -> None:  # noqa: F811
    first, created = file_tip(stack, "1001", "evt-a", seeded(7))
    second, created_too = file_tip(stack, "1002", "evt-b", seeded(7))  # draws first.code first
    assert created and created_too
    assert first.code != second.code
    assert second.code == f"{second.code.split('-')[0]}-{second.code.split('-')[1]}"
    repo = DynamoTipRepository()
    assert repo.by_code(first.code).tip_id == first.tip_id
    assert repo.by_code(second.code).tip_id == second.tip_id
    body = first.code.split("-", 1)[1]
    assert len(body) == CODE_LENGTH >= 7 and set(body) <= set(ALPHABET)
    # Each code is reserved by its own item, owned by its tip.
    assert TipCodeModel.get(code_key(first.code)).owner == first.tip_id
    assert TipCodeModel.get(code_key(second.code)).owner == second.tip_id


def test_a_redelivered_event_finds_its_own_tip_and_reserves_nothing_more(stack) -> None:  # noqa: F811
    first, created = file_tip(stack, "1003", "evt-c")
    again, created_again = file_tip(stack, "1003", "evt-c")
    assert created and not created_again
    assert (again.tip_id, again.code) == (first.tip_id, first.code)
    reservations = [item for item in TipCodeModel.scan() if item.tip_id.startswith("code#")]
    assert [item.owner for item in reservations] == [first.tip_id]


def test_a_random_source_that_always_repeats_gives_up_rather_than_share(stack) -> None:  # noqa: F811
    file_tip(stack, "1004", "evt-d", lambda _alphabet: "A")
    from anninh.tips.service import NoFreeCode

    with pytest.raises(NoFreeCode):
        file_tip(stack, "1005", "evt-e", lambda _alphabet: "A")
    assert sum(1 for _ in TipModel.scan(TipModel.unit_id.exists())) == 1


def _legacy_tip(tip_id: str, code: str, user: str) -> None:
    """A tip as the code before reservations wrote it: a 5-character code, only in the by_code index."""
    TipModel(
        tip_id=tip_id,
        unit_id="xa-binh-an",
        unit_status=unit_status_key("xa-binh-an", "moi"),
        code=code,
        category="co_bac",
        description="Sòng bạc trong nhà kho cuối làng",
        privacy="anonymous",
        reporter_key=reporter_key(SECRET, "oa", user),
        reporter_oa_id="oa",
        reporter_user_id=user,
        status="moi",
        created_at=NOW,
        updated_at=NOW,
    ).save()


def test_old_five_character_codes_keep_resolving_typed_any_way(stack) -> None:  # noqa: F811
    _legacy_tip("1763884800000-BA-7KQ2M", "BA-7KQ2M", "2001")
    repo = DynamoTipRepository()
    assert repo.by_code("BA-7KQ2M").tip_id == "1763884800000-BA-7KQ2M"
    replies = tip_followup.respond(
        repo, "tra cứu ba7kq2m", oa_id="oa", user_id="2001", hash_secret=SECRET, now=NOW
    )
    assert replies is not None and "BA-7KQ2M" in replies[0].text and "Mới" in replies[0].text


def test_an_old_code_two_tips_share_is_an_error_never_the_first(stack) -> None:  # noqa: F811
    _legacy_tip("1763884800000-BA-7KQ2M", "BA-7KQ2M", "2001")
    _legacy_tip("1763884900000-BA-7KQ2M", "BA-7KQ2M", "2002")
    repo = DynamoTipRepository()
    with pytest.raises(AmbiguousCode):
        repo.by_code("BA-7KQ2M")
    # The second reporter's "bổ sung" is refused (no tip changes), not written to the first reporter's tip.
    replies = tip_followup.respond(
        repo, "bổ sung BA-7KQ2M xe màu đỏ", oa_id="oa", user_id="2002", hash_secret=SECRET, now=NOW
    )
    assert replies is not None and "BA-7KQ2M" in replies[0].text
    assert repo.additions("1763884800000-BA-7KQ2M") == [] and repo.additions("1763884900000-BA-7KQ2M") == []


def test_question_codes_clash_redraw_and_a_redelivery_creates_nothing(stack) -> None:  # noqa: F811
    unit = unit_of(stack)
    questions = DynamoQuestionRepository()
    first, new = hand_over(questions, unit, "3001", "Làm căn cước cần gì?", "q-1", NOW, choice=seeded(3))
    second, new_too = hand_over(
        questions, unit, "3002", "Đăng ký tạm trú ở đâu?", "q-2", NOW, choice=seeded(3)
    )
    again, new_again = hand_over(
        questions, unit, "3001", "Làm căn cước cần gì?", "q-1", NOW, choice=seeded(3)
    )
    assert new and new_too and not new_again
    assert first.code != second.code and again.code == first.code
    assert first.code.startswith("H-") and len(first.code) == 2 + CODE_LENGTH
    assert questions.by_code(first.code).text == "Làm căn cước cần gì?"
    assert questions.by_code(second.code).text == "Đăng ký tạm trú ở đâu?"
    stored = [q for q in QuestionModel.query(unit.unit_id)]
    assert len(stored) == 2
