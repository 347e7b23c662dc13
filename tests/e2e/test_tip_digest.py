"""The officers' hourly tip digest on the local stack: an officer set to ``--alerts digest`` with the CLI
gets no immediate alert for a non-urgent tip, then one digest when the template's hourly schedule fires for
the hour the tip was filed in, and not a second one when the run is fired again.

The unit is the test's own (with its own trực ban): the digest lists the hour's tips of the unit, and other
files file many tips on the seeded units within the same hour."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta

import pytest
from anninh import texts
from anninh.officers.model import VIETNAM
from localrun.citizen import new_user_id, reply_text
from localrun.stack import LOCAL_ADMIN_TOKEN

from tests.e2e.replies import digest_header, digest_line, new_tip_alert
from tests.e2e.test_tips import Chat, citizen_chat, file_tip, inbound_drained

pytestmark = pytest.mark.e2e

DIGEST_SCHEDULE = "DigestFunctionHourlyDigest"
HOUR = timedelta(hours=1)


def end_of_hour(moment: datetime) -> datetime:
    return moment.replace(minute=0, second=0, microsecond=0) + HOUR


def anninh(local_stack, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ANNINH_API_URL": local_stack.base_url, "ANNINH_LOCAL_TOKEN": LOCAL_ADMIN_TOKEN}
    return subprocess.run(
        [sys.executable, "-m", "anninh.cli", *argv], env=env, capture_output=True, text=True, timeout=60
    )


def texts_to(local_stack, user_id: str) -> list[str]:
    return [reply_text(call) for call in local_stack.outbox(user_id)]


def test_a_digest_officer_gets_the_hours_tips_once_from_the_schedule(local_stack, user_id) -> None:
    unit = local_stack.new_unit("digest").unit_id
    duty_officer, officer = new_user_id(), new_user_id()
    on_duty = anninh(
        local_stack, "officers", "set", unit, duty_officer, "--name", "Phạm Văn Trực",
        "--role", "truc_ban", "--shift", "0-6 00:00-00:00",
    )  # fmt: skip
    assert on_duty.returncode == 0, on_duty.stderr
    saved = anninh(
        local_stack,
        "officers",
        "set",
        unit,
        officer,
        "--name",
        "Đinh Văn Tổng",
        "--role",
        "can_bo_xu_ly",
        "--shift",
        "0-6 00:00-00:00",
        "--alerts",
        "digest",
    )
    assert saved.returncode == 0, saved.stderr
    try:
        listed = anninh(local_stack, "officers", "list", "--unit", unit)
        assert texts.OFFICER_ALERT_MODES["digest"] in listed.stdout

        before = len(texts_to(local_stack, duty_officer))
        started = datetime.now(VIETNAM)
        code = file_tip(
            citizen_chat(local_stack, user_id, unit),
            category="6",
            description="Nhóm thanh niên tụ tập gây mất trật tự trước nhà văn hóa thôn mỗi tối",
        )
        inbound_drained(local_stack)
        Chat(local_stack, unit, duty_officer).wait(before, expect=new_tip_alert(code))  # immediate officer
        assert texts_to(local_stack, officer) == []  # the digest officer: nothing yet

        # The run at the end of the hour the tip was filed in (both hours if the filing straddled one).
        ends = sorted({end_of_hour(started), end_of_hour(datetime.now(VIETNAM))})
        for hour_end in ends:
            assert local_stack.fire_schedule(DIGEST_SCHEDULE, at=hour_end.isoformat())["last_error"] is None
        (digest,) = texts_to(local_stack, officer)
        assert any(
            digest.startswith(digest_header(f"{end - HOUR:%H:%M}", f"{end:%H:%M}", f"{end - HOUR:%d/%m/%Y}"))
            for end in ends
        )
        assert digest_line(code, "an_ninh_trat_tu") in digest and digest.endswith(texts.OFFICER_DIGEST_FOOTER)
        assert texts.OFFICER_DIGEST_MORE.split("{")[0] not in digest  # the unit's only tip, listed in full

        for hour_end in ends:  # a retried run sends nothing again
            assert local_stack.fire_schedule(DIGEST_SCHEDULE, at=hour_end.isoformat())["last_error"] is None
        assert len(texts_to(local_stack, officer)) == 1
    finally:
        removed = anninh(local_stack, "officers", "remove", unit, officer)
        assert removed.returncode == 0, removed.stderr
