"""Article broadcasts inside the OA's monthly allowance, on the running local stack (README "Broadcasts"):
within the allowance a broadcast to "all" goes out as one article broadcast to the OA's followers; past it the
next one is held ("hết lượt"), never sent, and `anninh broadcast status` says so.

A unit and OA of this file's own are used (``local_stack.new_unit``: its quota ledger and followers are no
other file's); the test sets the OA's allowance to what the month has used plus one and puts the previous
allowance back at the end.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import requests
from localrun.citizen import new_user_id

from tests.e2e.test_admin_cli import anninh

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("zalo_profile")]

TEXT = "Công an tỉnh cảnh báo thủ đoạn lừa đảo đầu tư tiền ảo qua mạng xã hội."


@pytest.fixture(scope="module")
def unit_id(local_stack) -> str:
    return local_stack.new_unit("quota", level="province", parent_id=None).unit_id


def _broadcast_to_all(local_stack, unit_id: str, title: str) -> dict[str, Any]:
    at = (datetime.now(UTC) + timedelta(days=1)).astimezone(ZoneInfo("Asia/Ho_Chi_Minh"))
    created = anninh(
        local_stack, "broadcast", "create", "--unit", unit_id, "--audience", "all",
        "--text", f"{title}\n\n{TEXT}", "--at", at.strftime("%Y-%m-%dT%H:%M"), "--json",
    )  # fmt: skip
    assert created.returncode == 0, created.stderr
    answer: dict[str, Any] = json.loads(created.stdout)
    broadcast_id = str(answer["broadcast_id"])
    fired = requests.post(
        f"{local_stack.base_url}/_local/schedules/fire",
        params={"name": f"anninh-broadcast-{broadcast_id}"},
        timeout=60,
    )
    assert fired.ok, fired.text
    return answer


def _status_when(local_stack, broadcast_id: str, done: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
    deadline = time.monotonic() + 40
    while True:
        status = anninh(local_stack, "broadcast", "status", broadcast_id, "--json")
        assert status.returncode == 0, status.stderr
        progress: dict[str, Any] = json.loads(status.stdout)
        if done(progress) or time.monotonic() > deadline:
            return progress
        time.sleep(0.5)


def _quota(local_stack, unit_id: str, *argv: str) -> dict[str, Any]:
    answer = anninh(local_stack, "zalo", "quota", "--unit", unit_id, *argv, "--json")
    assert answer.returncode == 0, answer.stderr
    return dict(json.loads(answer.stdout))


def test_within_the_allowance_an_article_goes_out_past_it_the_next_is_held(
    local_stack, unit_id, zalo_profile
) -> None:
    oa_id = local_stack.unit(unit_id).oa_id
    followers = [new_user_id(), new_user_id()]
    registered = requests.post(
        f"{local_stack.base_url}/zalo-api/_followers",
        json={"oa_id": oa_id, "user_ids": followers},
        timeout=10,
    )
    assert registered.ok, registered.text
    before = _quota(local_stack, unit_id)
    allowance = _quota(local_stack, unit_id, "--broadcasts-per-month", str(before["used"] + 1))
    assert allowance["remaining"] == 1 and allowance["source"] == "configured"
    stamp = int(time.time() * 1000)
    try:
        first = _broadcast_to_all(local_stack, unit_id, f"Cảnh báo {stamp}")
        assert first["quota_exhausted"] is False
        sent_id = first["broadcast_id"]
        sent = _status_when(local_stack, sent_id, lambda p: p["sent"] >= 1)
        assert sent["channels"] == {"consultation": 0, "article": 1} and sent["held"] == 0, sent
        [_article] = [
            e
            for e in local_stack.outbox()
            if e["endpoint"] == "/v2.0/oa/message"
            and e["oa_id"] == oa_id
            and set(followers) <= set(e.get("reached") or [])
        ]  # one article broadcast reached the OA's followers
        assert _quota(local_stack, unit_id)["remaining"] == 0

        held_title = f"Cảnh báo {stamp + 1}"
        second = _broadcast_to_all(local_stack, unit_id, held_title)
        assert second["quota_exhausted"] is True  # the officer is warned when creating it
        held_id = second["broadcast_id"]
        held = _status_when(local_stack, held_id, lambda p: p["held"] >= 1)
        assert held["held"] == 1 and held["sent"] == 0 and held["reasons"] == {"quota": 1}, held
        assert held["status"] == "done" and held["channels"] == {"consultation": 0, "article": 0}
        told = anninh(local_stack, "broadcast", "status", held_id)
        assert told.returncode == 0 and "hết lượt" in told.stdout.lower()  # the officer is told why
        created = [e for e in local_stack.outbox() if e["endpoint"] == "/v2.0/article/create"]
        assert [e for e in created if e["body"]["title"] == held_title] == []  # never even written
    finally:
        _quota(local_stack, unit_id, "--broadcasts-per-month", str(before["broadcasts_per_month"]))
