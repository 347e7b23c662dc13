"""Broadcasts, per-recipient results and the per-OA send-rate slots, in three tables of their own.

Tables: ``BROADCASTS_TABLE`` (one item per broadcast), ``BROADCAST_RESULTS_TABLE`` (``run_key`` =
"<broadcast_id>#<run_id>" + ``user_id``: the claim and then the result of one recipient) and
``SEND_RATE_TABLE`` (``oa_id``: the next free send slot, see :mod:`anninh.broadcasts.limiter`).

A result row starts as ``claimed`` (with the claim's token and time) and ends with one of
:data:`anninh.broadcasts.model.RESULTS`; ``reason`` says why for ``in_doubt`` and ``expired``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import datetime, timedelta

from pynamodb.attributes import (
    BooleanAttribute,
    JSONAttribute,
    MapAttribute,
    NumberAttribute,
    TTLAttribute,
    UnicodeAttribute,
    UTCDateTimeAttribute,
)
from pynamodb.exceptions import DeleteError, PutError, UpdateError
from pynamodb.expressions.update import Action
from pynamodb.models import Model

from anninh.broadcasts.model import Broadcast, content_from_json
from anninh.broadcasts.ports import CLAIMED, Outcome, ResultRow
from anninh.settings import TableNames, environment
from anninh.store.models import UNBOUND, bind_model, ensure_bound, utcnow


class BroadcastModel(Model):
    class Meta:
        table_name = UNBOUND

    broadcast_id = UnicodeAttribute(hash_key=True)
    unit_id = UnicodeAttribute()
    include_descendants = BooleanAttribute(default=False)
    audience = UnicodeAttribute()
    content = JSONAttribute()
    schedule = UnicodeAttribute()
    status = UnicodeAttribute()
    promotional = BooleanAttribute(default=True)
    notice_id = UnicodeAttribute(null=True)
    created_by = UnicodeAttribute(default="")
    created_at = UTCDateTimeAttribute(default=utcnow)
    updated_at = UTCDateTimeAttribute(default=utcnow)
    last_run_id = UnicodeAttribute(null=True)
    runs = MapAttribute[str, int](default=dict)


RESULT_RETENTION = timedelta(days=90)


class ResultModel(Model):
    class Meta:
        table_name = UNBOUND

    run_key = UnicodeAttribute(hash_key=True)
    user_id = UnicodeAttribute(range_key=True)
    status = UnicodeAttribute()
    claim = UnicodeAttribute(null=True)
    message_id = UnicodeAttribute(null=True)
    code = NumberAttribute(null=True)
    reason = UnicodeAttribute(null=True)
    updated_at = UTCDateTimeAttribute(default=utcnow)
    # Removed by the table's TTL RESULT_RETENTION after the last change: far beyond any redelivery of a
    # batch (the queue keeps a message 4 days, a deferred batch expires after BROADCAST_MAX_DEFER_HOURS).
    expires_at = TTLAttribute(null=True)


class SendRateModel(Model):
    class Meta:
        table_name = UNBOUND

    oa_id = UnicodeAttribute(hash_key=True)
    next_slot = NumberAttribute()  # epoch seconds of the next free send slot


def bind_broadcast_tables(env: Mapping[str, str] | None = None, region: str | None = None) -> None:
    names = TableNames.from_env(environment() if env is None else env)
    bind_model(BroadcastModel, names.broadcasts, region)
    bind_model(ResultModel, names.broadcast_results, region)
    bind_model(SendRateModel, names.send_rate, region)


def _to_broadcast(m: BroadcastModel) -> Broadcast:
    return Broadcast(
        broadcast_id=m.broadcast_id,
        unit_id=m.unit_id,
        include_descendants=bool(m.include_descendants),
        audience=m.audience,
        content=content_from_json(m.content),
        schedule=m.schedule,
        status=m.status,
        promotional=bool(m.promotional),
        notice_id=m.notice_id,
        created_by=m.created_by,
        created_at=m.created_at,
        updated_at=m.updated_at,
        last_run_id=m.last_run_id,
        runs={k: int(v) for k, v in (m.runs.as_dict() if m.runs else {}).items()},
    )


class DynamoBroadcastRepository:
    def __init__(self) -> None:
        ensure_bound(BroadcastModel)

    def save(self, b: Broadcast) -> None:
        BroadcastModel(
            b.broadcast_id,
            unit_id=b.unit_id,
            include_descendants=b.include_descendants,
            audience=b.audience,
            content=b.content.as_json(),
            schedule=b.schedule,
            status=b.status,
            promotional=b.promotional,
            notice_id=b.notice_id,
            created_by=b.created_by,
            created_at=b.created_at or utcnow(),
            updated_at=b.updated_at or utcnow(),
            last_run_id=b.last_run_id,
            runs=dict(b.runs),
        ).save()

    def get(self, broadcast_id: str) -> Broadcast | None:
        try:
            return _to_broadcast(BroadcastModel.get(broadcast_id))
        except BroadcastModel.DoesNotExist:
            return None

    def all(self) -> list[Broadcast]:
        return [_to_broadcast(m) for m in BroadcastModel.scan()]

    def set_status(self, broadcast_id: str, status: str, at: datetime) -> None:
        BroadcastModel(broadcast_id).update(
            actions=[BroadcastModel.status.set(status), BroadcastModel.updated_at.set(at)],
            condition=BroadcastModel.broadcast_id.exists(),
        )

    def start_run(self, broadcast_id: str, run_id: str, queued: int, status: str, at: datetime) -> None:
        BroadcastModel(broadcast_id).update(
            actions=[
                BroadcastModel.runs[run_id].set(queued),  # type: ignore[attr-defined,index,unused-ignore]
                BroadcastModel.last_run_id.set(run_id),
                BroadcastModel.status.set(status),
                BroadcastModel.updated_at.set(at),
            ],
            condition=BroadcastModel.broadcast_id.exists(),
        )


def _conditional(exc: PutError | UpdateError | DeleteError) -> bool:
    return exc.cause_response_code == "ConditionalCheckFailedException"


class DynamoResultRepository:
    """Claim before sending (a conditional put that only the first taker wins), finish after."""

    def __init__(self) -> None:
        ensure_bound(ResultModel)

    def claim(self, run: str, user_id: str, claim: str, at: datetime) -> bool:
        try:
            ResultModel(
                run, user_id, status=CLAIMED, claim=claim, updated_at=at, expires_at=at + RESULT_RETENTION
            ).save(condition=ResultModel.user_id.does_not_exist())
        except PutError as exc:
            if _conditional(exc):
                return False
            raise
        return True

    def release(self, run: str, user_id: str, claim: str) -> None:
        try:
            ResultModel(run, user_id).delete(
                condition=(ResultModel.status == CLAIMED) & (ResultModel.claim == claim)
            )
        except DeleteError as exc:
            if not _conditional(exc):
                raise

    @staticmethod
    def _actions(outcome: Outcome, at: datetime) -> list[Action]:
        return [
            ResultModel.status.set(outcome.status),
            ResultModel.updated_at.set(at),
            ResultModel.expires_at.set(at + RESULT_RETENTION),
            ResultModel.message_id.set(outcome.message_id)
            if outcome.message_id
            else ResultModel.message_id.remove(),
            ResultModel.code.set(outcome.code) if outcome.code is not None else ResultModel.code.remove(),
            ResultModel.reason.set(outcome.reason) if outcome.reason else ResultModel.reason.remove(),
        ]

    def finish(self, run: str, user_id: str, claim: str, outcome: Outcome, at: datetime) -> None:
        ResultModel(run, user_id).update(
            actions=self._actions(outcome, at), condition=ResultModel.claim == claim
        )

    def get(self, run: str, user_id: str) -> ResultRow | None:
        try:
            item = ResultModel.get(run, user_id, consistent_read=True)
        except ResultModel.DoesNotExist:
            return None
        return ResultRow(item.status, item.claim, item.updated_at)

    def resolve_claim(self, run: str, user_id: str, claim: str, outcome: Outcome, at: datetime) -> bool:
        """Give a claim that was never finished its final result; False if it changed meanwhile."""
        try:
            ResultModel(run, user_id).update(
                actions=self._actions(outcome, at),
                condition=(ResultModel.status == CLAIMED) & (ResultModel.claim == claim),
            )
        except UpdateError as exc:
            if _conditional(exc):
                return False
            raise
        return True

    def settle(self, run: str, user_id: str, outcome: Outcome, at: datetime) -> bool:
        """Record a final result for someone nobody claimed (a recipient that will not be sent)."""
        try:
            ResultModel(
                run, user_id, status=outcome.status, code=outcome.code, reason=outcome.reason, updated_at=at
            ).save(condition=ResultModel.user_id.does_not_exist())
        except PutError as exc:
            if _conditional(exc):
                return False
            raise
        return True

    def counts(self, run: str) -> Counter[str]:
        return Counter(m.status for m in ResultModel.query(run, attributes_to_get=["status"]))

    def reasons(self, run: str) -> Counter[str]:
        """How many in_doubt and expired results each reason accounts for."""
        return Counter(m.reason for m in ResultModel.query(run, attributes_to_get=["reason"]) if m.reason)

    def message_ids(self, run: str) -> list[str]:
        return [m.message_id for m in ResultModel.query(run) if m.message_id]


class DeliveryReceipts:
    """Delivered/seen counts of recorded Zalo message ids, from the deliveries table (batch gets of 100)."""

    def receipts(self, message_ids: list[str]) -> tuple[int, int]:
        from anninh.store.models import DeliveryModel

        ensure_bound(DeliveryModel)
        delivered = seen = 0
        for item in DeliveryModel.batch_get(message_ids):
            delivered += bool(item.delivered_at or item.seen_at)
            seen += bool(item.seen_at)
        return delivered, seen
