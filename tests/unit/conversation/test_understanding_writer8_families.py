"""Families added for the eighth writer's misses (Zalo-chat habits, English, pasted posts), each on phrasings
written here, beside a look-alike it must not catch (told as over, habitual, asked about, another sense)."""

from __future__ import annotations

import pytest
from anninh.conversation.understanding import Kind, understand
from anninh.faq.engine import FaqEngine


@pytest.mark.parametrize(
    ("message", "number"),
    [
        ("thang máy chung cư dừng giữa tầng 7 và 8, có 3 người bên trong, bấm chuông không ai nghe", "114"),
        ("thang may toa A dung giua tang 5 va 6, co 2 be ben trong", "114"),
        ("chiếc ghe chở 10 người đi ăn cưới bị lật giữa sông, thấy mấy người chới với", "114"),
        ("mùi nồng lắm, khí xì ra từ bình gas nhà bên, nhà không ai ở", "114"),
        ("ô tô chết máy dưới hầm chui, nước ngập tới cửa kính, người trong xe đang đập cửa", "114"),
        ("sat lo dat o thon 2, mot cai nha bi vui, con 3 nguoi ben duoi", "114"),
        ("ngay lúc này ở quán nhậu có thằng dùng chai đâm vào mặt người ta", "113"),
        ('phòng bên có tiếng con gái la hét "đừng đánh nữa", giờ im bặt', "113"),
        ("ông hàng xóm cầm dây thừng trèo lên cây, nói sống làm gì nữa", "113"),
        ("a man has a knife and won't let my sister leave the room", "113"),
        ("my father fell down from the stairs, he doesn't wake up", "115"),
        ("ông tôi lơ mơ, gọi không trả lời", "115"),
    ],
)
def test_a_danger_now_gets_its_number_first(faq: FaqEngine, message: str, number: str) -> None:
    understood = understand(message, faq)
    assert understood.kind is Kind.EMERGENCY, understood.reason
    assert understood.emergency_number == number, understood.reason


@pytest.mark.parametrize(
    "message",
    [
        # over, habitual, or nearly: no number
        "thang máy chung cư tuần trước dừng giữa tầng 7 và 8, ban quản lý chưa sửa",
        "đò ngang chở quá tải, không có áo phao, chiều nay nghiêng suýt lật",
        "tối qua ở quán nhậu có thằng dùng chai đâm vào mặt người ta, giờ đã đi viện",
        "tối nào phòng bên cũng có tiếng la hét đừng đánh nữa",
        "chiều nay nó cầm gạch đập vào đầu con tôi, đang khâu ở bệnh viện huyện rồi",
        "đi học về thì cửa phòng bị cạy, mất laptop với tai nghe",
        # another sense of the same letters
        "ba ngoai em la nguoi Khmer, nha bi trom mat chi vang",
        "xe cho heo benh ve lo mo o xom luc 3h sang",
        "chieu nay choi voi may dua ban o bo song vui lam",
        "ông hàng xóm cầm dây thừng trèo lên cây hái xoài",
        # asked about
        "lo bi chay nha thi goi so nao",
    ],
)
def test_the_same_words_told_as_over_habitual_or_in_another_sense_get_no_number(
    faq: FaqEngine, message: str
) -> None:
    assert understand(message, faq).kind is not Kind.EMERGENCY


def test_people_trapped_in_a_flooded_car_are_no_attack_but_a_drunk_at_the_door_is(faq: FaqEngine) -> None:
    drunk = understand("thằng say rượu đang đập cửa xe của tôi ngoài đường, tôi ở trong xe", faq)
    assert drunk.kind is Kind.EMERGENCY and drunk.emergency_number == "113"


