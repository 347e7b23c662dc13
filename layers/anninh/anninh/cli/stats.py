"""`anninh stats --unit U [--descendants] [--from D] [--to D] [--json|--csv]` over GET /admin/stats."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import Any

from anninh import texts
from anninh.stats.counters import COUNTERS, LEVELS, TIP_CATEGORY_KEYS


def _label(key: str) -> str:
    if key in texts.STATS_LABELS:
        return texts.STATS_LABELS[key]
    category = key.removeprefix("tips_")
    return f"Tin báo: {texts.TIP_CATEGORY_LABELS[category]}" if category in TIP_CATEGORY_KEYS else key


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    return f"{seconds / 3600:.1f} giờ" if seconds >= 3600 else f"{max(1, round(seconds / 60))} phút"


def _stats(args: argparse.Namespace) -> int:
    from anninh.admin.client import AdminClient, AdminClientError

    params = {"unit_id": args.unit, "descendants": "true" if args.descendants else "false"}
    if args.start:
        params["from"] = args.start
    if args.end:
        params["to"] = args.end
    try:
        answer: dict[str, Any] = AdminClient.from_env().request("GET", "/admin/stats", params=params)
    except AdminClientError as exc:
        print(exc.message, file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(answer, ensure_ascii=False, indent=2))
        return 0
    if args.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(["day", *COUNTERS, *LEVELS])
        for row in answer["days"]:
            writer.writerow([row["day"], *(row["counts"].get(c, 0) for c in COUNTERS), *("" for _ in LEVELS)])
        # A last row: the range's totals, and the levels as they stand now (followers_total).
        levels = answer.get("levels") or {}
        writer.writerow(
            ["total", *(answer["counts"].get(c, 0) for c in COUNTERS), *(levels.get(n, 0) for n in LEVELS)]
        )
        return 0
    print(f"{answer['unit_id']} ({len(answer['units'])} đơn vị) · {answer['start']} → {answer['end']}")
    for key in LEVELS:
        print(f"  {_label(key):<40} {(answer.get('levels') or {}).get(key, 0)}")
    for key in COUNTERS:
        value = answer["counts"].get(key, 0)
        if value or not key.startswith("tips_") or key in {"tips_submitted", "tips_resolved"}:
            print(f"  {_label(key):<40} {value}")
    for key, seconds in answer["median_seconds"].items():
        print(f"  {_label(key):<40} {_duration(seconds)} ({answer['samples'].get(key, 0)})")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    stats = subparsers.add_parser("stats", help=texts.CLI_HELP_STATS)
    stats.add_argument("--unit", required=True)
    stats.add_argument("--descendants", action="store_true", help=texts.CLI_HELP_STATS_DESCENDANTS)
    stats.add_argument("--from", dest="start", metavar="YYYY-MM-DD")
    stats.add_argument("--to", dest="end", metavar="YYYY-MM-DD")
    form = stats.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true")
    form.add_argument("--csv", action="store_true")
    stats.set_defaults(func=_stats)
