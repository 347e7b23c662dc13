"""The tuning splits of the labelled corpus keep the schema of tests/corpus/README.md.

Only the splits used for tuning are read here (the held-out test split is left to its own writer).
"""

import json
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
import yaml
from anninh.conversation.understanding_eval import LABELS, SPLITS, load_corpus, split_path
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


def test_writer4_is_a_tuning_split_read_from_its_own_file() -> None:
    assert "writer4" in TUNING_SPLITS and split_path("writer4").name == "train_writer4.jsonl"


def test_writer4_covers_every_class_category_number_and_procedure() -> None:
    rows = load_corpus(split_path("writer4"))
    labels = Counter(row.label for row in rows)
    minimum = {"report": 170, "emergency": 90, "procedure": 100}
    minimum |= {"followup": 40, "greeting": 30, "off_topic": 110}
    assert {label: labels[label] >= n for label, n in minimum.items()} == dict.fromkeys(minimum, True)
    numbers = Counter(row.number for row in rows if row.label == "emergency")
    assert min(numbers[n] for n in NUMBERS) >= 30
    categories = Counter(row.category for row in rows if row.label == "report")
    assert set(categories) == set(TIP_CATEGORY_LABELS)
    assert {row.intent for row in rows if row.label == "procedure"} == _intent_ids()
    near = Counter(row.near_domain for row in rows if row.label == "off_topic")
    assert near[True] >= 50 and near[False] >= 50


def test_writer5_is_a_tuning_split_read_from_its_own_file() -> None:
    assert "writer5" in TUNING_SPLITS and split_path("writer5").name == "train_writer5.jsonl"


def test_writer5_covers_every_class_category_number_and_procedure() -> None:
    rows = load_corpus(split_path("writer5"))
    labels = Counter(row.label for row in rows)
    minimum = {"report": 120, "emergency": 80, "procedure": 50}
    minimum |= {"followup": 10, "greeting": 10, "off_topic": 60}
    assert {label: labels[label] >= n for label, n in minimum.items()} == dict.fromkeys(minimum, True)
    numbers = Counter(row.number for row in rows if row.label == "emergency")
    assert min(numbers[n] for n in NUMBERS) >= 25
    categories = Counter(row.category for row in rows if row.label == "report")
    assert set(categories) == set(TIP_CATEGORY_LABELS)
    assert {row.intent for row in rows if row.label == "procedure"} == _intent_ids()
    near = Counter(row.near_domain for row in rows if row.label == "off_topic")
    assert near[True] >= 30 and near[False] >= 30


def test_writer6_is_a_tuning_split_read_from_its_own_file() -> None:
    assert "writer6" in TUNING_SPLITS and split_path("writer6").name == "train_writer6.jsonl"


def test_writer6_covers_every_class_category_number_and_procedure() -> None:
    rows = load_corpus(split_path("writer6"))
    labels = Counter(row.label for row in rows)
    minimum = {"report": 65, "emergency": 36, "procedure": 110}
    minimum |= {"followup": 20, "greeting": 20, "off_topic": 50}
    assert {label: labels[label] >= n for label, n in minimum.items()} == dict.fromkeys(minimum, True)
    numbers = Counter(row.number for row in rows if row.label == "emergency")
    assert min(numbers[n] for n in NUMBERS) >= 12
    categories = Counter(row.category for row in rows if row.label == "report")
    assert set(categories) == set(TIP_CATEGORY_LABELS)
    assert {row.intent for row in rows if row.label == "procedure"} == _intent_ids()
    near = Counter(row.near_domain for row in rows if row.label == "off_topic")
    assert near[True] >= 25 and near[False] >= 25


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
