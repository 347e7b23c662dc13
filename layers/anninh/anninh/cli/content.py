"""`anninh content list|set|remove|import` — units' news, wanted notices, ward officers and patrols, through
the admin API."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from anninh import texts
from anninh.admin.client import AdminClient, AdminClientError
from anninh.admin.console import EXIT_INVALID, add_connection_arguments, exit_code, over_api, print_json
from anninh.content.model import KINDS, ContentError, ContentItem, vietnam_today

LABEL_FIELDS = ("title", "name", "ward", "route")


def _path(unit_id: str, kind: str, item_id: str) -> str:
    return f"/admin/content/{quote(unit_id, safe='')}/{quote(kind, safe='')}/{quote(item_id, safe='')}"


class ApiContentWriter:
    """Publishes items through PUT /admin/content/{unit_id}/{kind}/{item_id}; counts what was saved."""

    def __init__(self, client: AdminClient) -> None:
        self.client = client
        self.saved: list[ContentItem] = []

    def put_item(self, item: ContentItem) -> None:
        self.client.request("PUT", _path(item.unit_id, item.kind, item.item_id), body=dict(item.fields))
        self.saved.append(item)


def _label(item: dict[str, Any]) -> str:
    fields = item.get("fields") or {}
    return next((str(fields[name]) for name in LABEL_FIELDS if fields.get(name)), "")


def _list(args: argparse.Namespace, client: AdminClient) -> int:
    params = {"unit_id": args.unit, **({"kind": args.kind} if args.kind else {})}
    items = list(client.request("GET", "/admin/content", params=params)["items"])
    if args.json:
        print_json(items)
    elif not items:
        print(texts.ADMIN_CLI_CONTENT_EMPTY.format(unit_id=args.unit))
    else:
        print(texts.ADMIN_CLI_CONTENT_HEADER.format(unit_id=args.unit, count=len(items)))
        for item in items:
            print(
                texts.ADMIN_CLI_CONTENT_LINE.format(
                    kind=item["kind"], item_id=item["item_id"], label=_label(item)
                )
            )
    return 0


def _field(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {text!r}")
    return name.strip(), value.strip()


def _set(args: argparse.Namespace, client: AdminClient) -> int:
    saved = client.request("PUT", _path(args.unit, args.kind, args.item_id), body=dict(args.field or []))
    if args.json:
        print_json(saved)
    else:
        print(texts.ADMIN_CLI_CONTENT_SAVED.format(kind=args.kind, item_id=args.item_id, unit_id=args.unit))
    return 0


def _remove(args: argparse.Namespace, client: AdminClient) -> int:
    removed = client.request("DELETE", _path(args.unit, args.kind, args.item_id))
    if args.json:
        print_json(removed)
    else:
        print(texts.ADMIN_CLI_CONTENT_REMOVED.format(kind=args.kind, item_id=args.item_id, unit_id=args.unit))
    return 0


def _import(args: argparse.Namespace, client: AdminClient) -> int:
    from anninh.content.importer import import_content, load_content_file

    path = Path(args.file)
    if not path.is_file():
        print(texts.ADMIN_CLI_FILE_MISSING.format(path=path), file=sys.stderr)
        return EXIT_INVALID
    unit_ids = [u["unit_id"] for u in client.request("GET", "/admin/units")["units"]]
    try:
        items = load_content_file(path, unit_ids, vietnam_today(datetime.now(UTC)))
    except ContentError as exc:
        print(texts.ADMIN_CONTENT_INVALID.format(error=exc), file=sys.stderr)
        return EXIT_INVALID
    if args.dry_run:
        print(texts.ADMIN_CLI_CONTENT_VALID.format(count=len(items)))
        return 0
    try:
        count = import_content(ApiContentWriter(client), items)
    except AdminClientError as error:
        print(texts.ADMIN_CLI_ERROR.format(message=error.message), file=sys.stderr)
        return exit_code(error)
    print(texts.ADMIN_CLI_CONTENT_IMPORTED.format(count=count))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    content = subparsers.add_parser("content", help=texts.CLI_HELP_CONTENT)
    sub = content.add_subparsers(dest="content_command", required=True)

    lst = sub.add_parser("list", help=texts.CLI_HELP_CONTENT_LIST)
    lst.add_argument("--unit", required=True, metavar="UNIT")
    lst.add_argument("--kind", choices=KINDS)
    add_connection_arguments(lst)
    lst.set_defaults(func=over_api(_list))

    put = sub.add_parser("set", help=texts.CLI_HELP_CONTENT_SET)
    put.add_argument("unit", metavar="UNIT")
    put.add_argument("kind", choices=KINDS)
    put.add_argument("item_id", metavar="ITEM_ID")
    put.add_argument(
        "--field",
        action="append",
        type=_field,
        metavar="NAME=VALUE",
        help=texts.CLI_HELP_CONTENT_FIELD,
    )
    add_connection_arguments(put)
    put.set_defaults(func=over_api(_set))

    rm = sub.add_parser("remove", help=texts.CLI_HELP_CONTENT_REMOVE)
    rm.add_argument("unit", metavar="UNIT")
    rm.add_argument("kind", choices=KINDS)
    rm.add_argument("item_id", metavar="ITEM_ID")
    add_connection_arguments(rm)
    rm.set_defaults(func=over_api(_remove))

    imp = sub.add_parser("import", help=texts.CLI_HELP_CONTENT_IMPORT)
    imp.add_argument("file")
    imp.add_argument("--dry-run", action="store_true", help=texts.CLI_HELP_DRY_RUN)
    add_connection_arguments(imp)
    imp.set_defaults(func=over_api(_import))
