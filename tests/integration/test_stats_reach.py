"""Statistics of reach on moto: each unit's followers total (moved only by real changes of state, replaced by
what a complete follower sync finds) and broadcast messages tried and reached per channel (counted by the
sender once per recipient), rolled up the unit tree and exact under duplicate deliveries."""

from __future__ import annotations

import time
from typing import Any

import pytest
from anninh.broadcasts.sender import Batch
from anninh.zalo.client import CS_PATH

from tests.integration import test_broadcasts
from tests.integration.test_broadcasts import create, sender_source
from tests.integration.test_stats import stats

UNIT = "xa-binh-an"
PROVINCE = "tinh-demo"


def follower_event(stack, kind: str, user_id: str, at_ms: int) -> dict[str, Any]:
    return {
        "app_id": stack.app_id,
        "event_name": kind,
        "timestamp": str(at_ms),
        "oa_id": stack.units[UNIT].oa_id,
        "follower": {"id": user_id},
        **({"source": "oa_profile"} if kind == "follow" else {}),
    }


def total(stack, unit_id: str = UNIT, descendants: bool = False) -> int:
    return int(stats(stack, unit_id, descendants)["levels"]["followers_total"])


def test_the_followers_total_moves_only_when_someone_starts_or_stops_following(stack) -> None:
    now = int(time.time() * 1000)
    first, second = "8800000000000000901", "8800000000000000902"
    for kind, user_id, at in [
        ("follow", first, now),
        ("follow", first, now + 1),  # Zalo tells again: already following
        ("follow", second, now + 2),
        ("unfollow", first, now + 3),
        ("unfollow", first, now + 4),  # again: already gone
        ("unfollow", "8800000000000000903", now + 5),  # never recorded as following
        ("follow", second, now - 10),  # late, about someone already following: moves nothing
    ]:
        assert stack.post(UNIT, follower_event(stack, kind, user_id, at))["statusCode"] == 200
        stack.drain()
    said = stats(stack, UNIT)
    assert said["levels"] == {"followers_total": 1}
    assert (said["counts"]["followers_gained"], said["counts"]["followers_lost"]) == (4, 3)  # events
    assert total(stack, PROVINCE) == 0 and total(stack, PROVINCE, descendants=True) == 1  # rolled up

    oa_id = stack.units[UNIT].oa_id
    stack.zalo.set_followers(oa_id, [second, "8800000000000000904", "8800000000000000905"])
    status, synced = stack.admin("POST", f"/admin/followers/{UNIT}/sync", body={})
    assert status == 200 and synced["done"] and synced["newly_following"] == 2
    assert total(stack) == 3  # what Zalo's complete list says
    stack.admin("POST", f"/admin/followers/{UNIT}/sync", body={})  # again: nobody new
    assert total(stack) == 3


@pytest.fixture
def broadcast_setup(stack):
    """The broadcast tests' own setup: a unit with 7 followers, the sender's clock at daytime."""
    return test_broadcasts.setup.__wrapped__(stack)


def test_broadcast_messages_tried_and_reached_per_channel_count_once(broadcast_setup) -> None:
    stack, unit, _ = broadcast_setup
    consultation = create(unit, "48h")  # user-0..2
    stack.functions["BroadcastFunction"].invoke({"broadcast_id": consultation.broadcast_id})
    stack.drain(source=sender_source(stack))
    counts = stats(stack, unit.unit_id)["counts"]
    assert counts["broadcast_messages_sent"] == 3 and counts["broadcasts_reached_consultation"] == 3

    stack.zalo.add_fault(CS_PATH, error=-213, times=1, user_id="user-3")  # has unfollowed meanwhile
    wider = create(unit, "7d")  # user-0..4
    stack.sqs.purge_queue(QueueUrl=stack.url("OutboundQueue"))
    stack.functions["BroadcastFunction"].invoke({"broadcast_id": wider.broadcast_id})
    bodies = [
        m["Body"]
        for m in stack.sqs.receive_message(
            QueueUrl=stack.url("OutboundQueue"), MaxNumberOfMessages=10, VisibilityTimeout=0
        )["Messages"]
    ]
    assert all(Batch.from_json(body).unit_id == unit.unit_id for body in bodies)
    for body in bodies:  # every batch delivered a second time
        stack.sqs.send_message(QueueUrl=stack.url("OutboundQueue"), MessageBody=body)
    stack.drain(source=sender_source(stack))
    counts = stats(stack, unit.unit_id)["counts"]
    assert counts["broadcast_messages_sent"] == 3 + 5  # each recipient once: 4 reached, 1 refused
    assert counts["broadcasts_reached_consultation"] == 3 + 4

    article = create(unit, "all")
    stack.functions["BroadcastFunction"].invoke({"broadcast_id": article.broadcast_id})
    stack.drain(source=sender_source(stack))
    counts = stats(stack, unit.unit_id)["counts"]
    assert counts["broadcasts_reached_article"] == 1 and counts["broadcast_messages_sent"] == 9
    assert counts["broadcasts_reached_consultation"] == 7
