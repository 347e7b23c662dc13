"""Each OA's article-broadcast allowance and monthly ledger (anninh.broadcasts.quota) in the OA token table.

Why that table (as for anninh.store.zalo_capabilities): the sender and the admin API already read and update
it and nothing else needs the ledger. Items (keys never digits, so never taken for a token; no ``expires_at``,
so the token refresher's scan never sees them):

- ``broadcast-quota#<oa_id>``: ``per_month``, the OA's own allowance (absent: the default);
- ``broadcast-quota#<oa_id>#<YYYY-MM>``: ``used`` (places taken), ``runs`` (the run keys that took them) and
  ``exhausted`` (Zalo answered out of quota this month).

Only UpdateItem and GetItem: a place is taken by one conditional update (not already taken by this run, not
exhausted, ``used`` below the allowance), so a redelivered batch or two senders at once can never take more
places than the allowance, nor one run two.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from pynamodb.attributes import (
    BooleanAttribute,
    NumberAttribute,
    UnicodeAttribute,
    UnicodeSetAttribute,
    UTCDateTimeAttribute,
)
from pynamodb.exceptions import DoesNotExist, UpdateError
from pynamodb.models import Model

from anninh.broadcasts.quota import QuotaDecision, QuotaUsage, check_allowance
from anninh.settings import environment, require
from anninh.store.models import bind_model

KEY_PREFIX = "broadcast-quota#"
TABLE_ENV = "TOKENS_TABLE"
UNBOUND = "__unbound__"


def allowance_key(oa_id: str) -> str:
    return f"{KEY_PREFIX}{oa_id}"


def ledger_key(oa_id: str, month: str) -> str:
    return f"{KEY_PREFIX}{oa_id}#{month}"


class BroadcastQuotaItem(Model):
    class Meta:
        table_name = UNBOUND
        region: str | None = None
        host: str | None = None

    oa_id = UnicodeAttribute(hash_key=True)  # allowance_key(...) or ledger_key(...)
    per_month = NumberAttribute(null=True)
    used = NumberAttribute(null=True)
    runs = UnicodeSetAttribute(null=True)
    exhausted = BooleanAttribute(null=True)
    updated_at = UTCDateTimeAttribute(null=True)


def bind_quota_table(env: Mapping[str, str] | None = None) -> None:
    env = environment() if env is None else env
    bind_model(BroadcastQuotaItem, require(env, TABLE_ENV, "broadcast quotas live there"), env=env)


def _conditional(exc: UpdateError) -> bool:
    return exc.cause_response_code == "ConditionalCheckFailedException"


def _get(key: str) -> BroadcastQuotaItem | None:
    try:
        return BroadcastQuotaItem.get(key, consistent_read=True)
    except DoesNotExist:
        return None


class DynamoQuotaLedger:
    """:class:`anninh.broadcasts.quota.QuotaLedger` on DynamoDB conditional updates."""

    def __init__(self, env: Mapping[str, str] | None = None) -> None:
        bind_quota_table(env)

    def reserve(self, oa_id: str, month: str, key: str, allowance: int) -> QuotaDecision:
        item = BroadcastQuotaItem(ledger_key(oa_id, month))
        room = BroadcastQuotaItem.used.does_not_exist() | (BroadcastQuotaItem.used < allowance)
        try:
            item.update(
                actions=[BroadcastQuotaItem.used.add(1), BroadcastQuotaItem.runs.add({key})],
                condition=~BroadcastQuotaItem.runs.contains(key)
                & BroadcastQuotaItem.exhausted.does_not_exist()
                & room,
            )
        except UpdateError as exc:
            if not _conditional(exc):
                raise
            found = _get(ledger_key(oa_id, month))
            runs = set(found.runs or ()) if found else set()
            used = int(found.used or 0) if found else 0
            exhausted = bool(found.exhausted) if found else False
            return QuotaDecision(key in runs, month, used, allowance, exhausted)
        return QuotaDecision(True, month, int(item.used or 0), allowance)

    def release(self, oa_id: str, month: str, key: str) -> None:
        """Give a run's place back (Zalo certainly did not send it); nothing if it holds none."""
        try:
            BroadcastQuotaItem(ledger_key(oa_id, month)).update(
                actions=[BroadcastQuotaItem.used.add(-1), BroadcastQuotaItem.runs.delete({key})],
                condition=BroadcastQuotaItem.runs.contains(key),
            )
        except UpdateError as exc:
            if not _conditional(exc):
                raise

    def mark_exhausted(self, oa_id: str, month: str) -> None:
        BroadcastQuotaItem(ledger_key(oa_id, month)).update(actions=[BroadcastQuotaItem.exhausted.set(True)])

    def usage(self, oa_id: str, month: str) -> QuotaUsage:
        found = _get(ledger_key(oa_id, month))
        if found is None:
            return QuotaUsage(month, 0, False)
        return QuotaUsage(month, int(found.used or 0), bool(found.exhausted))


class DynamoAllowances:
    """Each OA's own allowance (:class:`anninh.broadcasts.quota.AllowanceSource`), set by the admin API."""

    def __init__(self, env: Mapping[str, str] | None = None) -> None:
        bind_quota_table(env)

    def allowance(self, oa_id: str) -> int | None:
        found = _get(allowance_key(oa_id))
        return None if found is None or found.per_month is None else int(found.per_month)

    def set_allowance(self, oa_id: str, per_month: int, now: datetime) -> None:
        BroadcastQuotaItem(allowance_key(oa_id)).update(
            actions=[
                BroadcastQuotaItem.per_month.set(check_allowance(per_month)),
                BroadcastQuotaItem.updated_at.set(now),
            ]
        )
