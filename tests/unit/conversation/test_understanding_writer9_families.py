"""Families added for the ninth writer's misses (a danger happening now told as a story, with no "cứu"; far
off-topic remarks that borrowed a danger word), each on phrasings written here, beside a look-alike it must
not catch (told as over, habitual, asked about, a figure of speech, another sense of the same letters)."""

from __future__ import annotations

import pytest
from anninh.conversation.understanding import Kind, understand
from anninh.faq.engine import FaqEngine


@pytest.mark.parametrize(
    ("message", "number"),
    [
        # a beating heard through the wall, a victim heard
        ("tiếng chồng chị ấy hét lên rồi tiếng đồ đạc loảng xoảng, nãy giờ chưa dứt", "113"),
        ("phong ben co tieng dan ba la het, con nit khoc thet nay gio", "113"),
        ("ông bên cạnh lại đánh vợ, nghe tiếng chị ấy rên", "113"),
        # a door beaten or forced, an order to open it, hiding from someone
        ("có thằng say đang đạp cửa nhà em rầm rầm đòi vào", "113"),
        ("tụi đòi nợ đang đứng ngoài bắt mở cửa, em ở nhà một mình", "113"),
        ("ổng cầm rựa chém vào cửa, ba mẹ con em chốt cửa trốn trong phòng", "113"),
        ("tụi đòi nợ tới nhà cầm gậy đập phá đồ đạc, hai mẹ con tui trốn trong buồng", "113"),
        # followed now, a break-in watched as it happens
        ("em đang bị một ông lạ bám theo từ trạm xe buýt về tới hẻm", "113"),
        ("ngoài đường đang có mấy thằng cạy cốp xe máy", "113"),
        ("dưới bãi xe đang có đứa đập kính xe hơi lấy túi xách", "113"),
        # long blades by other names
        ("thằng kia vác mác rượt người ta chạy vòng quanh chợ", "113"),
        # a minor lured out, now unreachable; a burglar heard inside; a suicide shown online
        ("con gái tôi 15 tuổi bị bạn trên mạng rủ ra gặp, từ chiều giờ mất liên lạc", "113"),
        ("nghe tiếng cạy cửa dưới nhà, em ở trên lầu", "113"),
        ("bạn em đăng story vĩnh biệt mọi người, gọi không nghe máy", "113"),
        ("em gái tôi live cảnh để dao lam trên cổ tay", "113"),
        ("someone is breaking into our house right now, please help", "113"),
        # a bomb threatened, not gone off: the police
        ("có người gọi nói sẽ nổ bom ở trường con tôi", "113"),
        # flood to the roof, fire spreading, a fire told in English
        ("nước lũ lên ngang ngực rồi, bà cụ không đi được", "114"),
        ("lửa từ ổ cắm bén sang rèm cửa", "114"),
        ("kitchen is on fire, we cannot get out", "114"),
        # a plant or a fireworks store blown up
        ("kho pháo hoa trong xóm vừa phát nổ", "114"),
        ("xuong go khu cong nghiep no roi, khoi den boc cao", "114"),
        # caught in a rolling door or a machine, people trapped, overcome down a pit, a house set alight
        ("cửa cuốn kẹp tay con tôi, không kéo lên được", "114"),
        ("5 công nhân bị kẹt bên trong hầm lò", "114"),
        ("anh tôi xuống giếng vét bùn, gọi mãi không trả lời", "114"),
        ("nó châm lửa đốt nhà rồi, lửa cháy to lắm", "114"),
        # a household poison swallowed, a diabetic's sugar fallen, an overdose told in English
        ("bé 3 tuổi nhà em uống nhầm nước tẩy bồn cầu", "115"),
        ("thằng nhỏ nhà tôi tu mấy ngụm dầu hỏa trong chai nước ngọt", "115"),
        ("mẹ tôi tiểu đường, đường huyết tụt, vã mồ hôi lạnh", "115"),
        ("ba toi lo mo, hoi khong tra loi", "115"),
        ("my roommate overdosed, he is shaking all over", "115"),
        # stabbed, the attacker gone: the wounded first; a grave state now after a harm told as past
        ("thằng cướp đâm vào bụng tôi rồi bỏ chạy mất, máu nhiều", "115"),
        ("con tôi bị đánh lúc đi học về, giờ bất tỉnh", "115"),
    ],
)
def test_a_danger_now_told_as_a_story_gets_its_number_first(
    faq: FaqEngine, message: str, number: str
) -> None:
    understood = understand(message, faq)
    assert understood.kind is Kind.EMERGENCY, understood.reason
    assert understood.emergency_number == number, understood.reason


