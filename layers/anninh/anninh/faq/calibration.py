"""Confidence calibration: logistic regression (Platt scaling) over a few score features, fitted at compile
time on held-out labelled questions, and the abstain threshold chosen on the same data."""

from __future__ import annotations

import heapq
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from anninh.faq.matcher import Scored

FEATURE_NAMES = ("coverage", "margin", "out_of_scope", "unknown_share")
_L2 = 0.05


@dataclass(frozen=True)
class Decision:
    best: int | None  # best knowledge-base entry (class index), None when nothing matched at all
    features: tuple[float, ...]
    out_of_scope_wins: bool


def decide(scored: Scored, n_entries: int) -> Decision:
    real = heapq.nsmallest(2, ((-s, ci) for ci, s in scored.scores.items() if ci < n_entries))
    real = [(-neg, ci) for neg, ci in real]
    oos = max((s for ci, s in scored.scores.items() if ci >= n_entries), default=0.0)
    best = real[0][1] if real else None
    s1 = real[0][0] if real else 0.0
    s2 = real[1][0] if len(real) > 1 else 0.0
    features = (s1, s1 - s2, oos, scored.unknown_share)
    return Decision(best, features, oos > 0 and oos >= s1)


@dataclass(frozen=True)
class Calibration:
    weights: tuple[float, ...]
    bias: float
    threshold: float

    def probability(self, features: Sequence[float]) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, features, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def to_json(self) -> dict[str, object]:
        return {
            "features": list(FEATURE_NAMES),
            "weights": [round(w, 6) for w in self.weights],
            "bias": round(self.bias, 6),
            "threshold": round(self.threshold, 6),
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Calibration:
        return cls(tuple(data["weights"]), float(data["bias"]), float(data["threshold"]))  # type: ignore[arg-type]


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    n = len(b)
    m = [[*row[:], b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        if abs(m[col][col]) < 1e-12:
            continue
        for r in range(n):
            if r != col:
                f = m[r][col] / m[col][col]
                for c in range(col, n + 1):
                    m[r][c] -= f * m[col][c]
    return [m[i][n] / m[i][i] if abs(m[i][i]) > 1e-12 else 0.0 for i in range(n)]


def fit_logistic(
    xs: Sequence[Sequence[float]], ys: Sequence[int], iterations: int = 30
) -> tuple[list[float], float]:
    """Newton–Raphson logistic regression with a small L2 penalty (deterministic)."""
    dim = len(xs[0]) + 1
    theta = [0.0] * dim
    rows = [[*x, 1.0] for x in xs]
    for _ in range(iterations):
        grad = [0.0] * dim
        hess = [[0.0] * dim for _ in range(dim)]
        for row, y in zip(rows, ys, strict=True):
            z = sum(t * v for t, v in zip(theta, row, strict=True))
            p = 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))
            for i in range(dim):
                grad[i] += (p - y) * row[i]
                for j in range(dim):
                    hess[i][j] += p * (1 - p) * row[i] * row[j]
        for i in range(dim - 1):
            grad[i] += _L2 * theta[i]
            hess[i][i] += _L2
        step = _solve(hess, grad)
        theta = [t - s for t, s in zip(theta, step, strict=True)]
        if max(abs(s) for s in step) < 1e-9:
            break
    return theta[:-1], theta[-1]


def choose_threshold(samples: Sequence[tuple[float, bool, bool]]) -> float:
    """Pick the threshold maximising the mean of in-scope accuracy and out-of-scope refusal.

    ``samples``: (probability, question is in scope, top entry is the right one). The middle of the
    best plateau is returned so that the choice does not sit on one question.
    """
    n_in = sum(1 for _, inscope, _ in samples if inscope) or 1
    n_out = sum(1 for _, inscope, _ in samples if not inscope) or 1
    cuts = sorted({0.0, 1.0, *(p for p, _, _ in samples)})
    best_value, best_range = -1.0, (0.5, 0.5)
    for lo, hi in itertools.pairwise(cuts):
        t = (lo + hi) / 2
        acc = sum(1 for p, inscope, ok in samples if inscope and ok and p >= t) / n_in
        ref = sum(1 for p, inscope, _ in samples if not inscope and p < t) / n_out
        value = round((acc + ref) / 2, 9)
        if value > best_value:
            best_value, best_range = value, (t, t)
        elif value == best_value:
            best_range = (best_range[0], t)
    return (best_range[0] + best_range[1]) / 2
