"""The intake started from a citizen's own words: category offered, words kept, choices typed by name."""

from __future__ import annotations

from datetime import UTC, datetime

from anninh import texts
from anninh.conversation import tip_intake
from anninh.conversation.replies import Turn
from anninh.messaging.state import ConversationData
from anninh.units.model import Unit
from anninh.zalo import events as ev

UNIT = Unit("xa", "Công an xã Bình An", "commune", oa_id="200", code="BA", hotline="0200 3830 113")
NOW = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)
COMMON = {"event_name": "user_send_text", "app_id": "1", "timestamp": "1", "oa_id": "200", "user_id": "u"}
SHORT = "cháu muốn tố giác kẻ trộm xe đạp"
RICH = "tối nào cũng có một nhóm thanh niên tụ tập bán ma túy ở cuối hẻm 12 thôn Bình An, đi xe Wave đỏ"


def say(turn: Turn, *messages: str) -> Turn:
    for message in messages:
        event = ev.TextMessage(**COMMON, msg_id="m", text=message)
        turn = tip_intake.step(UNIT, turn.state, turn.data, event, NOW)
    return turn


def test_the_guessed_category_is_offered_and_the_words_kept() -> None:
    turn = tip_intake.start_from_message(UNIT, NOW, SHORT, "trom_cap")
    assert turn.state == "tip:category_guess"
    assert "trộm cắp" in turn.replies[0].text and "Bước 1/6" in turn.replies[0].text
    more = say(turn, "1")
    assert more.state == "tip:description"  # asked to add details, not to retype
    assert SHORT in more.replies[0].text
    added = say(more, "xe Martin màu xanh, ở nhà văn hóa thôn")
    assert added.state == "tip:place"
    assert added.data.draft.description == f"{SHORT}\nxe Martin màu xanh, ở nhà văn hóa thôn"


def test_nothing_to_add_keeps_the_first_words() -> None:
    turn = say(tip_intake.start_from_message(UNIT, NOW, SHORT, "trom_cap"), "đúng", "xong")
    assert turn.state == "tip:place" and turn.data.draft.description == SHORT


def test_a_rich_message_skips_the_description_step() -> None:
    turn = say(tip_intake.start_from_message(UNIT, NOW, RICH, "ma_tuy"), "dung")
    assert turn.state == "tip:place" and turn.data.draft.description == RICH


def test_another_category_by_list_or_by_name() -> None:
    other = say(tip_intake.start_from_message(UNIT, NOW, SHORT, "trom_cap"), "2")
    assert other.state == "tip:category" and "1. Ma túy" in other.replies[0].text
    assert say(other, "lừa đảo").data.draft.category == "lua_dao"
    named = say(tip_intake.start_from_message(UNIT, NOW, SHORT, "trom_cap"), "cờ bạc")
    assert named.data.draft.category == "co_bac"
    unclear = say(tip_intake.start_from_message(UNIT, NOW, SHORT, "trom_cap"), "hmm")
    assert unclear.state == "tip:category_guess" and "trộm cắp" in unclear.replies[0].text


def test_without_a_guess_the_list_is_shown_and_a_name_is_accepted() -> None:
    turn = tip_intake.start_from_message(UNIT, NOW, "tôi muốn báo tin", None)
    assert turn.state == "tip:category" and turn.data.draft.description is None
    assert say(turn, "danh bac").data.draft.category == "co_bac"
    assert say(turn, "ABC").replies[0].text == texts.TIP_CATEGORY_RETRY_NAMES.format(count=9)


def test_privacy_typed_by_name_whole_flow_to_submission() -> None:
    turn = say(
        tip_intake.start_from_message(UNIT, NOW, RICH, "ma_tuy"), "đúng", "không nhớ", "không nhớ", "xong"
    )
    assert turn.state == "tip:privacy"
    assert say(turn, "Ẩn danh").state == "tip:confirm"
    assert say(turn, "bm").state == "tip:contact"
    assert say(turn, "cong khai").state == "tip:contact"
    again = say(turn, "danh")
    assert again.state == "tip:privacy" and again.replies[0].text == texts.TIP_PRIVACY_RETRY_NAMES
    sent = say(turn, "an danh", "Gửi tin báo")
    draft = sent.effects.submit
    assert draft.category == "ma_tuy" and draft.privacy == "anonymous" and draft.description == RICH


def test_an_urgent_start_goes_straight_to_the_place() -> None:
    message = "Cứu với, có người cầm dao đang đánh nhau trước cổng chợ"
    turn = tip_intake.start_from_message(UNIT, NOW, message, "gay_thuong_tich", urgent=True)
    assert turn.data.draft.urgent is True
    assert say(turn, "1").state == "tip:place"


def test_resume_accepts_words() -> None:
    started = tip_intake.start(UNIT, ConversationData(), NOW)
    turn = say(started, "1", "Có người bán ma túy ở quán nước đầu ngõ")
    resumed = tip_intake.start(UNIT, turn.data, NOW)
    assert say(resumed, "tiep tuc").state == "tip:place"
    assert say(resumed, "làm mới").state == "tip:category"


def test_a_bare_wish_to_report_offers_the_unfinished_draft() -> None:
    started = tip_intake.start(UNIT, ConversationData(), NOW)
    draft = say(started, "1", "Có người bán ma túy ở quán nước đầu ngõ")
    wish = tip_intake.start_from_message(UNIT, NOW, "tôi muốn báo tin", None, data=draft.data)
    assert wish.state == "tip:resume"
    told = tip_intake.start_from_message(UNIT, NOW, SHORT, "trom_cap", data=draft.data)
    assert told.state == "tip:category_guess"  # a new report in words starts afresh


def test_the_intakes_first_message_gives_the_emergency_numbers() -> None:
    # The fallback where a danger told calmly is read as a report: the numbers come before any question.
    menu_start = tip_intake.start(UNIT, ConversationData(), NOW)
    for turn in (tip_intake.start_from_message(UNIT, NOW, SHORT, "trom_cap"), menu_start):
        first = turn.replies[0].text
        assert "gọi ngay 113" in first and "114" in first and "115" in first
        assert first.index("113") < first.index("Bước 1/6")
