"""The typed conversation data loads what was stored before it was typed, and stores the same keys."""

from __future__ import annotations

from anninh.messaging.state import ConversationData

# A conversation item's ``data`` as the untyped code saved it: the intake's draft, when it began, the last
# buttons' payloads, and a one-turn flag an older version let through.
STORED_BEFORE = {
    "draft": {
        "category": "trom_cap",
        "description": "Mất xe máy trước cổng chợ",
        "media": [["image", "u", None]],
    },
    "draft_started": "2026-11-23T14:00:00+00:00",
    "choices": ["FAQ:dang-ky-tam-tru", "", "MENU:ASK_OFFICER"],
    "hand_over": True,
}


def test_a_conversation_stored_before_loads_with_its_draft_and_choices() -> None:
    data = ConversationData.from_stored(STORED_BEFORE)
    assert data.draft == STORED_BEFORE["draft"]
    assert data.draft_started == "2026-11-23T14:00:00+00:00"
    assert data.choices == ["FAQ:dang-ky-tam-tru", "", "MENU:ASK_OFFICER"]
    assert data.to_stored() == {k: v for k, v in STORED_BEFORE.items() if k != "hand_over"}


def test_empty_or_odd_stored_data_loads_as_nothing_kept() -> None:
    assert ConversationData.from_stored(None) == ConversationData()
    assert ConversationData.from_stored({}).to_stored() == {}
    odd = ConversationData.from_stored({"draft": "x", "draft_started": 5, "choices": "1"})
    assert odd == ConversationData()
