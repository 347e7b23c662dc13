"""The labelled corpus's splits (tests/corpus/): light enough for the CLI to list them at start."""

from __future__ import annotations

SPLITS = (
    "train",
    "validation",
    "extra",
    "voices",
    "writer4",
    "writer5",
    "writer6",
    "writer7",
    "writer8",
    "writer9",
    "writer10",
    "writer11",
    "writer12",
    "test",
)
# splits whose file is not named after them
SPLIT_FILES = {
    "extra": "train_extra",
    "voices": "train_voices",
    "writer4": "train_writer4",
    "writer5": "train_writer5",
    "writer6": "train_writer6",
    "writer7": "train_writer7",
    "writer8": "train_writer8",
    "writer9": "train_writer9",
    "writer10": "train_writer10",
    "writer11": "train_writer11",
    "writer12": "train_writer12",
}
