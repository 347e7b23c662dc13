"""Broadcasts on the local stack: the schedule's target fans out, the sender sends over HTTP to FakeZalo."""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime, timedelta

import pytest
from anninh import texts
from anninh.broadcasts.model import new_broadcast
from anninh.broadcasts.ports import run_key
from anninh.broadcasts.sender import Batch
from anninh.store.broadcasts import DynamoBroadcastRepository, DynamoResultRepository, bind_broadcast_tables
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


def create(unit, audience: str, *, promotional: bool = True):
    broadcast = new_broadcast(
        {
            "unit_id": unit.unit_id,
            "text": "Cảnh báo lừa đảo qua điện thoại",
            "audience": audience,
            "at": "2030-01-01T08:00",
            "promotional": promotional,
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
    broadcast = create(unit, "7d")
    stack.functions["BroadcastFunction"].invoke({"broadcast_id": broadcast.broadcast_id})
    stack.drain(source=sender_source(stack), rounds=20)
    assert sent_to(stack) == [f"user-{i}" for i in range(5)]
    assert DynamoResultRepository().counts(run_key(broadcast.broadcast_id, "once")) == {"sent": 5}


@pytest.mark.parametrize("profile", ["default", "strict"])
def test_all_followers_get_one_article_broadcast_per_oa(setup, profile):
    """docs/zalo-platform.md §4: the "all" audience is Zalo's article broadcast, not consultation messages
    (which reach only followers active within 7 days)."""
    stack, unit, _ = setup
    stack.zalo.set_profile(profile)
    try:
        broadcast = create(unit, "all")
        answer = stack.functions["BroadcastFunction"].invoke({"broadcast_id": broadcast.broadcast_id})
        assert answer["queued"] == 1  # one article broadcast for the OA
        stack.drain(source=sender_source(stack))
    finally:
        stack.zalo.set_profile("default")
    assert sent_to(stack) == []  # no consultation message at all
    [article] = stack.zalo.outbox(endpoint="/v2.0/article/create")
    assert article["oa_id"] == unit.oa_id and article["body"]["title"] == "Cảnh báo lừa đảo qua điện thoại"
    [sent] = stack.zalo.outbox(endpoint="/v2.0/oa/message")
    assert sent["body"]["recipient"] == {"target": {}}
    element = sent["body"]["message"]["attachment"]["payload"]["elements"][0]
    assert element["media_type"] == "article" and element["attachment_id"].isdigit()
    counts = DynamoResultRepository().counts(run_key(broadcast.broadcast_id, "once"))
    assert counts == {"sent": 1}
    status, progress = stack.admin("GET", f"/admin/broadcasts/{broadcast.broadcast_id}/status")
    assert status == 200 and progress["channels"] == {"consultation": 0, "article": 1}


def test_an_article_broadcast_waits_for_the_morning_even_when_not_promotional(setup):
    stack, unit, module = setup
    module.sender.clock = lambda: NIGHT
    broadcast = create(unit, "all", promotional=False)
    assert not broadcast.promotional
    stack.functions["BroadcastFunction"].invoke({"broadcast_id": broadcast.broadcast_id})
    stack.drain(source=sender_source(stack), rounds=4)
    assert stack.zalo.outbox(endpoint="/v2.0/article/create") == []
    module.sender.clock = lambda: DAYTIME


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
    wanted = {
        "unit_id": unit.unit_id,
        "text": "Tin truy nã",
        "cron": "0 8 ? * MON *",
        "notice_id": "doi-tuong-a",
    }
    status, refused = stack.admin("POST", "/admin/broadcasts", body=wanted)
    assert status == 400 and refused["message"] == texts.ADMIN_BROADCAST_INVALID.format(
        error=texts.BROADCAST_ERROR_NO_NOTICE.format(notice_id="doi-tuong-a", unit_id=unit.unit_id)
    )
    assert stack.admin("GET", "/admin/broadcasts")[1]["items"] == []  # nothing written
    notice = {"name": "Đối tượng A", "summary": "Bị truy nã.", "date": "2026-11-01"}
    assert stack.admin("PUT", f"/admin/content/{unit.unit_id}/wanted/doi-tuong-a", body=notice)[0] == 200
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
    group = stack.url("SchedulesGroup")  # the stack's own schedule group, never "default"
    schedule = scheduler.get_schedule(Name=name, GroupName=group)
    assert schedule["ScheduleExpressionTimezone"] == "Asia/Ho_Chi_Minh"
    assert schedule["Target"]["Arn"].endswith("BroadcastFunction")
    # A firing the scheduler cannot deliver is parked in the schedules' DLQ, not lost.
    assert schedule["Target"]["DeadLetterConfig"]["Arn"] == stack.arn("ScheduleDeadLetterQueue")
    assert created["content"]["buttons"][-1]["payload"] == "TIP:NOTICE:doi-tuong-a"
    path = f"/admin/broadcasts/{created['broadcast_id']}"
    assert stack.admin("POST", path + "/pause")[1]["status"] == "paused"
    assert scheduler.get_schedule(Name=name, GroupName=group)["State"] == "DISABLED"
    assert stack.admin("POST", path + "/resume")[1]["status"] == "scheduled"
    assert stack.admin("POST", path + "/cancel")[1]["status"] == "cancelled"
    assert stack.admin("POST", path + "/resume")[0] == 409
    assert name not in [s["Name"] for s in scheduler.list_schedules(GroupName=group)["Schedules"]]
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


def results_of(broadcast) -> dict[str, dict[str, str | None]]:
    from anninh.store.broadcasts import ResultModel

    return {
        m.user_id: {"status": m.status, "reason": m.reason}
        for m in ResultModel.query(run_key(broadcast.broadcast_id, "once"))
    }


def test_a_lost_answer_is_in_doubt_never_resent_and_counted(setup):
    stack, unit, _ = setup
    stack.zalo.add_fault(CS_PATH, http_status=504, user_id="user-1", after=True)  # Zalo took it, answer lost
    broadcast = create(unit, "48h")
    stack.functions["BroadcastFunction"].invoke({"broadcast_id": broadcast.broadcast_id})
    stack.drain(source=sender_source(stack))
    assert sent_to(stack) == ["user-0", "user-1", "user-2"]  # user-1 did receive it, once
    assert results_of(broadcast)["user-1"] == {"status": "in_doubt", "reason": "answer_lost"}
    status, progress = stack.admin("GET", f"/admin/broadcasts/{broadcast.broadcast_id}/status")
    assert status == 200
    assert (progress["sent"], progress["in_doubt"], progress["pending"], progress["status"]) == (
        2,
        1,
        0,
        "done",
    )
    assert progress["reasons"] == {"answer_lost": 1}


def test_a_sender_stopping_between_send_and_result_leaves_the_recipient_in_doubt(setup, monkeypatch):
    """The finish write fails after Zalo accepted the message (the instance dies): SQS delivers the batch
    again; the claim is too young to judge (its sender might still run), so that recipient is re-queued
    and resolved as in doubt once the lease is over — never sent a second time."""
    stack, unit, module = setup
    now = [DAYTIME]
    monkeypatch.setattr(module.sender, "clock", lambda: now[0])
    monkeypatch.setattr(module.sender, "claim_lease", timedelta(seconds=1))
    results = module.sender.results
    finish = results.finish
    stopped: list[str] = []

    def stop_once(run, user_id, claim, outcome, at):
        if user_id == "user-1" and not stopped:
            stopped.append(user_id)
            raise RuntimeError("the sender's instance died before writing the result")
        finish(run, user_id, claim, outcome, at)

    monkeypatch.setattr(results, "finish", stop_once)
    broadcast = create(unit, "48h")
    stack.functions["BroadcastFunction"].invoke({"broadcast_id": broadcast.broadcast_id})
    stack.drain(source=sender_source(stack), rounds=4)  # the failed record is redelivered at once
    assert stopped == ["user-1"] and sent_to(stack) == ["user-0", "user-1", "user-2"]
    assert results_of(broadcast)["user-1"]["status"] == "claimed"

    now[0] = DAYTIME + timedelta(seconds=5)  # past the lease when the held recipient comes back
    time.sleep(2.2)  # the re-queued batch's SQS delay (lease + 1 s)
    stack.drain(source=sender_source(stack), rounds=4)
    assert results_of(broadcast)["user-1"] == {"status": "in_doubt", "reason": "sender_stopped"}
    assert sent_to(stack) == ["user-0", "user-1", "user-2"]  # never re-sent
    assert DynamoResultRepository().counts(run_key(broadcast.broadcast_id, "once")) == {
        "sent": 2,
        "in_doubt": 1,
    }


def test_a_batch_deferred_past_the_cap_is_recorded_expired_with_its_reason(setup):
    stack, unit, _ = setup
    broadcast = create(unit, "48h")
    DynamoBroadcastRepository().start_run(broadcast.broadcast_id, "once", 3, "running", DAYTIME)
    waiting = Batch(
        broadcast.broadcast_id,
        "once",
        unit.oa_id,
        ("user-0", "user-1", "user-2"),
        deferred_since=DAYTIME - timedelta(hours=25),  # paused for longer than the 24 h cap
        deferred_reason="paused",
    )
    stack.sqs.send_message(QueueUrl=stack.url("OutboundQueue"), MessageBody=waiting.to_json())
    stack.drain(source=sender_source(stack))
    assert sent_to(stack) == []
    assert {u: r["status"] for u, r in results_of(broadcast).items()} == dict.fromkeys(
        ("user-0", "user-1", "user-2"), "expired"
    )
    status, progress = stack.admin("GET", f"/admin/broadcasts/{broadcast.broadcast_id}/status")
    assert status == 200
    assert (progress["expired"], progress["pending"], progress["status"]) == (3, 0, "done")
    assert progress["reasons"] == {"paused": 3}


def test_refusals_are_explained_in_vietnamese(setup):
    stack, unit, _ = setup
    status, answer = stack.admin(
        "POST", "/admin/broadcasts", body={"unit_id": "khong-co", "text": "x", "at": "2030-01-01T08:00"}
    )
    assert status == 400 and answer["message"] == "Tin phát không hợp lệ: không có đơn vị khong-co."
    status, answer = stack.admin(
        "POST", "/admin/broadcasts", body={"unit_id": unit.unit_id, "text": "x", "cron": "0 8 * *"}
    )
    assert status == 400 and "cron cần đủ 6 trường" in answer["message"]
    created = create(unit, "48h")
    DynamoBroadcastRepository().set_status(created.broadcast_id, "done", DAYTIME)
    status, answer = stack.admin("POST", f"/admin/broadcasts/{created.broadcast_id}/pause")
    assert status == 409
    assert (
        answer["message"]
        == "Không thể thực hiện: không thể tạm dừng tin phát đang ở trạng thái “đã gửi xong”."
    )
