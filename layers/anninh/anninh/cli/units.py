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
    register_merge_commands(sub)


# ------------------------------------------------------------ units merged or renamed (anninh.mergers.merger)
# `anninh units merge` and `anninh units rename`: POST /admin/units/merge and /admin/units/{id}/rename.
# `--suggest` reads the 2025 conversion table on this machine (anninh.units.merge_suggestions, GPL package).


SHOWN_ITEMS = 30  # per part in the dry run's printout (--json has them all)


def _merge_parts(text: str | None) -> list[str] | None:
    return [p.strip() for p in text.split(",") if p.strip()] if text else None


def _print_merge(answer: dict[str, object], names: dict[str, str]) -> None:
    from anninh.mergers.merger import summary

    counts = dict(answer["counts"])  # type: ignore[call-overload]
    labels = texts.UNIT_MERGE_PART_LABELS
    if answer["dry_run"]:
        print(
            texts.UNITS_CLI_MERGE_PLAN.format(
                from_name=names.get(str(answer["from_unit"]), ""),
                from_id=answer["from_unit"],
                into_name=names.get(str(answer["into_unit"]), ""),
                into_id=answer["into_unit"],
            )
        )
        items = dict(answer.get("items") or {})  # type: ignore[call-overload]
        for part in answer["parts"]:  # type: ignore[attr-defined]
            label = labels.get(part, part)
            print(texts.UNITS_CLI_MERGE_PLAN_LINE.format(label=label, count=counts.get(part, 0)))
            listed = items.get(part) or []
            if listed:
                more = f" … (+{len(listed) - SHOWN_ITEMS})" if len(listed) > SHOWN_ITEMS else ""
                print(f"    {', '.join(listed[:SHOWN_ITEMS])}{more}")
        print(texts.UNITS_CLI_MERGE_STEPS.format(steps=", ".join(answer["steps"])))  # type: ignore[arg-type]
        return
    print(
        texts.UNITS_CLI_MERGE_DONE.format(
            from_id=answer["from_unit"], into_id=answer["into_unit"], moved=summary(counts)
        )
    )


def _merge(args: argparse.Namespace, client: AdminClient) -> int:
    from anninh.admin.client import AdminClientError

    if args.suggest:
        return _suggest(args, client)
    if not args.from_unit or (not args.into_unit and not args.resume):
        print(texts.UNITS_CLI_MERGE_NEEDS, file=sys.stderr)
        return EXIT_INVALID
    body: dict[str, object] = {
        "from_unit": args.from_unit,
        "into_unit": args.into_unit or args.from_unit,
        "dry_run": args.dry_run,
        "resume": args.resume,
    }
    if args.move:
        body["parts"] = _merge_parts(args.move)
    try:
        answer = client.request("POST", "/admin/units/merge", body=body)
        # A large unit takes several calls (each within the function's time limit): go on until complete.
        while not answer["dry_run"] and not answer["complete"]:
            answer = client.request(
                "POST", "/admin/units/merge", body={**body, "into_unit": answer["into_unit"], "resume": True}
            )
    except AdminClientError as exc:
        if exc.status == 503:
            print(texts.UNITS_CLI_MERGE_STOPPED.format(error=exc), file=sys.stderr)
        raise
    if args.json:
        print_json(answer)
        return 0
    _print_merge(answer, {u["unit_id"]: u["name"] for u in client.units()})
    return 0


def _suggest(args: argparse.Namespace, client: AdminClient) -> int:
    try:
        from anninh.units.merge_suggestions import Divisions, suggest
    except ModuleNotFoundError:
        print(texts.UNITS_CLI_INIT_NO_PACKAGE, file=sys.stderr)
        return EXIT_INVALID
    try:
        divisions = Divisions()
    except ModuleNotFoundError:
        print(texts.UNITS_CLI_INIT_NO_PACKAGE, file=sys.stderr)
        return EXIT_INVALID
    found = suggest(client.units(), divisions)
    if args.json:
        print_json([asdict(s) for s in found])
        return 0
    if not found:
        print(texts.UNITS_CLI_SUGGEST_NONE)
        return 0
    print(texts.UNITS_CLI_SUGGEST_HEADER)
    for s in found:
        if s.into_id is None:
            print(
                texts.UNITS_CLI_SUGGEST_NO_TARGET.format(
                    from_name=s.from_name, from_id=s.from_id, new_name=s.new_name
                )
            )
            continue
        note = texts.UNITS_CLI_SUGGEST_PARTLY if s.partly else ""
        print(
            texts.UNITS_CLI_SUGGEST_LINE.format(
                from_id=s.from_id, into_id=s.into_id, from_name=s.from_name, new_name=s.new_name, note=note
            )
        )
    return 0


def _rename(args: argparse.Namespace, client: AdminClient) -> int:
    from urllib.parse import quote

    body: dict[str, object] = {"name": args.name}
    if args.code:
        body["code"] = args.code
    answer = client.request("POST", f"/admin/units/{quote(args.unit, safe='')}/rename", body=body)
    if args.json:
        print_json(answer)
    else:
        print(texts.UNITS_CLI_RENAMED.format(unit_id=answer["unit_id"], detail=answer["history"]))
    return 0


def register_merge_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    merge = sub.add_parser("merge", help=texts.CLI_HELP_UNITS_MERGE)
    merge.add_argument("--from", dest="from_unit", metavar="A", help=texts.CLI_HELP_UNITS_MERGE_FROM)
    merge.add_argument("--into", dest="into_unit", metavar="B", help=texts.CLI_HELP_UNITS_MERGE_INTO)
    merge.add_argument("--move", metavar="PARTS", help=texts.CLI_HELP_UNITS_MERGE_MOVE)
    merge.add_argument("--dry-run", action="store_true", help=texts.CLI_HELP_DRY_RUN)
    merge.add_argument("--resume", action="store_true", help=texts.CLI_HELP_UNITS_MERGE_RESUME)
    merge.add_argument("--suggest", action="store_true", help=texts.CLI_HELP_UNITS_MERGE_SUGGEST)
    add_connection_arguments(merge)
    merge.set_defaults(func=over_api(_merge))
    rename = sub.add_parser("rename", help=texts.CLI_HELP_UNITS_RENAME)
    rename.add_argument("--unit", required=True, help=texts.CLI_HELP_UNITS_RENAME_UNIT)
    rename.add_argument("--name", required=True, help=texts.CLI_HELP_UNITS_RENAME_NAME)
    rename.add_argument("--code", help=texts.CLI_HELP_UNITS_RENAME_CODE)
    add_connection_arguments(rename)
    rename.set_defaults(func=over_api(_rename))
