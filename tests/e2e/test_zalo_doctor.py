"""`anninh zalo doctor` against the running local stack under both fake Zalo profiles (docs/zalo-platform.md
§8): what Zalo accepts is reported, recorded for the OA, and the next citizen's menu follows it. The unit and
its OA (whose recorded capabilities the doctor rewrites) are this file's own (``local_stack.new_unit``)."""

from __future__ import annotations

import json
import time

import pytest
from anninh import texts
from localrun.citizen import reply_text

from tests.e2e.test_admin_cli import anninh

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("zalo_profile")]


@pytest.fixture(scope="module")
def unit_id(local_stack) -> str:
    return local_stack.new_unit("doctor").unit_id


def test_doctor_reports_what_zalo_accepts_and_the_menus_follow(
    local_stack, unit_id, user_id, zalo_profile
) -> None:
    officer = user_id
    local_stack.note_interaction(unit_id, officer)  # the officer wrote to the OA a moment ago
    done = anninh(local_stack, "zalo", "doctor", "--unit", unit_id, "--send-test-to", officer, "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)["report"]
    assert report["token"]["status"] == "accepted" and report["profile"]["status"] == "accepted"
    statuses = {kind: check["status"] for kind, check in report["messages"].items()}
    assert statuses["text"] == statuses["request_user_info"] == statuses["image"] == "accepted"
    if zalo_profile == "strict":
        assert report["messages"]["list"]["code"] == -233 and report["menu_mode"] == "text"
    else:
        assert statuses["list"] == "accepted" and report["menu_mode"] == "list"
    officer_got = [c for c in local_stack.outbox(officer) if c["endpoint"] == "/v3.0/oa/message/cs"]
    assert len(officer_got) == 4 - (zalo_profile == "strict")  # one message per kind Zalo accepted

    # The next citizen's menu goes the way the doctor recorded, with no refused attempt first.
    citizen = user_id + "7"
    time.sleep(1.2)  # the worker re-reads an OA's recorded capabilities after ZALO_CAPABILITY_CACHE_SECONDS=1
    calls_before = len(local_stack.calls())
    local_stack.send(unit_id, citizen, "menu")
    calls = local_stack.wait_for_reply(
        citizen, lambda cs: any(texts.SECTION_CONTACT in reply_text(c) for c in cs)
    )
    menu = next(c["message"] for c in calls if texts.SECTION_CONTACT in reply_text(c))
    assert ("attachment" in menu) is (zalo_profile == "default")
    # This citizen's calls only: late replies of earlier tests to other users may still be going out.
    mine = [c for c in local_stack.calls()[calls_before:] if c.get("user_id") == citizen]
    assert mine and not [c for c in mine if c.get("error")]

    readable = anninh(local_stack, "zalo", "doctor", "--unit", unit_id)
    assert readable.returncode == 0, readable.stderr
    assert (
        texts.DOCTOR_KIND["token"] in readable.stdout and texts.DOCTOR_STATUS["accepted"] in readable.stdout
    )


def test_doctor_refuses_bad_input_clearly(local_stack, unit_id, zalo_profile) -> None:
    unknown = anninh(local_stack, "zalo", "doctor", "--unit", "khong-co-don-vi")
    assert unknown.returncode != 0 and unknown.stderr
    bad = anninh(local_stack, "zalo", "doctor", "--unit", unit_id, "--send-test-to", "abc")
    assert bad.returncode != 0 and "send_test_to" in bad.stderr
