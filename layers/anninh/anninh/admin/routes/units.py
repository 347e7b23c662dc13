"""GET /admin/units — the unit tree."""

from __future__ import annotations

from aws_lambda_powertools.event_handler.api_gateway import Router

from anninh import texts
from anninh.admin.errors import route_responses
from anninh.admin.routes import scope
from anninh.admin.schemas import UnitList, UnitOut

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

    return router
