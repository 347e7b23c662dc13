"""What a merged unit's OA answers (anninh.mergers.merger): a short pointer to the unit it joined, while the
follow-ups of tips filed before the merger ("tra cứu MÃ", "bổ sung MÃ …", adding media) still work, since the
tips moved with their codes and reporters keep writing to the OA they know."""

from __future__ import annotations

from anninh import texts
from anninh.conversation import tip_followup
from anninh.conversation.menu import HOME_WORDS, fold
from anninh.conversation.replies import Turn
from anninh.messaging.replies import TextReply
from anninh.units.model import Unit
from anninh.units.tree import UnitTree

OA_LINK_PREFIX = "https://zalo.me/"  # an OA's public link: docs/zalo-platform.md, "OA links"


def _successor(unit: Unit, tree: UnitTree) -> Unit | None:
    """The unit that finally took ``unit`` over (B, or whatever B was merged into since)."""
    seen = {unit.unit_id}
    current = tree.get(unit.merged_into) if unit.merged_into else None
    while current is not None and current.merged_into and current.merged_into not in seen:
        seen.add(current.unit_id)
        current = tree.get(current.merged_into)
    return current


def _hotline(unit: Unit, tree: UnitTree) -> str | None:
    for candidate in [unit, *tree.ancestors(unit.unit_id)]:
        if candidate.hotline:
            return candidate.hotline
    return None


def pointer_text(unit: Unit, tree: UnitTree) -> str | None:
    """The pointer message, or None when ``unit`` is not merged (or its successor is unknown)."""
    target = _successor(unit, tree)
    if target is None:
        return None
    where = ""
    if target.oa_id and target.oa_id != unit.oa_id:
        where += texts.UNIT_MERGED_POINTER_OA.format(link=OA_LINK_PREFIX + target.oa_id)
    hotline = _hotline(target, tree)
    if hotline:
        where += texts.UNIT_MERGED_POINTER_HOTLINE.format(hotline=hotline)
    return texts.UNIT_MERGED_POINTER.format(old_name=unit.name, new_name=target.name, where=where)


def pointer_turn(unit: Unit, tree: UnitTree, state: str, text: str) -> Turn | None:
    """The pointer for a message to a merged unit's OA; None when the message is answered as before (not
    merged, a tip follow-up, or adding to an old tip)."""
    if not unit.merged_into:
        return None
    if state.startswith(tip_followup.ADDING_PREFIX) and not (
        text.startswith("MENU:") or fold(text) in HOME_WORDS
    ):
        return None
    if text and tip_followup.is_followup(text):
        return None
    pointer = pointer_text(unit, tree)
    return Turn(replies=[TextReply(pointer)], state="menu") if pointer else None
