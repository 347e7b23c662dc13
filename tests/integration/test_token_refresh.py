"""TokenManager on DynamoDB (moto) with OAuth refresh over HTTP to FakeZalo.

The OaToken table is created from the PynamoDB model here (the template's table must declare the same
single hash key ``oa_id``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from anninh.settings import ConfigError
from anninh.store import tokens as store
from anninh.store.tokens import DynamoTokenRepository, OaToken, bind_tokens_table
from anninh.zalo.client import ZaloClient
from anninh.zalo.tokens import OAuthClient, OAuthTokens, TokenManager, TokenNotProvisioned
from localrun.fake_zalo import FakeZalo, serve_in_thread
from moto import mock_aws

OA = "1234567890123456789"
USER = "8765432109876543210"
APP_ID = "4321098765432109876"
OAUTH = "/v4/oa/access_token"
ENV = {
    "TOKENS_TABLE": "anninh-test-tokens",
    "AWS_DEFAULT_REGION": "ap-southeast-1",
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
}


class SeenTokenCheck:
    """WSGI middleware: for each consultation send, was the token in the header already in DynamoDB?"""

    def __init__(self, app: FakeZalo) -> None:
        self.app = app
        self.stored_before_use: list[bool] = []

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO", "").endswith("/v3.0/oa/message/cs"):
            record = DynamoTokenRepository().get(OA)
            self.stored_before_use.append(
                record is not None and record.access_token == environ.get("HTTP_ACCESS_TOKEN")
            )
        return self.app(environ, start_response)


@pytest.fixture
def aws(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for key, value in ENV.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)
    monkeypatch.delenv("AWS_ENDPOINT_URL_DYNAMODB", raising=False)
    with mock_aws():
        import boto3

        key = boto3.client("kms").create_key(Description="record key")["KeyMetadata"]["Arn"]
        monkeypatch.setenv("RECORD_KEY_ID", key)  # tokens are sealed under the stack's record key
        bind_tokens_table()
        OaToken.create_table(billing_mode="PAY_PER_REQUEST", wait=True)
        yield


@pytest.fixture
def env(aws: None) -> Iterator[tuple[FakeZalo, SeenTokenCheck, str, DynamoTokenRepository]]:
    fake = FakeZalo(prefix="/zalo-api", app_secrets={APP_ID: "app-secret"})
    checker = SeenTokenCheck(fake)
    url, stop = serve_in_thread(checker)
    repo = DynamoTokenRepository()
    pair = fake.issue_token(OA)
    now = datetime.now(UTC)
    repo.put(OA, pair["access_token"], pair["refresh_token"], now + timedelta(hours=25), now)
    yield fake, checker, url + "/zalo-api", repo
    stop()


def manager(repo: DynamoTokenRepository, base: str, **kw: Any) -> TokenManager:
    return TokenManager(repo, OAuthClient(base), APP_ID, lambda: "app-secret", poll_seconds=0.02, **kw)


def refresh_calls(fake: FakeZalo) -> list[dict[str, Any]]:
    return [c for c in fake.calls() if c["endpoint"] == OAUTH]


@pytest.fixture
def unbound(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    previous = OaToken.Meta.table_name
    OaToken.Meta.table_name = store.UNBOUND
    yield
    OaToken.Meta.table_name = previous


def test_missing_table_name_is_a_clear_error(unbound: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TOKENS_TABLE", raising=False)
    with pytest.raises(ConfigError, match="TOKENS_TABLE"):
        DynamoTokenRepository().get(OA)
    with pytest.raises(ConfigError, match="TOKENS_TABLE"):
        bind_tokens_table(env={"AWS_REGION": "ap-southeast-1"})


def test_table_name_is_read_from_the_environment_on_first_use(env: Any) -> None:
    _, _, _, repo = env
    OaToken.Meta.table_name = store.UNBOUND
    record = repo.get(OA)
    assert record is not None and record.oa_id == OA
    assert OaToken.Meta.table_name == ENV["TOKENS_TABLE"]


def test_unprovisioned_oa(env: Any) -> None:
    _, _, base, repo = env
    with pytest.raises(TokenNotProvisioned):
        manager(repo, base).access_token("5555555555555555555")


def test_lock_is_conditional(env: Any) -> None:
    _, _, _, repo = env
    now = datetime.now(UTC)
    assert repo.acquire_lock(OA, "a", now, now + timedelta(seconds=60))
    assert not repo.acquire_lock(OA, "b", now, now + timedelta(seconds=60))
    assert repo.acquire_lock(OA, "b", now + timedelta(seconds=61), now + timedelta(seconds=120))  # expired
    repo.release_lock(OA, "a")  # not the holder: nothing happens
    record = repo.get(OA)
    assert record is not None and record.lock_owner == "b"
    repo.release_lock(OA, "b")
    record = repo.get(OA)
    assert record is not None and record.lock_owner is None
    assert not repo.acquire_lock("no-such-oa", "a", now, now + timedelta(seconds=60))
    assert repo.get("no-such-oa") is None


def test_save_is_conditional_on_version(env: Any) -> None:
    _, _, _, repo = env
    record = repo.get(OA)
    assert record is not None and record.version == 1
    now = datetime.now(UTC)
    assert not repo.save_refreshed(OA, 0, OAuthTokens("a", "r", 10), now, now)
    assert repo.save_refreshed(OA, 1, OAuthTokens("a2", "r2", 10), now, now)
    record = repo.get(OA)
    assert record is not None and (record.access_token, record.version) == ("a2", 2)


class AtomicCalls:
    """Each repository call atomic, as every DynamoDB conditional write is. moto's in-process backend is not
    thread-safe (two threads can both pass one condition), so without this the race below would test moto."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        method = getattr(self._inner, name)

        def atomic(*args: Any, **kwargs: Any) -> Any:
            with self._lock:
                return method(*args, **kwargs)

        return atomic


