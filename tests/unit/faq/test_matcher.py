import pytest
from anninh.faq.engine import FaqEngine
from anninh.faq.matcher import _correct, is_syllable, score
from anninh.faq.normalize import tokenize

SAME_QUESTION_WAYS = {
    "cap-lai-the-can-cuoc": [
        "Mất thẻ căn cước thì làm lại ở đâu?",
        "mat the can cuoc thi lam lai o dau",
        "MẤT CĂN CƯỚC LÀM LẠI Ở ĐÂU",
        "mat cccd lam lai o dau vay mn",
        "mat cancuoc lam lai o dau",  # run-together syllables
    ],
    "dang-ky-tam-tru": [
        "Đăng ký tạm trú cho sinh viên thuê trọ",
        "dang ky tam tru cho sinh vien thue tro",
        "đk tạm trú cho sv thuê trọ dc ko",
        "dang ky tam truu cho sinh vien thue tro",  # typo
    ],
    "giay-phep-lai-xe": ["Đổi bằng lái xe hết hạn", "doi gplx het han o dau", "doi bang lai xe het hann"],
    "sang-ten-xe": ["mua xe cũ sang tên thế nào", "mua xe cu sang ten ntn", "mua xe cu sang tenn the nao"],
}


@pytest.mark.parametrize(
    ("intent", "question"), [(intent, q) for intent, qs in SAME_QUESTION_WAYS.items() for q in qs]
)
def test_same_intent_with_or_without_diacritics_abbreviations_and_typos(engine, intent, question):
    result = engine.match(question)
    assert result.intent == intent, (question, result)
    assert not result.abstained
    assert result.entry is not None and result.entry.id == intent


@pytest.mark.parametrize(
    "question",
    [
        "xin chào",
        "cảm ơn bạn",
        "đăng ký kết hôn ở xã cần gì",
        "làm sổ đỏ bao lâu",
        "quyết toán thuế thu nhập cá nhân",
        "mua bảo hiểm y tế hộ gia đình",
        "hàng xóm đang đánh nhau to lắm",
        "giá vàng hôm nay",
        "",
        "???",
    ],
)
def test_out_of_scope_questions_are_refused(engine, question):
    result = engine.match(question)
    assert result.abstained
    assert result.intent is None and result.entry is None
    assert 0.0 <= result.score < engine.threshold or result.score == 0.0


def test_typed_diacritics_are_rewarded(engine):
    # "báo mất" (report a loss) and "bảo mật" (confidentiality) fold to the same letters
    assert engine.match("báo mất hộ chiếu ở đâu").intent == "bao-mat-ho-chieu"
    accented = engine.match("Mất thẻ căn cước làm lại ở đâu")
    assert accented.intent == "cap-lai-the-can-cuoc"
    assert accented.score >= 0.9


def test_matching_is_deterministic(engine):
    first = [engine.match(q) for q in ("mat cccd", "tam tru", "xin chao")]
    again = [FaqEngine.load().match(q) for q in ("mat cccd", "tam tru", "xin chao")]
    assert first == again


def test_score_is_a_probability(engine):
    for q in ("đổi gplx", "lam ho chieu cho con", "giá xăng"):
        assert 0.0 <= engine.match(q).score <= 1.0


def test_entry_lookup_and_groups(engine):
    entry = engine.entry("tach-ho")
    assert entry.title == "Tách hộ"
    assert all(engine.entry(r) for r in entry.related)
    assert entry.links and entry.links[0].url.startswith("https://")
    groups = engine.list_groups()
    assert len(groups) == 7
    assert all(title and not title.isascii() for title, _ in groups)
    assert sum(len(entries) for _, entries in groups) == len(engine.entries())
    with pytest.raises(KeyError):
        engine.entry("khong-ton-tai")


def test_render_answer_adds_unit_lines_and_respects_limit(engine):
    entry = engine.entry("cap-the-can-cuoc")
    plain = engine.render_answer(entry)
    assert plain == entry.answer
    with_unit = engine.render_answer(entry, "phuong-trung-tam")
    assert with_unit.startswith(entry.answer)
    assert "Nơi tiếp nhận tại đơn vị: Điểm cấp căn cước" in with_unit  # per-entry override
    assert "Đường dây nóng:" in with_unit  # default of the unit
    assert engine.render_answer(entry, "don-vi-khong-co") == entry.answer
    for e in engine.entries():
        assert len(engine.render_answer(e, "phuong-trung-tam")) <= 2000


# ---------------------------------------------- tolerance never swaps one real word for another


