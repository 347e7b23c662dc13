"""Zalo error codes as typed exceptions (ZALO_API.md §7). Every Zalo error arrives with HTTP 200.

Public API: ``ZaloError(code, message)`` and its subclasses below, each with the class attributes
``retryable`` (the same call may succeed if simply repeated later), ``window_error`` (the citizen cannot be
reached by a consultation message now: [CW]'s set -213, -217, -227, -230, -232, -234, -244; reach them by
ZNS or wait for them to write) and ``needs_refresh`` (refresh the access token, then retry once).
``error_from_response(payload, *, code_217=CODE_217_USER_BLOCKED) -> ZaloError | None`` (``None`` on
success) and ``error_class(code, *, code_217=...)``.

Decisions where sources disagree or are silent:

- -217 means "user blocked the invitation" per [SPEC][PY] (default, a window error) and "token expired" per
  [GC]: the caller chooses with ``code_217`` (``"user_blocked"`` | ``"token_expired"``).
- -100 (upload expired) is *not* ``retryable``: repeating the same call fails again; :class:`UploadExpired`
  sets ``needs_reupload`` instead ([CW] lists it as retryable meaning "re-upload then retry").
- ZNS codes: -124 token → :class:`TokenInvalid`; -108 phone, -114/-119 cannot receive, -115 balance, -131
  template, -133 night, -144 daily limit each get a class.
- An unknown code becomes a plain :class:`ZaloError` (not retryable).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

CODE_217_USER_BLOCKED = "user_blocked"
CODE_217_TOKEN_EXPIRED = "token_expired"  # noqa: S105 - a meaning, not a secret
CODE_217_MEANINGS = frozenset({CODE_217_USER_BLOCKED, CODE_217_TOKEN_EXPIRED})


class ZaloError(Exception):
    """An error answer from Zalo (``code`` is Zalo's negative code; ``None`` for transport failures)."""

    retryable: bool = False
    window_error: bool = False
    needs_refresh: bool = False
    needs_reupload: bool = False

    def __init__(self, code: int | None, message: str = "") -> None:
        self.code = code
        self.message = message
        super().__init__(f"Zalo error {code}: {message}" if code is not None else message)

    @property
    def label(self) -> str:
        """A metric dimension: the code as text, or the class name for transport failures."""
        return str(self.code) if self.code is not None else type(self).__name__


class ZaloTransportError(ZaloError):
    """No usable Zalo answer: timeout, connection failure, HTTP 5xx/429, or a body that is not JSON."""

    def __init__(self, message: str, *, retryable: bool, http_status: int | None = None) -> None:
        super().__init__(None, message)
        self.http_status = http_status
        self.retryable = retryable  # depends on what failed: a timeout is, a non-JSON page is not


class RateLimited(ZaloError):
    retryable = True


class UploadExpired(ZaloError):
    needs_reupload = True


class InvalidParameter(ZaloError):
    pass


class AppNotActive(ZaloError):
    pass


class ApiNotRegistered(ZaloError):
    pass


class QuotaExceeded(ZaloError):
    pass


class NotFollower(ZaloError):
    window_error = True


class TokenInvalid(ZaloError):
    needs_refresh = True


class InvitationBlocked(ZaloError):
    window_error = True


class AppDisabled(ZaloError):
    pass


class OaNotVerified(ZaloError):
    pass


class PermissionNotGranted(ZaloError):
    pass


class UserInactive(ZaloError):
    window_error = True


class OutsideWindow(ZaloError):
    window_error = True


class NightBan(ZaloError):
    window_error = True


class UserBlocked(ZaloError):
    window_error = True


class RefreshTokenReused(ZaloError):
    pass


class BadRedirect(ZaloError):
    pass


class InvalidPhone(ZaloError):
    pass


class CannotReceive(ZaloError):
    pass


class InsufficientBalance(ZaloError):
    pass


class TemplateNotApproved(ZaloError):
    pass


_CLASSES: dict[int, type[ZaloError]] = {
    -32: RateLimited,
    -100: UploadExpired,
    -201: InvalidParameter,
    -209: AppNotActive,
    -212: ApiNotRegistered,
    -211: QuotaExceeded,
    -218: QuotaExceeded,
    -213: NotFollower,
    -216: TokenInvalid,
    -220: TokenInvalid,
    -124: TokenInvalid,
    -219: AppDisabled,
    -221: OaNotVerified,
    -224: OaNotVerified,
    -223: PermissionNotGranted,
    -227: UserInactive,
    -230: OutsideWindow,
    -232: OutsideWindow,
    -234: NightBan,
    -133: NightBan,
    -244: UserBlocked,
    -14003: BadRedirect,
    -14020: RefreshTokenReused,
    -108: InvalidPhone,
    -114: CannotReceive,
    -119: CannotReceive,
    -115: InsufficientBalance,
    -131: TemplateNotApproved,
    -144: QuotaExceeded,
}


def error_class(code: int, *, code_217: str = CODE_217_USER_BLOCKED) -> type[ZaloError]:
    if code == -217:
        if code_217 not in CODE_217_MEANINGS:
            raise ValueError(f"code_217 must be one of {sorted(CODE_217_MEANINGS)}, got {code_217!r}")
        return TokenInvalid if code_217 == CODE_217_TOKEN_EXPIRED else InvitationBlocked
    return _CLASSES.get(code, ZaloError)


def error_from_response(payload: Any, *, code_217: str = CODE_217_USER_BLOCKED) -> ZaloError | None:
    """The typed error of a decoded Zalo answer, or ``None`` when it reports success.

    Success is ``error`` absent (OAuth answers) or 0. The message is Zalo's ``message``, else
    ``error_description``/``error_name`` (OAuth). A payload that is not a JSON object is a non-retryable
    :class:`ZaloTransportError`.
    """
    if not isinstance(payload, Mapping):
        return ZaloTransportError("Zalo answered with something other than a JSON object", retryable=False)
    raw = payload.get("error", 0)
    if raw in (0, "0", None):
        return None
    try:
        code = int(raw)
    except (TypeError, ValueError):
        return ZaloTransportError(f"Zalo answered with a non-numeric error {raw!r}", retryable=False)
    if code == 0:
        return None
    message = ""
    for key in ("message", "error_description", "error_name"):
        value = payload.get(key)
        if isinstance(value, str) and value:
            message = value
            break
    return error_class(code, code_217=code_217)(code, message)
