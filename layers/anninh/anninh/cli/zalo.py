"""`anninh zalo doctor --unit U [--send-test-to USER_ID]`, `anninh zalo form-image --unit U [URL]` and
`anninh zalo quota --unit U [--broadcasts-per-month N]` (the OA's article broadcasts a month),
through the admin API (docs/zalo-platform.md; README "Before launch").

doctor prints one line per check (token, OA profile, quota, then each message kind Zalo accepted or refused,
with its code) and the menu decision recorded for the OA; ``--json`` prints the report. Exit code 0 when the
token works, 1 when Zalo refused it (the OA cannot be used until re-connected).
"""

from __future__ import annotations

import argparse
from typing import Any
from urllib.parse import quote

from anninh import texts
from anninh.admin.client import AdminClient
from anninh.admin.console import add_connection_arguments, over_api, print_json

CHECKS = ("token", "profile", "quota", "article_quota")
MESSAGE_KINDS = ("text", "list", "request_user_info", "image")


def _detail(check: dict[str, Any]) -> str:
    if check.get("status") == "refused":
        return f" ({check.get('label')}, {check.get('handling')})"
    extra = {k: v for k, v in check.items() if k not in ("status",) and v is not None}
    return f" ({', '.join(f'{k}={v}' for k, v in extra.items())})" if extra else ""


def render(unit_id: str, report: dict[str, Any]) -> list[str]:
    lines = [texts.DOCTOR_HEADER.format(unit_id=unit_id, oa_id=report.get("oa_id"))]
    rows = [(name, report.get(name) or {"status": "skipped"}) for name in CHECKS]
    messages = report.get("messages") or {}
    rows += [(kind, messages.get(kind) or {"status": "skipped"}) for kind in MESSAGE_KINDS]
    for name, check in rows:
        status = texts.DOCTOR_STATUS.get(str(check.get("status")), str(check.get("status")))
        kind = texts.DOCTOR_KIND_ARTICLE_QUOTA if name == "article_quota" else texts.DOCTOR_KIND[name]
        line = texts.DOCTOR_LINE.format(kind=kind, status=status, detail=_detail(check))
        lines.append("  " + line)
    lines.append(texts.DOCTOR_MENU_MODE[report.get("menu_mode") or "none"])
    return lines


def _doctor(args: argparse.Namespace, client: AdminClient) -> int:
    path = f"/admin/zalo/{quote(args.unit, safe='')}/doctor"
    body = {"send_test_to": args.send_test_to} if args.send_test_to else {}
    answer = client.request("POST", path, body=body)
    report = answer["report"]
    if args.json:
        print_json(answer)
    else:
        print("\n".join(render(args.unit, report)))
    return 0 if (report.get("token") or {}).get("status") == "accepted" else 1


def _form_image(args: argparse.Namespace, client: AdminClient) -> int:
    path = f"/admin/zalo/{quote(args.unit, safe='')}/form-image"
    answer = client.request("PUT", path, body={"url": args.url or None})
    if args.json:
        print_json(answer)
    else:
        print(texts.DOCTOR_FORM_IMAGE_SAVED.format(unit_id=args.unit))
    return 0


def _quota(args: argparse.Namespace, client: AdminClient) -> int:
    path = f"/admin/zalo/{quote(args.unit, safe='')}/quota"
    if args.broadcasts_per_month is None:
        answer = client.request("GET", path)
    else:
        answer = client.request("PUT", path, body={"broadcasts_per_month": args.broadcasts_per_month})
    if args.json:
        print_json(answer)
        return 0
    print(
        texts.ZALO_QUOTA_LINE.format(
            **{
                **answer,
                "exhausted": texts.ZALO_QUOTA_EXHAUSTED if answer.get("exhausted") else "",
                "source": texts.ZALO_QUOTA_SOURCE.get(answer.get("source", ""), answer.get("source")),
            }
        )
    )
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    zalo = subparsers.add_parser("zalo", help=texts.CLI_HELP_ZALO)
    sub = zalo.add_subparsers(dest="zalo_command", required=True)
    doctor = sub.add_parser("doctor", help=texts.CLI_HELP_ZALO_DOCTOR)
    doctor.add_argument("--unit", required=True, metavar="UNIT")
    doctor.add_argument("--send-test-to", metavar="USER_ID", help=texts.CLI_HELP_ZALO_SEND_TEST_TO)
    add_connection_arguments(doctor)
    doctor.set_defaults(func=over_api(_doctor))
    image = sub.add_parser("form-image", help=texts.CLI_HELP_ZALO_FORM_IMAGE)
    image.add_argument("--unit", required=True, metavar="UNIT")
    image.add_argument("url", nargs="?", default="", metavar="URL")
    add_connection_arguments(image)
    image.set_defaults(func=over_api(_form_image))
    quota = sub.add_parser("quota", help=texts.CLI_HELP_ZALO_QUOTA)
    quota.add_argument("--unit", required=True, metavar="UNIT")
    quota.add_argument(
        "--broadcasts-per-month", type=int, metavar="N", help=texts.CLI_HELP_ZALO_QUOTA_PER_MONTH
    )
    add_connection_arguments(quota)
    quota.set_defaults(func=over_api(_quota))
