"""Tips: list, view (with short-lived media links), change status, reply to the reporter, transfer, note,
and a CSV export for reports.

Administrators (IAM) reach every unit. Each view and media access is audited with the caller's identity.
Changes are conditional writes (409 when someone else changed the tip meanwhile); messages to the reporter
are relayed through the tip exactly once per Idempotency-Key (or per request when none is given), and a
request repeated with the same key by the same caller answers as the first one did.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Header, Path, Query
from aws_lambda_powertools.event_handler.openapi.types import OpenAPIResponse

from anninh import texts
from anninh.admin.deps import AdminDeps, RequestScope
from anninh.admin.errors import ApiError, route_responses, unit_not_found
from anninh.admin.routes import scope
from anninh.admin.schemas import UNIT_ID_PATTERN
from anninh.admin.tip_schemas import (
    AuditOut,
    Delivery,
    NoteIn,
    NoteSaved,
    ReplyIn,
    ReplySent,
    StatusIn,
    TipChanged,
    TipDetail,
    TipList,
    TipSummary,
    TransferIn,
)
from anninh.codes import AmbiguousCode, normalise_code
from anninh.observability import count, logger
from anninh.officers.model import VIETNAM
from anninh.tips.export import MAX_ROWS, tips_csv
from anninh.tips.identifiers import Status as TipStatus
from anninh.tips.media_links import MAX_LINK_SECONDS
from anninh.tips.model import TRANSITIONS, AuditEntry, MediaItem, Tip, TipError
from anninh.tips.ports import ConcurrentUpdate
from anninh.tips.relay import announce_transfer, push_status, relay_reply
from anninh.tips.service import change_status, status_detail, transfer
from anninh.units.tree import UnitTree
from anninh.zalo.errors import ZaloError

TAG = "tips"
Code = Annotated[
    str,
    Path(pattern=r"^[A-Za-z0-9-]{3,24}$", description=texts.ADMIN_DOC_TIP_CODE),
]
IdempotencyKey = Annotated[
    str | None,
    Header(
        min_length=1,
        max_length=128,
        description=texts.ADMIN_DOC_TIP_IDEMPOTENCY_KEY,
    ),
]
CSV_RESPONSE: OpenAPIResponse = {
    "description": texts.ADMIN_DOC_TIPS_CSV,
    "content": {"text/csv": {"schema": {"type": "string"}}},
}


def _find(deps: AdminDeps, code: str) -> Tip:
    try:
        tip = deps.tips.by_code(normalise_code(code))
    except AmbiguousCode as exc:
        raise ApiError(409, "ambiguous_code", texts.CODE_AMBIGUOUS.format(code=exc.code)) from exc
    if tip is None:
        raise ApiError(404, "tip_not_found", texts.ADMIN_TIP_NOT_FOUND.format(code=normalise_code(code)))
    return tip


def _unit_name(tree: UnitTree, unit_id: str) -> str:
    unit = tree.get(unit_id)
    return unit.name if unit else unit_id


def _subtree(tree: UnitTree, unit_id: str | None, include_descendants: bool) -> list[str]:
    if unit_id is None:
        return [u.unit_id for u in tree]
    if tree.get(unit_id) is None:
        raise unit_not_found(unit_id)
    if include_descendants:
        return [unit_id, *(u.unit_id for u in tree.descendants(unit_id))]
    return [unit_id]


def _repeated(deps: AdminDeps, tip: Tip, action: str, actor: str, detail_end: str) -> bool:
    """Whether this caller's latest ``action`` on the tip already did exactly this (a retried request)."""
    mine = [e for e in deps.tips.history(tip.tip_id) if e.action == action]
    return bool(mine) and mine[-1].actor == actor and mine[-1].detail.endswith(detail_end)


def _relay_key(current: RequestScope, idempotency_key: str | None) -> str:
    return f"admin:{idempotency_key or current.request_id}"


def _refused(exc: TipError, status: int = 409) -> ApiError:
    code = "invalid_transition" if status == 409 else "public_result_required"
    return ApiError(status, code, texts.ADMIN_TIP_REFUSED.format(reason=str(exc)))


def _concurrent(tip: Tip) -> ApiError:
    return ApiError(409, "concurrent_update", texts.ADMIN_TIP_CONCURRENT.format(code=tip.code))


def _relay_failed(tip: Tip, exc: ZaloError) -> ApiError:
    count("AdminTipRelayFailed", code=exc.label)
    logger.warning("tip change saved, relay failed", extra={"code": tip.code, "zalo": exc.label})
    return ApiError(502, "zalo_unavailable", texts.ADMIN_TIP_RELAY_FAILED.format(code=tip.code))


def _period(start: date | None, end: date | None, now: datetime) -> tuple[datetime, datetime]:
    """[first instant, last instant) in Vietnam time of the days asked for (the whole past by default)."""
    if start is not None and end is not None and start > end:
        message = texts.ADMIN_TIP_PERIOD_INVALID.format(start=start.isoformat(), end=end.isoformat())
        raise ApiError(422, "invalid_period", message)
    last_day = end or now.astimezone(VIETNAM).date()
    low = datetime.combine(start, time(0), VIETNAM) if start else datetime(2000, 1, 1, tzinfo=VIETNAM)
    return low, datetime.combine(last_day + timedelta(days=1), time(0), VIETNAM)


