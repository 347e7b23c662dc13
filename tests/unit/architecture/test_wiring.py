"""One wiring module per function, named the same way everywhere, and the only place settings meet adapters.

- every function in functions/ has ``anninh/wiring/<function>.py`` and every such module serves a function;
- a wiring module's one public function is ``build`` (its deps are dataclasses; what several functions share
  is in a private module, ``wiring/_<topic>.py``, imported only by wiring modules);
- a handler takes from the wiring only its own module's ``build`` (``from anninh.wiring import <function> as
  wiring`` then ``wiring.build()``), and never imports ``anninh.settings`` (its settings come with its deps);
- a wiring module parses no environment value itself: no ``env[...]``, ``env.get(...)``, ``int()`` or
  ``float()``, no parse helper of :mod:`anninh.settings`; named settings there do it with clear errors.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
FUNCTIONS = ROOT / "functions"
WIRING = ROOT / "layers" / "anninh" / "anninh" / "wiring"
# Names a wiring module may give the environment mapping it is handed.
ENV_NAMES = frozenset({"env", "environ", "source", "environment"})
# The generic parsers of anninh.settings: wiring names its settings instead of parsing values with these.
PARSE_HELPERS = frozenset({"positive_number", "whole_number", "non_negative_number", "optional"})
NUMBER_PARSERS = frozenset({"int", "float"})


def functions() -> set[str]:
    return {path.parent.name for path in FUNCTIONS.glob("*/app.py")}


def wiring_modules() -> dict[str, Path]:
    return {path.stem: path for path in sorted(WIRING.glob("*.py")) if not path.stem.startswith("_")}


def private_modules() -> dict[str, Path]:
    return {p.stem: p for p in sorted(WIRING.glob("_*.py")) if p.stem != "__init__"}


def public_functions(source: str) -> list[str]:
    """Module-level functions (and lambdas bound to names) not starting with an underscore."""
    names: list[str] = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and not node.name.startswith("_"):
            names.append(node.name)
        elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Lambda):
            names += [t.id for t in node.targets if isinstance(t, ast.Name) and not t.id.startswith("_")]
    return names


def _is_env(node: ast.AST) -> bool:
    if isinstance(node, ast.Name):
        return node.id in ENV_NAMES
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "environment"


def environment_parses(source: str) -> list[str]:
    """What in ``source`` parses an environment value instead of asking anninh.settings: ``env[...]``,
    ``env.get(...)``, ``int(...)``/``float(...)``, or a settings parse helper (imported or called)."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Subscript) and _is_env(node.value):
            found.append(f"{node.lineno}: indexes the environment")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr == "get" and _is_env(node.func.value):
                found.append(f"{node.lineno}: .get on the environment")
            elif node.func.attr in PARSE_HELPERS:
                found.append(f"{node.lineno}: settings.{node.func.attr}")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in NUMBER_PARSERS | PARSE_HELPERS:
                found.append(f"{node.lineno}: {node.func.id}()")
        elif isinstance(node, ast.ImportFrom) and node.module == "anninh.settings":
            found += [f"{node.lineno}: imports {a.name}" for a in node.names if a.name in PARSE_HELPERS]
    return found


def handler_wiring_uses(source: str, function: str) -> list[str]:
    """What a handler takes from the wiring, anninh.settings, or the wiring alias, beyond its own build."""
    tree = ast.parse(source)
    wrong: list[str] = []
    aliases: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            wrong += [
                f"{node.lineno}: import {a.name}" for a in node.names if a.name.startswith("anninh.wiring")
            ]
            wrong += [f"{node.lineno}: import {a.name}" for a in node.names if a.name == "anninh.settings"]
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "anninh.settings":
                wrong.append(f"{node.lineno}: from anninh.settings import …")
            elif node.module == "anninh.wiring":
                for alias in node.names:
                    if alias.name != function:
                        wrong.append(f"{node.lineno}: from anninh.wiring import {alias.name}")
                    aliases.add(alias.asname or alias.name)
            elif node.module.startswith("anninh.wiring"):
                if node.module != f"anninh.wiring.{function}":
                    wrong.append(f"{node.lineno}: from {node.module} import …")
                wrong += [f"{node.lineno}: imports {a.name}" for a in node.names if a.name != "build"]
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)):
            continue
        if node.value.id in aliases and node.attr != "build":
            wrong.append(f"{node.lineno}: {node.value.id}.{node.attr}")
    return wrong


def test_the_checkers_see_what_they_forbid() -> None:
    assert public_functions("def build(): ...\ndef _x(): ...\ndef send_rate(env): ...\nf = lambda: 1\n") == [
        "build",
        "send_rate",
        "f",
    ]
    parses = environment_parses(
        "from anninh.settings import positive_number, require\n"
        "def build(env):\n"
        "    a = env['A']\n"
        "    b = env.get('B', '')\n"
        "    c = int(require(env, 'C'))\n"
        "    d = environment().get('D')\n"
        "    e = settings.positive_number(env, 'E', 1.0)\n"
        "    return require(env, 'F')\n"
    )
    assert [p.split(":")[0] for p in parses] == ["1", "3", "4", "5", "6", "7"]
    handler = (
        "from anninh.wiring import worker as wiring\n"
        "from anninh.wiring._zalo import build_zalo_client\n"
        "from anninh.wiring.worker import build, WorkerFunctionDeps\n"
        "from anninh.wiring import sender\n"
        "from anninh.settings import environment\n"
        "deps = wiring.build()\n"
        "x = wiring.WorkerFunctionDeps\n"
    )
    assert [w.split(":")[0] for w in handler_wiring_uses(handler, "worker")] == ["2", "2", "3", "4", "5", "7"]
    assert (
        handler_wiring_uses("from anninh.wiring import worker as wiring\nd = wiring.build()\n", "worker")
        == []
    )


def test_every_function_has_one_wiring_module_and_every_wiring_module_a_function() -> None:
    assert set(wiring_modules()) - {"__init__"} == functions()


def test_a_wiring_module_exposes_build_and_nothing_else() -> None:
    wrong = {
        name: public_functions(path.read_text(encoding="utf-8"))
        for name, path in wiring_modules().items()
        if name != "__init__"
    }
    assert {name: found for name, found in wrong.items() if found != ["build"]} == {}


def test_handlers_take_only_their_own_build_from_the_wiring() -> None:
    wrong = {
        name: found
        for name in sorted(functions())
        if (found := handler_wiring_uses((FUNCTIONS / name / "app.py").read_text(encoding="utf-8"), name))
    }
    assert wrong == {}


def test_private_wiring_modules_are_imported_only_by_the_wiring() -> None:
    private = {f"anninh.wiring.{name}" for name in private_modules()}
    assert private, "the shared wiring helpers live in private modules (wiring/_<topic>.py)"
    roots = [ROOT / "layers" / "anninh" / "anninh", FUNCTIONS, ROOT / "infra", ROOT / "tests"]
    outside = []
    for root in roots:
        for path in sorted(root.rglob("*.py")):
            if path.parent == WIRING:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = (
                    [node.module or ""]
                    if isinstance(node, ast.ImportFrom)
                    else [a.name for a in node.names]
                    if isinstance(node, ast.Import)
                    else []
                )
                if any(n in private for n in names):
                    outside.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert outside == []


def test_no_wiring_module_parses_the_environment_itself() -> None:
    found = {
        path.name: parses
        for path in sorted(WIRING.glob("*.py"))
        if (parses := environment_parses(path.read_text(encoding="utf-8")))
    }
    assert found == {}, "name the setting in anninh/settings.py instead"
