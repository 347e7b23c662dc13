"""Per-invocation environment variables for functions that share one process.

In Lambda every function has its own process and environment. Locally they share one process, and two
functions may legitimately give the same variable different values (``POWERTOOLS_SERVICE_NAME``, a queue
URL …). ``install()`` replaces ``os.environ`` with a mapping that consults a context-local overlay first, so
an invocation running in one thread sees exactly its function's variables while another thread runs
another function. ``os.getenv`` reads ``os.environ`` at call time and so follows the overlay.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
from collections.abc import Iterator, Mapping, MutableMapping
from typing import Any

_overlay: contextvars.ContextVar[Mapping[str, str] | None] = contextvars.ContextVar(
    "localrun_env", default=None
)


class OverlayEnviron(MutableMapping[str, str]):
    """``os.environ`` look-alike: the current overlay wins over the process environment."""

    def __init__(self, base: MutableMapping[str, str]) -> None:
        self.base = base

    def __getitem__(self, key: str) -> str:
        overlay = _overlay.get()
        if overlay is not None and key in overlay:
            return overlay[key]
        return self.base[key]

    def __setitem__(self, key: str, value: str) -> None:
        self.base[key] = value

    def __delitem__(self, key: str) -> None:
        del self.base[key]

    def __iter__(self) -> Iterator[str]:
        overlay = _overlay.get() or {}
        yield from overlay
        yield from (key for key in self.base if key not in overlay)

    def __len__(self) -> int:
        overlay = _overlay.get() or {}
        return len(set(self.base) | set(overlay))

    def copy(self) -> dict[str, str]:
        return dict(self)

    def __getattr__(self, name: str) -> Any:  # e.g. os.environ.encodekey used by subprocess on POSIX
        return getattr(self.base, name)


def install() -> None:
    """Replace ``os.environ`` once per process; later calls are no-ops."""
    if not isinstance(os.environ, OverlayEnviron):
        os.environ = OverlayEnviron(os.environ)  # type: ignore[assignment]  # noqa: B003 - replaced on purpose


def uninstall() -> None:
    """Put the process environment back as ``os.environ`` (tests that installed the overlay)."""
    if isinstance(os.environ, OverlayEnviron):
        os.environ = os.environ.base  # type: ignore[assignment]  # noqa: B003 - restored on purpose


@contextlib.contextmanager
def overlay(variables: Mapping[str, str]) -> Iterator[None]:
    """Within the block (and this thread/context only), ``os.environ`` shows ``variables`` on top."""
    token = _overlay.set(dict(variables))
    try:
        yield
    finally:
        _overlay.reset(token)
