"""What the dialogue says for an emergency, a question about reporting, thanks and typed feedback."""

from __future__ import annotations

from pathlib import Path

import pytest
from anninh import texts
from anninh.conversation import dialogue
from anninh.conversation.replies import HandOver, TurnEffects
from anninh.faq.engine import FaqEngine
from anninh.messaging.replies import ButtonsReply, TextReply
from anninh.units.importer import load_units_file
from anninh.units.tree import UnitTree

SEED = Path(__file__).resolve().parents[3] / "infra" / "seed" / "units.yaml"
TREE = UnitTree(load_units_file(SEED))
COMMUNE = TREE.get("xa-binh-an")


@pytest.mark.parametrize("number", ["113", "114", "115"])
def test_emergency_text_gives_the_right_number_first_then_the_others(number: str) -> None:
    text = dialogue.emergency_text(COMMUNE, TREE, number, urgent_tip=number != "115")
    first, second, third = text.split("\n")
    assert first == texts.EMERGENCY_CALL_FIRST[number]
    assert all(other in second for other in {"113", "114", "115"} - {number})
    assert texts.EMERGENCY_NUMBER_NAMES[number] not in second
    assert COMMUNE.name in second
    assert third == (texts.EMERGENCY_MARKED_URGENT if number != "115" else texts.EMERGENCY_MEDICAL_ONLY)


def test_an_answer_about_reporting_offers_the_report_form_first() -> None:
    faq = FaqEngine.load()
    turn = dialogue.faq_answer(COMMUNE, faq.entry("to-giac-toi-pham"), faq)
    buttons = turn.replies[1]
    assert isinstance(buttons, ButtonsReply)
    assert buttons.buttons[0].title == texts.FAQ_REPORT_NOW and buttons.buttons[0].value == "MENU:REPORT"
    assert len(buttons.buttons) <= 5
    other = dialogue.faq_answer(COMMUNE, faq.entry("cap-ho-chieu"), faq).replies[1]
    assert isinstance(other, ButtonsReply) and texts.FAQ_REPORT_NOW not in [b.title for b in other.buttons]


def test_thanks_get_a_short_answer_and_hello_the_menu() -> None:
    thanks = dialogue.greet(COMMUNE, TREE, "cảm ơn ad nhiều")
    assert [r.text for r in thanks.replies if isinstance(r, TextReply)] == [texts.FAQ_THANKS]
    hello = dialogue.greet(COMMUNE, TREE, "chào buổi sáng")
    assert isinstance(hello.replies[-1], ButtonsReply)


def test_feedback_typed_under_an_answer() -> None:
    faq = FaqEngine.load()
    unclear = dialogue.respond(COMMUNE, TREE, "procedures", "chưa rõ", faq)
    assert unclear.replies[0] == TextReply(texts.FAQ_NOT_HELPFUL) and unclear.effects.feedback == ("no", "")
    officer = dialogue.respond(COMMUNE, TREE, "procedures", "hỏi cán bộ", faq)
    assert officer.state == "ask_officer"


def test_a_refusal_hands_a_real_question_to_the_officers() -> None:
    short = dialogue.refuse(COMMUNE, "ok ad", None)
    assert short.effects == TurnEffects(faq_abstained=True)
    long = dialogue.refuse(COMMUNE, "làm sao để hết ho nhanh", None)
    assert long.effects.hand_over == HandOver(abstained=True)
