"""The layer's annotations say what they hold: ``Any`` only where the type is truly open.

Counts every ``Any`` (``Any`` or ``typing.Any``) written in an annotation of ``layers/anninh/anninh`` —
parameters, returns, annotated assignments and class fields, quoted annotations too — and in type aliases
(``X = dict[str, Any]`` at module level, ``X: TypeAlias = …``, ``type X = …``), so that moving an ``Any``
into an alias does not hide it. The count may only go down: lower BUDGET when you remove some.
Free JSON is ``Mapping[str, object]``, Zalo payloads of a documented shape a TypedDict, ports a Protocol.
"""

from __future__ import annotations

import ast
import contextlib
from collections import Counter
from pathlib import Path

LAYER = Path(__file__).resolve().parents[3] / "layers" / "anninh" / "anninh"

BUDGET = 134


def _any_in(node: ast.AST) -> int:
    found = 0
    for sub in ast.walk(node):
        named = sub.id if isinstance(sub, ast.Name) else sub.attr if isinstance(sub, ast.Attribute) else None
        if named == "Any":
            found += 1
        elif isinstance(sub, ast.Constant) and isinstance(sub.value, str):
            with contextlib.suppress(SyntaxError):  # a quoted annotation: "dict[str, Any]"
                found += _any_in(ast.parse(sub.value, mode="eval"))
    return found


def _is_alias_value(node: ast.expr) -> bool:
    """A module-level value that is a type: a subscripted generic or a union of types."""
    return isinstance(node, ast.Subscript) or (isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr))


def count_any(source: str) -> int:
    tree = ast.parse(source)
    found = 0
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            arguments = node.args
            every = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
            every += [a for a in (arguments.vararg, arguments.kwarg) if a is not None]
            found += sum(_any_in(a.annotation) for a in every if a.annotation is not None)
            if node.returns is not None:
                found += _any_in(node.returns)
        elif isinstance(node, ast.AnnAssign):
            found += _any_in(node.annotation)
            alias = isinstance(node.annotation, ast.Name | ast.Attribute) and _any_in(node.annotation) == 0
            if alias and "TypeAlias" in ast.unparse(node.annotation) and node.value is not None:
                found += _any_in(node.value)
        elif isinstance(node, ast.TypeAlias):
            found += _any_in(node.value)
    for statement in tree.body:  # module-level aliases: X = dict[str, Any]
        if isinstance(statement, ast.Assign) and _is_alias_value(statement.value):
            found += _any_in(statement.value)
    return found


def count_layer() -> Counter[str]:
    return Counter(
        {
            str(path.relative_to(LAYER)): count_any(path.read_text(encoding="utf-8"))
            for path in LAYER.rglob("*.py")
        }
    )


def test_the_counter_sees_every_place_an_annotation_can_hold_any() -> None:
    source = """
from typing import Any, TypeAlias
import typing
Payload = dict[str, Any]
Alias: TypeAlias = list[typing.Any]
type Other = Any | None
def f(a: Any, *args: Any, b: "Mapping[str, Any]" = {}, **kw: typing.Any) -> list[Any]:
    x: Any = 1
    return [cast(Any, x)]
class C:
    field: dict[str, Any]
    def m(self, value: object) -> object: ...
"""
    assert count_any(source) == 10
    assert count_any("def g(x: object) -> Mapping[str, object]: ...\nAnyThing = 1\n") == 0


def test_the_layer_stays_within_its_any_budget() -> None:
    per_file = count_layer()
    total = sum(per_file.values())
    worst = ", ".join(f"{name} {n}" for name, n in per_file.most_common(8) if n)
    print(f"Any in the layer's annotations: {total} (budget {BUDGET}); most in: {worst}")
    assert total <= BUDGET, f"{total} Any in annotations, over the budget of {BUDGET} (most in: {worst})"
