"""`anninh oa …`: onboard the province's OAs and watch them, through the admin API.

- ``status [--unit U] [--json]``: one line (or JSON object) per OA unit with ``healthy`` and its reason;
  exit 0 when every listed OA is healthy, 1 otherwise (scripts and cron can alert on it).
- ``import FILE.csv [--dry-run]``: columns ``oa_id, unit_id, oa_secret_key``; the API checks every row
  against the unit tree before writing anything. Keys are sent to the API only, never printed.
- ``connect --unit U``: prints the Zalo consent URL for the unit's OA (valid 10 minutes, once).
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path
from typing import Any

from anninh import texts
from anninh.admin.client import AdminClient
from anninh.admin.console import EXIT_FAILED, EXIT_INVALID, add_connection_arguments, over_api, print_json
from anninh.oa.secrets_import import COLUMNS


def _status(args: argparse.Namespace, client: AdminClient) -> int:
    params = {"unit_id": args.unit} if args.unit else None
    oas: list[dict[str, Any]] = list(client.request("GET", "/admin/oa", params=params)["oas"])
    if args.json:
        print_json(oas)
    else:
        for oa in oas:
            mark = texts.OA_CLI_HEALTHY if oa["healthy"] else texts.OA_CLI_UNHEALTHY
            print(f"{mark:5} {oa['unit_id']:<28} OA {oa['oa_id']:<20} {oa['reason']}: {oa['detail']}")
        healthy = sum(1 for oa in oas if oa["healthy"])
        print(texts.OA_CLI_SUMMARY.format(healthy=healthy, total=len(oas)))
    return 0 if all(oa["healthy"] for oa in oas) else EXIT_FAILED


def read_rows(path: Path) -> list[dict[str, Any]]:
    """The CSV's rows as the API takes them; ValueError when the header is not exactly COLUMNS."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        header = [h.strip() for h in (reader.fieldnames or [])]
        if sorted(header) != sorted(COLUMNS):
            raise ValueError(texts.OA_CLI_BAD_CSV.format(columns=", ".join(COLUMNS)))
        rows = []
        for record in reader:
            cleaned = {str(k).strip(): (v or "").strip() for k, v in record.items() if k is not None}
            if not any(cleaned.values()):
                continue  # a blank line
            rows.append({"row": reader.line_num, **{c: cleaned.get(c, "") for c in COLUMNS}})
        return rows


def _import(args: argparse.Namespace, client: AdminClient) -> int:
    path = Path(args.file)
    if not path.is_file():
        print(texts.OA_CLI_FILE_MISSING.format(path=path), file=sys.stderr)
        return EXIT_INVALID
    try:
        rows = read_rows(path)
    except (UnicodeDecodeError, csv.Error):
        print(texts.OA_CLI_BAD_CSV.format(columns=", ".join(COLUMNS)), file=sys.stderr)
        return EXIT_INVALID
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_INVALID
    result = client.request("POST", "/admin/oa/import", body={"rows": rows, "dry_run": args.dry_run})
    if args.json:
        print_json(result)
    elif args.dry_run:
        print(texts.OA_CLI_DRY_RUN.format(rows=len(result["rows"])))
    else:
        print(
            texts.OA_CLI_IMPORTED.format(
                rows=len(result["rows"]), written=result["secrets_written"], bound=result["units_bound"]
            )
        )
    return 0


def _connect(args: argparse.Namespace, client: AdminClient) -> int:
    answer = client.request("POST", "/admin/oa/connect", body={"unit_id": args.unit})
    if args.json:
        print_json(answer)
        return 0
    print(
        texts.OA_CLI_CONNECT_OPEN.format(
            oa_id=answer["oa_id"], unit_id=answer["unit_id"], expires=answer["expires_at"]
        )
    )
    print(answer["consent_url"])
    print(texts.OA_CLI_CONNECT_REDIRECT.format(redirect_uri=answer["redirect_uri"]))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    oa = subparsers.add_parser("oa", help=texts.CLI_HELP_OA)
    sub = oa.add_subparsers(dest="oa_command", required=True)
    status = sub.add_parser("status", help=texts.CLI_HELP_OA_STATUS)
    status.add_argument("--unit", metavar="UNIT_ID", help=texts.CLI_HELP_OA_UNIT)
    add_connection_arguments(status)
    status.set_defaults(func=over_api(_status))
    imp = sub.add_parser("import", help=texts.CLI_HELP_OA_IMPORT)
    imp.add_argument("file")
    imp.add_argument("--dry-run", action="store_true", help=texts.CLI_HELP_DRY_RUN)
    add_connection_arguments(imp)
    imp.set_defaults(func=over_api(_import))
    connect = sub.add_parser("connect", help=texts.CLI_HELP_OA_CONNECT)
    connect.add_argument("--unit", metavar="UNIT_ID", required=True, help=texts.CLI_HELP_OA_UNIT)
    add_connection_arguments(connect)
    connect.set_defaults(func=over_api(_connect))
