"""POST /admin/units/merge — merge a unit into another (dry run, start, resume); POST
/admin/units/{unit_id}/rename. The work is :mod:`anninh.mergers.merger`'s; this shapes requests and answers.

A call runs the merger's steps for at most :data:`BUDGET_SECONDS` (the function's limit is 15 s): a large
unit answers ``complete: false`` and the CLI calls again with ``resume``, which goes on where it stopped.
A fault in a step answers 503 and leaves the record where the step began (``--resume`` finishes it).
"""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Annotated

from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Path

from anninh import texts
from anninh.admin.errors import ApiError, route_responses, unit_not_found
from anninh.admin.routes import scope
from anninh.admin.schemas import UNIT_ID_PATTERN
from anninh.admin.unit_merge_schemas import UnitMergeIn, UnitMergeOut, UnitRenameIn, UnitRenameOut
from anninh.mergers import merger
from anninh.observability import logger

TAG = "units"
BUDGET_SECONDS = 10.0


def _answer(record: merger.MergeJob, complete: bool) -> UnitMergeOut:
    return UnitMergeOut(
        merge_id=record.merge_id,
        from_unit=record.from_unit,
        into_unit=record.into_unit,
        dry_run=False,
        parts=list(record.parts),
        counts=dict(record.counts),
        steps=dict(record.steps),
        complete=complete,
    )


def build_router() -> Router:
    router = Router()

    @router.post(
        "/units/merge",
        tags=[TAG],
        summary=texts.ADMIN_DOC_UNITS_MERGE,
        responses=route_responses(texts.ADMIN_DOC_UNITS_MERGE_OK, 400, 404, 409, 503),
    )
    def merge_units(body: UnitMergeIn) -> UnitMergeOut:
        current = scope(router)
        deps = current.deps
        if deps.unit_merges is None:
            raise ApiError(400, "merge_unavailable", texts.UNIT_MERGE_UNKNOWN.format(unit_id=body.from_unit))
        ports = merger.MergePorts(
            store=deps.unit_merges,
            tips=deps.tips,  # DynamoTipRepository (audit_once)
            content=deps.content,
            officers=deps.officers,
            count_followers=(lambda oa_id: len(deps.followers.list_following(oa_id)))  # type: ignore[union-attr]
            if deps.followers is not None
            else None,
        )
        tree = deps.tree()
        record = deps.unit_merges.get(body.from_unit)
        if body.resume:
            if record is None:
                raise ApiError(
                    404, "no_merge", texts.UNIT_MERGE_NOTHING_TO_RESUME.format(unit_id=body.from_unit)
                )
        elif record is not None:
            message = texts.UNIT_MERGE_ALREADY_MERGED if record.done else texts.UNIT_MERGE_STARTED_BEFORE
            raise ApiError(409, "merge_exists", message.format(unit_id=body.from_unit, into=record.into_unit))
        else:
            try:
                plan = merger.plan(tree, ports, body.from_unit, body.into_unit, body.parts)
            except merger.MergeError as exc:
                status = 404 if tree.get(body.from_unit) is None or tree.get(body.into_unit) is None else 400
                raise ApiError(status, "invalid_merge", str(exc)) from exc
            if body.dry_run:
                return UnitMergeOut(
                    merge_id=None,
                    from_unit=body.from_unit,
                    into_unit=body.into_unit,
                    dry_run=True,
                    parts=list(plan.parts),
                    counts=plan.counts,
                    items=plan.items,
                    steps=dict.fromkeys(plan.steps, "pending"),
                    complete=False,
                )
            record = merger.start(deps.unit_merges, plan, deps.clock())
            logger.info("unit merge started", extra={"merge_id": record.merge_id, "actor": current.actor.id})
        deadline = time.monotonic() + BUDGET_SECONDS
        try:
            complete = merger.run(
                tree,
                ports,
                record,
                actor=current.actor.id,
                now=deps.clock(),
                out_of_time=lambda: time.monotonic() > deadline,
            )
        except Exception as exc:  # a fault, not the input: the record says where to resume
            step = next((s for s, state in record.steps.items() if state == "pending"), "?")
            logger.exception("unit merge interrupted", extra={"merge_id": record.merge_id, "step": step})
            raise ApiError(
                503, "merge_interrupted", texts.ADMIN_UNIT_MERGE_INTERRUPTED.format(step=step)
            ) from exc
        logger.info(
            "unit merge progressed",
            extra={"merge_id": record.merge_id, "complete": complete, "actor": current.actor.id},
        )
        return _answer(record, complete)

    @router.post(
        "/units/<unit_id>/rename",
        tags=[TAG],
        summary=texts.ADMIN_DOC_UNITS_RENAME,
        responses=route_responses(texts.ADMIN_DOC_UNITS_RENAME, 400, 404),
    )
    def rename_unit(
        unit_id: Annotated[str, Path(pattern=UNIT_ID_PATTERN)], body: UnitRenameIn
    ) -> UnitRenameOut:
        current = scope(router)
        deps = current.deps
        unit = deps.units.get(unit_id)
        if unit is None:
            raise unit_not_found(unit_id)
        if deps.unit_merges is None:
            raise ApiError(400, "rename_unavailable", texts.UNIT_MERGE_UNKNOWN.format(unit_id=unit_id))
        code = body.code.upper() if body.code else None
        try:
            entry = merger.rename_entry(unit, body.name, code, deps.clock())
        except merger.MergeError as exc:
            raise ApiError(400, "invalid_rename", str(exc)) from exc
        deps.unit_merges.rename(unit_id, body.name, code, entry)
        renamed = replace(unit, name=body.name, code=code or unit.code)
        logger.info("unit renamed", extra={"unit_id": unit_id, "actor": current.actor.id})
        return UnitRenameOut(unit_id=unit_id, name=renamed.name, code=renamed.code, history=entry.detail)

    return router
