"""`anninh tips list` and `anninh tips update` against the running local stack: a tip filed in chat is
listed from the command line, its status set there, and the change reaches the reporter in Zalo. The unit,
its OA and its 24/7 trực ban are this file's own (``local_stack.staffed_unit``)."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from localrun.citizen import reply_text

from tests.e2e.conftest import StaffedUnit
from tests.e2e.test_admin_cli import anninh

pytestmark = pytest.mark.e2e

CODE = re.compile(r"Mã tin báo của bạn: ([A-Z0-9]+-[A-Z0-9]+)")


@pytest.fixture(scope="module")
def unit(local_stack) -> StaffedUnit:
    return local_stack.staffed_unit("tips-cli")


def say(local_stack, unit: str, user_id: str, text: str, expect: str) -> str:
    """Send ``text``; the new replies once one of them contains ``expect``."""
    before = len(local_stack.outbox(user_id))
    assert local_stack.send(unit, user_id, text).status_code == 200

    def arrived(calls: list[dict[str, Any]]) -> bool:
        return any(expect in reply_text(call) for call in calls[before:])

    calls = local_stack.wait_for_reply(user_id, arrived)
    return "\n".join(reply_text(call) for call in calls[before:])


def test_tip_listed_and_updated_from_the_cli_reaches_the_reporter(local_stack, user_id, unit) -> None:
    for text, expect in [
        ("báo tin", "Bước 1/6"),
        ("2", "Bước 2/6"),
        ("Có sòng bạc ăn tiền trong nhà kho cuối xóm mỗi tối", "Bước 3/6"),
        ("không nhớ", "Bước 4/6"),
        ("không nhớ", "Bước 5/6"),
        ("xong", "Bước 6/6"),
        ("1", "gửi"),
    ]:
        say(local_stack, unit.unit_id, user_id, text, expect)
    found = CODE.search(say(local_stack, unit.unit_id, user_id, "gửi", "Mã tin báo"))
    assert found
    code = found.group(1)

    listed = anninh(local_stack, "tips", "list", "--unit", unit.unit_id, "--status", "moi")
    assert listed.returncode == 0, listed.stderr
    line = next(line for line in listed.stdout.splitlines() if code in line)
    assert "Cờ bạc — Mới" in line and user_id not in listed.stdout
    as_json = anninh(local_stack, "tips", "list", "--unit", unit.unit_id, "--json")
    tip = next(t for t in json.loads(as_json.stdout) if t["code"] == code)
    assert tip["privacy"] == "anonymous" and tip["contact"] is None and user_id not in as_json.stdout

    updated = anninh(local_stack, "tips", "update", code, "--status", "da_tiep_nhan")
    assert updated.returncode == 0, updated.stderr
    assert f"Đã cập nhật {code}: Đã tiếp nhận." in updated.stdout
    pushed = local_stack.wait_for_reply(
        user_id, lambda calls: any(f"Cập nhật tin báo {code}" in reply_text(c) for c in calls)
    )
    assert sum(f"Cập nhật tin báo {code}" in reply_text(c) for c in pushed) == 1

    refused = anninh(local_stack, "tips", "update", code, "--status", "da_xu_ly")
    assert refused.returncode == 2 and "kết quả công khai" in refused.stderr
    closed = anninh(
        local_stack, "tips", "update", code, "--status", "khong_du_co_so", "--result", "Chưa đủ căn cứ"
    )
    assert closed.returncode == 0, closed.stderr
    status = say(local_stack, unit.unit_id, user_id, f"tra cứu {code}", "Không đủ cơ sở")
    assert "Chưa đủ căn cứ" in status