@pytest.mark.parametrize(
    "message",
    [
        'dán lại cho ad xem: "tuyển CTV nạp game bắn cá đổi thưởng, hoa hồng 30%" - cái này là cờ bạc hả?',
        "there is gambling with real money behind the cafe every night, is it legal?",
        "có người mượn tên công an phường gọi bắt mẹ em chuyển tiền vào tài khoản cá nhân",
        "cán bộ xã đòi 10 triệu mới ký giấy cho nhà tôi, có ghi âm",
        "tôi cần nói với công an một chuyện ở xóm, có ai nghe được không",
        "bị lừa đầu tư sàn ảo, tôi chuyển 50 triệu rồi, giờ làm sao",
        "có người lạ thuê phòng, tối nào cũng dẫn mấy đứa nhỏ vào, tôi thấy không ổn",
        "có một thùng sắt lạ trôi dạt vào bãi biển, trẻ con đang chơi gần đó",
    ],
)
def test_reports_told_in_chat_habits_start_the_form(faq: FaqEngine, message: str) -> None:
    understood = understand(message, faq)
    assert understood.kind is Kind.REPORT, understood.reason


@pytest.mark.parametrize(
    "message",
    [
        "game đổi thưởng có phải cờ bạc không?",
        "is it legal to carry a knife in Vietnam?",
        "cán bộ xã đòi giấy tờ gì để ký xác nhận?",
        "bị lừa chuyển tiền thì làm sao lấy lại",
        "báo tin qua zalo thì có ai đọc không hay phải lên công an phường",
        "nếu tôi tố giác nhà bên bán ma túy thì họ có biết là tôi báo không",
        "mình có video đánh nhau, gửi qua đây được không hay phải đem usb lên",
        "hộ chiếu hết hạn, làm online nhận qua bưu điện được chứ",
    ],
)
def test_questions_about_reporting_or_a_procedure_start_no_form(faq: FaqEngine, message: str) -> None:
    understood = understand(message, faq)
    assert understood.kind is not Kind.REPORT, understood.reason


@pytest.mark.parametrize(
    "message",
    [
        "tôi muốn báo tin vụ trộm xe ở xóm, có ai đọc không",
        "tôi muốn tố giác nhà bên bán ma túy",
        "mình có video đánh nhau, gửi qua đây được không",
        "bên đó gọi bảo nhận quà phải nộp phí trước, tôi nộp 2 triệu rồi",
    ],
)
def test_the_same_reports_without_the_how_question_still_start_the_form(faq: FaqEngine, message: str) -> None:
    understood = understand(message, faq)
    assert understood.kind is Kind.REPORT, understood.reason


def test_will_they_know_it_was_me_gets_the_reporting_entry_not_the_lost_property_one(faq: FaqEngine) -> None:
    understood = understand(
        "cho hỏi, nếu em báo vụ đánh bài ở xưởng thì công ty có biết em báo không, em sợ mất việc", faq
    )
    assert understood.kind is Kind.PROCEDURE
    assert understood.faq is not None and understood.faq.intent == "to-giac-toi-pham"


@pytest.mark.parametrize(
    "message",
    [
        "lam don kien doi no o toa can an phi bao nhieu",
        "lua bi ray nau xit thuoc gi hieu qua",
        "mấy giờ triều lên ở cửa biển sáng mai",
        "tối nay có bão vô Quảng Nam không, ghe tui tính ra khơi",
    ],
)
def test_what_it_costs_what_to_spray_what_time_are_questions_not_reports(
    faq: FaqEngine, message: str
) -> None:
    understood = understand(message, faq)
    assert understood.kind is not Kind.REPORT, understood.reason


@pytest.mark.parametrize(
    "message",
    [
        "bọn tín dụng đen đòi nợ, tạt sơn vào nhà tôi",
        "bi lua chuyen tien mat 20 trieu qua app dau tu",
        "không biết có nên nói không, tôi thấy trưởng thôn thu tiền từng hộ mới cho nhận hỗ trợ",
    ],
)
def test_the_same_offence_words_told_stay_reports(faq: FaqEngine, message: str) -> None:
    assert understand(message, faq).kind is Kind.REPORT


