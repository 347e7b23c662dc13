"""A conversation stored before the turn was typed (a plain map with one-turn flags) goes on where it was."""

from __future__ import annotations

from datetime import UTC, datetime

from localrun import environ

from tests.integration.test_tips import UNIT, say

CITIZEN = "8765432109876543299"


def test_a_draft_stored_by_the_untyped_code_resumes_at_its_step(stack) -> None:
    from anninh.store.conversations import DynamoConversationRepository, conversation_id
    from anninh.store.models import ConversationModel

    oa_id = stack.units[UNIT].oa_id
    with environ.overlay(stack.functions["WorkerFunction"].runtime_environment):
        DynamoConversationRepository()  # binds the table
        ConversationModel(
            conversation_id(oa_id, CITIZEN),
            state="tip:place",
            data={
                "draft": {
                    "category": "trom_cap",
                    "description": "Mất xe máy trước cổng chợ Bình An chiều nay",
                },
                "draft_started": datetime.now(UTC).isoformat(),
                "urgent_now": True,  # a one-turn flag some items kept: ignored on load
                "choices": ["MENU:REPORT"],
            },
        ).save()
    say(stack, CITIZEN, "Cổng chợ Bình An", "old-state-1")
    with environ.overlay(stack.functions["WorkerFunction"].runtime_environment):
        loaded = DynamoConversationRepository().load(oa_id, CITIZEN)
        stored = ConversationModel.get(conversation_id(oa_id, CITIZEN)).data
    assert loaded.state == "tip:time"
    assert loaded.data.draft is not None and loaded.data.draft.place == "Cổng chợ Bình An"
    assert loaded.data.draft.description.startswith("Mất xe máy")
    assert set(stored) == {"draft", "draft_started"}  # the flag is gone; no buttons were sent
