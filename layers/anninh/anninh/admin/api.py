"""The admin API: a Powertools HTTP API resolver with request/response validation, behind authentication.

``AdminApi.handle`` authenticates the raw event first (401/403 before anything is parsed), then lets the
resolver validate and route it. Every refusal is JSON ``{"code": …, "message": …}``: English codes for
programs, Vietnamese messages for people.
"""

from __future__ import annotations

import json
from typing import Any, TypedDict

from aws_lambda_powertools.event_handler import APIGatewayHttpResolver, Response, content_types
from aws_lambda_powertools.event_handler.openapi.exceptions import RequestValidationError
from aws_lambda_powertools.event_handler.openapi.models import APIKey, APIKeyIn

from anninh import texts
from anninh.admin.auth import TOKEN_HEADER, Actor, AuthSettings, Refusal, authenticate
from anninh.admin.deps import AdminDeps, RequestScope
from anninh.admin.errors import ApiError
from anninh.admin.routes import broadcasts as broadcast_routes
from anninh.admin.routes import content as content_routes
from anninh.admin.routes import faq as faq_routes
from anninh.admin.routes import followers as follower_routes
from anninh.admin.routes import oa as oa_routes
from anninh.admin.routes import officers, questions, units
from anninh.admin.routes import stats as stats_routes
from anninh.admin.routes import tips as tip_routes
from anninh.admin.routes import unit_merges as unit_merge_routes
from anninh.admin.routes import zalo as zalo_routes
from anninh.observability import count, logger
from anninh.stats.counters import collecting
from anninh.stats.recording import record

PREFIX = "/admin"
OPENAPI_TITLE = texts.ADMIN_OPENAPI_TITLE
OPENAPI_VERSION = "1.0.0"
AREAS = (
    units,
    officers,
    questions,
    content_routes,
    follower_routes,
    tip_routes,
    broadcast_routes,
    faq_routes,
    stats_routes,
    oa_routes,
    zalo_routes,
    unit_merge_routes,
)


def _error(status: int, code: str, message: str, errors: list[FieldError] | None = None) -> Response[str]:
    body: dict[str, object] = {"code": code, "message": message}
    if errors is not None:
        body["errors"] = errors
    return Response(status_code=status, content_type=content_types.APPLICATION_JSON, body=json.dumps(body))


class FieldError(TypedDict):
    """One refused field of a request: where (the path of keys) and what (pydantic's type and message)."""

    loc: list[str]
    type: object
    msg: object


def _validation_errors(exc: RequestValidationError) -> list[FieldError]:
    """Where and what, never the submitted value (it may hold a citizen's data)."""
    return [
        {"loc": [str(part) for part in e.get("loc", ())], "type": e.get("type"), "msg": e.get("msg")}
        for e in exc.errors()
    ]


def build_resolver() -> APIGatewayHttpResolver:
    app = APIGatewayHttpResolver(enable_validation=True)
    for area in AREAS:
        app.include_router(area.build_router(), prefix=PREFIX)

    @app.exception_handler(ApiError)
    def on_api_error(exc: ApiError) -> Response[str]:
        return _error(exc.status, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    def on_invalid(exc: RequestValidationError) -> Response[str]:
        errors = _validation_errors(exc)
        where = ", ".join(".".join(e["loc"]) for e in errors[:5])
        return _error(422, "invalid_request", texts.ADMIN_INVALID_REQUEST.format(where=where), errors)

    @app.not_found
    def on_not_found(exc: Exception) -> Response[str]:
        return _error(404, "no_such_route", texts.ADMIN_NO_SUCH_ROUTE)

    return app


def _header_key(name: str, description: str) -> APIKey:
    return APIKey.model_validate({"in": APIKeyIn.header, "name": name, "description": description})


def openapi_json(app: APIGatewayHttpResolver | None = None) -> str:
    """The OpenAPI document of the admin API, exactly as committed in functions/admin/openapi.json."""
    app = app or build_resolver()
    return (
        app.get_openapi_json_schema(
            title=OPENAPI_TITLE,
            version=OPENAPI_VERSION,
            description=texts.ADMIN_OPENAPI_DESCRIPTION,
            security_schemes={
                "sigv4": _header_key(
                    "Authorization",
                    "AWS IAM Signature Version 4 (service execute-api), checked by API Gateway",
                ),
                "localToken": _header_key(TOKEN_HEADER, "Local stack only"),
            },
            security=[{"sigv4": []}, {"localToken": []}],
        )
        + "\n"
    )


class AdminApi:
    def __init__(self, deps: AdminDeps, auth: AuthSettings) -> None:
        self.deps = deps
        self.auth = auth
        self.app = build_resolver()

    def handle(self, event: dict[str, Any], context: Any) -> dict[str, Any]:
        caller = authenticate(event, self.auth)
        if isinstance(caller, Refusal):
            count("AdminRefused", reason=caller.code)
            logger.warning("admin request refused", extra={"reason": caller.code})
            body = json.dumps({"code": caller.code, "message": caller.message}, ensure_ascii=False)
            return {
                "statusCode": caller.status,
                "headers": {"content-type": content_types.APPLICATION_JSON},
                "body": body,
            }
        request_id = str((event.get("requestContext") or {}).get("requestId") or context.aws_request_id)
        logger.append_keys(actor=caller.id, route=event.get("routeKey"))
        logger.set_correlation_id(request_id)
        self.app.append_context(scope=RequestScope(actor=caller, deps=self.deps, request_id=request_id))
        # Tip status changes and answered questions count in the units' statistics, once per request.
        with collecting(self.deps.clock()) as collected:
            answer = self.app.resolve(event, context)
        if self.deps.stats is not None and int(answer.get("statusCode", 500)) < 400:
            record(self.deps.stats, collected, f"admin:{request_id}")
        return answer


__all__ = ["OPENAPI_TITLE", "Actor", "AdminApi", "build_resolver", "openapi_json"]
