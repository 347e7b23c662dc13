"""Zalo error codes (ZALO_API.md §7) map to typed exceptions with the right flags."""

from __future__ import annotations

import pytest
from anninh.zalo import errors as ze

WINDOW = {-213, -217, -227, -230, -232, -234, -244}  # [CW]'s window errors (with -217 as user-blocked)


@pytest.mark.parametrize(
    ("code", "cls"),
    [
        (-32, ze.RateLimited),
        (-100, ze.UploadExpired),
        (-201, ze.InvalidParameter),
        (-209, ze.AppNotActive),
        (-212, ze.ApiNotRegistered),
        (-211, ze.QuotaExceeded),
        (-218, ze.QuotaExceeded),
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
