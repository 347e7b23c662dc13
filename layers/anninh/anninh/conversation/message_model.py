"""A small character n-gram model of what a citizen's message is: a second opinion where the rules refuse.

Multinomial naive Bayes over the character 3–5-grams of the folded message (no diacritics, shorthand spelled
out by :class:`anninh.conversation.understanding.Text`), so "bi chay", "bị cháy" and "bj chay" share most of
their grams and a phrasing no rule names can still lean towards the class its neighbours belong to. It is
trained from the corpus tuning splits only (``tests/corpus``: train, validation, train_extra, train_voices,
train_writer4 to train_writer11, those present; never test nor train_writer12, the unseen check) into
``data/message_ngrams.json``, shipped in the layer: ``python -m anninh.conversation.message_model`` rebuilds
it, and a unit test checks the shipped file is what the splits give.

The rules decide first; the model is asked where they refuse (the ``faq-refused`` fall-through and, for a
long message it is sure is a report, a topic word's refusal), where they read a report from offence words
(it may be sure of an emergency, or of a procedure question), and where two emergency numbers' tables both
hit (it picks between those two) of :func:`anninh.conversation.understanding.understand`; its decisions are
named ``model:…`` in the reason.

Classes: ``report``, ``113``/``114``/``115`` (an emergency and its number), ``procedure``, ``followup``,
``greeting``, ``off_topic``.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MODEL_PATH = Path(__file__).resolve().parent / "data" / "message_ngrams.json"
MODEL_FORMAT = 1
CLASSES = ("report", "113", "114", "115", "procedure", "followup", "greeting", "off_topic")
GRAM_SIZES = (3, 4, 5)
ALPHA = 0.1  # additive smoothing: small, the classes are unbalanced and most grams are rare
EFFECTIVE_GRAMS = 8  # how much independent evidence one message is taken to carry at most
MIN_GRAM_COUNT = 2  # a gram seen once in the whole corpus is dropped (a smaller file, the same decisions)
TUNING_FILES = (  # never "test"
    "train",
    "validation",
    "train_extra",
    "train_voices",
    "train_writer4",
    "train_writer5",
    "train_writer6",
    "train_writer7",
    "train_writer8",
    "train_writer9",
    "train_writer10",
    "train_writer11",
)

_WORD = re.compile(r"\w+")


def grams(view: str) -> list[str]:
    """The character grams of one view of a message (words joined by one space, padded at both ends)."""
    padded = " " + " ".join(_WORD.findall(view)) + " "
    return [padded[i : i + n] for n in GRAM_SIZES for i in range(len(padded) - n + 1)]


def views(marked: str, folded: str) -> list[str]:
    """What the model reads: the message as typed when it has diacritics ("chạy" is not "cháy")."""
    return [marked] if marked != folded else [folded]


def training_views(marked: str, folded: str) -> list[str]:
    """A message typed with diacritics also teaches its folded twin (how it reads when typed without)."""
    return [marked, folded] if marked != folded else [folded]


@dataclass(frozen=True)
class Opinion:
    label: str  # one of CLASSES
    confidence: float  # posterior of ``label`` after tempering by the message length (0..1)
    runner_up: str
    posterior: dict[str, float]  # every class

    def share(self, labels: Iterable[str]) -> float:
        return sum(self.posterior[label] for label in labels)


class MessageModel:
    def __init__(self, data: dict[str, object]) -> None:
        if data.get("format") != MODEL_FORMAT or tuple(data.get("classes", ())) != CLASSES:  # type: ignore[arg-type]
            raise ValueError("message model: unknown format")
        docs = [int(n) for n in data["docs"]]  # type: ignore[attr-defined]
        counts: dict[str, list[int]] = data["grams"]  # type: ignore[assignment]
        totals = [sum(c[k] for c in counts.values()) for k in range(len(CLASSES))]
        vocabulary = len(counts)
        all_docs = sum(docs)
        self._prior = [math.log((d + 1) / (all_docs + len(docs))) for d in docs]  # a class may lack messages
        self._counts = counts
        self._denominators = [math.log(t + ALPHA * vocabulary) for t in totals]
        self._log: dict[str, tuple[float, ...]] = {}  # log P(gram | class), filled as grams are met

    def _row(self, gram: str) -> tuple[float, ...] | None:
        row = self._log.get(gram)
        if row is None:
            counts = self._counts.get(gram)
            if counts is None:
                return None
            row = tuple(math.log(c + ALPHA) - d for c, d in zip(counts, self._denominators, strict=True))
            self._log[gram] = row
        return row

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> MessageModel:
        return cls(json.loads(path.read_text(encoding="utf-8")))

    def opinion(self, marked: str, folded: str) -> Opinion:
        """The most likely class; the confidence is the posterior with the evidence averaged per gram."""
        (view,) = views(marked, folded)
        known = [row for row in map(self._row, grams(view)) if row is not None]
        if not known:
            return Opinion("off_topic", 0.0, "off_topic", dict.fromkeys(CLASSES, 1 / len(CLASSES)))
        n = len(known)
        # Naive Bayes counts every overlapping gram as independent evidence; averaging per gram and scaling
        # by a few "effective words" keeps the posterior from being certain about every message.
        scale = min(n, EFFECTIVE_GRAMS) / n
        columns = zip(*known, strict=True)
        scores = [p + scale * sum(column) for p, column in zip(self._prior, columns, strict=True)]
        top = max(scores)
        weights = [math.exp(s - top) for s in scores]
        total = sum(weights)
        ranked = sorted(range(len(CLASSES)), key=lambda k: scores[k], reverse=True)
        posterior = {c: w / total for c, w in zip(CLASSES, weights, strict=True)}
        return Opinion(CLASSES[ranked[0]], posterior[CLASSES[ranked[0]]], CLASSES[ranked[1]], posterior)


@lru_cache(maxsize=1)
def shipped_model() -> MessageModel | None:
    """The model shipped in the layer, loaded once (None when the file is missing: the rules alone decide)."""
    try:
        return MessageModel.load()
    except (OSError, ValueError):
        return None


def target(label: str, number: str | None) -> str:
    """The model's class for a corpus row."""
    if label == "emergency":
        return number or "113"
    return label


