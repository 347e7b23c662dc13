"""FAQ engine benchmark (``make bench``): our matcher against two baselines over the same knowledge base.

Prints one table (accuracy on in-scope questions, share of out-of-scope questions refused, median and p99
latency per question, load time) over the shared development questions, then the same over our held-out
validation questions, and the median latency with a synthetic base of 5,000 entries.
Targets: beat both baselines; median ≤ 1 ms; load ≤ 100 ms; 5,000-entry median ≤ 10 ms.

Then the message classifier (anninh.conversation.understanding) on the held-out TEST split of the labelled
corpus (tests/corpus/test.jsonl, never used for tuning): per-class precision and recall, the confusion
matrix, emergencies, off-topic refusal and procedure accuracy (the same figures as
``anninh faq eval --split test``). Targets: report recall ≥ 0.97 with precision ≥ 0.95; emergency recall
1.00 with the right number first; off-topic refusal ≥ 0.95 with procedure accuracy ≥ 0.97; median ≤ 1 ms.
"""

from __future__ import annotations

import gc
import json
import random
import statistics
import sys
import time
from pathlib import Path

from anninh.conversation.understanding import understand
from anninh.conversation.understanding_eval import UnderstandingReport, load_corpus, split_path
from anninh.faq.compiler import calibrate, compile_base, dump
from anninh.faq.engine import FaqEngine
from anninh.faq.evaluation import EvalReport, evaluate
from anninh.faq.knowledge_base import (
    COMPILED_PATH,
    SEED_DIR,
    load_labelled_jsonl,
    load_sources,
)
from anninh.faq.matcher import ClassDoc, build_index
from faq_baselines import KeywordContains, PlainBm25

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "tests" / "unit" / "faq" / "data" / "dev_questions.jsonl"
SYNTHETIC_ENTRIES = 5000


def _timed(build):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    value = build()
    return value, (time.perf_counter() - start) * 1000


def _row(name: str, report: EvalReport, load_ms: float) -> str:
    return (
        f"| {name:<28} | {report.accuracy:8.3f} | {report.refusal:7.3f} | {report.median_ms:9.4f} "
        f"| {report.p99_ms:9.4f} | {load_ms:9.2f} |"
    )


def _table(title: str, rows: list[tuple[str, EvalReport, float]]) -> None:
    print(f"\n{title}")
    print("| method                       | accuracy | refusal | median ms |    p99 ms |   load ms |")
    print("|------------------------------|----------|---------|-----------|-----------|-----------|")
    for name, report, load_ms in rows:
        print(_row(name, report, load_ms))


def _synthetic_median_ms(questions: list[str]) -> tuple[float, float]:
    """Median match latency and load time with 5,000 synthetic entries added to the real ones."""
    sources = load_sources(SEED_DIR)
    rng = random.Random(4)
    lexicon = sorted({w for e in sources.entries for q in e.questions for w in q.split()})
    docs = [ClassDoc(e.id, e.title, e.keywords, e.questions) for e in sources.entries]
    for n in range(SYNTHETIC_ENTRIES):
        base = sources.entries[n % len(sources.entries)]
        noise = lambda k: " ".join(rng.choice(lexicon) for _ in range(k))  # noqa: E731
        docs.append(
            ClassDoc(
                f"synthetic-{n}",
                f"{base.title} {noise(2)}",
                [f"{k} {noise(1)}" for k in base.keywords[:4]],
                [f"{noise(3)} {q.split(' ', 2)[-1]} {noise(2)}" for q in base.questions[:8]],
            )
        )
    docs += [ClassDoc(o.id, "", o.keywords, o.questions) for o in sources.out_of_scope]
    index = build_index(docs, len(docs) - len(sources.out_of_scope), [e.answer for e in sources.entries])
    data = compile_base(SEED_DIR)
    data["entries"] += [
        {**data["entries"][n % len(sources.entries)], "id": f"synthetic-{n}", "related": []}
        for n in range(SYNTHETIC_ENTRIES)
    ]
    data["index"] = index.to_json()
    data["calibration"] = calibrate(index, sources.validation).to_json()
    text = dump(data)
    del data, docs, index, sources
    gc.collect()
    engine, load_ms = _timed(lambda: FaqEngine.from_data(json.loads(text)))
    latencies = []
    for q in questions:
        start = time.perf_counter()
        engine.match(q)
        latencies.append((time.perf_counter() - start) * 1000)
    return statistics.median(latencies), load_ms


