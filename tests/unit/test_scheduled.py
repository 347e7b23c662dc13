"""What the scheduled officer messages share: the schedule's time, and skipping an unreachable officer."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from anninh.officers.model import Officer
from anninh.scheduled import scheduled_time, skip_unreachable
from anninh.zalo.errors import NotFollower, ZaloError

OFFICER = Officer(unit_id="xa-a", user_id="900", name="Cán bộ", role="lanh_dao", oa_id="111")


def test_an_officer_outside_the_window_is_skipped_and_anything_else_is_not() -> None:
    decide = skip_unreachable("LeaderPictureUndeliverable", "weekly picture")
    assert decide(OFFICER, NotFollower(-213, "not a follower")) is True
    assert decide(OFFICER, ZaloError(-124, "token invalid")) is False
    assert decide(OFFICER, RuntimeError("down")) is False


def test_the_schedule_time_is_read_with_its_zone_and_refused_without() -> None:
    at = scheduled_time({"scheduled_time": "2026-12-07T00:00:00Z"})
    assert at == datetime(2026, 12, 7, tzinfo=UTC)
    with pytest.raises(ValueError, match="time zone"):
        scheduled_time({"scheduled_time": "2026-12-07T00:00:00"})
