"""What one OA's Zalo accepts, learnt from Zalo's answers and from ``anninh zalo doctor``, kept per OA.

Public API::

    MENU_LIST, MENU_TEXT
    OaCapabilities(oa_id, menu_mode=None, reason=None, checked_at=None, doctor=None, form_image_url=None)
    CapabilityRepository (Protocol): get(oa_id) -> OaCapabilities | None;
        save_menu_mode(oa_id, mode, reason, now); save_doctor(oa_id, report, now)
    InMemoryCapabilityRepository()
    MenuMemory(repository=None, *, ttl_seconds=300.0, clock=time.monotonic)
      .is_text_only(oa_id) -> bool; .remember_text_only(oa_id, reason); .remember_list_ok(oa_id)
      .form_image_url(oa_id) -> str | None

Why (docs/zalo-platform.md §1): no official SDK sends a list or buttons template on the consultation endpoint,
so a refusal is likely on some OAs. Once Zalo refuses a template for an OA, later menus for that OA go as
numbered text first; the choice is persisted so every function and every cold start shares it. Reads are
cached per process for ``ttl_seconds`` (a stale "list" only costs one refused call, which falls back in the
same turn); a refusal is cached at once. A repository failure never breaks a reply: it is logged and the
in-process memory is used.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Protocol

MENU_LIST = "list"
MENU_TEXT = "text"
MENU_MODES = frozenset({MENU_LIST, MENU_TEXT})

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OaCapabilities:
    oa_id: str
    menu_mode: str | None = None  # None: never decided (the deployment's ButtonsMode applies)
    reason: str | None = None  # e.g. "-233" or "doctor"
    checked_at: datetime | None = None
    doctor: Mapping[str, object] | None = field(default=None, compare=False)
    form_image_url: str | None = None  # per-unit picture for request_user_info


class CapabilityRepository(Protocol):
    def get(self, oa_id: str) -> OaCapabilities | None: ...

    def save_menu_mode(self, oa_id: str, mode: str, reason: str, now: datetime) -> None: ...

    def save_doctor(self, oa_id: str, report: Mapping[str, object], now: datetime) -> None: ...


class InMemoryCapabilityRepository:
    def __init__(self) -> None:
        self.items: dict[str, OaCapabilities] = {}

    def get(self, oa_id: str) -> OaCapabilities | None:
        return self.items.get(oa_id)

    def save_menu_mode(self, oa_id: str, mode: str, reason: str, now: datetime) -> None:
        if mode not in MENU_MODES:
            raise ValueError(f"menu mode must be one of {sorted(MENU_MODES)}, got {mode!r}")
        current = self.items.get(oa_id) or OaCapabilities(oa_id)
        self.items[oa_id] = replace(current, menu_mode=mode, reason=reason, checked_at=now)

    def save_doctor(self, oa_id: str, report: Mapping[str, object], now: datetime) -> None:
        current = self.items.get(oa_id) or OaCapabilities(oa_id)
        self.items[oa_id] = replace(current, doctor=dict(report), checked_at=now)


def _utcnow() -> datetime:
    return datetime.now(UTC)


class MenuMemory:
    """Per-OA menu mode with a per-process cache in front of a :class:`CapabilityRepository`."""

    def __init__(
        self,
        repository: CapabilityRepository | None = None,
        *,
        ttl_seconds: float = 300.0,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = _utcnow,
    ) -> None:
        self._repository = repository
        self.repository = repository
        self._ttl = ttl_seconds
        self._clock = clock
        self._now = now
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[float, OaCapabilities | None]] = {}

    def _load(self, oa_id: str) -> OaCapabilities | None:
        with self._lock:
            cached = self._cache.get(oa_id)
            if cached is not None and self._clock() - cached[0] < self._ttl:
                return cached[1]
        value: OaCapabilities | None = None
        if self._repository is not None:
            try:
                value = self._repository.get(oa_id)
            except Exception:  # a lookup failure must not block a reply
                _log.warning("zalo capabilities unreadable; using the process memory", extra={"oa_id": oa_id})
                with self._lock:
                    return cached[1] if cached is not None else None
        with self._lock:
            self._cache[oa_id] = (self._clock(), value)
        return value

    def is_text_only(self, oa_id: str) -> bool:
        value = self._load(oa_id)
        return value is not None and value.menu_mode == MENU_TEXT

    def form_image_url(self, oa_id: str) -> str | None:
        value = self._load(oa_id)
        return value.form_image_url if value is not None else None

    def _remember(self, oa_id: str, mode: str, reason: str) -> None:
        now = self._now()
        with self._lock:
            cached = self._cache.get(oa_id)
            base = (cached[1] if cached else None) or OaCapabilities(oa_id)
            self._cache[oa_id] = (self._clock(), replace(base, menu_mode=mode, reason=reason, checked_at=now))
        if self._repository is not None:
            try:
                self._repository.save_menu_mode(oa_id, mode, reason, now)
            except Exception:  # the reply still goes out; the next refusal retries the save
                _log.warning("zalo capabilities not saved", extra={"oa_id": oa_id, "menu_mode": mode})

    def remember_text_only(self, oa_id: str, reason: str) -> None:
        self._remember(oa_id, MENU_TEXT, reason)

    def remember_list_ok(self, oa_id: str, reason: str = "doctor") -> None:
        self._remember(oa_id, MENU_LIST, reason)
