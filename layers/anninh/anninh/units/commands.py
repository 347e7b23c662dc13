"""`anninh units …`: manage the unit tree (import from YAML, list)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from anninh import texts
from anninh.units.tree import UnitTreeError

if TYPE_CHECKING:  # pragma: no cover
    from anninh.store.units import DynamoUnitRepository


def _repository() -> DynamoUnitRepository:
    """The units table named by UNITS_TABLE (AWS_ENDPOINT_URL points at the local stack's emulator)."""
    import os

    from anninh.settings import require
    from anninh.store.models import UnitModel, bind_model
    from anninh.store.units import DynamoUnitRepository

    bind_model(UnitModel, require(os.environ, "UNITS_TABLE"))
    return DynamoUnitRepository()


def _import(args: argparse.Namespace) -> int:
    from anninh.units.importer import import_units, load_units_file

    path = Path(args.file)
    if not path.is_file():
        print(texts.UNITS_FILE_MISSING.format(path=path), file=sys.stderr)
        return 2
    try:
        if args.dry_run:
            units = load_units_file(path)
            print(texts.UNITS_VALID.format(count=len(units)))
            return 0
        count = import_units(_repository(), path)
    except UnitTreeError as exc:
        print(texts.UNITS_INVALID.format(error=exc), file=sys.stderr)
        return 1
    print(texts.UNITS_IMPORTED.format(count=count))
    return 0


def _list(args: argparse.Namespace) -> int:
    from anninh.units.tree import UnitTree

    tree = UnitTree(_repository().all())
    if args.json:
        rows = [
            {
                "unit_id": u.unit_id,
                "name": u.name,
                "level": u.level,
                "parent_id": u.parent_id,
                "oa_id": u.oa_id,
                "hotline": u.hotline,
            }
            for u in tree
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    roots = [u for u in tree if u.parent_id is None]
    for root in roots:
        print(f"{root.name} [{root.unit_id}] OA {root.oa_id or '-'}")
        for unit in tree.descendants(root.unit_id):
            depth = len(tree.ancestors(unit.unit_id))
            print(f"{'  ' * depth}{unit.name} [{unit.unit_id}] OA {unit.oa_id or '-'}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    units = subparsers.add_parser("units", help=texts.CLI_HELP_UNITS)
    sub = units.add_subparsers(dest="units_command", required=True)
    imp = sub.add_parser("import", help=texts.CLI_HELP_UNITS_IMPORT)
    imp.add_argument("file")
    imp.add_argument("--dry-run", action="store_true", help=texts.CLI_HELP_DRY_RUN)
    imp.set_defaults(func=_import)
    lst = sub.add_parser("list", help=texts.CLI_HELP_UNITS_LIST)
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=_list)
