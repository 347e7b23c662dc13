"""The leaders' weekly picture on the local stack: a leader registered with the CLI gets last week's chart
with its figures when the template's Monday schedule fires, once, even when the run is fired again. The unit
and its OA are this file's own (``local_stack.new_unit``), the leader's Zalo id made up (``new_user_id``)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta

import pytest
from anninh.officers.model import VIETNAM
from localrun.citizen import new_user_id
from localrun.stack import LOCAL_ADMIN_TOKEN

from tests.e2e.test_tips import Chat

pytestmark = pytest.mark.e2e

SCHEDULE = "WeeklyFunctionWeeklyPicture"


def anninh(local_stack, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ANNINH_API_URL": local_stack.base_url, "ANNINH_LOCAL_TOKEN": LOCAL_ADMIN_TOKEN}
    return subprocess.run(
        [sys.executable, "-m", "anninh.cli", *argv], env=env, capture_output=True, text=True, timeout=60
    )


def next_monday_7am() -> datetime:
    today = datetime.now(VIETNAM).replace(hour=7, minute=0, second=0, microsecond=0)
    return today + timedelta(days=7 - today.weekday())  # the run that covers this week


def pictures(local_stack, user_id: str) -> list[dict]:
    calls = local_stack.outbox(user_id)
    return [
        c
        for c in calls
        if ((c.get("message") or {}).get("attachment") or {}).get("payload", {}).get("template_type")
        == "media"
    ]


def test_a_leader_gets_the_weeks_picture_once(local_stack) -> None:
    unit = local_stack.new_unit("weekly")
    leader = new_user_id()
    saved = anninh(
        local_stack, "officers", "set", unit.unit_id, leader, "--name", "Vũ Văn Lãnh", "--role", "lanh_dao"
    )
    assert saved.returncode == 0, saved.stderr
    try:
        Chat(local_stack, unit.unit_id, leader).say("menu", expect="")  # leaders have written to their OA
        run = local_stack.fire_schedule(SCHEDULE, at=next_monday_7am().isoformat())
        assert run["last_error"] is None, run
        (picture,) = pictures(local_stack, leader)
        message = picture["message"]
        assert message["attachment"]["payload"]["elements"][0]["attachment_id"]
        assert unit.name in message["text"] and "Tin báo:" in message["text"]
        assert local_stack.fire_schedule(SCHEDULE, at=next_monday_7am().isoformat())["last_error"] is None
        assert len(pictures(local_stack, leader)) == 1  # a retried run sends nothing again
    finally:
        removed = anninh(local_stack, "officers", "remove", unit.unit_id, leader)
        assert removed.returncode == 0, removed.stderr
