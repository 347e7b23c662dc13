"""Each OA's monthly allowance of article broadcasts, and the ledger that keeps an OA inside it.

Why a ledger of our own (docs/zalo-platform.md §4, "The OA's broadcast allowance"): Zalo publishes no API
that reports how many article broadcasts an OA may still send this month (its quota query covers
consultation and transaction messages only), and the allowance per package has changed several times. So
the allowance is configured per OA (``anninh zalo quota --unit U --broadcasts-per-month N``; default
:data:`DEFAULT_ARTICLE_BROADCASTS_PER_MONTH`, or the ``ARTICLE_BROADCASTS_PER_MONTH`` setting) and every
article broadcast takes one place in a per-OA, per-month ledger (Vietnam calendar month) before it is sent.

A place is taken by a conditional update keyed by the broadcast's run: the same run asking twice (a
redelivered batch) gets its own place back and never counts twice; a run past the allowance is refused and
the article is *held* (result ``held``, reason ``quota``) instead of being sent. When Zalo itself answers an
article broadcast with an out-of-quota code, the month is marked exhausted, whatever the ledger counted.

Public API: :func:`quota_month`, :class:`QuotaDecision`, :class:`QuotaLedger` (Protocol),
:class:`InMemoryQuotaLedger`, :func:`allowance_from_env`.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol
from zoneinfo import ZoneInfo

from anninh.settings import ConfigError, whole_number

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
# A follower of a verified OA receives at most 4 broadcasts a month (docs/zalo-platform.md §4: Zalo's help
# centre, BFAQ, and its partner's copy, VS): a fifth article in a month reaches only followers who joined
# since. No 2025–2026 figure for the OA's own allowance per package was found, so the default is that limit.
DEFAULT_ARTICLE_BROADCASTS_PER_MONTH = 4
ALLOWANCE_MAX = 1000
HELD = "held"
QUOTA_REASON = "quota"


def quota_month(moment: datetime) -> str:
    """The Vietnam calendar month of ``moment`` as ``YYYY-MM`` (the ledger's period)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(VIETNAM).strftime("%Y-%m")


def check_allowance(value: object) -> int:
    """An allowance is a whole number from 0 (no article broadcasts) to ALLOWANCE_MAX."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= ALLOWANCE_MAX:
        raise ValueError(f"broadcasts per month must be a whole number from 0 to {ALLOWANCE_MAX}")
    return value


def allowance_from_env(env: Mapping[str, str]) -> int:
    """``ARTICLE_BROADCASTS_PER_MONTH`` (the default for OAs without their own), else the documented one."""
    allowance = whole_number(env, "ARTICLE_BROADCASTS_PER_MONTH", DEFAULT_ARTICLE_BROADCASTS_PER_MONTH, 0)
    try:
        return check_allowance(allowance)
    except ValueError as exc:
        raise ConfigError(f"ARTICLE_BROADCASTS_PER_MONTH: {exc} (got {allowance})") from exc


@dataclass(frozen=True)
class QuotaDecision:
    """The ledger's answer for one article broadcast: ``granted`` or not, and the month as it stands."""

    granted: bool
    month: str
    used: int
    allowance: int
    exhausted: bool = False  # Zalo said the OA is out of quota this month

    @property
    def remaining(self) -> int:
        return 0 if self.exhausted else max(self.allowance - self.used, 0)


@dataclass(frozen=True)
class QuotaUsage:
    month: str
    used: int
    exhausted: bool


class QuotaLedger(Protocol):
    def reserve(self, oa_id: str, month: str, key: str, allowance: int) -> QuotaDecision: ...
    def release(self, oa_id: str, month: str, key: str) -> None: ...
    def mark_exhausted(self, oa_id: str, month: str) -> None: ...
    def usage(self, oa_id: str, month: str) -> QuotaUsage: ...


class AllowanceSource(Protocol):
    def allowance(self, oa_id: str) -> int | None: ...  # the OA's own, None: use the default
    def set_allowance(self, oa_id: str, per_month: int, now: datetime) -> None: ...


@dataclass
class InMemoryQuotaLedger:
    """The ledger's rules without DynamoDB (unit tests, and the reference for the Dynamo one)."""

    months: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    exhausted: set[tuple[str, str]] = field(default_factory=set)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def reserve(self, oa_id: str, month: str, key: str, allowance: int) -> QuotaDecision:
        with self._lock:
            keys = self.months.setdefault((oa_id, month), set())
            spent = (oa_id, month) in self.exhausted
            granted = key in keys or (not spent and len(keys) < allowance)
            if granted:
                keys.add(key)
            return QuotaDecision(granted, month, len(keys), allowance, spent)

    def release(self, oa_id: str, month: str, key: str) -> None:
        with self._lock:
            self.months.get((oa_id, month), set()).discard(key)

    def mark_exhausted(self, oa_id: str, month: str) -> None:
        with self._lock:
            self.exhausted.add((oa_id, month))

    def usage(self, oa_id: str, month: str) -> QuotaUsage:
        with self._lock:
            used = len(self.months.get((oa_id, month), set()))
            return QuotaUsage(month, used, (oa_id, month) in self.exhausted)


@dataclass
class InMemoryAllowances:
    values: dict[str, int] = field(default_factory=dict)

    def allowance(self, oa_id: str) -> int | None:
        return self.values.get(oa_id)

    def set_allowance(self, oa_id: str, per_month: int, now: datetime) -> None:
        self.values[oa_id] = check_allowance(per_month)


@dataclass(frozen=True)
class ArticleQuota:
    """What the sender asks before an article broadcast: the OA's allowance (its own or the default) and
    a place in this month's ledger."""

    ledger: QuotaLedger
    allowances: AllowanceSource
    default_allowance: int = DEFAULT_ARTICLE_BROADCASTS_PER_MONTH

    def allowance_of(self, oa_id: str) -> int:
        own = self.allowances.allowance(oa_id)
        return self.default_allowance if own is None else own

    def reserve(self, oa_id: str, key: str, now: datetime) -> QuotaDecision:
        return self.ledger.reserve(oa_id, quota_month(now), key, self.allowance_of(oa_id))

    def set_allowance(self, oa_id: str, per_month: int, now: datetime) -> None:
        self.allowances.set_allowance(oa_id, per_month, now)

    def release(self, oa_id: str, key: str, now: datetime) -> None:
        self.ledger.release(oa_id, quota_month(now), key)

    def exhausted(self, oa_id: str, now: datetime) -> None:
        self.ledger.mark_exhausted(oa_id, quota_month(now))

    def status(self, oa_id: str, now: datetime) -> dict[str, object]:
        """The month as it stands, for doctor, the admin API and the CLI."""
        usage = self.ledger.usage(oa_id, quota_month(now))
        own = self.allowances.allowance(oa_id)
        allowance = self.default_allowance if own is None else own
        return {
            "month": usage.month,
            "broadcasts_per_month": allowance,
            "source": "configured" if own is not None else "default",
            "used": usage.used,
            "remaining": 0 if usage.exhausted else max(allowance - usage.used, 0),
            "exhausted": usage.exhausted,
        }