def build_router() -> Router:
    router = Router()

    @router.get(
        "/tips",
        tags=[TAG],
        summary=texts.ADMIN_DOC_TIPS_LIST,
        description=texts.ADMIN_DOC_TIPS_LIST_DETAIL,
        responses=route_responses(texts.ADMIN_DOC_TIPS_LIST_OK, 404),
    )
    def list_tips(
        unit_id: Annotated[str | None, Query(pattern=UNIT_ID_PATTERN)] = None,
        status: Annotated[TipStatus | None, Query()] = None,
        include_descendants: Annotated[bool, Query()] = False,
        urgent: Annotated[bool | None, Query(description=texts.ADMIN_DOC_TIPS_URGENT)] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 100,
    ) -> TipList:
        deps = scope(router).deps
        tree = deps.tree()
        found = [
            t
            for uid in _subtree(tree, unit_id, include_descendants)
            for t in deps.tips.list_unit(uid, status=status, limit=limit)
            if urgent is None or t.urgent == urgent
        ]
        newest = sorted(found, key=lambda t: t.tip_id, reverse=True)[:limit]
        newest.sort(key=lambda t: not t.urgent)
        return TipList(tips=[TipSummary.of(t, _unit_name(tree, t.unit_id)) for t in newest])

    @router.get(
        "/tips/export.csv",
        tags=[TAG],
        summary=texts.ADMIN_DOC_TIPS_EXPORT,
        description=texts.ADMIN_DOC_TIPS_EXPORT_DETAIL,
        responses={**route_responses("", 404), 200: CSV_RESPONSE},
    )
    def export_tips(
        unit_id: Annotated[str, Query(pattern=UNIT_ID_PATTERN)],
        from_: Annotated[
            date | None, Query(alias="from", description=texts.ADMIN_DOC_TIPS_EXPORT_FROM)
        ] = None,
        to: Annotated[date | None, Query(description=texts.ADMIN_DOC_TIPS_EXPORT_TO)] = None,
        include_descendants: Annotated[bool, Query()] = True,
    ) -> Response[str]:
        current = scope(router)
        deps = current.deps
        tree = deps.tree()
        units = _subtree(tree, unit_id, include_descendants)
        low, high = _period(from_, to, deps.clock())
        rows = sorted(
            (t for uid in units for t in deps.tips.list_created(uid, low, high)), key=lambda t: t.tip_id
        )
        if len(rows) > MAX_ROWS:
            message = texts.ADMIN_TIP_EXPORT_TOO_LARGE.format(count=len(rows), limit=MAX_ROWS)
            raise ApiError(400, "export_too_large", message)
        names = {uid: _unit_name(tree, uid) for uid in {t.unit_id for t in rows}}
        count("AdminTipExports")
        logger.info("tips exported", extra={"unit_id": unit_id, "rows": len(rows), "actor": current.actor.id})
        filename = (
            f"tin-bao-{unit_id}-{(from_ or low.date()).isoformat()}-{(high.date() - timedelta(days=1))}.csv"
        )
        return Response(
            status_code=200,
            content_type="text/csv; charset=utf-8",
            body=tips_csv(rows, names),
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )

    @router.get(
        "/tips/<code>",
        tags=[TAG],
        summary=texts.ADMIN_DOC_TIP_GET,
        description=texts.ADMIN_DOC_TIP_GET_DETAIL,
        responses=route_responses(texts.ADMIN_DOC_TIP_GET_OK, 404),
    )
    def get_tip(code: Code) -> TipDetail:
        current = scope(router)
        deps = current.deps
        tip = _find(deps, code)
        now = deps.clock()
        actor = current.actor.id
        stored = [m for m in tip.media if m.status == "stored" and m.s3_key]
        links = {m.media_id: deps.presign(m.s3_key) for m in stored if m.s3_key}
        deps.tips.audit(AuditEntry(tip.tip_id, now, "viewed", actor))
        if links:
            detail = texts.TIP_AUDIT_MEDIA_ACCESS.format(count=len(links))
            deps.tips.audit(AuditEntry(tip.tip_id, now, "media_access", actor, detail))
        count("AdminTipViews")
        logger.info("tip viewed", extra={"code": tip.code, "links": len(links), "actor": actor})

        def link(item: MediaItem) -> str | None:
            return links.get(item.media_id)

        expires = now + timedelta(seconds=MAX_LINK_SECONDS) if links else None
        history = deps.tips.history(tip.tip_id)
        return TipDetail.build(tip, _unit_name(deps.tree(), tip.unit_id), link, expires, history)

    @router.patch(
        "/tips/<code>",
        tags=[TAG],
        summary=texts.ADMIN_DOC_TIP_STATUS,
        description=texts.ADMIN_DOC_TIP_STATUS_DETAIL,
        responses=route_responses(texts.ADMIN_DOC_TIP_STATUS_OK, 404, 409, 502),
    )
    def update_tip(code: Code, body: StatusIn, idempotency_key: IdempotencyKey = None) -> TipChanged:
        current = scope(router)
        deps = current.deps
        tip = _find(deps, code)
        actor = current.actor.id
        retried = idempotency_key is not None and _repeated(
            deps, tip, "status", actor, status_detail("", body.status, idempotency_key)
        )
        if retried and tip.status == body.status:
            updated = tip  # the same request again: nothing to write; the push below goes out at most once
        else:
            try:
                updated = change_status(
                    deps.tips, tip, body.status, body.public_result, actor, deps.clock(), idempotency_key
                )
            except TipError as exc:
                raise _refused(exc, 409 if body.status not in TRANSITIONS[tip.status] else 422) from exc
            except ConcurrentUpdate as exc:
                raise _concurrent(tip) from exc
        try:
            pushed = push_status(
                updated, deps.conversations, deps.sender, _relay_key(current, idempotency_key)
            )
        except ZaloError as exc:
            raise _relay_failed(tip, exc) from exc
        delivery: Delivery = "sent" if pushed else "not_delivered"
        count("AdminTipStatusChanges", delivery=delivery)
        logger.info("tip status set", extra={"code": tip.code, "status": updated.status, "actor": actor})
        return TipChanged(delivery=delivery, tip=TipSummary.of(updated, _unit_name(deps.tree(), tip.unit_id)))

    @router.post(
        "/tips/<code>/reply",
        tags=[TAG],
        summary=texts.ADMIN_DOC_TIP_REPLY,
        responses=route_responses(texts.ADMIN_DOC_TIP_REPLY_OK, 404, 502),
    )
    def reply(code: Code, body: ReplyIn, idempotency_key: IdempotencyKey = None) -> ReplySent:
        current = scope(router)
        deps = current.deps
        tip = _find(deps, code)
        try:
            sent = relay_reply(
                deps.tips,
                deps.conversations,
                deps.sender,
                tip,
                body.text,
                actor=current.actor.id,
                relay_key=_relay_key(current, idempotency_key),
                now=deps.clock(),
            )
        except ZaloError as exc:
            raise _relay_failed(tip, exc) from exc
        delivery: Delivery = "sent" if sent else "not_delivered"
        count("AdminTipReplies", delivery=delivery)
        logger.info(
            "tip reply relayed", extra={"code": tip.code, "delivery": delivery, "actor": current.actor.id}
        )
        return ReplySent(code=tip.code, delivery=delivery)

    @router.post(
        "/tips/<code>/transfer",
        tags=[TAG],
        summary=texts.ADMIN_DOC_TIP_TRANSFER,
        responses=route_responses(texts.ADMIN_DOC_TIP_TRANSFER_OK, 404, 409),
    )
    def transfer_tip(code: Code, body: TransferIn) -> TipChanged:
        current = scope(router)
        deps = current.deps
        tip = _find(deps, code)
        tree = deps.tree()
        if tree.get(body.unit_id) is None:
            raise unit_not_found(body.unit_id)
        actor = current.actor.id
        if tip.unit_id == body.unit_id and _repeated(deps, tip, "transfer", actor, f"→ {body.unit_id}"):
            updated = tip  # the same request again
        else:
            try:
                updated = transfer(deps.tips, tree, tip, body.unit_id, actor, deps.clock())
            except TipError as exc:
                raise _refused(exc) from exc
            except ConcurrentUpdate as exc:
                raise _concurrent(tip) from exc
            announce_transfer(
                updated,
                _unit_name(tree, tip.unit_id),
                tree,
                deps.officers,
                deps.conversations,
                deps.sender,
                f"admin-transfer:{tip.tip_id}:{updated.version}",
                deps.clock(),
            )
        count("AdminTipTransfers")
        logger.info("tip transferred", extra={"code": tip.code, "to": updated.unit_id, "actor": actor})
        return TipChanged(tip=TipSummary.of(updated, _unit_name(tree, updated.unit_id)))

    @router.post(
        "/tips/<code>/notes",
        tags=[TAG],
        summary=texts.ADMIN_DOC_TIP_NOTE,
        responses=route_responses(texts.ADMIN_DOC_TIP_NOTE_OK, 404),
    )
    def add_note(code: Code, body: NoteIn) -> NoteSaved:
        current = scope(router)
        deps = current.deps
        tip = _find(deps, code)
        actor = current.actor.id
        latest = deps.tips.history(tip.tip_id)[-1:]
        if latest and (latest[0].action, latest[0].actor, latest[0].detail) == ("note", actor, body.text):
            return NoteSaved(code=tip.code, note=AuditOut.of(latest[0]))  # the same note again
        entry = AuditEntry(tip.tip_id, deps.clock(), "note", actor, body.text)
        deps.tips.audit(entry)
        count("AdminTipNotes")
        logger.info("tip note added", extra={"code": tip.code, "actor": actor})
        return NoteSaved(code=tip.code, note=AuditOut.of(entry))

    return router
