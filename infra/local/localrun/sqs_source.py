"""SQS event sources: poll a queue and invoke its function with Lambda's SQS event shape.

Behaviour follows Lambda's event source mapping:
- up to ``BatchSize`` records per invocation, with every system attribute Lambda passes (FIFO ones too);
- success deletes the batch; an exception (or a timeout) leaves the whole batch on the queue;
- with ``ReportBatchItemFailures`` only the records named in ``batchItemFailures`` stay; an invalid answer
  (an identifier not in the batch) fails the whole batch, as Lambda does;
- records left on the queue come back when their visibility timeout ends; moto moves a message to the
  dead-letter queue once its receive count reaches the redrive policy's ``maxReceiveCount``.

``retry_delay`` (seconds, optional) shortens the wait before a failed record is retried by calling
ChangeMessageVisibility on it. A deployed queue waits the whole visibility timeout (6 × the function
timeout, minutes); the e2e tests and a trainer's demo set it to 1 second so that a poison message reaches
the DLQ in seconds. The order of the retries and the DLQ hand-off are unchanged.
"""

from __future__ import annotations

import base64
import logging
import threading
from dataclasses import dataclass
from typing import Any

from localrun.lambda_runtime import InvocationError, LocalFunction

log = logging.getLogger(__name__)

SQS_MAX_RECEIVE = 10


@dataclass
class SqsEventSource:
    function: LocalFunction
    sqs: Any  # boto3 SQS client
    queue_url: str
    queue_arn: str
    region: str
    batch_size: int = 10
    report_batch_item_failures: bool = False
    retry_delay: int | None = None
    wait_seconds: int = 1

    def poll_once(self) -> int:
        """Receive one batch and hand it to the function; return how many records it carried."""
        messages = self._receive()
        if not messages:
            return 0
        records = [self.record(message) for message in messages]
        failed = self._invoke(records)
        succeeded = [m for m in messages if m["MessageId"] not in failed]
        for start in range(0, len(succeeded), SQS_MAX_RECEIVE):
            chunk = succeeded[start : start + SQS_MAX_RECEIVE]
            self.sqs.delete_message_batch(
                QueueUrl=self.queue_url,
                Entries=[{"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(chunk)],
            )
        if failed and self.retry_delay is not None:
            for message in messages:
                if message["MessageId"] in failed:
                    self.sqs.change_message_visibility(
                        QueueUrl=self.queue_url,
                        ReceiptHandle=message["ReceiptHandle"],
                        VisibilityTimeout=self.retry_delay,
                    )
        return len(messages)

    def run(self, stop: threading.Event) -> None:
        while not stop.is_set():
            try:
                self.poll_once()
            except Exception:  # the poller must survive a moto hiccup; the next poll retries
                log.exception("polling %s for %s failed", self.queue_arn, self.function.name)
                stop.wait(1)

    def _receive(self) -> list[dict[str, Any]]:
        messages: list[dict[str, Any]] = []
        while len(messages) < self.batch_size:
            answer = self.sqs.receive_message(
                QueueUrl=self.queue_url,
                MaxNumberOfMessages=min(SQS_MAX_RECEIVE, self.batch_size - len(messages)),
                WaitTimeSeconds=0 if messages else self.wait_seconds,
                MessageSystemAttributeNames=["All"],
                MessageAttributeNames=["All"],
            )
            received = answer.get("Messages") or []
            if not received:
                break
            messages.extend(received)
        return messages

    def _invoke(self, records: list[dict[str, Any]]) -> set[str]:
        """Run the function; return the message ids that failed."""
        every_id = {record["messageId"] for record in records}
        try:
            result = self.function.invoke({"Records": records})
        except InvocationError:
            return every_id
        if not self.report_batch_item_failures:
            return set()
        if result is None or not isinstance(result, dict):
            return set()
        failures = result.get("batchItemFailures") or []
        failed = set()
        for failure in failures:
            identifier = failure.get("itemIdentifier") if isinstance(failure, dict) else None
            if not identifier or identifier not in every_id:
                log.error(
                    "%s returned an invalid batchItemFailures entry: whole batch failed", self.function.name
                )
                return every_id
            failed.add(identifier)
        return failed

    def record(self, message: dict[str, Any]) -> dict[str, Any]:
        """One SQS record as Lambda delivers it."""
        attributes = {key: str(value) for key, value in (message.get("Attributes") or {}).items()}
        message_attributes = {}
        for name, value in (message.get("MessageAttributes") or {}).items():
            entry: dict[str, Any] = {
                "stringListValues": value.get("StringListValues", []),
                "binaryListValues": [base64.b64encode(b).decode() for b in value.get("BinaryListValues", [])],
                "dataType": value["DataType"],
            }
            if "StringValue" in value:
                entry["stringValue"] = value["StringValue"]
            if "BinaryValue" in value:
                entry["binaryValue"] = base64.b64encode(value["BinaryValue"]).decode()
            message_attributes[name] = entry
        return {
            "messageId": message["MessageId"],
            "receiptHandle": message["ReceiptHandle"],
            "body": message["Body"],
            "attributes": attributes,
            "messageAttributes": message_attributes,
            "md5OfBody": message.get("MD5OfBody", ""),
            "eventSource": "aws:sqs",
            "eventSourceARN": self.queue_arn,
            "awsRegion": self.region,
        }
