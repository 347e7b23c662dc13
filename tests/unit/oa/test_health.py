"""The health verdict of one OA from what is stored about it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from anninh.oa.health import OaStatus, TokenFacts, assess

NOW = datetime(2026, 12, 3, 2, 0, tzinfo=UTC)
OA = "1234567890123456789"
FRESH = TokenFacts(NOW + timedelta(hours=20), version=3)


def verdict(secret: bool = True, token: TokenFacts | None = FRESH, status: OaStatus | None = None):
    return assess("xa-a", "Công an xã A", OA, secret_present=secret, token=token, status=status, now=NOW)


def test_a_connected_oa_with_its_secret_is_healthy() -> None:
    health = verdict()
    assert health.healthy and health.reason == "ok"
    assert health.as_json()["token_expires_at"] == FRESH.expires_at.isoformat()


@pytest.mark.parametrize(
    ("kwargs", "reason"),
    [
        ({"secret": False}, "secret_missing"),
        ({"token": None}, "not_connected"),
        ({"token": TokenFacts(NOW - timedelta(minutes=1), 3)}, "token_expired"),
        (
            {
                "status": OaStatus(
                    OA,
                    last_refresh_at=NOW,
                    last_refresh_ok=False,
                    last_refresh_error="RefreshTokenReused",
                    refresh_failed_version=3,
                )
            },
            "refresh_failed",
        ),
        ({"status": OaStatus(OA, last_error_code="-216", last_error_at=NOW)}, "token_rejected"),
    ],
)
def test_each_broken_part_is_named(kwargs, reason) -> None:
    health = verdict(**kwargs)
    assert health.healthy is False and health.reason == reason and health.detail


def test_a_failed_refresh_is_forgiven_once_a_newer_pair_is_stored() -> None:
    failed = OaStatus(
        OA, last_refresh_ok=False, last_refresh_error="ZaloTransportError", refresh_failed_version=2
    )
    assert verdict(status=failed).healthy  # the pair (version 3) is newer than the one that failed


def test_a_token_refusal_is_cleared_by_a_later_consent_or_refresh_but_not_an_earlier_one() -> None:
    refused = OaStatus(OA, last_error_code="-216", last_error_at=NOW - timedelta(hours=1))
    assert not verdict(status=refused).healthy
    earlier = OaStatus(**{**vars(refused), "connected_at": NOW - timedelta(hours=2)})
    assert not verdict(status=earlier).healthy
    later = OaStatus(**{**vars(refused), "connected_at": NOW - timedelta(minutes=5)})
    assert verdict(status=later).healthy
    refreshed = OaStatus(**{**vars(refused), "last_refresh_at": NOW, "last_refresh_ok": True})
    assert verdict(status=refreshed).healthy


def test_other_zalo_errors_do_not_make_an_oa_unhealthy() -> None:
    window = OaStatus(OA, last_error_code="-230", last_error_at=NOW)  # a citizen out of the 7-day window
    assert verdict(status=window).healthy


def test_a_quota_refusal_counts_for_the_vietnam_day_it_happened() -> None:
    # NOW is 09:00 in Vietnam; 16:30 UTC the day before is 23:30 Vietnam time: yesterday
    today = OaStatus(
        OA, last_error_code="-211", last_error_at=NOW, quota_exceeded_at=NOW - timedelta(hours=1)
    )
    health = verdict(status=today)
    assert health.reason == "quota_exceeded" and health.as_json()["quota_exceeded_at"]
    yesterday = OaStatus(OA, quota_exceeded_at=datetime(2026, 12, 2, 16, 30, tzinfo=UTC))
    assert verdict(status=yesterday).healthy
