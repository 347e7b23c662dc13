"""Article broadcasts inside each OA's monthly allowance (anninh.broadcasts.quota), on moto and the fake Zalo:
the ledger's conditional updates, the admin route and CLI's backend, and the sender holding an article past
the allowance or refused by Zalo as out of quota."""

from __future__ import annotations

import pytest
from anninh.broadcasts.ports import run_key
from anninh.broadcasts.quota import QuotaDecision
from anninh.broadcasts.sender import Batch
from anninh.store.broadcast_quota import DynamoAllowances, DynamoQuotaLedger
from anninh.store.broadcasts import DynamoResultRepository
from localrun import environ

from tests.integration import test_broadcasts
from tests.integration.test_broadcasts import create, sender_source

MONTH = "2026-11"  # DAYTIME's Vietnam month


@pytest.fixture
def broadcast_setup(stack):
    """The broadcast tests' own setup: a unit with 7 followers, the sender's clock at DAYTIME."""
    return test_broadcasts.setup.__wrapped__(stack)


@pytest.fixture
def ledger(stack) -> DynamoQuotaLedger:
    with environ.overlay(stack.functions["SenderFunction"].runtime_environment):
        return DynamoQuotaLedger()


def test_a_run_takes_one_place_however_often_it_asks_and_never_more_than_the_allowance(ledger) -> None:
    assert ledger.reserve("oa1", MONTH, "b1#once", 2) == QuotaDecision(True, MONTH, 1, 2)
    assert ledger.reserve("oa1", MONTH, "b1#once", 2).granted  # a redelivery gets its own place back
    assert ledger.usage("oa1", MONTH).used == 1
    assert ledger.reserve("oa1", MONTH, "b2#once", 2).granted
    refused = ledger.reserve("oa1", MONTH, "b3#once", 2)
    assert not refused.granted and refused.used == 2 and refused.remaining == 0
    assert ledger.reserve("oa1", "2026-12", "b3#once", 2).granted  # a new month, a new ledger
    assert ledger.reserve("oa2", MONTH, "b3#once", 2).granted  # each OA its own
    ledger.release("oa1", MONTH, "b2#once")
    ledger.release("oa1", MONTH, "b2#once")  # twice: gives back one place only
    assert ledger.usage("oa1", MONTH).used == 1
    assert ledger.reserve("oa1", MONTH, "b3#once", 2).granted
    ledger.mark_exhausted("oa1", MONTH)
    assert not ledger.reserve("oa1", MONTH, "b4#once", 99).granted  # Zalo said so: nothing more this month
    assert ledger.usage("oa1", MONTH).exhausted


def test_redelivered_runs_take_exactly_the_allowance(ledger) -> None:
    # Six runs, each delivered twice and interleaved as a busy queue would. Each place is one conditional
    # update, so real concurrency is DynamoDB's to serialise; moto's in-process tables are not safe under
    # threads, so the interleaving is played in order here.
    order = [f"b{i % 6}#once" for i in range(12)]
    decisions: list[QuotaDecision] = [ledger.reserve("oa-busy", MONTH, run, 3) for run in order]
    assert ledger.usage("oa-busy", MONTH).used == 3
    granted = {run for run, decision in zip(order, decisions, strict=True) if decision.granted}
    assert granted == {"b0#once", "b1#once", "b2#once"}  # the first three runs, each given back its place
    assert sum(d.granted for d in decisions) == 6


