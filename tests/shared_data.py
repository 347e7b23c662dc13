"""Files of the project's shared research folder (a folder named ``shared`` beside the repository) that
committed copies are checked against."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# The project's shared research folder, checked out beside the repository; SHARED_DIR=<path>
# points elsewhere (a git worktree that is not beside it).
SHARED_DIR = Path(os.environ.get("SHARED_DIR") or Path(__file__).resolve().parents[2] / "shared")


def shared_file(relative: str) -> Path:
    """A file of the shared folder to compare a committed copy with. Missing on a developer's machine: the
    test is skipped. Missing under CI (``CI=true``): the test fails, so a CI that lost the folder cannot
    pass by comparing nothing."""
    path = SHARED_DIR / relative
    if path.exists():
        return path
    message = f"../shared/{relative} is not checked out next to the repository ({path})"
    if os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}:
        pytest.fail(f"{message}: CI must have it (the committed copy is checked against it)", pytrace=False)
    pytest.skip(message)