def test_two_threads_racing_spend_the_refresh_token_once(env: Any) -> None:
    fake, _, base, repo = env
    repo = AtomicCalls(repo)
    stale = manager(repo, base).access_token(OA)
    barrier = threading.Barrier(2)
    results: list[str] = []
    failures: list[BaseException] = []

    def worker() -> None:
        try:
            tokens = manager(repo, base)
            barrier.wait()
            results.append(tokens.refresh(OA, stale))
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    assert len(refresh_calls(fake)) == 1
    record = repo.get(OA)
    assert record is not None
    assert results == [record.access_token, record.access_token] and record.access_token != stale
    assert record.version == 2 and record.lock_owner is None


def test_stale_token_refresh_returns_the_newer_one(env: Any) -> None:
    fake, _, base, repo = env
    stale = manager(repo, base).access_token(OA)
    newer = manager(repo, base).refresh(OA, stale)
    assert manager(repo, base).refresh(OA, stale) == newer
    assert len(refresh_calls(fake)) == 1


def test_new_pair_is_saved_before_use(env: Any) -> None:
    fake, checker, base, repo = env
    tokens = manager(repo, base)
    fake.revoke_access_token(tokens.access_token(OA))
    client = ZaloClient(base, tokens, sleep=lambda _: None)
    client.send_text(OA, USER, "Xin chào")
    assert len(refresh_calls(fake)) == 1
    # first call with the revoked token (stored), retry with the new token: already stored when used
    assert checker.stored_before_use == [True, True]
    assert len(fake.outbox(user_id=USER)) == 1


def test_refresh_all_due(env: Any) -> None:
    fake, _, base, repo = env
    now = datetime.now(UTC)
    other = "2222222222222222222"
    pair = fake.issue_token(other)
    repo.put(other, pair["access_token"], pair["refresh_token"], now + timedelta(hours=2), now)
    assert repo.expiring_before(now + timedelta(hours=4)) == [other]
    report = manager(repo, base).refresh_all_due(timedelta(hours=4))
    assert report.refreshed == (other,) and report.failed == {}
    record = repo.get(other)
    assert record is not None and record.expires_at > now + timedelta(hours=24)


def test_tokens_are_sealed_in_the_table_and_legacy_clear_items_still_read(env: Any) -> None:
    _, _, _, repo = env
    raw = OaToken.get(OA, consistent_read=True)
    record = repo.get(OA)
    assert record is not None
    for stored, clear in ((raw.access_token, record.access_token), (raw.refresh_token, record.refresh_token)):
        assert stored.startswith("kms1:") and clear not in stored and len(clear) > 0
    # A ciphertext copied onto another OA's item does not open there (the OA id is in the context).
    OaToken(
        "9999999999999999999",
        access_token=raw.access_token,
        refresh_token=raw.refresh_token,
        expires_at=raw.expires_at,
    ).save()
    from anninh.sealed import SealError

    with pytest.raises(SealError):
        repo.get("9999999999999999999")
    # An item written before sealing existed (clear tokens) reads as it is.
    OaToken(
        "8888888888888888888", access_token="clear-a", refresh_token="clear-r", expires_at=raw.expires_at
    ).save()
    legacy = repo.get("8888888888888888888")
    assert legacy is not None and (legacy.access_token, legacy.refresh_token) == ("clear-a", "clear-r")
