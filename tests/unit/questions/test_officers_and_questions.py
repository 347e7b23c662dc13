from datetime import UTC, datetime

import pytest
from anninh import texts
from anninh.codes import ALPHABET, new_code, normalise_code
from anninh.conversation import officer_commands
from anninh.officers.model import Officer, OfficerError, Shift, on_duty
from anninh.questions.service import hand_over, officers_to_alert, open_questions_in_scope, question_id_for
from anninh.units.model import Unit
from anninh.units.tree import UnitTree

from tests.memory_repositories import MemoryConversations, MemoryOfficers, MemoryQuestions, RecordingSender

TREE = UnitTree(
    [
        Unit("tinh", "Công an tỉnh", "province", oa_id="100", code="TD"),
        Unit("xa", "Công an xã A", "commune", parent_id="tinh", oa_id="200", code="XA"),
        Unit("xa-b", "Công an xã B", "commune", parent_id="tinh", oa_id="300", code="XB"),
    ]
)
# Monday 23 November 2026, 02:30 UTC = 09:30 Vietnam time
MONDAY_MORNING = datetime(2026, 11, 23, 2, 30, tzinfo=UTC)
SUNDAY_NIGHT_VN = datetime(2026, 11, 22, 18, 0, tzinfo=UTC)  # Monday 01:00 in Vietnam


def officer(unit="xa", user="501", role="truc_ban", shifts=(), oa="200", name="Nguyễn Văn An"):
    return Officer(unit_id=unit, user_id=user, name=name, role=role, oa_id=oa, shifts=tuple(shifts))


def test_codes_have_no_look_alikes_and_are_typed_back_forgivingly():
    code = new_code("BA")
    assert code.startswith("BA-") and len(code) == 10
    assert not set(code[3:]) & set("01ILOSU")
    assert set(code[3:]) <= set(ALPHABET)
    assert normalise_code(" ba-7kq2m ") == "BA-7KQ2M"
    assert normalise_code("h7kq2m") == "H-7KQ2M"
    assert normalise_code("h7kq2mxr") == "H-7KQ2MXR"
    assert normalise_code("ba 7kq2mxr") == "BA-7KQ2MXR"
    at = MONDAY_MORNING
    assert question_id_for(at, "msg-1") == question_id_for(at, "msg-1") != question_id_for(at, "msg-2")


def test_shifts_in_vietnam_time_including_past_midnight():
    day = Shift(days=(0, 1, 2, 3, 4), start="07:30", end="17:00")
    night = Shift(days=(6,), start="22:00", end="06:00")
    assert day.covers(MONDAY_MORNING)
    assert not night.covers(MONDAY_MORNING)
    assert night.covers(SUNDAY_NIGHT_VN)  # Sunday's night shift still runs at 01:00 on Monday
    assert not day.covers(SUNDAY_NIGHT_VN)
    with pytest.raises(OfficerError):
        Shift(days=(7,), start="07:00", end="08:00")
    with pytest.raises(OfficerError):
        Shift(days=(1,), start="7h", end="08:00")


def test_on_duty_uses_the_roster_or_every_duty_officer_without_one():
    day = officer(user="1", shifts=[Shift((0,), "07:00", "19:00")])
    night = officer(user="2", shifts=[Shift((0,), "19:00", "07:00")])
    assert on_duty([day, night], MONDAY_MORNING) == [day]
    plain = [officer(user="3"), officer(user="4", role="lanh_dao")]
    assert [o.user_id for o in on_duty(plain, MONDAY_MORNING)] == ["3"]
    with pytest.raises(OfficerError):
        officer(role="boss")


def test_questions_go_to_the_unit_or_the_nearest_parent_on_duty():
    officers = MemoryOfficers([officer(unit="tinh", user="900", oa="100")])
    assert [o.user_id for o in officers_to_alert(officers, TREE, TREE.get("xa"), MONDAY_MORNING)] == ["900"]
    officers.save(officer(unit="xa", user="501"))
    assert [o.user_id for o in officers_to_alert(officers, TREE, TREE.get("xa"), MONDAY_MORNING)] == ["501"]


def test_hand_over_is_idempotent_per_event():
    questions = MemoryQuestions()
    first, new = hand_over(questions, TREE.get("xa"), "u1", "Nhà tôi bị mất điện", "evt-1", MONDAY_MORNING)
    again, new_again = hand_over(
        questions, TREE.get("xa"), "u1", "Nhà tôi bị mất điện", "evt-1", MONDAY_MORNING
    )
    assert new and not new_again and first == again
    assert len(questions.items) == 1


def _command(text, by, questions, conversations, sender, key="cmd-1"):
    return officer_commands.run_command(
        by,
        TREE,
        text,
        questions=questions,
        conversations=conversations,
        sender=sender,
        event_key=key,
        now=MONDAY_MORNING,
    )


def test_officer_answers_a_question_and_the_citizen_gets_it_once():
    questions, conversations, sender = MemoryQuestions(), MemoryConversations(), RecordingSender()
    question, _ = hand_over(
        questions, TREE.get("xa"), "citizen-1", "Xin hỏi giờ làm việc thứ Bảy", "e1", MONDAY_MORNING
    )
    province_officer = officer(unit="tinh", user="900", oa="100", name="Trần Thị Bình")
    listing = _command("#cauhoi", province_officer, questions, conversations, sender)
    assert question.code in listing[0].text and "Công an xã A" in listing[0].text
    replies = _command(
        f"#traloi {question.code.lower()} Sáng thứ Bảy làm việc",
        province_officer,
        questions,
        conversations,
        sender,
    )
    assert replies[0].text == texts.OFFICER_ANSWER_SENT.format(code=question.code)
    ((oa_id, user_id, relay),) = sender.sent
    assert (oa_id, user_id) == ("200", "citizen-1")  # through the citizen's own OA
    assert "Sáng thứ Bảy làm việc" in relay.text and question.code in relay.text
    # the same command redelivered: no second message
    _command(
        f"#traloi {question.code} Sáng thứ Bảy làm việc", province_officer, questions, conversations, sender
    )
    assert len(sender.sent) == 1
    # another officer cannot answer it again
    other = _command(
        f"#traloi {question.code} khác",
        officer(unit="xa", user="502"),
        questions,
        conversations,
        sender,
        key="cmd-2",
    )
    assert "đã được trả lời" in other[0].text
    assert open_questions_in_scope(questions, TREE, "tinh") == []


def test_officers_see_and_answer_only_their_scope():
    questions, conversations, sender = MemoryQuestions(), MemoryConversations(), RecordingSender()
    question, _ = hand_over(questions, TREE.get("xa"), "citizen-1", "câu hỏi của xã A", "e1", MONDAY_MORNING)
    sibling = officer(unit="xa-b", user="700", oa="300")
    assert (
        _command("#cauhoi", sibling, questions, conversations, sender)[0].text == texts.OFFICER_NO_QUESTIONS
    )
    refused = _command(f"#traloi {question.code} trả lời", sibling, questions, conversations, sender)
    assert refused[0].text == texts.OFFICER_QUESTION_NOT_FOUND.format(code=question.code)
    assert sender.sent == []
    assert (
        _command("#traloi", sibling, questions, conversations, sender)[0].text == texts.OFFICER_ANSWER_USAGE
    )
    help_text = _command("#gibberish", sibling, questions, conversations, sender)[0].text
    assert help_text.startswith(texts.OFFICER_HELP) and texts.ROUTE_HELP in help_text
