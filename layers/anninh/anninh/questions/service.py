"""Hand a citizen's question to the unit's officers, and relay an officer's answer back.

Retries are safe: the question id and code derive from the Zalo event's key, and the record is created
with a conditional write, so a redelivered event neither creates a second question nor alerts twice.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from anninh import texts
from anninh.codes import ALPHABET, normalise_code
from anninh.conversation.replies import TextReply
from anninh.conversation.service import ReplySender, deliver
from anninh.officers.model import Officer, on_duty
from anninh.questions.model import PendingQuestion
from anninh.stats.counters import duration, tally
from anninh.store.conversations import ConversationRepository
from anninh.store.officers import OfficerRepository
from anninh.store.questions import AlreadyAnswered, QuestionRepository
from anninh.units.model import Unit
from anninh.units.tree import UnitTree
from anninh.zalo.errors import ZaloError

QUESTION_PREFIX = "H"


def code_for(event_key: str) -> str:
    digest = int(hashlib.sha256(event_key.encode()).hexdigest(), 16)
    chars = []
    for _ in range(5):
        digest, index = divmod(digest, len(ALPHABET))
        chars.append(ALPHABET[index])
    return f"{QUESTION_PREFIX}-{''.join(chars)}"


def hand_over(
    questions: QuestionRepository,
    unit: Unit,
    user_id: str,
    text: str,
    event_key: str,
    now: datetime,
    faq_candidate: str | None = None,
) -> tuple[PendingQuestion, bool]:
    """Record the question; returns it and whether it is new (False on a redelivered event)."""
    assert unit.oa_id is not None
    code = code_for(event_key)
    question = PendingQuestion(
        unit_id=unit.unit_id,
        question_id=f"{int(now.timestamp() * 1000):013d}-{code}",
        code=code,
        oa_id=unit.oa_id,
        user_id=user_id,
        text=text.strip()[:2000],
        created_at=now,
        faq_candidate=faq_candidate,
    )
    existing = questions.by_code(code)
    if existing is not None:
        return existing, False
    questions.add(question)
    return question, True


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


AnswerStatus = Literal["sent", "already_answered", "not_found", "not_delivered"]


@dataclass(frozen=True)
class AnswerOutcome:
    """What became of an answer: ``sent`` (recorded and relayed), ``not_delivered`` (recorded, but Zalo's
    messaging window refused the relay), ``already_answered`` (someone else answered first: nothing changed)
    or ``not_found`` (no such code within the answering officer's scope)."""

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
    question = questions.by_code(code)
    if question is None or (
        scope_unit_id is not None and not tree.is_within(question.unit_id, scope_unit_id)
    ):
        return AnswerOutcome("not_found", code)
    try:
        question = questions.mark_answered(question, answer, answered_by, now)
        tally(question.unit_id, "questions_answered")
        duration(question.unit_id, "answer_seconds", (now - question.created_at).total_seconds())
    except AlreadyAnswered:
        latest = questions.by_code(code)
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
