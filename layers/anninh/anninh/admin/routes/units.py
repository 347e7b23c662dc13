"""GET /admin/units — the unit tree; PUT /admin/units — import the tree (``anninh units import``)."""

from __future__ import annotations

from dataclasses import replace

from aws_lambda_powertools.event_handler.api_gateway import Router

from anninh import texts
from anninh.admin.errors import ApiError, route_responses
from anninh.admin.oa_schemas import UnitsImportIn, UnitsImportOut
from anninh.admin.routes import scope
from anninh.admin.schemas import UnitList, UnitOut
from anninh.observability import logger
from anninh.units.importer import parse_units
from anninh.units.tree import UnitTree, UnitTreeError

TAG = "units"


def build_router() -> Router:
    router = Router()

    @router.get(
        "/units", tags=[TAG], summary=texts.ADMIN_DOC_UNITS, responses=route_responses(texts.ADMIN_DOC_UNITS)
    )
    def list_units() -> UnitList:
        tree = scope(router).deps.tree()
        ordered = []
        for root in sorted((u for u in tree if u.parent_id is None), key=lambda u: u.name):
            ordered.extend([root, *tree.descendants(root.unit_id)])
        return UnitList(units=[UnitOut.of(u) for u in ordered])

    @router.put(
        "/units",
        tags=[TAG],
        summary=texts.ADMIN_DOC_UNITS_IMPORT,
        responses=route_responses(texts.ADMIN_DOC_UNITS_IMPORT_OK, 400),
    )
    def import_units(body: UnitsImportIn) -> UnitsImportOut:
        """The whole file is checked as a tree first; a unit the file gives no oa_id keeps the one stored
        (``anninh oa import`` sets them), so re-importing the units file never unlinks an OA."""
        current = scope(router)
        stored = {u.unit_id: u for u in current.deps.units.all()}
        try:
            units = parse_units({"units": body.units})
            kept = [
                replace(u, oa_id=stored[u.unit_id].oa_id)
                if not u.oa_id and u.unit_id in stored and stored[u.unit_id].oa_id
                else u
                for u in units
            ]
            UnitTree.validated(kept)
        except UnitTreeError as exc:
            raise ApiError(400, "invalid_units", texts.UNITS_INVALID.format(error=exc)) from exc
        kept_count = sum(1 for before, after in zip(units, kept, strict=True) if before is not after)
        # A file never carries a merger's pointer or a unit's history (anninh.mergers.merger): keep them.
        kept = [
            replace(u, merged_into=stored[u.unit_id].merged_into, history=stored[u.unit_id].history)
            if u.unit_id in stored
            else u
            for u in kept
        ]
        if not body.dry_run:
            current.deps.units.save_all(kept)
            logger.info("units imported", extra={"units": len(kept), "actor": current.actor.id})
        return UnitsImportOut(dry_run=body.dry_run, units=len(kept), oa_ids_kept=kept_count)

    return router
