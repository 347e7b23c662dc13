"""The admin CLI against the running local stack: a citizen's question answered from the command line.

The unit, its OA and its 24/7 trực ban are this file's own (``local_stack.staffed_unit``)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from anninh import texts
from localrun.citizen import reply_text
from localrun.stack import LOCAL_ADMIN_TOKEN

from tests.e2e.conftest import StaffedUnit

pytestmark = pytest.mark.e2e

QUESTION = "nhà hàng xóm mở nhạc to quá khuya thì làm sao"


def anninh(local_stack, *argv: str, token: str = LOCAL_ADMIN_TOKEN) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ANNINH_API_URL": local_stack.base_url, "ANNINH_LOCAL_TOKEN": token}
    return subprocess.run(
        [sys.executable, "-m", "anninh.cli", *argv], env=env, capture_output=True, text=True, timeout=60
    )


def code_pattern(*constants: str) -> re.Pattern[str]:
    """The question code in a reply made from any of ``constants``: what surrounds ``{code}`` there."""
    around = {(c.split("{code}")[0].rsplit("}", 1)[-1], c.split("{code}")[1][:1]) for c in constants}
    assert len(around) == 1, around
    [(before, after)] = around
    return re.compile(re.escape(before) + r"(?P<code>[A-Z0-9-]+)" + re.escape(after))


# The citizen is told the question went to an officer, with its code (after an FAQ answer or a refusal).
HANDED_OVER = code_pattern(texts.QUESTION_HANDED_OVER, texts.FAQ_ABSTAIN_HANDED_OVER)


@pytest.fixture(scope="module")
def unit(local_stack) -> StaffedUnit:
    return local_stack.staffed_unit("admin-cli")


def test_question_listed_and_answered_from_the_cli_reaches_the_citizen(local_stack, user_id, unit) -> None:
    duty = unit.duty_officer
    alerts_before = len(local_stack.outbox(duty))
    assert local_stack.send(unit.unit_id, user_id, QUESTION).status_code == 200
    calls = local_stack.wait_for_reply(user_id, lambda cs: any(HANDED_OVER.search(reply_text(c)) for c in cs))
    code = HANDED_OVER.search("\n".join(reply_text(c) for c in calls)).group("code")
    # the unit's duty officer was alerted in Zalo
    alerts = local_stack.wait_for_reply(duty, lambda cs: len(cs) > alerts_before)
    assert code in reply_text(alerts[-1])

    listed = anninh(local_stack, "questions", "list", "--unit", unit.unit_id, "--status", "open")
    assert listed.returncode == 0, listed.stderr
    assert code in listed.stdout and "nhạc to" in listed.stdout

    answer = "Anh/chị hãy gọi Công an xã Bình An 0200 3830 113, tổ công tác sẽ đến nhắc nhở."
    answered = anninh(local_stack, "questions", "answer", code, answer, "--as", "Trực ban xã Bình An")
    assert answered.returncode == 0, answered.stderr
    assert code in answered.stdout
    relayed = local_stack.wait_for_reply(user_id, lambda cs: any(answer in reply_text(c) for c in cs))
    assert relayed[-1]["oa_id"] == local_stack.unit(unit.unit_id).oa_id

    again = anninh(local_stack, "questions", "answer", code, "Lần hai")
    assert again.returncode == 6 and code in again.stderr  # refused; the first answer stays (below)
    closed = anninh(
        local_stack, "questions", "list", "--unit", unit.unit_id, "--status", "answered", "--json"
    )
    assert any(q["code"] == code and q["answer"] == answer for q in json.loads(closed.stdout))
    refused = anninh(local_stack, "questions", "list", token="not-the-token")
    assert refused.returncode == 4


def test_officers_are_listed_from_the_cli(local_stack, unit) -> None:
    listed = anninh(local_stack, "officers", "list", "--unit", unit.unit_id, "--json")
    assert listed.returncode == 0, listed.stderr
    duty = next(o for o in json.loads(listed.stdout) if o["user_id"] == unit.duty_officer)
    assert duty["role"] == "truc_ban" and duty["shifts"] == [
        {"days": [0, 1, 2, 3, 4, 5, 6], "start": "00:00", "end": "00:00"}
    ]
