"""`anninh broadcast …` prints states, audiences and reasons in Vietnamese (codes stay in --json)."""

from __future__ import annotations

import argparse
import json
from typing import Any

import pytest
from anninh import texts
from anninh.cli import broadcasts as commands

PROGRESS = {
    "broadcast_id": "abc123def456",
    "status": "done",
    "run_id": "once",
    "queued": 5,
    "sent": 2,
    "skipped_out_of_window": 0,
    "unfollowed": 0,
    "failed": 0,
    "in_doubt": 1,
    "expired": 2,
    "cancelled": 0,
    "claimed": 0,
    "pending": 0,
    "delivered": 2,
    "seen": 1,
    "reasons": {"answer_lost": 1, "night": 2},
}


class FakeClient:
    def __init__(self, answers: dict[tuple[str, str], Any]) -> None:
        self.answers = answers

    def request(self, method: str, path: str, **_: Any) -> Any:
        return self.answers[(method, path)]


def args(**values: Any) -> argparse.Namespace:
    return argparse.Namespace(json=False, **values)


def test_status_shows_in_doubt_and_expired_with_their_reasons(capsys):
    client = FakeClient({("GET", "/admin/broadcasts/abc123def456/status"): PROGRESS})
    assert commands._status(args(broadcast_id="abc123def456"), client) == 0  # type: ignore[arg-type]
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Tin phát abc123def456 — đã gửi xong — lượt once: 5 người nhận đã xếp hàng"
    assert (
        "không rõ đã nhận chưa (không gửi lại): 1 · chờ quá hạn, không gửi: 2 · đã hủy, không gửi: 0"
        in out[1]
    )
    assert out[3:] == [
        texts.ADMIN_CLI_BROADCAST_REASONS,
        f"  • {texts.BROADCAST_REASON_LABELS['answer_lost']}: 1",
        f"  • {texts.BROADCAST_REASON_LABELS['night']}: 2",
    ]


def test_status_json_keeps_the_codes(capsys):
    client = FakeClient({("GET", "/admin/broadcasts/abc123def456/status"): PROGRESS})
    commands._status(argparse.Namespace(json=True, broadcast_id="abc123def456"), client)  # type: ignore[arg-type]
    assert json.loads(capsys.readouterr().out)["reasons"] == {"answer_lost": 1, "night": 2}


def test_list_and_changes_use_vietnamese_labels(capsys):
    item = {"broadcast_id": "abc123def456", "unit_id": "xa", "schedule": "cron(0 8 ? * MON *)"}
    client = FakeClient(
        {
            ("GET", "/admin/broadcasts"): {"items": [{**item, "audience": "48h", "status": "paused"}]},
            ("POST", "/admin/broadcasts/abc123def456/resume"): {
                "broadcast_id": "abc123def456",
                "status": "scheduled",
            },
        }
    )
    commands._list(args(), client)  # type: ignore[arg-type]
    commands._action(args(broadcast_id="abc123def456", broadcast_command="resume"), client)  # type: ignore[arg-type]
    assert capsys.readouterr().out.splitlines() == [
        "• abc123def456 [xa] cron(0 8 ? * MON *) — tương tác trong 48 giờ — tạm dừng",
        "Tin phát abc123def456: đã lên lịch.",
    ]


def test_a_malformed_button_is_refused_in_vietnamese():
    with pytest.raises(argparse.ArgumentTypeError) as refused:
        commands._button("Xem thêm")
    assert str(refused.value) == texts.BROADCAST_ERROR_BUTTON_ARGUMENT.format(value="Xem thêm")
    assert commands._button("Xem thêm=https://ca.gov.vn/a") == {
        "title": "Xem thêm",
        "url": "https://ca.gov.vn/a",
    }
