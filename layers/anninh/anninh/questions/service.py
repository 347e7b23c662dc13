"""Hand a citizen's question to the unit's officers, and relay an officer's answer back.

Retries are safe: the question id derives from the Zalo event's key and the record is created with a
conditional write, so a redelivered event neither creates a second question nor alerts twice. The code is
drawn at random and reserved in the same write (``anninh.codes``): no two questions share one.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from anninh import texts
from anninh.codes import MAX_DRAWS, AmbiguousCode, Choice, CodeTaken, new_code, normalise_code
from anninh.messaging.conversations import ConversationRepository
from anninh.messaging.delivery import ReplySender, deliver
from anninh.messaging.replies import TextReply
from anninh.observability import count, logger
from anninh.officers.model import Officer, on_duty
from anninh.officers.ports import OfficerRepository
from anninh.questions.model import PendingQuestion
from anninh.questions.ports import AlreadyAnswered, QuestionRepository
from anninh.stats.counters import duration, tally
from anninh.units.model import Unit
from anninh.units.tree import UnitTree
from anninh.zalo.errors import ZaloError

QUESTION_PREFIX = "H"


def question_id_for(now: datetime, event_key: str) -> str:
    """Time-sortable and derived from the event: a redelivery names the same question."""
    return f"{int(now.timestamp() * 1000):013d}-{hashlib.sha256(event_key.encode()).hexdigest()[:12]}"


class NoFreeCode(RuntimeError):
    """Every draw clashed (a broken random source): the queue retries the event."""


def hand_over(
    questions: QuestionRepository,
    unit: Unit,
    user_id: str,
    text: str,
    event_key: str,
    now: datetime,
    faq_candidate: str | None = None,
    choice: Choice | None = None,
) -> tuple[PendingQuestion, bool]:
    """Record the question; returns it and whether it is new (False on a redelivered event).
    ``choice`` is the code's random source (``secrets.choice`` unless a test injects a seeded one)."""
    assert unit.oa_id is not None
    question_id = question_id_for(now, event_key)
    existing = questions.get(unit.unit_id, question_id)
    if existing is not None:
        return existing, False
    for _ in range(MAX_DRAWS):
        code = new_code(QUESTION_PREFIX, choice=choice) if choice else new_code(QUESTION_PREFIX)
        question = _question(unit, question_id, code, user_id, text, now, faq_candidate)
        try:
            created = questions.add(question)
        except CodeTaken:
            count("CodeClashes", kind="question")
            continue
        if not created:
            existing = questions.get(unit.unit_id, question_id)
            assert existing is not None
            return existing, False
        return question, True
    raise NoFreeCode(question_id)


def _question(
    unit: Unit,
    question_id: str,
    code: str,
    user_id: str,
    text: str,
    now: datetime,
    faq_candidate: str | None,
) -> PendingQuestion:
    assert unit.oa_id is not None
    return PendingQuestion(
        unit_id=unit.unit_id,
        question_id=question_id,
        code=code,
        oa_id=unit.oa_id,
        user_id=user_id,
        text=text.strip()[:2000],
        created_at=now,
        faq_candidate=faq_candidate,
    )


def officers_to_alert(
    officers: OfficerRepository, tree: UnitTree, unit: Unit, now: datetime
) -> list[Officer]:
    """The unit's officers on duty; when it has none, the nearest parent's, reachable through an OA."""
    for candidate in [unit, *tree.ancestors(unit.unit_id)]:
        duty = [o for o in on_duty(officers.list_unit(candidate.unit_id), now) if o.oa_id]
        if duty:
            return duty
    return []


def open_questions_in_scope(
    questions: QuestionRepository, tree: UnitTree, unit_id: str
) -> list[PendingQuestion]:
    """Open questions of the unit and every unit below it, oldest first."""
    scope = [unit_id, *(u.unit_id for u in tree.descendants(unit_id))]
    found = [q for uid in scope for q in questions.list_unit(uid, status="open")]
    return sorted(found, key=lambda q: q.question_id)


AnswerStatus = Literal["sent", "already_answered", "not_found", "not_delivered", "ambiguous"]


@dataclass(frozen=True)
class AnswerOutcome:
    """What became of an answer: ``sent`` (recorded and relayed), ``not_delivered`` (recorded, but Zalo's
    messaging window refused the relay), ``already_answered`` (someone else answered first: nothing changed)
    ``not_found`` (no such code within the answering officer's scope) or ``ambiguous`` (an old code two
    questions share: nothing is sent; answer through the admin API's list instead)."""

    status: AnswerStatus
    code: str
    question: PendingQuestion | None = None


def answer_question(
    *,
    questions: QuestionRepository,
    conversations: ConversationRepository,
    sender: ReplySender,
    tree: UnitTree,
    code: str,
    answer: str,
    answered_by: str,
    relay_key: str,
    now: datetime,
    scope_unit_id: str | None = None,
) -> AnswerOutcome:
    """Record the answer once (conditional write), then relay it to the citizen through the citizen's OA.

    ``scope_unit_id``: the answering officer's unit; questions of other branches are ``not_found``. ``None``
    (an administrator through the admin API) reaches every unit. ``relay_key`` makes the relay exactly-once:
    a retry with the same key and the same answer by the same person resends nothing already sent. A Zalo
    error other than the messaging window propagates (the caller retries; the answer is already recorded).
    """
    code = normalise_code(code)
    try:
        question = questions.by_code(code)
    except AmbiguousCode:
        # Two old questions share this code: answering "the first" could reach the wrong citizen.
        count("AmbiguousCodes", kind="question")
        logger.warning("ambiguous question code refused", extra={"code": code})
        return AnswerOutcome("ambiguous", code)
    if question is None or (
        scope_unit_id is not None and not tree.is_within(question.unit_id, scope_unit_id)
    ):
        return AnswerOutcome("not_found", code)
    try:
        question = questions.mark_answered(question, answer, answered_by, now)
        tally(question.unit_id, "questions_answered")
        duration(question.unit_id, "answer_seconds", (now - question.created_at).total_seconds())
    except AlreadyAnswered:
        latest = questions.get(question.unit_id, question.question_id)
        retried = latest is not None and latest.answer == answer and latest.answered_by == answered_by
        if not retried:
            return AnswerOutcome("already_answered", code, latest)
        assert latest is not None
        question = latest
    unit = tree.get(question.unit_id)
    relay = TextReply(
        texts.CITIZEN_ANSWER.format(unit_name=unit.name if unit else "", code=question.code, answer=answer)
    )
    try:
        deliver(
            conversations, sender, conversations.load(question.oa_id, question.user_id), relay_key, [relay]
        )
    except ZaloError as exc:
        if not exc.window_error:
            raise
        return AnswerOutcome("not_delivered", code, question)
    return AnswerOutcome("sent", code, question)
