"""`anninh broadcast create|list|status|cancel|pause|resume|preview` — through the admin API."""

from __future__ import annotations

import argparse
from typing import Any

from anninh import texts
from anninh.admin.client import AdminClient
from anninh.admin.console import add_connection_arguments, over_api, print_json
from anninh.broadcasts.model import RESULTS


def _button(text: str) -> dict[str, str]:
    title, sep, target = text.partition("=")
    if not sep or not title.strip() or not target.strip():
        raise argparse.ArgumentTypeError(texts.BROADCAST_ERROR_BUTTON_ARGUMENT.format(value=text))
    target = target.strip()
    return {"title": title.strip(), ("url" if target.startswith("https://") else "payload"): target}


def _create(args: argparse.Namespace, client: AdminClient) -> int:
    body: dict[str, Any] = {
        "unit_id": args.unit,
        "include_descendants": args.descendants,
        "audience": args.audience,
        "text": args.text,
        "buttons": args.button or [],
        "promotional": not args.not_promotional,
    }
    for name in ("image_url", "link", "at", "cron", "notice_id"):
        if getattr(args, name):
            body[name] = getattr(args, name)
    created = client.request("POST", "/admin/broadcasts", body=body)
    if args.json:
        print_json(created)
    else:
        print(texts.ADMIN_CLI_BROADCAST_CREATED.format(**created))
        if created.get("quota_exhausted"):
            print(texts.ADMIN_CLI_BROADCAST_QUOTA_WARNING.format(unit_id=created["unit_id"]))
    return 0


def _list(args: argparse.Namespace, client: AdminClient) -> int:
    items = list(client.request("GET", "/admin/broadcasts")["items"])
    if args.json:
        print_json(items)
    elif not items:
        print(texts.ADMIN_CLI_NO_BROADCASTS)
    for item in items if not args.json else []:
        print(
            texts.ADMIN_CLI_BROADCAST_LINE.format(
                **{
                    **item,
                    "status": _label(texts.BROADCAST_STATUS_LABELS, item["status"]),
                    "audience": _label(texts.BROADCAST_AUDIENCE_LABELS, item["audience"]),
                }
            )
        )
    return 0


def _label(labels: dict[str, str], code: str) -> str:
    return labels.get(code, code)


def _status(args: argparse.Namespace, client: AdminClient) -> int:
    progress = client.request("GET", f"/admin/broadcasts/{args.broadcast_id}/status")
    if args.json:
        print_json(progress)
        return 0
    print(
        texts.ADMIN_CLI_BROADCAST_PROGRESS.format(
            **{
                **dict.fromkeys(RESULTS, 0),  # a result the server does not report yet counts as none
                **progress,
                "status": _label(texts.BROADCAST_STATUS_LABELS, progress["status"]),
                "run_id": progress.get("run_id") or "—",
            }
        )
    )
    channels = progress.get("channels") or {}
    if channels:
        print(texts.ADMIN_CLI_BROADCAST_CHANNELS.format(**{"consultation": 0, "article": 0, **channels}))
    if progress.get("held"):
        print(texts.ADMIN_CLI_BROADCAST_HELD.format(held=progress["held"]))
    reasons = progress.get("reasons") or {}
    if reasons:
        print(texts.ADMIN_CLI_BROADCAST_REASONS)
    for reason, count in reasons.items():
        print(
            texts.ADMIN_CLI_BROADCAST_REASON_LINE.format(
                reason=_label(texts.BROADCAST_REASON_LABELS, reason), count=count
            )
        )
    return 0


def _action(args: argparse.Namespace, client: AdminClient) -> int:
    answer = client.request("POST", f"/admin/broadcasts/{args.broadcast_id}/{args.broadcast_command}")
    if args.json:
        print_json(answer)
    elif args.broadcast_command == "preview":
        print(
            texts.ADMIN_CLI_BROADCAST_PREVIEWED.format(count=answer["previewed"], unit_id=args.broadcast_id)
        )
    else:
        print(
            texts.ADMIN_CLI_BROADCAST_CHANGED.format(
                broadcast_id=answer["broadcast_id"],
                status=_label(texts.BROADCAST_STATUS_LABELS, answer["status"]),
            )
        )
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    broadcast = subparsers.add_parser("broadcast", help=texts.CLI_HELP_BROADCAST)
    sub = broadcast.add_subparsers(dest="broadcast_command", required=True)
    create = sub.add_parser("create", help=texts.CLI_HELP_BROADCAST_CREATE)
    create.add_argument("--unit", required=True)
    create.add_argument("--descendants", action="store_true", help=texts.CLI_HELP_BROADCAST_DESCENDANTS)
    create.add_argument("--audience", choices=("all", "48h", "7d"), default="7d")
    create.add_argument("--text", required=True)
    create.add_argument("--image-url", dest="image_url")
    create.add_argument("--link")
    create.add_argument("--button", action="append", type=_button, metavar="TITLE=URL|PAYLOAD")
    when = create.add_mutually_exclusive_group(required=True)
    when.add_argument("--at", help=texts.CLI_HELP_BROADCAST_AT)
    when.add_argument("--cron", help=texts.CLI_HELP_BROADCAST_CRON)
    create.add_argument("--notice", dest="notice_id", help=texts.CLI_HELP_BROADCAST_NOTICE)
    create.add_argument(
        "--not-promotional", action="store_true", help=texts.CLI_HELP_BROADCAST_NOT_PROMOTIONAL
    )
    add_connection_arguments(create)
    create.set_defaults(func=over_api(_create))
    listing = sub.add_parser("list", help=texts.CLI_HELP_BROADCAST_LIST)
    add_connection_arguments(listing)
    listing.set_defaults(func=over_api(_list))
    status = sub.add_parser("status", help=texts.CLI_HELP_BROADCAST_STATUS)
    status.add_argument("broadcast_id")
    add_connection_arguments(status)
    status.set_defaults(func=over_api(_status))
    for name, help_text in texts.CLI_HELP_BROADCAST_ACTIONS.items():
        action = sub.add_parser(name, help=help_text)
        action.add_argument("broadcast_id")
        add_connection_arguments(action)
        action.set_defaults(func=over_api(_action))
