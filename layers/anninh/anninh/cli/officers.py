"""`anninh officers list|set|remove|import` — the officer registry, through the admin API."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from anninh import texts
from anninh.admin.client import AdminClient, AdminClientError
from anninh.admin.console import EXIT_INVALID, add_connection_arguments, exit_code, over_api, print_json
from anninh.officers.model import ROLE_TITLES, Officer, OfficerError
from anninh.officers.registry import format_shift, parse_shift
from anninh.officers.roles import ALERT_MODES, ROLES
from anninh.units.model import Unit


def _shift_text(shift: dict[str, Any]) -> str:
    from anninh.officers.model import Shift

    return format_shift(Shift(days=tuple(shift["days"]), start=shift["start"], end=shift["end"]))


def _print_officers(unit_id: str, officers: list[dict[str, Any]]) -> None:
    if not officers:
        print(texts.ADMIN_CLI_NO_OFFICERS.format(unit_id=unit_id))
        return
    print(texts.ADMIN_CLI_OFFICERS_HEADER.format(unit_id=unit_id, count=len(officers)))
    for officer in officers:
        shifts = ", ".join(_shift_text(s) for s in officer["shifts"]) or texts.ADMIN_CLI_NO_SHIFTS
        print(
            texts.ADMIN_CLI_OFFICER_LINE.format(
                user_id=officer["user_id"],
                name=officer["name"],
                role=ROLE_TITLES.get(officer["role"], officer["role"]),
                inactive="" if officer["active"] else texts.ADMIN_CLI_OFFICER_INACTIVE,
                shifts=shifts,
                alerts=texts.OFFICER_ALERT_MODES.get(officer.get("alerts", "immediate"), ""),
            )
        )


def _list(args: argparse.Namespace, client: AdminClient) -> int:
    officers = client.officers(args.unit)
    if args.json:
        print_json(officers)
    else:
        _print_officers(args.unit, officers)
    return 0


def _shift_arg(text: str) -> dict[str, Any]:
    try:
        shift = parse_shift(text)
    except OfficerError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc
    return {"days": list(shift.days), "start": shift.start, "end": shift.end}


def _set(args: argparse.Namespace, client: AdminClient) -> int:
    body = {
        "name": args.name,
        "role": args.role,
        "active": not args.inactive,
        "shifts": args.shift or [],
        "alerts": args.alerts,
    }
    saved = client.put_officer(args.unit, args.user_id, body)
    if args.json:
        print_json(saved)
    else:
        print(texts.ADMIN_CLI_OFFICER_SAVED.format(**saved))
    return 0


def _remove(args: argparse.Namespace, client: AdminClient) -> int:
    removed = client.remove_officer(args.unit, args.user_id)
    if args.json:
        print_json(removed)
    else:
        print(texts.ADMIN_CLI_OFFICER_REMOVED.format(**removed))
    return 0


class ApiOfficerWriter:
    """Saves officers through PUT /admin/officers/{unit_id}/{user_id}; counts what was saved."""

    def __init__(self, client: AdminClient) -> None:
        self.client = client
        self.saved: list[Officer] = []

    def save(self, officer: Officer) -> None:
        self.client.put_officer(
            officer.unit_id,
            officer.user_id,
            {
                "name": officer.name,
                "role": officer.role,
                "active": officer.active,
                "shifts": [{"days": list(s.days), "start": s.start, "end": s.end} for s in officer.shifts],
                "alerts": officer.alerts,
            },
        )
        self.saved.append(officer)


def _import(args: argparse.Namespace, client: AdminClient) -> int:
    from anninh.officers.importer import import_officers, load_officers_file

    path = Path(args.file)
    if not path.is_file():
        print(texts.ADMIN_CLI_FILE_MISSING.format(path=path), file=sys.stderr)
        return EXIT_INVALID
    units = [
        Unit(
            unit_id=u["unit_id"], name=u["name"], level=u["level"], parent_id=u["parent_id"], oa_id=u["oa_id"]
        )
        for u in client.units()
    ]
    try:
        if args.dry_run:
            count = len(load_officers_file(path, units))
            print(texts.ADMIN_CLI_IMPORT_VALID.format(count=count))
            return 0
        writer = ApiOfficerWriter(client)
        try:
            count = import_officers(writer, units, path)
        except AdminClientError as error:
            officers = load_officers_file(path, units)
            failed = officers[len(writer.saved)]
            print(
                texts.ADMIN_CLI_IMPORT_PARTIAL.format(
                    done=len(writer.saved),
                    count=len(officers),
                    user_id=failed.user_id,
                    unit_id=failed.unit_id,
                    error=error.message,
                ),
                file=sys.stderr,
            )
            return exit_code(error)
    except OfficerError as exc:
        print(texts.ADMIN_CLI_IMPORT_INVALID.format(error=exc), file=sys.stderr)
        return EXIT_INVALID
    print(texts.ADMIN_CLI_IMPORT_DONE.format(count=count))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    officers = subparsers.add_parser("officers", help=texts.CLI_HELP_OFFICERS)
    sub = officers.add_subparsers(dest="officers_command", required=True)

    lst = sub.add_parser("list", help=texts.CLI_HELP_OFFICERS_LIST)
    lst.add_argument("--unit", required=True, metavar="UNIT")
    add_connection_arguments(lst)
    lst.set_defaults(func=over_api(_list))

    put = sub.add_parser("set", help=texts.CLI_HELP_OFFICERS_SET)
    put.add_argument("unit", metavar="UNIT")
    put.add_argument("user_id", metavar="USER_ID", help=texts.CLI_HELP_OFFICER_USER_ID)
    put.add_argument("--name", required=True)
    put.add_argument("--role", required=True, choices=ROLES)
    put.add_argument(
        "--shift",
        action="append",
        type=_shift_arg,
        metavar=texts.CLI_METAVAR_SHIFT,
        help=texts.CLI_HELP_OFFICER_SHIFT,
    )
    put.add_argument(
        "--alerts",
        choices=ALERT_MODES,
        default="immediate",
        help=texts.CLI_HELP_OFFICER_ALERTS,
    )
    put.add_argument("--inactive", action="store_true", help=texts.CLI_HELP_OFFICER_INACTIVE)
    add_connection_arguments(put)
    put.set_defaults(func=over_api(_set))

    rm = sub.add_parser("remove", help=texts.CLI_HELP_OFFICERS_REMOVE)
    rm.add_argument("unit", metavar="UNIT")
    rm.add_argument("user_id", metavar="USER_ID")
    add_connection_arguments(rm)
    rm.set_defaults(func=over_api(_remove))

    imp = sub.add_parser("import", help=texts.CLI_HELP_OFFICERS_IMPORT)
    imp.add_argument("file")
    imp.add_argument("--dry-run", action="store_true", help=texts.CLI_HELP_DRY_RUN)
    add_connection_arguments(imp)
    imp.set_defaults(func=over_api(_import))
