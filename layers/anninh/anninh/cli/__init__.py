"""`anninh` command line: one entry point; each module of this package registers one area's sub-commands.

Every area module exposes ``register(subparsers)`` which adds its parser and sets ``func`` to a callable
taking the parsed arguments and returning the process exit code. Areas are imported lazily so that
``anninh faq ask`` does not pay for boto3.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from anninh import texts

# (sub-command, module that registers it)
AREAS: tuple[tuple[str, str], ...] = (
    ("units", "anninh.cli.units"),
    ("faq", "anninh.cli.faq"),
    ("officers", "anninh.cli.officers"),
    ("questions", "anninh.cli.questions"),
    ("tips", "anninh.cli.tips"),
    ("admin", "anninh.cli.admin"),
    ("content", "anninh.cli.content"),
    ("followers", "anninh.cli.followers"),
    ("broadcast", "anninh.cli.broadcasts"),
    ("flyer", "anninh.cli.outreach"),
    ("stats", "anninh.cli.stats"),
    ("oa", "anninh.cli.oa"),
    ("zalo", "anninh.cli.zalo"),
    ("local", "localrun.commands"),
)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="anninh", description=texts.CLI_DESCRIPTION)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, module_name in AREAS:
        if only is not None and name != only:
            continue
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:  # e.g. localrun is not installed outside a dev checkout
            if exc.name and module_name.startswith(exc.name):
                continue
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    first = args_list[0] if args_list and not args_list[0].startswith("-") else None
    known = {name for name, _ in AREAS}
    parser = build_parser(only=first if first in known else None)
    args = parser.parse_args(args_list)
    return int(args.func(args) or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
