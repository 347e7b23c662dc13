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
from localrun.citizen import new_user_id, reply_text

from tests.e2e.test_admin_cli import anninh

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("zalo_profile")]

TEXT = "Cảnh báo: thủ đoạn giả danh công an gọi điện yêu cầu chuyển tiền. Không làm theo, báo ngay 113."


PREVIEW = texts.BROADCAST_PREVIEW_PREFIX + TEXT[:40]


@pytest.fixture
def unit(local_stack) -> str:
    """A unit and OA of this test's own: every follower and broadcast of it is this test's."""
    return local_stack.new_unit("broadcasts").unit_id


@pytest.fixture
def duty_officer(local_stack, unit: str) -> str:
    """The unit's 24/7 trực ban (previews reach officers only), who wrote to the OA (strict profile)."""
    officer = new_user_id()
    saved = anninh(
        local_stack, "officers", "set", unit, officer, "--name", "Phạm Văn Trực",
        "--role", "truc_ban", "--shift", "0-6 00:00-00:00",
    )  # fmt: skip
    assert saved.returncode == 0, saved.stderr
    return officer


def _broadcast_texts(local_stack, user_id: str) -> list[str]:
    return [reply_text(c) for c in local_stack.outbox(user_id) if TEXT in reply_text(c)]


def test_scheduled_broadcast_reaches_in_window_followers_once(local_stack, unit, duty_officer) -> None:
    recent = [new_user_id(), new_user_id()]
    silent = new_user_id()  # a follower from Zalo's list who never wrote: outside the 48 h window
    for citizen in recent:
        assert local_stack.send(unit, citizen, "menu").status_code == 200
        local_stack.wait_for_reply(citizen)
    local_stack.note_interaction(unit, duty_officer)  # officers write to their OA weekly (strict profile)
    oa_id = local_stack.units()[unit].oa_id
    registered = requests.post(
        f"{local_stack.base_url}/zalo-api/_followers",
        json={"oa_id": oa_id, "user_ids": [*recent, silent]},
        timeout=10,
    )
    assert registered.ok
    synced = anninh(local_stack, "followers", "sync", "--unit", unit)
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
        unit,
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
    # The OA is this test's own: its in-window followers are exactly the two citizens who wrote.
    assert (counts["queued"], counts["sent"], counts["pending"]) == (2, 2, 0), counts

    assert counts["status"] == "done"
    # A one-time broadcast that has run cannot be cancelled: a clear refusal, nothing changes.
    cancelled = anninh(local_stack, "broadcast", "cancel", broadcast_id)
    assert cancelled.returncode == 6 and cancelled.stderr.strip(), cancelled
    after = json.loads(anninh(local_stack, "broadcast", "status", broadcast_id, "--json").stdout)
    assert [after[k] for k in ("status", "queued", "sent", "pending")] == ["done", 2, 2, 0], after


def test_a_broadcast_to_all_followers_goes_as_one_article_broadcast(local_stack, zalo_profile, unit) -> None:
    """docs/zalo-platform.md §4: Zalo's way to reach every follower is an article broadcast."""
    title = f"Thông báo thử {int(time.time() * 1000)}"
    at = (
        (datetime.now(UTC) + timedelta(days=1))
        .astimezone(ZoneInfo("Asia/Ho_Chi_Minh"))
        .strftime("%Y-%m-%dT%H:%M")
    )
    created = anninh(
        local_stack, "broadcast", "create", "--unit", unit, "--audience", "all",
        "--text", f"{title}\n\n{TEXT}", "--at", at, "--json",
    )  # fmt: skip
    assert created.returncode == 0, created.stderr
    broadcast_id = json.loads(created.stdout)["broadcast_id"]
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
    assert article["oa_id"] == local_stack.unit(unit).oa_id
    status = anninh(local_stack, "broadcast", "status", broadcast_id, "--json")
    counts = json.loads(status.stdout)
    deadline = time.monotonic() + 30
    while counts["sent"] < 1 and time.monotonic() < deadline:
        time.sleep(0.5)
        counts = json.loads(anninh(local_stack, "broadcast", "status", broadcast_id, "--json").stdout)
    assert counts["channels"] == {"consultation": 0, "article": 1} and counts["queued"] == 1, counts
    oa_id = local_stack.unit(unit).oa_id
    consultations = [
        e
        for e in local_stack.outbox()
        if e["oa_id"] == oa_id and e["endpoint"] == "/v3.0/oa/message/cs" and title in reply_text(e)
    ]
    assert consultations == []  # no consultation message carried it
