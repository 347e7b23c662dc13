"""A procedure question through webhook and worker on moto: a short first message, then "Xem chi tiết"."""

from __future__ import annotations

import json

from anninh import texts
from anninh.faq.engine import FaqEngine

UNIT = "xa-binh-an"
USER = "8765432109876543300"


def _messages(stack, user_id):
    return [call.get("message") or {} for call in stack.zalo.outbox(user_id=user_id)]


def test_answer_then_details_with_sources_and_verification_date(stack):
    entry = FaqEngine.load().entry("dang-ky-tam-tru")
    question = "sinh viên thuê trọ đăng ký tạm trú cần giấy tờ gì"
    stack.post(UNIT, stack.text_event(UNIT, USER, question, "faq-1"))
    stack.drain()
    first = _messages(stack, USER)
    assert first[0]["text"].startswith(entry.answer) and len(entry.answer) <= 700
    menu = json.dumps(first[1:], ensure_ascii=False)
    assert texts.FAQ_DETAILS_BUTTON in menu
    assert entry.details[:40] not in json.dumps(first, ensure_ascii=False)  # details only on request

    # ButtonsMode text (the deployed default): the buttons arrive as numbered lines; the citizen types the
    # number of "Xem chi tiết" (a list's tap sends the hidden payload instead; both land on the same step).
    number = next(
        line.split(".")[0].strip()
        for line in menu.replace("\\n", "\n").split("\n")
        if texts.FAQ_DETAILS_BUTTON in line and line.split(".")[0].strip().isdigit()
    )
    stack.post(UNIT, stack.text_event(UNIT, USER, number, "faq-2"))
    stack.drain()
    details = [m["text"] for m in _messages(stack, USER)[len(first) :] if m.get("text")]
    assert len(details) == 1
    assert details[0].startswith(entry.details)
    assert all(source.doc in details[0] for source in entry.sources)
    day = entry.verified_on
    assert details[0].endswith(f"Kiểm tra ngày {day[8:10]}/{day[5:7]}/{day[0:4]}")
