"""Schedule expressions and the scheduler's firing, with a controlled clock."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from localrun.lambda_runtime import LocalFunction
from localrun.schedules import (
    ScheduleEntry,
    ScheduleExpressionError,
    Scheduler,
    aws_cron_to_croniter,
    next_fire,
)

HERE = Path(__file__).parent
T0 = datetime(2026, 3, 2, 0, 0, tzinfo=UTC)  # a Monday, 07:00 in Vietnam


def test_rate_counts_periods_from_the_anchor() -> None:
    assert next_fire("rate(1 hour)", "UTC", T0, T0) == T0 + timedelta(hours=1)
    assert next_fire("rate(5 minutes)", "UTC", T0 + timedelta(minutes=7), T0) == T0 + timedelta(minutes=10)


def test_cron_uses_the_schedule_timezone_and_aws_weekday_numbers() -> None:
    # 06:00 Vietnam time = 23:00 UTC the day before.
    assert next_fire("cron(0 6 * * ? *)", "Asia/Ho_Chi_Minh", T0, T0) == datetime(
        2026, 3, 2, 23, 0, tzinfo=UTC
    )
    # AWS: 2 = Monday; the next Monday 08:00 Vietnam after Monday 07:00 is the same day.
    assert next_fire("cron(0 8 ? * 2 *)", "Asia/Ho_Chi_Minh", T0, T0) == datetime(
        2026, 3, 2, 1, 0, tzinfo=UTC
    )
    assert aws_cron_to_croniter("0 8 ? * 2-6 *") == "0 8 ? * 1-5 0 *"
    assert aws_cron_to_croniter("0 8 ? * MON#1 2027") == "0 8 ? * MON#1 0 2027"


def test_at_fires_once() -> None:
    vietnam = ZoneInfo("Asia/Ho_Chi_Minh")
    assert next_fire("at(2026-03-02T08:00:00)", "Asia/Ho_Chi_Minh", T0, T0) == datetime(
        2026, 3, 2, 8, 0, tzinfo=vietnam
    )
    assert next_fire("at(2026-03-01T08:00:00)", "UTC", T0, T0) is None


@pytest.mark.parametrize("expression", ["rate(0 hours)", "every day", "cron(0 8 * *)", "cron(99 8 * * ? *)"])
def test_bad_expressions_are_refused(expression: str) -> None:
    with pytest.raises(ScheduleExpressionError):
        next_fire(expression, "UTC", T0, T0)


class Recorder(LocalFunction):
    def __init__(self) -> None:
        super().__init__(
            "Fn",
            "fn",
            "arn:aws:lambda:ap-southeast-1:123456789012:function:fn",
            HERE,
            "app.h",
            3,
            128,
            {},
            {},
        )
        self.payloads: list[object] = []

    def invoke(self, event: object) -> object:
        self.payloads.append(event)
        return None


def test_scheduler_fires_due_schedules_from_moto_and_rules(client) -> None:
    now = [T0]
    function = Recorder()
    scheduler_client = client("scheduler")
    scheduler_client.create_schedule(
        Name="hourly",
        ScheduleExpression="rate(1 hour)",
        FlexibleTimeWindow={"Mode": "OFF"},
        Target={
            "Arn": function.arn,
            "RoleArn": "arn:aws:iam::123456789012:role/r",
            "Input": '{"job": "x", "at": "<aws.scheduler.scheduled-time>"}',
        },
    )
    rule = ScheduleEntry(
        key="rule/every5",
        expression="rate(5 minutes)",
        timezone="UTC",
        target={"Arn": function.arn},
        rule_event=True,
    )
    scheduler = Scheduler(
        {function.arn: function},
        client("sqs"),
        scheduler_client,
        {},
        "ap-southeast-1",
        "123456789012",
        rules=[rule],
        clock=lambda: now[0],
    )
    try:
        assert scheduler.tick() == []
        now[0] = T0 + timedelta(minutes=5)
        assert [e.key for e in scheduler.tick()] == ["rule/every5"]
        now[0] = T0 + timedelta(hours=1)
        assert sorted(e.key for e in scheduler.tick()) == ["default/hourly", "rule/every5"]
        scheduler.shutdown()
        # The context attribute is substituted as EventBridge Scheduler does.
        assert {"job": "x", "at": "2026-03-02T01:00:00Z"} in function.payloads
        rule_payload = next(
            p for p in function.payloads if isinstance(p, dict) and p.get("source") == "aws.events"
        )
        assert rule_payload["detail-type"] == "Scheduled Event"
    finally:
        scheduler.shutdown()


def test_at_schedule_targets_a_queue_then_is_deleted(client) -> None:
    sqs = client("sqs")
    url = sqs.create_queue(QueueName="jobs")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    scheduler_client = client("scheduler")
    scheduler_client.create_schedule(
        Name="once",
        ScheduleExpression="at(2026-03-02T00:00:30)",
        ScheduleExpressionTimezone="UTC",
        ActionAfterCompletion="DELETE",
        FlexibleTimeWindow={"Mode": "OFF"},
        Target={"Arn": arn, "RoleArn": "arn:aws:iam::123456789012:role/r", "Input": json.dumps({"n": 1})},
    )
    now = [T0]
    scheduler = Scheduler(
        {}, sqs, scheduler_client, {arn: url}, "ap-southeast-1", "123456789012", clock=lambda: now[0]
    )
    assert scheduler.tick() == []
    now[0] = T0 + timedelta(seconds=31)
    assert [e.key for e in scheduler.tick()] == ["default/once"]
    scheduler.shutdown()
    assert sqs.receive_message(QueueUrl=url)["Messages"][0]["Body"] == '{"n": 1}'
    assert scheduler_client.list_schedules()["Schedules"] == []
