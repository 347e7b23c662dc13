"""Broadcasts on the running local stack: created with the CLI, fired by the local scheduler, sent by the
fan-out and the rate-limited sender only to followers inside the messaging window, counted by status."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import requests
from anninh import texts
from localrun.citizen import reply_text

from tests.e2e.test_admin_cli import anninh

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("zalo_profile")]

UNIT = "phuong-trung-tam"
TEXT = "Cảnh báo: thủ đoạn giả danh công an gọi điện yêu cầu chuyển tiền. Không làm theo, báo ngay 113."


PREVIEW = texts.BROADCAST_PREVIEW_PREFIX + TEXT[:40]


def _broadcast_texts(local_stack, user_id: str) -> list[str]:
    return [reply_text(c) for c in local_stack.outbox(user_id) if TEXT in reply_text(c)]


def test_scheduled_broadcast_reaches_in_window_followers_once(local_stack) -> None:
    suffix = str(int(time.time() * 1000))[-9:]
    recent = [f"71{suffix}1", f"71{suffix}2"]
    silent = f"71{suffix}3"  # a follower from Zalo's list who never wrote: outside the 48 h window
    for citizen in recent:
        assert local_stack.send(UNIT, citizen, "menu").status_code == 200
        local_stack.wait_for_reply(citizen)
    oa_id = local_stack.units()[UNIT].oa_id
    registered = requests.post(
        f"{local_stack.base_url}/zalo-api/_followers",
        json={"oa_id": oa_id, "user_ids": [*recent, silent]},
        timeout=10,
    )
    assert registered.ok
    synced = anninh(local_stack, "followers", "sync", "--unit", UNIT)
    assert synced.returncode == 0, synced.stderr

    at = (
        (datetime.now(UTC) + timedelta(days=1))
        .astimezone(ZoneInfo("Asia/Ho_Chi_Minh"))
        .strftime("%Y-%m-%dT%H:%M")
    )
    created = anninh(
        local_stack,
        "broadcast",
        "create",
        "--unit",
        UNIT,
        "--audience",
        "48h",
        "--text",
        TEXT,
        "--at",
        at,
        "--not-promotional",
        "--json",
    )
    assert created.returncode == 0, created.stderr
    broadcast_id = json.loads(created.stdout)["broadcast_id"]

    preview = anninh(local_stack, "broadcast", "preview", broadcast_id)
    assert preview.returncode == 0, preview.stderr
    duty_officer = "8800000000000000021"  # infra/seed/officers.yaml: phuong-trung-tam's 24/7 trực ban
    local_stack.wait_for_reply(duty_officer, lambda cs: any(PREVIEW in reply_text(c) for c in cs), timeout=20)
    assert all(_broadcast_texts(local_stack, c) == [] for c in recent)  # a preview reaches officers only

    fired = requests.post(
        f"{local_stack.base_url}/_local/schedules/fire",
        params={"name": f"anninh-broadcast-{broadcast_id}"},
        timeout=60,
    )
    assert fired.ok, fired.text
    for citizen in recent:
        local_stack.wait_for_reply(citizen, lambda cs: any(TEXT in reply_text(c) for c in cs), timeout=30)
    time.sleep(2)  # anything wrongly sent twice or to the silent follower would have arrived by now
    assert [len(_broadcast_texts(local_stack, c)) for c in recent] == [1, 1]
    assert _broadcast_texts(local_stack, silent) == []

    status = anninh(local_stack, "broadcast", "status", broadcast_id, "--json")
    assert status.returncode == 0, status.stderr
    counts = json.loads(status.stdout)
    # The unit's other in-window followers (earlier tests, the other profile's run) are in the audience too;
    # this test's own recipients were checked one by one above.
    assert counts["sent"] == counts["queued"] >= 2 and counts["pending"] == 0, counts

    assert counts["status"] == "done"
    # A one-time broadcast that has run cannot be cancelled: a clear refusal, nothing changes.
    cancelled = anninh(local_stack, "broadcast", "cancel", broadcast_id)
    assert (
        cancelled.returncode == 6
        and "không thể hủy tin phát đang ở trạng thái “đã gửi xong”" in cancelled.stderr
    )


def test_a_broadcast_to_all_followers_goes_as_one_article_broadcast(local_stack, zalo_profile) -> None:
    """docs/zalo-platform.md §4: Zalo's way to reach every follower is an article broadcast."""
    title = f"Thông báo thử {int(time.time() * 1000)}"
    at = (
        (datetime.now(UTC) + timedelta(days=1))
        .astimezone(ZoneInfo("Asia/Ho_Chi_Minh"))
        .strftime("%Y-%m-%dT%H:%M")
    )
    created = anninh(
        local_stack, "broadcast", "create", "--unit", UNIT, "--audience", "all",
        "--text", f"{title}\n\n{TEXT}", "--at", at, "--json",
    )  # fmt: skip
    assert created.returncode == 0, created.stderr
    broadcast_id = json.loads(created.stdout)["broadcast_id"]
    consultation_before = len(local_stack.outbox())
    fired = requests.post(
        f"{local_stack.base_url}/_local/schedules/fire",
        params={"name": f"anninh-broadcast-{broadcast_id}"},
        timeout=60,
    )
    assert fired.ok, fired.text

    def published() -> list[dict]:
        articles = [
            e
            for e in local_stack.outbox()
            if e["endpoint"] == "/v2.0/article/create" and e["body"]["title"] == title
        ]
        return articles

    deadline = time.monotonic() + 30
    while not published() and time.monotonic() < deadline:
        time.sleep(0.5)
    [article] = published()
    assert article["oa_id"] == local_stack.unit(UNIT).oa_id
    status = anninh(local_stack, "broadcast", "status", broadcast_id, "--json")
    counts = json.loads(status.stdout)
    deadline = time.monotonic() + 30
    while counts["sent"] < 1 and time.monotonic() < deadline:
        time.sleep(0.5)
        counts = json.loads(anninh(local_stack, "broadcast", "status", broadcast_id, "--json").stdout)
    assert counts["channels"] == {"consultation": 0, "article": 1} and counts["queued"] == 1, counts
    later = local_stack.outbox()[consultation_before:]
    sent_after = [e for e in later if e["endpoint"] == "/v3.0/oa/message/cs" and TEXT in reply_text(e)]
    assert sent_after == []  # no consultation message carried it
