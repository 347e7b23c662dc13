"""Broadcasts: create (with its EventBridge schedule), list, status, and cancel / pause / resume / preview."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Path
from pydantic import Field

from anninh import texts
from anninh.admin.deps import Broadcasting
from anninh.admin.errors import ApiError, route_responses
from anninh.admin.routes import scope
from anninh.admin.schemas import Strict
from anninh.broadcasts import service
from anninh.broadcasts.identifiers import Action, Audience
from anninh.broadcasts.model import ARTICLE_AUDIENCE, Broadcast, BroadcastError
from anninh.observability import count, logger
from anninh.zalo.errors import ZaloError

TAG = "broadcasts"
BroadcastId = Annotated[str, Path(pattern=r"^[0-9a-f]{12}$", description=texts.ADMIN_DOC_BROADCAST_ID)]


class ButtonIn(Strict):
    title: str = Field(max_length=100)
    url: str | None = Field(default=None, max_length=1000)
    payload: str | None = Field(default=None, max_length=200)


class BroadcastIn(Strict):
    unit_id: str = Field(max_length=64)
    include_descendants: bool = False
    audience: Audience = "7d"
    text: str = Field(max_length=2000)
    image_url: str | None = Field(default=None, max_length=1000)
    link: str | None = Field(default=None, max_length=1000)
    buttons: list[ButtonIn] = Field(default_factory=list, max_length=4)
    at: str | None = Field(default=None, description=texts.ADMIN_DOC_BROADCAST_AT)
    cron: str | None = Field(default=None, description=texts.ADMIN_DOC_BROADCAST_CRON)
    promotional: bool = Field(default=True, description=texts.ADMIN_DOC_BROADCAST_PROMOTIONAL)
    notice_id: str | None = Field(default=None, description=texts.ADMIN_DOC_BROADCAST_NOTICE)


class BroadcastOut(Strict):
    broadcast_id: str
    unit_id: str
    include_descendants: bool
    audience: str
    schedule: str
    status: str
    promotional: bool
    notice_id: str | None
    content: dict[str, Any]
    runs: dict[str, int]
    # "all" only: the unit's OA has no article broadcast left this month (anninh.broadcasts.quota): it will
    # be held unless its allowance is raised or the month turns.
    quota_exhausted: bool = False

    @classmethod
    def of(cls, b: Broadcast) -> BroadcastOut:
        return cls(
            broadcast_id=b.broadcast_id,
            unit_id=b.unit_id,
            include_descendants=b.include_descendants,
            audience=b.audience,
            schedule=b.schedule,
            status=b.status,
            promotional=b.promotional,
            notice_id=b.notice_id,
            content=b.content.as_json(),
            runs=dict(b.runs),
        )


class BroadcastList(Strict):
    items: list[BroadcastOut]


class ActionOut(Strict):
    broadcast_id: str
    status: str
    previewed: int = 0


def _broadcasting(router: Router) -> Broadcasting:
    broadcasting = scope(router).deps.broadcasting
    if broadcasting is None:
        raise ApiError(503, "broadcasts_unavailable", texts.ADMIN_BROADCASTS_UNAVAILABLE)
    return broadcasting


def _created(broadcast: Broadcast) -> datetime:
    """When it was created (stored without that time: when it last changed, else before all others)."""
    return broadcast.created_at or broadcast.updated_at or datetime.min.replace(tzinfo=UTC)


def _get(router: Router, broadcast_id: str) -> Broadcast:
    broadcast = _broadcasting(router).broadcasts.get(broadcast_id)
    if broadcast is None:
        raise ApiError(
            404, "broadcast_not_found", texts.ADMIN_BROADCAST_NOT_FOUND.format(broadcast_id=broadcast_id)
        )
    return broadcast


def build_router() -> Router:
    router = Router()

    @router.post(
        "/broadcasts",
        tags=[TAG],
        summary=texts.ADMIN_DOC_BROADCAST_CREATE,
        responses=route_responses(texts.ADMIN_DOC_BROADCAST_CREATE_OK, 400),
    )
    def create_broadcast(body: BroadcastIn) -> BroadcastOut:
        current, broadcasting = scope(router), _broadcasting(router)
        deps = current.deps
        try:
            broadcast = service.create(
                body.model_dump(exclude_none=True),
                deps.clock(),
                current.actor.id,
                broadcasting.broadcasts,
                deps.units,
                broadcasting.schedules,
                deps.content,
            )
        except BroadcastError as exc:
            raise ApiError(400, "invalid_broadcast", texts.ADMIN_BROADCAST_INVALID.format(error=exc)) from exc
        count("BroadcastCreated")
        logger.info(
            "broadcast created", extra={"broadcast_id": broadcast.broadcast_id, "actor": current.actor.id}
        )
        created = BroadcastOut.of(broadcast)
        unit = deps.units.get(broadcast.unit_id)
        if broadcast.audience == ARTICLE_AUDIENCE and deps.article_quota is not None and unit and unit.oa_id:
            month = deps.article_quota.status(unit.oa_id, deps.clock())
            remaining = month["remaining"]
            created.quota_exhausted = isinstance(remaining, int) and remaining <= 0
        return created

    @router.get(
        "/broadcasts",
        tags=[TAG],
        summary=texts.ADMIN_DOC_BROADCAST_LIST,
        responses=route_responses(texts.ADMIN_DOC_BROADCAST_LIST_OK),
    )
    def list_broadcasts() -> BroadcastList:
        items = sorted(_broadcasting(router).broadcasts.all(), key=_created)
        return BroadcastList(items=[BroadcastOut.of(b) for b in items])

    @router.get(
        "/broadcasts/<broadcast_id>/status",
        tags=[TAG],
        summary=texts.ADMIN_DOC_BROADCAST_STATUS,
        responses=route_responses(texts.ADMIN_DOC_BROADCAST_STATUS_OK, 404),
    )
    def broadcast_status(broadcast_id: BroadcastId) -> dict[str, Any]:
        broadcasting = _broadcasting(router)
        broadcast = _get(router, broadcast_id)
        progress = service.progress(
            broadcast,
            broadcasting.results,
            broadcasting.receipts,
            broadcasting.broadcasts,
            scope(router).deps.clock(),
        )
        return progress.as_json()

    @router.post(
        "/broadcasts/<broadcast_id>/<action>",
        tags=[TAG],
        summary=texts.ADMIN_DOC_BROADCAST_ACTION,
        responses=route_responses(texts.ADMIN_DOC_BROADCAST_ACTION_OK, 400, 404, 409, 502),
    )
    def broadcast_action(broadcast_id: BroadcastId, action: Annotated[Action, Path()]) -> ActionOut:
        current, broadcasting = scope(router), _broadcasting(router)
        deps = current.deps
        broadcast = _get(router, broadcast_id)
        try:
            if action == "preview":
                unit = deps.units.get(broadcast.unit_id)
                if unit is None or not unit.oa_id:
                    raise BroadcastError(texts.BROADCAST_ERROR_NO_OA.format(unit_id=broadcast.unit_id))
                sent = service.preview(broadcast, deps.officers, unit.oa_id, broadcasting.client)
                return ActionOut(broadcast_id=broadcast_id, status=broadcast.status, previewed=sent)
            changed = service.change(
                broadcast, action, deps.clock(), broadcasting.broadcasts, broadcasting.schedules
            )
        except BroadcastError as exc:
            raise ApiError(409, "broadcast_state", texts.ADMIN_BROADCAST_STATE.format(error=exc)) from exc
        except ZaloError as exc:
            message = (
                texts.ADMIN_BROADCAST_PREVIEW_NO_ANSWER
                if exc.code is None
                else texts.ADMIN_BROADCAST_PREVIEW_REFUSED.format(code=exc.code)
            )
            raise ApiError(502, "zalo_error", message) from exc
        logger.info(
            "broadcast changed",
            extra={"broadcast_id": broadcast_id, "action": action, "actor": current.actor.id},
        )
        return ActionOut(broadcast_id=broadcast_id, status=changed.status)

    return router
