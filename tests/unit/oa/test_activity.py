"""The worker records each OA's last event and Zalo error at most once a minute, and never fails for it."""

from __future__ import annotations

from datetime import UTC, datetime

from anninh.oa.activity import ActivityRecorder


class Recording:
    def __init__(self, fail: bool = False) -> None:
        self.writes: list[tuple[str, ...]] = []
        self.fail = fail

    def record_event(self, oa_id: str, at: datetime) -> None:
        if self.fail:
            raise ConnectionError("dynamodb unreachable")
        self.writes.append(("event", oa_id))

    def record_error(self, oa_id: str, label: str, at: datetime) -> None:
        self.writes.append(("error", oa_id, label))


class Ticks:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def recorder(repository, ticks):
    return ActivityRecorder(repository, monotonic=ticks, clock=lambda: datetime(2026, 12, 3, tzinfo=UTC))


def test_one_write_per_oa_and_fact_per_minute() -> None:
    repository, ticks = Recording(), Ticks()
    activity = recorder(repository, ticks)
    for _ in range(50):
        activity.event_seen("100")
    activity.event_seen("200")
    activity.zalo_error("100", "-216")
    activity.zalo_error("100", "-216")
    activity.zalo_error("100", "-32")
    assert repository.writes == [
        ("event", "100"),
        ("event", "200"),
        ("error", "100", "-216"),
        ("error", "100", "-32"),
    ]
    ticks.now += 61
    activity.event_seen("100")
    assert repository.writes[-1] == ("event", "100") and len(repository.writes) == 5


def test_a_failed_write_does_not_fail_the_message() -> None:
    activity = recorder(Recording(fail=True), Ticks())
    activity.event_seen("100")  # no exception
