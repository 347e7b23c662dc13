"""Baselines the FAQ matcher is compared with in faq_bench.py, over the same knowledge-base sources.

* :class:`KeywordContains`: what the Zalo OA manager's auto-reply offers — answer the entry one of whose
  keywords the message contains (case-insensitive, as typed: no diacritic folding, no abbreviations); the
  longest matching keyword wins; no keyword, no answer.
* :class:`PlainBm25`: rank-bm25's BM25Okapi over diacritic-folded title + questions + keywords of each entry,
  top-1, with a score threshold tuned on the same validation questions as our calibration.
"""

from __future__ import annotations

from collections.abc import Sequence

from anninh.faq.knowledge_base import SourceEntry
from anninh.faq.normalize import clean, fold, words
from rank_bm25 import BM25Okapi


class KeywordContains:
    def __init__(self, entries: Sequence[SourceEntry]) -> None:
        self.rules = sorted(
            ((clean(k), e.id) for e in entries for k in e.keywords), key=lambda rule: -len(rule[0])
        )

    def predict(self, question: str) -> str | None:
        text = clean(question)
        for keyword, entry_id in self.rules:
            if keyword in text:
                return entry_id
        return None


def _folded_words(text: str) -> list[str]:
    return [fold(w) for w in words(text)]


class PlainBm25:
    def __init__(self, entries: Sequence[SourceEntry]) -> None:
        self.ids = [e.id for e in entries]
        corpus = [_folded_words(" ".join([e.title, *e.questions, *e.keywords])) for e in entries]
        self.bm25 = BM25Okapi(corpus)
        self.threshold = 0.0

    def best(self, question: str) -> tuple[str, float]:
        scores = self.bm25.get_scores(_folded_words(question))
        i = max(range(len(scores)), key=lambda k: scores[k])
        return self.ids[i], float(scores[i])

    def predict(self, question: str) -> str | None:
        entry_id, value = self.best(question)
        return entry_id if value > self.threshold else None

    def tune(self, labelled: Sequence[tuple[str | None, str]]) -> None:
        """Choose the abstain threshold maximising the mean of accuracy and refusal on ``labelled``."""
        scored = [(want, *self.best(q)) for want, q in labelled]
        n_in = sum(1 for want, _, _ in scored if want is not None) or 1
        n_out = sum(1 for want, _, _ in scored if want is None) or 1
        best_value = -1.0
        for t in sorted({0.0, *(v for _, _, v in scored)}):
            acc = sum(1 for want, got, v in scored if want is not None and got == want and v > t) / n_in
            ref = sum(1 for want, _, v in scored if want is None and v <= t) / n_out
            if (acc + ref) / 2 > best_value:
                best_value, self.threshold = (acc + ref) / 2, t
