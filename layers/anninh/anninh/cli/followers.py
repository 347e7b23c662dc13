"""`anninh followers sync --unit U` — back-fill an OA's followers from Zalo, through the admin API.

The admin route syncs at most 1,000 followers per call and returns where to continue; this command calls it
until Zalo's list ends or its offset cap (9,951) is reached, and says which.
"""

from __future__ import annotations

import argparse
import sys
from urllib.parse import quote

from anninh import texts
from anninh.admin.client import AdminClient
from anninh.admin.console import add_connection_arguments, over_api, print_json


def _sync(args: argparse.Namespace, client: AdminClient) -> int:
    path = f"/admin/followers/{quote(args.unit, safe='')}/sync"
    offset, synced, total, capped = 0, 0, 0, False
    while True:
        answer = client.request("POST", path, body={"offset": offset})
        synced += int(answer["synced"])
        total, offset, capped = int(answer["total"]), int(answer["next_offset"]), bool(answer["capped"])
        if answer["done"]:
            break
        if not args.json:
            print(texts.ADMIN_CLI_FOLLOWERS_PROGRESS.format(synced=synced, total=total, unit_id=args.unit))
    result = {"unit_id": args.unit, "synced": synced, "total": total, "capped": capped, "offset": offset}
    if args.json:
        print_json(result)
    elif capped:
        print(texts.ADMIN_CLI_FOLLOWERS_CAPPED.format(**result), file=sys.stderr)
    else:
        print(texts.ADMIN_CLI_FOLLOWERS_DONE.format(**result))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    followers = subparsers.add_parser("followers", help=texts.CLI_HELP_FOLLOWERS)
    sub = followers.add_subparsers(dest="followers_command", required=True)
    sync = sub.add_parser("sync", help=texts.CLI_HELP_FOLLOWERS_SYNC)
    sync.add_argument("--unit", required=True, metavar="UNIT")
    add_connection_arguments(sync)
    sync.set_defaults(func=over_api(_sync))
