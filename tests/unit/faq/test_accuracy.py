"""Quality gates on labelled questions: the shared development set (copied into data/) and our own held-out
validation set (infra/seed/faq/validation.tsv, also used to fit the calibration)."""

from pathlib import Path

from anninh.faq.evaluation import evaluate
from anninh.faq.knowledge_base import SEED_DIR, load_labelled_jsonl, load_validation

from tests.shared_data import shared_file

DATA = Path(__file__).parent / "data"


def test_dev_questions_reach_targets(engine):
    rows = load_labelled_jsonl(DATA / "dev_questions.jsonl")
    report = evaluate(lambda q: engine.match(q).intent, rows)
    assert report.in_scope == 64 and report.out_of_scope == 10
    assert report.accuracy >= 0.95, report.errors
    assert report.refusal >= 0.90, report.errors


def test_validation_questions_reach_targets(engine):
    report = evaluate(lambda q: engine.match(q).intent, load_validation(SEED_DIR / "validation.tsv"))
    assert report.in_scope >= 130 and report.out_of_scope >= 50
    assert report.accuracy >= 0.95, report.errors
    assert report.refusal >= 0.90, report.errors


def test_dev_copy_matches_shared_file_when_present():
    shared = shared_file("faq/dev_questions.jsonl")
    assert shared.read_text(encoding="utf-8") == (DATA / "dev_questions.jsonl").read_text(encoding="utf-8")
