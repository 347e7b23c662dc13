"""Each OA's menu mode: remembered at once, shared through the repository, cached per process
(docs/zalo-platform.md §1); a repository failure never blocks a reply."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from anninh.zalo.capabilities import InMemoryCapabilityRepository, MenuMemory, OaCapabilities

OA = "1234567890123456789"


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class BrokenRepository:
    """The port failing as DynamoDB would when throttled or unreachable."""

    def get(self, oa_id: str) -> OaCapabilities | None:
        raise ConnectionError("dynamodb unreachable")

    def save_menu_mode(self, oa_id: str, mode: str, reason: str, now: datetime) -> None:
        raise ConnectionError("dynamodb unreachable")

    def save_doctor(self, oa_id: str, report: object, now: datetime) -> None:
        raise ConnectionError("dynamodb unreachable")


def test_a_refusal_is_remembered_at_once_and_shared_with_other_processes() -> None:
    repository = InMemoryCapabilityRepository()
    first = MenuMemory(repository)
    assert not first.is_text_only(OA)
    first.remember_text_only(OA, "-233")
    assert first.is_text_only(OA)
    assert MenuMemory(repository).is_text_only(OA)  # another cold start
    saved = repository.get(OA)
    assert saved is not None and (saved.menu_mode, saved.reason) == ("text", "-233")
    assert not first.is_text_only("999")


def test_reads_are_cached_for_the_ttl_then_read_again() -> None:
    repository = InMemoryCapabilityRepository()
    clock = Clock()
    memory = MenuMemory(repository, ttl_seconds=300, clock=clock)
    assert not memory.is_text_only(OA)
    repository.save_menu_mode(OA, "text", "doctor", datetime.now(UTC))  # another process decided
    clock.now = 299
    assert not memory.is_text_only(OA)
    clock.now = 301
    assert memory.is_text_only(OA)
    MenuMemory(repository).remember_list_ok(OA)
    clock.now = 700
    assert not memory.is_text_only(OA)


def test_a_broken_repository_never_blocks_a_reply() -> None:
    memory = MenuMemory(BrokenRepository())  # type: ignore[arg-type]
    assert not memory.is_text_only(OA)
    memory.remember_text_only(OA, "-233")  # the save fails, the process still remembers
    assert memory.is_text_only(OA)
    assert memory.form_image_url(OA) is None


def test_menu_modes_are_checked() -> None:
    with pytest.raises(ValueError, match="menu mode"):
        InMemoryCapabilityRepository().save_menu_mode(OA, "buttons", "x", datetime.now(UTC))