def train(rows: Iterable[tuple[str, str, str]]) -> dict[str, object]:
    """The artefact for (marked, folded, class) rows: gram counts per class and message counts per class."""
    index = {c: k for k, c in enumerate(CLASSES)}
    docs = [0] * len(CLASSES)
    counts: dict[str, list[int]] = {}
    for marked, folded, label in rows:
        k = index[label]
        docs[k] += 1
        for view in training_views(marked, folded):
            for g in grams(view):
                counts.setdefault(g, [0] * len(CLASSES))[k] += 1
    kept = {g: c for g, c in sorted(counts.items()) if sum(c) >= MIN_GRAM_COUNT}
    return {"format": MODEL_FORMAT, "classes": list(CLASSES), "docs": docs, "grams": kept}


def corpus_rows(corpus_dir: Path, files: Sequence[str] = TUNING_FILES) -> list[tuple[str, str, str]]:
    """(marked, folded, class) for every message of the tuning files that exist (test is never among them)."""
    from anninh.conversation.understanding import Text
    from anninh.conversation.understanding_eval import load_corpus

    rows: list[tuple[str, str, str]] = []
    for name in files:
        if name == "test":
            raise ValueError("the test split is never used for training")
        path = corpus_dir / f"{name}.jsonl"
        if path.exists():
            for row in load_corpus(path):
                text = Text.of(row.text)
                rows.append((text.marked, text.folded, target(row.label, row.number)))
    return rows


def dumps(artefact: dict[str, object]) -> str:
    return json.dumps(artefact, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Rebuild the shipped artefact: ``python -m anninh.conversation.message_model [path]``."""
    from anninh.conversation.understanding_eval import CORPUS_DIR

    args = list(sys.argv[1:] if argv is None else argv)
    out = Path(args[0]) if args else MODEL_PATH
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(dumps(train(corpus_rows(CORPUS_DIR))), encoding="utf-8")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
