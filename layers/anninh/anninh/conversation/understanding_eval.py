"""How well :func:`anninh.conversation.understanding.understand` reads labelled citizen messages.

The corpus (``tests/corpus/{train,validation,test}.jsonl``, one JSON object a line) labels each message:
``{"text", "label": report|emergency|followup|procedure|greeting|off_topic, "category", "number",
"intent", "near_domain", "voice"}``. Figures: per-class precision and recall, the confusion matrix, emergency
recall and the share given the right number first, off-topic refusal (near-domain and far), in-scope
procedure accuracy (right FAQ entry), and the time per message. ``anninh faq eval --split`` prints them;
the FAQ bench reports them on the test split, which is never used for tuning.
"""

from __future__ import annotations

import json
import statistics
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from anninh.conversation.corpus_splits import SPLIT_FILES
from anninh.conversation.understanding import Kind, Understanding

LABELS = ("report", "emergency", "followup", "procedure", "greeting", "off_topic")
CORPUS_DIR = Path(__file__).resolve().parents[4] / "tests" / "corpus"
REFUSED = frozenset({Kind.OFF_TOPIC, Kind.GREETING})  # no FAQ answer and no form: the bot declined


class CorpusError(ValueError):
    pass


@dataclass(frozen=True)
class Labelled:
    text: str
    label: str
    category: str | None = None
    number: str | None = None
    intent: str | None = None
    near_domain: bool | None = None


def load_corpus(path: Path) -> list[Labelled]:
    rows: list[Labelled] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            label = str(raw["label"])
            if label not in LABELS or not isinstance(raw["text"], str):
                raise CorpusError(f"{path.name}:{n}: label must be one of {', '.join(LABELS)}")
            number = raw.get("number")
            rows.append(
                Labelled(
                    raw["text"],
                    label,
                    raw.get("category"),
                    str(number) if number is not None else None,
                    raw.get("intent"),
                    raw.get("near_domain"),
                )
            )
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise CorpusError(f"{path.name}:{n}: {exc}") from exc
    return rows


def split_path(split: str, corpus_dir: Path | None = None) -> Path:
    return (corpus_dir or CORPUS_DIR) / f"{SPLIT_FILES.get(split, split)}.jsonl"


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


