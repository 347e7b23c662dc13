"""The published FAQ knowledge base: list versions, publish a compiled base, roll back to the previous one."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from aws_lambda_powertools.event_handler.api_gateway import Router
from pydantic import Field

from anninh import texts
from anninh.admin.errors import ApiError, route_responses
from anninh.admin.routes import scope
from anninh.admin.schemas import Strict
from anninh.faq.published import KnowledgeBaseObjects, PublishError, publish, rollback

TAG = "faq"


class PublishIn(Strict):
    knowledge_base: dict[str, Any] = Field(description=texts.ADMIN_DOC_FAQ_BODY)


class VersionOut(Strict):
    version_id: str
    published_at: datetime
    is_latest: bool
    size: int


class VersionList(Strict):
    versions: list[VersionOut] = Field(description=texts.ADMIN_DOC_FAQ_VERSIONS_ORDER)


class Published(Strict):
    version_id: str


def _objects(router: Router) -> KnowledgeBaseObjects:
    objects = scope(router).deps.faq_objects
    if objects is None:
        raise ApiError(503, "faq_store_missing", texts.ADMIN_FAQ_STORE_MISSING)
    return objects


def build_router() -> Router:
    router = Router()

    @router.get(
        "/faq",
        tags=[TAG],
        summary=texts.ADMIN_DOC_FAQ_LIST,
        responses=route_responses(texts.ADMIN_DOC_FAQ_LIST),
    )
    def list_versions() -> VersionList:
        return VersionList(
            versions=[
                VersionOut(
                    version_id=v.version_id, published_at=v.published_at, is_latest=v.is_latest, size=v.size
                )
                for v in _objects(router).versions()
            ]
        )

    @router.put(
        "/faq",
        tags=[TAG],
        summary=texts.ADMIN_DOC_FAQ_PUBLISH,
        responses=route_responses(texts.ADMIN_DOC_FAQ_PUBLISH, 400),
    )
    def publish_base(body: PublishIn) -> Published:
        current = scope(router)
        try:
            version = publish(_objects(router), body.knowledge_base, current.actor.display_name)
        except PublishError as exc:
            raise ApiError(400, "invalid_knowledge_base", str(exc)) from exc
        return Published(version_id=version)

    @router.post(
        "/faq/rollback",
        tags=[TAG],
        summary=texts.ADMIN_DOC_FAQ_ROLLBACK,
        responses=route_responses(texts.ADMIN_DOC_FAQ_ROLLBACK, 409),
    )
    def rollback_base() -> Published:
        try:
            restored = rollback(_objects(router))
        except PublishError as exc:
            raise ApiError(409, "nothing_to_roll_back", str(exc)) from exc
        return Published(version_id=restored.version_id)

    return router
