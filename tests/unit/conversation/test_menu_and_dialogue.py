from pathlib import Path

import pytest
from anninh import texts
from anninh.conversation import dialogue, menu
from anninh.conversation.contacts import contact_text
from anninh.conversation.menu import Section
from anninh.conversation.replies import HandOver, TurnEffects
from anninh.messaging.replies import ButtonsReply, TextReply
from anninh.units.importer import load_units_file
from anninh.units.tree import UnitTree

SEED = Path(__file__).resolve().parents[3] / "infra" / "seed" / "units.yaml"
TREE = UnitTree(load_units_file(SEED))
PROVINCE = TREE.get("tinh-demo")
COMMUNE = TREE.get("xa-binh-an")


@pytest.mark.parametrize(
    ("typed", "section"),
    [
        ("menu", Section.HOME),
        ("Xin chào!", Section.HOME),
        ("xin chao", Section.HOME),
        ("MENU:HOME", Section.HOME),
        ("1", Section.NEWS),
        (" 2 ", Section.REPORT),
        ("3", Section.PROCEDURES),
        ("4", Section.CONTACT),
        ("5", Section.PATROL),
        ("Liên hệ", Section.CONTACT),
        ("lien he", Section.CONTACT),
        ("hotline", Section.CONTACT),
        ("Tố giác", Section.REPORT),
        ("lịch tuần tra", Section.PATROL),
        ("MENU:PATROL", Section.PATROL),
    ],
)
def test_sections_reachable_by_button_number_and_words(typed, section):
    assert menu.section_for(typed) is section


@pytest.mark.parametrize("typed", ["6", "0.5", "tôi muốn hỏi về đất đai", "", "menu please now"])
def test_other_messages_are_not_sections(typed):
    assert menu.section_for(typed) is None


def test_main_menu_has_the_five_sections_in_order():
    reply = menu.main_menu(PROVINCE)
    assert isinstance(reply, ButtonsReply)
    assert [b.title for b in reply.buttons] == [
        texts.SECTION_NEWS,
        texts.SECTION_REPORT,
        texts.SECTION_PROCEDURES,
        texts.SECTION_CONTACT,
        texts.SECTION_PATROL,
    ]
    assert [b.value for b in reply.buttons] == [s.value for s in menu.ORDERED]
    assert PROVINCE.name in reply.title


def test_welcome_names_the_unit_then_shows_the_menu():
    first, second = menu.welcome(COMMUNE)
    assert isinstance(first, TextReply) and "Công an xã Bình An" in first.text and "113" in first.text
    assert isinstance(second, ButtonsReply)


def test_contact_lists_unit_children_parent_and_emergency_numbers():
    text = contact_text(PROVINCE, TREE)
    assert "0200 3821 113" in text and "Trần Hưng Đạo" in text
    for child in TREE.children("tinh-demo"):
        assert child.name in text
        assert child.hotline in text
    assert "Tiếp công dân" in text
    assert "113" in text and "114" in text and "115" in text
    commune_text = contact_text(COMMUNE, TREE)
    assert "Cấp trên: Công an tỉnh Demo" in commune_text
    assert "Công an viên thôn Bình An 1" in commune_text
    assert len(text) <= 2000


def test_contact_section_offers_a_call_button_with_digits_only():
    turn = dialogue.respond(COMMUNE, TREE, "menu", "4")
    assert isinstance(turn.replies[0], TextReply)
    buttons = turn.replies[1]
    assert isinstance(buttons, ButtonsReply)
    call = buttons.buttons[0]
    assert call.kind == "phone" and call.value == "02003830113"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1", texts.NEWS_COMING.split("{")[0]),
        ("2", texts.REPORT_COMING.split("{")[0]),
        ("5", texts.PATROL_COMING.split("{")[0]),
    ],
)
def test_sections_not_built_yet_say_so_plainly(typed, expected):
    turn = dialogue.respond(COMMUNE, TREE, "menu", typed)
    assert turn.replies[0].text.startswith(expected)
    assert "{" not in turn.replies[0].text


def test_report_section_gives_the_hotline_to_call_now():
    turn = dialogue.respond(COMMUNE, TREE, "menu", "Gửi tin báo")
    assert "0200 3830 113" in turn.replies[0].text


def test_unknown_text_apologises_and_shows_the_menu():
    turn = dialogue.respond(COMMUNE, TREE, "menu", "asdkjh")
    assert turn.replies[0].text == texts.NOT_UNDERSTOOD
    assert isinstance(turn.replies[1], ButtonsReply)


FAQ = None


def faq_engine():
    global FAQ
    if FAQ is None:
        from anninh.faq.engine import FaqEngine

        FAQ = FaqEngine.load()
    return FAQ


