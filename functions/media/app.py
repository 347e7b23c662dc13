"""SQS "media" consumer: download each tip attachment from Zalo's CDN and keep it in S3 (SSE-KMS).

Powertools batch (standard queue, partial failures reported) and idempotency keyed on the attachment
(``tip_id:media_id``) around :meth:`anninh.tips.media_service.MediaService.process`. A job that raises is
retried by SQS and parked in the DLQ after the redrive policy's receive count, the tip marked first.
"""

from __future__ import annotations

from typing import Any

from anninh.observability import count, get_tracer, logger, metrics
from anninh.tips.media_jobs import MediaJob
from anninh.wiring import media as wiring
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.batch.types import PartialItemFailureResponse
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.idempotency import (
    DynamoDBPersistenceLayer,
    IdempotencyConfig,
    idempotent_function,
)

tracer = get_tracer()
processor = BatchProcessor(event_type=EventType.SQS)
deps = wiring.build()
service = deps.service
idempotency_config = IdempotencyConfig(
    event_key_jmespath="key",
    # Longer than the queue keeps a message (4 days): a duplicate never downloads twice.
    expires_after_seconds=5 * 24 * 3600,
    raise_on_no_idempotency_key=True,
)
persistence = DynamoDBPersistenceLayer(table_name=deps.idempotency_table)


@idempotent_function(data_keyword_argument="item", config=idempotency_config, persistence_store=persistence)
def handle_job(item: dict[str, Any]) -> dict[str, str]:
    job = MediaJob.from_json(item["body"])
    outcome = service.process(job, receive_count=int(item["receive_count"]))
    count("MediaJobsProcessed", outcome=outcome)
    logger.info(
        "media job processed",
        extra={"tip_id": job.tip_id, "media_id": job.media_id, "kind": job.kind, "outcome": outcome},
    )
    return {"outcome": outcome}


def record_handler(record: SQSRecord) -> dict[str, str]:
    job = MediaJob.from_json(record.body)  # a malformed job raises: retried, then parked in the DLQ
    logger.set_correlation_id(job.key)
    receive_count = record.attributes.approximate_receive_count or "1"
    return handle_job(item={"key": f"media:{job.key}", "body": record.body, "receive_count": receive_count})


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
@tracer.capture_lambda_handler
def lambda_handler(event: dict[str, Any], context: Any) -> PartialItemFailureResponse:
    idempotency_config.register_lambda_context(context)
    return process_partial_response(
        event=event, record_handler=record_handler, processor=processor, context=context
    )
