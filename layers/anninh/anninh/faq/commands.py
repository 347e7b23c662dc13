"""``anninh faq`` sub-commands: ask, eval, check, compile.

``ask --json`` and ``ask --batch`` print one JSON object per question:
``{"intent": id or null, "score": float, "answer": str, "kind": str}``. ``kind`` is what the message is
(:mod:`anninh.conversation.understanding`: report, emergency, followup, procedure, greeting, off_topic).
``intent`` is the FAQ engine's match (null when it abstains) for every kind but off_topic and greeting (null);
``answer`` is the first message a citizen gets: the entry's answer, the refusal text
(:data:`anninh.texts.FAQ_REFUSAL`, before the question is handed to an officer), the emergency number, or
the start of the report form. ``eval --split`` measures the classifier on the labelled corpus
(tests/corpus). Nothing here imports boto3.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from anninh import texts


def register(subparsers: Any) -> None:
    faq = subparsers.add_parser("faq", help=texts.CLI_HELP_FAQ)
    sub = faq.add_subparsers(dest="faq_command", required=True, metavar="FAQ_COMMAND")

    ask = sub.add_parser("ask", help=texts.CLI_HELP_FAQ_ASK)
    ask.add_argument("question", nargs="?", help=texts.CLI_HELP_FAQ_QUESTION)
    ask.add_argument("--unit", help=texts.CLI_HELP_FAQ_UNIT)
    ask.add_argument("--json", action="store_true", help=texts.CLI_HELP_FAQ_JSON)
    ask.add_argument("--batch", action="store_true", help=texts.CLI_HELP_FAQ_BATCH)
    ask.set_defaults(func=_ask)

    ev = sub.add_parser("eval", help=texts.CLI_HELP_FAQ_EVAL)
    ev.add_argument("file", type=Path, nargs="?", help=texts.CLI_HELP_FAQ_EVAL_FILE)
    splits = ("train", "validation", "extra", "test")  # extra: tests/corpus/train_extra.jsonl
    ev.add_argument("--split", choices=splits, help=texts.CLI_HELP_FAQ_EVAL_SPLIT)
    ev.add_argument("--json", action="store_true", help=texts.CLI_HELP_FAQ_EVAL_JSON)
    ev.set_defaults(func=_eval)

    check = sub.add_parser("check", help=texts.CLI_HELP_FAQ_CHECK)
    check.add_argument("--seed-dir", type=Path, default=None, help=texts.CLI_HELP_FAQ_SEED_DIR)
    check.add_argument("--catalogue", type=Path, default=None, help=texts.CLI_HELP_FAQ_CATALOGUE)
    check.set_defaults(func=_check)

    comp = sub.add_parser("compile", help=texts.CLI_HELP_FAQ_COMPILE)
    comp.add_argument("--seed-dir", type=Path, default=None)
    comp.add_argument("--output", type=Path, default=None)
    comp.set_defaults(func=_compile)


def _answer(engine: object, question: str, unit: str | None) -> dict[str, object]:
    from anninh.conversation.understanding import Kind, understand
    from anninh.faq.engine import FaqEngine

    assert isinstance(engine, FaqEngine)
    understood = understand(question, engine)
    result = understood.faq
    kind = understood.kind.value
    score = result.score if result is not None else 0.0
    if understood.kind is Kind.PROCEDURE and result is not None and result.entry is not None:
        answer = engine.render_answer(result.entry, unit)
        return {"intent": result.intent, "score": score, "answer": answer, "kind": kind}
    # The FAQ engine's match stays the intent for every kind the bot does not decline: a report or an
    # emergency still names the procedure it reads like ("gọi điện giả danh công an" is lua-dao-qua-mang).
    intent: str | None = None
    if understood.kind not in (Kind.OFF_TOPIC, Kind.GREETING):
        if result is None:
            result = engine.match(question)
            score = result.score
        intent = result.intent if result.entry is not None else None
    if understood.kind is Kind.EMERGENCY:
        answer = texts.EMERGENCY_CALL_FIRST[understood.emergency_number or "113"]
    elif understood.kind is Kind.REPORT:
        answer = texts.TIP_START.format(unit_name=unit or texts.CLI_FAQ_ANY_UNIT)
    elif understood.kind is Kind.FOLLOWUP:
        answer = texts.FOLLOWUP_HELP
    elif understood.kind is Kind.GREETING:
        answer = texts.GREETING_REPLY.format(unit_name=unit or texts.CLI_FAQ_ANY_UNIT)
    else:
        answer = texts.FAQ_REFUSAL
    return {"intent": intent, "score": score, "answer": answer, "kind": kind}


def _ask(args: argparse.Namespace) -> int:
    from anninh.faq.engine import FaqEngine

    engine = FaqEngine.load()
    if args.unit and not engine.has_unit(args.unit):
        print(texts.FAQ_UNKNOWN_UNIT.format(unit_id=args.unit), file=sys.stderr)
    if args.batch:
        if args.question:
            print(texts.FAQ_BATCH_WITH_QUESTION, file=sys.stderr)
            return 2
        for line in sys.stdin:
            question = line.rstrip("\n")
            print(json.dumps(_answer(engine, question, args.unit), ensure_ascii=False), flush=False)
        sys.stdout.flush()
        return 0
    if not args.question or not args.question.strip():
        print(texts.FAQ_EMPTY_QUESTION, file=sys.stderr)
        return 2
    out = _answer(engine, args.question, args.unit)
    if args.json:
        print(json.dumps(out, ensure_ascii=False))
    else:
        print(out["answer"])
    return 0


def _eval_understanding(split: str, as_json: bool) -> int:
    from anninh.conversation.understanding import understand
    from anninh.conversation.understanding_eval import CorpusError, evaluate, load_corpus, split_path
    from anninh.faq.engine import FaqEngine

    try:
        rows = load_corpus(split_path(split))
    except (OSError, CorpusError) as exc:
        print(texts.FAQ_EVAL_FILE_ERROR.format(error=exc), file=sys.stderr)
        return 2
    engine = FaqEngine.load()
    for warm in ("khởi động", "xin chào"):  # first-call costs are load time, not per-message time
        understand(warm, engine)
    report = evaluate(lambda text: understand(text, engine), rows)
    if as_json:
        print(json.dumps(report.to_json(), ensure_ascii=False))
    else:
        print("\n".join(report.lines()))
    return 0


def _eval(args: argparse.Namespace) -> int:
    from anninh.faq.engine import FaqEngine
    from anninh.faq.evaluation import evaluate
    from anninh.faq.knowledge_base import KnowledgeBaseError, load_labelled_jsonl

    if args.split:
        return _eval_understanding(args.split, args.json)
    if args.file is None:
        print(texts.FAQ_EVAL_NEEDS_INPUT, file=sys.stderr)
        return 2
    try:
        rows = load_labelled_jsonl(args.file)
    except (OSError, KnowledgeBaseError) as exc:
        print(texts.FAQ_EVAL_FILE_ERROR.format(error=exc), file=sys.stderr)
        return 2
    engine = FaqEngine.load()
    report = evaluate(lambda q: engine.match(q).intent, rows)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False))
        return 0
    print(f"in-scope accuracy   : {report.accuracy:.3f} ({report.in_scope_correct}/{report.in_scope})")
    print(f"out-of-scope refused: {report.refusal:.3f} ({report.refused}/{report.out_of_scope})")
    print(f"latency             : median {report.median_ms:.3f} ms, p99 {report.p99_ms:.3f} ms")
    print("confusions (expected -> got: count):")
    if not report.confusions:
        print("  none")
    for (want, got), n in report.confusions.most_common():
        print(f"  {want or 'null'} -> {got or 'null'}: {n}")
    return 0


def _check(args: argparse.Namespace) -> int:
    from anninh.faq.compiler import run_check
    from anninh.faq.knowledge_base import SEED_DIR, load_sources

    seed_dir = args.seed_dir or SEED_DIR
    problems = run_check(seed_dir, args.catalogue)
    if problems:
        print(texts.FAQ_CHECK_FAILED.format(count=len(problems)), file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    sources = load_sources(seed_dir)
    print(
        texts.FAQ_CHECK_OK.format(
            entries=len(sources.entries), groups=len(sources.groups), units=len(sources.overrides)
        )
    )
    return 0


def _compile(args: argparse.Namespace) -> int:
    from anninh.faq.compiler import compile_base, run_check, write_compiled
    from anninh.faq.knowledge_base import COMPILED_PATH, SEED_DIR

    seed_dir = args.seed_dir or SEED_DIR
    problems = run_check(seed_dir)
    if problems:
        print(texts.FAQ_COMPILE_REFUSED, file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    output = args.output or COMPILED_PATH
    data = compile_base(seed_dir)
    write_compiled(data, output)
    print(texts.FAQ_COMPILE_DONE.format(entries=len(data["entries"]), path=output))
    return 0
