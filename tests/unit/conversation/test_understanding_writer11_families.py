"""Families added for the eleventh writer's misses (a danger told calmly, without alarm words: a state of the
body described, someone stuck or locked in, a fire or gas seen from outside, a stranger or a thief watched at
work, someone on an edge who says they will jump, an attacker still at it; procedure questions about
registering a spouse or updating a card; greetings as small talk), each on phrasings written here, beside a
look-alike it must not catch."""

from __future__ import annotations

import pytest
from anninh.conversation.understanding import Kind, understand
from anninh.faq.engine import FaqEngine


@pytest.mark.parametrize(
    ("message", "number"),
    [
        # a state listed calmly after "giờ", following a harm told as past
        ("chiều qua ông ngã ngoài vườn, tưởng không sao, giờ gọi không thưa, nửa người yếu hẳn", "115"),
        ("trưa nay cả nhà ăn cá nóc, giờ hai đứa nhỏ nôn, một đứa lả đi", "115"),
        ("mẹ tôi tiểu đường, giờ vã mồ hôi, nói lung tung, không nhận ra con cháu", "115"),
        ("hom qua ong bi te o nha tam, gio goi khong thua, nua nguoi yeu", "115"),
        # lying on the floor, not answering; a limb bent the wrong way; a child choking without a sound
        ("ông nội đang nằm dưới sàn bếp, ông không trả lời.", "115"),
        ("anh ấy bị xe máy tông, tay quặt ngược chiều", "115"),
        ("bé nhà em ăn thạch bị sặc, ho không ra tiếng", "115"),
        # a head in bars that will not come out; a child locked in a car
        ("thằng cu chui đầu qua hàng rào sắt giờ không rút ra được", "114"),
        ("cháu tôi 2 tuổi bị nhốt trong xe hơi ngoài bãi, trời nắng", "114"),
        # a fire running down at houses; a fire in a kitchen, nobody home; gas heard and smelt
        ("lửa trên đồi, cháy thành một dải, đang lan xuống phía xóm", "114"),
        ("nha ben canh co lua trong bep to qua, ho di vang het", "114"),
        ("khí gas ở căn hộ đối diện hình như đang xì, mùi nồng lắm", "114"),
        # a well named first, the one who went down not coming up
        ("giếng nhà bác Hai, anh thợ leo xuống nạo vét nãy giờ không thấy lên", "114"),
        # a stranger carrying a child off, told in pieces; an armed robbery of a counter
        ("người lạ. ẵm con bé lên xe ôm. chạy về hướng chợ", "113"),
        ("hai thằng bịt mặt đang đập quầy tiệm điện thoại, tay cầm dao", "113"),
        # cars tried door by door, a wheel taken off, while someone watches
        ("có thằng đang lần lượt giật cửa các xe trong bãi chung cư", "113"),
        ("mấy thằng đang tháo trộm lốp xe ô tô dưới lòng đường", "113"),
        # on an edge, saying they will jump; an attacker still hitting while the victim bleeds
        ("cô gái ngồi trên ban công tầng 7, nói ai tới gần là sẽ nhảy", "113"),
        ("gã say đang cầm gạch đập đầu người bán hàng, máu chảy nhiều", "113"),
        # told in English
        ("a man is beating a girl outside the bar right now", "113"),
        ("my friend slipped into a gorge, we can hear him calling", "114"),
        # an armed crowd gathering now, what it waits for only guessed
        ("đám thanh niên cầm mã tấu đang tụ tập trước quán net, hình như chờ ai đó", "113"),
        # an old person or a toddler among the traffic or on the rails
        ("một đứa bé chừng 3 tuổi đang bò trên đường ray gần ga, không thấy người lớn", "113"),
        ("bà cụ tóc bạc đứng giữa làn xe trên đường cao tốc, có vẻ không biết đường về", "113"),
        # a knife pointed, typed without diacritics, with its target
        ("thang say dang di dao vao co vo no", "113"),
    ],
)
def test_a_danger_told_calmly_gets_its_number_first(faq: FaqEngine, message: str, number: str) -> None:
    understood = understand(message, faq)
    assert understood.kind is Kind.EMERGENCY, understood.reason
    assert understood.emergency_number == number, understood.reason


