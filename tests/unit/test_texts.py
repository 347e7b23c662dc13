"""The texts by audience (anninh.texts): labels keyed by the domain's identifiers, every placeholder filled
where a text is formatted, every text used by the product.

Reads the product's source with ``ast``: a call ``texts.NAME.format(...)`` (or on ``texts.NAME[key]``, on
``A if … else B``, or on a local name bound to one of those) must pass exactly the text's fields. A call that
spreads a mapping the code cannot show (``**answer`` from the admin API) is listed in SPREAD_FROM_ANSWERS.
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path
from typing import get_args

import pytest
from anninh import texts
from anninh.broadcasts import identifiers as broadcast_ids
from anninh.officers import roles
from anninh.texts import admin, citizen, local, officer
from anninh.tips import identifiers as tip_ids

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "layers" / "anninh" / "anninh"
AUDIENCES = {"citizen": citizen, "officer": officer, "admin": admin, "local": local}
NAMES = set(texts.__all__)
# Formatted with a mapping whose keys come from an admin API answer (the response model fixes them).
SPREAD_FROM_ANSWERS = {
    "ADMIN_CLI_OFFICER_SAVED",
    "ADMIN_CLI_OFFICER_REMOVED",
    "ADMIN_CLI_BROADCAST_CREATED",
    "ADMIN_CLI_BROADCAST_LINE",
    "ADMIN_CLI_BROADCAST_CHANNELS",
    "ZALO_QUOTA_LINE",
    "ADMIN_CLI_BROADCAST_PROGRESS",
}
# Braces shown as they are (argparse help, not a template).
NOT_TEMPLATES = {"CLI_HELP_FAQ_EVAL_FILE"}


def product_sources() -> list[Path]:
    folders = (PACKAGE, ROOT / "functions", ROOT / "infra")
    return sorted(p for f in folders for p in f.rglob("*.py") if PACKAGE / "texts" not in p.parents)


def fields(template: str) -> tuple[set[str], int]:
    """The named fields (their root: ``{a.b}`` is ``a``) and the count of positional ones."""
    named, positional = set(), 0
    for _, field, _, _ in string.Formatter().parse(template):
        if field is None:
            continue
        root = re.match(r"[^.\[]*", field)
        name = root.group(0) if root else ""
        if name == "" or name.isdigit():
            positional += 1
        else:
            named.add(name)
    return named, positional


def templates(name: str) -> list[str]:
    value = getattr(texts, name)
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [v for v in value.values() if isinstance(v, str)]
    return []


def is_template(name: str) -> bool:
    return name not in NOT_TEMPLATES and any(fields(t) != (set(), 0) for t in templates(name))


def text_reference(node: ast.AST) -> str | None:
    """NAME for ``texts.NAME``, ``texts.<audience>.NAME`` or ``<audience>.NAME``."""
    if isinstance(node, ast.Attribute) and node.attr in NAMES:
        owner = node.value
        if isinstance(owner, ast.Name) and owner.id in {"texts", *AUDIENCES}:
            return node.attr
        if isinstance(owner, ast.Attribute) and owner.attr in AUDIENCES:
            return node.attr
    return None


class Module:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.tree = ast.parse(path.read_text(encoding="utf-8"))
        self.parents = {child: node for node in ast.walk(self.tree) for child in ast.iter_child_nodes(node)}
        self.imported = {
            alias.asname or alias.name
            for node in ast.walk(self.tree)
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("anninh.texts")
            for alias in node.names
            if alias.name in NAMES
        }

    def scope(self, node: ast.AST) -> ast.AST:
        while node in self.parents and not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            node = self.parents[node]
        return node

    def bound(self, name: str, scope: ast.AST) -> list[ast.expr]:
        return [
            node.value
            for node in ast.walk(scope)
            if isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == name for t in node.targets)
        ]

    def texts_of(self, node: ast.AST, scope: ast.AST, depth: int = 0) -> list[str]:
        """The texts an expression can be: a reference, a subscript of one, either side of ``if``/``else``,
        or a local name bound to those."""
        if depth > 3:
            return []
        if isinstance(node, ast.Subscript):
            node = node.value
        direct = text_reference(node)
        if direct:
            return [direct]
        if isinstance(node, ast.Name) and node.id in self.imported:
            return [node.id]
        if isinstance(node, ast.IfExp):
            return self.texts_of(node.body, scope, depth + 1) + self.texts_of(node.orelse, scope, depth + 1)
        if isinstance(node, ast.Name):
            return [t for value in self.bound(node.id, scope) for t in self.texts_of(value, scope, depth + 1)]
        return []

    def spread_keys(self, value: ast.expr, scope: ast.AST) -> set[str] | None:
        """The keys of ``**value`` when the code shows them (a dict literal, or a name bound to one)."""
        candidates = [value] if isinstance(value, ast.Dict) else []
        if isinstance(value, ast.Name):
            candidates = [v for v in self.bound(value.id, scope) if isinstance(v, ast.Dict)]
        if len(candidates) != 1 or any(k is None for k in candidates[0].keys):
            return None
        return {k.value for k in candidates[0].keys if isinstance(k, ast.Constant)}


def format_calls() -> list[tuple[str, Path, int, set[str] | None, set[str], int, list[str]]]:
    """(text, file, line, keywords or None when not knowable, keywords spread from a literal, positionals,
    every text the call may format: "A if … else B" passes what either needs)."""
    calls = []
    for path in product_sources():
        module = Module(path)
        for node in ast.walk(module.tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if node.func.attr != "format":
                continue
            scope = module.scope(node)
            alternatives = module.texts_of(node.func.value, scope)
            for name in alternatives:
                given: set[str] | None = {k.arg for k in node.keywords if k.arg}
                spread: set[str] = set()
                for keyword in node.keywords:
                    if keyword.arg is None:
                        keys = module.spread_keys(keyword.value, scope)
                        if keys is None:
                            given = None
                            break
                        spread |= keys
                calls.append((name, path, node.lineno, given, spread, len(node.args), alternatives))
    return calls


CALLS = format_calls()


def test_the_audiences_share_no_name_and_anninh_texts_gives_every_text() -> None:
    seen: dict[str, str] = {}
    for audience, module in AUDIENCES.items():
        for name in module.__all__:
            assert name not in seen, f"{name} is in both {seen.get(name)} and {audience}"
            seen[name] = audience
            assert getattr(texts, name) is getattr(module, name)
        tree = ast.parse(Path(module.__file__ or "").read_text(encoding="utf-8"))
        defined = {
            target.id
            for node in tree.body
            if isinstance(node, ast.Assign | ast.AnnAssign)
            for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
            if isinstance(target, ast.Name) and target.id.isupper()
        }
        assert defined == set(module.__all__), f"anninh.texts.{audience}: __all__ differs from its texts"
    assert set(seen) == NAMES


@pytest.mark.parametrize(
    ("labels", "identifiers"),
    [
        (texts.TIP_CATEGORY_LABELS, tip_ids.Category),
        (texts.TIP_PRIVACY_LABELS, tip_ids.Privacy),
        (texts.TIP_STATUS_LABELS, tip_ids.Status),
        (texts.OFFICER_ROLE_TITLES, roles.Role),
        (texts.OFFICER_ALERT_MODES, roles.AlertMode),
        (texts.BROADCAST_STATUS_LABELS, broadcast_ids.Status),
        (texts.BROADCAST_ACTION_LABELS, broadcast_ids.Action),
        (texts.BROADCAST_AUDIENCE_LABELS, broadcast_ids.Audience),
        (texts.BROADCAST_REASON_LABELS, broadcast_ids.Reason),
        (texts.CLI_HELP_BROADCAST_ACTIONS, broadcast_ids.Action),
    ],
)
def test_labels_are_keyed_by_the_domain_identifiers_in_their_order(
    labels: dict[str, str], identifiers
) -> None:
    assert tuple(labels) == get_args(identifiers)  # the order is the order of menus and listings


def test_every_placeholder_is_filled_where_the_text_is_formatted() -> None:
    assert len(CALLS) > 250  # the scan finds the call sites (about 300 when this was written)
    wrong = []
    for name, path, line, given, spread, positional, alternatives in CALLS:
        if given is None:
            assert name in SPREAD_FROM_ANSWERS, f"{path}:{line}: {name} formatted with unknowable keys"
            continue
        for template in templates(name):
            needed, needed_positional = fields(template)
            anyone = {f for other in alternatives for t in templates(other) for f in fields(t)[0]}
            missing, extra = needed - given - spread, given - anyone  # a spread mapping may hold more
            if missing or extra or positional != needed_positional:
                where = f"{path.relative_to(ROOT)}:{line}"
                wrong.append(f"{where} {name}: missing {sorted(missing)}, extra {sorted(extra)}")
    assert wrong == []


def test_every_template_is_formatted_somewhere() -> None:
    formatted = {call[0] for call in CALLS}
    never = sorted(n for n in NAMES if is_template(n) and n not in formatted)
    assert never == []


def test_every_text_is_used_outside_the_texts() -> None:
    used: set[str] = set()
    for path in product_sources():
        module = Module(path)
        used |= module.imported
        used |= {name for node in ast.walk(module.tree) if (name := text_reference(node))}
    for page in (ROOT / "infra").rglob("*.html"):  # the local chat page: $NAME / $js_NAME
        used |= {
            m.group(2) for m in re.finditer(r"\$(js_)?([A-Z][A-Z0-9_]+)", page.read_text(encoding="utf-8"))
        }
    for module in AUDIENCES.values():  # a text built from another ("A + B")
        tree = ast.parse(Path(module.__file__ or "").read_text(encoding="utf-8"))
        used |= {
            n.id
            for node in tree.body
            if isinstance(node, ast.Assign)
            for n in ast.walk(node.value)
            if isinstance(n, ast.Name)
        }
    assert sorted(NAMES - used) == []