def test_past_the_allowance_an_article_is_held_reported_and_never_sent(broadcast_setup, ledger) -> None:
    stack, unit, _ = broadcast_setup
    status, quota = stack.admin("PUT", f"/admin/zalo/{unit.unit_id}/quota", body={"broadcasts_per_month": 1})
    assert status == 200 and quota["broadcasts_per_month"] == 1 and quota["source"] == "configured"
    first, second = create(unit, "all"), create(unit, "all")
    for broadcast in (first, second):
        stack.functions["BroadcastFunction"].invoke({"broadcast_id": broadcast.broadcast_id})
        stack.drain(source=sender_source(stack))
    assert len(stack.zalo.outbox(endpoint="/v2.0/oa/message")) == 1  # only the first went out
    assert DynamoResultRepository().counts(run_key(first.broadcast_id, "once")) == {"sent": 1}
    assert DynamoResultRepository().counts(run_key(second.broadcast_id, "once")) == {"held": 1}
    status, progress = stack.admin("GET", f"/admin/broadcasts/{second.broadcast_id}/status")
    assert status == 200 and progress["held"] == 1 and progress["reasons"] == {"quota": 1}
    assert progress["status"] == "done" and progress["channels"] == {"consultation": 0, "article": 0}

    # the held one's batch delivered again: still held, the ledger unmoved; the sent one's: not sent twice
    for broadcast in (first, second):
        batch = Batch(broadcast.broadcast_id, "once", unit.oa_id, (f"article#{unit.oa_id}",))
        stack.sqs.send_message(QueueUrl=stack.url("OutboundQueue"), MessageBody=batch.to_json())
    stack.drain(source=sender_source(stack))
    assert len(stack.zalo.outbox(endpoint="/v2.0/oa/message")) == 1
    assert ledger.usage(unit.oa_id, MONTH).used == 1  # the sender's month (its clock: DAYTIME)

    # consultation broadcasts never touch the ledger
    consultation = create(unit, "48h")
    stack.functions["BroadcastFunction"].invoke({"broadcast_id": consultation.broadcast_id})
    stack.drain(source=sender_source(stack))
    assert DynamoResultRepository().counts(run_key(consultation.broadcast_id, "once")) == {"sent": 3}


def test_zalo_out_of_quota_holds_the_article_and_closes_the_month(broadcast_setup, ledger) -> None:
    stack, unit, _ = broadcast_setup
    stack.zalo.set_profile("strict")
    stack.zalo.article_quota = 0  # Zalo counts differently from our ledger: it refuses with -211
    try:
        refused, later = create(unit, "all"), create(unit, "all")
        for broadcast in (refused, later):
            stack.functions["BroadcastFunction"].invoke({"broadcast_id": broadcast.broadcast_id})
            stack.drain(source=sender_source(stack))
    finally:
        stack.zalo.set_profile("default")
        stack.zalo.article_quota = 4
    assert stack.zalo.outbox(endpoint="/v2.0/oa/message") == []
    refused_calls = [c for c in stack.zalo.calls() if c["endpoint"] == "/v2.0/oa/message"]
    assert [c["error"] for c in refused_calls] == [-211]  # the later one never asked Zalo
    for broadcast in (refused, later):
        assert DynamoResultRepository().counts(run_key(broadcast.broadcast_id, "once")) == {"held": 1}
    assert ledger.usage(unit.oa_id, MONTH).exhausted


def test_bad_allowances_are_refused_and_change_nothing(broadcast_setup) -> None:
    stack, unit, _ = broadcast_setup
    for bad in (
        {"broadcasts_per_month": -1},
        {"broadcasts_per_month": 1001},
        {"broadcasts_per_month": "x"},
        {},
    ):
        status, _ = stack.admin("PUT", f"/admin/zalo/{unit.unit_id}/quota", body=bad)
        assert status == 422, bad
    status, quota = stack.admin("GET", f"/admin/zalo/{unit.unit_id}/quota")
    assert status == 200 and quota["source"] == "default" and quota["broadcasts_per_month"] == 4
    assert stack.admin("GET", "/admin/zalo/khong-co/quota")[0] == 404
    status, doctor = stack.admin("POST", f"/admin/zalo/{unit.unit_id}/doctor", body={})
    assert status == 200 and doctor["report"]["article_quota"]["broadcasts_per_month"] == 4  # doctor says it
    with environ.overlay(stack.functions["SenderFunction"].runtime_environment):
        assert DynamoAllowances().allowance(unit.oa_id) is None
