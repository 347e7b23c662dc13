"""Everyday names for the FAQ entries' own subjects (pass 2 over the tuning writers' procedure misses), each
on phrasings written here, beside a look-alike the police do not handle."""

from __future__ import annotations

import pytest
from anninh.conversation.understanding import Kind, understand
from anninh.faq.engine import FaqEngine


@pytest.mark.parametrize(
    ("message", "entry"),
    [
        ("mất cả giấy tờ xe và căn cước thì báo mất ở đâu trước", "trinh-bao-mat-tai-san"),
        (
            "cho người quen mượn tài khoản ngân hàng, giờ họ dùng lừa đảo thì tôi có bị liên đới không",
            "lua-dao-qua-mang",
        ),
        ("cô giáo thấy học sinh bị xâm hại thì phải báo cho cơ quan nào", "to-giac-toi-pham"),
        ("công ty mua thêm xe tải, đăng ký xe cho doanh nghiệp làm ở đâu", "dang-ky-xe"),
        ("có bạn ở quê lên tá túc nhà tôi mấy hôm có phải khai báo không", "thong-bao-luu-tru"),
        ("muốn chuyển khẩu về nhà chồng thì làm thế nào", "dang-ky-thuong-tru"),
        ("xin llttp số 2 ở đâu", "ly-lich-tu-phap"),
    ],
)
def test_an_everyday_name_reaches_its_entry(faq: FaqEngine, message: str, entry: str) -> None:
    understood = understand(message, faq)
    assert understood.kind is Kind.PROCEDURE, understood.reason
    assert understood.faq is not None and understood.faq.intent == entry


@pytest.mark.parametrize(
    "message",
    [
        "công ty chưa trả lương 3 tháng, chủ là người nước ngoài, báo ai",
        "bé 2 tuổi chưa biết nói có sao không",
        "cho con đi học bơi mấy tuổi là vừa",
    ],
)
def test_wages_and_a_small_childs_growth_are_refused(faq: FaqEngine, message: str) -> None:
    assert understand(message, faq).kind is Kind.OFF_TOPIC
