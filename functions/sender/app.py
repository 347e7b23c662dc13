"""SQS "outbound" consumer: send each batch of a broadcast at the OA's rate (see anninh.broadcasts.sender).

No idempotency utility here: the per-recipient claims in the results table are what make a redelivered
batch send nothing twice. What cannot be sent now is re-queued (with a delay) as a new, smaller batch.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from anninh.broadcasts.sender import Batch
from anninh.observability import count, get_tracer, logger, metrics
from anninh.stats.counters import collecting
from anninh.stats.recording import record as record_stats
from anninh.wiring import sender as wiring
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.batch.types import PartialItemFailureResponse
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord

tracer = get_tracer()
processor = BatchProcessor(event_type=EventType.SQS)
deps = wiring.build()
# Module attributes: the local stack gives `sender` its clock (localrun.clock.attach).
sender, queue, stats = deps.sender, deps.queue, deps.stats


def record_handler(record: SQSRecord, lambda_context: Any) -> None:
    batch = Batch.from_json(record.body)  # malformed: retried, then parked in the DLQ

    def time_left() -> float:
        return float(lambda_context.get_remaining_time_in_millis()) / 1000

    logger.set_correlation_id(batch.broadcast_id)
    # Messages tried and reached, per unit (anninh.stats): written even when the batch stops half-way, since
    # the recipients already finished are skipped when it comes back.
    with collecting(datetime.now(UTC)) as collected:
        try:
            report = sender.process(batch, time_left=time_left)
        finally:
            if stats is not None:
                record_stats(stats, collected, f"sender:{record.message_id}")
    for result, n in report.results.items():
        count("BroadcastResults", value=n, result=result)
    if report.rate_limited:
        count("BroadcastRateLimited", value=report.rate_limited)
    for oa_id in report.held_for_quota:  # an article past its OA's monthly allowance: not sent
        count("ArticleBroadcastHeld", oa_id=oa_id)
        count("ZaloQuotaExhausted")  # ZaloQuotaExhaustedAlarm tells the operators
    if report.requeue is not None:
        queue.send([report.requeue.batch.to_json()], delay_seconds=report.requeue.delay_seconds)
        logger.info(
            "broadcast batch re-queued",
            extra={"reason": report.requeue.reason, "left": len(report.requeue.batch.recipients)},
        )


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
@tracer.capture_lambda_handler
def lambda_handler(event: dict[str, Any], context: Any) -> PartialItemFailureResponse:
    return process_partial_response(
        event=event, record_handler=record_handler, processor=processor, context=context
    )