@dataclass
class UnderstandingReport:
    rows: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)  # (gold, predicted)
    emergencies: int = 0
    emergencies_found: int = 0
    right_number_first: int = 0
    off_topic: Counter[str] = field(default_factory=Counter)  # "near"/"far" -> count
    off_topic_refused: Counter[str] = field(default_factory=Counter)
    procedures: int = 0  # gold procedure with an intent
    procedures_right: int = 0
    latencies_ms: list[float] = field(default_factory=list)
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)  # text, gold, predicted, reason

    def predicted_labels(self) -> list[str]:
        seen = {p for _, p in self.confusion}
        return [*LABELS, *sorted(seen - set(LABELS))]

    def precision(self, label: str) -> float:
        predicted = sum(n for (_, p), n in self.confusion.items() if p == label)
        return _ratio(self.confusion[(label, label)], predicted)

    def recall(self, label: str) -> float:
        gold = sum(n for (g, _), n in self.confusion.items() if g == label)
        return _ratio(self.confusion[(label, label)], gold)

    def support(self, label: str) -> int:
        return sum(n for (g, _), n in self.confusion.items() if g == label)

    @property
    def emergency_recall(self) -> float:
        return _ratio(self.emergencies_found, self.emergencies)

    @property
    def right_number_rate(self) -> float:
        return _ratio(self.right_number_first, self.emergencies)

    def refusal(self, which: str | None = None) -> float:
        if which is None:
            return _ratio(sum(self.off_topic_refused.values()), sum(self.off_topic.values()))
        return _ratio(self.off_topic_refused[which], self.off_topic[which])

    @property
    def procedure_accuracy(self) -> float:
        return _ratio(self.procedures_right, self.procedures)

    @property
    def median_ms(self) -> float:
        return statistics.median(self.latencies_ms) if self.latencies_ms else 0.0

    @property
    def p99_ms(self) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))] if ordered else 0.0

    def to_json(self) -> dict[str, object]:
        labels = self.predicted_labels()
        return {
            "rows": self.rows,
            "classes": {
                label: {
                    "precision": round(self.precision(label), 4),
                    "recall": round(self.recall(label), 4),
                    "support": self.support(label),
                }
                for label in LABELS
            },
            "confusion": {
                "labels": labels,
                "matrix": [[self.confusion[(g, p)] for p in labels] for g in LABELS],
            },
            "report_precision": round(self.precision("report"), 4),
            "report_recall": round(self.recall("report"), 4),
            "emergency_recall": round(self.emergency_recall, 4),
            "right_number_first": round(self.right_number_rate, 4),
            "off_topic_refusal": round(self.refusal(), 4),
            "off_topic_refusal_near": round(self.refusal("near"), 4),
            "off_topic_refusal_far": round(self.refusal("far"), 4),
            "procedure_accuracy": round(self.procedure_accuracy, 4),
            "median_ms": round(self.median_ms, 4),
            "p99_ms": round(self.p99_ms, 4),
        }

    def lines(self) -> list[str]:
        """The human-readable report."""
        out = [f"messages: {self.rows}", "", "class        precision  recall  support"]
        for label in LABELS:
            out.append(
                f"{label:<12} {self.precision(label):9.3f} {self.recall(label):7.3f} {self.support(label):8d}"
            )
        labels = self.predicted_labels()
        short = [label[:9] for label in labels]
        header = " " * 12 + "".join(f"{s:>10}" for s in short)
        out += ["", "confusion (rows: expected, columns: predicted)", header]
        for gold in LABELS:
            out.append(f"{gold:<12}" + "".join(f"{self.confusion[(gold, p)]:>10d}" for p in labels))
        out += [
            "",
            f"report intent      : precision {self.precision('report'):.3f}, "
            f"recall {self.recall('report'):.3f}",
            f"emergencies        : recall {self.emergency_recall:.3f}, right number first "
            f"{self.right_number_rate:.3f} ({self.right_number_first}/{self.emergencies})",
            f"off-topic refused  : {self.refusal():.3f} (near {self.refusal('near'):.3f} of "
            f"{self.off_topic['near']}, far {self.refusal('far'):.3f} of {self.off_topic['far']})",
            f"procedure accuracy : {self.procedure_accuracy:.3f} ({self.procedures_right}/{self.procedures})",
            f"latency            : median {self.median_ms:.3f} ms, p99 {self.p99_ms:.3f} ms",
        ]
        return out


def evaluate(classify: Callable[[str], Understanding], rows: Sequence[Labelled]) -> UnderstandingReport:
    report = UnderstandingReport()
    for row in rows:
        start = time.perf_counter()
        got = classify(row.text)
        report.latencies_ms.append((time.perf_counter() - start) * 1000)
        report.rows += 1
        predicted = got.kind.value
        report.confusion[(row.label, predicted)] += 1
        if predicted != row.label:
            report.errors.append((row.text, row.label, predicted, got.reason))
        if row.label == "emergency":
            report.emergencies += 1
            found = got.kind is Kind.EMERGENCY
            report.emergencies_found += found
            report.right_number_first += found and (row.number is None or got.emergency_number == row.number)
            if found and row.number is not None and got.emergency_number != row.number:
                wrong = f"{got.emergency_number}"
                report.errors.append((row.text, f"emergency {row.number}", wrong, got.reason))
        elif row.label == "off_topic":
            which = "near" if row.near_domain else "far"
            report.off_topic[which] += 1
            report.off_topic_refused[which] += got.kind in REFUSED
        elif row.label == "procedure" and row.intent:
            report.procedures += 1
            answered = got.faq.intent if got.kind is Kind.PROCEDURE and got.faq is not None else None
            report.procedures_right += answered == row.intent
            if got.kind is Kind.PROCEDURE and answered != row.intent:
                report.errors.append((row.text, f"procedure {row.intent}", f"{answered}", got.reason))
    return report
