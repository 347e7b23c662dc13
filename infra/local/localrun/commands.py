"""``anninh local …``: the local stack from the command line.

- ``anninh local run``: start the whole system (same as ``make run`` / ``python -m localrun``);
- ``anninh local chat --unit UNIT [--base-url URL] [--user USER_ID]``: be a citizen of a unit's OA in a
  terminal. Lines are sent as messages; ``/follow``, ``/unfollow``, ``/location LAT LON [name]``,
  ``/photo [caption]`` send those events; ``/quit`` ends. The OA's replies are polled from the fake Zalo
  outbox and printed as they arrive.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
from typing import Any, TextIO

import requests

DEFAULT_BASE_URL = f"http://127.0.0.1:{os.environ.get('PORT', '3000')}"


class ChatSession:
    """One citizen talking to one OA through a running local stack."""

    def __init__(self, client: Any, unit: Any, user_id: str, out: TextIO) -> None:
        self.client = client
        self.unit = unit
        self.user_id = user_id
        self.out = out
        self.seen = len(client.outbox(user_id))
        self._print_lock = threading.Lock()

    def say(self, text: str) -> None:
        with self._print_lock:
            print(text, file=self.out, flush=True)

    def handle(self, line: str) -> bool:
        """Act on one input line; False when the session should end."""
        from anninh import texts

        from localrun import citizen

        line = line.strip()
        if not line:
            return True
        if line.startswith("/"):
            command, *args = line.split()
            if command == "/quit":
                return False
            if command in ("/follow", "/unfollow"):
                event = citizen.follow_event(self.unit, self.user_id, follow=command == "/follow")
            elif command == "/location":
                try:
                    latitude, longitude = float(args[0]), float(args[1])
                except (IndexError, ValueError):
                    self.say(texts.LOCAL_CHAT_LOCATION_USAGE)
                    return True
                event = citizen.location_event(
                    self.unit, self.user_id, latitude, longitude, " ".join(args[2:])
                )
            elif command == "/photo":
                url = self.client.sample_media_url()
                event = citizen.image_event(self.unit, self.user_id, url, " ".join(args))
            else:
                self.say(texts.LOCAL_CHAT_UNKNOWN_COMMAND.format(command=command))
                return True
        else:
            event = citizen.text_event(self.unit, self.user_id, line)
        answer = self.client.post_event(self.unit, event)
        if answer.status_code != 200:
            self.say(texts.LOCAL_CHAT_REJECTED.format(status=answer.status_code, answer=answer.text))
        return True

    def print_new_replies(self) -> int:
        from anninh import texts

        from localrun.citizen import reply_text

        calls = self.client.outbox(self.user_id)
        for call in calls[self.seen :]:
            self.say(f"{texts.LOCAL_CHAT_OA_PREFIX} {reply_text(call)}")
        printed = len(calls) - self.seen
        self.seen = len(calls)
        return printed


def _chat(args: argparse.Namespace) -> int:
    from anninh import texts

    from localrun.citizen import LocalStackClient, new_user_id

    client = LocalStackClient(args.base_url)
    try:
        units = client.units()
    except requests.RequestException:
        print(texts.LOCAL_CHAT_NO_STACK.format(base_url=args.base_url), file=sys.stderr)
        return 2
    if args.unit not in units:
        message = texts.LOCAL_CHAT_UNKNOWN_UNIT.format(unit_id=args.unit, units=", ".join(sorted(units)))
        print(message, file=sys.stderr)
        return 2
    unit = units[args.unit]
    user_id = args.user or new_user_id()
    session = ChatSession(client, unit, user_id, sys.stdout)
    session.say(texts.LOCAL_CHAT_INTRO.format(oa_id=unit.oa_id, unit_name=unit.name, user_id=user_id))
    stop = threading.Event()

    def poll() -> None:
        while not stop.wait(0.3):
            try:
                session.print_new_replies()
            except requests.RequestException:
                continue

    poller = threading.Thread(target=poll, name="chat-outbox", daemon=True)
    poller.start()
    try:
        for line in sys.stdin:
            if not session.handle(line):
                break
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        poller.join(timeout=2)
    session.say(texts.LOCAL_CHAT_BYE)
    return 0


def _run(args: argparse.Namespace) -> int:
    from localrun.__main__ import main

    return main()


def register(subparsers: argparse._SubParsersAction) -> None:
    from anninh import texts

    local = subparsers.add_parser("local", help=texts.CLI_HELP_LOCAL)
    sub = local.add_subparsers(dest="local_command", required=True)
    run = sub.add_parser("run", help=texts.CLI_HELP_LOCAL_RUN)
    run.set_defaults(func=_run)
    chat = sub.add_parser("chat", help=texts.CLI_HELP_LOCAL_CHAT)
    chat.add_argument("--unit", required=True, help=texts.CLI_HELP_LOCAL_CHAT_UNIT)
    chat.add_argument("--base-url", default=DEFAULT_BASE_URL, help=texts.CLI_HELP_LOCAL_BASE_URL)
    chat.add_argument("--user", help=texts.CLI_HELP_LOCAL_USER)
    chat.set_defaults(func=_chat)
