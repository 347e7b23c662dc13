"""Zalo error codes (docs/zalo-platform.md §6) map to typed exceptions with the right flags."""

from __future__ import annotations

import pytest
from anninh.zalo import errors as ze

WINDOW = {-213, -217, -218, -227, -230, -232, -234, -244}  # [CW]'s window errors, plus -218 (per user)


@pytest.mark.parametrize(
    ("code", "cls"),
    [
        (-32, ze.RateLimited),
        (-100, ze.UploadExpired),
        (-201, ze.InvalidParameter),
        (-209, ze.AppNotActive),
        (-212, ze.ApiNotRegistered),
        (-211, ze.QuotaExceeded),
        (-218, ze.RecipientLimit),
        (-213, ze.NotFollower),
        (-216, ze.TokenInvalid),
        (-220, ze.TokenInvalid),
        (-124, ze.TokenInvalid),
        (-217, ze.InvitationBlocked),
        (-219, ze.AppDisabled),
        (-221, ze.OaNotVerified),
        (-224, ze.OaNotVerified),
        (-223, ze.PermissionNotGranted),
        (-227, ze.UserInactive),
        (-230, ze.OutsideWindow),
        (-232, ze.OutsideWindow),
        (-234, ze.NightBan),
        (-244, ze.UserBlocked),
        (-14020, ze.RefreshTokenReused),
        (-14003, ze.BadRedirect),
        (-108, ze.InvalidPhone),
        (-114, ze.CannotReceive),
        (-115, ze.InsufficientBalance),
        (-131, ze.TemplateNotApproved),
        (-133, ze.NightBan),
        (-144, ze.QuotaExceeded),
    ],
)
def test_codes_map_to_classes_with_flags(code: int, cls: type[ze.ZaloError]) -> None:
    error = ze.error_from_response({"error": code, "message": "detail from Zalo"})
    assert type(error) is cls
    assert error is not None and error.code == code and error.message == "detail from Zalo"
    assert error.retryable is (code == -32)
    assert error.needs_refresh is (code in {-216, -220, -124})
    if code in WINDOW:
        assert error.window_error
    elif code not in {-133}:  # ZNS night ban shares NightBan
        assert not error.window_error
    assert error.label == str(code)


def test_217_is_a_setting() -> None:
    assert type(ze.error_from_response({"error": -217})) is ze.InvitationBlocked
    expired = ze.error_from_response({"error": -217}, code_217=ze.CODE_217_TOKEN_EXPIRED)
    assert type(expired) is ze.TokenInvalid and expired.needs_refresh
    with pytest.raises(ValueError, match="code_217"):
        ze.error_from_response({"error": -217}, code_217="maybe")


def test_success_and_oauth_shapes() -> None:
    assert ze.error_from_response({"error": 0, "message": "Success", "data": {}}) is None
    assert ze.error_from_response({"access_token": "a", "refresh_token": "r", "expires_in": "90000"}) is None
    reused = ze.error_from_response(
        {"error": -14020, "error_name": "Invalid refresh token", "error_description": "Refresh token is used"}
    )
    assert isinstance(reused, ze.RefreshTokenReused) and reused.message == "Refresh token is used"
    assert type(ze.error_from_response({"error": "-32"})) is ze.RateLimited


def test_unknown_code_and_garbage() -> None:
    unknown = ze.error_from_response({"error": -999, "message": "new"})
    assert type(unknown) is ze.ZaloError and not unknown.retryable
    garbage = ze.error_from_response(["not", "an", "object"])
    assert isinstance(garbage, ze.ZaloTransportError) and not garbage.retryable
    assert isinstance(ze.error_from_response({"error": "oops"}), ze.ZaloTransportError)


def test_transport_error_retryable_per_instance() -> None:
    timeout = ze.ZaloTransportError("timeout", retryable=True)
    page = ze.ZaloTransportError("html page", retryable=False, http_status=200)
    assert timeout.retryable and not page.retryable and timeout.code is None
    assert timeout.label == "ZaloTransportError"
    assert isinstance(timeout, ze.ZaloError)
    assert ze.UploadExpired(-100, "").needs_reupload and not ze.UploadExpired(-100, "").retryable


# docs/zalo-platform.md §6: each code's handling.
@pytest.mark.parametrize(
    ("code", "handling", "template_refusal", "alarm"),
    [
        (-32, "retry", False, False),
        (-200, "retry", False, False),
        (-201, "fix", True, False),
        (-204, "alarm", False, True),
        (-210, "fix", True, False),
        (-211, "alarm", False, True),
        (-214, "retry", False, False),
        (-216, "refresh", False, False),
        (-218, "undeliverable", False, False),
        (-230, "undeliverable", False, False),
        (-233, "fall_back", True, False),
        (-234, "reschedule", False, False),
        (-235, "alarm", False, True),
        (-240, "alarm", True, True),
        (-248, "alarm", False, True),
        (-320, "alarm", False, True),
        (-321, "alarm", False, True),
        (-14020, "alarm", False, True),
    ],
)
def test_each_code_has_its_handling(code: int, handling: str, template_refusal: bool, alarm: bool) -> None:
    error = ze.error_from_response({"error": code, "message": "m"})
    assert error is not None
    assert (error.handling, error.template_refusal, error.alarm) == (handling, template_refusal, alarm)
    assert error.handling in ze.HANDLINGS
    assert (code in ze.ALARM_CODES) is alarm


def test_out_of_money_and_quota_codes_are_quota_exhausted() -> None:
    for code in (-211, -321, -144, -115):
        error = ze.error_from_response({"error": code})
        assert error is not None and error.quota_exhausted, code
    assert not ze.error_from_response({"error": -320}).quota_exhausted  # type: ignore[union-attr]


def test_minus_100_depends_on_the_api() -> None:
    oa = ze.error_from_response({"error": -100, "message": "attachment_id was expired"})
    zns = ze.error_from_response({"error": -100, "message": "Unknown error"}, api="zns")
    assert type(oa) is ze.UploadExpired and oa.handling == "reupload" and not oa.retryable
    assert type(zns) is ze.ZnsUnknownError and zns.retryable
    with pytest.raises(ValueError, match="api"):
        ze.error_from_response({"error": -100}, api="ftp")
