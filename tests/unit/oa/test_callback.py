"""The callback page: what the OA's admin sees for each outcome, never a code, token or trace."""

from __future__ import annotations

from datetime import UTC, datetime

from anninh.oa.callback import CallbackDeps, handle_callback
from anninh.oa.consent import start_consent
from anninh.zalo.errors import ZaloTransportError, error_from_response
from anninh.zalo.tokens import InMemoryTokenRepository, OAuthTokens

from tests.unit.oa.test_consent import MemoryConsents

NOW = datetime(2026, 12, 3, 2, 0, tzinfo=UTC)


class Status:
    def __init__(self) -> None:
        self.connected: list[str] = []

    def record_connected(self, oa_id: str, at: datetime) -> None:
        self.connected.append(oa_id)


class OAuth:
    def __init__(self, outcome: object) -> None:
        self.outcome = outcome

    def exchange_code(self, app_id: str, app_secret: str, code: str, code_verifier: str) -> OAuthTokens:
        if isinstance(self.outcome, Exception):
            raise self.outcome
        assert isinstance(self.outcome, OAuthTokens)
        return self.outcome


def call(outcome: object, *, state: str | None = None, code: str = "secret-code-123"):
    consents, tokens, status = MemoryConsents(), InMemoryTokenRepository(), Status()
    pending = start_consent(consents, "xa-a", "200", "https://api.test/zalo/oauth/callback", NOW)
    deps = CallbackDeps(consents, status, tokens, OAuth(outcome), "42", lambda: "s", clock=lambda: NOW)  # type: ignore[arg-type]
    query = {"state": pending.state if state is None else state, "code": code, "oa_id": "200"}
    answer = handle_callback({"queryStringParameters": query}, deps)
    return answer, tokens, status


def test_success_stores_the_pair_and_says_so_in_vietnamese() -> None:
    answer, tokens, status = call(OAuthTokens("at-1", "rt-1", 90000))
    assert answer["statusCode"] == 200 and "Đã kết nối OA" in answer["body"]
    assert answer["headers"]["cache-control"] == "no-store"
    assert tokens.get("200") is not None and status.connected == ["200"]
    assert "at-1" not in answer["body"] and "secret-code-123" not in answer["body"]


def test_zalo_refusing_the_code_is_a_400_page_and_stores_nothing() -> None:
    refused = error_from_response({"error": -14019, "message": "invalid code"})
    answer, tokens, status = call(refused)
    assert answer["statusCode"] == 400 and "-14019" in answer["body"]
    assert tokens.get("200") is None and status.connected == []


def test_zalo_unreachable_is_a_502_page() -> None:
    answer, tokens, _ = call(ZaloTransportError("timeout", retryable=False))
    assert answer["statusCode"] == 502 and tokens.get("200") is None


def test_an_unknown_state_is_a_400_page() -> None:
    answer, tokens, _ = call(OAuthTokens("at-1", "rt-1", 90000), state="forged")
    assert answer["statusCode"] == 400 and tokens.get("200") is None