@pytest.mark.parametrize(
    "message",
    [
        "Chúc mừng năm mới các chú công an 🎉",
        "Tết vui vẻ nha ad",
        "[Sticker] 👍",
        "chào ad, mình mới đăng ký theo dõi trang",
    ],
)
def test_wishes_stickers_and_new_followers_are_greetings(faq: FaqEngine, message: str) -> None:
    assert understand(message, faq).kind is Kind.GREETING


def test_registering_a_residence_is_still_a_procedure(faq: FaqEngine) -> None:
    assert understand("chào ad, đăng ký tạm trú cho con cần giấy tờ gì", faq).kind is Kind.PROCEDURE


@pytest.mark.parametrize(
    "message",
    [
        "vụ lừa hụi em báo rồi đó, có thêm 3 người nữa, gửi vào tin cũ được không",
        "lúc nãy nhắn vụ trộm xe mà quên ghi biển số, thêm vô giúp em",
    ],
)
def test_adding_to_a_tip_already_sent_is_a_follow_up(faq: FaqEngine, message: str) -> None:
    assert understand(message, faq).kind is Kind.FOLLOWUP


def test_a_theft_seen_a_moment_ago_is_no_follow_up(faq: FaqEngine) -> None:
    assert (
        understand("lúc nãy thấy hai thằng trộm xe máy ở chợ rồi chạy về hướng cầu", faq).kind
        is not Kind.FOLLOWUP
    )


@pytest.mark.parametrize(
    "message",
    [
        "ăn sáng chưa ad ơi",
        "dạo này các anh trực có khỏe không",
        "con chào các chú trực ban, con là học sinh lớp 11 ở Phú Yên ạ",
        "e vừa quét mã ở bảng tin khu phố nên nhắn thử",
    ],
)
def test_small_talk_and_a_longer_introduction_are_greetings(faq: FaqEngine, message: str) -> None:
    assert understand(message, faq).kind is Kind.GREETING


def test_an_introduction_that_goes_on_to_a_theft_is_a_report(faq: FaqEngine) -> None:
    understood = understand("con chào các chú, nhà con tối qua bị trộm mất xe máy", faq)
    assert understood.kind is Kind.REPORT


def test_a_code_shaped_rice_variety_or_betting_site_is_no_tip_code(faq: FaqEngine) -> None:
    assert understand("giống lúa OM5451 năm nay thương lái mua bao nhiêu một ký", faq).kind is Kind.OFF_TOPIC
    site = "chồng em nợ 300 triệu vì cá độ trên web bong88, có người trong xóm nhận ghi kèo"
    assert understand(site, faq).kind is Kind.REPORT
    assert understand("mã tin báo AB12345 của tôi giờ sao rồi", faq).kind is Kind.FOLLOWUP


def test_lua_without_diacritics_is_no_fraud_on_its_own(faq: FaqEngine) -> None:
    # "lua" is as often "lúa" (rice): a price question is no report; "bị lừa" told plainly still is one.
    assert understand("gia lua tuan nay bao nhieu mot ky", faq).kind is Kind.OFF_TOPIC
    assert understand("toi bi lua mat 20 trieu qua zalo, no chan luon roi", faq).kind is Kind.REPORT
    assert understand("thằng đó lừa tôi mấy chục triệu rồi bỏ trốn", faq).kind is Kind.REPORT


def test_a_grave_state_now_after_a_harm_told_as_past_gets_115(faq: FaqEngine) -> None:
    now = understand("tối qua ông tôi bị rắn cắn ở vườn, giờ người lơ mơ không tỉnh", faq)
    assert (now.kind, now.emergency_number) == (Kind.EMERGENCY, "115"), now.reason
    over = understand("tối qua ông tôi bị rắn cắn ở vườn, đi viện về giờ đã ổn", faq)
    assert over.kind is not Kind.EMERGENCY, over.reason
