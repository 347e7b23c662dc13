"""Rule families added after the corpus measurements, each on phrasings written here."""

from __future__ import annotations

import pytest
from anninh.conversation.understanding import Kind, understand
from anninh.faq.engine import FaqEngine


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


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("cos thawngf laj ddang rinh nhaf tooi", Kind.EMERGENCY),
        ("nhaf tooi bij troomj maats xe mays ddeem qua", Kind.REPORT),
        ("tin baos cuar em ddax cos ai xem chuaw", Kind.FOLLOWUP),
    ],
)
def test_telex_left_by_a_keyboard_switched_off_is_read(faq: FaqEngine, message: str, kind: Kind) -> None:
    assert understand(message, faq).kind is kind


@pytest.mark.parametrize(
    "message",
    [
        "helloooo ad",
        "😊 oki ạ",
        "chúc các anh buổi tối an lành",
        "có đồng chí nào trực không ạ",
        "tkss ad nhiều",
    ],
)
def test_greetings_held_down_after_an_emoji_or_as_wishes(faq: FaqEngine, message: str) -> None:
    assert understand(message, faq).kind is Kind.GREETING


@pytest.mark.parametrize(
    "message",
    [
        "tb cua toi bao gio co ket qua",
        "tin báo hôm qua em gửi mà chưa thấy ai gọi lại",
        "chuyện tui kể hôm bữa các chú đọc chưa",
        "coi giùm em mấy cái tin báo hôm trước",
    ],
)
def test_follow_ups_that_say_nobody_answered(faq: FaqEngine, message: str) -> None:
    assert understand(message, faq).kind is Kind.FOLLOWUP


@pytest.mark.parametrize(
    ("message", "number"),
    [
        ("ông tôi cứ nói chán sống rồi, đang đứng ngoài ban công tầng 4", "113"),
        ("cháu tôi 4 tuổi ra đầu ngõ mua kem giờ không thấy đâu", "113"),
        ("tiếng súng nổ đoàng đoàng ở đầu làng", "113"),
        ("xe tải lật trên đèo, mấy người bị thương nằm la liệt", "115"),
        ("thằng bé bị rắn hổ cắn ở bờ ruộng", "115"),
        ("sau khi mưa lớn, nhà tôi bị sập một góc, ông bà còn kẹt bên trong", "114"),
        ("hai đứa nhỏ tắm sông, một đứa chưa thấy ngoi lên", "114"),
    ],
)
def test_danger_families_without_the_usual_words(faq: FaqEngine, message: str, number: str) -> None:
    understood = understand(message, faq)
    assert understood.kind is Kind.EMERGENCY, understood.reason
    assert understood.emergency_number == number


@pytest.mark.parametrize(
    "message",
    [
        "bài hát nào về công an hay nhỉ",
        "báo cáo thực tập ngành luật nên chọn đề tài gì",
        "tiếng súng trong game bắn nhau sao bị rè",
        "trộm vía thằng cu nhà em dạo này ăn khỏe",
        "ad có ny chưa",
        "đi tắm biển về bị cháy nắng đỏ cả vai",
        "chuông báo cháy ở nhà cứ kêu hoài, thay pin loại nào",
        "cứu em với, bài toán này khó quá",
        "troi oi hom nay nong qua di",
        "trời ơi hôm nay nóng quá đi mất",
    ],
)
def test_police_words_used_for_something_else_are_refused(faq: FaqEngine, message: str) -> None:
    understood = understand(message, faq)
    assert understood.kind in (Kind.OFF_TOPIC, Kind.PROCEDURE), understood.reason
    assert understood.kind is not Kind.EMERGENCY


@pytest.mark.parametrize(
    "message",
    [
        "sao bãi xe trước chợ lấn hết lòng đường mà không ai dẹp vậy",
        "tôi báo mấy lần rồi mà quán karaoke vẫn hát tới 2 giờ sáng là sao",
        "em có quay được clip tụi nó đua xe, gửi cho các anh được không",
        "tôi muốn báo các anh chuyện nhà bên nuôi chó dữ thả rông, có được không",
        "người ta bán phân bón hết hạn cho nông dân, bao bì không có nhãn mác gì",
    ],
)
def test_complaints_put_as_questions_are_reports(faq: FaqEngine, message: str) -> None:
    understood = understand(message, faq)
    assert understood.kind is Kind.REPORT, understood.reason


@pytest.mark.parametrize(
    "message",
    [
        "em có ảnh chụp cccd, gửi qua zalo để làm thủ tục được không",
        "báo cáo tổng kết cuối năm của xã nộp cho ai",
    ],
)
def test_questions_that_only_look_like_complaints_are_not_reports(faq: FaqEngine, message: str) -> None:
    assert understand(message, faq).kind is not Kind.REPORT


@pytest.mark.parametrize(
    ("message", "number"),
    [
        ("bà tôi té trong toilet nằm đó không đứng dậy nổi", "115"),
        ("ba em uong say lay mai khong tinh duoc", "115"),
        ("chú em bị máy cưa cắt đứt lìa ngón tay", "115"),
        ("thang máy tòa nhà đang kẹt giữa hai tầng, trong có 3 người", "114"),
        ("đứa nhỏ bị sặc nước ở hồ bơi", "114"),
    ],
)
def test_emergency_families_cannot_get_up_cut_off_elevator_near_drowning(
    faq: FaqEngine, message: str, number: str
) -> None:
    understood = understand(message, faq)
    assert understood.kind is Kind.EMERGENCY
    assert understood.emergency_number == number


