"""The character n-gram second opinion (conversation.message_model) and where the classifier asks it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from anninh.conversation import message_model
from anninh.conversation.message_model import MessageModel, corpus_rows, grams, train, views
from anninh.conversation.understanding import Kind, Text, understand
from anninh.conversation.understanding_eval import CORPUS_DIR
from anninh.faq.engine import FaqEngine


def _rows(*pairs: tuple[str, str]) -> list[tuple[str, str, str]]:
    out = []
    for message, label in pairs:
        text = Text.of(message)
        out.append((text.marked, text.folded, label))
    return out


TINY = _rows(
    ("nhà bên cạnh cháy lớn lắm khói đen mù mịt", "114"),
    ("kho hàng đầu hẻm đang cháy ngùn ngụt", "114"),
    ("có thằng lẻn vào sân dắt mất xe máy hôm qua", "report"),
    ("tối qua bị móc mất ví ở chợ đêm", "report"),
    ("xe chạy trên đường cao tốc mất mấy tiếng", "off_topic"),
    ("chạy bộ buổi sáng có tốt không", "off_topic"),
)


def test_grams_are_padded_character_grams_of_the_words() -> None:
    assert grams("ab c") == [" ab", "ab ", "b c", " c ", " ab ", "ab c", "b c ", " ab c", "ab c "]


def test_a_message_typed_with_diacritics_is_read_as_typed_and_one_without_folded() -> None:
    typed = Text.of("Nhà đang cháy")
    bare = Text.of("nha dang chay")
    assert views(typed.marked, typed.folded) == ["nhà đang cháy"]
    assert views(bare.marked, bare.folded) == ["nha dang chay"]


def test_the_tiny_model_tells_the_classes_apart_and_running_from_burning() -> None:
    model = MessageModel(train(TINY))
    burning = Text.of("chợ đang cháy to")
    assert model.opinion(burning.marked, burning.folded).label == "114"
    running = Text.of("xe chạy trên đường")
    assert model.opinion(running.marked, running.folded).label == "off_topic"
    theft = Text.of("bị dắt mất xe máy ở chợ")
    opinion = model.opinion(theft.marked, theft.folded)
    assert opinion.label == "report"
    assert sum(opinion.posterior.values()) == pytest.approx(1.0)


def test_a_message_with_no_known_gram_has_no_opinion() -> None:
    model = MessageModel(train(TINY))
    opinion = model.opinion("🙂", "🙂")
    assert opinion.label == "off_topic"
    assert opinion.confidence == 0.0


def test_an_artefact_of_another_format_is_refused() -> None:
    with pytest.raises(ValueError, match="format"):
        MessageModel({"format": 99, "classes": list(message_model.CLASSES), "docs": [], "grams": {}})


def test_the_test_split_is_never_training_data(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="test split"):
        corpus_rows(tmp_path, ("train", "test"))
    assert "test" not in message_model.TUNING_FILES


def test_the_shipped_artefact_is_what_the_tuning_splits_give() -> None:
    shipped = json.loads(message_model.MODEL_PATH.read_text(encoding="utf-8"))
    assert shipped == json.loads(message_model.dumps(train(corpus_rows(CORPUS_DIR))))


def test_the_rebuild_command_writes_a_loadable_artefact(tmp_path: Path) -> None:
    out = tmp_path / "ngrams.json"
    assert message_model.main([str(out)]) == 0
    model = MessageModel.load(out)
    text = Text.of("khói đen bốc lên từ kho hàng, lửa cháy lan sang nhà bên")
    assert model.opinion(text.marked, text.folded).label == "114"


# ------------------------------------------------------------------ where understand() asks the model


@pytest.mark.parametrize(
    "message",
    [
        "chiếc ô tô đen đậu trước cổng nhà tôi ba ngày nay không ai lấy, kính xe bị đập vỡ một bên",
    ],
)
def test_a_story_no_rule_names_is_a_report_by_the_model(faq: FaqEngine, message: str) -> None:
    understood = understand(message, faq)
    assert understood.kind is Kind.REPORT
    assert understood.reason.startswith("model:report")


@pytest.mark.parametrize(
    ("message", "number"),
    [
        ("gấp lắm, ông nội tôi tự nhiên nói không ra hơi, tay chân lạnh ngắt", "115"),
        # a hospital named (a near-domain word) does not refuse a hurry with someone lying still
        ("mau lên bà tôi nằm một chỗ mắt nhắm nghiền, bệnh viện xa quá", "115"),
    ],
)
def test_danger_now_with_no_other_label_gets_a_number_from_the_model(
    faq: FaqEngine, message: str, number: str
) -> None:
    understood = understand(message, faq)
    assert understood.kind is Kind.EMERGENCY
    assert understood.emergency_number == number
    assert understood.reason.startswith(f"model:{number}+now:")


@pytest.mark.parametrize(
    "message",
    [
        "xe đang chạy trên đường",
        "hôm nay trời đẹp quá rủ cả nhà đi chơi công viên rồi ăn kem thôi mọi người ơi vui ghê",
        "trời đẹp thế này thì đi chơi đâu cho vui nhỉ?",
    ],
)
def test_plain_sentences_and_questions_are_not_overruled_by_the_model(faq: FaqEngine, message: str) -> None:
    understood = understand(message, faq)
    assert understood.kind is Kind.OFF_TOPIC
    assert not understood.reason.startswith("model")


def test_without_a_model_the_rules_alone_refuse(faq: FaqEngine, monkeypatch: pytest.MonkeyPatch) -> None:
    from anninh.conversation import understanding

    monkeypatch.setattr(understanding, "shipped_model", lambda: None)
    message = "chiếc ô tô đen đậu trước cổng nhà tôi ba ngày nay không ai lấy, kính xe bị đập vỡ một bên"
    assert understand(message, faq).kind is Kind.OFF_TOPIC


def test_a_story_of_harm_with_a_cry_now_gets_the_number(faq: FaqEngine) -> None:
    understood = understand("trời ơi, hôm qua bà cụ hàng xóm bị chó cắn, giờ sốt cao mê man", faq)
    assert understood.kind is Kind.EMERGENCY
    assert understood.emergency_number == "115"


def test_a_model_leaning_to_danger_turns_a_harm_told_with_a_cry_into_an_emergency(faq: FaqEngine) -> None:
    # The path itself, with a model that has seen such stories (the shipped one is retrained on every writer).
    model = MessageModel(
        train(
            _rows(
                ("trời ơi hôm qua ông bị rắn cắn mê man người nóng ran", "115"),
                ("trời ơi tuần trước bé bị chó cắn sốt cao mê man", "115"),
                ("hôm qua mẹ tôi ngã xe giờ nói sảng sốt cao", "115"),
                ("hôm qua bà cụ bị chó nhà kia cắn chủ chó không chịu bồi thường", "report"),
                ("tuần trước thằng hàng xóm thả chó cắn người rồi chối", "report"),
                ("chó nhà bên hay sủa đêm", "off_topic"),
            )
        )
    )
    message = "trời ơi, hôm qua bà cụ hàng xóm bị chó cắn, sốt cao mê man"
    understood = understand(message, faq, model=model)
    assert (understood.kind, understood.emergency_number) == (Kind.EMERGENCY, "115")
    assert understood.reason.startswith("model:115+now:") and ">harm-told:" in understood.reason


def test_a_story_of_harm_told_calmly_stays_a_report(faq: FaqEngine) -> None:
    understood = understand("hôm qua bà cụ hàng xóm bị chó nhà kia cắn, chủ chó không chịu bồi thường", faq)
    assert understood.kind is Kind.REPORT
