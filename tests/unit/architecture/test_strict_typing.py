"""Every part of the layer is type-checked strictly: a new package must join mypy's strict overrides.

pyproject.toml lists the strict flags per package (``strict = true`` in an override would leak to every
module mypy checks); this test fails when a top-level package or module of ``anninh`` is not listed, so a
new one cannot slip in unchecked.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
LAYER = ROOT / "layers" / "anninh" / "anninh"
STRICT_FLAGS = {"disallow_untyped_defs", "disallow_any_generics", "warn_return_any", "strict_equality"}


def strict_patterns() -> set[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    found: set[str] = set()
    for override in config["tool"]["mypy"].get("overrides", []):
        if all(override.get(flag) is True for flag in STRICT_FLAGS):
            modules = override["module"]
            found.update([modules] if isinstance(modules, str) else modules)
    return found


def layer_parts() -> set[str]:
    packages = {f"anninh.{p.name}.*" for p in LAYER.iterdir() if (p / "__init__.py").exists()}
    modules = {f"anninh.{p.stem}" for p in LAYER.glob("*.py") if p.stem != "__init__"}
    return packages | modules | {"anninh"}


def test_every_package_and_module_of_the_layer_is_checked_strictly() -> None:
    missing = sorted(layer_parts() - strict_patterns())
    assert not missing, f"not in a strict mypy override of pyproject.toml: {', '.join(missing)}"


def test_the_parts_are_found() -> None:
    parts = layer_parts()
    assert {"anninh.tips.*", "anninh.store.*", "anninh.settings"} <= parts
    assert "anninh.tips.*" in strict_patterns()