def test_a_word_bound_to_a_police_term_does_not_carry_it_alone(engine):
    # "chữa" is known only as the "chữa" of "chữa cháy": alone it names something else.
    assert engine.match("cách chữa mất ngủ").intent is None
    assert engine.match("huấn luyện chữa cháy ở đâu").intent == "huan-luyen-pccc"


def test_a_plain_word_in_a_question_typed_with_diacritics_is_that_word(engine):
    # "ho" (cough) typed among marked words is not "hộ" of "hộ chiếu": it counts as other diacritics.
    marked = score("làm sao hết ho nhanh", engine._index)
    plain = score("lam sao het ho nhanh", engine._index)
    best = engine._index.classes.index("cap-ho-chieu")
    assert marked.scores[best] < plain.scores[best]
    assert engine.match("làm hộ chiếu lần đầu").intent == "cap-ho-chieu"


def test_an_entry_reached_only_through_a_typo_is_no_answer(engine):
    scored = score("tamm truu", engine._index)
    assert scored.exact == frozenset()
    assert engine.match("tamm truu").intent is None
    # A typo beside an exact content word is still forgiven.
    assert engine.match("căn cươc mất làm lại").intent == "cap-lai-the-can-cuoc"
    assert engine.match("huấn luyênn pccc").intent == "huan-luyen-pccc"


def test_one_everyday_syllable_of_an_entry_word_is_no_answer(engine):
    # "biển" of "biển số", "nước" of "người nước ngoài", "riêng" of "hộ riêng": alone, each is another word.
    assert engine.match("chiều nay có mưa không, định đi biển").intent is None
    assert engine.match("nước máy bị đục").intent is None
    assert engine.match("sầu riêng bị sâu đục thân thì xử lý sao").intent is None
    # The whole word, exactly typed, still answers.
    assert engine.match("xe mới mua đi bấm biển số ở đâu").intent == "dang-ky-xe"
    assert engine.match("người nước ngoài thuê nhà phải khai báo gì").intent == "tam-tru-nguoi-nuoc-ngoai"
    assert engine.match("anh em muốn ra riêng thì tách hộ thế nào").intent == "tach-ho"


def test_a_real_syllable_is_never_corrected_into_another(engine):
    # "tiếng" is not a typo of "riêng" nor "triệu" one of "tiêu": words the base never uses stay themselves.
    tokens, fixed = _correct(tokenize("tiếng ồn cả đêm, thiệt hại hàng triệu"), engine._index)
    assert [t.folded for t in tokens] == ["tieng", "on", "ca", "dem", "thiet", "hai", "hang", "trieu"]
    assert not any(fixed)
    # Shapes no Vietnamese syllable has are still typos.
    tokens, fixed = _correct(tokenize("vieen chuc"), engine._index)
    assert tokens[0].folded == "vien" and fixed[0]
    assert not is_syllable("vieen") and not is_syllable("chays") and is_syllable("nghieng")


def test_a_one_syllable_keyword_is_a_whole_word(engine):
    scored = score("khách ở mấy hôm", engine._index)
    assert engine._index.classes.index("thong-bao-luu-tru") in scored.exact


# ---------------------------------------------- neighbouring entries


def test_an_entry_whose_subject_the_question_never_names_counts_for_less(engine):
    # The foreigners' entry shares "khai báo", "thuê nhà" and "công an" with residents' questions; its
    # subject (a foreigner, a nationality) decides.
    resident = score("thuê nhà 6 tháng thì khai báo với công an phường thế nào", engine._index)
    foreign = score("người Hàn thuê nhà 6 tháng thì khai báo với công an phường thế nào", engine._index)
    ci = engine._index.classes.index("tam-tru-nguoi-nuoc-ngoai")
    assert resident.scores[ci] < foreign.scores[ci]
    resident_question = "thuê nhà 6 tháng thì khai báo với công an phường thế nào"
    assert engine.match(resident_question).intent == "dang-ky-tam-tru"
    assert engine.match("khách Tây ở homestay khai báo thế nào").intent == "tam-tru-nguoi-nuoc-ngoai"


def test_a_damaged_card_is_reissued_not_exchanged(engine):
    # Luật Căn cước Điều 24 khoản 2: a card damaged beyond use is "cấp lại".
    assert engine.match("căn cước bị gãy làm lại ở đâu").intent == "cap-lai-the-can-cuoc"
    assert engine.match("đủ 25 tuổi đổi căn cước ở đâu").intent == "cap-doi-the-can-cuoc"
