"""PKCE, the consent URL and the single-use state of `anninh oa connect`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from anninh.oa.consent import (
    ConsentRefused,
    PendingConsent,
    challenge_of,
    complete_consent,
    consent_url,
    new_verifier,
    start_consent,
)
from anninh.zalo.tokens import InMemoryTokenRepository, OAuthTokens

NOW = datetime(2026, 12, 3, 2, 0, tzinfo=UTC)


class MemoryConsents:
    def __init__(self) -> None:
        self.items: dict[str, PendingConsent] = {}

    def put_consent(self, consent: PendingConsent) -> None:
        self.items[consent.state] = consent

    def take_consent(self, state: str, now: datetime) -> PendingConsent | None:
        consent = self.items.pop(state, None)
        return consent if consent and consent.expires_at > now else None


class RecordingOAuth:
    def __init__(self) -> None:
        self.calls: list[tuple[str, str, str, str]] = []

    def exchange_code(self, app_id: str, app_secret: str, code: str, code_verifier: str) -> OAuthTokens:
        self.calls.append((app_id, app_secret, code, code_verifier))
        return OAuthTokens("at-1", "rt-1", 90000)


def test_the_challenge_is_rfc7636_s256() -> None:
    # RFC 7636, Appendix B
    assert (
        challenge_of("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")
        == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
    )
    verifier = new_verifier()
    assert 43 <= len(verifier) <= 128 and verifier != new_verifier()


def test_the_consent_url_carries_what_zalo_asks_for() -> None:
    url = urlsplit(
        consent_url("https://oauth.zaloapp.com", "42", "https://api.test/zalo/oauth/callback", "v" * 50, "s1")
    )
    assert (url.netloc, url.path) == ("oauth.zaloapp.com", "/v4/oa/permission")
    assert parse_qs(url.query) == {
        "app_id": ["42"],
        "redirect_uri": ["https://api.test/zalo/oauth/callback"],
        "code_challenge": [challenge_of("v" * 50)],
        "state": ["s1"],
    }


def _complete(consents, tokens, oauth, state, code="c-1", oa_id=None, now=NOW):
    return complete_consent(
        consents,
        tokens,
        oauth,
        app_id="42",
        app_secret=lambda: "app-secret",
        state=state,
        code=code,
        oa_id=oa_id,
        now=now,
    )


def test_a_consent_stores_the_pair_once() -> None:
    consents, tokens, oauth = MemoryConsents(), InMemoryTokenRepository(), RecordingOAuth()
    pending = start_consent(consents, "xa-a", "200", "https://api.test/cb", NOW)
    connected = _complete(consents, tokens, oauth, pending.state, oa_id="200")
    assert (connected.unit_id, connected.oa_id) == ("xa-a", "200")
    assert oauth.calls == [("42", "app-secret", "c-1", pending.code_verifier)]
    record = tokens.get("200")
    assert (
        record is not None
        and record.access_token == "at-1"
        and record.expires_at == NOW + timedelta(seconds=90000)
    )
    with pytest.raises(ConsentRefused) as replay:
        _complete(consents, tokens, oauth, pending.state)
    assert replay.value.code == "unknown_state" and len(oauth.calls) == 1


@pytest.mark.parametrize(
    ("state_of", "kwargs", "code"),
    [
        (lambda p: "forged", {}, "unknown_state"),
        (lambda p: "", {}, "missing_parameter"),
        (lambda p: p.state, {"code": ""}, "missing_parameter"),
        (lambda p: p.state, {"oa_id": "999"}, "wrong_oa"),
        (lambda p: p.state, {"now": NOW + timedelta(minutes=11)}, "unknown_state"),
    ],
)
def test_bad_callbacks_store_nothing(state_of, kwargs, code) -> None:
    consents, tokens, oauth = MemoryConsents(), InMemoryTokenRepository(), RecordingOAuth()
    pending = start_consent(consents, "xa-a", "200", "https://api.test/cb", NOW)
    with pytest.raises(ConsentRefused) as refused:
        _complete(consents, tokens, oauth, state_of(pending), **kwargs)
    assert refused.value.code == code
    assert oauth.calls == [] and tokens.get("200") is None
