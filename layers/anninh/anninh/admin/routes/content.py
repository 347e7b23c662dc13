"""Units' content: list, publish (create or replace) and remove news, wanted notices, ward officers and
patrol schedules."""

from __future__ import annotations

from typing import Annotated, Literal

from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Path, Query
from pydantic import Field

from anninh import texts
from anninh.admin.errors import ApiError, route_responses, unit_not_found
from anninh.admin.routes import scope
from anninh.admin.schemas import UNIT_ID_PATTERN, Strict
from anninh.content.model import ITEM_ID_PATTERN, ContentError, ContentItem, parse_item
from anninh.observability import count, logger
from anninh.store.content import ContentRepository

TAG = "content"
Kind = Literal["news", "wanted", "ward_officer", "patrol"]
UnitId = Annotated[str, Path(pattern=UNIT_ID_PATTERN, description=texts.ADMIN_DOC_CONTENT_UNIT_ID)]
ItemId = Annotated[str, Path(pattern=ITEM_ID_PATTERN, description=texts.ADMIN_DOC_CONTENT_ITEM_ID)]
Text = Annotated[str | None, Field(default=None, max_length=1000)]


class ContentIn(Strict):
    """The fields of one item; which are required depends on the kind (news: title, summary, date; wanted:
    name, summary, date; ward_officer: ward, officer; patrol: start, end, route, hours)."""

    title: Text = None
    summary: Text = None
    date: Text = Field(default=None, description=texts.ADMIN_DOC_CONTENT_DATE)
    link: Text = None
    image: Text = None
    name: Text = None
    ward: Text = None
    officer: Text = None
    phone: Text = None
    note: Text = None
    start: Text = None
    end: Text = None
    route: Text = None
    hours: Text = Field(default=None, description="HH:MM-HH:MM")


class ContentOut(Strict):
    unit_id: str
    kind: Kind
    item_id: str
    fields: dict[str, str]

    @classmethod
    def of(cls, item: ContentItem) -> ContentOut:
        return cls(unit_id=item.unit_id, kind=item.kind, item_id=item.item_id, fields=dict(item.fields))  # type: ignore[arg-type]


class ContentList(Strict):
    items: list[ContentOut]


class ContentRemoved(Strict):
    unit_id: str
    kind: Kind
    item_id: str


def _content(router: Router, unit_id: str) -> ContentRepository:
    deps = scope(router).deps
    if deps.units.get(unit_id) is None:
        raise unit_not_found(unit_id)
    assert deps.content is not None, "the admin function is built with a content repository"
    return deps.content


def build_router() -> Router:
    router = Router()

    @router.get(
        "/content",
        tags=[TAG],
        summary=texts.ADMIN_DOC_CONTENT_LIST,
        responses=route_responses(texts.ADMIN_DOC_CONTENT_LIST_OK, 404),
    )
    def list_content(
        unit_id: Annotated[str, Query(pattern=UNIT_ID_PATTERN)], kind: Annotated[Kind | None, Query()] = None
    ) -> ContentList:
        items = _content(router, unit_id).list_unit(unit_id, kind)
        return ContentList(items=[ContentOut.of(i) for i in sorted(items, key=lambda i: (i.kind, i.item_id))])

    @router.put(
        "/content/<unit_id>/<kind>/<item_id>",
        tags=[TAG],
        summary=texts.ADMIN_DOC_CONTENT_PUT,
        responses=route_responses(texts.ADMIN_DOC_CONTENT_PUT_OK, 400, 404),
    )
    def put_content(
        unit_id: UnitId, kind: Annotated[Kind, Path()], item_id: ItemId, body: ContentIn
    ) -> ContentOut:
        current = scope(router)
        repository = _content(router, unit_id)
        try:
            item = parse_item(unit_id, kind, item_id, body.model_dump(exclude_none=True))
        except ContentError as exc:
            raise ApiError(400, "invalid_content", texts.ADMIN_CONTENT_INVALID.format(error=exc)) from exc
        repository.put(item, current.deps.clock())
        count("ContentSaved", kind=kind)
        logger.info("content saved", extra={"unit_id": unit_id, "kind": kind, "actor": current.actor.id})
        return ContentOut.of(item)

    @router.delete(
        "/content/<unit_id>/<kind>/<item_id>",
        tags=[TAG],
        summary=texts.ADMIN_DOC_CONTENT_DELETE,
        responses=route_responses(texts.ADMIN_DOC_CONTENT_DELETE_OK, 404),
    )
    def delete_content(unit_id: UnitId, kind: Annotated[Kind, Path()], item_id: ItemId) -> ContentRemoved:
        current = scope(router)
        if not _content(router, unit_id).delete(unit_id, kind, item_id):
            message = texts.ADMIN_CONTENT_NOT_FOUND.format(kind=kind, item_id=item_id, unit_id=unit_id)
            raise ApiError(404, "content_not_found", message)
        count("ContentRemoved", kind=kind)
        logger.info("content removed", extra={"unit_id": unit_id, "kind": kind, "actor": current.actor.id})
        return ContentRemoved(unit_id=unit_id, kind=kind, item_id=item_id)

    return router
