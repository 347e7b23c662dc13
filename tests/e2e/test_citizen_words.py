"""Citizens' own words on the local stack: a report starts the form, an emergency gets its number first.

No command word is typed: each citizen writes as people do, then answers only what the bot asks. A filed
tip is checked in the tips table (read through moto), an emergency by the first reply's first line, and a
question about reporting by the FAQ answer and the buttons under it. The unit, its OA and its 24/7 trực ban
are this file's own (``local_stack.staffed_unit``, made once for the module).
"""

from __future__ import annotations

from typing import Any

import pytest
from anninh import texts
from localrun.citizen import new_user_id, reply_text

from tests.e2e.replies import step
from tests.e2e.test_tips import Chat, TipTables, code_in

pytestmark = pytest.mark.e2e

STEP_TIMEOUT = 20
MARKERS = ("Bước", "Có phải về", texts.TIP_CONFIRM_RETRY, "Mã tin báo", texts.TIP_DESCRIPTION_TOO_SHORT)

REPORTS = [
    ("cháu muốn tố giác kẻ trộm xe đạp", "trom_cap"),
    ("muon bao tin vu danh bac", "co_bac"),
    ("mình muốn báo công an chuyện hàng xóm chứa chấp ma túy", "ma_tuy"),
    ("Tối nào cũng có nhóm thanh niên tụ tập hút chích ở bãi đất trống cuối ngõ 32, vứt kim tiêm", "ma_tuy"),
    ("e bi giat dt o nga tu hom qua, 2 thang di wave mau do", "trom_cap"),
    ("Em bị lừa chuyển 15 triệu cho người tự xưng nhân viên ngân hàng, giờ muốn tố cáo", "lua_dao"),
    ("tối nào mấy thằng trong xóm cũng đua xe lạng lách ngoài đê, nẹt pô inh ỏi", "an_toan_giao_thong"),
    ("phản ánh quán karaoke đầu hẻm có gái tay vịn, hoạt động tới 2 giờ sáng", "te_nan_xa_hoi"),
    ("tôi muốn báo tin", None),
    ("co nguoi cho vay nang lai, doi no bang cach nem chat ban vao nha dan o to 7", "an_ninh_trat_tu"),
]


def answer_for(replies: str) -> str | None:
    """What a citizen types to the bot's last question, or None once the tip is filed."""
    if "Mã tin báo" in replies:
        return None
    steps = [
        ("Có phải về", "đúng"),
        ("Chọn loại vụ việc", "khác"),
        (texts.TIP_DESCRIPTION_TOO_SHORT, "hai người đi xe máy, mặc áo đen, khoảng 25 tuổi"),
        (step(2), "xong"),
        (step(3), "không nhớ"),
        (step(4), "không nhớ"),
        (step(5), "không"),
        (step(6), "Ẩn danh"),
        (texts.TIP_CONFIRM_RETRY, "gửi"),
    ]
    last = replies.strip().split("\n\n")[-1]
    for marker, answer in steps:
        if marker in last:
            return answer
    for marker, answer in steps:  # the marker may sit in an earlier reply of the same turn
        if marker in replies:
            return answer
    raise AssertionError(f"an unexpected question: {replies!r}")


def talk(citizen: Chat, message: str) -> str:
    """Send a message; the replies of that turn (once one of them asks something or files the tip)."""
    before = len(citizen.stack.outbox(citizen.user_id))
    citizen.post(citizen_event(citizen, message))

    def answered(calls: list[dict[str, Any]]) -> bool:
        new = "\n".join(reply_text(call) for call in calls[before:])
        return any(marker in new for marker in MARKERS)

    calls = citizen.stack.wait_for_reply(citizen.user_id, answered, timeout=STEP_TIMEOUT)
    return "\n\n".join(reply_text(call) for call in calls[before:])


def citizen_event(citizen: Chat, message: str) -> dict[str, Any]:
    from localrun.citizen import text_event

    return text_event(citizen.unit, citizen.user_id, message)


