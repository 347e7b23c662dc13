"""Back-fill an OA's followers from Zalo's follower list, a bounded slice per call.

Zalo pages the list 50 at a time and refuses offsets above 9,951: :func:`sync_slice` reads pages from
``offset`` until the list ends, the cap is reached, or ``max_pages`` were read, and says which. The caller
(the CLI, through the admin API) calls again with ``next_offset`` until ``done``; each call stays well within
API Gateway's 30 s. Synced followers are marked following without touching their last interaction: being
on the list says nothing about Zalo's 48 h / 7 day windows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from anninh.zalo.client import FOLLOWERS_OFFSET_CAP, FOLLOWERS_PAGE_MAX, FollowerPage


class FollowerLister(Protocol):
    def get_followers_page(
        self, oa_id: str, offset: int = 0, count: int = FOLLOWERS_PAGE_MAX
    ) -> FollowerPage: ...


class SyncedFollowers(Protocol):
    # True when the follower was not recorded as following before (it moves the unit's followers_total).
    def record_synced(self, oa_id: str, user_id: str, at: datetime) -> bool: ...


@dataclass(frozen=True)
class SyncSlice:
    synced: int
    total: int
    next_offset: int
    done: bool
    capped: bool
    newly_following: int = 0  # synced followers not recorded as following before


def sync_slice(
    lister: FollowerLister,
    followers: SyncedFollowers,
    oa_id: str,
    at: datetime,
    *,
    offset: int = 0,
    max_pages: int = 20,
) -> SyncSlice:
    if offset < 0 or offset % FOLLOWERS_PAGE_MAX:
        raise ValueError(f"offset must be a non-negative multiple of {FOLLOWERS_PAGE_MAX}")
    synced, total, pages, new = 0, 0, 0, 0
    while pages < max_pages:
        if offset > FOLLOWERS_OFFSET_CAP:
            return SyncSlice(synced, total, offset, done=True, capped=True, newly_following=new)
        page = lister.get_followers_page(oa_id, offset, FOLLOWERS_PAGE_MAX)
        pages += 1
        total = page.total
        for user_id in page.user_ids:
            new += bool(followers.record_synced(oa_id, user_id, at))
        synced += len(page.user_ids)
        offset += FOLLOWERS_PAGE_MAX
        if not page.user_ids or offset >= page.total:
            return SyncSlice(synced, total, offset, done=True, capped=False, newly_following=new)
    capped = offset > FOLLOWERS_OFFSET_CAP
    return SyncSlice(synced, total, offset, done=capped, capped=capped, newly_following=new)
