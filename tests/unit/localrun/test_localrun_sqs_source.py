"""SQS event source semantics on in-memory moto: record shape, partial failures, whole-batch failures, DLQ."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from localrun.lambda_runtime import InvocationError, LocalFunction
from localrun.sqs_source import SqsEventSource

HERE = Path(__file__).parent


class ScriptedFunction(LocalFunction):
    """Answers each batch by the bodies: {"fail": true} is reported failed, {"crash": true} raises."""

    def __init__(self, report: bool = True) -> None:
        super().__init__("Fn", "fn", "arn:fn", HERE, "app.lambda_handler", 3, 128, {}, {})
        self.batches: list[list[dict]] = []
        self.report = report

    def invoke(self, event: object) -> object:
        assert isinstance(event, dict)
        records = event["Records"]
        self.batches.append(records)
        if any(json.loads(r["body"]).get("crash") for r in records):
            raise InvocationError("crash")
        failed = [r["messageId"] for r in records if json.loads(r["body"]).get("fail")]
        return {"batchItemFailures": [{"itemIdentifier": m} for m in failed]}


@pytest.fixture
def queues(client) -> dict[str, str]:
    sqs = client("sqs")
    dlq = sqs.create_queue(QueueName="dlq.fifo", Attributes={"FifoQueue": "true"})["QueueUrl"]
    dlq_arn = sqs.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    url = sqs.create_queue(
        QueueName="in.fifo",
        Attributes={
            "FifoQueue": "true",
            "VisibilityTimeout": "30",
            "RedrivePolicy": json.dumps({"deadLetterTargetArn": dlq_arn, "maxReceiveCount": 2}),
        },
    )["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    return {"url": url, "arn": arn, "dlq": dlq}


def source(client, queues, function, **kwargs) -> SqsEventSource:
    options = {"batch_size": 10, "report_batch_item_failures": True, "wait_seconds": 0, **kwargs}
    return SqsEventSource(function, client("sqs"), queues["url"], queues["arn"], "ap-southeast-1", **options)


def send(client, queues, body: dict, group: str = "g1", dedup: str | None = None) -> None:
    client("sqs").send_message(
        QueueUrl=queues["url"],
        MessageBody=json.dumps(body),
        MessageGroupId=group,
        MessageDeduplicationId=dedup or json.dumps(body),
        MessageAttributes={"zevent_server": {"DataType": "String", "StringValue": "ZNS"}},
    )


def depth(client, url: str) -> int:
    attributes = client("sqs").get_queue_attributes(
        QueueUrl=url, AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]
    )["Attributes"]
    return int(attributes["ApproximateNumberOfMessages"]) + int(
        attributes["ApproximateNumberOfMessagesNotVisible"]
    )


def test_records_have_lambda_shape_with_fifo_attributes(client, queues) -> None:
    function = ScriptedFunction()
    send(client, queues, {"n": 1})
    assert source(client, queues, function).poll_once() == 1
    record = function.batches[0][0]
    assert record["eventSource"] == "aws:sqs"
    assert record["eventSourceARN"] == queues["arn"] and record["awsRegion"] == "ap-southeast-1"
    assert json.loads(record["body"]) == {"n": 1}
    attributes = record["attributes"]
    assert attributes["MessageGroupId"] == "g1"
    assert attributes["MessageDeduplicationId"] == '{"n": 1}'
    assert attributes["ApproximateReceiveCount"] == "1"
    assert attributes["SequenceNumber"] and attributes["SentTimestamp"]
    assert record["messageAttributes"]["zevent_server"]["stringValue"] == "ZNS"
    assert record["messageAttributes"]["zevent_server"]["dataType"] == "String"
    assert depth(client, queues["url"]) == 0


def test_only_reported_failures_stay_on_the_queue(client, queues) -> None:
    function = ScriptedFunction()
    send(client, queues, {"n": 1}, group="a")
    send(client, queues, {"n": 2, "fail": True}, group="b")
    send(client, queues, {"n": 3}, group="c")
    source(client, queues, function, retry_delay=0).poll_once()
    assert len(function.batches[0]) == 3
    assert depth(client, queues["url"]) == 1
    source(client, queues, function, retry_delay=0).poll_once()
    assert [json.loads(r["body"])["n"] for r in function.batches[1]] == [2]
    assert function.batches[1][0]["attributes"]["ApproximateReceiveCount"] == "2"


def test_exception_fails_the_whole_batch_and_respects_visibility(client, queues) -> None:
    function = ScriptedFunction()
    send(client, queues, {"n": 1}, group="a")
    send(client, queues, {"crash": True}, group="b")
    events = source(client, queues, function)  # no retry_delay: the 30 s visibility timeout applies
    events.poll_once()
    assert depth(client, queues["url"]) == 2
    assert events.poll_once() == 0  # both still invisible


def test_batch_size_is_honoured(client, queues) -> None:
    function = ScriptedFunction()
    for n in range(5):
        send(client, queues, {"n": n}, group=f"g{n}")
    source(client, queues, function, batch_size=2).poll_once()
    assert len(function.batches[0]) == 2


def test_invalid_failure_report_fails_the_whole_batch(client, queues) -> None:
    class Liar(ScriptedFunction):
        def invoke(self, event: object) -> object:
            super().invoke(event)
            return {"batchItemFailures": [{"itemIdentifier": "not-in-this-batch"}]}

    send(client, queues, {"n": 1})
    source(client, queues, Liar(), retry_delay=0).poll_once()
    assert depth(client, queues["url"]) == 1


def test_poison_moves_to_the_dlq_after_max_receives(client, queues) -> None:
    function = ScriptedFunction()
    send(client, queues, {"fail": True}, group="poison")
    events = source(client, queues, function, retry_delay=0)
    for _ in range(3):
        events.poll_once()
    assert len(function.batches) == 2  # maxReceiveCount deliveries, then moto parks it
    assert depth(client, queues["url"]) == 0
    assert depth(client, queues["dlq"]) == 1
