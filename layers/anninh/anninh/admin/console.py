"""What every admin CLI command shares: ``--api``/``--json`` options, the client, errors → exit codes.

Exit codes: 0 done; 1 the API failed (5xx, other); 2 invalid input (arguments, file, 400/422);
3 API unreachable or not configured; 4 authentication refused (401/403); 5 not found (404);
6 conflict (409, e.g. a question answered already).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from anninh import texts
from anninh.admin.client import AdminClient, AdminClientError, ApiUnreachable, ClientConfigError

EXIT_FAILED, EXIT_INVALID, EXIT_UNREACHABLE, EXIT_AUTH, EXIT_NOT_FOUND, EXIT_CONFLICT = 1, 2, 3, 4, 5, 6
_BY_STATUS = {400: EXIT_INVALID, 422: EXIT_INVALID, 401: EXIT_AUTH, 403: EXIT_AUTH, 404: EXIT_NOT_FOUND}
_BY_STATUS[409] = EXIT_CONFLICT

Action = Callable[[argparse.Namespace, AdminClient], int]


def add_connection_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--api", metavar="URL", help=texts.CLI_HELP_API)
    parser.add_argument("--json", action="store_true", help=texts.CLI_HELP_JSON)


def exit_code(error: AdminClientError) -> int:
    if isinstance(error, (ApiUnreachable, ClientConfigError)):
        return EXIT_UNREACHABLE
    return _BY_STATUS.get(error.status or 0, EXIT_FAILED)


def print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def over_api(action: Action) -> Callable[[argparse.Namespace], int]:
    """Wrap a command: build the client from the arguments/environment and report refusals clearly."""

    def run(args: argparse.Namespace) -> int:
        try:
            return action(args, AdminClient.from_env(args.api))
        except AdminClientError as error:
            if getattr(args, "json", False) and error.body is not None:
                print_json(error.body)
            print(texts.ADMIN_CLI_ERROR.format(message=error.message), file=sys.stderr)
            problems = error.body.get("errors") if isinstance(error.body, dict) else None
            for problem in problems or []:
                print(f"  {'.'.join(problem.get('loc') or [])}: {problem.get('msg')}", file=sys.stderr)
            return exit_code(error)

    return run