@pytest.fixture(scope="module")
def unit_id(local_stack) -> str:
    return local_stack.staffed_unit("citizen-words").unit_id


@pytest.fixture(scope="module")
def tables(local_stack) -> TipTables:
    return TipTables(local_stack)


@pytest.mark.parametrize(("message", "category"), REPORTS, ids=[f"report-{n}" for n in range(len(REPORTS))])
def test_a_report_in_own_words_ends_in_a_filed_tip(local_stack, unit_id, tables, message, category) -> None:
    citizen = Chat(local_stack, unit_id, new_user_id())
    replies = talk(citizen, message)
    assert step(1) in replies  # the form started on the first message, no command word typed
    privacy_answered = False
    for _ in range(12):
        answer = answer_for(replies)
        if answer is None:
            break
        privacy_answered = privacy_answered or answer == "Ẩn danh"
        replies = talk(citizen, answer)
        assert texts.TIP_PRIVACY_RETRY_NAMES not in replies  # "Ẩn danh" typed is understood
    tip = tables.by_code(code_in(replies))
    assert privacy_answered and tip["privacy"] == "anonymous"
    if category is not None:
        assert tip["category"] == category
        assert message.strip() in tip["description"]  # the words were kept, not retyped


@pytest.mark.parametrize(
    ("message", "number"),
    [
        ("có người bị điện giật bất tỉnh", "115"),
        ("bà tôi ngã đập đầu chảy máu nhiều", "115"),
        ("đang có người mắc kẹt trong đám cháy", "114"),
        ("có đứa trẻ rơi xuống ao", "114"),
        ("có thằng cầm dao đang đuổi chém người ở chợ", "113"),
    ],
)
def test_an_emergency_gets_its_number_first(local_stack, unit_id, message, number) -> None:
    citizen = Chat(local_stack, unit_id, new_user_id())
    first = citizen.say(message, expect=texts.EMERGENCY_CALL_FIRST[number])
    assert first.startswith(texts.EMERGENCY_CALL_FIRST[number])
    others = [n for n in ("113", "114", "115") if n != number]
    assert all(n in first for n in others)
    if number == "115":  # a medical emergency alone is not turned into a tip
        assert "Bước" not in first
    else:  # a crime or fire: kept as an urgent tip, the form goes on
        assert texts.EMERGENCY_MARKED_URGENT in first


def test_a_question_about_reporting_gets_the_answer_with_the_report_button_first(
    local_stack, unit_id
) -> None:
    citizen = Chat(local_stack, unit_id, new_user_id())
    before = len(local_stack.outbox(citizen.user_id))
    citizen.post(citizen_event(citizen, "tố giác xong bao lâu thì có kết quả"))

    def with_buttons(calls: list[dict[str, Any]]) -> bool:
        return any(texts.FAQ_REPORT_NOW in reply_text(call) for call in calls[before:])

    calls = local_stack.wait_for_reply(citizen.user_id, with_buttons, timeout=STEP_TIMEOUT)
    new = calls[before:]
    assert "tố giác" in reply_text(new[0]).lower()  # the FAQ answer about reporting, not a refusal
    assert texts.FAQ_REFUSAL not in reply_text(new[0])
    assert step(1) not in "\n".join(reply_text(call) for call in new)  # no form started
    menu = next(call for call in new if texts.FAQ_REPORT_NOW in reply_text(call))
    assert first_choice(menu) == texts.FAQ_REPORT_NOW
    started = citizen.say("MENU:REPORT", expect=step(1))  # the button's payload opens the form
    assert "1. " in started


def first_choice(call: dict[str, Any]) -> str:
    """The first option of a list, buttons message or numbered text menu."""
    message = call.get("message") or {}
    payload = (message.get("attachment") or {}).get("payload") or {}
    if payload.get("elements"):
        return str(payload["elements"][0].get("title"))
    if payload.get("buttons"):
        return str(payload["buttons"][0].get("title"))
    numbered = [line for line in str(message.get("text", "")).splitlines() if line.startswith("1. ")]
    return numbered[0].removeprefix("1. ").split(" (")[0] if numbered else ""
