from datetime import UTC, datetime

import pytest
from anninh.conversation.replies import Turn
from anninh.conversation.service import run_turn
from anninh.messaging.replies import TextReply
from anninh.units.model import Unit

from tests.memory_repositories import MemoryConversations, RecordingSender

UNIT = Unit("xa", "Công an xã", "commune", oa_id="42")
AT = datetime(2026, 11, 23, tzinfo=UTC)


def three_replies(conversation):
    return Turn(replies=[TextReply("một"), TextReply("hai"), TextReply("ba")], state="next")


def test_turn_sends_every_reply_and_saves_state():
    conversations, sender = MemoryConversations(), RecordingSender()
    assert run_turn(conversations, sender, UNIT, "u1", "msg-1", AT, three_replies) == 3
    assert [r.text for _, _, r in sender.sent] == ["một", "hai", "ba"]
    assert conversations.load("42", "u1").state == "next"


def test_retry_after_a_crash_halfway_sends_only_what_did_not_go_out():
    conversations, sender = MemoryConversations(), RecordingSender(fail_on={2})
    with pytest.raises(ConnectionError):
        run_turn(conversations, sender, UNIT, "u1", "msg-1", AT, three_replies)
    assert [r.text for _, _, r in sender.sent] == ["một"]
    assert conversations.load("42", "u1").state == "menu"  # state not saved: the retry recomputes
    assert run_turn(conversations, sender, UNIT, "u1", "msg-1", AT, three_replies) == 2
    assert [r.text for _, _, r in sender.sent] == ["một", "hai", "ba"]


def test_a_new_event_starts_counting_again():
    conversations, sender = MemoryConversations(), RecordingSender()
    run_turn(conversations, sender, UNIT, "u1", "msg-1", AT, three_replies)
    assert run_turn(conversations, sender, UNIT, "u1", "msg-2", AT, three_replies) == 3
    assert len(sender.sent) == 6
