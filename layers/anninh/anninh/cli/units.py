"""`anninh units …`: the unit tree through the admin API (no table name or region needed), and a province's
skeleton from the official list.

- ``import FILE [--dry-run]``: the YAML file is checked here as a whole tree first, then sent to
  ``PUT /admin/units`` (which checks it again and keeps the OA ids ``anninh oa import`` set when the file
  has none); ``--dry-run`` writes nothing.
- ``list [--json]``: ``GET /admin/units``.
- ``init --province P -o FILE``: see :mod:`anninh.units.province_skeleton`.

Exit codes as every admin command (:mod:`anninh.admin.console`): 2 for a file that is not a valid tree.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from pathlib import Path

from anninh import texts
from anninh.admin.client import AdminClient
from anninh.admin.console import EXIT_INVALID, add_connection_arguments, over_api, print_json
from anninh.units.tree import UnitTreeError


def _import(args: argparse.Namespace, client: AdminClient) -> int:
    from anninh.units.importer import load_units_file

    path = Path(args.file)
    if not path.is_file():
        print(texts.UNITS_FILE_MISSING.format(path=path), file=sys.stderr)
        return EXIT_INVALID
    try:
        units = load_units_file(path)
    except UnitTreeError as exc:
        print(texts.UNITS_INVALID.format(error=exc), file=sys.stderr)
        return EXIT_INVALID
    # The checked units, not the raw YAML: every value is already text (YAML dates and times are not JSON).
    rows = [{k: v for k, v in asdict(u).items() if v not in (None, [], ())} for u in units]
    answer = client.request("PUT", "/admin/units", body={"units": rows, "dry_run": args.dry_run})
    if args.json:
        print_json(answer)
    elif args.dry_run:
        print(texts.UNITS_VALID.format(count=len(units)))
    else:
        print(texts.UNITS_CLI_IMPORTED_API.format(count=answer["units"], kept=answer["oa_ids_kept"]))
    return 0


def _list(args: argparse.Namespace, client: AdminClient) -> int:
    units = client.units()  # roots first, each followed by its descendants
    if args.json:
        print_json(units)
        return 0
    by_id = {u["unit_id"]: u for u in units}
    for unit in units:
        depth, parent = 0, unit.get("parent_id")
        while parent in by_id and depth < 10:
            depth, parent = depth + 1, by_id[parent].get("parent_id")
        print(f"{'  ' * depth}{unit['name']} [{unit['unit_id']}] OA {unit.get('oa_id') or '-'}")
    return 0


def _init(args: argparse.Namespace) -> int:
    import yaml

    output = Path(args.output)
    if output.exists() and not args.force:
        print(texts.UNITS_CLI_INIT_EXISTS.format(path=output), file=sys.stderr)
        return EXIT_INVALID
    try:
        from anninh.units.province_skeleton import (
            ProvinceNotFound,
            find_province,
            police_name,
            province_skeleton,
        )
    except ModuleNotFoundError:
        print(texts.UNITS_CLI_INIT_NO_PACKAGE, file=sys.stderr)
        return EXIT_INVALID
    try:
        province = find_province(args.province)
        units = province_skeleton(province)
    except ModuleNotFoundError:
        print(texts.UNITS_CLI_INIT_NO_PACKAGE, file=sys.stderr)
        return EXIT_INVALID
    except ProvinceNotFound as missing:
        message = texts.UNITS_CLI_INIT_AMBIGUOUS if missing.ambiguous else texts.UNITS_CLI_INIT_UNKNOWN
        known = ", ".join(missing.candidates)
        print(message.format(province=args.province, known=known, matches=known), file=sys.stderr)
        return EXIT_INVALID
    header = texts.UNITS_INIT_HEADER.format(unit=police_name(province.name), count=len(units) - 1)
    body = yaml.safe_dump(
        {"units": [u.as_yaml() for u in units]}, allow_unicode=True, sort_keys=False, width=120
    )
    output.write_text(header + body, encoding="utf-8")
    print(texts.UNITS_CLI_INIT_WRITTEN.format(count=len(units), unit=police_name(province.name), path=output))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    units = subparsers.add_parser("units", help=texts.CLI_HELP_UNITS)
    sub = units.add_subparsers(dest="units_command", required=True)
    imp = sub.add_parser("import", help=texts.CLI_HELP_UNITS_IMPORT)
    imp.add_argument("file")
    imp.add_argument("--dry-run", action="store_true", help=texts.CLI_HELP_DRY_RUN)
    add_connection_arguments(imp)
    imp.set_defaults(func=over_api(_import))
    lst = sub.add_parser("list", help=texts.CLI_HELP_UNITS_LIST)
    add_connection_arguments(lst)
    lst.set_defaults(func=over_api(_list))
    init = sub.add_parser("init", help=texts.CLI_HELP_UNITS_INIT)
    init.add_argument("--province", required=True, help=texts.CLI_HELP_UNITS_PROVINCE)
    init.add_argument("-o", "--output", required=True, metavar="FILE", help=texts.CLI_HELP_UNITS_OUTPUT)
    init.add_argument("--force", action="store_true", help=texts.CLI_HELP_UNITS_FORCE)
    init.set_defaults(func=_init)
