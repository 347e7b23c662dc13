"""A merged unit's OA: a pointer to the unit it joined for anything new, old tips' follow-ups as before."""

from __future__ import annotations

from anninh.conversation import merged_unit, tip_followup
from anninh.units.model import Unit
from anninh.units.tree import UnitTree

TREE = UnitTree(
    [
        Unit("tinh", "Công an tỉnh Demo", "province", None, "100", hotline="0200 113"),
        Unit("xa-a", "Công an xã A", "commune", "xa-b", "201", merged_into="xa-b"),
        Unit("xa-b", "Công an xã B", "commune", "tinh", "202"),
        Unit("xa-c", "Công an xã C", "commune", "tinh", "203", merged_into="xa-a"),  # merged twice over
        Unit("xa-d", "Công an xã D", "commune", "tinh", "204"),
    ]
)


def test_anything_new_gets_a_pointer_naming_the_new_unit_its_oa_and_hotline() -> None:
    turn = merged_unit.pointer_turn(TREE.get("xa-a"), TREE, "menu", "cho hỏi làm căn cước")
    assert turn is not None and turn.state == "menu"
    (reply,) = turn.replies
    assert reply.text.startswith("Công an xã A đã sáp nhập vào Công an xã B")
    assert "https://zalo.me/202" in reply.text and "0200 113" in reply.text  # B's hotline is its province's
    # In the middle of a report started before the merger, too: no new tip is filed at a merged unit.
    assert merged_unit.pointer_turn(TREE.get("xa-a"), TREE, "tip_description", "xe máy bị lấy") is not None


def test_a_chain_of_mergers_points_to_the_last_unit() -> None:
    text = merged_unit.pointer_text(TREE.get("xa-c"), TREE)
    assert text is not None and "Công an xã B" in text and "zalo.me/202" in text


def test_old_tips_are_followed_up_as_before_and_other_units_are_untouched() -> None:
    a = TREE.get("xa-a")
    for followup in (
        "tra cứu HL-7KQ2MXR",
        "bổ sung HL-7KQ2MXR thêm biển số",
        "tin báo của tôi",
        "Tra cuu hl7kq2mxr",
    ):
        assert tip_followup.is_followup(followup), followup
        assert merged_unit.pointer_turn(a, TREE, "menu", followup) is None
    assert merged_unit.pointer_turn(a, TREE, tip_followup.ADDING_PREFIX + "HL-7KQ2MXR", "") is None
    assert merged_unit.pointer_turn(a, TREE, tip_followup.ADDING_PREFIX + "HL-7KQ2MXR", "menu") is not None
    assert merged_unit.pointer_turn(TREE.get("xa-d"), TREE, "menu", "xin chào") is None
    assert not tip_followup.is_followup("cho hỏi làm căn cước")
