"""Linking an OA to the app with Zalo's OAuth v4 and PKCE: the consent URL, and the callback's exchange.

Zalo's OA authorization (developers.zalo.me, "Official Account API → Access token"): the OA's admin opens
``{oauth}/v4/oa/permission?app_id=…&redirect_uri=…&code_challenge=…&state=…``, approves, and Zalo
redirects to ``redirect_uri?oa_id=…&code=…&state=…``; the code (single use, minutes) and the PKCE
``code_verifier`` are exchanged at ``POST {oauth}/v4/oa/access_token`` (form ``app_id``, ``code``,
``grant_type=authorization_code``, ``code_verifier``; header ``secret_key``) for the OA's first token pair
(:meth:`anninh.zalo.tokens.OAuthClient.exchange_code`).

``state`` is random, bound server side to the unit, its OA and the verifier, valid ``CONSENT_TTL`` and
taken at most once: a replayed or forged callback finds nothing and changes nothing.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol
from urllib.parse import urlencode

PERMISSION_PATH = "/v4/oa/permission"
CALLBACK_PATH = "/zalo/oauth/callback"
CONSENT_TTL = timedelta(minutes=10)


@dataclass(frozen=True)
class PendingConsent:
    state: str
    unit_id: str
    oa_id: str
    code_verifier: str
    redirect_uri: str
    expires_at: datetime


class ConsentRepository(Protocol):
    def put_consent(self, consent: PendingConsent) -> None: ...

    def take_consent(self, state: str, now: datetime) -> PendingConsent | None:
        """The pending consent for ``state``, deleted in the same step; None when unknown, used or expired."""


def new_verifier() -> str:
    """An RFC 7636 code verifier: 64 random bytes as base64url (86 characters, within 43–128)."""
    return base64.urlsafe_b64encode(secrets.token_bytes(64)).rstrip(b"=").decode("ascii")


def challenge_of(verifier: str) -> str:
    """RFC 7636 S256: base64url(SHA-256(verifier)) without padding."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def consent_url(oauth_base_url: str, app_id: str, redirect_uri: str, verifier: str, state: str) -> str:
    query = urlencode(
        {
            "app_id": app_id,
            "redirect_uri": redirect_uri,
            "code_challenge": challenge_of(verifier),
            "state": state,
        }
    )
    return f"{oauth_base_url.rstrip('/')}{PERMISSION_PATH}?{query}"


def start_consent(
    repository: ConsentRepository, unit_id: str, oa_id: str, redirect_uri: str, now: datetime
) -> PendingConsent:
    consent = PendingConsent(
        state=secrets.token_urlsafe(32),
        unit_id=unit_id,
        oa_id=oa_id,
        code_verifier=new_verifier(),
        redirect_uri=redirect_uri,
        expires_at=now + CONSENT_TTL,
    )
    repository.put_consent(consent)
    return consent


class ConsentRefused(ValueError):
    """The callback cannot be honoured; ``code`` for programs and logs, the message for the admin."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Connected:
    unit_id: str
    oa_id: str
    expires_at: datetime


class ExchangesCodes(Protocol):
    def exchange_code(self, app_id: str, app_secret: str, code: str, code_verifier: str) -> Any: ...


class StoresTokenPairs(Protocol):
    def put(
        self, oa_id: str, access_token: str, refresh_token: str, expires_at: datetime, now: datetime
    ) -> Any: ...


def complete_consent(
    consents: ConsentRepository,
    tokens: StoresTokenPairs,
    oauth: ExchangesCodes,
    *,
    app_id: str,
    app_secret: Callable[[], str],
    state: str,
    code: str,
    oa_id: str | None,
    now: datetime,
    on_connected: Callable[[str, datetime], None] | None = None,
) -> Connected:
    """Take the state (once), exchange the code with its verifier, store the OA's first token pair.

    Raises :class:`ConsentRefused` for a missing/unknown/used/expired state, a missing code or an OA other
    than the unit's; Zalo's refusal of the code surfaces as :class:`anninh.zalo.errors.ZaloError`.
    """
    from anninh import texts

    if not state or not code:
        raise ConsentRefused("missing_parameter", texts.OA_CONSENT_MISSING)
    pending = consents.take_consent(state, now)
    if pending is None:
        raise ConsentRefused("unknown_state", texts.OA_CONSENT_UNKNOWN_STATE)
    if oa_id and oa_id != pending.oa_id:
        raise ConsentRefused(
            "wrong_oa", texts.OA_CONSENT_WRONG_OA.format(unit_id=pending.unit_id, expected=pending.oa_id)
        )
    pair = oauth.exchange_code(app_id, app_secret(), code, pending.code_verifier)
    expires_at = now + timedelta(seconds=int(pair.expires_in))
    tokens.put(pending.oa_id, pair.access_token, pair.refresh_token, expires_at, now)
    if on_connected is not None:
        on_connected(pending.oa_id, now)
    return Connected(pending.unit_id, pending.oa_id, expires_at)
