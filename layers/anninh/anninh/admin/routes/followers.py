"""POST /admin/followers/{unit_id}/sync — back-fill one slice of an OA's followers from Zalo's list."""

from __future__ import annotations

from typing import Annotated

from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Path
from pydantic import Field

from anninh import texts
from anninh.admin.errors import ApiError, route_responses, unit_not_found
from anninh.admin.routes import scope
from anninh.admin.schemas import UNIT_ID_PATTERN, Strict
from anninh.followers.sync import sync_slice
from anninh.observability import count, logger
from anninh.stats.counters import move
from anninh.zalo.client import FOLLOWERS_PAGE_MAX
from anninh.zalo.errors import ZaloError

TAG = "followers"
MAX_PAGES_PER_CALL = 20  # 1,000 followers: well inside API Gateway's 30 s


class SyncIn(Strict):
    offset: int = Field(
        default=0, ge=0, multiple_of=FOLLOWERS_PAGE_MAX, description="next_offset of the last call"
    )


class SyncOut(Strict):
    unit_id: str
    synced: int = Field(description="Followers recorded by this call")
    total: int = Field(description="Zalo's follower count")
    next_offset: int
    done: bool
    capped: bool = Field(description="Stopped at Zalo's offset cap (9,951): the rest cannot be listed")
    newly_following: int = Field(default=0, description="Synced followers not recorded as following before")


def build_router() -> Router:
    router = Router()

    @router.post(
        "/followers/<unit_id>/sync",
        tags=[TAG],
        summary=texts.ADMIN_DOC_FOLLOWERS_SYNC,
        responses=route_responses(texts.ADMIN_DOC_FOLLOWERS_SYNC_OK, 400, 404, 502),
    )
    def sync_followers(unit_id: Annotated[str, Path(pattern=UNIT_ID_PATTERN)], body: SyncIn) -> SyncOut:
        current = scope(router)
        deps = current.deps
        unit = deps.units.get(unit_id)
        if unit is None:
            raise unit_not_found(unit_id)
        if not unit.oa_id:
            raise ApiError(400, "unit_without_oa", texts.ADMIN_FOLLOWERS_NO_OA.format(unit_id=unit_id))
        assert deps.followers is not None and deps.follower_lister is not None
        try:
            result = sync_slice(
                deps.follower_lister,
                deps.followers,
                unit.oa_id,
                deps.clock(),
                offset=body.offset,
                max_pages=MAX_PAGES_PER_CALL,
            )
        except ZaloError as exc:
            raise ApiError(502, "zalo_error", str(exc)) from exc
        if result.done and not result.capped and deps.stats is not None:
            # The whole list was read: Zalo's own count is the unit's followers_total (anninh.stats).
            deps.stats.set_level(unit_id, "followers_total", result.total)
        else:
            move(unit_id, "followers_total", result.newly_following)
        count("FollowersSynced", value=result.synced)
        logger.info(
            "followers synced",
            extra={
                "unit_id": unit_id,
                "synced": result.synced,
                "capped": result.capped,
                "actor": current.actor.id,
            },
        )
        return SyncOut(unit_id=unit_id, **result.__dict__)

    return router
