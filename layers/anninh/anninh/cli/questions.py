"""`anninh questions list|answer` — questions handed to officers, through the admin API."""

from __future__ import annotations

import argparse
import uuid
from datetime import datetime
from typing import Any

from anninh import texts
from anninh.admin.client import AdminClient
from anninh.admin.console import add_connection_arguments, over_api, print_json
from anninh.officers.model import VIETNAM

STATUS_TEXT = {"open": texts.ADMIN_CLI_STATUS_OPEN, "answered": texts.ADMIN_CLI_STATUS_ANSWERED}


def _print_question(question: dict[str, Any]) -> None:
    created = datetime.fromisoformat(question["created_at"]).astimezone(VIETNAM).strftime("%H:%M %d/%m/%Y")
    print(
        texts.ADMIN_CLI_QUESTION_LINE.format(
            code=question["code"],
            unit_id=question["unit_id"],
            created=created,
            status=STATUS_TEXT.get(question["status"], question["status"]),
            text=question["text"],
        )
    )
    if question.get("answer"):
        print(
            texts.ADMIN_CLI_QUESTION_ANSWER.format(
                answered_by=question["answered_by"], answer=question["answer"]
            )
        )


def _list(args: argparse.Namespace, client: AdminClient) -> int:
    questions = client.questions(args.unit, args.status, include_descendants=args.descendants)
    if args.json:
        print_json(questions)
    elif not questions:
        print(texts.ADMIN_CLI_NO_QUESTIONS)
    else:
        for question in questions:
            _print_question(question)
    return 0


def _answer(args: argparse.Namespace, client: AdminClient) -> int:
    # One key per command: the client's own retries (connection failures) never relay twice.
    result = client.answer(args.code, args.text, args.answered_by, idempotency_key=str(uuid.uuid4()))
    if args.json:
        print_json(result)
        return 0
    code = result["question"]["code"]
    if result["status"] == "sent":
        print(texts.ADMIN_CLI_ANSWER_SENT.format(code=code))
    else:
        print(texts.ADMIN_CLI_ANSWER_NOT_DELIVERED.format(code=code))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    questions = subparsers.add_parser("questions", help=texts.CLI_HELP_QUESTIONS)
    sub = questions.add_subparsers(dest="questions_command", required=True)

    lst = sub.add_parser("list", help=texts.CLI_HELP_QUESTIONS_LIST)
    lst.add_argument("--unit", metavar="UNIT", help=texts.CLI_HELP_ONLY_UNIT)
    lst.add_argument("--descendants", action="store_true", help=texts.CLI_HELP_DESCENDANTS)
    lst.add_argument("--status", choices=("open", "answered"), help=texts.CLI_HELP_QUESTIONS_STATUS)
    add_connection_arguments(lst)
    lst.set_defaults(func=over_api(_list))

    ans = sub.add_parser("answer", help=texts.CLI_HELP_QUESTIONS_ANSWER)
    ans.add_argument("code", metavar="CODE", help=texts.CLI_HELP_QUESTION_CODE)
    ans.add_argument("text", metavar="TEXT", help=texts.CLI_HELP_QUESTION_TEXT)
    ans.add_argument("--as", dest="answered_by", metavar="NAME", help=texts.CLI_HELP_QUESTION_AS)
    add_connection_arguments(ans)
    ans.set_defaults(func=over_api(_answer))