def test_procedure_question_is_answered_with_feedback_related_and_officer_buttons():
    turn = dialogue.respond(COMMUNE, TREE, "menu", "làm căn cước cho con dưới 14 tuổi cần gì", faq_engine())
    answer, follow_up = turn.replies
    assert isinstance(answer, TextReply) and len(answer.text) <= 2000
    assert turn.effects.faq_answered == "can-cuoc-tre-em"
    values = [b.value for b in follow_up.buttons]
    assert values[0] == "HELPFUL:yes:can-cuoc-tre-em" and values[-1] == "MENU:ASK_OFFICER"
    assert "FAQ_DETAILS:can-cuoc-tre-em" in values
    assert len(follow_up.buttons) <= 5
    assert all(len(b.title) <= 100 for b in follow_up.buttons)


def test_related_button_and_feedback_payloads():
    engine = faq_engine()
    turn = dialogue.respond(COMMUNE, TREE, "procedures", "FAQ:dang-ky-tam-tru", engine)
    assert turn.effects.faq_answered == "dang-ky-tam-tru"
    thanks = dialogue.respond(COMMUNE, TREE, "procedures", "HELPFUL:no:dang-ky-tam-tru", engine)
    assert thanks.effects.feedback == ("no", "dang-ky-tam-tru")
    assert thanks.replies[0].text == texts.FAQ_NOT_HELPFUL


def test_out_of_scope_question_is_refused_with_what_the_bot_can_do_and_handed_to_officers():
    turn = dialogue.respond(COMMUNE, TREE, "menu", "thủ tục cấp sổ đỏ cho đất nông nghiệp", faq_engine())
    assert turn.effects.faq_abstained is True and turn.effects.hand_over is not None
    assert turn.effects.hand_over.abstained and isinstance(turn.replies[0], ButtonsReply)
    told = dialogue.handed_over_reply(turn.effects.hand_over, "BA-7KQ2M", COMMUNE, TREE)
    assert told.text == texts.FAQ_ABSTAIN_HANDED_OVER.format(code="BA-7KQ2M", unit_name=COMMUNE.name)


def test_short_chit_chat_is_not_handed_to_officers():
    turn = dialogue.respond(COMMUNE, TREE, "menu", "ok ad", faq_engine())
    assert turn.replies[0].text == texts.FAQ_ABSTAIN
    assert turn.effects.hand_over is None


def test_ask_officer_then_the_next_message_is_handed_over_without_the_faq():
    prompt = dialogue.respond(COMMUNE, TREE, "procedures", "MENU:ASK_OFFICER", faq_engine())
    assert prompt.state == "ask_officer" and "0200 3830 113" in prompt.replies[0].text
    turn = dialogue.respond(COMMUNE, TREE, "ask_officer", "làm căn cước cho con cần gì", faq_engine())
    assert turn.effects == TurnEffects(hand_over=HandOver(abstained=False)) and turn.replies == []
    told = dialogue.handed_over_reply(HandOver(abstained=False), "BA-7KQ2M", COMMUNE, TREE)
    assert told.text == texts.QUESTION_HANDED_OVER.format(code="BA-7KQ2M", unit_name=COMMUNE.name)


def test_every_faq_answer_is_short_and_offers_details_within_five_buttons():
    engine = faq_engine()
    for entry in engine.entries():
        turn = dialogue.respond(COMMUNE, TREE, "procedures", f"FAQ:{entry.id}", engine)
        answer, follow_up = turn.replies
        assert answer.text.startswith(entry.answer) and len(entry.answer) <= 700
        details = [b for b in follow_up.buttons if b.value == f"FAQ_DETAILS:{entry.id}"]
        assert len(details) == 1 and details[0].title == texts.FAQ_DETAILS_BUTTON
        assert len(follow_up.buttons) <= 5


def test_details_button_sends_details_sources_and_the_verification_date():
    engine = faq_engine()
    entry = engine.entry("dang-ky-tam-tru")
    turn = dialogue.respond(COMMUNE, TREE, "procedures", "FAQ_DETAILS:dang-ky-tam-tru", engine)
    (reply,) = turn.replies
    assert isinstance(reply, TextReply) and len(reply.text) <= 2000
    assert reply.text.startswith(entry.details)
    assert texts.FAQ_DETAILS_SOURCES_HEADER in reply.text
    assert all(s.doc in reply.text and s.article in reply.text for s in entry.sources)
    day = entry.verified_on
    assert reply.text.endswith(f"Kiểm tra ngày {day[8:10]}/{day[5:7]}/{day[0:4]}")
    assert turn.effects == TurnEffects(faq_details="dang-ky-tam-tru")  # not counted as a second answer


def test_stale_details_button_is_treated_as_a_question():
    turn = dialogue.respond(COMMUNE, TREE, "procedures", "FAQ_DETAILS:khong-con-muc-nay", faq_engine())
    assert turn.effects.faq_details is None
