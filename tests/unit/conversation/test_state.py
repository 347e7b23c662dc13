"""The typed conversation data loads what was stored before it was typed, and stores the same keys."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from anninh.conversation import tip_intake
from anninh.messaging.state import ConversationData, TipDraft
from anninh.tips.service import Draft
from anninh.units.model import Unit
from anninh.zalo import events as ev

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

# Drafts as the intake stored them before the draft was typed (printed from its ``to_stored()`` in the
# confirm step of two whole intakes): every key it ever wrote appears in one of them.
STORED_DRAFTS = [
    {
        "description": "tôi muốn tố giác kẻ trộm xe đạp nhà tôi\n"
        "nó đi xe đạp màu xanh, chạy về phía chợ, đang cầm dao",
        "category_guess": "trom_cap",
        "category": "trom_cap",
        "more_asked": True,
        "urgent": True,
        "place": None,
        "occurred": None,
        "media": [["image", "https://cdn/x.jpg", None], ["file", "https://cdn/a.pdf", 2048]],
        "privacy": "open",
        "contact_name": "Nguyễn Văn An",
        "contact_phone": "0912345678",
        "notice_id": "tn-2026-07",
    },
    {
        "category": "trom_cap",
        "description": "Xe máy của tôi bị lấy trộm trước cổng chợ lúc chiều nay",
        "latitude": 10.1,
        "longitude": 106.2,
        "place": "Chợ Bình An",
        "occurred": "khoảng 16 giờ",
        "media": [["image", "https://cdn/x.jpg", None]],
        "privacy": "confidential",
        "contact_name": "Trần Thị B",
        "contact_phone": "0987654321",
    },
    {"description": "có người đang đánh nhau ở chợ, cầm dao", "urgent": True},
    {},
]

UNIT = Unit("xa", "Công an xã Bình An", "commune", oa_id="200", code="BA", hotline="0200 3830 113")
NOW = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)
COMMON = {"event_name": "user_send_text", "app_id": "1", "timestamp": "1", "oa_id": "200", "user_id": "u"}


def test_a_conversation_stored_before_loads_with_its_draft_and_choices() -> None:
    data = ConversationData.from_stored(STORED_BEFORE)
    assert data.draft == TipDraft(
        category="trom_cap", description="Mất xe máy trước cổng chợ", media=[("image", "u", None)]
    )
    assert data.draft_started == "2026-11-23T14:00:00+00:00"
    assert data.choices == ["FAQ:dang-ky-tam-tru", "", "MENU:ASK_OFFICER"]
    assert data.to_stored() == {k: v for k, v in STORED_BEFORE.items() if k != "hand_over"}


@pytest.mark.parametrize(
    "stored", STORED_DRAFTS, ids=["guessed-urgent-open", "located", "urgent-start", "begun"]
)
def test_a_draft_in_todays_shape_round_trips_through_json_without_loss(stored: dict[str, object]) -> None:
    saved = json.loads(json.dumps({"draft": stored, "draft_started": "2026-11-23T14:00:00+00:00"}))
    data = ConversationData.from_stored(saved)
    assert data.draft is not None
    assert data.to_stored() == saved
    assert ConversationData.from_stored(json.loads(json.dumps(data.to_stored()))) == data


def test_a_loaded_draft_gives_its_fields_typed() -> None:
    draft = TipDraft.from_stored(STORED_DRAFTS[0])
    assert draft.place is None and draft.place_answered and draft.occurred_answered
    assert draft.media == [("image", "https://cdn/x.jpg", None), ("file", "https://cdn/a.pdf", 2048)]
    assert (draft.more_asked, draft.urgent, draft.privacy) == (True, True, "open")
    located = TipDraft.from_stored(STORED_DRAFTS[1])
    assert (located.latitude, located.longitude, located.place) == (10.1, 106.2, "Chợ Bình An")
    assert not located.urgent and located.category_guess is None and located.notice_id is None


def test_missing_keys_are_unanswered_steps_and_unknown_or_odd_ones_are_dropped() -> None:
    draft = TipDraft.from_stored(
        {
            "category": "ma_tuy",
            "hand_over": True,  # a key no intake step writes
            "latitude": "10.1",  # the wrong type reads as missing
            "media": [["image", "https://cdn/a.jpg", None], ["video"], "x", [1, "u", None]],
        }
    )
    assert draft == TipDraft(category="ma_tuy", media=[("image", "https://cdn/a.jpg", None)])
    assert not draft.place_answered and draft.privacy is None
    assert draft.to_stored() == {"category": "ma_tuy", "media": [["image", "https://cdn/a.jpg", None]]}


def test_an_old_draft_resumes_at_the_step_its_keys_say() -> None:
    def resumed(stored: dict[str, object]) -> str:
        data = ConversationData(draft=TipDraft.from_stored(stored), draft_started=NOW.isoformat())
        offer = tip_intake.start(UNIT, data, NOW)
        assert offer.state == "tip:resume"
        message = ev.TextMessage(**COMMON, msg_id="m", text="tiếp tục")
        return tip_intake.step(UNIT, offer.state, offer.data, message, NOW).state

    about = {"category": "trom_cap", "description": "Mất xe máy trước cổng chợ Bình An"}
    assert resumed({"category": "trom_cap"}) == "tip:description"
    assert resumed(about) == "tip:place"
    assert resumed({**about, "place": None}) == "tip:media"  # "không nhớ" answered the place
    assert resumed(STORED_DRAFTS[1]) == "tip:confirm"


def test_a_stored_draft_files_the_same_tip_as_before() -> None:
    draft = Draft.from_intake(TipDraft.from_stored(STORED_DRAFTS[0]))
    assert draft.media == (("image", "https://cdn/x.jpg", None), ("file", "https://cdn/a.pdf", 2048))
    assert (draft.contact_phone, draft.notice_id, draft.urgent) == ("0912345678", "tn-2026-07", True)
    anonymous = Draft.from_dict({**STORED_DRAFTS[1], "privacy": "anonymous"})
    assert anonymous.contact_name is None and anonymous.latitude == 10.1


def test_a_copy_of_a_draft_is_independent() -> None:
    draft = TipDraft.from_stored(STORED_DRAFTS[1])
    copy = draft.copy()
    copy.media.append(("audio", "https://cdn/v.aac", None))
    copy.place = "Chợ khác"
    assert draft == TipDraft.from_stored(STORED_DRAFTS[1])


def test_empty_or_odd_stored_data_loads_as_nothing_kept() -> None:
    assert ConversationData.from_stored(None) == ConversationData()
    assert ConversationData.from_stored({}).to_stored() == {}
    odd = ConversationData.from_stored({"draft": "x", "draft_started": 5, "choices": "1"})
    assert odd == ConversationData()
    begun = ConversationData.from_stored({"draft": {}})
    assert begun.draft is not None and begun.draft.is_empty() and begun.to_stored() == {"draft": {}}
