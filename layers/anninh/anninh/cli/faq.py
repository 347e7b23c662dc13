"""``anninh faq`` sub-commands: ask, eval, check, compile.

``ask --json`` and ``ask --batch`` print one JSON object per question:
``{"intent": id or null, "score": float, "answer": str, "kind": str, "details": str or null, "sources": [...],
"verified_on": date or null}``. ``kind`` is what the message is (:mod:`anninh.conversation.understanding`:
report, emergency, followup, procedure, greeting, off_topic). ``intent`` is the FAQ entry the knowledge base
matches (null when it abstains, and for greetings and off-topic messages the classifier refuses);
``answer`` is the first message a citizen gets: the entry's answer, the refusal text
(:data:`anninh.texts.FAQ_REFUSAL`, before the question is handed to an officer), the emergency number, or
the start of the report form; ``details`` the second one ("Xem chi tiết": details, legal sources, links, date
of verification), ``sources`` the entry's legal sources ``{doc, article, url}``. ``check`` fails on problems
(missing sources, expired facts...) and prints warnings (facts ending within 30 days) without failing.
``eval --split`` measures the classifier on the labelled corpus (tests/corpus). Nothing here imports boto3.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from anninh import texts
from anninh.conversation.corpus_splits import SPLITS


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
    ev.add_argument("--split", choices=SPLITS, help=texts.CLI_HELP_FAQ_EVAL_SPLIT)
    ev.add_argument("--json", action="store_true", help=texts.CLI_HELP_FAQ_EVAL_JSON)
    ev.set_defaults(func=_eval)

    check = sub.add_parser("check", help=texts.CLI_HELP_FAQ_CHECK)
    check.add_argument("--seed-dir", type=Path, default=None, help=texts.CLI_HELP_FAQ_SEED_DIR)
    check.add_argument("--catalogue", type=Path, default=None, help=texts.CLI_HELP_FAQ_CATALOGUE)
    check.add_argument("--today", type=_iso_date, default=None, help=texts.CLI_HELP_FAQ_CHECK_TODAY)
    check.set_defaults(func=_check)

    comp = sub.add_parser("compile", help=texts.CLI_HELP_FAQ_COMPILE)
    comp.add_argument("--seed-dir", type=Path, default=None)
    comp.add_argument("--output", type=Path, default=None)
    comp.set_defaults(func=_compile)

    register_publishing(sub)


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(texts.FAQ_CHECK_TODAY_INVALID.format(value=text)) from None


def _answer(engine: object, question: str, unit: str | None) -> dict[str, object]:
    from anninh.conversation.understanding import Kind, understand
    from anninh.faq.engine import FaqEngine

    assert isinstance(engine, FaqEngine)
    understood = understand(question, engine)
    result = understood.faq
    kind = understood.kind.value
    score = result.score if result is not None else 0.0
    if result is None and understood.kind not in (Kind.OFF_TOPIC, Kind.GREETING):
        # The classifier decided without the knowledge base (a report, an emergency): still name the
        # procedure the message reads like.
        result = engine.match(question)
        score = result.score
    entry = result.entry if result is not None else None
    # The knowledge base's own match is reported for every kind but greetings and refused off-topic
    # questions: a question that reads like a report ("có người giả danh công an gọi đòi tiền") is still
    # about a procedure entry.
    matched = entry is not None and understood.kind not in (Kind.GREETING, Kind.OFF_TOPIC)
    legal: dict[str, object] = {"details": None, "sources": [], "verified_on": None}
    if matched:
        assert entry is not None and result is not None
        legal = {
            "details": engine.render_details(entry),
            "sources": [{"doc": s.doc, "article": s.article, "url": s.url} for s in entry.sources],
            "verified_on": entry.verified_on,
        }
    if understood.kind is Kind.PROCEDURE and matched:
        assert entry is not None
        answer = engine.render_answer(entry, unit)
    elif understood.kind is Kind.EMERGENCY:
        answer = texts.EMERGENCY_CALL_FIRST[understood.emergency_number or "113"]
    elif understood.kind is Kind.REPORT:
        answer = texts.TIP_START.format(unit_name=unit or texts.CLI_FAQ_ANY_UNIT)
    elif understood.kind is Kind.FOLLOWUP:
        answer = texts.FOLLOWUP_HELP
    elif understood.kind is Kind.GREETING:
        answer = texts.GREETING_REPLY.format(unit_name=unit or texts.CLI_FAQ_ANY_UNIT)
    elif matched:
        assert entry is not None
        answer = engine.render_answer(entry, unit)
    else:
        answer = texts.FAQ_REFUSAL
    intent = result.intent if matched and result is not None else None
    return {"intent": intent, "score": score, "answer": answer, "kind": kind, **legal}


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
    from anninh.faq.compiler import run_check_report
    from anninh.faq.knowledge_base import SEED_DIR, load_sources

    seed_dir = args.seed_dir or SEED_DIR
    report = run_check_report(seed_dir, args.catalogue, args.today)
    if report.warnings:
        print(texts.FAQ_CHECK_WARNINGS.format(count=len(report.warnings)), file=sys.stderr)
        for warning in report.warnings:
            print(f"  - {warning}", file=sys.stderr)
    if report.pending_review:
        print(texts.FAQ_CHECK_PENDING_REVIEW.format(count=report.pending_review))
    if report.problems:
        print(texts.FAQ_CHECK_FAILED.format(count=len(report.problems)), file=sys.stderr)
        for problem in report.problems:
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


# ---------------------------------------------------------------------------------------------------------
# Publishing without a redeploy (through the admin API) and the legal officer's review page.


def register_publishing(sub: Any) -> None:
    pub = sub.add_parser("publish", help=texts.CLI_HELP_FAQ_PUBLISH)
    pub.add_argument("--seed-dir", type=Path, default=None, help=texts.CLI_HELP_FAQ_SEED_DIR)
    pub.add_argument("--dry-run", action="store_true", help=texts.CLI_HELP_FAQ_PUBLISH_DRY_RUN)
    pub.set_defaults(func=_publish)

    back = sub.add_parser("rollback", help=texts.CLI_HELP_FAQ_ROLLBACK)
    back.set_defaults(func=_rollback)

    versions = sub.add_parser("versions", help=texts.CLI_HELP_FAQ_VERSIONS)
    versions.add_argument("--json", action="store_true")
    versions.set_defaults(func=_versions)

    review = sub.add_parser("review", help=texts.CLI_HELP_FAQ_REVIEW)
    review.add_argument(
        "--html", type=Path, required=True, metavar="FILE", help=texts.CLI_HELP_FAQ_REVIEW_HTML
    )
    review.add_argument("--seed-dir", type=Path, default=None, help=texts.CLI_HELP_FAQ_SEED_DIR)
    review.add_argument("--today", type=_iso_date, default=None, help=texts.CLI_HELP_FAQ_CHECK_TODAY)
    review.set_defaults(func=_review)


def _admin_call(method: str, path: str, body: Any = None) -> Any:
    """The admin API's answer, or None after printing why it failed (no stack trace for the admin)."""
    from anninh.admin.client import AdminClient, AdminClientError

    try:
        return AdminClient.from_env().request(method, path, body=body)
    except AdminClientError as exc:
        print(texts.FAQ_PUBLISH_API_ERROR.format(error=exc.message), file=sys.stderr)
        return None


