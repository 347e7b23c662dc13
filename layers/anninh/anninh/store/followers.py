"""Followers per OA: follow, unfollow and the last interaction that drives Zalo's 48 h / 7 day windows."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from pynamodb.exceptions import UpdateError
from pynamodb.expressions.condition import Condition
from pynamodb.expressions.update import Action

from anninh.store.models import FollowerModel, ensure_bound


class FollowerRepository(Protocol):
    # True when the follower's state flipped (not following -> following, or back): what moves the unit's
    # followers_total, so a redelivered follow or unfollow never moves it twice.
    def record_follow(self, oa_id: str, user_id: str, at: datetime, source: str | None) -> bool: ...
    def record_unfollow(self, oa_id: str, user_id: str, at: datetime) -> bool: ...
    def touch(self, oa_id: str, user_id: str, at: datetime) -> None: ...
    def get(self, oa_id: str, user_id: str) -> FollowerModel | None: ...


def _conditional_failed(exc: UpdateError) -> bool:
    return exc.cause_response_code == "ConditionalCheckFailedException"


class DynamoFollowerRepository:
    def __init__(self) -> None:
        ensure_bound(FollowerModel)

    def _update(
        self, oa_id: str, user_id: str, actions: list[Action], condition: Condition | None = None
    ) -> bool:
        """Apply ``actions`` if ``condition`` holds; False when it did not (nothing written)."""
        try:
            FollowerModel(oa_id=oa_id, user_id=user_id).update(actions=actions, condition=condition)
        except UpdateError as exc:
            if not _conditional_failed(exc):
                raise
            return False
        return True

    def _flip(
        self, oa_id: str, user_id: str, actions: list[Action], condition: Condition | None, to: bool
    ) -> bool:
        """Apply ``actions`` (under ``condition``); True only when this write flipped ``following`` to ``to``.
        One conditional write when it flips; a second, plain one when the follower was already there."""
        if to:  # a new follower, or one recorded as not following
            was_not = FollowerModel.following.does_not_exist() | (FollowerModel.following != True)  # noqa: E712
        else:  # only someone recorded as following can stop following
            was_not = FollowerModel.following == True  # noqa: E712
        flipping = was_not if condition is None else condition & was_not
        if self._update(oa_id, user_id, actions, flipping):
            return True
        self._update(oa_id, user_id, actions, condition)
        return False

    def record_follow(self, oa_id: str, user_id: str, at: datetime, source: str | None) -> bool:
        # A late, redelivered follow must not undo a newer unfollow: only move forward in time.
        newer = FollowerModel.unfollowed_at.does_not_exist() | (FollowerModel.unfollowed_at < at)
        return self._flip(
            oa_id,
            user_id,
            [
                FollowerModel.following.set(True),
                FollowerModel.followed_at.set(at),
                FollowerModel.source.set(source) if source else FollowerModel.source.remove(),
                FollowerModel.last_interaction_at.set(at),
                FollowerModel.updated_at.set(at),
            ],
            newer,
            to=True,
        )

    def record_unfollow(self, oa_id: str, user_id: str, at: datetime) -> bool:
        newer = FollowerModel.followed_at.does_not_exist() | (FollowerModel.followed_at < at)
        return self._flip(
            oa_id,
            user_id,
            [
                FollowerModel.following.set(False),
                FollowerModel.unfollowed_at.set(at),
                FollowerModel.updated_at.set(at),
            ],
            newer,
            to=False,
        )

    def touch(self, oa_id: str, user_id: str, at: datetime) -> None:
        newer = FollowerModel.last_interaction_at.does_not_exist() | (FollowerModel.last_interaction_at < at)
        self._update(
            oa_id,
            user_id,
            [FollowerModel.last_interaction_at.set(at), FollowerModel.updated_at.set(at)],
            condition=newer,
        )

    def record_synced(self, oa_id: str, user_id: str, at: datetime) -> bool:
        """On Zalo's follower list now: following, first seen ``at`` if new; last interaction untouched.
        True when the follower was not recorded as following before."""
        return self._flip(
            oa_id,
            user_id,
            [
                FollowerModel.following.set(True),
                FollowerModel.followed_at.set(FollowerModel.followed_at | at),
                FollowerModel.source.set(FollowerModel.source | "sync"),
                FollowerModel.updated_at.set(at),
            ],
            None,
            to=True,
        )

    def list_following(self, oa_id: str) -> list[FollowerModel]:
        """Every current follower of the OA (one query, paged by PynamoDB)."""
        return list(FollowerModel.query(oa_id, filter_condition=FollowerModel.following == True))  # noqa: E712

    def get(self, oa_id: str, user_id: str) -> FollowerModel | None:
        try:
            return FollowerModel.get(oa_id, user_id)
        except FollowerModel.DoesNotExist:
            return None
