"""GET /public/{unit_id} and /public/{unit_id}.json — each unit's public page (no authentication).

Thin adapter over :class:`anninh.public.pages.PublicPages`: figures from the daily statistics and the public
results of resolved tips, never anything that identifies a reporter or a tip's content.
"""

from __future__ import annotations

from typing import Any

from anninh.observability import count, logger, metrics
from anninh.wiring import public as wiring

pages = wiring.build()


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    reference = str((event.get("pathParameters") or {}).get("unit_id") or "")
    answer = pages.respond(reference)
    count("PublicPageViews", status=str(answer.status))
    return {
        "statusCode": answer.status,
        "headers": {
            "content-type": answer.content_type,
            "cache-control": f"public, max-age={answer.cache_seconds}",
            "x-content-type-options": "nosniff",
            "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:",
        },
        "body": answer.body,
    }
