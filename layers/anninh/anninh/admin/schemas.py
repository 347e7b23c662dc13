"""Request and response bodies of the admin API (pydantic: validated on the way in and out, and the source
of the committed OpenAPI document)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from anninh import texts
from anninh.officers.model import Officer
from anninh.officers.roles import AlertMode, Role
from anninh.questions.model import PendingQuestion
from anninh.units.model import Unit

UNIT_ID_PATTERN = r"^[a-z0-9][a-z0-9-]{1,62}$"
USER_ID_PATTERN = r"^[0-9]{1,32}$"
HHMM_PATTERN = r"^([01]\d|2[0-3]):[0-5]\d$"

QuestionStatus = Literal["open", "answered"]
Day = Annotated[int, Field(ge=0, le=6, description=texts.ADMIN_DOC_DAY)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class ErrorBody(Strict):
    """Every refusal: ``code`` for programs (English), ``message`` for people (Vietnamese)."""

    code: str = Field(examples=["not_found"])
    message: str
    errors: list[dict[str, object]] | None = Field(
        default=None, description="Per-field problems of a request that failed validation."
    )


class UnitHistoryOut(Strict):
    at: str = Field(description="UTC, ISO 8601")
    kind: str = Field(description="merged_into | merged_from | renamed")
    detail: str


class UnitOut(Strict):
    unit_id: str
    name: str
    level: str
    parent_id: str | None
    oa_id: str | None
    hotline: str | None
    code: str | None = Field(default=None, description="Official code, also the tip-code prefix")
    merged_into: str | None = Field(default=None, description="Set when merged into that unit")
    history: list[UnitHistoryOut] = Field(
        default_factory=list, description="Mergers and renames, oldest first"
    )

    @classmethod
    def of(cls, unit: Unit) -> UnitOut:
        return cls(
            unit_id=unit.unit_id,
            name=unit.name,
            level=unit.level,
            parent_id=unit.parent_id,
            oa_id=unit.oa_id,
            hotline=unit.hotline,
            code=unit.code,
            merged_into=unit.merged_into,
            history=[UnitHistoryOut(at=h.at, kind=h.kind, detail=h.detail) for h in unit.history],
        )


class UnitList(Strict):
    units: list[UnitOut] = Field(description="Roots first, each unit followed by its descendants.")


class ShiftIn(Strict):
    days: list[Day] = Field(min_length=1, max_length=7)
    start: str = Field(pattern=HHMM_PATTERN, examples=["07:30"])
    end: str = Field(
        pattern=HHMM_PATTERN, examples=["17:00"], description="At or before start: runs past midnight."
    )


class OfficerIn(Strict):
    name: str = Field(min_length=1, max_length=100)
    role: Role
    active: bool = True
    shifts: list[ShiftIn] = Field(default_factory=list, max_length=21)
    alerts: AlertMode = Field(
        default="immediate",
        description="New non-urgent tips: at once (immediate) or in the hourly digest; urgent ones at once.",
    )


class OfficerOut(Strict):
    unit_id: str
    user_id: str
    name: str
    role: Role
    oa_id: str
    active: bool
    shifts: list[ShiftIn]
    alerts: AlertMode

    @classmethod
    def of(cls, officer: Officer) -> OfficerOut:
        return cls(
            unit_id=officer.unit_id,
            user_id=officer.user_id,
            name=officer.name,
            role=officer.role,  # type: ignore[arg-type]
            oa_id=officer.oa_id,
            active=officer.active,
            shifts=[ShiftIn(days=list(s.days), start=s.start, end=s.end) for s in officer.shifts],
            alerts=officer.alerts,  # type: ignore[arg-type]
        )


class OfficerList(Strict):
    officers: list[OfficerOut]


class OfficerRemoved(Strict):
    unit_id: str
    user_id: str
    removed: Literal[True] = True


class QuestionOut(Strict):
    """A pending question. The citizen's Zalo user id is never exposed; replies go through the API."""

    code: str
    unit_id: str
    status: QuestionStatus
    text: str
    created_at: datetime
    faq_candidate: str | None
    answer: str | None
    answered_by: str | None
    answered_at: datetime | None

    @classmethod
    def of(cls, question: PendingQuestion) -> QuestionOut:
        return cls(
            code=question.code,
            unit_id=question.unit_id,
            status=question.status,  # type: ignore[arg-type]
            text=question.text,
            created_at=question.created_at,
            faq_candidate=question.faq_candidate,
            answer=question.answer,
            answered_by=question.answered_by,
            answered_at=question.answered_at,
        )


class QuestionList(Strict):
    questions: list[QuestionOut] = Field(description="Oldest first.")


class AnswerIn(Strict):
    answer: str = Field(min_length=1, max_length=2000)
    answered_by: str | None = Field(
        default=None,
        min_length=1,
        max_length=100,
        description="Who answers, as officers will see it; the authenticated caller when omitted.",
    )


class AnswerOut(Strict):
    status: Literal["sent", "not_delivered"] = Field(
        description="sent: relayed to the citizen; not_delivered: recorded, but Zalo's messaging window "
        "(or a block) refused the relay."
    )
    question: QuestionOut
