"""The Zalo console against the local stack over HTTP: GET on the webhook URL, the domain-verification file
at the root, the console's ping, and a signed notice that carries no user, all answered 200 (to a unit and OA
of this file's own, ``local_stack.new_unit``)."""

from __future__ import annotations

import time

import pytest
from localrun.stack import LOCAL_VERIFIER_CODE, LOCAL_VERIFIER_FILE

pytestmark = pytest.mark.e2e


def test_the_console_gets_200_on_the_webhook_url_and_finds_the_verification_file(local_stack) -> None:
    answer = local_stack.session.get(local_stack.webhook_url, timeout=10)
    assert answer.status_code == 200
    page = local_stack.session.get(f"{local_stack.base_url}/{LOCAL_VERIFIER_FILE}", timeout=10)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert f'content="{LOCAL_VERIFIER_CODE}"' in page.text
    assert "zalo-platform-site-verification" in page.text
    other = local_stack.session.get(f"{local_stack.base_url}/zalo_verifierSomeoneElse.html", timeout=10)
    assert other.status_code == 404


def test_the_ping_and_a_notice_without_a_user_are_200_and_answer_nobody(local_stack, user_id) -> None:
    ping = local_stack.session.post(local_stack.webhook_url, data=b"", timeout=10)
    assert (ping.status_code, ping.json()) == (200, {"status": "ping"})
    unit = local_stack.new_unit("console")
    notice = {
        "app_id": unit.app_id,
        "oa_id": unit.oa_id,
        "event_name": "add_user_to_tag",
        "tag": {"user_ids": [user_id], "name": "e2e"},
        "timestamp": str(int(time.time() * 1000)),
    }
    answer = local_stack.post_event(unit, notice)
    assert (answer.status_code, answer.json()) == (200, {"status": "ignored"})
    time.sleep(2)  # two worker polls: anything queued would have been answered by now
    assert local_stack.outbox(user_id) == []
