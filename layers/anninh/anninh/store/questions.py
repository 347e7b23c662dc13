"""Pending questions in DynamoDB, per unit (newest last), found by code; answered once (conditional).

Each question (a citizen's text and Zalo id) is kept :data:`RETENTION` after it was asked, then removed by
the table's TTL (``expires_at``; README, Security model).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Protocol

from pynamodb.attributes import TTLAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.exceptions import UpdateError
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model

from anninh.questions.model import PendingQuestion
from anninh.store.models import UNBOUND, ensure_bound

RETENTION = timedelta(days=365)


class QuestionsByCode(GlobalSecondaryIndex["QuestionModel"]):
    class Meta:
        index_name = "by_code"
        projection = AllProjection()

    code = UnicodeAttribute(hash_key=True)


class QuestionModel(Model):
    class Meta:
        table_name = UNBOUND

    unit_id = UnicodeAttribute(hash_key=True)
    question_id = UnicodeAttribute(range_key=True)
    code = UnicodeAttribute()
    oa_id = UnicodeAttribute()
    user_id = UnicodeAttribute()
    text = UnicodeAttribute()
    status = UnicodeAttribute(default="open")
    faq_candidate = UnicodeAttribute(null=True)
    answer = UnicodeAttribute(null=True)
    answered_by = UnicodeAttribute(null=True)
    created_at = UTCDateTimeAttribute()
    answered_at = UTCDateTimeAttribute(null=True)
    expires_at = TTLAttribute(null=True)
    by_code = QuestionsByCode()


class AlreadyAnswered(RuntimeError):
    """The question was answered already (by someone else, or by a retried command)."""


class QuestionRepository(Protocol):
    def add(self, question: PendingQuestion) -> None: ...
    def by_code(self, code: str) -> PendingQuestion | None: ...
    def list_unit(
        self, unit_id: str, status: str | None = None, limit: int = 50
    ) -> list[PendingQuestion]: ...
    def mark_answered(
        self, question: PendingQuestion, answer: str, by: str, at: datetime
    ) -> PendingQuestion: ...


def _to_question(item: QuestionModel) -> PendingQuestion:
    return PendingQuestion(
        unit_id=item.unit_id,
        question_id=item.question_id,
        code=item.code,
        oa_id=item.oa_id,
        user_id=item.user_id,
        text=item.text,
        created_at=item.created_at,
        status=item.status,
        faq_candidate=item.faq_candidate,
        answer=item.answer,
        answered_by=item.answered_by,
        answered_at=item.answered_at,
    )


class DynamoQuestionRepository:
    def __init__(self) -> None:
        ensure_bound(QuestionModel)

    def add(self, question: PendingQuestion) -> None:
        QuestionModel(
            unit_id=question.unit_id,
            question_id=question.question_id,
            code=question.code,
            oa_id=question.oa_id,
            user_id=question.user_id,
            text=question.text,
            status=question.status,
            faq_candidate=question.faq_candidate,
            created_at=question.created_at,
            expires_at=question.created_at + RETENTION,
        ).save(condition=QuestionModel.question_id.does_not_exist())

    def by_code(self, code: str) -> PendingQuestion | None:
        for item in QuestionModel.by_code.query(code, limit=1):
            return _to_question(item)
        return None

    def list_unit(self, unit_id: str, status: str | None = None, limit: int = 50) -> list[PendingQuestion]:
        condition = (QuestionModel.status == status) if status else None
        items = QuestionModel.query(
            unit_id, filter_condition=condition, scan_index_forward=False, limit=limit
        )
        return [_to_question(item) for item in items]

    def mark_answered(self, question: PendingQuestion, answer: str, by: str, at: datetime) -> PendingQuestion:
        item = QuestionModel(unit_id=question.unit_id, question_id=question.question_id)
        try:
            item.update(
                actions=[
                    QuestionModel.status.set("answered"),
                    QuestionModel.answer.set(answer),
                    QuestionModel.answered_by.set(by),
                    QuestionModel.answered_at.set(at),
                ],
                condition=QuestionModel.status == "open",
            )
        except UpdateError as exc:
            if exc.cause_response_code == "ConditionalCheckFailedException":
                raise AlreadyAnswered(question.code) from exc
            raise
        return _to_question(item)
