"""The target of each broadcast's EventBridge schedule: expand the audience into batches on the outbound
queue (see anninh.broadcasts.fanout). Input: ``{"broadcast_id": "…"}``."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from anninh.broadcasts.fanout import fan_out
from anninh.observability import count, logger, metrics
from anninh.wiring import broadcast as wiring

deps = wiring.build()


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    broadcast_id = str(event.get("broadcast_id") or "")
    if not broadcast_id:
        raise ValueError("the schedule's input must carry a broadcast_id")
    logger.set_correlation_id(broadcast_id)
    queued = fan_out(broadcast_id, datetime.now(UTC), deps.broadcasts, deps.units, deps.followers, deps.queue)
    count("BroadcastRecipientsQueued", value=queued)
    return {"broadcast_id": broadcast_id, "queued": queued}