def _publish(args: argparse.Namespace) -> int:
    from anninh.faq.compiler import compile_base, run_check_report
    from anninh.faq.knowledge_base import SEED_DIR

    seed_dir = args.seed_dir or SEED_DIR
    report = run_check_report(seed_dir)
    for warning in report.warnings:
        print(f"  ! {warning}", file=sys.stderr)
    if report.problems:
        print(texts.FAQ_PUBLISH_REFUSED.format(count=len(report.problems)), file=sys.stderr)
        for problem in report.problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    data = compile_base(seed_dir)
    if args.dry_run:
        print(texts.FAQ_PUBLISH_DRY_RUN.format(entries=len(data["entries"])))
        return 0
    answer = _admin_call("PUT", "/admin/faq", {"knowledge_base": data})
    if answer is None:
        return 1
    print(texts.FAQ_PUBLISHED.format(entries=len(data["entries"]), version=answer["version_id"]))
    return 0


def _rollback(args: argparse.Namespace) -> int:
    answer = _admin_call("POST", "/admin/faq/rollback")
    if answer is None:
        return 1
    print(texts.FAQ_ROLLED_BACK.format(version=answer["version_id"]))
    return 0


def _versions(args: argparse.Namespace) -> int:
    answer = _admin_call("GET", "/admin/faq")
    if answer is None:
        return 1
    if args.json:
        print(json.dumps(answer["versions"], ensure_ascii=False))
        return 0
    if not answer["versions"]:
        print(texts.FAQ_NO_VERSIONS)
    for version in answer["versions"]:
        mark = "*" if version["is_latest"] else " "
        print(f"{mark} {version['published_at']}  {version['version_id']}  {version['size']} B")
    return 0


def _review(args: argparse.Namespace) -> int:
    from anninh.faq.knowledge_base import SEED_DIR, KnowledgeBaseError, catalogue_ids, load_sources
    from anninh.faq.review import render_review

    try:
        sources = load_sources(args.seed_dir or SEED_DIR)
    except KnowledgeBaseError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    args.html.write_text(render_review(sources, catalogue_ids(), args.today), encoding="utf-8")
    print(texts.FAQ_REVIEW_WRITTEN.format(path=args.html, entries=len(sources.entries)))
    return 0
