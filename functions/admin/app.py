"""/admin/... — the admin HTTP API (units, officers, pending questions); see anninh.admin.

Thin adapter: authentication, validation and routing live in :class:`anninh.admin.api.AdminApi`; its
OpenAPI document is functions/admin/openapi.json (``anninh admin openapi --write`` regenerates it).
"""

from __future__ import annotations

from typing import Any

from anninh.admin.api import AdminApi
from anninh.admin.auth import AuthSettings
from anninh.observability import logger, metrics
from anninh.wiring import admin as wiring

api = AdminApi(wiring.build(), AuthSettings.from_env())


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return api.handle(event, context)
