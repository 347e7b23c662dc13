"""Code cites documents inside the repository: no comment or docstring points at the earlier research notes
(ZALO_API.md), at files beside the repository (../shared) or at the tracker (issue numbers), which a reader
of the repository cannot follow. Zalo facts are cited as docs/zalo-platform.md §N."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
POINTER = re.compile(r"ZALO_API\.md|\.\./shared|\bissues? #?\d+|(?<![\w&])#\d+\b(?!\s*[:=])", re.IGNORECASE)

TOLERATED: dict[str, set[str]] = {}


def python_files() -> list[Path]:
    roots = [
        ROOT / "layers" / "anninh" / "anninh",
        ROOT / "functions",
        ROOT / "infra" / "local",
        ROOT / "tests",
    ]
    this = Path(__file__).resolve()  # names the patterns it looks for
    return sorted(path for root in roots for path in root.rglob("*.py") if path.resolve() != this)


STATEMENT_START = {tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT}


def comments_and_docstrings(source: str) -> list[str]:
    """Every comment, and every string literal standing alone as a statement (docstrings)."""
    found: list[str] = []
    previous = tokenize.NEWLINE
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        standalone_string = token.type == tokenize.STRING and previous in STATEMENT_START
        if token.type == tokenize.COMMENT or standalone_string:
            found.append(token.string)
        if token.type not in {tokenize.NL, tokenize.COMMENT}:
            previous = token.type
    return found


def yaml_comments(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]


def pointers(name: str, pieces: list[str]) -> list[str]:
    tolerated = TOLERATED.get(name, set())
    return [
        f"{name}: {piece.strip()[:120]}"
        for piece in pieces
        if POINTER.search(piece) and re.sub(r"^#\s*-+\s*", "", piece.strip()) not in tolerated
    ]


def test_the_checker_finds_each_kind_of_pointer() -> None:
    source = (
        '"""See ZALO_API.md §2."""\n# as in issue 7\nx = "#12 is a string, not a comment"\n# fixed in #12\n'
    )
    found = pointers("sample.py", comments_and_docstrings(source))
    assert found == [
        'sample.py: """See ZALO_API.md §2."""',
        "sample.py: # as in issue 7",
        "sample.py: # fixed in #12",
    ]
    assert pointers("t.yaml", yaml_comments("a: 1  # fine\n# copied from ../shared/x\n")) == [
        "t.yaml: # copied from ../shared/x"
    ]
    assert not pointers(
        "ok.py", comments_and_docstrings('"""docs/zalo-platform.md §6; MON#1 cron; x = {"a": 1}"""\n')
    )


def test_no_comment_points_outside_the_repository() -> None:
    found: list[str] = []
    for path in python_files():
        found += pointers(
            str(path.relative_to(ROOT)), comments_and_docstrings(path.read_text(encoding="utf-8"))
        )
    for name in ("template.yaml", "Makefile"):
        found += pointers(name, yaml_comments((ROOT / name).read_text(encoding="utf-8")))
    assert not found, "pointers a reader of the repository cannot follow:\n" + "\n".join(found)
