"""Pending questions in DynamoDB, per unit (newest last), found by code; answered once (conditional).

Each question's code is reserved by an item of its own in the same table (``unit_id`` = ``code#<CODE>``),
written in one transaction with the question: two questions can never share a code. Old codes (from before
reservations) are found through the ``by_code`` index; two answers there are :class:`AmbiguousCode`.
Each question (a citizen's text and Zalo id) is kept :data:`RETENTION` after it was asked, then removed by
the table's TTL (``expires_at``; README, Security model).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from pynamodb.attributes import TTLAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.connection import Connection
from pynamodb.exceptions import TransactWriteError, UpdateError
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model
from pynamodb.transactions import TransactWrite

from anninh.codes import AmbiguousCode, CodeTaken, legacy_form
from anninh.questions.model import PendingQuestion
from anninh.questions.ports import AlreadyAnswered
from anninh.store.models import UNBOUND, bind_like, ensure_bound

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


class QuestionCodeModel(Model):
    """The reservation of one question code (``unit_id`` = ``code#<CODE>``, ``question_id`` = ``code``)."""

    class Meta:
        table_name = UNBOUND

    unit_id = UnicodeAttribute(hash_key=True)
    question_id = UnicodeAttribute(range_key=True)
    owner_unit = UnicodeAttribute()
    owner_question = UnicodeAttribute()


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
        bind_like(QuestionCodeModel, QuestionModel)

    def add(self, question: PendingQuestion) -> bool:
        """Save the question and reserve its code together; False when the question exists (a redelivered
        event); :class:`CodeTaken` when another question holds the code."""
        item = QuestionModel(
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
        )
        reservation = QuestionCodeModel(
            unit_id=f"code#{question.code}",
            question_id="code",
            owner_unit=question.unit_id,
            owner_question=question.question_id,
        )
        meta = QuestionModel.Meta
        connection = Connection(region=getattr(meta, "region", None), host=getattr(meta, "host", None))
        try:
            with TransactWrite(connection=connection) as transaction:
                transaction.save(item, condition=QuestionModel.question_id.does_not_exist())
                transaction.save(reservation, condition=QuestionCodeModel.unit_id.does_not_exist())
        except TransactWriteError as exc:
            reasons = [(r.code if r is not None else None) for r in exc.cancellation_reasons]
            if reasons[:1] == ["ConditionalCheckFailed"]:
                return False
            if reasons[1:2] == ["ConditionalCheckFailed"]:
                raise CodeTaken(question.code) from exc
            raise
        return True

    def get(self, unit_id: str, question_id: str) -> PendingQuestion | None:
        try:
            return _to_question(QuestionModel.get(unit_id, question_id, consistent_read=True))
        except QuestionModel.DoesNotExist:
            return None

    def by_code(self, code: str) -> PendingQuestion | None:
        """The question holding ``code``; raises :class:`AmbiguousCode` when two old questions share it."""
        try:
            owner = QuestionCodeModel.get(f"code#{code}", "code", consistent_read=True)
        except QuestionCodeModel.DoesNotExist:
            pass
        else:
            return self.get(owner.owner_unit, owner.owner_question)
        found = list(QuestionModel.by_code.query(legacy_form(code), limit=2))
        if len(found) > 1:
            raise AmbiguousCode(code)
        return _to_question(found[0]) if found else None

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
