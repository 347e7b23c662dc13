"""Park an inbound event the worker cannot read, at once, in the inbound dead-letter queue.

A signed event whose content the typed parse refuses (:class:`anninh.zalo.events.EventParseError`) fails
the same way on every delivery: retrying it would only hold the citizen's FIFO group (their next messages)
for the whole redrive cycle. It is moved to the DLQ as it came (alarmed there, kept 14 days for a redrive
once the parser knows the shape) and the batch goes on. Anything else that fails is retried by SQS as usual.
"""

from __future__ import annotations

import json
from typing import Any, Protocol

from anninh import texts
from anninh.messaging.delivery import ReplySender
from anninh.messaging.replies import TextReply
from anninh.observability import count, logger
from anninh.units.directory import UnitDirectory
from anninh.zalo.envelope import EventParseError, read_envelope

REASON_ATTRIBUTE = "parked_reason"


class EventParking(Protocol):
    def park(self, body: str, *, group_id: str, dedup_id: str, reason: str) -> None: ...


class SqsEventParking:
    def __init__(self, queue_url: str, client: Any = None) -> None:
        if client is None:
            import boto3

            client = boto3.client("sqs")
        self._client = client
        self._url = queue_url

    def park(self, body: str, *, group_id: str, dedup_id: str, reason: str) -> None:
        """Send ``body`` unchanged to the (FIFO) dead-letter queue; ``reason`` names the refused field."""
        self._client.send_message(
            QueueUrl=self._url,
            MessageBody=body,
            MessageGroupId=group_id,
            MessageDeduplicationId=dedup_id,
            MessageAttributes={REASON_ATTRIBUTE: {"DataType": "String", "StringValue": reason[:256]}},
        )


def park_unreadable(
    parking: EventParking,
    body: str,
    error: EventParseError,
    *,
    group_id: str,
    dedup_id: str,
    directory: UnitDirectory,
    sender: ReplySender,
) -> None:
    """Park ``body`` in the DLQ, then tell the citizen it could not be read (a courtesy: the envelope was
    checked by the webhook, so the OA and the citizen are known; the event is safe whatever happens)."""
    parking.park(body, group_id=group_id, dedup_id=dedup_id, reason=str(error))
    count("EventsParked", reason="unreadable")
    logger.error(
        "unreadable event parked in the DLQ", extra={"event_name": error.event_name, "field": error.field}
    )
    try:
        envelope = read_envelope(json.loads(body))
        unit = directory.by_oa(envelope.oa_id)
        hotline = (unit.hotline if unit else None) or "113"
        sender.send(
            envelope.oa_id, envelope.user_id, TextReply(texts.MESSAGE_UNREADABLE.format(hotline=hotline))
        )
    except Exception as exc:
        count("UnreadableNoticeFailed", error=type(exc).__name__)
