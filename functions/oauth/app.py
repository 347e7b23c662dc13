"""GET /zalo/oauth/callback — Zalo's redirect after an OA's admin approved the app (``anninh oa connect``).

Thin adapter: :func:`anninh.oa.callback.handle_callback` takes the pending state once, exchanges the code
with its PKCE verifier and stores the OA's first token pair; the answer is a short page for the admin.
"""

from __future__ import annotations

from typing import Any

from anninh.oa.callback import handle_callback
from anninh.observability import logger, metrics
from anninh.wiring import oauth as wiring

deps = wiring.build()


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return handle_callback(event, deps)
