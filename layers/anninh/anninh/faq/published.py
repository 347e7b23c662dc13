"""The knowledge base published without a redeploy: a versioned object the functions re-read when it changes.

``anninh faq publish`` checks the seed files, compiles them and sends the compiled base to the admin API,
which validates it (it must load as a :class:`FaqEngine`) and stores it as a new version of one object.
:class:`KnowledgeBaseSource` hands the worker the current engine: it loads the published object at the first
call, then asks again at most every ``refresh_seconds`` with the ETag it holds (an unchanged object costs
one conditional GET and no parse). With nothing published, or while the store cannot be read, the copy built
into the layer answers: a citizen never waits on the store. ``rollback`` removes the newest version, so the
one before it is current again (repeated rollbacks walk back through the history).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from anninh import texts
from anninh.faq.engine import FaqEngine
from anninh.faq.knowledge_base import KnowledgeBaseError
from anninh.observability import count, logger

DEFAULT_REFRESH_SECONDS = 300.0


class NothingPublished(LookupError):
    """The store holds no published knowledge base."""


class PublishError(ValueError):
    """A refused publish or rollback; the message is Vietnamese, for the admin."""


@dataclass(frozen=True)
class FetchedObject:
    body: bytes
    etag: str
    version_id: str | None


@dataclass(frozen=True)
class PublishedVersion:
    version_id: str
    etag: str
    published_at: datetime
    is_latest: bool
    size: int


class KnowledgeBaseObjects(Protocol):
    """Where published versions live (S3 with versioning: anninh.store.knowledge_base_objects)."""

    def put(self, body: bytes, metadata: dict[str, str]) -> str: ...  # returns the new version id
    def fetch(self, etag: str | None) -> FetchedObject | None: ...  # None: unchanged since ``etag``
    def versions(self) -> list[PublishedVersion]: ...  # newest first
    def remove(self, version_id: str) -> None: ...


def _engine_of(compiled: dict[str, Any]) -> FaqEngine:
    try:
        return FaqEngine.from_data(compiled)
    except (KnowledgeBaseError, KeyError, TypeError, ValueError) as exc:
        raise PublishError(texts.FAQ_PUBLISH_INVALID.format(error=exc)) from exc


def publish(objects: KnowledgeBaseObjects, compiled: dict[str, Any], published_by: str) -> str:
    """Store ``compiled`` as the newest version once it loads as an engine; returns the version id."""
    engine = _engine_of(compiled)
    body = json.dumps(compiled, ensure_ascii=False, sort_keys=True).encode("utf-8")
    version = objects.put(
        body,
        {
            "entries": str(len(engine.entries())),
            "sha256": hashlib.sha256(body).hexdigest(),
            "published-by": published_by[:200],
        },
    )
    count("FaqPublished")
    logger.info("faq knowledge base published", extra={"version": version, "bytes": len(body)})
    return version


def rollback(objects: KnowledgeBaseObjects) -> PublishedVersion:
    """Remove the newest version; the one before it (returned) is current again."""
    versions = objects.versions()
    if len(versions) < 2:
        raise PublishError(texts.FAQ_ROLLBACK_NOTHING)
    objects.remove(versions[0].version_id)
    count("FaqRolledBack")
    logger.info("faq knowledge base rolled back", extra={"removed": versions[0].version_id})
    return versions[1]


class KnowledgeBaseSource:
    """The engine a function should answer with now (see the module docstring)."""

    def __init__(
        self,
        objects: KnowledgeBaseObjects | None,
        fallback: Callable[[], FaqEngine] = FaqEngine.load,
        refresh_seconds: float = DEFAULT_REFRESH_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._objects = objects
        self._fallback = fallback
        self._refresh = refresh_seconds
        self._clock = clock
        self._engine: FaqEngine | None = None
        self._etag: str | None = None
        self._checked_at: float | None = None
        self.version_id: str | None = None  # the published version in use; None: the built-in copy

    def current(self) -> FaqEngine:
        now = self._clock()
        due = self._checked_at is None or now - self._checked_at >= self._refresh
        if self._objects is None or not due:
            return self._engine or self._use_fallback()
        self._checked_at = now
        try:
            fetched = self._objects.fetch(self._etag if self._engine is not None else None)
        except NothingPublished:
            self._etag = None
            self.version_id = None
            return self._use_fallback(force=True)
        except Exception as exc:  # the store is unreachable or the object unreadable: keep answering
            count("FaqRefreshFailed")
            logger.warning("faq knowledge base not refreshed", extra={"error": type(exc).__name__})
            return self._engine or self._use_fallback()
        if fetched is None:
            assert self._engine is not None
            return self._engine
        try:
            engine = FaqEngine.from_data(json.loads(fetched.body))
        except Exception as exc:  # publish validates, so this is a damaged object: keep the last good one
            count("FaqRefreshFailed")
            logger.warning("published faq knowledge base unreadable", extra={"error": type(exc).__name__})
            return self._engine or self._use_fallback()
        self._engine, self._etag, self.version_id = engine, fetched.etag, fetched.version_id
        count("FaqKnowledgeBaseLoaded")
        logger.info("faq knowledge base loaded", extra={"version": fetched.version_id})
        return engine

    def _use_fallback(self, force: bool = False) -> FaqEngine:
        if self._engine is None or force:
            self._engine = self._fallback()
        return self._engine
