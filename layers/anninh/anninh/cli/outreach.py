"""`anninh flyer`: print a QR flyer for a unit (or one per unit of a subtree) as PNG or PDF."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from anninh import texts
from anninh.units.model import Unit
from anninh.units.tree import UnitTree, UnitTreeError


def _units_from_api(args: argparse.Namespace) -> list[Unit]:
    from anninh.admin.client import AdminClient

    rows: list[dict[str, Any]] = AdminClient.from_env(args.api_url).units()
    return [
        Unit(
            unit_id=row["unit_id"],
            name=row["name"],
            level=row["level"],
            parent_id=row.get("parent_id"),
            oa_id=row.get("oa_id"),
            hotline=row.get("hotline"),
        )
        for row in rows
    ]


def _units(args: argparse.Namespace) -> UnitTree:
    if args.units_file:
        from anninh.units.importer import load_units_file

        return UnitTree(load_units_file(Path(args.units_file)))
    return UnitTree(_units_from_api(args))


def _hotline(tree: UnitTree, unit: Unit) -> str | None:
    for candidate in [unit, *tree.ancestors(unit.unit_id)]:
        if candidate.hotline:
            return candidate.hotline
    return None


def _flyer(args: argparse.Namespace) -> int:
    from anninh.admin.client import AdminClientError
    from anninh.outreach.flyer import FlyerError, content_for, render

    try:
        tree = _units(args)
    except (AdminClientError, UnitTreeError) as exc:
        print(texts.FLYER_UNITS_UNAVAILABLE.format(error=getattr(exc, "message", exc)), file=sys.stderr)
        return 2
    unit = tree.get(args.unit)
    if unit is None:
        print(texts.FLYER_UNKNOWN_UNIT.format(unit_id=args.unit), file=sys.stderr)
        return 2
    output = Path(args.output)
    try:
        if not args.all:
            render(content_for(unit, _hotline(tree, unit)), output, args.size)
            print(texts.FLYER_WRITTEN.format(path=output))
            return 0
        suffix = output.suffix.lower() if output.suffix else ".pdf"
        directory = output.parent if output.suffix else output
        directory.mkdir(parents=True, exist_ok=True)
        written = skipped = 0
        for each in [unit, *tree.descendants(unit.unit_id)]:
            if not each.oa_id:
                print(texts.FLYER_SKIPPED_NO_OA.format(unit_id=each.unit_id), file=sys.stderr)
                skipped += 1
                continue
            path = directory / f"{each.unit_id}{suffix}"
            render(content_for(each, _hotline(tree, each)), path, args.size)
            written += 1
        print(texts.FLYER_WRITTEN_MANY.format(count=written, skipped=skipped, directory=directory))
        return 0
    except FlyerError as exc:
        print(str(exc), file=sys.stderr)
        return 2


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    flyer = subparsers.add_parser("flyer", help=texts.CLI_HELP_FLYER)
    flyer.add_argument("--unit", required=True, help=texts.CLI_HELP_FLYER_UNIT)
    flyer.add_argument("-o", "--output", required=True, help=texts.CLI_HELP_FLYER_OUTPUT)
    flyer.add_argument("--size", default="A5", choices=["A5", "A4"], help=texts.CLI_HELP_FLYER_SIZE)
    flyer.add_argument("--all", action="store_true", help=texts.CLI_HELP_FLYER_ALL)
    flyer.add_argument("--units-file", metavar="YAML", help=texts.CLI_HELP_FLYER_UNITS_FILE)
    flyer.add_argument("--api-url", help=argparse.SUPPRESS)
    flyer.set_defaults(func=_flyer)
