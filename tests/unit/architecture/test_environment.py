"""The environment is read in one place: anninh/settings.py. Everything else gets its settings from there
(typed settings objects, or :func:`anninh.settings.environment` handed on to them), so a missing or bad value
fails loudly at a function's cold start with a :class:`~anninh.settings.ConfigError`."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
READERS = {"environ", "environb", "getenv", "getenvb"}
SETTINGS = ROOT / "layers" / "anninh" / "anninh" / "settings.py"


def environment_reads(source: str) -> list[int]:
    """Lines that read the process environment: ``os.environ``, ``os.getenv``, ``from os import environ``."""
    lines: list[int] = []
    for node in ast.walk(ast.parse(source)):
        reads = (
            isinstance(node, ast.Attribute)
            and node.attr in READERS
            and isinstance(node.value, ast.Name)
            and node.value.id == "os"
        )
        imports = isinstance(node, ast.ImportFrom) and node.module == "os"
        imports = imports and bool({a.name for a in node.names} & READERS)
        if reads or imports:
            lines.append(node.lineno)
    return sorted(lines)


def test_the_checker_sees_every_way_of_reading_the_environment() -> None:
    source = (
        '"""os.environ in a docstring is not a read."""\n'
        "import os\n"
        "from os import getenv\n"
        "A = os.environ.get('A')\n"
        "def f(env=None):\n"
        "    return os.environ if env is None else env\n"
        "B = os.getenv('B')\n"
        "C = os.path.join('a', 'b')\n"
    )
    assert environment_reads(source) == [3, 4, 6, 7]


def test_only_settings_reads_the_environment() -> None:
    roots = [ROOT / "layers" / "anninh" / "anninh", ROOT / "functions"]
    found = [
        f"{path.relative_to(ROOT)}:{line}"
        for root in roots
        for path in sorted(root.rglob("*.py"))
        if path != SETTINGS
        for line in environment_reads(path.read_text(encoding="utf-8"))
    ]
    assert not found, "read the environment through anninh.settings instead:\n" + "\n".join(found)


ENV_MAPPINGS = {"env", "environ"}


def _reads_mapping(node: ast.AST) -> bool:
    target = (
        node.value
        if isinstance(node, ast.Subscript)
        else node.func.value
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get"
        else None
    )
    if isinstance(target, ast.Name):
        return target.id in ENV_MAPPINGS
    return (
        isinstance(target, ast.Call) and isinstance(target.func, ast.Name) and target.func.id == "environment"
    )


def environment_value_reads(source: str) -> list[int]:
    """Lines that take a value out of the environment mapping (``env[...]``, ``env.get(...)``,
    ``environment().get(...)``): reading and checking a value belongs in anninh.settings, with its clear
    error; other modules hand the mapping on."""
    return sorted(node.lineno for node in ast.walk(ast.parse(source)) if _reads_mapping(node))


def test_the_checker_sees_a_value_taken_from_the_environment_mapping() -> None:
    source = (
        "def a(env):\n"
        "    raw = env.get('A', '')\n"
        "    return int(raw)\n"
        "def b(response):\n"
        "    return int(response.headers.get('Content-Length'))\n"
        "def c(env):\n"
        "    return float(environment()['C'])\n"
        "def d(env):\n"
        "    return positive_number(env, 'D', 1.0), Settings.from_env(env)\n"
        "LOGGER = environment().get('E')\n"
    )
    assert environment_value_reads(source) == [2, 7, 10]


def test_only_settings_reads_values_of_the_environment() -> None:
    roots = [ROOT / "layers" / "anninh" / "anninh", ROOT / "functions"]
    found = [
        f"{path.relative_to(ROOT)}:{line}"
        for root in roots
        for path in sorted(root.rglob("*.py"))
        if path != SETTINGS
        for line in environment_value_reads(path.read_text(encoding="utf-8"))
    ]
    assert not found, "read the value in anninh/settings.py (a typed setting, a clear error):\n" + "\n".join(
        found
    )
