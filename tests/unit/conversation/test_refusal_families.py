"""Off-topic refusal by kind: each family of another office's business is refused as near-domain, and a
police question that looks like it is still answered (examples written here, not taken from the corpus)."""

from __future__ import annotations

import pytest
from anninh.conversation.understanding import Kind, understand
from anninh.faq.engine import FaqEngine

# (refused near-domain question, look-alike police question, its FAQ entry)
PAIRS = [
    # courts and the commune's justice office
    (
        "thủ tục khởi kiện tranh chấp hợp đồng ở tòa án",
        "bị lừa chuyển khoản mất tiền thì tố giác ở đâu",
        "lua-dao-qua-mang",
    ),
    # military service is the commune's military command
    (
        "đăng ký nghĩa vụ quân sự lần đầu ở đâu",
        "đăng ký tạm trú cho con trai mới chuyển đến",
        "dang-ky-tam-tru",
    ),
    # building permits and utilities
    (
        "xin phép sửa nhà cấp 4 ở đâu",
        "sửa lại thông tin số nhà trên dữ liệu cư trú",
        "dieu-chinh-thong-tin-cu-tru",
    ),
    (
        "nước máy có mùi lạ thì báo ai",
        "cho người nước ngoài thuê nhà thì khai báo tạm trú thế nào",
        "tam-tru-nguoi-nuoc-ngoai",
    ),
    # food safety is the health office's certificate, security and order the police's
    (
        "giấy chứng nhận an toàn thực phẩm cho quán cơm",
        "giấy chứng nhận đủ điều kiện an ninh trật tự cho quán karaoke",
        "chung-nhan-antt",
    ),
    # labour
    ("công ty nợ lương ba tháng thì kiện ở đâu", "xin lý lịch tư pháp để đi làm ở đâu", "ly-lich-tu-phap"),
    # banking beside an identity card
    ("đổi thẻ ngân hàng bị hỏng chip ở đâu", "đổi thẻ căn cước bị hỏng chip ở đâu", "cap-doi-the-can-cuoc"),
    # another office's procedure that names a police document or person: the police word is its object
    (
        "đăng ký kết hôn cần mang căn cước không",
        "đăng ký tạm trú cho vợ mới cưới cần giấy gì",
        "dang-ky-tam-tru",
    ),
    ("chứng thực bản sao hộ chiếu ở đâu", "làm hộ chiếu lần đầu cần gì", "cap-ho-chieu"),
    (
        "dang ky ket hon voi nguoi nuoc ngoai can gi",
        "nguoi nuoc ngoai o homestay khai bao tam tru the nao",
        "tam-tru-nguoi-nuoc-ngoai",
    ),
    (
        "ket hon vs ng nuoc ngoai can gi",
        "vợ người nước ngoài mới kết hôn về ở nhà tôi thì khai báo tạm trú thế nào",
        "tam-tru-nguoi-nuoc-ngoai",
    ),
    ("hộ chiếu vắc xin cho con làm ở đâu", "làm hộ chiếu cho con 5 tuổi cần gì", "cap-ho-chieu"),
    ("học bằng lái tàu cá ở đâu", "đổi bằng lái xe hết hạn ở đâu", "giay-phep-lai-xe"),
    # another office named as the one asked, a police word only its subject, no police procedure named
    (
        "mở tài khoản ngân hàng cho người nước ngoài cần gì",
        "đại sứ quán yêu cầu lý lịch tư pháp số 2, xin ở đâu",
        "ly-lich-tu-phap",
    ),
    (
        "ngân hàng bắt cập nhật căn cước gắn chip, có phải lên công an không",
        "ủy ban xã hay công an xã đăng ký tạm trú",
        "dang-ky-tam-tru",
    ),
    (
        "hàng xóm xây lấn ranh thì nộp đơn ở ủy ban hay đâu",
        "ủy ban phường hay công an phường làm tạm trú",
        "dang-ky-tam-tru",
    ),
    # a notarised contract is part of a police procedure when that procedure is named
    (
        "cong chung hop dong mua ban nha o dau",
        "sang tên xe máy cũ cần công chứng hợp đồng không",
        "sang-ten-xe",
    ),
]