@pytest.mark.parametrize(
    "message",
    [
        "sơ cứu người bị bỏng nước sôi thế nào",
        "biểu hiện của đột quỵ ra sao",
        "bệnh viện nào chữa co giật ở trẻ tốt",
        "con chó nhà em tự nhiên co giật sùi bọt mép",
    ],
)
def test_first_aid_questions_and_sick_pets_get_no_emergency_number(faq: FaqEngine, message: str) -> None:
    understood = understand(message, faq)
    assert understood.kind is not Kind.EMERGENCY
    assert understood.kind is not Kind.REPORT


@pytest.mark.parametrize(
    "message",
    [
        "tôi có ít thông tin muốn cung cấp cho các anh",
        "em xin phép trình bày một sự việc ở tổ dân phố",
        "toi muon gui don to cao",
        "nhờ các chú công an xuống giải quyết giúp",
        "cho tôi gặp cán bộ trực để trình báo",
    ],
)
def test_wanting_to_report_without_naming_an_offence_starts_the_form(faq: FaqEngine, message: str) -> None:
    assert understand(message, faq).kind is Kind.REPORT


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("thẻ căn cước của tôi bị gãy làm đôi", "cap-lai-the-can-cuoc"),
        ("làm passport cho bé 4 tuổi cần gì", "cap-ho-chieu"),
        ("mẹ tôi mất rồi, đổi chủ hộ sang tôi thế nào", "dieu-chinh-thong-tin-cu-tru"),
        ("bạn người Nhật đến nhà chơi 1 tuần có phải khai báo không", "tam-tru-nguoi-nuoc-ngoai"),
        # "thue" without diacritics is "thuê" (to rent) as often as "thuế" (tax)
        ("sinh vien thue tro co phai dang ky gi voi cong an khong", "dang-ky-tam-tru"),
    ],
)
def test_neighbouring_entries_are_told_apart_by_what_the_question_names(
    faq: FaqEngine, message: str, intent: str
) -> None:
    understood = understand(message, faq)
    assert understood.kind is Kind.PROCEDURE
    assert understood.faq is not None and understood.faq.intent == intent


@pytest.mark.parametrize(
    ("message", "category"),
    [
        ("xưởng nhuộm đầu thôn xả nước thải xuống mương cá chết hết", "khac"),
        ("chủ xưởng may thu cccd của công nhân rồi không chịu trả", "khac"),
        ("hàng thịt ngoài chợ bơm nước vào thịt bò bán cho khách", "lua_dao"),
        ("sáng nay cái điện thoại để trên bàn quán cà phê bị lấy mất", "trom_cap"),
    ],
)
def test_offences_told_without_the_usual_offence_words_are_reports(
    faq: FaqEngine, message: str, category: str
) -> None:
    understood = understand(message, faq)
    assert understood.kind is Kind.REPORT
    assert understood.category == category


def test_a_lost_vehicle_paper_is_still_a_procedure(faq: FaqEngine) -> None:
    understood = understand("giấy đăng ký xe máy bị mất làm lại ở đâu", faq)
    assert understood.kind is Kind.PROCEDURE


@pytest.mark.parametrize(
    ("message", "kind", "number"),
    [
        ("nha2 to6i ddang bi5 cha1y", Kind.EMERGENCY, "114"),
        ("co1 ngu7o72i bi5 ddo65t quy5", Kind.EMERGENCY, "115"),
        ("to6i muo61n to61 gia1c vu5 ddanh1 ba5c", Kind.REPORT, None),
    ],
)
def test_vni_left_by_a_keyboard_switched_off_is_read(
    faq: FaqEngine, message: str, kind: Kind, number: str | None
) -> None:
    understood = understand(message, faq)
    assert understood.kind is kind
    assert understood.emergency_number == number


@pytest.mark.parametrize("message", ["TB-4MK7QZP", "tin báo HN5RW2XKT xử lý chưa ạ", "tb 9QX3RMW"])
def test_seven_character_tip_codes_are_follow_ups(faq: FaqEngine, message: str) -> None:
    assert understand(message, faq).kind is Kind.FOLLOWUP


@pytest.mark.parametrize(
    "message",
    [
        "tiệm vàng đầu chợ vừa bị cướp!! tụi nó chạy xe về phía cầu",
        "tụi nó vừa giật túi xách của chị tôi, đuổi theo liền đi mấy anh",
    ],
)
def test_a_robbery_just_now_gets_113(faq: FaqEngine, message: str) -> None:
    understood = understand(message, faq)
    assert understood.kind is Kind.EMERGENCY
    assert understood.emergency_number == "113"


@pytest.mark.parametrize(
    "message",
    [
        "chiên cá bị cháy đen thì làm sao hết mùi",
        "nằm mơ thấy nhà cháy là điềm gì",
        "thất tình đau tim quá mấy bữa nay",
    ],
)
def test_harm_words_said_of_food_dreams_or_love_get_no_number(faq: FaqEngine, message: str) -> None:
    assert understand(message, faq).kind is not Kind.EMERGENCY


@pytest.mark.parametrize(
    "message",
    [
        "hàng xóm bị mất xe đạp tối qua, giờ báo ở đây được không",
        "em bị lừa nạp tiền game mất 3 triệu, báo công an được không ạ",
    ],
)
def test_asking_whether_one_may_report_it_here_is_a_report(faq: FaqEngine, message: str) -> None:
    assert understand(message, faq).kind is Kind.REPORT


@pytest.mark.parametrize("message", ["e bi giat dt o cho hom qua", "hôm qua em bị giật điện thoại ở chợ"])
def test_a_phone_snatched_is_theft_though_a_seizure_or_a_shock_is_not(faq: FaqEngine, message: str) -> None:
    understood = understand(message, faq)
    assert understood.kind is Kind.REPORT
    assert understood.category == "trom_cap"
