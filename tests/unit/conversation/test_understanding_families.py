"""Rule families added after the corpus measurements, each on phrasings written here."""

from __future__ import annotations

import pytest
from anninh.conversation.understanding import Kind, understand
from anninh.faq.engine import FaqEngine


@pytest.fixture(scope="module")
def faq() -> FaqEngine:
    return FaqEngine.load()


@pytest.mark.parametrize(
    "message",
    [
        "cách trị rụng tóc sau sinh cho mẹ bỉm",
        "làm sao hết hôi miệng buổi sáng",
        "nám da mặt bôi gì cho mờ",
        "mẹo chữa nấc cụt cho em bé",
        "say xe thì uống gì cho đỡ",
    ],
)
def test_body_care_and_home_remedies_are_refused(faq: FaqEngine, message: str) -> None:
    understood = understand(message, faq)
    assert understood.kind is Kind.OFF_TOPIC
    assert understood.reason.startswith("far:")


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        # "nam" (south, year) is not "nám" (skin spots) when typed without diacritics
        ("con trai tôi vào Nam làm ăn vài tháng thì có phải khai báo tạm vắng không", "khai-bao-tam-vang"),
        ("di lam an o mien nam 3 nam thi co phai khai bao tam vang ko", "khai-bao-tam-vang"),
    ],
)
def test_the_south_and_a_year_are_not_skin_spots(faq: FaqEngine, message: str, intent: str) -> None:
    understood = understand(message, faq)
    assert understood.kind is Kind.PROCEDURE
    assert understood.faq is not None and understood.faq.intent == intent


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("bị lừa mua hàng online thì tố giác ở đâu", "lua-dao-qua-mang"),
        ("làm mất ví thì tố giác ở đâu", "trinh-bao-mat-tai-san"),
    ],
)
def test_reporting_a_fraud_or_a_loss_gets_the_narrower_entry(
    faq: FaqEngine, message: str, intent: str
) -> None:
    understood = understand(message, faq)
    assert understood.kind is Kind.PROCEDURE
    assert understood.faq is not None and understood.faq.intent == intent
    assert understood.reason.endswith(f">{intent}")


@pytest.mark.parametrize(
    "message",
    [
        "thẻ căn cước bị cháy xém một góc, đi làm lại ở đâu",
        "cà vẹt xe bị cháy sém mất nửa, cấp lại cần gì",
        "hộ chiếu bị ngấm nước nhòe hết, có phải làm lại không",
    ],
)
def test_a_damaged_paper_asked_about_is_no_emergency(faq: FaqEngine, message: str) -> None:
    understood = understand(message, faq)
    assert understood.kind is not Kind.EMERGENCY, understood.reason


@pytest.mark.parametrize(
    ("message", "number"),
    [
        ("nhà đang cháy, làm sao thoát ra bây giờ", "114"),
        ("cứu với, xe tôi đang bị cháy trên cầu", "114"),
    ],
)
def test_fire_now_asked_as_a_question_still_gets_the_number(
    faq: FaqEngine, message: str, number: str
) -> None:
    understood = understand(message, faq)
    assert understood.kind is Kind.EMERGENCY
    assert understood.emergency_number == number