@pytest.mark.parametrize(
    "message",
    [
        # a feeling said to be strong, a figure of speech
        "nóng muốn chết, chiều nay có mưa không",
        "mệt muốn xỉu luôn mà sếp không cho về",
        "buồn muốn chết, mai lại thi rồi",
        "trời ơi bài tập cháy nhà rồi",
        # asked about, in general
        "trẻ sốt cao co giật thì nên làm gì trước khi đưa đi viện",
        "bị bỏng thì bôi kem đánh răng có đỡ không",
        "học hô hấp nhân tạo ở đâu cho bà con trong xóm",
        "ăn nấm rơm xào có ngon không",
        # told as over, habitual, long ago
        "tụi nó chặn đánh thằng em lúc tan học về, nó bị trầy tay, tụi nó học chung lớp",
        "hồi khuya có trộm vào nhà lấy mất cái xe",
        "ông nội cầm giáo đi săn hồi xưa",
        "I passed out drunk last night lol, is that illegal?",
        "năm nào nước lũ cũng lên tới mái nhà ở xóm tôi, xin hỗ trợ",
        "tối qua đốt pháo nổ đùng đùng cả xóm",
        # another sense of the same letters, or nobody in danger
        "thấy xe em bị trộm tuần trước đang bán ở tiệm cầm đồ",
        "thay xe em bi trom tuan truoc dang ban o tiem cam do",
        "thợ đang sửa cửa nhà tôi, gõ cửa mạnh quá",
        "tài khoản zalo của tôi đang bị theo dõi thì phải",
        "bé nhà tôi đang bị theo dõi sốt xuất huyết ở viện",
        "cô giáo cầm giáo án vào lớp",
        "bà chủ shop mang mác hàng hiệu giả bán, đang livestream",
        "bạn tôi rủ đi gặp khách hàng rồi mất liên lạc luôn, tiền cọc cũng mất",
        "nghe tiếng cưa gỗ nhà bên ồn quá",
        "xe này ăn xăng quá, uống xăng như uống nước",
        "cong ty no luong 3 thang roi, cong nhan dinh cong",
        "lúa xanh lan sang ruộng nhà bên",
        "con tôi viết thư xin lỗi bố mẹ vì thi trượt",
        "phim bom tấn có hay không",
        "quán karaoke đầu hẻm hát hò tiếng hét inh ỏi nãy giờ, không ai ngủ được",
        "hàng xóm đang sửa nhà, tiếng đập tường ầm ầm từ sáng",
        "anh ơi em đang bị theo dõi trên mạng, tụi nó nhắn tin đe dọa",
        "ông ấy xách xà beng đi cạy nắp cống",
        "tôi bị bạn rủ đi chơi rồi biến mất luôn, mất cả ví",
        "công ty tôi vừa nổ ra tranh chấp với đối tác",
        "mẹ em bị tiểu đường, đường huyết hay tụt, nên ăn gì",
        # held for ransom across the border: a report, no patrol can go
        "em trai bị dụ sang Campuchia làm việc nhẹ lương cao, bọn nó đòi tiền chuộc",
    ],
)
def test_the_same_words_told_otherwise_get_no_number(faq: FaqEngine, message: str) -> None:
    assert understand(message, faq).kind is not Kind.EMERGENCY


def test_a_kidnapping_at_home_still_gets_the_police(faq: FaqEngine) -> None:
    understood = understand("con tôi bị bắt cóc, bọn nó đòi tiền chuộc 200 triệu", faq)
    assert understood.kind is Kind.EMERGENCY and understood.emergency_number == "113", understood.reason


def test_an_attacker_still_there_keeps_the_police_first(faq: FaqEngine) -> None:
    understood = understand("thằng kia cầm dao đâm vào bụng bạn tôi, nó vẫn đang đứng đó la hét", faq)
    assert understood.kind is Kind.EMERGENCY and understood.emergency_number == "113", understood.reason


@pytest.mark.parametrize(
    "message",
    [
        "ong chu nha tro cho thue phong theo gio cho cap doi sinh vien",
        "có người xưng công an gọi bắt tôi cài app lạ, tôi chưa làm, báo cho mấy anh biết số đó",
        "thằng bồ cũ túm tóc em lôi ra đường đánh, lần trước nữa rồi",
        "cho em hỏi báo ở đâu... thôi em kể luôn: tiệm vàng đầu chợ bán vàng non tuổi, cân thiếu",
    ],
)
def test_a_report_told_loosely_is_a_report(faq: FaqEngine, message: str) -> None:
    understood = understand(message, faq)
    assert understood.kind is Kind.REPORT, understood.reason


def test_a_tip_named_by_its_subject_and_sent_before_is_a_followup(faq: FaqEngine) -> None:
    understood = understand("vụ trộm xe tôi báo hôm qua giờ sao rồi ạ", faq)
    assert understood.kind is Kind.FOLLOWUP, understood.reason


def test_a_good_night_wish_is_a_greeting_but_sleeping_well_is_no_police_matter(faq: FaqEngine) -> None:
    assert understand("chào ad, chúc các anh trực đêm ngủ ngon", faq).kind is Kind.GREETING
    assert understand("cách ngủ ngon không mộng mị", faq).kind is Kind.OFF_TOPIC


def test_a_record_of_a_theft_for_insurance_is_asked_of_the_police(faq: FaqEngine) -> None:
    message = "nhà bị trộm tuần trước, giờ muốn xin biên bản vụ trộm để nộp bảo hiểm thì sao"
    understood = understand(message, faq)
    assert understood.kind is Kind.PROCEDURE, understood.reason
    assert understood.faq is not None and understood.faq.intent == "trinh-bao-mat-tai-san"


@pytest.mark.parametrize(
    "message",
    [
        # a mishap over and mended, then something asked of someone else
        "hôm qua bếp nhà em bị chập điện cháy xém cái ổ cắm, giờ sửa xong rồi, thợ nào làm kỹ",
        # a purchase delivered broken, where to complain
        "mua máy sấy online bị giao hàng lỗi, khiếu nại ở đâu",
        # lessons
        "tập bơi cho con 5 tuổi ở đâu an toàn",
    ],
)
def test_asked_of_another_office_or_trade_is_refused(faq: FaqEngine, message: str) -> None:
    understood = understand(message, faq)
    assert understood.kind is Kind.OFF_TOPIC, understood.reason


def test_a_mishap_told_as_over_with_an_offence_is_still_a_report(faq: FaqEngine) -> None:
    understood = understand("hôm qua bị thằng hàng xóm chém, giờ ổn rồi nhưng muốn tố cáo", faq)
    assert understood.kind is Kind.REPORT, understood.reason
