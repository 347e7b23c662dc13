"""Every name is imported from the module that defines it: no re-export shims left behind by a move.

- nothing (the layer, the functions, infra, the tests) imports from a module of the layer a name that module
  only imports itself (``from anninh.store.tips import TipRepository`` where store.tips got it from
  tips.ports): import it from its home;
- no module re-exports on purpose (``from x import y as y``, ``import x as x``);
- no module's body is only imports (besides its docstring and ``__all__``): such a module is a shim.

A tolerated entry must name why it stays; the package facade ``anninh.texts`` (``from anninh import texts``
then ``texts.NAME``, over the audience modules) is the only one.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
LAYER = ROOT / "layers" / "anninh"
IMPORTERS = [LAYER / "anninh", ROOT / "functions", ROOT / "infra", ROOT / "tests"]

# (module, name) imported from a module that does not define it, each with its reason.
TOLERATED_IMPORTS: dict[tuple[str, str], str] = {}
# Modules whose body is only imports, each with its reason.
TOLERATED_SHIMS: dict[str, str] = {
    "anninh.texts": "the texts of every audience under one name: `from anninh import texts`, `texts.NAME`",
}


@dataclass
class Bindings:
    """A module's top-level names: those it defines, and those it imports (name -> (module, original))."""

    defined: set[str] = field(default_factory=set)
    imported: dict[str, tuple[str, str | None]] = field(default_factory=dict)


def module_name(path: Path, base: Path) -> str:
    parts = list(path.relative_to(base).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def bindings(tree: ast.Module) -> Bindings:
    found = Bindings()

    def walk(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                found.defined.add(node.name)
            elif isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                found.defined |= {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    found.imported[alias.asname or alias.name] = (node.module, alias.name)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    found.imported[alias.asname or alias.name.split(".")[0]] = (alias.name, None)
            elif isinstance(node, ast.If):
                if not (isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"):
                    walk(node.body)
                    walk(node.orelse)
            elif isinstance(node, ast.Try):
                walk(node.body)
                for handler in node.handlers:
                    walk(handler.body)
                walk(node.orelse)
                walk(node.finalbody)

    walk(tree.body)
    return found


def layer_modules(base: Path) -> dict[str, ast.Module]:
    return {
        module_name(path, base): ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted(base.rglob("*.py"))
    }


def home(module: str, name: str, known: dict[str, Bindings]) -> str:
    """The module that defines ``name`` as ``module`` exposes it (following imports of imports)."""
    seen: set[str] = set()
    while module in known and module not in seen:
        seen.add(module)
        names = known[module]
        if name in names.defined or name not in names.imported:
            return module
        source, original = names.imported[name]
        if original is None:
            return module
        module, name = source, original
    return module


def borrowed_imports(base: Path, importers: list[Path]) -> Iterator[tuple[str, int, str, str, str]]:
    """(file, line, module, name, home) for each name imported from a module of ``base`` that only imports
    it, in every file under ``importers``."""
    trees = layer_modules(base)
    known = {module: bindings(tree) for module, tree in trees.items()}
    for root in importers:
        for path in sorted(root.rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            used: list[tuple[int, str, str]] = []  # (line, module, name)
            aliases: dict[str, str] = {}  # a local name bound to a module of the layer
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    for alias in node.names:
                        if f"{node.module}.{alias.name}" in trees:  # a submodule, not a name
                            aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
                        elif node.module in known and alias.name != "*":
                            used.append((node.lineno, node.module, alias.name))
                elif isinstance(node, ast.Import):
                    aliases |= {a.asname: a.name for a in node.names if a.asname and a.name in trees}
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.Attribute)
                    and isinstance(node.value, ast.Name)
                    and node.value.id in aliases
                ):
                    used.append((node.lineno, aliases[node.value.id], node.attr))
            for line, module, name in used:
                where = home(module, name, known)
                if where != module:
                    yield (str(path), line, module, name, where)


def explicit_reexports(tree: ast.Module) -> list[int]:
    """Lines of ``from x import y as y`` and ``import x as x`` (the marker of a deliberate re-export)."""
    return sorted(
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        and any(alias.asname is not None and alias.asname == alias.name for alias in node.names)
    )


def _declares_all(node: ast.stmt) -> bool:
    targets = (
        node.targets
        if isinstance(node, ast.Assign)
        else [node.target]
        if isinstance(node, ast.AnnAssign)
        else []
    )
    return any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets)


def only_imports(tree: ast.Module) -> bool:
    """A body of imports only (a docstring and ``__all__`` aside), with at least one import."""
    body = list(tree.body)
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]
    future = [n for n in body if isinstance(n, ast.ImportFrom) and n.module == "__future__"]
    body = [n for n in body if n not in future and not _declares_all(n)]
    return bool(body) and all(isinstance(node, ast.Import | ast.ImportFrom) for node in body)


def test_the_checkers_find_a_shim_and_its_importers(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    files = {
        "__init__.py": "",
        "ports.py": "class Repo: ...\nLIMIT = 3\n",
        "shim.py": '"""Moved."""\nfrom __future__ import annotations\nfrom pkg.ports import Repo as Repo\n',
        "adapter.py": "from pkg.ports import LIMIT, Repo\nclass Dynamo(Repo):\n    size = LIMIT\n",
        "user.py": "from pkg.adapter import Dynamo, LIMIT\nfrom pkg.shim import Repo\nfrom pkg import ports\n",  # noqa: E501
        "other.py": "from pkg import adapter as a\nx = a.Dynamo, a.LIMIT\n",
    }
    for name, body in files.items():
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text(body, encoding="utf-8")
    found = sorted(
        (Path(f).name, line, module, name, where)
        for f, line, module, name, where in borrowed_imports(tmp_path, [package])
    )
    assert found == [
        ("other.py", 2, "pkg.adapter", "LIMIT", "pkg.ports"),
        ("user.py", 1, "pkg.adapter", "LIMIT", "pkg.ports"),
        ("user.py", 2, "pkg.shim", "Repo", "pkg.ports"),
    ]
    shim = ast.parse(files["shim.py"])
    assert explicit_reexports(shim) == [3] and only_imports(shim)
    assert not only_imports(ast.parse(files["adapter.py"])) and not only_imports(ast.parse(""))


def test_names_are_imported_from_their_home() -> None:
    found = {
        (module, name): f"{Path(file).relative_to(ROOT)}:{line} (home: {where})"
        for file, line, module, name, where in borrowed_imports(LAYER, IMPORTERS)
    }
    wrong = sorted(text for key, text in found.items() if key not in TOLERATED_IMPORTS)
    assert wrong == [], "import these names from the module that defines them"
    assert set(TOLERATED_IMPORTS) <= set(found), "a tolerated import is gone: drop it from TOLERATED_IMPORTS"


def test_no_module_re_exports_on_purpose() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}"
        for root in IMPORTERS[:3]
        for path in sorted(root.rglob("*.py"))
        for line in explicit_reexports(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert found == []


def test_no_module_is_only_imports() -> None:
    shims = {module for module, tree in layer_modules(LAYER).items() if only_imports(tree)}
    assert shims == set(TOLERATED_SHIMS)
