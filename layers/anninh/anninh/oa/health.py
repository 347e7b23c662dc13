"""Is an OA ready to serve citizens? Facts recorded per OA, and the verdict ``healthy`` with its reason.

An OA unit is healthy when its secret key is in SSM (the webhook can check Zalo's signature), a token pair
is stored, the access token has not expired, the last scheduled refresh did not fail (or a newer pair was
stored since), the last Zalo error seen was not a token refusal that nothing has fixed since, and Zalo has
not refused a send for quota today.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol
from zoneinfo import ZoneInfo

# Zalo codes that mean the OA's authorization is gone, as anninh.zalo.errors maps them (-216/-220 access
# token invalid or expired, -14014 refresh token invalid, -14020 refresh token already used), and the error
# class names the refresher records for the same situation.
TOKEN_ERROR_LABELS = frozenset(
    {"-216", "-220", "-14014", "-14020", "RefreshTokenReused", "TokenInvalid", "TokenNotProvisioned"}
)

# Zalo's "quota exceeded" answers (anninh.zalo.errors.QuotaExceeded: -211 and -218 for OA messages, -144
# the ZNS daily limit). Zalo's quotas are daily: one seen today (Vietnam time) means no sends until midnight.
QUOTA_ERROR_LABELS = frozenset({"-211", "-218", "-144"})
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")

REASON_OK = "ok"
REASON_NO_SECRET = "secret_missing"  # noqa: S105 - a reason code
REASON_NOT_CONNECTED = "not_connected"
REASON_TOKEN_EXPIRED = "token_expired"  # noqa: S105 - a reason code
REASON_REFRESH_FAILED = "refresh_failed"
REASON_TOKEN_REJECTED = "token_rejected"  # noqa: S105 - a reason code
REASON_QUOTA_EXCEEDED = "quota_exceeded"


@dataclass(frozen=True)
class OaStatus:
    """What the functions recorded about one OA (any field None when never seen)."""

    oa_id: str
    last_event_at: datetime | None = None
    last_refresh_at: datetime | None = None
    last_refresh_ok: bool | None = None
    last_refresh_error: str | None = None
    refresh_failed_version: int | None = None  # the token pair's version when the refresh failed
    last_error_code: str | None = None
    last_error_at: datetime | None = None
    connected_at: datetime | None = None
    quota_exceeded_at: datetime | None = None


class OaStatusRepository(Protocol):
    def get(self, oa_id: str) -> OaStatus | None: ...
    def all(self) -> dict[str, OaStatus]: ...
    def record_event(self, oa_id: str, at: datetime) -> None: ...
    def record_error(self, oa_id: str, label: str, at: datetime) -> None: ...
    def record_refresh(
        self, oa_id: str, ok: bool, error: str | None, token_version: int | None, at: datetime
    ) -> None: ...
    def record_connected(self, oa_id: str, at: datetime) -> None: ...


@dataclass(frozen=True)
class TokenFacts:
    expires_at: datetime
    version: int


@dataclass(frozen=True)
class OaHealth:
    unit_id: str
    unit_name: str
    oa_id: str
    healthy: bool
    reason: str
    detail: str
    secret_present: bool
    token_expires_at: datetime | None
    last_refresh_at: datetime | None
    last_refresh_ok: bool | None
    last_event_at: datetime | None
    last_error_code: str | None
    last_error_at: datetime | None
    quota_exceeded_at: datetime | None

    def as_json(self) -> dict[str, Any]:
        def iso(value: datetime | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "unit_id": self.unit_id,
            "unit_name": self.unit_name,
            "oa_id": self.oa_id,
            "healthy": self.healthy,
            "reason": self.reason,
            "detail": self.detail,
            "secret_present": self.secret_present,
            "token_expires_at": iso(self.token_expires_at),
            "last_refresh_at": iso(self.last_refresh_at),
            "last_refresh_ok": self.last_refresh_ok,
            "last_event_at": iso(self.last_event_at),
            "last_error_code": self.last_error_code,
            "last_error_at": iso(self.last_error_at),
            "quota_exceeded_at": iso(self.quota_exceeded_at),
        }


def _verdict(
    secret_present: bool, token: TokenFacts | None, status: OaStatus, now: datetime
) -> tuple[str, str]:
    if not secret_present:
        return REASON_NO_SECRET, "no OA secret key in SSM: run `anninh oa import`"
    if token is None:
        return REASON_NOT_CONNECTED, "no token pair stored: run `anninh oa connect --unit …`"
    if token.expires_at <= now:
        return REASON_TOKEN_EXPIRED, f"access token expired at {token.expires_at.isoformat()}"
    refresh_failed = status.last_refresh_ok is False and (
        status.refresh_failed_version is None or status.refresh_failed_version == token.version
    )
    if refresh_failed:
        return REASON_REFRESH_FAILED, f"last refresh failed: {status.last_refresh_error or 'unknown'}"
    if status.last_error_code in TOKEN_ERROR_LABELS and status.last_error_at is not None:
        fixed_at = max(
            (
                t
                for t in (status.connected_at, status.last_refresh_at if status.last_refresh_ok else None)
                if t
            ),
            default=None,
        )
        if fixed_at is None or fixed_at < status.last_error_at:
            return REASON_TOKEN_REJECTED, f"Zalo refused the OA's token (error {status.last_error_code})"
    quota_at = status.quota_exceeded_at
    if quota_at is not None and quota_at.astimezone(VIETNAM).date() == now.astimezone(VIETNAM).date():
        return REASON_QUOTA_EXCEEDED, f"Zalo refused a send for quota today at {quota_at.isoformat()}"
    return REASON_OK, "ready"


def assess(
    unit_id: str,
    unit_name: str,
    oa_id: str,
    *,
    secret_present: bool,
    token: TokenFacts | None,
    status: OaStatus | None,
    now: datetime,
) -> OaHealth:
    """The health of one OA unit from what is stored about it."""
    status = status or OaStatus(oa_id)
    reason, detail = _verdict(secret_present, token, status, now)
    return OaHealth(
        unit_id=unit_id,
        unit_name=unit_name,
        oa_id=oa_id,
        healthy=reason == REASON_OK,
        reason=reason,
        detail=detail,
        secret_present=secret_present,
        token_expires_at=token.expires_at if token else None,
        last_refresh_at=status.last_refresh_at,
        last_refresh_ok=status.last_refresh_ok,
        last_event_at=status.last_event_at,
        last_error_code=status.last_error_code,
        last_error_at=status.last_error_at,
        quota_exceeded_at=status.quota_exceeded_at,
    )
