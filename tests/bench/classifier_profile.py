"""Where the message classifier spends its time, on the TUNING files only (never test).

Times :func:`anninh.conversation.understanding.understand` (with the shipped FAQ engine and model) over every
message of the tuning splits and prints the median, p90 and p99 per message. The machine is shared, so each
round also times a fixed reference workload (plain Python and regular expressions over the same messages,
independent of the classifier's code) and the figure to compare across runs is the ratio of the classifier's
median to the reference's, measured in the same process, rounds interleaved.

    .venv/bin/python tests/bench/classifier_profile.py [--rounds N] [--profile] [--record PATH] [--check PATH]

``--profile``: cProfile's top functions (cumulative and own time) over one pass. ``--record PATH`` writes
every decision (kind, category, number, reason, FAQ entry id) as JSON lines; ``--check PATH`` compares the
decisions of this run with a recorded file and fails on the first difference: how a change to the
classifier's machinery is shown to change no decision.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import re
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

from anninh.conversation.message_model import TUNING_FILES, shipped_model
from anninh.conversation.understanding import Understanding, understand
from anninh.conversation.understanding_eval import CORPUS_DIR, load_corpus
from anninh.faq.engine import FaqEngine

HELD_OUT = frozenset({"test"})  # never profiled on

# The reference: about the work of one classification's text handling, written once and never tuned.
_REFERENCE_PATTERNS = [
    re.compile(p)
    for p in (
        r"\b(tôi|em|mình) (muốn|cần) (báo|tố giác|phản ánh)\b",
        r"\b(cháy|nổ|chìm|đuối nước)\b",
        r"\b(ngất|xỉu|co giật|chảy máu)\b",
        r"\b(dao|súng|mã tấu|cướp|trộm)\b",
        r"\b(ma túy|cờ bạc|lô đề|lừa đảo)\b",
        r"\b(làm sao|thế nào|ở đâu|bao lâu)\b",
        r"\b(xin chào|chào|cảm ơn)\b",
        r"(?<!\w)[a-z]{1,4}-?[a-z0-9]{5,7}(?!\w)",
    )
]


def _reference(message: str) -> int:
    text = " ".join(unicodedata.normalize("NFC", message).casefold().split())
    folded = "".join(unicodedata.normalize("NFD", ch)[0] for ch in text)
    hits = 0
    for _ in range(4):
        for rx in _REFERENCE_PATTERNS:
            hits += rx.search(text) is not None
            hits += rx.search(folded) is not None
    return hits + len(re.findall(r"\w+", folded))


def tuning_messages() -> list[tuple[str, str]]:
    """(file, text) of every tuning message; a held-out file is refused, not skipped."""
    rows: list[tuple[str, str]] = []
    for name in TUNING_FILES:
        if name in HELD_OUT:
            raise ValueError(f"{name} is held out")
        path = CORPUS_DIR / f"{name}.jsonl"
        if path.exists():
            rows += [(name, row.text) for row in load_corpus(path)]
    return rows


def decision(got: Understanding) -> dict[str, object]:
    return {
        "kind": got.kind.value,
        "category": got.category,
        "number": got.emergency_number,
        "reason": got.reason,
        "faq": got.faq.intent if got.faq is not None else None,
        "near": got.near_domain,
    }


def _times_ms(run: Callable[[str], object], messages: list[str]) -> list[float]:
    out = []
    for message in messages:
        start = time.perf_counter()
        run(message)
        out.append((time.perf_counter() - start) * 1000)
    return out


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--record", type=Path)
    parser.add_argument("--check", type=Path)
    args = parser.parse_args(argv)

    engine = FaqEngine.load()
    model = shipped_model()
    rows = tuning_messages()
    messages = [text for _, text in rows]

    def classify(message: str) -> Understanding:
        return understand(message, engine, model)

    decisions = [
        json.dumps({"file": name, "text": text, **decision(classify(text))}, ensure_ascii=False)
        for name, text in rows
    ]  # also the warm-up: every lazy table and cache is built here
    if args.record:
        args.record.write_text("\n".join(decisions) + "\n", encoding="utf-8")
        print(f"recorded {len(decisions)} decisions to {args.record}")
    if args.check:
        recorded = args.check.read_text(encoding="utf-8").splitlines()
        if len(recorded) != len(decisions):
            print(f"DIFFERENT: {len(recorded)} recorded, {len(decisions)} now")
            return 1
        changed = [(old, new) for old, new in zip(recorded, decisions, strict=True) if old != new]
        for old, new in changed[:10]:
            print(f"DIFFERENT\n  was {old}\n  now {new}")
        print(f"{len(decisions) - len(changed)}/{len(decisions)} decisions identical to {args.check}")
        if changed:
            return 1

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for message in messages:
            classify(message)
        profiler.disable()
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(25)
        stats.sort_stats("tottime").print_stats(20)

    classifier: list[float] = []
    reference: list[float] = []
    ratios: list[float] = []
    for _ in range(args.rounds):
        ref = _times_ms(_reference, messages)
        ours = _times_ms(classify, messages)
        reference += ref
        classifier += ours
        ratios.append(statistics.median(ours) / statistics.median(ref))
    median = statistics.median(classifier)
    print(
        f"{len(messages)} tuning messages x {args.rounds} rounds: classifier median {median:.3f} ms, "
        f"p90 {_quantile(classifier, 0.9):.3f} ms, p99 {_quantile(classifier, 0.99):.3f} ms"
    )
    # Each message's fastest round: the classifier's own tail, without the shared machine's pauses.
    best = [min(classifier[r * len(messages) + i] for r in range(args.rounds)) for i in range(len(messages))]
    best_median, best_p99 = statistics.median(best), _quantile(best, 0.99)
    print(f"each message's best round: median {best_median:.3f} ms, p99 {best_p99:.3f} ms")
    print(
        f"reference median {statistics.median(reference):.4f} ms; ratio classifier/reference "
        f"{statistics.median(ratios):.2f} (rounds: {', '.join(f'{r:.2f}' for r in ratios)})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
