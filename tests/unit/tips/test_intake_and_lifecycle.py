from datetime import UTC, datetime, timedelta

import pytest
from anninh import texts
from anninh.conversation import tip_intake
from anninh.messaging.replies import RequestInfoReply
from anninh.messaging.state import ConversationData, TipDraft
from anninh.tips.model import STATUSES, TipError, check_transition
from anninh.tips.service import reporter_key, tip_id_for
from anninh.units.model import Unit
from anninh.zalo import events as ev

UNIT = Unit("xa", "Công an xã Bình An", "commune", oa_id="200", code="BA", hotline="0200 3830 113")
NOW = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)
COMMON = {"event_name": "user_send_text", "app_id": "1", "timestamp": "1", "oa_id": "200", "user_id": "u"}


def text(value):
    return ev.TextMessage(**COMMON, msg_id="m", text=value)


def run(*messages, state="menu", data=None):
    turn = tip_intake.start(UNIT, data or ConversationData(), NOW)
    for message in messages:
        event = text(message) if isinstance(message, str) else message
        turn = tip_intake.step(UNIT, turn.state, turn.data, event, NOW)
    return turn


def test_full_intake_collects_every_field_then_submits():
    location = ev.LocationMessage(
        **{**COMMON, "event_name": "user_send_location"},
        msg_id="l",
        text="Chợ Bình An",
        latitude=10.1,
        longitude=106.2,
        shape="coordinates",
    )
    photo = ev.ImageMessage(
        **{**COMMON, "event_name": "user_send_image"}, msg_id="p", url="https://cdn/x.jpg"
    )
    turn = run(
        "3",
        "Xe máy của tôi bị lấy trộm trước cổng chợ lúc chiều nay",
        location,
        "khoảng 16 giờ",
        photo,
        photo,
        "xong",
        "1",
    )
    assert turn.state == "tip:confirm"
    summary = turn.replies[0].text
    assert "Trộm cắp" in summary and "Chợ Bình An" in summary and "Ẩn danh" in summary and ": 2" in summary
    submitted = tip_intake.step(UNIT, turn.state, turn.data, text("gửi"), NOW)
    draft = submitted.effects.submit
    assert draft.category == "trom_cap" and draft.latitude == 10.1 and len(draft.media) == 2
    assert draft.privacy == "anonymous" and draft.contact_phone is None


def test_confidential_asks_for_contact_with_the_zalo_form_or_typed():
    turn = run("1", "Có người bán ma túy ở quán nước đầu ngõ mỗi tối", "không nhớ", "không nhớ", "không", "2")
    assert turn.state == "tip:contact" and isinstance(turn.replies[0], RequestInfoReply)
    retry = tip_intake.step(UNIT, turn.state, turn.data, text("tôi không muốn"), NOW)
    assert retry.replies[0].text == texts.TIP_CONTACT_RETRY
    typed = tip_intake.step(UNIT, turn.state, turn.data, text("Nguyễn Văn An, 0912 345 678"), NOW)
    assert typed.data.draft.contact_name == "Nguyễn Văn An"
    assert typed.data.draft.contact_phone == "0912345678"
    info = ev.SubmittedInfo(shape="2025", name="Trần B", phone="0987654321")
    form = ev.UserSubmitInfo(**{**COMMON, "event_name": "user_submit_info"}, info=info)
    via_form = tip_intake.step(UNIT, turn.state, turn.data, form, NOW)
    assert via_form.state == "tip:confirm" and via_form.data.draft.contact_phone == "0987654321"


def test_bad_answers_are_asked_again_and_cancel_works_at_any_step():
    turn = run("42")
    assert turn.state == "tip:category" and "1 đến 9" in turn.replies[0].text
    turn = run("1", "ngắn")
    assert turn.state == "tip:description" and turn.replies[0].text == texts.TIP_DESCRIPTION_TOO_SHORT
    turn = run("1", "Có người bán ma túy ở quán nước đầu ngõ", "hủy")
    assert turn.state == "menu" and turn.data == ConversationData()
    assert turn.replies[0].text == texts.TIP_CANCELLED


def test_an_unfinished_draft_is_offered_again_within_a_day():
    turn = run("1", "Có người bán ma túy ở quán nước đầu ngõ")
    resumed = tip_intake.start(UNIT, turn.data, NOW + timedelta(hours=2))
    assert resumed.state == "tip:resume"
    cont = tip_intake.step(UNIT, resumed.state, resumed.data, text("tiếp"), NOW)
    assert cont.state == "tip:place"
    fresh = tip_intake.start(UNIT, turn.data, NOW + timedelta(hours=30))
    assert fresh.state == "tip:category" and fresh.data.draft == TipDraft()


@pytest.mark.parametrize(
    ("message", "urgent"),
    [
        ("Cứu với, có người cầm dao", True),
        ("nha ben dang chay", True),
        ("có hỏa hoạn ở chợ", True),
        ("bị bắt cóc", True),
        ("có người đang đánh nhau", True),
        ("co nguoi cam sung", True),
        ("bổ sung BA-7KQ2M xe wave", False),
        ("tra cứu BA-7KQ2M", False),
        ("đi dạo buổi tối", False),
        ("làm căn cước ở đâu", False),
    ],
)
def test_urgency_respects_the_diacritics_typed(message, urgent):
    assert tip_intake.is_urgent(message) is urgent


def test_lifecycle_refuses_invalid_transitions_and_requires_a_public_result():
    check_transition("moi", "da_tiep_nhan", None)
    with pytest.raises(TipError) as refused:
        check_transition("da_xu_ly", "dang_xac_minh", None)
    assert str(refused.value) == texts.TIP_ERROR_TRANSITION.format(
        current=STATUSES["da_xu_ly"], new=STATUSES["dang_xac_minh"]
    )
    with pytest.raises(TipError) as refused:
        check_transition("dang_xac_minh", "da_xu_ly", "  ")
    assert str(refused.value) == texts.TIP_ERROR_RESULT_REQUIRED.format(status=STATUSES["da_xu_ly"])
    with pytest.raises(TipError) as refused:
        check_transition("moi", "xong", None)
    assert str(refused.value) == texts.TIP_ERROR_UNKNOWN_STATUS.format(status="xong")


def test_codes_and_reporter_keys():
    at = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
    assert tip_id_for(at, "evt-1") == tip_id_for(at, "evt-1") != tip_id_for(at, "evt-2")
    assert reporter_key("k", "200", "u") != reporter_key("other", "200", "u")
    assert "u" not in reporter_key("k", "200", "u")
