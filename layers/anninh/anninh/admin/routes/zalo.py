"""POST /admin/zalo/{unit_id}/doctor — ask Zalo what the unit's OA accepts (docs/zalo-platform.md), record it;
PUT /admin/zalo/{unit_id}/form-image — the unit's own picture on Zalo's contact form (null: the default);
GET|PUT /admin/zalo/{unit_id}/quota — the OA's article broadcasts this month and its allowance
(anninh.broadcasts.quota)."""

from __future__ import annotations

from typing import Annotated, Any

from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Path
from pydantic import Field

from anninh import texts
from anninh.admin.deps import AdminDeps, ZaloTools
from anninh.admin.errors import ApiError, route_responses, unit_not_found
from anninh.admin.routes import scope
from anninh.admin.schemas import UNIT_ID_PATTERN, Strict
from anninh.broadcasts.quota import ArticleQuota
from anninh.observability import count, logger
from anninh.zalo.doctor import run_doctor

TAG = "zalo"


class DoctorIn(Strict):
    send_test_to: str | None = Field(
        default=None,
        pattern=r"^[0-9]{1,32}$",
        description="Zalo user_id of an officer who wrote to the OA within 7 days: gets one message per kind",
    )


class DoctorOut(Strict):
    unit_id: str
    report: dict[str, Any]


class FormImageIn(Strict):
    url: str | None = Field(
        default=None, max_length=1000, description="https:// picture, or null for the default"
    )


class FormImageOut(Strict):
    unit_id: str
    url: str | None


class QuotaIn(Strict):
    broadcasts_per_month: int = Field(
        ge=0, le=1000, description="article broadcasts to every follower a month (Vietnam calendar month)"
    )


class QuotaOut(Strict):
    unit_id: str
    month: str
    broadcasts_per_month: int
    source: str  # "configured" (the OA's own) or "default"
    used: int
    remaining: int
    exhausted: bool  # Zalo answered out of quota this month


def _zalo(deps: AdminDeps) -> ZaloTools:
    # build_admin_deps always gives it; a harness without it routes no Zalo call.
    assert deps.zalo is not None
    return deps.zalo


def _quota(deps: AdminDeps) -> ArticleQuota:
    # build_admin_deps always gives it; a harness without it routes no quota call.
    assert deps.article_quota is not None
    return deps.article_quota


def _unit_oa(deps: AdminDeps, unit_id: str) -> str:
    unit = deps.units.get(unit_id)
    if unit is None:
        raise unit_not_found(unit_id)
    if not unit.oa_id:
        raise ApiError(400, "unit_without_oa", texts.ADMIN_ZALO_NO_OA.format(unit_id=unit_id))
    return str(unit.oa_id)


def build_router() -> Router:
    router = Router()

    @router.post(
        "/zalo/<unit_id>/doctor",
        tags=[TAG],
        summary=texts.ADMIN_DOC_ZALO_DOCTOR,
        responses=route_responses(texts.ADMIN_DOC_ZALO_DOCTOR_OK, 400, 404),
    )
    def doctor(unit_id: Annotated[str, Path(pattern=UNIT_ID_PATTERN)], body: DoctorIn) -> DoctorOut:
        current = scope(router)
        deps = current.deps
        oa_id = _unit_oa(deps, unit_id)
        zalo = _zalo(deps)
        assert deps.form_picture is not None
        picture = deps.form_picture(oa_id)
        report = run_doctor(
            zalo.client,
            oa_id,
            test_user=body.send_test_to,
            picture_url=picture,
            repository=zalo.capabilities,
            memory=zalo.client.menu_memory,
            now=deps.clock(),
            article_quota=deps.article_quota.status(oa_id, deps.clock()) if deps.article_quota else None,
        )
        count("ZaloDoctorRuns")
        logger.info(
            "zalo doctor",
            extra={"unit_id": unit_id, "menu_mode": report.get("menu_mode"), "actor": current.actor.id},
        )
        return DoctorOut(unit_id=unit_id, report=report)

    @router.put(
        "/zalo/<unit_id>/form-image",
        tags=[TAG],
        summary=texts.ADMIN_DOC_ZALO_FORM_IMAGE,
        responses=route_responses(texts.ADMIN_DOC_ZALO_FORM_IMAGE_OK, 400, 404),
    )
    def form_image(unit_id: Annotated[str, Path(pattern=UNIT_ID_PATTERN)], body: FormImageIn) -> FormImageOut:
        current = scope(router)
        deps = current.deps
        oa_id = _unit_oa(deps, unit_id)
        url = (body.url or "").strip() or None
        if url is not None and not url.startswith("https://"):
            raise ApiError(400, "bad_picture", texts.ADMIN_ZALO_BAD_PICTURE)
        _zalo(deps).capabilities.set_form_image(oa_id, url, deps.clock())
        logger.info("zalo form picture set", extra={"unit_id": unit_id, "actor": current.actor.id})
        return FormImageOut(unit_id=unit_id, url=url)

    @router.get(
        "/zalo/<unit_id>/quota",
        tags=[TAG],
        summary=texts.ADMIN_DOC_ZALO_QUOTA,
        responses=route_responses(texts.ADMIN_DOC_ZALO_QUOTA_OK, 400, 404),
    )
    def get_quota(unit_id: Annotated[str, Path(pattern=UNIT_ID_PATTERN)]) -> QuotaOut:
        deps = scope(router).deps
        oa_id = _unit_oa(deps, unit_id)
        return QuotaOut.model_validate({"unit_id": unit_id, **_quota(deps).status(oa_id, deps.clock())})

    @router.put(
        "/zalo/<unit_id>/quota",
        tags=[TAG],
        summary=texts.ADMIN_DOC_ZALO_QUOTA_SET,
        responses=route_responses(texts.ADMIN_DOC_ZALO_QUOTA_OK, 400, 404),
    )
    def set_quota(unit_id: Annotated[str, Path(pattern=UNIT_ID_PATTERN)], body: QuotaIn) -> QuotaOut:
        current = scope(router)
        deps = current.deps
        oa_id = _unit_oa(deps, unit_id)
        quota = _quota(deps)
        quota.set_allowance(oa_id, body.broadcasts_per_month, deps.clock())
        logger.info(
            "article broadcast allowance set",
            extra={"unit_id": unit_id, "per_month": body.broadcasts_per_month, "actor": current.actor.id},
        )
        return QuotaOut.model_validate({"unit_id": unit_id, **quota.status(oa_id, deps.clock())})

    return router
