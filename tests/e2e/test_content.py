"""Units' content on the running local stack: the seeded patrols answer the menu, and the CLI edits them."""

from __future__ import annotations

import pytest
from anninh import texts
from localrun.citizen import reply_text

from tests.e2e.test_admin_cli import anninh

pytestmark = pytest.mark.e2e

UNIT = "xa-binh-an"


def test_seeded_patrols_answer_the_menu_and_the_cli_publishes_more(local_stack, user_id) -> None:
    listed = anninh(local_stack, "content", "list", "--unit", UNIT, "--kind", "patrol")
    assert listed.returncode == 0, listed.stderr
    assert "tuan-tra-dem-quoc-lo" in listed.stdout  # seeded from infra/seed/content.yaml

    saved = anninh(
        local_stack,
        "content", "set", UNIT, "patrol", "tuan-tra-e2e",
        "--field", "start=2020-01-01", "--field", "end=2099-12-31",
        "--field", "route=Tuyến kiểm thử đầu cuối", "--field", "hours=05:00-06:00",
    )  # fmt: skip
    assert saved.returncode == 0, saved.stderr
    refused = anninh(local_stack, "content", "set", UNIT, "patrol", "sai", "--field", "route=Thiếu ngày")
    assert refused.returncode == 2 and "patrol.start" in refused.stderr

    assert local_stack.send(UNIT, user_id, "Lịch tuần tra").status_code == 200
    calls = local_stack.wait_for_reply(
        user_id, lambda cs: any(texts.PATROL_TODAY in reply_text(c) for c in cs)
    )
    schedule = next(reply_text(c) for c in calls if texts.PATROL_TODAY in reply_text(c))
    assert "Quốc lộ 1 đoạn qua xã" in schedule and "Tuyến kiểm thử đầu cuối" in schedule

    removed = anninh(local_stack, "content", "remove", UNIT, "patrol", "tuan-tra-e2e")
    assert removed.returncode == 0, removed.stderr
