"""A broadcast's stored identifiers: its status, audience, the actions on it and why a recipient was not sent.

The labels people read are keyed by them in anninh.texts.admin; imports nothing, so the texts can import it.
"""

from __future__ import annotations

from typing import Literal, get_args

Status = Literal["scheduled", "paused", "cancelled", "running", "done"]
Audience = Literal["all", "48h", "7d"]
Action = Literal["cancel", "pause", "resume", "preview"]
# Why a recipient is "in doubt" (maybe received, never re-sent) or "expired" (waited too long, not sent).
Reason = Literal[
    "answer_lost", "sender_stopped", "night", "paused", "rate_limited", "zalo_unreachable", "quota"
]

STATUS_KEYS: tuple[Status, ...] = get_args(Status)
AUDIENCE_KEYS: tuple[Audience, ...] = get_args(Audience)
ACTION_KEYS: tuple[Action, ...] = get_args(Action)
REASON_KEYS: tuple[Reason, ...] = get_args(Reason)
