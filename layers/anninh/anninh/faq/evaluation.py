"""Accuracy, refusal, confusions and latency over labelled questions (``anninh faq eval``, bench)."""

from __future__ import annotations

import statistics
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

Predictor = Callable[[str], str | None]


@dataclass
class EvalReport:
    in_scope: int
    in_scope_correct: int
    out_of_scope: int
    refused: int
    confusions: Counter[tuple[str | None, str | None]] = field(default_factory=Counter)
    latencies_ms: list[float] = field(default_factory=list)
    errors: list[tuple[str, str | None, str | None]] = field(default_factory=list)  # (question, want, got)

    @property
    def accuracy(self) -> float:
        return self.in_scope_correct / self.in_scope if self.in_scope else 0.0

    @property
    def refusal(self) -> float:
        return self.refused / self.out_of_scope if self.out_of_scope else 0.0

    @property
    def median_ms(self) -> float:
        return statistics.median(self.latencies_ms) if self.latencies_ms else 0.0

    @property
    def p99_ms(self) -> float:
        if not self.latencies_ms:
            return 0.0
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]

    def to_json(self) -> dict[str, object]:
        return {
            "in_scope": self.in_scope,
            "accuracy": round(self.accuracy, 4),
            "out_of_scope": self.out_of_scope,
            "refusal": round(self.refusal, 4),
            "median_ms": round(self.median_ms, 4),
            "p99_ms": round(self.p99_ms, 4),
            "confusions": [
                {"expected": want, "got": got, "count": n} for (want, got), n in self.confusions.most_common()
            ],
        }


def evaluate(predict: Predictor, rows: Sequence[tuple[str | None, str]]) -> EvalReport:
    report = EvalReport(0, 0, 0, 0)
    for want, question in rows:
        start = time.perf_counter()
        got = predict(question)
        report.latencies_ms.append((time.perf_counter() - start) * 1000)
        if want is None:
            report.out_of_scope += 1
            report.refused += got is None
        else:
            report.in_scope += 1
            report.in_scope_correct += got == want
        if got != want:
            report.confusions[(want, got)] += 1
            report.errors.append((question, want, got))
    return report
