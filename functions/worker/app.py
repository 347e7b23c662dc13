"""SQS FIFO "inbound" consumer: each Zalo event handled once, in order per citizen.

Powertools batch (SqsFifoPartialProcessor, skipping only the failed citizen's group) and idempotency
(keyed on the event's business key: Zalo msg_id, or event name + user + timestamp) around
:func:`anninh.inbound.event_router.route_event`.
"""

from __future__ import annotations

import os
from typing import Any

from anninh.inbound.event_router import route_event
from anninh.inbound.parking import SqsEventParking, park_unreadable
from anninh.inbound.worker_setup import build_worker_deps
from anninh.observability import correlation_id, count, get_tracer, logger, metrics, pseudonym
from anninh.settings import require
from anninh.zalo.errors import ZaloError
from anninh.zalo.events import ZNS_SERVER_HEADER, EventParseError, idempotency_key, parse_event_json
from aws_lambda_powertools.utilities.batch import SqsFifoPartialProcessor, process_partial_response
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.idempotency import (
    DynamoDBPersistenceLayer,
    IdempotencyConfig,
    idempotent_function,
)

tracer = get_tracer()
processor = SqsFifoPartialProcessor(skip_group_on_error=True)
deps = build_worker_deps()
idempotency_config = IdempotencyConfig(
    event_key_jmespath="key",
    # Zalo retries for up to an hour (12 h by some sources); the webhook refuses events older than 24 h.
    expires_after_seconds=2 * 24 * 3600,
    raise_on_no_idempotency_key=True,
)
persistence = DynamoDBPersistenceLayer(table_name=require(os.environ, "IDEMPOTENCY_TABLE"))
parking = SqsEventParking(require(os.environ, "INBOUND_DLQ_URL"))


@idempotent_function(data_keyword_argument="item", config=idempotency_config, persistence_store=persistence)
def handle_event(item: dict[str, Any]) -> dict[str, str]:
    headers = {ZNS_SERVER_HEADER: item["zevent_server"]} if item.get("zevent_server") else None
    event = parse_event_json(item["body"], headers)
    try:
        outcome = route_event(event, item["key"], deps)
    except ZaloError as exc:
        if not exc.window_error:
            raise  # retried by SQS, then parked in the DLQ with an alarm
        # The citizen cannot be reached by a consultation message now (window, blocked, unfollowed).
        outcome = "undeliverable"
        count("ZaloUndeliverable", code=exc.label)
    count("EventsProcessed", outcome=outcome)
    logger.info(
        "event processed",
        extra={
            "event_name": event.event_name,
            "oa_id": event.oa_id,
            "user": pseudonym(event.user_id),
            "outcome": outcome,
        },
    )
    return {"outcome": outcome}


def record_handler(record: SQSRecord) -> dict[str, str]:
    attributes = record.message_attributes
    server = attributes.get("zevent_server")
    zevent_server = server.string_value if server and server.string_value else ""
    try:
        event = parse_event_json(record.body, {ZNS_SERVER_HEADER: zevent_server} if zevent_server else None)
    except EventParseError as error:
        park_unreadable(
            parking,
            record.body,
            error,
            group_id=record.attributes.message_group_id or "unreadable",
            dedup_id=record.attributes.message_deduplication_id or record.message_id,
            directory=deps.directory,
            sender=deps.sender,
        )
        return {"outcome": "parked"}
    key = f"{event.oa_id}:{idempotency_key(event)}"
    logger.set_correlation_id(correlation_id(key, event.user_id))  # never the raw user id of the key
    return handle_event(item={"key": key, "body": record.body, "zevent_server": zevent_server})


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
@tracer.capture_lambda_handler
def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    idempotency_config.register_lambda_context(context)
    return process_partial_response(
        event=event, record_handler=record_handler, processor=processor, context=context
    )
