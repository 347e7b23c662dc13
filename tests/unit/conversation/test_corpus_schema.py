"""The tuning splits of the labelled corpus keep the schema of tests/corpus/README.md.

Only the splits used for tuning are read here (the held-out test split is left to its own writer).
"""

import json
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
import yaml
from anninh.conversation.corpus_splits import SPLITS
from anninh.conversation.understanding_eval import LABELS, load_corpus, split_path
from anninh.texts import TIP_CATEGORY_LABELS

ROOT = Path(__file__).resolve().parents[3]
CATALOGUE = ROOT / "infra" / "seed" / "faq" / "catalogue.yaml"
FIELDS = ["text", "label", "category", "number", "intent", "near_domain", "voice"]
NUMBERS = {"113", "114", "115"}
TUNING_SPLITS = [s for s in SPLITS if s != "test"]


def _intent_ids() -> set[str]:
    groups = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
    return {entry["id"] for entries in groups.values() for entry in entries}


def _schema_errors(raw: dict[str, object], intents: set[str]) -> list[str]:
    errors: list[str] = []
    label, category, number = raw["label"], raw["category"], raw["number"]
    intent, near = raw["intent"], raw["near_domain"]
    text, voice = raw["text"], raw["voice"]
    if not isinstance(text, str) or not text.strip() or text != text.strip():
        errors.append("text must be non-empty without surrounding spaces")
    if not isinstance(voice, str) or not voice.strip():
        errors.append("voice must be a non-empty tag")
    if label not in LABELS:
        errors.append(f"label {label!r}")
    if label == "report" and category not in TIP_CATEGORY_LABELS:
        errors.append(f"report needs a category, got {category!r}")
    if label == "emergency" and category is not None and category not in TIP_CATEGORY_LABELS:
        errors.append(f"emergency category {category!r}")
    if label not in ("report", "emergency") and category is not None:
        errors.append("category only for report or emergency")
    if (label == "emergency") != (number in NUMBERS) or (label != "emergency" and number is not None):
        errors.append(f"number {number!r} for {label}")
    if (label == "procedure") != (intent in intents) or (label != "procedure" and intent is not None):
        errors.append(f"intent {intent!r} for {label}")
    if (label == "off_topic") != isinstance(near, bool) or (label != "off_topic" and near is not None):
        errors.append(f"near_domain {near!r} for {label}")
    return errors


@pytest.mark.parametrize("split", TUNING_SPLITS)
def test_every_line_keeps_the_schema(split: str) -> None:
    path = split_path(split)
    intents = _intent_ids()
    problems: list[str] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if unicodedata.normalize("NFC", line) != line:
            problems.append(f"{path.name}:{n}: not NFC")
        if line != line.rstrip():
            problems.append(f"{path.name}:{n}: trailing spaces")
        raw = json.loads(line)
        if list(raw) != FIELDS:
            problems.append(f"{path.name}:{n}: fields {list(raw)}")
            continue
        problems.extend(f"{path.name}:{n}: {e}" for e in _schema_errors(raw, intents))
    assert problems == []
    assert len(load_corpus(path)) == len(path.read_text(encoding="utf-8").splitlines())


def test_the_schema_check_catches_a_wrong_row() -> None:
    intents = _intent_ids()
    good = {"text": "x", "label": "emergency", "category": None, "number": "114", "intent": None}
    assert _schema_errors({**good, "near_domain": None, "voice": "v"}, intents) == []
    assert _schema_errors({**good, "number": None, "near_domain": None, "voice": "v"}, intents)
    wrong_intent = {**good, "label": "procedure", "number": None, "intent": "no-such-id"}
    assert _schema_errors({**wrong_intent, "near_domain": None, "voice": "v"}, intents)
    off_topic_without_near = {**good, "label": "off_topic", "number": None, "near_domain": None}
    assert _schema_errors({**off_topic_without_near, "voice": "v"}, intents)


def test_voices_is_a_tuning_split_read_from_its_own_file() -> None:
    assert "voices" in SPLITS and split_path("voices").name == "train_voices.jsonl"


# The later writers' briefs: at least this many messages per label, per emergency number and per side of
# off-topic (near-domain / far), every tip category among the reports and every procedure id asked.
LABELS_ORDER = ("report", "emergency", "procedure", "followup", "greeting", "off_topic")
# split: (minimum per label in LABELS_ORDER, per emergency number, per side of off-topic)
WRITER_MINIMUMS = {
    "writer4": ((170, 90, 100, 40, 30, 110), 30, 50),
    "writer5": ((120, 80, 50, 10, 10, 60), 25, 30),
    "writer6": ((65, 36, 110, 20, 20, 50), 12, 25),
    "writer7": ((110, 66, 80, 15, 15, 90), 20, 40),
    "writer8": ((110, 66, 80, 15, 15, 90), 20, 40),
    "writer9": ((90, 110, 60, 10, 10, 60), 35, 25),
    "writer10": ((90, 100, 60, 18, 18, 70), 33, 35),
    "writer11": ((85, 95, 60, 18, 18, 65), 30, 33),
    "writer12": ((85, 75, 60, 18, 18, 55), 25, 28),
}


@pytest.mark.parametrize("split", sorted(WRITER_MINIMUMS))
def test_a_writer_is_a_tuning_split_read_from_its_own_file(split: str) -> None:
    assert split in TUNING_SPLITS and split_path(split).name == f"train_{split}.jsonl"


@pytest.mark.parametrize("split", sorted(WRITER_MINIMUMS))
def test_a_writer_covers_every_class_category_number_and_procedure(split: str) -> None:
    per_label, per_number, per_side = WRITER_MINIMUMS[split]
    minimum = dict(zip(LABELS_ORDER, per_label, strict=True))
    rows = load_corpus(split_path(split))
    labels = Counter(row.label for row in rows)
    assert {label: labels[label] >= n for label, n in minimum.items()} == dict.fromkeys(minimum, True)
    numbers = Counter(row.number for row in rows if row.label == "emergency")
    assert min(numbers[n] for n in NUMBERS) >= per_number
    categories = Counter(row.category for row in rows if row.label == "report")
    assert set(categories) == set(TIP_CATEGORY_LABELS)
    assert {row.intent for row in rows if row.label == "procedure"} == _intent_ids()
    near = Counter(row.near_domain for row in rows if row.label == "off_topic")
    assert near[True] >= per_side and near[False] >= per_side


def test_tuning_splits_share_no_message() -> None:
    seen: dict[str, str] = {}
    clashes: list[str] = []
    for split in TUNING_SPLITS:
        for row in load_corpus(split_path(split)):
            key = " ".join(row.text.casefold().split())
            if key in seen and seen[key] != split:
                clashes.append(f"{split} repeats {seen[key]}: {row.text}")
            seen.setdefault(key, split)
    assert clashes == []
