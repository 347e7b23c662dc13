"""Commands officers type in Zalo (``#…``), authorised against the registry and the unit tree.

The officer's own replies are returned (the caller sends them as the officer's turn); answering is
:func:`anninh.questions.service.answer_question`, shared with the admin API. An answer to a
citizen is relayed through the citizen's OA with the same exactly-once bookkeeping as any reply.
"""

from __future__ import annotations

from datetime import datetime

from anninh import texts
from anninh.messaging.conversations import ConversationRepository
from anninh.messaging.delivery import ReplySender
from anninh.messaging.replies import Reply, TextReply
from anninh.officers.model import VIETNAM, Officer
from anninh.questions.ports import QuestionRepository
from anninh.questions.service import answer_question, open_questions_in_scope
from anninh.units.tree import UnitTree

COMMAND_PREFIX = "#"


def is_command(text: str) -> bool:
    return text.lstrip().startswith(COMMAND_PREFIX)


def _list_questions(officer: Officer, tree: UnitTree, questions: QuestionRepository) -> list[Reply]:
    pending = open_questions_in_scope(questions, tree, officer.unit_id)
    if not pending:
        return [TextReply(texts.OFFICER_NO_QUESTIONS)]
    lines = []
    for question in pending[:15]:
        unit = tree.get(question.unit_id)
        lines.append(
            texts.OFFICER_QUESTION_LINE.format(
                code=question.code,
                unit_name=unit.name if unit else question.unit_id,
                created=question.created_at.astimezone(VIETNAM).strftime("%H:%M %d/%m"),
                text=question.text[:200],
            )
        )
    return [TextReply("\n".join(lines))]


def _answer(
    officer: Officer,
    tree: UnitTree,
    arguments: str,
    *,
    questions: QuestionRepository,
    conversations: ConversationRepository,
    sender: ReplySender,
    event_key: str,
    now: datetime,
) -> list[Reply]:
    code_text, _, answer = arguments.strip().partition(" ")
    answer = answer.strip()
    if not code_text or not answer:
        return [TextReply(texts.OFFICER_ANSWER_USAGE)]
    outcome = answer_question(
        questions=questions,
        conversations=conversations,
        sender=sender,
        tree=tree,
        code=code_text,
        answer=answer,
        answered_by=f"{officer.name} ({officer.unit_id})",
        relay_key=event_key,
        now=now,
        scope_unit_id=officer.unit_id,
    )
    if outcome.status == "not_found":
        return [TextReply(texts.OFFICER_QUESTION_NOT_FOUND.format(code=outcome.code))]
    if outcome.status == "ambiguous":
        return [TextReply(texts.CODE_AMBIGUOUS.format(code=outcome.code))]
    if outcome.status == "already_answered":
        by = outcome.question.answered_by if outcome.question else None
        return [TextReply(texts.OFFICER_ALREADY_ANSWERED.format(code=outcome.code, answered_by=by))]
    if outcome.status == "not_delivered":
        return [TextReply(texts.OFFICER_ANSWER_NOT_DELIVERED.format(code=outcome.code))]
    return [TextReply(texts.OFFICER_ANSWER_SENT.format(code=outcome.code))]


def run_command(
    officer: Officer,
    tree: UnitTree,
    text: str,
    *,
    questions: QuestionRepository,
    conversations: ConversationRepository,
    sender: ReplySender,
    event_key: str,
    now: datetime,
) -> list[Reply]:
    """The officer's replies to one ``#command``."""
    command, _, arguments = text.strip().removeprefix(COMMAND_PREFIX).partition(" ")
    command = command.casefold()
    if command in {"cauhoi", "câuhỏi", "ch"}:
        return _list_questions(officer, tree, questions)
    if command in {"traloi", "trảlời", "tl"}:
        return _answer(
            officer,
            tree,
            arguments,
            questions=questions,
            conversations=conversations,
            sender=sender,
            event_key=event_key,
            now=now,
        )
    return [TextReply(texts.OFFICER_HELP + "\n" + texts.ROUTE_HELP)]
