"""Limits per citizen: the message allowance (token bucket) and alert coalescing, in memory and on moto."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from anninh.limits.citizens import AlertWindow, Bucket, CitizenLimits, LimitConflict, LimitSettings
from anninh.messaging.state import ConversationData, TipDraft
from anninh.settings import ConfigError

from tests.integration.conftest import fake_zalo, stack  # noqa: F401  (fixtures: moto from the template)

T0 = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
SETTINGS = LimitSettings(burst=5, per_minute=6, alert_window=timedelta(minutes=10))


class MemoryLimitStore:
    """The same contract as the DynamoDB store: a write succeeds only if the item is as it was read."""

    def __init__(self) -> None:
        self.buckets: dict[tuple[str, str], Bucket] = {}
        self.windows: dict[tuple[str, str], AlertWindow] = {}

    def bucket(self, oa_id, user_id):  # type: ignore[no-untyped-def]
        return self.buckets.get((oa_id, user_id))

    def put_bucket(self, oa_id, user_id, new, old):  # type: ignore[no-untyped-def]
        if self.buckets.get((oa_id, user_id)) != old:
            return False
        self.buckets[(oa_id, user_id)] = new
        return True

    def window(self, oa_id, user_id):  # type: ignore[no-untyped-def]
        return self.windows.get((oa_id, user_id))

    def put_window(self, oa_id, user_id, new, old):  # type: ignore[no-untyped-def]
        if self.windows.get((oa_id, user_id)) != old:
            return False
        self.windows[(oa_id, user_id)] = new
        return True


def test_a_burst_is_allowed_then_refused_with_one_polite_answer_then_refilled() -> None:
    limits = CitizenLimits(MemoryLimitStore(), SETTINGS)
    verdicts = [limits.take("oa", "u1", T0) for _ in range(8)]
    assert [v.allowed for v in verdicts] == [True] * 5 + [False] * 3
    assert [v.tell for v in verdicts[5:]] == [True, False, False]  # told once, not once per message
    assert limits.take("oa", "u2", T0).allowed  # another citizen has their own allowance
    assert not limits.take("oa", "u1", T0 + timedelta(seconds=9)).allowed
    assert limits.take("oa", "u1", T0 + timedelta(seconds=10)).allowed  # 6 a minute: one every 10 s
    refused_again = limits.take("oa", "u1", T0 + timedelta(seconds=11))
    assert not refused_again.allowed and refused_again.tell  # a new run of refusals is told again
    assert limits.take("oa", "u1", T0 + timedelta(hours=1)).allowed


def test_a_store_that_always_changes_under_us_is_a_retried_error_not_a_free_pass() -> None:
    class Contended(MemoryLimitStore):
        def put_bucket(self, *args):  # type: ignore[no-untyped-def]
            return False

    with pytest.raises(LimitConflict):
        CitizenLimits(Contended(), SETTINGS).take("oa", "u1", T0)


def test_alerts_about_one_citizen_are_coalesced_and_counted() -> None:
    limits = CitizenLimits(MemoryLimitStore(), SETTINGS)
    first = limits.admit_alert("oa", "u1", "evt-1", T0)
    assert first.send and first.earlier == 0
    held = [limits.admit_alert("oa", "u1", f"evt-{i}", T0 + timedelta(seconds=i)) for i in range(2, 11)]
    assert not any(d.send for d in held)  # nine more within the window: nobody paged
    assert limits.admit_alert("oa", "u2", "other", T0).send  # another citizen is not held back
    # A redelivery of the event that opened the window still alerts (the send is deduplicated downstream).
    assert limits.admit_alert("oa", "u1", "evt-1", T0).send
    tenth = limits.admit_alert("oa", "u1", "evt-11", T0 + timedelta(minutes=1))
    assert tenth.send and tenth.earlier == 10  # a long flood shows: a follow-up at 10 held
    after = limits.admit_alert("oa", "u1", "evt-12", T0 + timedelta(minutes=10))
    assert after.send and after.earlier == 10 and after.minutes == 10  # the next window says how many


def test_settings_come_from_the_environment_and_refuse_nonsense() -> None:
    assert LimitSettings.from_env({}) == LimitSettings()
    custom = LimitSettings.from_env({"CITIZEN_MESSAGE_BURST": "30", "CITIZEN_MESSAGES_PER_MINUTE": "12"})
    assert (custom.burst, custom.per_minute) == (30, 12.0)
    with pytest.raises(ConfigError, match="CITIZEN_MESSAGE_BURST"):
        LimitSettings.from_env({"CITIZEN_MESSAGE_BURST": "-1"})
    with pytest.raises(ConfigError, match="CITIZEN_ALERT_WINDOW_MINUTES"):
        LimitSettings.from_env({"CITIZEN_ALERT_WINDOW_MINUTES": "soon"})


def test_the_dynamodb_store_refuses_a_write_based_on_a_stale_read(stack) -> None:  # noqa: F811
    from anninh.store.citizen_limits import CitizenLimitModel, DynamoCitizenLimits

    store = DynamoCitizenLimits()
    limits = CitizenLimits(store, SETTINGS)
    assert [limits.take("oa", "u9", T0).allowed for _ in range(6)] == [True] * 5 + [False]
    seen = store.bucket("oa", "u9")
    assert seen is not None and seen.warned and seen.tokens < 1
    # Another worker spends the same state first: the write based on the old read is refused.
    newer = Bucket(tokens=seen.tokens, at_ms=seen.at_ms + 1, warned=True)
    assert store.put_bucket("oa", "u9", newer, seen)
    assert not store.put_bucket("oa", "u9", Bucket(4.0, seen.at_ms, False), seen)
    assert not store.put_bucket("oa", "u-new", Bucket(4.0, 1, False), Bucket(5.0, 0, False))
    # Alert windows likewise, and both items expire a day after the last message (the table's TTL).
    assert limits.admit_alert("oa", "u9", "e1", T0).send
    assert not limits.admit_alert("oa", "u9", "e2", T0).send
    window = store.window("oa", "u9")
    assert window == AlertWindow(opened_ms=int(T0.timestamp() * 1000), opened_by="e1", held=1)
    assert not store.put_window("oa", "u9", AlertWindow(0, "x"), None)
    item = CitizenLimitModel.get("limit#oa#u9")
    assert item.expires_at is not None and item.expires_at > T0 + timedelta(hours=23)


def test_the_intake_keeps_every_photo_of_a_message_up_to_twenty_and_bounds_the_description() -> None:
    from anninh import texts
    from anninh.conversation import tip_intake
    from anninh.messaging.replies import TextReply
    from anninh.units.model import Unit
    from anninh.zalo import events as ev

    unit = Unit(unit_id="xa", name="Công an xã", level="xa", parent_id=None, code="BA")
    common = {
        "oa_id": "oa",
        "user_id": "u1",
        "timestamp": "1",
        "app_id": "a",
        "event_name": "user_send_image",
    }

    def photos(count: int, msg: str) -> ev.ImageMessage:
        urls = tuple(f"https://photo-stal-1.zdn.vn/{msg}-{i}.jpg" for i in range(count))
        return ev.ImageMessage(**common, msg_id=msg, text="", url=urls[0], urls=urls)  # type: ignore[arg-type]

    data = ConversationData(draft=TipDraft(category="ma_tuy", description="x" * 20))
    turn = tip_intake.step(unit, "tip:media", data, photos(3, "m1"), T0)
    assert [m[1] for m in turn.data.draft.media] == [
        f"https://photo-stal-1.zdn.vn/m1-{i}.jpg" for i in range(3)
    ]
    turn = tip_intake.step(unit, "tip:media", turn.data, photos(20, "m2"), T0)
    assert len(turn.data.draft.media) == 20
    assert [r.text for r in turn.replies if isinstance(r, TextReply)] == [
        texts.TIP_MEDIA_RECEIVED.format(count=20),
        texts.TIP_MEDIA_LIMIT.format(limit=20),
    ]
    long = ev.TextMessage(**{**common, "event_name": "user_send_text"}, msg_id="t", text="a" * 4001)  # type: ignore[arg-type]
    bare = ConversationData(draft=TipDraft(category="ma_tuy"))
    refused = tip_intake.step(unit, "tip:description", bare, long, T0)
    assert refused.state == "tip:description" and refused.data.draft.description is None
