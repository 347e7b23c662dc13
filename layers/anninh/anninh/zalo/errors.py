"""Zalo error codes as typed exceptions (docs/zalo-platform.md §6). Every Zalo error arrives with HTTP 200.

Public API: ``ZaloError(code, message)`` and its subclasses below, each with the class attributes
``handling`` (one of :data:`HANDLINGS`: what the caller does about it, per the table in
docs/zalo-platform.md §6), ``retryable`` (the same call may succeed if simply repeated later),
``window_error`` (the citizen cannot be reached by this kind of message now: record as undeliverable, reach
them by ZNS or wait for them to write), ``needs_refresh`` (refresh the access token, then retry once),
``template_refusal`` (a menu template was refused: send the numbered text menu instead and remember the OA as
text-only), ``alarm`` (an operator must act: configuration, billing, quota) and ``quota_exhausted`` (the OA
or app has no quota left for this kind of message).
``error_from_response(payload, *, code_217=CODE_217_USER_BLOCKED, api="oa") -> ZaloError | None`` (``None``
on success) and ``error_class(code, *, code_217=..., api="oa")``; ``ALARM_CODES`` lists the codes that alarm.

Decisions where sources disagree or are silent:

- -217 means "user blocked the invitation" per [SPEC][PY] (default, a window error) and "token expired" per
  [GC]: the caller chooses with ``code_217`` (``"user_blocked"`` | ``"token_expired"``).
- -100 depends on the API (``api``): on the OA API an upload expired (:class:`UploadExpired`, not
  ``retryable``: repeating the same call fails again; ``needs_reupload`` instead); on ZNS an unknown error
  (:class:`ZnsUnknownError`, retryable).
- -210 has two published meanings ("parameter exceeds the limit"; "chatbot feature not enabled"): both make a
  menu template unusable, so it is a ``template_refusal``.
- ZNS codes: -124 token → :class:`TokenInvalid`; -108 phone, -114/-119 cannot receive, -115 balance, -131
  template, -133 night, -144 daily limit each get a class.
- An unknown code becomes a plain :class:`ZaloError` (not retryable, handling ``fix``).
"""

from __future__ import annotations

from collections.abc import Mapping

CODE_217_USER_BLOCKED = "user_blocked"
CODE_217_TOKEN_EXPIRED = "token_expired"  # noqa: S105 - a meaning, not a secret
CODE_217_MEANINGS = frozenset({CODE_217_USER_BLOCKED, CODE_217_TOKEN_EXPIRED})


HANDLINGS = frozenset(
    {"retry", "refresh", "fall_back", "undeliverable", "reschedule", "reupload", "alarm", "fix"}
)


class ZaloError(Exception):
    """An error answer from Zalo (``code`` is Zalo's negative code; ``None`` for transport failures)."""

    handling: str = "fix"
    retryable: bool = False
    window_error: bool = False
    needs_refresh: bool = False
    needs_reupload: bool = False
    template_refusal: bool = False
    alarm: bool = False
    quota_exhausted: bool = False

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
        self.handling = "retry" if retryable else "fix"


class RateLimited(ZaloError):
    handling = "retry"
    retryable = True


class SendFailed(ZaloError):
    """-200 "send message failed" (no cause given): retried a few times, then the DLQ."""

    handling = "retry"
    retryable = True


class ArticleProcessing(ZaloError):
    handling = "retry"
    retryable = True


class ZnsUnknownError(ZaloError):
    handling = "retry"
    retryable = True


class UploadExpired(ZaloError):
    handling = "reupload"
    needs_reupload = True


class InvalidParameter(ZaloError):
    """-201: our request is wrong; for a menu template it means Zalo will not take the template."""

    template_refusal = True


class ParameterLimit(ZaloError):
    template_refusal = True


class MessageTypeUnsupported(ZaloError):
    """-233 "message type is invalid or not supported" (e.g. a list template on the consultation API)."""

    handling = "fall_back"
    template_refusal = True


class V2ApiShutDown(ZaloError):
    handling = "alarm"
    template_refusal = True
    alarm = True


