"""TokenManager over the in-memory repository and an in-process single-use OAuth server (no I/O)."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from anninh.zalo.errors import InvalidParameter, RefreshTokenReused
from anninh.zalo.tokens import (
    InMemoryTokenRepository,
    OAuthTokens,
    TokenManager,
    TokenNotProvisioned,
    TokenRecord,
    TokenRefreshTimeout,
    TokenStateConflict,
)

OA = "1234567890123456789"
APP_ID = "4321098765432109876"
NOW = datetime(2026, 1, 1, 8, 0, tzinfo=UTC)


class SingleUseOAuth:
    """Issues a new pair per refresh token, once; a reused token answers -14020 like Zalo."""

    def __init__(self, delay: float = 0.0) -> None:
        self.valid: set[str] = set()
        self.calls: list[str] = []
        self.delay = delay
        self._n = 0
        self._lock = threading.Lock()

    def refresh(self, app_id: str, app_secret: str, refresh_token: str) -> OAuthTokens:
        assert (app_id, app_secret) == (APP_ID, "app-secret")
        time.sleep(self.delay)
        with self._lock:
            self.calls.append(refresh_token)
            if refresh_token not in self.valid:
                raise RefreshTokenReused(-14020, "Refresh token is used")
            self.valid.discard(refresh_token)
            self._n += 1
            new = f"rt-{self._n}"
            self.valid.add(new)
            return OAuthTokens(f"at-{self._n}", new, 90000)


class RecordingRepository(InMemoryTokenRepository):
    def __init__(self) -> None:
        super().__init__()
        self.log: list[str] = []
        self.fail_save = False

    def get(self, oa_id: str) -> TokenRecord | None:
        self.log.append("get")
        return super().get(oa_id)

    def save_refreshed(self, *args: Any, **kwargs: Any) -> bool:
        self.log.append("save")
        return False if self.fail_save else super().save_refreshed(*args, **kwargs)


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


Setup = tuple[RecordingRepository, SingleUseOAuth, Clock]


@pytest.fixture
def setup() -> Setup:
    repo, oauth, clock = RecordingRepository(), SingleUseOAuth(), Clock()
    repo.put(OA, "at-0", "rt-0", NOW + timedelta(hours=20), NOW)
    oauth.valid.add("rt-0")
    return repo, oauth, clock


def manager(repo: RecordingRepository, oauth: SingleUseOAuth, clock: Clock, **kw: object) -> TokenManager:
    kw.setdefault("poll_seconds", 0.005)
    return TokenManager(repo, oauth, APP_ID, lambda: "app-secret", clock, **kw)  # type: ignore[arg-type]


def test_access_token_is_read_and_cached(setup: Setup) -> None:
    repo, oauth, clock = setup
    tokens = manager(repo, oauth, clock)
    assert tokens.access_token(OA) == "at-0"
    assert tokens.access_token(OA) == "at-0"
    assert repo.log.count("get") == 1
    assert oauth.calls == []


def test_missing_oa_is_not_provisioned(setup: Setup) -> None:
    repo, oauth, clock = setup
    with pytest.raises(TokenNotProvisioned, match="999"):
        manager(repo, oauth, clock).access_token("999")


def test_refresh_spends_once_and_saves_before_returning(setup: Setup) -> None:
    repo, oauth, clock = setup
    tokens = manager(repo, oauth, clock)
    new = tokens.refresh(OA, "at-0")
    assert new == "at-1"
    record = repo.get(OA)
    assert record is not None
    assert (record.access_token, record.refresh_token, record.version) == ("at-1", "rt-1", 2)
    assert record.expires_at == NOW + timedelta(seconds=90000)
    assert record.lock_owner is None
    assert oauth.calls == ["rt-0"]
    assert repo.log[-2:] == ["save", "get"]  # saved, then (test) read back
    assert tokens.access_token(OA) == "at-1"


def test_failed_save_never_hands_out_the_new_token(setup: Setup) -> None:
    repo, oauth, clock = setup
    repo.fail_save = True
    with pytest.raises(TokenStateConflict):
        manager(repo, oauth, clock).refresh(OA, "at-0")
    record = repo.get(OA)
    assert record is not None and record.lock_owner is None and record.access_token == "at-0"


def test_stale_token_gets_the_newer_one_without_spending(setup: Setup) -> None:
    repo, oauth, clock = setup
    first, second = manager(repo, oauth, clock), manager(repo, oauth, clock)
    assert first.refresh(OA, "at-0") == "at-1"
    assert second.refresh(OA, "at-0") == "at-1"
    assert oauth.calls == ["rt-0"]


def test_two_threads_racing_spend_the_refresh_token_once(setup: Setup) -> None:
    repo, oauth, clock = setup
    oauth.delay = 0.05
    barrier = threading.Barrier(2)
    results: list[str] = []

    def worker() -> None:
        tokens = manager(repo, oauth, clock)
        barrier.wait()
        results.append(tokens.refresh(OA, "at-0"))

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == ["at-1", "at-1"]
    assert oauth.calls == ["rt-0"]


def test_waits_for_the_lock_holder_then_uses_its_token(setup: Setup) -> None:
    repo, oauth, clock = setup
    assert repo.acquire_lock(OA, "other-worker", NOW, NOW + timedelta(seconds=60))

    def other_worker_finishes() -> None:
        time.sleep(0.05)
        repo.save_refreshed(OA, 1, OAuthTokens("at-other", "rt-other", 90000), NOW + timedelta(hours=25), NOW)

    thread = threading.Thread(target=other_worker_finishes)
    thread.start()
    assert manager(repo, oauth, clock).refresh(OA, "at-0") == "at-other"
    thread.join()
    assert oauth.calls == []


def test_expired_lock_is_taken_over(setup: Setup) -> None:
    repo, oauth, clock = setup
    assert repo.acquire_lock(OA, "crashed-worker", NOW - timedelta(minutes=5), NOW - timedelta(minutes=4))
    assert manager(repo, oauth, clock).refresh(OA, "at-0") == "at-1"


def test_gives_up_when_the_lock_stays_taken(setup: Setup) -> None:
    repo, oauth, clock = setup
    assert repo.acquire_lock(OA, "slow-worker", NOW, NOW + timedelta(seconds=60))
    with pytest.raises(TokenRefreshTimeout):
        manager(repo, oauth, clock, wait_seconds=0.05).refresh(OA, "at-0")
    assert oauth.calls == []


def test_reused_refresh_token_is_raised_and_the_lock_released(setup: Setup) -> None:
    repo, oauth, clock = setup
    oauth.valid.clear()  # spent elsewhere (e.g. by a second deployment)
    with pytest.raises(RefreshTokenReused):
        manager(repo, oauth, clock).refresh(OA, "at-0")
    record = repo.get(OA)
    assert record is not None and record.lock_owner is None


def test_oauth_error_releases_the_lock(setup: Setup) -> None:
    repo, _, clock = setup

    class Broken:
        def refresh(self, app_id: str, app_secret: str, refresh_token: str) -> OAuthTokens:
            raise InvalidParameter(-201, "bad app")

    with pytest.raises(InvalidParameter):
        TokenManager(repo, Broken(), APP_ID, lambda: "app-secret", clock).refresh(OA, "at-0")
    record = repo.get(OA)
    assert record is not None and record.lock_owner is None


def test_token_about_to_expire_is_refreshed_first(setup: Setup) -> None:
    repo, oauth, clock = setup
    clock.now = NOW + timedelta(hours=19, minutes=55)  # 5 minutes left, early_refresh is 10
    assert manager(repo, oauth, clock).access_token(OA) == "at-1"


def test_refresh_due_and_refresh_all_due(setup: Setup) -> None:
    repo, oauth, clock = setup
    repo.put("2222222222222222222", "at-x", "rt-x", NOW + timedelta(hours=2), NOW)  # refresh token unknown
    tokens = manager(repo, oauth, clock)
    assert tokens.refresh_due(OA, timedelta(hours=4)) is False
    report = tokens.refresh_all_due(timedelta(hours=21))
    assert report.refreshed == (OA,)
    assert report.failed == {"2222222222222222222": "RefreshTokenReused"}
    assert tokens.refresh_due(OA, timedelta(hours=30)) is True
    assert oauth.calls == ["rt-0", "rt-x", "rt-1"]  # OAs in id order
