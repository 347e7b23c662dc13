"""The hourly digest of new non-urgent tips, on in-memory repositories."""

from datetime import UTC, datetime, timedelta

import pytest
from anninh import texts
from anninh.officers.model import Officer, OfficerError, Shift
from anninh.tips import digest
from anninh.tips.model import Tip
from anninh.units.model import Unit
from anninh.units.tree import UnitTree
from anninh.zalo.errors import NotFollower, ZaloError

from tests.memory_repositories import MemoryOfficers, MemoryTips

PROVINCE = Unit("tinh", "Công an tỉnh", "province", oa_id="100")
COMMUNE = Unit("xa", "Công an xã Bình An", "commune", parent_id="tinh", oa_id="200", code="BA")
OTHER = Unit("xa2", "Công an xã Hòa Lạc", "commune", parent_id="tinh", oa_id="300", code="HL")
TREE = UnitTree([PROVINCE, COMMUNE, OTHER])
# 14:00 Vietnam time = 07:00 UTC: the digest run covers 13:00–14:00 Vietnam time.
RUN = datetime(2026, 11, 23, 7, 0, 3, tzinfo=UTC)


def officer(user, unit=COMMUNE, alerts="digest", shifts=()):
    return Officer(
        unit_id=unit.unit_id,
        user_id=user,
        name=f"Cán bộ {user}",
        role="truc_ban",
        oa_id=unit.oa_id or "",
        shifts=tuple(shifts),
        alerts=alerts,
    )


def tip(number, unit=COMMUNE, minutes_before_run=30, urgent=False, description="Có sòng bạc ở nhà kho"):
    created = RUN - timedelta(minutes=minutes_before_run)
    return Tip(
        tip_id=f"{int(created.timestamp() * 1000):013d}-{number}",
        unit_id=unit.unit_id,
        code=f"{unit.code}-{number}",
        category="co_bac",
        description=description,
        privacy="anonymous",
        reporter_key="k",
        reporter_oa_id=unit.oa_id or "",
        reporter_user_id="u",
        created_at=created,
        updated_at=created,
        urgent=urgent,
    )


def store(*tips):
    repo = MemoryTips()
    for item in tips:
        repo.create(item)
    return repo


def test_the_window_is_the_whole_hour_before_the_run_whatever_the_delay():
    window = digest.window_before(RUN)
    assert (window.start, window.end) == (
        datetime(2026, 11, 23, 6, tzinfo=UTC),
        datetime(2026, 11, 23, 7, tzinfo=UTC),
    )
    assert digest.window_before(RUN + timedelta(minutes=59)) == window
    assert window.key == "20261123T0600Z"


def test_only_digest_officers_get_the_non_urgent_tips_of_the_window_oldest_first():
    tips = store(
        tip("AAAAA", minutes_before_run=50),
        tip("BBBBB", minutes_before_run=10),
        tip("CCCCC", urgent=True),  # sent at once to everyone: not repeated
        tip("DDDDD", minutes_before_run=70),  # the hour before: its own digest
        tip("EEEEE", minutes_before_run=-1),  # after the window: the next digest
    )
    officers = MemoryOfficers([officer("1"), officer("2", alerts="immediate")])
    digests = digest.collect(tips, officers, TREE, digest.window_before(RUN), RUN)
    assert [d.officer.user_id for d in digests] == ["1"]
    assert [t.code for t, _ in digests[0].entries] == ["BA-AAAAA", "BA-BBBBB"]


def test_a_unit_without_duty_officers_falls_to_the_parents_like_the_immediate_alert():
    tips = store(tip("AAAAA", unit=OTHER))
    officers = MemoryOfficers([officer("9", unit=PROVINCE), officer("1")])
    digests = digest.collect(tips, officers, TREE, digest.window_before(RUN), RUN)
    assert [(d.officer.unit_id, [t.code for t, _ in d.entries]) for d in digests] == [("tinh", ["HL-AAAAA"])]


def test_officers_off_duty_when_the_digest_runs_get_nothing():
    monday_night = Shift((0,), "19:00", "07:00")  # RUN is Monday 14:00 in Vietnam
    day = Shift((0,), "07:00", "19:00")
    officers = MemoryOfficers([officer("1", shifts=[monday_night]), officer("2", shifts=[day])])
    digests = digest.collect(store(tip("AAAAA")), officers, TREE, digest.window_before(RUN), RUN)
    assert [d.officer.user_id for d in digests] == ["2"]


def test_the_message_is_in_vietnam_time_short_and_points_to_the_commands():
    long_text = "Có sòng bạc ăn tiền " * 20
    entries = [tip(f"A{n:04d}", minutes_before_run=59 - n, description=long_text) for n in range(18)]
    found = digest.collect(
        store(*entries), MemoryOfficers([officer("1")]), TREE, digest.window_before(RUN), RUN
    )
    text = digest.render(found[0], digest.window_before(RUN))
    lines = text.splitlines()
    assert lines[0] == texts.OFFICER_DIGEST_HEADER.format(
        start="13:00", end="14:00", date="23/11/2026", count=18
    )
    assert lines[1].startswith("• BA-A0000 — Cờ bạc tại Công an xã Bình An (Mới):")
    assert all(len(line) < 200 for line in lines[1:16])
    assert texts.OFFICER_DIGEST_MORE.format(count=3) in lines and lines[-1] == texts.OFFICER_DIGEST_FOOTER


def test_one_unreachable_officer_does_not_stop_the_others_and_a_real_fault_is_raised_after():
    officers = MemoryOfficers([officer("1"), officer("2"), officer("3")])
    sent: list[tuple[str, str]] = []
    skipped: list[str] = []

    def send_once(key, who, text):
        if who.user_id == "1":
            raise NotFollower(-213, "user is not a follower")
        if who.user_id == "2":
            raise ConnectionError("Zalo down")
        sent.append((key, who.user_id))

    def unreachable(who, exc):
        skipped.append(who.user_id)
        return isinstance(exc, ZaloError)

    with pytest.raises(ConnectionError):
        digest.send_digests(store(tip("AAAAA")), officers, TREE, RUN, send_once, unreachable)
    assert sent == [("digest:20261123T0600Z:200:3", "3")] and skipped == ["1", "2"]


def test_nothing_new_sends_nothing():
    calls: list[str] = []
    count, window = digest.send_digests(
        store(),
        MemoryOfficers([officer("1")]),
        TREE,
        RUN,
        lambda k, o, t: calls.append(k),
        lambda o, e: False,
    )
    assert (count, calls, window.key) == (0, [], "20261123T0600Z")


def test_the_alert_setting_is_validated():
    with pytest.raises(OfficerError, match="immediate, digest"):
        officer("1", alerts="weekly")
