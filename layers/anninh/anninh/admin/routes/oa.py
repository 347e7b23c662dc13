"""OA onboarding: health of every OA (GET /admin/oa), secret keys import (POST /admin/oa/import) and the
OAuth consent link of one unit (POST /admin/oa/connect; Zalo then calls GET /zalo/oauth/callback)."""

from __future__ import annotations

from typing import Annotated

from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Query

from anninh import texts
from anninh.admin.deps import OaOnboarding
from anninh.admin.errors import ApiError, route_responses, unit_not_found
from anninh.admin.oa_schemas import (
    ConnectIn,
    ConnectOut,
    OaHealthList,
    OaHealthOut,
    PlannedRowOut,
    SecretImportIn,
    SecretImportOut,
)
from anninh.admin.routes import scope
from anninh.admin.schemas import UNIT_ID_PATTERN
from anninh.oa.consent import CALLBACK_PATH, consent_url, start_consent
from anninh.oa.health import TokenFacts, assess
from anninh.oa.secrets_import import UNCHANGED, ImportRefused, SecretRow, import_secrets
from anninh.observability import count, logger

TAG = "oa"


def _onboarding(router: Router) -> OaOnboarding:
    deps = scope(router).deps
    if deps.oa is None:
        raise ApiError(400, "oa_not_configured", texts.OA_NOT_CONFIGURED)
    return deps.oa


def build_router() -> Router:
    router = Router()

    @router.get(
        "/oa",
        tags=[TAG],
        summary=texts.ADMIN_DOC_OA_STATUS,
        responses=route_responses(texts.ADMIN_DOC_OA_STATUS_OK, 404),
    )
    def oa_status(
        unit_id: Annotated[str | None, Query(pattern=UNIT_ID_PATTERN)] = None,
    ) -> OaHealthList:
        current = scope(router)
        deps, oa = current.deps, _onboarding(router)
        tree = deps.tree()
        if unit_id is not None and tree.get(unit_id) is None:
            raise unit_not_found(unit_id)
        units = [u for u in tree if u.oa_id and (unit_id is None or u.unit_id == unit_id)]
        secrets = oa.secrets.present()
        statuses = oa.status.all() if unit_id is None else {}
        now = deps.clock()
        rows = []
        for unit in sorted(units, key=lambda u: u.unit_id):
            assert unit.oa_id is not None
            record = oa.tokens.get(unit.oa_id)
            status = statuses.get(unit.oa_id) if unit_id is None else oa.status.get(unit.oa_id)
            health = assess(
                unit.unit_id,
                unit.name,
                unit.oa_id,
                secret_present=unit.oa_id in secrets,
                token=TokenFacts(record.expires_at, record.version) if record else None,
                status=status,
                now=now,
            )
            rows.append(OaHealthOut(**health.as_json()))
        count("OaStatusChecked", len(rows))
        return OaHealthList(oas=rows)

    @router.post(
        "/oa/import",
        tags=[TAG],
        summary=texts.ADMIN_DOC_OA_IMPORT,
        responses=route_responses(texts.ADMIN_DOC_OA_IMPORT_OK, 400),
    )
    def oa_import(body: SecretImportIn) -> SecretImportOut:
        current = scope(router)
        oa = _onboarding(router)
        rows = [SecretRow(r.row, r.oa_id.strip(), r.unit_id.strip(), r.oa_secret_key) for r in body.rows]
        try:
            plan = import_secrets(rows, current.deps.units, oa.secrets, dry_run=body.dry_run)
        except ImportRefused as refused:
            raise ApiError(
                400, "invalid_rows", texts.OA_IMPORT_REFUSED.format(problems="; ".join(refused.problems))
            ) from refused
        written = 0 if body.dry_run else sum(1 for p in plan if p.secret != UNCHANGED)
        bound = 0 if body.dry_run else sum(1 for p in plan if p.binds_unit)
        logger.info(
            "oa secrets imported",
            extra={"rows": len(plan), "written": written, "bound": bound, "dry_run": body.dry_run},
        )
        return SecretImportOut(
            dry_run=body.dry_run,
            rows=[PlannedRowOut(**vars(p)) for p in plan],
            secrets_written=written,
            units_bound=bound,
        )

    @router.post(
        "/oa/connect",
        tags=[TAG],
        summary=texts.ADMIN_DOC_OA_CONNECT,
        responses=route_responses(texts.ADMIN_DOC_OA_CONNECT_OK, 400, 404),
    )
    def oa_connect(body: ConnectIn) -> ConnectOut:
        current = scope(router)
        oa = _onboarding(router)
        unit = current.deps.units.get(body.unit_id)
        if unit is None:
            raise unit_not_found(body.unit_id)
        if not unit.oa_id:
            raise ApiError(400, "unit_without_oa", texts.OA_CONNECT_NO_OA.format(unit_id=unit.unit_id))
        context = router.current_event.get("requestContext") or {}
        host = str(context.get("domainName") or "")
        if not host:
            raise ApiError(400, "no_host", texts.OA_CONNECT_NO_HOST)
        scheme = "http" if oa.plain_http_callback else "https"
        redirect_uri = f"{scheme}://{host}{CALLBACK_PATH}"
        pending = start_consent(oa.status, unit.unit_id, unit.oa_id, redirect_uri, current.deps.clock())
        logger.info("oa consent started", extra={"unit_id": unit.unit_id, "oa_id": unit.oa_id})
        return ConnectOut(
            unit_id=unit.unit_id,
            oa_id=unit.oa_id,
            consent_url=consent_url(
                oa.oauth_base_url, oa.app_id, redirect_uri, pending.code_verifier, pending.state
            ),
            redirect_uri=redirect_uri,
            expires_at=pending.expires_at.isoformat(),
        )

    return router
