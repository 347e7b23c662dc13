"""`anninh tips list|show|update|reply|transfer|note|export` — tips through the admin API.

Same connection and exit codes as the other admin commands (anninh.admin.console). Each command that
writes sends one Idempotency-Key, so the client's own retries never push or relay twice.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import uuid
from datetime import date, datetime
from pathlib import Path
from typing import Any

from anninh import texts
from anninh.admin.client import AdminClient
from anninh.admin.console import EXIT_INVALID, add_connection_arguments, over_api, print_json
from anninh.officers.model import VIETNAM
from anninh.tips.model import STATUSES

SETTABLE = ("da_tiep_nhan", "dang_xac_minh", "da_xu_ly", "khong_du_co_so")


def _when(value: str) -> str:
    return datetime.fromisoformat(value).astimezone(VIETNAM).strftime("%H:%M %d/%m/%Y")


def _print_line(tip: dict[str, Any]) -> None:
    print(
        texts.ADMIN_CLI_TIP_LINE.format(
            urgent=texts.OFFICER_URGENT_MARK if tip["urgent"] else "",
            code=tip["code"],
            unit_id=tip["unit_id"],
            created=_when(tip["created_at"]),
            category=tip["category_label"],
            status=tip["status_label"],
            media=texts.ADMIN_CLI_TIP_MEDIA.format(count=tip["media_count"]) if tip["media_count"] else "",
        )
    )


def _reporter(tip: dict[str, Any]) -> str:
    contact = tip.get("contact") or {}
    if tip["privacy"] == "anonymous":
        return texts.OFFICER_REPORTER_HIDDEN
    template = (
        texts.OFFICER_REPORTER_CONFIDENTIAL
        if tip["privacy"] == "confidential"
        else texts.OFFICER_REPORTER_OPEN
    )
    return template.format(name=contact.get("name") or "?", phone=contact.get("phone") or "?")


def _list(args: argparse.Namespace, client: AdminClient) -> int:
    tips = client.tips(args.unit, args.status, args.descendants, True if args.urgent else None)
    if args.json:
        print_json(tips)
    elif not tips:
        print(texts.ADMIN_CLI_NO_TIPS)
    else:
        for tip in tips:
            _print_line(tip)
    return 0


def _show(args: argparse.Namespace, client: AdminClient) -> int:
    tip = client.tip(args.code)
    if args.json:
        print_json(tip)
        return 0
    print(
        texts.ADMIN_CLI_TIP_VIEW.format(
            code=tip["code"],
            category=tip["category_label"],
            status=tip["status_label"],
            urgent=texts.TIP_URGENT_SUFFIX if tip["urgent"] else "",
            unit_name=tip["unit_name"],
            unit_id=tip["unit_id"],
            created=_when(tip["created_at"]),
            updated=_when(tip["updated_at"]),
            description=tip["description"],
            place=tip["place"] or texts.TIP_NOT_REMEMBERED,
            occurred=tip["occurred"] or texts.TIP_NOT_REMEMBERED,
            reporter=_reporter(tip),
            result=tip["public_result"] or texts.TIP_NONE,
        )
    )
    if tip.get("notice_id"):
        print(texts.ADMIN_CLI_TIP_NOTICE.format(notice_id=tip["notice_id"]))
    if tip["media"]:
        expires = _when(tip["links_expire_at"]) if tip["links_expire_at"] else "—"
        print(texts.ADMIN_CLI_TIP_MEDIA_HEADER.format(count=len(tip["media"]), expires=expires))
        for item in tip["media"]:
            state = item["link"] or texts.MEDIA_STATUS.get(item["status"], item["status"])
            if item["error"]:
                state = f"{state} — {item['error']}"
            print(
                texts.ADMIN_CLI_TIP_MEDIA_LINE.format(
                    kind=texts.MEDIA_KIND.get(item["kind"], item["kind"]), state=state
                )
            )
    print(texts.ADMIN_CLI_TIP_HISTORY_HEADER)
    for entry in tip["history"]:
        print(
            texts.ADMIN_CLI_TIP_HISTORY_LINE.format(
                at=_when(entry["at"]),
                action=texts.TIP_AUDIT_ACTION.get(entry["action"], entry["action"]),
                actor=entry["actor"],
                detail=f": {entry['detail']}" if entry["detail"] else "",
            )
        )
    return 0


def _update(args: argparse.Namespace, client: AdminClient) -> int:
    result = client.update_tip(args.code, args.status, args.result, idempotency_key=str(uuid.uuid4()))
    if args.json:
        print_json(result)
        return 0
    tip = result["tip"]
    print(texts.ADMIN_CLI_TIP_UPDATED.format(code=tip["code"], status=tip["status_label"]))
    print(texts.ADMIN_CLI_TIP_PUSHED if result["delivery"] == "sent" else texts.ADMIN_CLI_TIP_NOT_PUSHED)
    return 0


def _reply(args: argparse.Namespace, client: AdminClient) -> int:
    result = client.reply_tip(args.code, args.text, idempotency_key=str(uuid.uuid4()))
    if args.json:
        print_json(result)
        return 0
    done = (
        texts.OFFICER_TIP_REPLIED if result["delivery"] == "sent" else texts.OFFICER_TIP_REPLY_NOT_DELIVERED
    )
    print(done.format(code=result["code"]))
    return 0


def _transfer(args: argparse.Namespace, client: AdminClient) -> int:
    result = client.transfer_tip(args.code, args.unit_id)
    if args.json:
        print_json(result)
        return 0
    tip = result["tip"]
    print(texts.OFFICER_TIP_TRANSFERRED.format(code=tip["code"], unit_name=tip["unit_name"]))
    return 0


def _note(args: argparse.Namespace, client: AdminClient) -> int:
    result = client.note_tip(args.code, args.text)
    if args.json:
        print_json(result)
        return 0
    print(texts.OFFICER_NOTE_SAVED.format(code=result["code"]))
    return 0


def _export(args: argparse.Namespace, client: AdminClient) -> int:
    data = client.export_tips(args.unit, args.start, args.end, include_descendants=not args.only_unit)
    rows = max(len(list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))) - 1, 0)
    if args.output in (None, "-"):
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    try:
        Path(args.output).write_bytes(data)
    except OSError as exc:
        print(texts.ADMIN_CLI_ERROR.format(message=exc), file=sys.stderr)
        return EXIT_INVALID
    print(texts.ADMIN_CLI_TIPS_EXPORTED.format(count=rows, path=args.output))
    return 0


def _day(value: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise argparse.ArgumentTypeError(texts.ADMIN_CLI_DATE_INVALID.format(value=value)) from exc


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    tips = subparsers.add_parser("tips", help=texts.CLI_HELP_TIPS)
    sub = tips.add_subparsers(dest="tips_command", required=True)

    lst = sub.add_parser("list", help=texts.CLI_HELP_TIPS_LIST)
    lst.add_argument("--unit", metavar="UNIT", help=texts.CLI_HELP_ONLY_UNIT)
    lst.add_argument("--descendants", action="store_true", help=texts.CLI_HELP_DESCENDANTS)
    lst.add_argument("--status", choices=tuple(STATUSES), help=texts.CLI_HELP_TIPS_STATUS)
    lst.add_argument("--urgent", action="store_true", help=texts.CLI_HELP_TIPS_URGENT)
    add_connection_arguments(lst)
    lst.set_defaults(func=over_api(_list))

    show = sub.add_parser("show", help=texts.CLI_HELP_TIPS_SHOW)
    show.add_argument("code", metavar="CODE", help=texts.CLI_HELP_TIP_CODE)
    add_connection_arguments(show)
    show.set_defaults(func=over_api(_show))

    update = sub.add_parser("update", help=texts.CLI_HELP_TIPS_UPDATE)
    update.add_argument("code", metavar="CODE")
    update.add_argument("--status", required=True, choices=SETTABLE)
    update.add_argument("--result", metavar="TEXT", help=texts.CLI_HELP_TIP_RESULT)
    add_connection_arguments(update)
    update.set_defaults(func=over_api(_update))

    reply = sub.add_parser("reply", help=texts.CLI_HELP_TIPS_REPLY)
    reply.add_argument("code", metavar="CODE")
    reply.add_argument("text", metavar="TEXT")
    add_connection_arguments(reply)
    reply.set_defaults(func=over_api(_reply))

    move = sub.add_parser("transfer", help=texts.CLI_HELP_TIPS_TRANSFER)
    move.add_argument("code", metavar="CODE")
    move.add_argument("unit_id", metavar="UNIT_ID")
    add_connection_arguments(move)
    move.set_defaults(func=over_api(_transfer))

    note = sub.add_parser("note", help=texts.CLI_HELP_TIPS_NOTE)
    note.add_argument("code", metavar="CODE")
    note.add_argument("text", metavar="TEXT")
    add_connection_arguments(note)
    note.set_defaults(func=over_api(_note))

    export = sub.add_parser("export", help=texts.CLI_HELP_TIPS_EXPORT)
    export.add_argument("--unit", required=True, metavar="UNIT")
    export.add_argument("--from", dest="start", type=_day, metavar="DATE", help=texts.CLI_HELP_TIPS_FROM)
    export.add_argument("--to", dest="end", type=_day, metavar="DATE", help=texts.CLI_HELP_TIPS_TO)
    export.add_argument("--only-unit", action="store_true", help=texts.CLI_HELP_TIPS_ONLY_UNIT)
    export.add_argument("-o", "--output", metavar="FILE", help=texts.CLI_HELP_TIPS_OUTPUT)
    add_connection_arguments(export)
    export.set_defaults(func=over_api(_export))
