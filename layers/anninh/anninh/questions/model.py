"""A pending question: what a citizen asked that the knowledge base does not cover."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class PendingQuestion:
    unit_id: str
    question_id: str  # time-sortable: creation time in ms + the code
    code: str
    oa_id: str
    user_id: str
    text: str
    created_at: datetime
    status: str = "open"  # open | answered
    faq_candidate: str | None = None
    answer: str | None = None
    answered_by: str | None = None
    answered_at: datetime | None = None