@pytest.mark.parametrize(
    "message",
    [
        # the same states told as over, or as a habit
        "tuần trước ông gọi không thưa, đi viện về giờ ổn rồi",
        # lying on the floor by choice, not talking to anyone
        "con tôi nằm trên sàn chơi điện thoại, không nói chuyện với ai",
        # a key left in a car, a child who forgot it; a lock of the house asked about
        "con tôi để quên chìa khóa trong xe, mở cửa kiểu gì",
        # a jump rope on a balcony; a fire in a stove cooking
        "con bé cứ đòi nhảy dây ngoài ban công",
        # a mechanic at work; a stranger who helped with a bag
        "thợ sửa xe đang thay lốp cho tôi ở tiệm",
        # a fight told afterwards with a weapon
        "tuần trước có thằng cầm gậy đánh nhau ở quán, giờ công an giải quyết chưa",
        "anh thợ xuống giếng vét bùn hôm qua, làm xong lên rồi",
        # a crowd that gathers as a habit, a blade only suspected
        "mấy thanh niên hay tụ tập ở đầu hẻm, hình như có mang dao",
        # people who cross the rails as a habit
        "người dân hay đi bộ trên đường ray để tắt ra chợ",
        # "di dao" without diacritics is a stroll
        "may dua nho lai xe di dao quanh ho moi toi, clip dang len mang",
    ],
)
def test_the_same_words_told_otherwise_get_no_number(faq: FaqEngine, message: str) -> None:
    understood = understand(message, faq)
    assert understood.kind is not Kind.EMERGENCY, understood.reason


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("cưới vợ quê ở tỉnh khác, muốn nhập khẩu vợ vào hộ nhà mình thì làm sao", "dang-ky-thuong-tru"),
        ("kết hôn xong đổi họ thì cập nhật thẻ căn cước thế nào", "cap-doi-the-can-cuoc"),
        ("I'm renting a room as a foreigner, must my landlord register me", "tam-tru-nguoi-nuoc-ngoai"),
    ],
)
def test_a_procedure_asked_gets_its_entry(faq: FaqEngine, message: str, intent: str) -> None:
    understood = understand(message, faq)
    assert understood.kind is Kind.PROCEDURE, understood.reason
    assert understood.faq is not None and understood.faq.intent == intent, understood.reason


def test_a_product_that_did_harm_is_a_report_and_a_burn_now_is_not(faq: FaqEngine) -> None:
    understood = understand("shop online bán kem trộn, chị tôi mua về bôi mấy hôm thì bị bỏng rát mặt", faq)
    assert understood.kind is Kind.REPORT, understood.reason
    understood = understand("bé nhà tôi vừa làm đổ nồi nước sôi, bỏng nặng cả người", faq)
    assert understood.kind is Kind.EMERGENCY, understood.reason


def test_children_put_to_work_are_a_report_and_a_childs_card_a_procedure(faq: FaqEngine) -> None:
    understood = understand("lò gạch đầu làng bắt con nít 11 tuổi bốc vác tới tối", faq)
    assert understood.kind is Kind.REPORT, understood.reason
    understood = understand("làm căn cước cho trẻ em 10 tuổi cần giấy tờ gì", faq)
    assert understood.kind is Kind.PROCEDURE, understood.reason


def test_a_dealers_kit_found_is_a_report_and_flour_bought_is_not(faq: FaqEngine) -> None:
    found = "dọn phòng trọ cũ thấy mấy tép bột trắng và cái cân tiểu ly người thuê trước để lại"
    understood = understand(found, faq)
    assert understood.kind is Kind.REPORT, understood.reason
    assert understood.category == "ma_tuy", understood.reason
    understood = understand("bột mì trắng mua ở đâu rẻ", faq)
    assert understood.kind is not Kind.REPORT, understood.reason


def test_a_bank_asking_for_the_card_is_another_office(faq: FaqEngine) -> None:
    understood = understand("ngân hàng khóa thẻ vì chưa cập nhật căn cước, ra phòng giao dịch nào", faq)
    assert understood.kind is Kind.OFF_TOPIC, understood.reason


def test_goods_imported_are_no_household_registration(faq: FaqEngine) -> None:
    understood = understand("máy móc nhập khẩu vào nhà máy khai hải quan thế nào", faq)
    assert understood.kind is Kind.OFF_TOPIC, understood.reason


@pytest.mark.parametrize(
    "message",
    ["hí lô ad", "Good afternoon", "anh trực đêm có mệt không ạ", "chúc các chú công an xã năm mới an khang"],
)
def test_small_talk_and_wishes_are_greetings(faq: FaqEngine, message: str) -> None:
    understood = understand(message, faq)
    assert understood.kind is Kind.GREETING, understood.reason


def test_a_lottery_number_sold_is_still_gambling(faq: FaqEngine) -> None:
    understood = understand("đầu ngõ có bà bán lô đề công khai cả ngày", faq)
    assert understood.kind is Kind.REPORT, understood.reason
