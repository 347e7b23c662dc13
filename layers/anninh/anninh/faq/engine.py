"""The FAQ engine the conversation and the CLI call: load the compiled base once, match questions offline.

engine = FaqEngine.load()
result = engine.match("cccd bi mat lam lai o dau")
if not result.abstained:
    text = engine.render_answer(result.entry, unit_id)      # first message (≤ 700 characters + unit lines)
    more = engine.render_details(result.entry)              # second message, on "Xem chi tiết"
"""

from __future__ import annotations

import gc
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from anninh import texts
from anninh.faq.calibration import Calibration, decide
from anninh.faq.knowledge_base import (
    COMPILED_FORMAT,
    COMPILED_PATH,
    FaqEntry,
    KnowledgeBaseError,
    LegalSource,
    Link,
    UnitOverride,
)
from anninh.faq.matcher import Index, score
from anninh.faq.rendering import render, render_details


@dataclass(frozen=True)
class FaqMatch:
    intent: str | None  # None when the engine abstains
    score: float  # calibrated probability that ``candidate`` is the right entry (0..1)
    entry: FaqEntry | None
    abstained: bool
    candidate: str | None = None  # best entry even when abstaining (for officers and metrics)


class FaqEngine:
    def __init__(self, data: dict[str, Any]) -> None:
        if data.get("format") != COMPILED_FORMAT:
            raise KnowledgeBaseError(texts.FAQ_COMPILED_BAD_FORMAT)
        self._entries: dict[str, FaqEntry] = {}
        for raw in data["entries"]:
            links = [Link(str(x["title"]), str(x["url"])) for x in raw["links"]]
            self._entries[raw["id"]] = FaqEntry(
                raw["id"],
                raw["title"],
                raw["answer"],
                list(raw["related"]),
                links,
                raw["verified_on"],
                raw["group"],
                raw["details"],
                tuple(LegalSource(s["doc"], s["article"], s.get("url")) for s in raw["sources"]),
            )
        self._groups: list[tuple[str, list[str]]] = [(g["title"], list(g["entries"])) for g in data["groups"]]
        self._overrides: dict[str, tuple[UnitOverride, dict[str, UnitOverride]]] = {
            unit: (UnitOverride(**o["default"]), {k: UnitOverride(**v) for k, v in o["entries"].items()})
            for unit, o in data["overrides"].items()
        }
        self._index = Index.from_json(data["index"])
        self._calibration = Calibration.from_json(data["calibration"])
        # The base is immutable for the life of the process: keep its (many) objects out of the cyclic
        # garbage collector's scans, which would otherwise add milliseconds to random requests.
        gc.freeze()

    @classmethod
    def load(cls, path: Path | None = None) -> FaqEngine:
        """The engine over the compiled base (cached per path: call it at module level or per request)."""
        return _load_cached(str(path or COMPILED_PATH))

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> FaqEngine:
        return cls(data)

    @property
    def threshold(self) -> float:
        return self._calibration.threshold

    def match(self, question: str) -> FaqMatch:
        scored = score(question, self._index)
        decision = decide(scored, self._index.n_entries)
        if decision.best is None:
            return FaqMatch(None, 0.0, None, True)
        candidate = self._index.classes[decision.best]
        probability = 0.0 if decision.out_of_scope_wins else self._calibration.probability(decision.features)
        # Reached only through typo corrections or other diacritics: not an answer (anninh.faq.matcher).
        inexact = decision.best not in scored.exact
        if decision.out_of_scope_wins or probability < self._calibration.threshold or inexact:
            return FaqMatch(None, round(probability, 4), None, True, candidate)
        return FaqMatch(candidate, round(probability, 4), self._entries[candidate], False, candidate)

    def entry(self, entry_id: str) -> FaqEntry:
        try:
            return self._entries[entry_id]
        except KeyError:
            raise KeyError(f"unknown FAQ entry id: {entry_id}") from None

    def entries(self) -> list[FaqEntry]:
        return list(self._entries.values())

    def has_unit(self, unit_id: str) -> bool:
        return unit_id in self._overrides

    def unit_override(self, entry: FaqEntry, unit_id: str | None) -> UnitOverride | None:
        if unit_id is None or unit_id not in self._overrides:
            return None
        default, per_entry = self._overrides[unit_id]
        return per_entry.get(entry.id, default).merged_over(default)

    def render_answer(self, entry: FaqEntry, unit_id: str | None = None) -> str:
        """Answer plus the unit's place, hours and hotline when the unit has them (≤ 2,000 characters)."""
        return render(entry.answer, self.unit_override(entry, unit_id))

    def render_details(self, entry: FaqEntry) -> str:
        """The second message ("Xem chi tiết"): details, legal sources, links, date of verification."""
        return render_details(entry.details, entry.sources, entry.links, entry.verified_on)

    def list_groups(self) -> list[tuple[str, list[FaqEntry]]]:
        return [(title, [self._entries[i] for i in ids]) for title, ids in self._groups]


@lru_cache(maxsize=4)
def _load_cached(path: str) -> FaqEngine:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise KnowledgeBaseError(texts.FAQ_COMPILED_UNREADABLE.format(path=path, error=exc)) from exc
    return FaqEngine(data)