@pytest.mark.parametrize(("refused", "answered", "intent"), PAIRS)
def test_another_offices_business_is_refused_and_its_police_look_alike_answered(
    faq: FaqEngine, refused: str, answered: str, intent: str
) -> None:
    understood = understand(refused, faq)
    assert understood.kind is Kind.OFF_TOPIC and understood.near_domain, understood.reason
    police = understand(answered, faq)
    assert police.kind is Kind.PROCEDURE and police.faq is not None, police.reason
    assert police.faq.intent == intent


def test_ammunition_found_is_handed_in_not_a_land_question(faq: FaqEngine) -> None:
    # "đất vườn" is a land word; a shell dug up in it is the police's (weapons and explosives handed in).
    understood = understand("đào đất vườn thấy quả lựu đạn cũ, nộp cho công an thế nào", faq)
    assert understood.kind is Kind.PROCEDURE and understood.faq is not None, understood.reason
    assert understood.faq.intent == "giao-nop-vu-khi"
    assert understand("mua đất vườn để xây nhà cần giấy tờ gì", faq).kind is Kind.OFF_TOPIC


# (refused everyday question, look-alike police question, its FAQ entry)
EVERYDAY = [
    ("đề kiểm tra toán lớp 6 tìm ở đâu", "tra cứu phạt nguội xe máy ở đâu", "phat-nguoi"),
    ("chơi trò gì với bé 3 tuổi cho vui", "làm căn cước cho bé 3 tuổi cần gì", "can-cuoc-tre-em"),
    # "mưa" only as typed: folded, "mua" is "to buy"
    ("mai có mưa không, định đi Vũng Tàu", "xe mua khong co giay to thi dang ky xe duoc khong", "dang-ky-xe"),
    ("cây bưởi bị vàng lá thì bón phân gì", "anh em muốn ra riêng thì tách hộ thế nào", "tach-ho"),
]


@pytest.mark.parametrize(("refused", "answered", "intent"), EVERYDAY)
def test_everyday_life_is_refused_and_its_police_look_alike_answered(
    faq: FaqEngine, refused: str, answered: str, intent: str
) -> None:
    understood = understand(refused, faq)
    assert understood.kind is Kind.OFF_TOPIC and not understood.near_domain, understood.reason
    police = understand(answered, faq)
    assert police.kind is Kind.PROCEDURE and police.faq is not None, police.reason
    assert police.faq.intent == intent


def test_a_card_another_office_issues_is_not_the_identity_card(faq: FaqEngine) -> None:
    understood = understand("thẻ sinh viên bị mất làm lại ở đâu", faq)
    assert understood.kind is Kind.OFF_TOPIC and understood.near_domain, understood.reason
    police = understand("mất thẻ căn cước làm lại ở đâu", faq)
    assert police.faq is not None and police.faq.intent == "cap-lai-the-can-cuoc"


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("nộp hồ sơ khắc dấu ở ủy ban hay công an", "dang-ky-con-dau"),
        ("mất giấy tờ xin xác nhận ở ủy ban hay công an", "trinh-bao-mat-tai-san"),
    ],
)
def test_the_committee_named_as_a_place_does_not_refuse_a_police_question(
    faq: FaqEngine, message: str, intent: str
) -> None:
    # "ủy ban" is where many people think papers are done: a place, not a topic of its own.
    understood = understand(message, faq)
    assert understood.kind is Kind.PROCEDURE and understood.faq is not None, understood.reason
    assert understood.faq.intent == intent


