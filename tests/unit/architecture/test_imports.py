"""Packages of the layer import one way: no two top-level parts of `anninh` import each other.

The graph is built by grimp (the library behind import-linter), which reads every import statement, at
module level and inside functions alike. A pair listed in ALLOWED is a known cycle still to break; any
other pair fails the test, and an allowance that is no longer needed fails it too, so the list only
shrinks.
"""

from __future__ import annotations

from pathlib import Path

import grimp
import pytest

LAYER = Path(__file__).resolve().parents[3] / "layers" / "anninh"
PACKAGE = "anninh"

# Known pairs still importing each other, each with the reason it is not broken yet.
ALLOWED: frozenset[tuple[str, str]] = frozenset()


def top_level(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def mutual_pairs(graph: grimp.ImportGraph) -> dict[tuple[str, str], list[str]]:
    """Every pair of top-level parts importing each other, with the imports that make the pair."""
    edges: dict[tuple[str, str], list[str]] = {}
    for module in graph.modules:
        source = top_level(module)
        for imported in graph.find_modules_directly_imported_by(module):
            target = top_level(imported)
            if source and target and source != target:
                edges.setdefault((source, target), []).append(f"{module} -> {imported}")
    return {(a, b): sorted(edges[(a, b)] + edges[(b, a)]) for (a, b) in edges if a < b and (b, a) in edges}


@pytest.fixture(scope="module")
def graph(monkeypatch_module: pytest.MonkeyPatch) -> grimp.ImportGraph:
    monkeypatch_module.syspath_prepend(str(LAYER))
    return grimp.build_graph(PACKAGE, cache_dir=None)


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_a_pair_made_by_a_function_level_import_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A cycle may hide in a function body (lazy imports keep cold starts short): the graph must see it.
    package = tmp_path / "cyclepkg"
    for name, body in {
        "__init__.py": "",
        "a/__init__.py": "from cyclepkg.b import thing\n",
        "b/__init__.py": "def thing():\n    from cyclepkg.a import other\n    return other\n",
        "c/__init__.py": "from cyclepkg.a import thing\n",
    }.items():
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text(body)
    monkeypatch.syspath_prepend(str(tmp_path))
    pairs = mutual_pairs(grimp.build_graph("cyclepkg", cache_dir=None))
    assert list(pairs) == [("a", "b")]
    assert pairs[("a", "b")] == ["cyclepkg.a -> cyclepkg.b", "cyclepkg.b -> cyclepkg.a"]


def test_no_two_packages_import_each_other(graph: grimp.ImportGraph) -> None:
    pairs = mutual_pairs(graph)
    new = {pair: imports for pair, imports in pairs.items() if pair not in ALLOWED}
    report = "\n".join(
        f"{a} <-> {b}:\n    " + "\n    ".join(imports) for (a, b), imports in sorted(new.items())
    )
    assert not new, f"{len(new)} pairs of packages import each other:\n{report}"


def test_every_allowance_is_still_needed(graph: grimp.ImportGraph) -> None:
    stale = ALLOWED - set(mutual_pairs(graph))
    assert not stale, f"these pairs no longer import each other; remove them from ALLOWED: {sorted(stale)}"
