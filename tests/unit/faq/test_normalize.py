import unicodedata

import pytest
from anninh.faq.normalize import accent_key, clean, fold, folded_text, tokenize


def test_clean_applies_nfc_and_casefold():
    decomposed = unicodedata.normalize("NFD", "ĐĂNG KÝ Tạm Trú")
    assert clean(decomposed) == "đăng ký tạm trú"
    assert clean(decomposed) == unicodedata.normalize("NFC", "đăng ký tạm trú")


@pytest.mark.parametrize(
    ("word", "folded"),
    [
        ("đăng", "dang"),
        ("Đổi", "doi"),
        ("căn", "can"),
        ("cước", "cuoc"),
        ("ký", "ki"),
        ("lý", "li"),
        ("quy", "quy"),
    ],
)
def test_fold_removes_diacritics_and_unifies_final_y(word, folded):
    assert fold(clean(word)) == folded


def test_accent_key_ignores_tone_placement_but_keeps_tones():
    assert accent_key("hoà") == accent_key("hòa")
    assert accent_key("ký") == accent_key("kí")
    assert accent_key("mất") != accent_key("mật")
    assert accent_key("báo") != accent_key("bảo")
    assert accent_key("ho") is None


def test_tokens_keep_typed_diacritics_only():
    tokens = tokenize("Mất thẻ")
    assert [t.folded for t in tokens] == ["mat", "the"]
    assert all(t.accent for t in tokens)
    assert all(t.accent is None for t in tokenize("mat the"))


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("cccd", "can cuoc"),
        ("cmnd", "chung minh nhan dan"),
        ("gplx", "giay phep lai xe"),
        ("dkx", "dang ki xe"),
        ("tt", "thu tuc"),
        ("k", "khong"),
        ("ko", "khong"),
        ("kh", "khong"),
        ("hk", "khong"),
        ("dc", "duoc"),
        ("đc", "duoc"),
        ("ntn", "nhu the nao"),
        ("j", "gi"),
        ("e", "em"),
        ("a", "anh"),
        ("ak", "a"),
        ("bn", "bao nhieu"),
        ("đk", "dang ki"),
        ("lltp", "li lich tu phap"),
        ("pccc", "phong chay chua chay"),
    ],
)
def test_abbreviations_expand(typed, expected):
    assert folded_text(typed) == expected


def test_context_decides_hk_and_accented_words_are_not_expanded():
    assert folded_text("so hk") == "so ho khau"
    assert folded_text("tach hk") == "tach ho khau"
    # "cá" is a fish, not an abbreviation; only plain ASCII tokens are expanded
    assert folded_text("cá") == "ca"
    assert folded_text("xe hỏng") == "xe hong"


def test_compounds_and_child_ages():
    assert folded_text("ô tô") == folded_text("o to") == folded_text("xe hơi") == "oto"
    assert "tre em" in folded_text("bé 8 tuổi")
    assert "tre em" in folded_text("con 10t")
    assert "tre em" not in folded_text("đủ 14 tuổi")


def test_months_are_a_child_age_only_with_a_child_or_tuoi():
    assert "tre em" in folded_text("bé 6 tháng làm căn cước")
    assert "tre em" in folded_text("con được 8 tháng tuổi")
    assert "tre em" not in folded_text("thuê nhà 6 tháng thì khai báo")
    assert "tre em" not in folded_text("ở 3 tháng")