# (refused question of one family, near-domain?, a police look-alike that must still be reported)
FAMILIES_BESIDE_REPORTS = [
    # a water gun is a toy; a real gun is a report
    ("mua súng bắn nước cho con ở đâu", False, "hàng xóm cất giấu khẩu súng bắn đạn thật trong nhà"),
    # quitting smoking is health; smuggled cigarettes are a report
    ("cách cai thuốc lá cho bố tôi", False, "quán tạp hóa đầu ngõ bán thuốc lá lậu không tem"),
    # unpaid wages go to the labour inspectorate; a job that takes a fee and vanishes is fraud
    (
        "công ty trả lương chậm ba tháng thì khiếu nại ở đâu",
        True,
        "tuyển việc nhẹ lương cao, thu phí 2 triệu rồi biến mất",
    ),
    (
        "cong ty no luong 2 thang roi kien o dau",
        True,
        "có người hứa lương cao đưa em gái tôi sang Trung Quốc làm việc, giờ mất liên lạc",
    ),
    (
        "muốn kiện công ty vì trừ lương vô lý thì nộp đơn ở đâu",
        True,
        "chủ xưởng đánh công nhân nữ đang mang thai",
    ),
    # dismissal while pregnant is a labour matter
    (
        "đang mang thai thì bị công ty cho thôi việc, làm gì",
        True,
        "chủ xưởng đánh công nhân nữ đang mang thai",
    ),
    # electricity bills are the power company's; stealing power is a theft
    (
        "hóa đơn điện tháng này cao bất thường, khiếu nại ở đâu",
        True,
        "có người câu trộm điện nhà tôi mấy tháng nay",
    ),
    # crop care and produce prices; theft from an orchard and a trader who vanishes with the harvest
    ("cây bưởi bị thối rễ chữa thế nào", False, "đêm qua kẻ gian vào vườn hái trộm hết bưởi nhà tôi"),
    (
        "thương lái thu mua cà phê bao nhiêu một ký hôm nay",
        False,
        "bán 2 tấn bưởi cho thương lái, nó nhận hàng rồi bỏ trốn không trả tiền",
    ),
    # football pitches; a fight at one
    (
        "thuê sân bóng mini tối thứ bảy ở đâu",
        False,
        "tối qua nhóm thanh niên đánh nhau ở sân bóng mini gần nhà",
    ),
    # hair care; a "hair salon" that is a brothel
    ("tóc bị chẻ ngọn thì dưỡng thế nào", False, "tiệm gội đầu thư giãn đèn mờ đầu hẻm có bán dâm"),
]


@pytest.mark.parametrize(("refused", "near", "reported"), FAMILIES_BESIDE_REPORTS)
def test_a_family_off_topic_is_refused_and_its_offence_look_alike_reported(
    faq: FaqEngine, refused: str, near: bool, reported: str
) -> None:
    understood = understand(refused, faq)
    assert understood.kind is Kind.OFF_TOPIC and understood.near_domain is near, understood.reason
    assert understood.reason.startswith("near:" if near else "far:")  # the family refuses, not the matcher
    assert understand(reported, faq).kind is Kind.REPORT


# (refused everyday question, a police question or emergency beside it that is still answered)
FAMILIES_BESIDE_ANSWERS = [
    # children's medicines; the child's identity card
    ("tẩy giun cho bé mấy tháng một lần", "làm căn cước cho bé 2 tuổi cần gì", "can-cuoc-tre-em"),
    # wedding gifts; the gift money snatched (a theft named keeps the question ours)
    (
        "đi đám cưới đồng nghiệp mừng bao nhiêu là vừa",
        "bị giật mất tiền mừng cưới thì báo ai",
        "trinh-bao-mat-tai-san",
    ),
    # pronunciation: a police word only spelled is no procedure
    ("từ passport phát âm thế nào", "làm hộ chiếu lần đầu cần gì", "cap-ho-chieu"),
]


@pytest.mark.parametrize(("refused", "answered", "intent"), FAMILIES_BESIDE_ANSWERS)
def test_a_family_off_topic_is_refused_and_its_procedure_look_alike_answered(
    faq: FaqEngine, refused: str, answered: str, intent: str
) -> None:
    understood = understand(refused, faq)
    assert understood.kind is Kind.OFF_TOPIC and understood.reason.startswith("far:"), understood.reason
    police = understand(answered, faq)
    assert police.kind is Kind.PROCEDURE and police.faq is not None, police.reason
    assert police.faq.intent == intent


def test_a_charger_is_refused_but_one_that_explodes_is_a_fire() -> None:
    understood = understand("củ sạc nhanh loại nào tốt")
    assert understood.kind is Kind.OFF_TOPIC and understood.reason.startswith("far:"), understood.reason
    fire = understand("cục sạc phát nổ làm cháy phòng trọ")
    assert fire.kind is Kind.EMERGENCY and fire.emergency_number == "114", fire.reason
