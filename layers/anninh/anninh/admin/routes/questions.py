"""Pending questions: list them, answer one (relayed to the citizen through the citizen's OA)."""

from __future__ import annotations

from typing import Annotated, Literal

from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Header, Path, Query

from anninh import texts
from anninh.admin.errors import ApiError, route_responses, unit_not_found
from anninh.admin.routes import scope
from anninh.admin.schemas import (
    UNIT_ID_PATTERN,
    AnswerIn,
    AnswerOut,
    QuestionList,
    QuestionOut,
    QuestionStatus,
)
from anninh.observability import count, logger
from anninh.questions.service import answer_question
from anninh.zalo.errors import ZaloError

TAG = "questions"


def build_router() -> Router:
    router = Router()

    @router.get(
        "/questions",
        tags=[TAG],
        summary=texts.ADMIN_DOC_QUESTIONS_LIST,
        responses=route_responses(texts.ADMIN_DOC_QUESTIONS_LIST_OK, 404),
    )
    def list_questions(
        unit_id: Annotated[str | None, Query(pattern=UNIT_ID_PATTERN)] = None,
        status: Annotated[QuestionStatus | None, Query()] = None,
        include_descendants: Annotated[bool, Query()] = False,
        limit: Annotated[int, Query(ge=1, le=500)] = 100,
    ) -> QuestionList:
        deps = scope(router).deps
        tree = deps.tree()
        if unit_id is None:
            unit_ids = [u.unit_id for u in tree]
        elif tree.get(unit_id) is None:
            raise unit_not_found(unit_id)
        elif include_descendants:
            unit_ids = [unit_id, *(u.unit_id for u in tree.descendants(unit_id))]
        else:
            unit_ids = [unit_id]
        found = [q for uid in unit_ids for q in deps.questions.list_unit(uid, status=status, limit=limit)]
        newest = sorted(found, key=lambda q: q.question_id)[-limit:]
        return QuestionList(questions=[QuestionOut.of(q) for q in newest])

    @router.post(
        "/questions/<code>/answer",
        tags=[TAG],
        summary=texts.ADMIN_DOC_QUESTION_ANSWER,
        description=texts.ADMIN_DOC_QUESTION_ANSWER_DETAIL,
        responses=route_responses(texts.ADMIN_DOC_QUESTION_ANSWER_OK, 404, 409, 502),
    )
    def answer(
        code: Annotated[str, Path(min_length=3, max_length=24, description=texts.ADMIN_DOC_QUESTION_CODE)],
        body: AnswerIn,
        idempotency_key: Annotated[str | None, Header(min_length=1, max_length=128)] = None,
    ) -> AnswerOut:
        current = scope(router)
        deps = current.deps
        by = body.answered_by or current.actor.display_name
        try:
            outcome = answer_question(
                questions=deps.questions,
                conversations=deps.conversations,
                sender=deps.sender,
                tree=deps.tree(),
                code=code,
                answer=body.answer,
                answered_by=by,
                relay_key=f"admin:{idempotency_key or current.request_id}",
                now=deps.clock(),
            )
        except ZaloError as exc:
            count("AdminAnswerRelayFailed", code=exc.label)
            logger.warning("answer recorded, relay failed", extra={"code": code, "zalo": exc.label})
            raise ApiError(502, "zalo_unavailable", texts.ADMIN_RELAY_FAILED) from exc
        logger.info(
            "question answered",
            extra={"code": outcome.code, "outcome": outcome.status, "actor": current.actor.id},
        )
        count("AdminAnswers", outcome=outcome.status)
        if outcome.status == "not_found":
            raise ApiError(
                404, "question_not_found", texts.ADMIN_QUESTION_NOT_FOUND.format(code=outcome.code)
            )
        if outcome.status == "ambiguous":
            raise ApiError(409, "ambiguous_code", texts.CODE_AMBIGUOUS.format(code=outcome.code))
        if outcome.status == "already_answered":
            by_whom = outcome.question.answered_by if outcome.question else None
            message = texts.ADMIN_ALREADY_ANSWERED.format(code=outcome.code, answered_by=by_whom)
            raise ApiError(409, "already_answered", message)
        assert outcome.question is not None
        delivered: Literal["sent", "not_delivered"] = "sent" if outcome.status == "sent" else "not_delivered"
        return AnswerOut(status=delivered, question=QuestionOut.of(outcome.question))

    return router
