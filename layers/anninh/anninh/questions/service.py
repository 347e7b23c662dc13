"""Hand a citizen's question to the unit's officers, and relay an officer's answer back.

Retries are safe: the question id and code derive from the Zalo event's key, and the record is created
with a conditional write, so a redelivered event neither creates a second question nor alerts twice.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from anninh.codes import ALPHABET
from anninh.officers.model import Officer, on_duty
from anninh.questions.model import PendingQuestion
from anninh.store.officers import OfficerRepository
from anninh.store.questions import QuestionRepository
from anninh.units.model import Unit
from anninh.units.tree import UnitTree

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
