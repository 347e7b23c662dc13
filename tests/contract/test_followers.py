"""FollowerRepository (worker), SyncedFollowers (follower sync) and the fan-out's FollowerLister: the
in-memory double and DynamoFollowerRepository answer alike."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from anninh.broadcasts.fanout import FollowerLister
from anninh.followers.sync import SyncedFollowers
from anninh.store.followers import DynamoFollowerRepository, FollowerRepository

from tests.memory_repositories import MemoryFollowers

Fresh = Callable[[str], str]  # the ``fresh`` fixture: a new id per call
T0 = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)


def make(backend: str) -> Any:
    return MemoryFollowers() if backend == "memory" else DynamoFollowerRepository()


def test_a_follow_is_recorded_with_its_source_and_time(backend: str, fresh: Fresh) -> None:
    followers, oa, other_oa = make(backend), fresh("oa"), fresh("oa")
    followers.record_follow(oa, "u1", T0, "oa_profile")
    found = followers.get(oa, "u1")
    assert found is not None
    assert (found.following, found.source, found.followed_at, found.last_interaction_at) == (
        True,
        "oa_profile",
        T0,
        T0,
    )
    assert followers.get(oa, "nobody") is None
    assert followers.get(other_oa, "u1") is None


def test_a_late_follow_does_not_undo_a_newer_unfollow_and_the_reverse(backend: str, fresh: Fresh) -> None:
    followers, oa = make(backend), fresh("oa")
    followers.record_unfollow(oa, "u1", T0 + timedelta(minutes=5))
    followers.record_follow(oa, "u1", T0, "oa_profile")  # redelivered, older
    assert followers.get(oa, "u1").following is False

    followers.record_follow(oa, "u2", T0 + timedelta(minutes=5), None)
    followers.record_unfollow(oa, "u2", T0)  # older
    assert followers.get(oa, "u2").following is True


def test_touch_only_moves_the_last_interaction_forward(backend: str, fresh: Fresh) -> None:
    followers, oa = make(backend), fresh("oa")
    followers.record_follow(oa, "u1", T0, None)
    followers.touch(oa, "u1", T0 + timedelta(hours=2))
    followers.touch(oa, "u1", T0 + timedelta(hours=1))
    assert followers.get(oa, "u1").last_interaction_at == T0 + timedelta(hours=2)
    followers.touch(oa, "u9", T0)  # someone who wrote without following
    assert followers.get(oa, "u9").last_interaction_at == T0


def test_a_synced_follower_keeps_what_the_webhook_recorded(backend: str, fresh: Fresh) -> None:
    followers, oa = make(backend), fresh("oa")
    followers.record_follow(oa, "known", T0, "oa_profile")
    followers.record_synced(oa, "known", T0 + timedelta(days=1))
    followers.record_synced(oa, "new", T0 + timedelta(days=1))
    known, new = followers.get(oa, "known"), followers.get(oa, "new")
    assert (known.following, known.source, known.followed_at, known.last_interaction_at) == (
        True,
        "oa_profile",
        T0,
        T0,
    )
    assert (new.following, new.source, new.followed_at, new.last_interaction_at) == (
        True,
        "sync",
        T0 + timedelta(days=1),
        None,
    )


def test_the_fan_out_lists_only_current_followers_of_the_oa(backend: str, fresh: Fresh) -> None:
    followers, oa, other_oa = make(backend), fresh("oa"), fresh("oa")
    followers.record_follow(oa, "stays", T0, None)
    followers.record_follow(oa, "leaves", T0, None)
    followers.record_unfollow(oa, "leaves", T0 + timedelta(minutes=1))
    followers.record_follow(other_oa, "elsewhere", T0, None)
    followers.touch(oa, "writer", T0)  # wrote, never followed
    listed = {f.user_id: f.last_interaction_at for f in followers.list_following(oa)}
    assert listed == {"stays": T0}


@pytest.mark.parametrize("protocol", [FollowerRepository, SyncedFollowers, FollowerLister])
def test_both_implement_every_method_of_the_protocol(backend: str, protocol: type) -> None:
    repository = make(backend)
    members = {name for name in vars(protocol) if not name.startswith("_")}
    assert members and all(callable(getattr(repository, name, None)) for name in members)
