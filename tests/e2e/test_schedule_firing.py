"""Schedules fire: the template's token refresh schedule, and one created at run time through the
EventBridge Scheduler API (as broadcasts will be)."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta

import pytest

pytestmark = pytest.mark.e2e

OAUTH_PATH = "/v4/oa/access_token"
TOKENS_SCHEDULE = "TokensFunctionRefreshSchedule"


def oauth_calls(local_stack) -> int:
    return sum(1 for call in local_stack.calls() if call.get("endpoint", call.get("path")) == OAUTH_PATH)


def tokens_due(local_stack) -> set[str]:
    """The OAs whose stored token the refresher treats as due (TOKEN_REFRESH_WITHIN_HOURS=48 in the suite)."""
    dynamodb = local_stack.boto3_client("dynamodb")
    table = next(name for name in dynamodb.list_tables()["TableNames"] if name.endswith("TokensTable"))
    horizon = datetime.now(UTC) + timedelta(hours=48)
    due: set[str] = set()
    for page in dynamodb.get_paginator("scan").paginate(TableName=table, ConsistentRead=True):
        for item in page["Items"]:
            # Like the refresher's scan: rows without ``expires_at`` (an OA's learnt capabilities, the
            # broadcast quota ledger) share the table and are no tokens.
            if "expires_at" in item and datetime.fromisoformat(item["expires_at"]["S"]) <= horizon:
                due.add(item["oa_id"]["S"])
    return due


def test_template_schedule_is_registered_and_fires(local_stack) -> None:
    schedules = {s["name"].split("/", 1)[1]: s for s in local_stack.schedules()}
    refresh = schedules[TOKENS_SCHEDULE]
    assert refresh["expression"] == "rate(1 hour)"
    assert refresh["target"].endswith(":function:anninh-local-TokensFunction")
    assert datetime.fromisoformat(refresh["next_due"]) > datetime.now(UTC)

    due = tokens_due(local_stack)  # every OA's token, those other tests connected through the admin API too
    assert {unit.oa_id for unit in local_stack.units().values() if unit.oa_id} <= due
    before = oauth_calls(local_stack)
    fired = local_stack.fire_schedule(TOKENS_SCHEDULE)
    assert fired["last_error"] is None
    assert oauth_calls(local_stack) - before == len(due)


def test_schedule_created_at_run_time_fires_when_due(local_stack) -> None:
    scheduler = local_stack.boto3_client("scheduler")
    sqs = local_stack.boto3_client("sqs")
    probe_url = sqs.create_queue(QueueName="e2e-schedule-probe")["QueueUrl"]
    probe_arn = sqs.get_queue_attributes(QueueUrl=probe_url, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]
    when = datetime.now(UTC) + timedelta(seconds=2)
    marker = {"probe": "runtime-schedule", "at": when.isoformat()}
    scheduler.create_schedule(
        Name="e2e-probe",
        ScheduleExpression=f"at({when.strftime('%Y-%m-%dT%H:%M:%S')})",
        ScheduleExpressionTimezone="UTC",
        FlexibleTimeWindow={"Mode": "OFF"},
        ActionAfterCompletion="DELETE",
        Target={
            "Arn": probe_arn,
            "RoleArn": "arn:aws:iam::123456789012:role/scheduler",
            "Input": json.dumps(marker),
        },
    )
    deadline = time.monotonic() + 15
    bodies: list[str] = []
    while time.monotonic() < deadline and json.dumps(marker) not in bodies:
        answer = sqs.receive_message(QueueUrl=probe_url, WaitTimeSeconds=1)
        bodies = [m["Body"] for m in answer.get("Messages", [])]
    assert json.dumps(marker) in bodies
    names = [s["Name"] for s in scheduler.list_schedules()["Schedules"]]
    assert "e2e-probe" not in names  # at() with ActionAfterCompletion=DELETE is removed after firing
