"""What the dialogue decides to say, independent of how Zalo carries it."""

from __future__ import annotations

from dataclasses import dataclass, field

from anninh.messaging.replies import Button as Button
from anninh.messaging.replies import ButtonsReply as ButtonsReply
from anninh.messaging.replies import Reply as Reply
from anninh.messaging.replies import RequestInfoReply as RequestInfoReply
from anninh.messaging.replies import TextReply as TextReply


@dataclass
class Turn:
    """The dialogue's answer to one citizen event: replies to send, and the state to keep."""

    replies: list[Reply] = field(default_factory=list)
    state: str = "menu"
    data: dict[str, object] = field(default_factory=dict)
