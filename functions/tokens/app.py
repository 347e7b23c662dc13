"""Scheduled (hourly): refresh every OA access token that expires within the next hours.

Any OA's failure fails the run (after every due OA was tried), so it is alarmed, never silently logged.
Refresh tokens are single-use; the token manager refreshes under a DynamoDB lock and saves the new pair
before anything uses it, so this function and a worker refreshing on -216 never spend the same token.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from anninh.oa.activity import record_refresh_report
from anninh.observability import count, logger, metrics
from anninh.wiring import tokens as wiring

deps = wiring.build()
# OA onboarding: each OA's refresh outcome is recorded in the OA status table for `anninh oa status`.
manager, oa_status, token_records = deps.manager, deps.oa_status, deps.token_records
REFRESH_WITHIN = deps.refresh_within


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    report = manager.refresh_all_due(REFRESH_WITHIN)
    record_refresh_report(
        report, oa_status, lambda oa: r.version if (r := token_records.get(oa)) else None, datetime.now(UTC)
    )
    count("TokensRefreshed", len(report.refreshed))
    if report.failed:
        count("TokenRefreshFailures", len(report.failed))
        logger.error("token refresh failed for some OAs", extra={"failed": dict(report.failed)})
    logger.info("token refresh run", extra={"refreshed": list(report.refreshed)})
    # Any OA failing fails the invocation: the TokensErrorsAlarm fires, Lambda retries the run (only the OAs
    # still due are tried again) and finally parks it in the schedules' DLQ. Returning success would hide it.
    report.raise_for_failures()
    return {"refreshed": list(report.refreshed), "failed": {}}
