"""Refusals the routes raise; the resolver turns each into a JSON :class:`~anninh.admin.schemas.ErrorBody`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from anninh import texts

if TYPE_CHECKING:  # pragma: no cover
    from aws_lambda_powertools.event_handler.openapi.types import OpenAPIResponse


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def unit_not_found(unit_id: str) -> ApiError:
    return ApiError(404, "unit_not_found", texts.ADMIN_UNIT_NOT_FOUND.format(unit_id=unit_id))


def route_responses(ok: str, *statuses: int) -> dict[int, OpenAPIResponse]:
    """OpenAPI ``responses`` of a route: 200 (described by ``ok``, schema from the return type) and the
    refusals it may give besides 401/403/422, each an ErrorBody."""
    from anninh.admin.schemas import ErrorBody

    wanted = sorted({401, 403, 422, *statuses})
    responses: dict[int, OpenAPIResponse] = {200: {"description": ok}}
    for status in wanted:
        responses[status] = {
            "description": texts.ADMIN_DOC_REFUSALS[status],
            "content": {"application/json": {"model": ErrorBody}},
        }
    return responses
