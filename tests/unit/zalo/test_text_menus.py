"""Text splitting, the numbered menu fallback, button validation and phone normalisation (no I/O)."""

from __future__ import annotations

import pytest
from anninh import texts
from anninh.zalo.client import Button, ListElement, normalize_phone, render_numbered_menu, split_text


def test_short_text_is_one_part() -> None:
    assert split_text("  Xin chào  ") == ["Xin chào"]
    assert split_text("") == []


def test_long_text_splits_at_sentences_and_keeps_everything() -> None:
    sentence = "Công dân mang theo căn cước khi làm thủ tục. "
    text = sentence * 100  # about 4,500 characters
    parts = split_text(text)
    assert len(parts) == 3
    assert all(len(p) <= 2000 for p in parts)
    assert all(p.endswith(".") for p in parts)
    assert " ".join(parts) == text.strip()


def test_split_prefers_paragraphs_then_lines() -> None:
    para = "a" * 1500
    parts = split_text(para + "\n\n" + "b" * 1000)
    assert parts == [para, "b" * 1000]
    lines = "\n".join(["c" * 900, "d" * 900, "e" * 900])
    assert split_text(lines) == ["c" * 900 + "\n" + "d" * 900, "e" * 900]


def test_unbroken_text_is_cut_hard() -> None:
    parts = split_text("x" * 4100)
    assert [len(p) for p in parts] == [2000, 2000, 100]


def test_numbered_menu() -> None:
    text = render_numbered_menu(
        "Bạn cần gì?",
        [
            Button.query("Tin tức", "#news"),
            Button.phone("Liên hệ", "0241234567"),
            Button.url("Cổng", "https://a.vn"),
        ],
    )
    lines = text.splitlines()
    assert lines[0] == "Bạn cần gì?"
    assert "1. Tin tức" in lines and "2. Liên hệ: 0241234567" in lines and "3. Cổng: https://a.vn" in lines
    assert lines[-1] == texts.MENU_NUMBER_HINT
    assert render_numbered_menu(None, [ListElement("Một")]).startswith("1. Một")


def test_button_validation() -> None:
    Button.query("Tin tức", "#news").validate()
    with pytest.raises(ValueError, match="title"):
        Button.query("x" * 101, "p").validate()
    with pytest.raises(ValueError, match="unknown button action"):
        Button("Tin", "oa.open.app", "x").validate()
    with pytest.raises(ValueError, match="url"):
        Button("Tin", "oa.open.url", "https://no-dict").validate()
    with pytest.raises(ValueError, match="phone_code"):
        Button("Gọi", "oa.open.phone", {}).validate()
    assert Button.url("Cổng", "https://a.vn").as_default_action() == {
        "type": "oa.open.url",
        "url": "https://a.vn",
    }
    assert Button.query("A", "#a", hidden=True).as_button() == {
        "title": "A",
        "type": "oa.query.hide",
        "payload": "#a",
    }


@pytest.mark.parametrize(
    ("raw", "want"),
    [("0912 345 678", "84912345678"), ("+84912345678", "84912345678"), ("84-912-345-678", "84912345678")],
)
def test_normalize_phone(raw: str, want: str) -> None:
    assert normalize_phone(raw) == want


@pytest.mark.parametrize("raw", ["12345", "not a phone", "0912abc678"])
def test_normalize_phone_rejects(raw: str) -> None:
    with pytest.raises(ValueError, match="phone"):
        normalize_phone(raw)
