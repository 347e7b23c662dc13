"""The one helper that reads what a person typed to pick from a list (no I/O)."""

from __future__ import annotations

import pytest
from anninh.conversation.choices import Option, choose
from anninh.conversation.tip_intake import CATEGORY_OPTIONS, CONFIRM_OPTIONS, PRIVACY_OPTIONS

SECTIONS = (
    Option("news", "Tin tức"),
    Option("report", "Gửi tin báo"),
    Option("procedures", "Thủ tục hành chính"),
    Option("contact", "Liên hệ"),
    Option("patrol", "Lịch tuần tra"),
)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1", "anonymous"),
        (" 2 ", "confidential"),
        ("3.", "open"),
        ("Ẩn danh", "anonymous"),
        ("ẩn danh", "anonymous"),
        ("an danh", "anonymous"),
        ("AN DANH", "anonymous"),
        ("andanh", "anonymous"),
        ("nặc danh", "anonymous"),
        ("giấu tên", "anonymous"),
        ("bm", "confidential"),
        ("bảo mật", "confidential"),
        ("bao mat", "confidential"),
        ("Bảo mật danh tính", "confidential"),
        ("cong khai", "open"),
        ("công khai", "open"),
        ("ck", "open"),
        ("1. Ẩn danh", "anonymous"),
        ("tôi chọn ẩn danh", "anonymous"),
        ("cho em công khai nhé", "open"),
    ],
)
def test_privacy_accepts_number_name_part_and_abbreviation(typed: str, expected: str) -> None:
    assert choose(typed, PRIVACY_OPTIONS) == expected


@pytest.mark.parametrize(
    "typed",
    ["", "4", "0", "danh", "không ẩn danh", "1 công khai", "xin chào", "tôi muốn hỏi về căn cước công dân"],
)
def test_privacy_refuses_what_picks_none_or_several(typed: str) -> None:
    assert choose(typed, PRIVACY_OPTIONS) is None


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1", "ma_tuy"),
        ("ma tuy", "ma_tuy"),
        ("Ma Túy", "ma_tuy"),
        ("co bac", "co_bac"),
        ("trộm", "trom_cap"),
        ("trom cap", "trom_cap"),
        ("lừa đảo", "lua_dao"),
        ("giao thông", "an_toan_giao_thong"),
        ("an ninh", "an_ninh_trat_tu"),
        ("te nan", "te_nan_xa_hoi"),
        ("khác", "khac"),
        ("9", "khac"),
    ],
)
def test_categories_by_number_or_name(typed: str, expected: str) -> None:
    assert choose(typed, CATEGORY_OPTIONS) == expected


def test_a_part_shared_by_several_labels_picks_none() -> None:
    assert choose("an", CATEGORY_OPTIONS) is None  # an ninh trật tự / an toàn giao thông
    assert choose("10", CATEGORY_OPTIONS) is None


def test_confirmation_accepts_words_and_the_button_number() -> None:
    assert choose("gửi", CONFIRM_OPTIONS) == "send"
    assert choose("Gửi tin báo", CONFIRM_OPTIONS) == "send"
    assert choose("ok", CONFIRM_OPTIONS) == "send"
    assert choose("1", CONFIRM_OPTIONS) == "send"
    assert choose("2", CONFIRM_OPTIONS) == "cancel"
    assert choose("hủy", CONFIRM_OPTIONS) == "cancel"


def test_menu_words_without_sentences() -> None:
    assert choose("lich tuan tra", SECTIONS, contained=False) == "patrol"
    assert choose("tuần tra", SECTIONS, contained=False) == "patrol"
    assert choose("lh", SECTIONS, contained=False) == "contact"
    assert choose("tôi muốn liên hệ công an", SECTIONS, contained=False) is None
    assert choose("tt", SECTIONS, contained=False) is None  # tin tức / thủ tục hành chính


def test_the_main_menu_accepts_section_names_typed() -> None:
    from anninh.conversation.menu import Section, section_for

    assert section_for("lich tuan tra") is Section.PATROL
    assert section_for("Tuần tra") is Section.PATROL
    assert section_for("Tin tức") is Section.NEWS
    assert section_for("thủ tục hành chính") is Section.PROCEDURES
    assert section_for("3") is Section.PROCEDURES
    assert section_for("tôi muốn liên hệ công an phường") is None  # a sentence is not a section's name
    assert section_for("làm căn cước") is None
