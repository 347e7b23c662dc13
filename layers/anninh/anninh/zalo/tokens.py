"""OA access tokens (docs/zalo-platform.md §5): OAuth v4 refresh and the ``TokenManager`` giving them out.

Refresh tokens are single-use: every refresh returns a new pair and the old refresh token answers -14020
afterwards. So a refresh is done by one worker at a time, under a lock taken with a conditional write, and
the new pair is saved (conditional on the record's version) BEFORE it is returned or used. A worker that
finds the lock taken waits and re-reads instead of spending the refresh token; a worker that asks to refresh
an access token that another worker has already replaced simply gets the newer one.

Public API::

    OAuthClient(oauth_base_url, *, session=None, timeout=(3.05, 15.0), secret_placement="header")
      .refresh(app_id, app_secret, refresh_token) -> OAuthTokens
      .exchange_code(app_id, app_secret, code, code_verifier) -> OAuthTokens
    TokenManager(repository, oauth_client, app_id, app_secret_provider, clock=utcnow, *, lock_seconds=60,
                 wait_seconds=20, poll_seconds=0.25, cache_seconds=300, early_refresh=timedelta(minutes=10),
                 sleep=time.sleep, owner=None, logger=None)          (implements client.TokenProvider)
      .access_token(oa_id) -> str
      .refresh(oa_id, stale_access_token) -> str
      .refresh_due(oa_id, within: timedelta) -> bool       (True when it refreshed)
      .refresh_all_due(within: timedelta) -> RefreshReport (the scheduled refresher; every due OA is
                                                           tried, then .raise_for_failures() fails the run)
      .invalidate(oa_id) -> None                           (drop the per-process cache)
    TokenRepository (Protocol), TokenRecord, InMemoryTokenRepository (thread-safe; tests, local tools)
    TokenNotProvisioned(LookupError), TokenRefreshTimeout(TimeoutError), TokenStateConflict(RuntimeError),
    TokenRefreshFailed(RuntimeError)

The DynamoDB implementation is :class:`anninh.store.tokens.DynamoTokenRepository`.

Decisions: the refresh HTTP call is never retried automatically (a lost answer to a refresh that Zalo did
perform would make a retry spend a dead token: -14020); the DISAGREE on where the App Secret goes is the
``secret_placement`` setting ("header" per [HN][SPEC][PY][CW][zalopysdk], "body" per one [CW] fork, or
"both"); expiry is computed from ``expires_in`` (trusted over the documented 25 h, as [GC] disagrees).
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Protocol

import requests

from anninh.zalo.errors import RefreshTokenReused, ZaloError, ZaloTransportError, error_from_response

if TYPE_CHECKING:  # typing only
    from aws_lambda_powertools import Logger as PowertoolsLogger

SECRET_PLACEMENTS = frozenset({"header", "body", "both"})
ACCESS_TOKEN_PATH = "/v4/oa/access_token"  # noqa: S105 - a URL path


def utcnow() -> datetime:
    return datetime.now(UTC)


class TokenNotProvisioned(LookupError):
    """No token pair is stored for this OA: an administrator must seed one (consent or API Explorer)."""

    def __init__(self, oa_id: str) -> None:
        self.oa_id = oa_id
        super().__init__(f"no Zalo token is stored for OA {oa_id}; seed its first token pair")


class TokenRefreshTimeout(TimeoutError):
    """Another worker held the refresh lock for longer than this worker was willing to wait."""


class TokenStateConflict(RuntimeError):
    """The stored record changed under the lock (e.g. an administrator re-seeded the OA's tokens)."""


# ---------------------------------------------------------------------------------------------- OAuth


@dataclass(frozen=True)
class OAuthTokens:
    access_token: str
    refresh_token: str
    expires_in: int


class OAuthClient:
    """``POST {oauth_base_url}/v4/oa/access_token``, form-encoded, App Secret in header ``secret_key``."""

    def __init__(
        self,
        oauth_base_url: str,
        *,
        session: requests.Session | None = None,
        timeout: tuple[float, float] = (3.05, 15.0),
        secret_placement: str = "header",  # noqa: S107 - where the secret goes
    ) -> None:
        if secret_placement not in SECRET_PLACEMENTS:
            raise ValueError(f"secret_placement must be one of {sorted(SECRET_PLACEMENTS)}")
        self.url = oauth_base_url.rstrip("/") + ACCESS_TOKEN_PATH
        self._session = session or requests.Session()
        self._timeout = timeout
        self._placement = secret_placement

    def _post(self, app_secret: str, form: dict[str, str]) -> OAuthTokens:
        headers = {}
        if self._placement in ("header", "both"):
            headers["secret_key"] = app_secret
        if self._placement in ("body", "both"):
            form = dict(form, secret_key=app_secret)
        try:
            response = self._session.post(self.url, data=form, headers=headers, timeout=self._timeout)
        except requests.RequestException as exc:
            raise ZaloTransportError(f"{type(exc).__name__} calling Zalo OAuth", retryable=False) from exc
        if response.status_code >= 500:
            raise ZaloTransportError(
                f"Zalo OAuth answered HTTP {response.status_code}",
                retryable=False,
                http_status=response.status_code,
            )
        try:
            payload = response.json()
        except ValueError:
            raise ZaloTransportError(
                "Zalo OAuth answered with a body that is not JSON", retryable=False
            ) from None
        error = error_from_response(payload)
        if error is not None:
            raise error
        try:
            return OAuthTokens(
                access_token=str(payload["access_token"]),
                refresh_token=str(payload["refresh_token"]),
                expires_in=int(payload["expires_in"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ZaloTransportError(f"Zalo OAuth answer lacks a usable {exc}", retryable=False) from None

    def refresh(self, app_id: str, app_secret: str, refresh_token: str) -> OAuthTokens:
        return self._post(
            app_secret, {"app_id": app_id, "grant_type": "refresh_token", "refresh_token": refresh_token}
        )

    def exchange_code(self, app_id: str, app_secret: str, code: str, code_verifier: str) -> OAuthTokens:
        """The first pair, from the consent redirect's ``code`` (10 minutes, once) and the PKCE verifier."""
        return self._post(
            app_secret,
            {
                "app_id": app_id,
                "grant_type": "authorization_code",
                "code": code,
                "code_verifier": code_verifier,
            },
        )


class RefreshesTokens(Protocol):
    def refresh(self, app_id: str, app_secret: str, refresh_token: str) -> OAuthTokens: ...


# ---------------------------------------------------------------------------------------------- storage


@dataclass(frozen=True)
class TokenRecord:
    oa_id: str
    access_token: str
    refresh_token: str
    expires_at: datetime
    version: int
    lock_owner: str | None = None
    lock_expires_at: datetime | None = None


class TokenRepository(Protocol):
    def get(self, oa_id: str) -> TokenRecord | None:
        """The record read consistently, or None."""

    def acquire_lock(self, oa_id: str, owner: str, now: datetime, until: datetime) -> bool:
        """Set the lock if the record exists and its lock is free or expired at ``now``."""

    def save_refreshed(
        self, oa_id: str, expected_version: int, tokens: OAuthTokens, expires_at: datetime, now: datetime
    ) -> bool:
        """Store the new pair, bump the version and clear the lock, only if the version is unchanged."""

    def release_lock(self, oa_id: str, owner: str) -> None:
        """Clear the lock if ``owner`` holds it."""

    def put(
        self, oa_id: str, access_token: str, refresh_token: str, expires_at: datetime, now: datetime
    ) -> TokenRecord:
        """Seed or replace a pair (administrators), bumping the version and clearing any lock."""

    def expiring_before(self, when: datetime) -> list[str]:
        """OA ids whose access token expires before ``when``."""


class InMemoryTokenRepository:
    """A thread-safe :class:`TokenRepository` in a dict, with the same conditional semantics as DynamoDB."""

    def __init__(self) -> None:
        self._items: dict[str, TokenRecord] = {}
        self._lock = threading.Lock()

    def get(self, oa_id: str) -> TokenRecord | None:
        with self._lock:
            return self._items.get(oa_id)

    def acquire_lock(self, oa_id: str, owner: str, now: datetime, until: datetime) -> bool:
        with self._lock:
            record = self._items.get(oa_id)
            if record is None:
                return False
            if (
                record.lock_owner is not None
                and record.lock_expires_at is not None
                and record.lock_expires_at >= now
            ):
                return False
            self._items[oa_id] = replace(record, lock_owner=owner, lock_expires_at=until)
            return True

    def save_refreshed(
        self, oa_id: str, expected_version: int, tokens: OAuthTokens, expires_at: datetime, now: datetime
    ) -> bool:
        with self._lock:
            record = self._items.get(oa_id)
            if record is None or record.version != expected_version:
                return False
            self._items[oa_id] = TokenRecord(
                oa_id, tokens.access_token, tokens.refresh_token, expires_at, expected_version + 1
            )
            return True

    def release_lock(self, oa_id: str, owner: str) -> None:
        with self._lock:
            record = self._items.get(oa_id)
            if record is not None and record.lock_owner == owner:
                self._items[oa_id] = replace(record, lock_owner=None, lock_expires_at=None)

    def put(
        self, oa_id: str, access_token: str, refresh_token: str, expires_at: datetime, now: datetime
    ) -> TokenRecord:
        with self._lock:
            previous = self._items.get(oa_id)
            record = TokenRecord(
                oa_id, access_token, refresh_token, expires_at, (previous.version if previous else 0) + 1
            )
            self._items[oa_id] = record
            return record

    def expiring_before(self, when: datetime) -> list[str]:
        with self._lock:
            return sorted(oa for oa, record in self._items.items() if record.expires_at < when)


# ---------------------------------------------------------------------------------------------- manager


class TokenRefreshFailed(RuntimeError):
    """The scheduled refresh failed for some OAs: the run must fail so the failure is alarmed and retried."""

    def __init__(self, failed: Mapping[str, str]) -> None:
        self.failed = dict(failed)
        listed = ", ".join(f"{oa_id} ({error})" for oa_id, error in sorted(self.failed.items()))
        super().__init__(f"zalo token refresh failed for {len(self.failed)} OA(s): {listed}")


@dataclass(frozen=True)
class RefreshReport:
    refreshed: tuple[str, ...] = ()
    failed: Mapping[str, str] = field(default_factory=dict)  # oa_id -> error class name

    def raise_for_failures(self) -> None:
        """Raise :class:`TokenRefreshFailed` when any OA failed (after every due OA was tried)."""
        if self.failed:
            raise TokenRefreshFailed(self.failed)


class TokenManager:
    """Implements ``anninh.zalo.client.TokenProvider`` over a :class:`TokenRepository`."""

    def __init__(
        self,
        repository: TokenRepository,
        oauth_client: RefreshesTokens,
        app_id: str,
        app_secret_provider: Callable[[], str],
        clock: Callable[[], datetime] = utcnow,
        *,
        lock_seconds: float = 60.0,
        wait_seconds: float = 20.0,
        poll_seconds: float = 0.25,
        cache_seconds: float = 300.0,
        early_refresh: timedelta = timedelta(minutes=10),
        sleep: Callable[[float], None] = time.sleep,
        owner: str | None = None,
        logger: logging.Logger | PowertoolsLogger | None = None,
    ) -> None:
        self._repo = repository
        self._oauth = oauth_client
        self._app_id = app_id
        self._secret = app_secret_provider
        self._clock = clock
        self._lock_for = timedelta(seconds=lock_seconds)
        self._wait_seconds = wait_seconds
        self._poll = poll_seconds
        self._cache_seconds = cache_seconds
        self._early = early_refresh
        self._sleep = sleep
        self.owner = owner or uuid.uuid4().hex
        self._log = logger or logging.getLogger(__name__)
        self._cache: dict[str, tuple[str, datetime, float]] = {}  # oa_id -> (token, expires_at, cached at)
        self._cache_lock = threading.Lock()

    # ------------------------------------------------------------------------------------------ reading

    def _remember(self, record: TokenRecord) -> str:
        with self._cache_lock:
            self._cache[record.oa_id] = (record.access_token, record.expires_at, time.monotonic())
        return record.access_token

    def invalidate(self, oa_id: str) -> None:
        with self._cache_lock:
            self._cache.pop(oa_id, None)

    def _read(self, oa_id: str) -> TokenRecord:
        record = self._repo.get(oa_id)
        if record is None:
            raise TokenNotProvisioned(oa_id)
        return record

    def access_token(self, oa_id: str) -> str:
        """The OA's current access token (cached; refreshed first when about to expire)."""
        now = self._clock()
        with self._cache_lock:
            cached = self._cache.get(oa_id)
        if cached is not None:
            token, expires_at, at = cached
            if time.monotonic() - at < self._cache_seconds and expires_at - self._early > now:
                return token
        record = self._read(oa_id)
        if record.expires_at - self._early <= now:
            return self.refresh(oa_id, record.access_token)
        return self._remember(record)

    # ------------------------------------------------------------------------------------------ refreshing

    def _usable_replacement(self, record: TokenRecord, stale: str, now: datetime) -> bool:
        return record.access_token != stale and record.expires_at - self._early > now

    def refresh(self, oa_id: str, stale_access_token: str) -> str:
        """A fresh access token for ``oa_id``, spending the stored refresh token only if nobody else did."""
        self.invalidate(oa_id)
        deadline = time.monotonic() + self._wait_seconds
        while True:
            now = self._clock()
            record = self._read(oa_id)
            if self._usable_replacement(record, stale_access_token, now):
                self._log.info("zalo token already refreshed by another worker", extra={"oa_id": oa_id})
                return self._remember(record)
            if self._repo.acquire_lock(oa_id, self.owner, now, now + self._lock_for):
                return self._refresh_locked(oa_id, stale_access_token)
            if time.monotonic() >= deadline:
                raise TokenRefreshTimeout(f"the token refresh lock of OA {oa_id} stayed taken")
            self._sleep(self._poll)

    def _refresh_locked(self, oa_id: str, stale: str) -> str:
        try:
            record = self._read(oa_id)
            now = self._clock()
            if self._usable_replacement(record, stale, now):  # replaced between our read and our lock
                self._repo.release_lock(oa_id, self.owner)
                return self._remember(record)
            try:
                tokens = self._oauth.refresh(self._app_id, self._secret(), record.refresh_token)
            except RefreshTokenReused:
                current = self._read(oa_id)
                if current.version != record.version:
                    self._repo.release_lock(oa_id, self.owner)
                    return self._remember(current)
                self._log.error(
                    "zalo refresh token already spent; the OA needs a new consent", extra={"oa_id": oa_id}
                )
                raise
            expires_at = self._clock() + timedelta(seconds=tokens.expires_in)
            if not self._repo.save_refreshed(oa_id, record.version, tokens, expires_at, self._clock()):
                self._log.error("zalo token record changed during refresh", extra={"oa_id": oa_id})
                raise TokenStateConflict(f"the token record of OA {oa_id} changed during the refresh")
        except BaseException:
            self._repo.release_lock(oa_id, self.owner)
            raise
        self._log.info("zalo token refreshed", extra={"oa_id": oa_id, "expires_at": expires_at.isoformat()})
        saved = TokenRecord(oa_id, tokens.access_token, tokens.refresh_token, expires_at, record.version + 1)
        return self._remember(saved)

    def refresh_due(self, oa_id: str, within: timedelta) -> bool:
        """Refresh ``oa_id`` if its access token expires within ``within``; True when it was refreshed."""
        record = self._read(oa_id)
        if record.expires_at > self._clock() + within:
            return False
        self.refresh(oa_id, record.access_token)
        return True

    def refresh_all_due(self, within: timedelta) -> RefreshReport:
        """The scheduled refresher: every OA whose token expires within ``within``; failures are collected."""
        refreshed: list[str] = []
        failed: dict[str, str] = {}
        for oa_id in self._repo.expiring_before(self._clock() + within):
            try:
                if self.refresh_due(oa_id, within):
                    refreshed.append(oa_id)
            except (ZaloError, TokenRefreshTimeout, TokenStateConflict, TokenNotProvisioned) as exc:
                self._log.error(
                    "zalo token refresh failed", extra={"oa_id": oa_id, "error": type(exc).__name__}
                )
                failed[oa_id] = type(exc).__name__
        return RefreshReport(tuple(refreshed), failed)
