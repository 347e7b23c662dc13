"""Put verified events on the inbound SQS FIFO queue."""

from __future__ import annotations

from typing import Any, Protocol


class QueueUnavailable(RuntimeError):
    """The event could not be queued: the webhook answers 5xx so Zalo delivers it again."""


class EventQueue(Protocol):
    def enqueue(self, body: str, group_id: str, dedup_id: str, attributes: dict[str, str]) -> str: ...


class SqsEventQueue:
    def __init__(self, queue_url: str, client: Any = None, session: Any = None):
        if client is None:
            import boto3
            from botocore.config import Config

            # From ``session`` (a boto3.Session; boto3's default session when None). Short timeouts and
            # standard retries: the whole webhook must answer within Zalo's 2 s.
            client = (session or boto3).client(
                "sqs",
                config=Config(
                    connect_timeout=1, read_timeout=1, retries={"max_attempts": 3, "mode": "standard"}
                ),
            )
        self._client = client
        self._url = queue_url

    def enqueue(self, body: str, group_id: str, dedup_id: str, attributes: dict[str, str]) -> str:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            answer = self._client.send_message(
                QueueUrl=self._url,
                MessageBody=body,
                MessageGroupId=group_id,
                MessageDeduplicationId=dedup_id,
                MessageAttributes={
                    key: {"DataType": "String", "StringValue": value}
                    for key, value in attributes.items()
                    if value
                },
            )
        except (BotoCoreError, ClientError) as exc:
            raise QueueUnavailable(type(exc).__name__) from exc
        return str(answer["MessageId"])
