"""Broadcasts on the local stack: the schedule's target fans out, the sender sends over HTTP to FakeZalo."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta

import pytest
from anninh.broadcasts.model import new_broadcast
from anninh.store.broadcasts import (
    DynamoBroadcastRepository,
    DynamoResultRepository,
    bind_broadcast_tables,
    run_key,
)
from anninh.store.followers import DynamoFollowerRepository
from anninh.zalo.client import CS_PATH
from localrun import environ
from localrun.sqs_source import SqsEventSource

from tests.integration.conftest import REGION

DAYTIME = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)  # 10:00 Vietnam time
NIGHT = datetime(2026, 11, 23, 16, 0, tzinfo=UTC)  # 23:00 Vietnam time


def sender_source(stack) -> SqsEventSource:
    return stack.source("SenderFunction", "OutboundQueue")


@pytest.fixture
def setup(stack):
    sender_fn = stack.functions["SenderFunction"]
    sender_fn.environment["SEND_RATE_PER_MINUTE"] = "6000"  # 100/s keeps the test fast
    sender_fn.load()
    module = sys.modules["localrun_function_SenderFunction"]
    module.sender.clock = lambda: DAYTIME
    env = sender_fn.runtime_environment
    with environ.overlay(env):
        bind_broadcast_tables(env)
    unit = next(u for u in stack.units.values() if u.oa_id)
    now = datetime.now(UTC)
    followers = DynamoFollowerRepository()
    for i in range(7):  # 0..2 interacted within 48 h, 3..4 within 7 days, 5..6 a month ago
        age = timedelta(hours=1) if i < 3 else timedelta(days=5) if i < 5 else timedelta(days=30)
        followers.record_follow(unit.oa_id, f"user-{i}", now - age, "oa_profile")
    followers.record_follow(unit.oa_id, "gone", now - timedelta(hours=2), None)
    followers.record_unfollow(unit.oa_id, "gone", now - timedelta(hours=1))
    return stack, unit, module


def create(unit, audience: str):
    broadcast = new_broadcast(
        {
            "unit_id": unit.unit_id,
            "text": "Cảnh báo lừa đảo qua điện thoại",
            "audience": audience,
            "at": "2030-01-01T08:00",
        },
        datetime.now(UTC),
        "test",
    )
    DynamoBroadcastRepository().save(broadcast)
    return broadcast


def sent_to(stack) -> list[str]:
    return sorted(e["user_id"] for e in stack.zalo.outbox(endpoint=CS_PATH))


def test_scheduled_broadcast_reaches_exactly_the_in_window_followers(setup):
    stack, unit, _ = setup
    broadcast = create(unit, "48h")
    answer = stack.functions["BroadcastFunction"].invoke({"broadcast_id": broadcast.broadcast_id})
    assert answer["queued"] == 3
    stack.drain(source=sender_source(stack))
    assert sent_to(stack) == ["user-0", "user-1", "user-2"]
    counts = DynamoResultRepository().counts(run_key(broadcast.broadcast_id, "once"))
    assert counts == {"sent": 3}
    # The scheduler firing again does not fan out a one-time broadcast twice.
    assert (
        stack.functions["BroadcastFunction"].invoke({"broadcast_id": broadcast.broadcast_id})["queued"] == 0
    )


def test_redelivered_batch_sends_nothing_twice(setup):
    stack, unit, _ = setup
    broadcast = create(unit, "7d")
    stack.sqs.purge_queue(QueueUrl=stack.url("OutboundQueue"))
    stack.functions["BroadcastFunction"].invoke({"broadcast_id": broadcast.broadcast_id})
    bodies = [
        m["Body"]
        for m in stack.sqs.receive_message(
            QueueUrl=stack.url("OutboundQueue"), MaxNumberOfMessages=10, VisibilityTimeout=0
        )["Messages"]
    ]
    for body in bodies:  # the same batches delivered a second time
        stack.sqs.send_message(QueueUrl=stack.url("OutboundQueue"), MessageBody=body)
    stack.drain(source=sender_source(stack))
    assert sent_to(stack) == [f"user-{i}" for i in range(5)]


def test_rate_limit_storm_slows_the_sender_without_loss(setup):
    stack, unit, module = setup
    module.sender.penalty_seconds = 0.05
    stack.zalo.add_fault(CS_PATH, error=-32, times=4)
    broadcast = create(unit, "all")
    stack.functions["BroadcastFunction"].invoke({"broadcast_id": broadcast.broadcast_id})
    stack.drain(source=sender_source(stack), rounds=20)
    assert sent_to(stack) == [f"user-{i}" for i in range(7)]
    assert DynamoResultRepository().counts(run_key(broadcast.broadcast_id, "once")) == {"sent": 7}


def test_night_rule_defers_promotional_sends(setup):
    stack, unit, module = setup
    module.sender.clock = lambda: NIGHT
    broadcast = create(unit, "48h")
    stack.functions["BroadcastFunction"].invoke({"broadcast_id": broadcast.broadcast_id})
    stack.drain(source=sender_source(stack), rounds=4)
    assert sent_to(stack) == []
    attrs = stack.sqs.get_queue_attributes(
        QueueUrl=stack.url("OutboundQueue"), AttributeNames=["ApproximateNumberOfMessagesDelayed"]
    )["Attributes"]
    assert int(attrs["ApproximateNumberOfMessagesDelayed"]) == 1  # re-queued, delayed towards 06:00
    module.sender.clock = lambda: DAYTIME


def test_admin_creates_pauses_and_cancels_the_schedule(setup):
    stack, unit, _ = setup
    status, created = stack.admin(
        "POST",
        "/admin/broadcasts",
        body={
            "unit_id": unit.unit_id,
            "text": "Tin truy nã",
            "cron": "0 8 ? * MON *",
            "notice_id": "doi-tuong-a",
        },
    )
    assert status == 200, created
    scheduler = __import__("boto3").client("scheduler", region_name=REGION)
    name = f"anninh-broadcast-{created['broadcast_id']}"
    schedule = scheduler.get_schedule(Name=name)
    assert schedule["ScheduleExpressionTimezone"] == "Asia/Ho_Chi_Minh"
    assert schedule["Target"]["Arn"].endswith("BroadcastFunction")
    assert created["content"]["buttons"][-1]["payload"] == "TIP:NOTICE:doi-tuong-a"
    path = f"/admin/broadcasts/{created['broadcast_id']}"
    assert stack.admin("POST", path + "/pause")[1]["status"] == "paused"
    assert scheduler.get_schedule(Name=name)["State"] == "DISABLED"
    assert stack.admin("POST", path + "/resume")[1]["status"] == "scheduled"
    assert stack.admin("POST", path + "/cancel")[1]["status"] == "cancelled"
    assert stack.admin("POST", path + "/resume")[0] == 409
    assert name not in [s["Name"] for s in scheduler.list_schedules()["Schedules"]]
    status, progress = stack.admin("GET", path + "/status")
    assert status == 200 and progress["status"] == "cancelled" and progress["queued"] == 0
    assert (
        stack.admin(
            "POST", "/admin/broadcasts", body={"unit_id": unit.unit_id, "text": "x", "at": "2020-01-01T08:00"}
        )[0]
        == 400
    )


def test_status_counts_results_and_receipts(setup):
    stack, unit, _ = setup
    broadcast = create(unit, "48h")
    stack.functions["BroadcastFunction"].invoke({"broadcast_id": broadcast.broadcast_id})
    stack.drain(source=sender_source(stack))
    from anninh.store.deliveries import DynamoDeliveryRepository

    ids = DynamoResultRepository().message_ids(run_key(broadcast.broadcast_id, "once"))
    DynamoDeliveryRepository().record(ids[0], unit.oa_id, "h", datetime.now(UTC), "received")
    DynamoDeliveryRepository().record(ids[1], unit.oa_id, "h", datetime.now(UTC), "seen")
    status, progress = stack.admin("GET", f"/admin/broadcasts/{broadcast.broadcast_id}/status")
    assert status == 200, progress
    assert (progress["sent"], progress["queued"], progress["pending"]) == (3, 3, 0)
    assert (progress["delivered"], progress["seen"], progress["status"]) == (2, 1, "done")