class _Alarm(ZaloError):
    handling = "alarm"
    alarm = True


class AppNotActive(_Alarm):
    pass


class ApiNotRegistered(_Alarm):
    pass


class OaUnavailable(_Alarm):
    pass


class OaTypeUnsupported(_Alarm):
    pass


class QuotaExceeded(_Alarm):
    quota_exhausted = True


class BillingRequired(_Alarm):
    pass


class BillingExhausted(_Alarm):
    quota_exhausted = True


class ContentViolation(_Alarm):
    pass


class AppDisabled(_Alarm):
    pass


class OaNotVerified(_Alarm):
    pass


class PermissionNotGranted(_Alarm):
    pass


class RefreshTokenReused(_Alarm):
    pass


class BadRedirect(_Alarm):
    pass


class InsufficientBalance(_Alarm):
    quota_exhausted = True


class TemplateNotApproved(_Alarm):
    pass


class TokenInvalid(ZaloError):
    handling = "refresh"
    needs_refresh = True


class _Undeliverable(ZaloError):
    handling = "undeliverable"
    window_error = True


class NotFollower(_Undeliverable):
    pass


class InvitationBlocked(_Undeliverable):
    pass


class RecipientLimit(_Undeliverable):
    """-218: this user's receiving limit is reached (not the OA's quota)."""


class UserInactive(_Undeliverable):
    pass


class OutsideWindow(_Undeliverable):
    pass


class UserBlocked(_Undeliverable):
    pass


class NightBan(ZaloError):
    handling = "reschedule"
    window_error = True


class InvalidPhone(ZaloError):
    pass


class CannotReceive(ZaloError):
    handling = "undeliverable"


_CLASSES: dict[int, type[ZaloError]] = {
    -32: RateLimited,
    -100: UploadExpired,
    -200: SendFailed,
    -201: InvalidParameter,
    -204: OaUnavailable,
    -205: OaUnavailable,
    -209: AppNotActive,
    -210: ParameterLimit,
    -212: ApiNotRegistered,
    -211: QuotaExceeded,
    -214: ArticleProcessing,
    -218: RecipientLimit,
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
    -233: MessageTypeUnsupported,
    -234: NightBan,
    -133: NightBan,
    -235: OaTypeUnsupported,
    -240: V2ApiShutDown,
    -244: UserBlocked,
    -248: ContentViolation,
    -320: BillingRequired,
    -321: BillingExhausted,
    -14003: BadRedirect,
    -14020: RefreshTokenReused,
    -108: InvalidPhone,
    -114: CannotReceive,
    -119: CannotReceive,
    -115: InsufficientBalance,
    -131: TemplateNotApproved,
    -144: QuotaExceeded,
}


# Codes whose meaning depends on the API that answered (docs/zalo-platform.md §6).
_ZNS_CLASSES: dict[int, type[ZaloError]] = {-100: ZnsUnknownError}
APIS = frozenset({"oa", "zns", "oauth"})
ALARM_CODES = tuple(sorted(code for code, cls in _CLASSES.items() if cls.alarm))


def error_class(code: int, *, code_217: str = CODE_217_USER_BLOCKED, api: str = "oa") -> type[ZaloError]:
    if api not in APIS:
        raise ValueError(f"api must be one of {sorted(APIS)}, got {api!r}")
    if api == "zns" and code in _ZNS_CLASSES:
        return _ZNS_CLASSES[code]
    if code == -217:
        if code_217 not in CODE_217_MEANINGS:
            raise ValueError(f"code_217 must be one of {sorted(CODE_217_MEANINGS)}, got {code_217!r}")
        return TokenInvalid if code_217 == CODE_217_TOKEN_EXPIRED else InvitationBlocked
    return _CLASSES.get(code, ZaloError)


def error_from_response(
    payload: object, *, code_217: str = CODE_217_USER_BLOCKED, api: str = "oa"
) -> ZaloError | None:
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
    return error_class(code, code_217=code_217, api=api)(code, message)