def _classifier(engine: FaqEngine) -> UnderstandingReport:
    from anninh.conversation.understanding_eval import evaluate as evaluate_understanding

    rows = load_corpus(split_path("test"))
    report = evaluate_understanding(lambda text: understand(text, engine), rows)
    print("\nmessage classifier on tests/corpus/test.jsonl (held out, never used for tuning):")
    print("\n".join(f"  {line}" for line in report.lines()))
    return report


def main() -> int:
    sources, yaml_ms = _timed(lambda: load_sources(SEED_DIR))
    dev = load_labelled_jsonl(DEV)
    validation = sources.validation
    compiled = COMPILED_PATH.read_text(encoding="utf-8")
    ours, ours_ms = _timed(lambda: FaqEngine.from_data(json.loads(compiled)))
    keyword, keyword_ms = _timed(lambda: KeywordContains(sources.entries))
    bm25, bm25_ms = _timed(lambda: PlainBm25(sources.entries))
    bm25.tune(validation)
    keyword_ms += yaml_ms  # the baselines read the YAML sources; ours reads the compiled JSON
    bm25_ms += yaml_ms

    def predict_ours(q: str) -> str | None:
        return ours.match(q).intent

    for _ in range(3):  # warm-up (first-call costs are part of "load", not of per-question latency)
        predict_ours("khởi động")
    results = {}
    for label, rows in (
        ("dev_questions.jsonl", dev),
        ("validation.tsv (held-out, calibration set)", validation),
    ):
        n_in = sum(1 for w, _ in rows if w is not None)
        table = [
            ("ours (anninh.faq)", evaluate(predict_ours, rows), ours_ms),
            ("keyword-contains auto-reply", evaluate(keyword.predict, rows), keyword_ms),
            ("plain BM25 (rank-bm25)", evaluate(bm25.predict, rows), bm25_ms),
        ]
        _table(f"{label}: {n_in} in scope, {len(rows) - n_in} out of scope", table)
        results[label] = table
    median_5k, load_5k = _synthetic_median_ms([q for _, q in dev + validation])
    print(
        f"\nsynthetic base of {SYNTHETIC_ENTRIES:,} extra entries: "
        f"median {median_5k:.4f} ms/question, load {load_5k:.1f} ms"
    )

    understood = _classifier(ours)
    dev_table = results["dev_questions.jsonl"]
    ours_report = dev_table[0][1]
    beats = all(
        ours_report.accuracy >= r.accuracy and ours_report.refusal >= r.refusal for _, r, _ in dev_table[1:]
    )
    checks = {
        "beats both baselines (dev)": beats,
        "dev accuracy >= 0.95": ours_report.accuracy >= 0.95,
        "dev refusal >= 0.90": ours_report.refusal >= 0.90,
        "median <= 1 ms": ours_report.median_ms <= 1.0,
        "load <= 100 ms": ours_ms <= 100.0,
        "5,000-entry median <= 10 ms": median_5k <= 10.0,
        "test: report recall >= 0.97": understood.recall("report") >= 0.97,
        "test: report precision >= 0.95": understood.precision("report") >= 0.95,
        "test: emergency recall = 1.00": understood.emergency_recall >= 1.0,
        "test: right number first = 1.00": understood.right_number_rate >= 1.0,
        "test: off-topic refusal >= 0.95": understood.refusal() >= 0.95,
        "test: procedure accuracy >= 0.97": understood.procedure_accuracy >= 0.97,
        "test: classifier median <= 1 ms": understood.median_ms <= 1.0,
    }
    print()
    for name, ok in checks.items():
        print(f"{'PASS' if ok else 'FAIL'}  {name}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
