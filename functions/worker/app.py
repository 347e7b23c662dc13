"""SQS FIFO "inbound" consumer: each Zalo event handled once, in order per citizen.

Powertools batch (SqsFifoPartialProcessor, skipping only the failed citizen's group) and idempotency
(keyed on the event's business key: Zalo msg_id, or event name + user + timestamp) around
:func:`anninh.inbound.event_router.route_event`.
"""

from __future__ import annotations

from typing import Any

from anninh.inbound.event_router import event_time, route_event
from anninh.inbound.parking import park_unreadable
from anninh.observability import correlation_id, count, get_tracer, logger, metrics, pseudonym
from anninh.stats.counters import collecting
from anninh.stats.recording import record
from anninh.wiring import worker as wiring
from anninh.zalo.envelope import ZNS_SERVER_HEADER, EventParseError
from anninh.zalo.errors import ZaloError
from anninh.zalo.events import DeliveryReceipt, ZnsReceived, idempotency_key, parse_event_json
from aws_lambda_powertools.utilities.batch import SqsFifoPartialProcessor, process_partial_response
from aws_lambda_powertools.utilities.batch.types import PartialItemFailureResponse
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.idempotency import (
    DynamoDBPersistenceLayer,
    IdempotencyConfig,
    idempotent_function,
)

tracer = get_tracer()
processor = SqsFifoPartialProcessor(skip_group_on_error=True)
built = wiring.build()
deps, faq_source, stats = built.router, built.faq_source, built.stats
idempotency_config = IdempotencyConfig(
    event_key_jmespath="key",
    # Zalo retries for up to an hour (12 h by some sources); the webhook refuses events older than 24 h.
    expires_after_seconds=2 * 24 * 3600,
    raise_on_no_idempotency_key=True,
)
persistence = DynamoDBPersistenceLayer(table_name=built.idempotency_table)
parking = built.parking
# OA onboarding: the last event and Zalo error seen per OA (`anninh oa status`), at most one write a minute.
activity = built.activity


@idempotent_function(data_keyword_argument="item", config=idempotency_config, persistence_store=persistence)
def handle_event(item: dict[str, Any]) -> dict[str, str]:
    headers = {ZNS_SERVER_HEADER: item["zevent_server"]} if item.get("zevent_server") else None
    event = parse_event_json(item["body"], headers, item.get("oa_id") or None)
    with collecting(event_time(event)) as collected:
        try:
            outcome = route_event(event, item["key"], deps)
        except ZaloError as exc:
            activity.zalo_error(event.oa_id, exc.label)
            if not exc.window_error:
                raise  # retried by SQS, then parked in the DLQ with an alarm
            # The citizen cannot be reached by a consultation message now (window, blocked, unfollowed).
            outcome = "undeliverable"
            count("ZaloUndeliverable", code=exc.label)
    if stats is not None:
        # Keyed by the event: a redelivery after a crash here adds nothing twice.
        record(stats, collected, item["key"])
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
    # Indexing, not .get(): Powertools wraps an attribute only in __getitem__ (None when absent).
    server = attributes["zevent_server"]
    zevent_server = server.string_value if server and server.string_value else ""
    # The OA the webhook verified the event with: it settles sender/recipient when an event has them swapped.
    verified = attributes["oa_id"]
    oa_id = verified.string_value if verified and verified.string_value else ""
    try:
        event = parse_event_json(
            record.body, {ZNS_SERVER_HEADER: zevent_server} if zevent_server else None, oa_id or None
        )
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
    activity.event_seen(event.oa_id)
    key = f"{event.oa_id}:{idempotency_key(event)}"
    logger.set_correlation_id(correlation_id(key, event.user_id))  # never the raw user id of the key
    if isinstance(event, DeliveryReceipt | ZnsReceived):
        # A receipt only records that a message arrived or was read: writing it twice writes the same item,
        # so it skips the idempotency records (two writes and a read per receipt, a third of the variable
        # cost with two receipts per citizen message: README "Cost").
        outcome = route_event(event, key, deps)
        count("EventsProcessed", outcome=outcome)
        return {"outcome": outcome}
    item = {"key": key, "body": record.body, "zevent_server": zevent_server, "oa_id": oa_id}
    return handle_event(item=item)


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
@tracer.capture_lambda_handler
def lambda_handler(event: dict[str, Any], context: Any) -> PartialItemFailureResponse:
    idempotency_config.register_lambda_context(context)
    # A knowledge base published with `anninh faq publish` reaches warm functions within FAQ_REFRESH_SECONDS.
    deps.citizen.faq = faq_source.current()
    return process_partial_response(
        event=event, record_handler=record_handler, processor=processor, context=context
    )
