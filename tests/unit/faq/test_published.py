"""The published knowledge base: validated on publish, re-read only when changed, never a gap in answers."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from anninh.faq.engine import FaqEngine
from anninh.faq.knowledge_base import COMPILED_PATH
from anninh.faq.published import (
    FetchedObject,
    KnowledgeBaseSource,
    NothingPublished,
    PublishedVersion,
    PublishError,
    publish,
    rollback,
)

ENTRY = "dang-ky-tam-tru"


class MemoryObjects:
    """A versioned object store in memory, counting what the source asks of it."""

    def __init__(self) -> None:
        self.stored: list[tuple[str, bytes, dict[str, str]]] = []
        self.fetches: list[str | None] = []
        self.fail_next = 0

    def put(self, body: bytes, metadata: dict[str, str]) -> str:
        version = f"v{len(self.stored) + 1}"
        self.stored.append((version, body, metadata))
        return version

    def fetch(self, etag: str | None) -> FetchedObject | None:
        self.fetches.append(etag)
        if self.fail_next:
            self.fail_next -= 1
            raise ConnectionError("store down")
        if not self.stored:
            raise NothingPublished("faq/knowledge_base.json")
        version, body, _ = self.stored[-1]
        current = f'"{version}"'
        return None if etag == current else FetchedObject(body=body, etag=current, version_id=version)

    def versions(self) -> list[PublishedVersion]:
        at = datetime(2026, 12, 1, tzinfo=UTC)
        newest_first = list(reversed(self.stored))
        return [
            PublishedVersion(v, f'"{v}"', at + timedelta(minutes=i), i == 0, len(b))
            for i, (v, b, _) in enumerate(newest_first)
        ]

    def remove(self, version_id: str) -> None:
        self.stored = [s for s in self.stored if s[0] != version_id]


def compiled_with(answer_marker: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(COMPILED_PATH.read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    if answer_marker:
        for entry in data["entries"]:
            if entry["id"] == ENTRY:
                entry["answer"] = f"{answer_marker} " + entry["answer"]
    return data


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def answer_of(engine: FaqEngine) -> str:
    return engine.entry(ENTRY).answer


def test_nothing_published_answers_from_the_built_in_copy() -> None:
    objects = MemoryObjects()
    source = KnowledgeBaseSource(objects, refresh_seconds=60, clock=Clock())
    assert answer_of(source.current()) == answer_of(FaqEngine.load())
    assert source.version_id is None


def test_a_publish_reaches_a_warm_source_after_the_refresh_interval_only() -> None:
    objects, clock = MemoryObjects(), Clock()
    publish(objects, compiled_with("BẢN-1"), "tester")
    source = KnowledgeBaseSource(objects, refresh_seconds=60, clock=clock)
    assert answer_of(source.current()).startswith("BẢN-1")
    publish(objects, compiled_with("BẢN-2"), "tester")
    clock.now += 59
    assert answer_of(source.current()).startswith("BẢN-1")  # not due yet: no request at all
    assert len(objects.fetches) == 1
    clock.now += 1
    assert answer_of(source.current()).startswith("BẢN-2")
    assert source.version_id == "v2"


def test_an_unchanged_object_costs_a_conditional_request_and_keeps_the_same_engine() -> None:
    objects, clock = MemoryObjects(), Clock()
    publish(objects, compiled_with("BẢN-1"), "tester")
    source = KnowledgeBaseSource(objects, refresh_seconds=10, clock=clock)
    first = source.current()
    clock.now += 10
    assert source.current() is first
    assert objects.fetches == [None, '"v1"']


def test_an_unreachable_store_keeps_answering_with_what_it_has() -> None:
    objects, clock = MemoryObjects(), Clock()
    publish(objects, compiled_with("BẢN-1"), "tester")
    source = KnowledgeBaseSource(objects, refresh_seconds=10, clock=clock)
    first = source.current()
    objects.fail_next = 1
    clock.now += 10
    assert source.current() is first
    fresh = KnowledgeBaseSource(objects, refresh_seconds=10, clock=Clock())
    objects.fail_next = 1
    assert answer_of(fresh.current()) == answer_of(FaqEngine.load())  # cold start while the store is down


def test_a_damaged_object_is_never_used() -> None:
    objects, clock = MemoryObjects(), Clock()
    publish(objects, compiled_with("BẢN-1"), "tester")
    source = KnowledgeBaseSource(objects, refresh_seconds=10, clock=clock)
    source.current()
    objects.stored.append(("v9", b"{not json", {}))
    clock.now += 10
    assert answer_of(source.current()).startswith("BẢN-1")


def test_publish_refuses_what_would_not_load_and_stores_nothing() -> None:
    objects = MemoryObjects()
    broken = compiled_with()
    broken["format"] = 999
    with pytest.raises(PublishError):
        publish(objects, broken, "tester")
    missing = compiled_with()
    del missing["index"]
    with pytest.raises(PublishError):
        publish(objects, missing, "tester")
    assert objects.stored == []


def test_publish_records_what_it_stored() -> None:
    objects = MemoryObjects()
    publish(objects, compiled_with(), "cb.phapche")
    _, body, metadata = objects.stored[0]
    assert metadata["entries"] == str(len(compiled_with()["entries"]))
    assert metadata["published-by"] == "cb.phapche"
    assert len(metadata["sha256"]) == 64 and json.loads(body)["format"] == compiled_with()["format"]


def test_rollback_returns_to_the_previous_version_and_needs_one() -> None:
    objects, clock = MemoryObjects(), Clock()
    with pytest.raises(PublishError):
        rollback(objects)
    publish(objects, compiled_with("BẢN-1"), "tester")
    with pytest.raises(PublishError):
        rollback(objects)
    publish(objects, compiled_with("BẢN-2"), "tester")
    source = KnowledgeBaseSource(objects, refresh_seconds=10, clock=clock)
    assert answer_of(source.current()).startswith("BẢN-2")
    assert rollback(objects).version_id == "v1"
    clock.now += 10
    assert answer_of(source.current()).startswith("BẢN-1")
