"""Officer registry: list a unit's officers, add or replace one, remove one."""

from __future__ import annotations

from typing import Annotated

from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Path, Query

from anninh import texts
from anninh.admin.errors import ApiError, route_responses, unit_not_found
from anninh.admin.routes import scope
from anninh.admin.schemas import (
    UNIT_ID_PATTERN,
    USER_ID_PATTERN,
    OfficerIn,
    OfficerList,
    OfficerOut,
    OfficerRemoved,
)
from anninh.observability import count, logger, pseudonym
from anninh.officers.model import OfficerError, Shift
from anninh.officers.registry import officer_for_unit

TAG = "officers"
UnitId = Annotated[str, Path(pattern=UNIT_ID_PATTERN, description=texts.ADMIN_DOC_OFFICER_UNIT_ID)]
UserId = Annotated[str, Path(pattern=USER_ID_PATTERN, description=texts.ADMIN_DOC_OFFICER_USER_ID)]


def build_router() -> Router:
    router = Router()

    @router.get(
        "/officers",
        tags=[TAG],
        summary=texts.ADMIN_DOC_OFFICERS_LIST,
        responses=route_responses(texts.ADMIN_DOC_OFFICERS_LIST_OK, 404),
    )
    def list_officers(unit_id: Annotated[str, Query(pattern=UNIT_ID_PATTERN)]) -> OfficerList:
        deps = scope(router).deps
        if deps.units.get(unit_id) is None:
            raise unit_not_found(unit_id)
        officers = sorted(deps.officers.list_unit(unit_id), key=lambda o: (o.role, o.name))
        return OfficerList(officers=[OfficerOut.of(o) for o in officers])

    @router.put(
        "/officers/<unit_id>/<user_id>",
        tags=[TAG],
        summary=texts.ADMIN_DOC_OFFICER_PUT,
        responses=route_responses(texts.ADMIN_DOC_OFFICER_PUT_OK, 400, 404),
    )
    def put_officer(unit_id: UnitId, user_id: UserId, body: OfficerIn) -> OfficerOut:
        current = scope(router)
        unit = current.deps.units.get(unit_id)
        if unit is None:
            raise unit_not_found(unit_id)
        try:
            officer = officer_for_unit(
                unit,
                user_id=user_id,
                name=body.name,
                role=body.role,
                active=body.active,
                shifts=[
                    Shift(days=tuple(sorted(set(s.days))), start=s.start, end=s.end) for s in body.shifts
                ],
                alerts=body.alerts,
            )
        except OfficerError as exc:
            code = "unit_without_oa" if not unit.oa_id else "invalid_officer"
            raise ApiError(400, code, str(exc)) from exc
        current.deps.officers.save(officer)
        count("OfficersSaved")
        logger.info(
            "officer saved",
            extra={"unit_id": unit_id, "officer": pseudonym(user_id), "actor": current.actor.id},
        )
        return OfficerOut.of(officer)

    @router.delete(
        "/officers/<unit_id>/<user_id>",
        tags=[TAG],
        summary=texts.ADMIN_DOC_OFFICER_DELETE,
        responses=route_responses(texts.ADMIN_DOC_OFFICER_DELETE_OK, 404),
    )
    def delete_officer(unit_id: UnitId, user_id: UserId) -> OfficerRemoved:
        current = scope(router)
        if current.deps.units.get(unit_id) is None:
            raise unit_not_found(unit_id)
        if not current.deps.officers.remove(unit_id, user_id):
            message = texts.ADMIN_OFFICER_NOT_FOUND.format(unit_id=unit_id, user_id=user_id)
            raise ApiError(404, "officer_not_found", message)
        count("OfficersRemoved")
        logger.info(
            "officer removed",
            extra={"unit_id": unit_id, "officer": pseudonym(user_id), "actor": current.actor.id},
        )
        return OfficerRemoved(unit_id=unit_id, user_id=user_id)

    return router
