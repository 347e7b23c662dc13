"""What the question service needs from storage; implemented in :mod:`anninh.store.questions`."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from anninh.questions.model import PendingQuestion


class AlreadyAnswered(RuntimeError):
    """The question was answered already (by someone else, or by a retried command)."""


class QuestionRepository(Protocol):
    def add(self, question: PendingQuestion) -> bool: ...  # raises CodeTaken; False when it exists
    def get(self, unit_id: str, question_id: str) -> PendingQuestion | None: ...
    def by_code(self, code: str) -> PendingQuestion | None: ...
    def list_unit(
        self, unit_id: str, status: str | None = None, limit: int = 50
    ) -> list[PendingQuestion]: ...
    def mark_answered(
        self, question: PendingQuestion, answer: str, by: str, at: datetime
    ) -> PendingQuestion: ...
