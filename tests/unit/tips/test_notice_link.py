"""The wanted notice a tip is about is a field of the tip, from the intake to `anninh tips show`."""

from __future__ import annotations

from anninh import texts
from anninh.conversation import tip_intake
from anninh.messaging.state import ConversationData, TipDraft
from anninh.tips.service import Draft, submit

from tests.unit.admin.conftest import NOW
from tests.unit.admin.test_admin_cli import run, served  # noqa: F401 - the fixture, shared
from tests.unit.tips.test_intake_and_lifecycle import UNIT, text

DESCRIPTION = "Người giống đối tượng truy nã ngồi ở quán nước đầu ngõ"


def intake_from_the_button(notice: str):
    turn = tip_intake.start(UNIT, ConversationData(), NOW, prefill=TipDraft(notice_id=notice))
    for message in ("8", DESCRIPTION, "không nhớ", "không nhớ", "xong", "1"):
        turn = tip_intake.step(UNIT, turn.state, turn.data, text(message), NOW)
    return turn


def test_the_intake_keeps_the_notice_beside_the_citizen_s_words():
    turn = intake_from_the_button("nguyen-van-a")
    assert turn.state == "tip:confirm"
    assert turn.replies[0].text.startswith(texts.TIP_NOTICE_PREFILL.format(notice="nguyen-van-a"))
    submitted = tip_intake.step(UNIT, turn.state, turn.data, text("gửi"), NOW)
    draft = submitted.effects.submit
    assert (draft.notice_id, draft.description) == ("nguyen-van-a", DESCRIPTION)


def test_a_tip_from_the_menu_has_no_notice_and_no_notice_line():
    turn = tip_intake.start(UNIT, ConversationData(), NOW)
    for message in ("8", DESCRIPTION, "không nhớ", "không nhớ", "xong", "1"):
        turn = tip_intake.step(UNIT, turn.state, turn.data, text(message), NOW)
    assert "truy nã “" not in turn.replies[0].text
    submitted = tip_intake.step(UNIT, turn.state, turn.data, text("gửi"), NOW)
    assert submitted.effects.submit.notice_id is None


def test_tips_show_names_the_notice(served, capsys):  # noqa: F811
    admin, _ = served
    unit = admin.units.get("xa")
    assert unit is not None and unit.oa_id
    draft = Draft.from_dict(
        {"category": "khac", "description": DESCRIPTION, "privacy": "anonymous", "notice_id": "nguyen-van-a"}
    )
    tip, _ = submit(
        admin.tips,
        unit,
        draft,
        oa_id=unit.oa_id,
        user_id="8765432109876543210",
        hash_secret="secret",
        event_key="notice-1",
        now=NOW,
    )
    status, out, _ = run(capsys, "tips", "show", tip.code)
    assert status == 0 and texts.ADMIN_CLI_TIP_NOTICE.format(notice_id="nguyen-van-a") in out.splitlines()
    assert f"Mô tả: {DESCRIPTION}" in out
