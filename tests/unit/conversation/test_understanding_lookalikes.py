"""Everyday look-alikes of dangers and of a lost passport, found while tuning on writer 10 (phrasings written
here), each beside the real thing it must still catch."""

from __future__ import annotations

import pytest
from anninh.conversation.understanding import Kind, understand
from anninh.faq.engine import FaqEngine


@pytest.mark.parametrize(
    "message",
    [
        "bế con lên xe đạp chở đi học",
        "sáng nào cũng bế bé lên xe đi tiêm ở trạm y tế",
        "chạy bộ xong thở dốc",
        "leo cầu thang 5 tầng thở hổn hển",
    ],
)
def test_a_parent_a_school_ride_or_a_run_is_no_emergency(faq: FaqEngine, message: str) -> None:
    assert understand(message, faq).kind is not Kind.EMERGENCY


@pytest.mark.parametrize(
    ("message", "number"),
    [
        ("có thằng lạ bế con tôi lên xe máy chạy mất rồi", "113"),
        ("ông tôi đang thở dốc, môi tím", "115"),
        ("thằng bạn em đang leo lên cầu, nói muốn chết", "113"),
    ],
)
def test_the_real_dangers_beside_them_keep_their_number(faq: FaqEngine, message: str, number: str) -> None:
    understood = understand(message, faq)
    assert (understood.kind, understood.emergency_number) == (Kind.EMERGENCY, number), understood.reason


@pytest.mark.parametrize(
    ("message", "entry"),
    [
        ("làm hộ chiếu ở đâu", "cap-ho-chieu"),
        ("lam ho chieu o dau", "cap-ho-chieu"),
        ("làm passport ở đâu vậy ad", "cap-ho-chieu"),
        ("hộ chiếu của tôi bị mất ở nhà nghỉ thì báo ai", "bao-mat-ho-chieu"),
        ("đánh rơi hộ chiếu ở sân bay thì sao", "bao-mat-ho-chieu"),
        ("lost my passport, where do I report", "bao-mat-ho-chieu"),
    ],
)
def test_a_passport_question_reaches_the_lost_passport_entry_only_when_it_names_a_loss(
    faq: FaqEngine, message: str, entry: str
) -> None:
    assert faq.match(message).intent == entry


def test_a_theft_with_no_passport_is_not_the_lost_passport_entry(faq: FaqEngine) -> None:
    assert (
        faq.match("bị mất trộm đồ mà không biết ai lấy thì trình báo ở đâu").intent == "trinh-bao-mat-tai-san"
    )


def test_imported_goods_are_no_household_registration(faq: FaqEngine) -> None:
    # "nhập khẩu" is both importing goods (customs) and entering a household register (a police procedure).
    assert understand("hàng nhập khẩu từ Lào về bán ở chợ cần giấy tờ gì", faq).kind is Kind.OFF_TOPIC
    registered = understand("nhập khẩu cho cháu vào hộ ông bà thế nào", faq)
    assert registered.kind is Kind.PROCEDURE and registered.faq is not None
    assert registered.faq.intent == "dang-ky-thuong-tru"
