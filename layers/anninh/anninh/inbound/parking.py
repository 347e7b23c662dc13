"""Park an inbound event the worker cannot read, at once, in the inbound dead-letter queue.

A signed event whose content the typed parse refuses (:class:`anninh.zalo.events.EventParseError`) fails
the same way on every delivery: retrying it would only hold the citizen's FIFO group (their next messages)
for the whole redrive cycle. It is moved to the DLQ as it came (alarmed there, kept 14 days for a redrive
once the parser knows the shape) and the batch goes on. Anything else that fails is retried by SQS as usual.
"""

from __future__ import annotations

from typing import Any, Protocol

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
