"""`anninh admin openapi [--write]`: print or regenerate the committed OpenAPI document."""

from __future__ import annotations

import argparse
from pathlib import Path

from anninh import texts

OPENAPI_FILE = Path("functions") / "admin" / "openapi.json"


def committed_openapi_path() -> Path:
    """functions/admin/openapi.json of the checkout (the current directory, else this package's repo)."""
    for root in (Path.cwd(), Path(__file__).resolve().parents[4]):
        if (root / "template.yaml").is_file():
            return root / OPENAPI_FILE
    return Path.cwd() / OPENAPI_FILE


def _openapi(args: argparse.Namespace) -> int:
    from anninh.admin.api import openapi_json

    document = openapi_json()
    if not args.write:
        print(document, end="")
        return 0
    path = Path(args.output) if args.output else committed_openapi_path()
    path.write_text(document, encoding="utf-8")
    print(texts.ADMIN_CLI_OPENAPI_WRITTEN.format(path=path))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    admin = subparsers.add_parser("admin", help=texts.CLI_HELP_ADMIN)
    sub = admin.add_subparsers(dest="admin_command", required=True)
    openapi = sub.add_parser("openapi", help=texts.CLI_HELP_ADMIN_OPENAPI)
    openapi.add_argument("--write", action="store_true", help=texts.CLI_HELP_ADMIN_OPENAPI_WRITE)
    openapi.add_argument("--output", metavar="FILE", help=texts.CLI_HELP_ADMIN_OPENAPI_OUTPUT)
    openapi.set_defaults(func=_openapi)
