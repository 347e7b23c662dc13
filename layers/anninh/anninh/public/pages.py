"""Serving ``/public/{unit_id}`` (HTML) and ``/public/{unit_id}.json``: validated id, cached views.

A view is rebuilt at most every :data:`CACHE_SECONDS` per unit in a warm function, and answers carry the
same ``Cache-Control`` so browsers and any CDN in front share the work. Unknown or malformed ids get 404.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from anninh import texts
from anninh.public.render import render_html, render_json
from anninh.public.view import PublicView, public_view
from anninh.stats.recording import StatsStore
from anninh.tips.ports import TipRepository
from anninh.units.ports import UnitRepository
from anninh.units.tree import UnitTree

CACHE_SECONDS = 300
UNIT_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")


@dataclass(frozen=True)
class PublicAnswer:
    status: int
    content_type: str
    body: str
    cache_seconds: int


class PublicPages:
    def __init__(
        self,
        units: UnitRepository,
        stats: StatsStore,
        tips: TipRepository,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        monotonic: Callable[[], float] = time.monotonic,
        cache_seconds: int = CACHE_SECONDS,
    ) -> None:
        self._units = units
        self._stats = stats
        self._tips = tips
        self._clock = clock
        self._monotonic = monotonic
        self._cache_seconds = cache_seconds
        self._cache: dict[str, tuple[float, PublicView | None]] = {}

    def _view(self, unit_id: str) -> PublicView | None:
        now = self._monotonic()
        cached = self._cache.get(unit_id)
        if cached is not None and now - cached[0] < self._cache_seconds:
            return cached[1]
        tree = UnitTree(self._units.all())
        unit = tree.get(unit_id)
        view = public_view(unit, tree, self._stats, self._tips, self._clock()) if unit else None
        self._cache[unit_id] = (now, view)
        if len(self._cache) > 1000:  # ids are validated, but never let the cache grow without bound
            self._cache.pop(next(iter(self._cache)))
        return view

    def respond(self, reference: str) -> PublicAnswer:
        as_json = reference.endswith(".json")
        unit_id = reference.removesuffix(".json")
        view = self._view(unit_id) if UNIT_ID.match(unit_id) else None
        if view is None:
            if as_json:
                body = json.dumps(
                    {"code": "unit_not_found", "message": texts.PUBLIC_NOT_FOUND}, ensure_ascii=False
                )
                return PublicAnswer(404, "application/json; charset=utf-8", body, 60)
            return PublicAnswer(404, "text/html; charset=utf-8", texts.PUBLIC_NOT_FOUND_HTML, 60)
        if as_json:
            body = json.dumps(render_json(view), ensure_ascii=False)
            return PublicAnswer(200, "application/json; charset=utf-8", body, self._cache_seconds)
        return PublicAnswer(200, "text/html; charset=utf-8", render_html(view), self._cache_seconds)
