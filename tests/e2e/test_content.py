"""Units' content on the running local stack: the seeded patrols are listed, and patrols the CLI publishes
answer the menu. The CLI writes only to a unit and OA of this file's own (``local_stack.new_unit``); the
seeded unit is only read."""

from __future__ import annotations

import pytest
from anninh import texts
from localrun.citizen import reply_text

from tests.e2e.test_admin_cli import anninh

pytestmark = pytest.mark.e2e

SEEDED_UNIT = "xa-binh-an"  # read only: its patrols come from infra/seed/content.yaml


def test_seeded_patrols_are_listed_and_the_cli_publishes_more(local_stack, user_id) -> None:
    listed = anninh(local_stack, "content", "list", "--unit", SEEDED_UNIT, "--kind", "patrol")
    assert listed.returncode == 0, listed.stderr
    assert "tuan-tra-dem-quoc-lo" in listed.stdout  # seeded from infra/seed/content.yaml

    unit = local_stack.new_unit("content").unit_id
    for patrol_id, route, hours in [
        ("tuan-tra-dem-quoc-lo", "Quốc lộ 1 đoạn qua xã, chợ Bình An", "19:00-23:00"),
        ("tuan-tra-e2e", "Tuyến kiểm thử đầu cuối", "05:00-06:00"),
    ]:
        saved = anninh(
            local_stack,
            "content", "set", unit, "patrol", patrol_id,
            "--field", "start=2020-01-01", "--field", "end=2099-12-31",
            "--field", f"route={route}", "--field", f"hours={hours}",
        )  # fmt: skip
        assert saved.returncode == 0, saved.stderr
    refused = anninh(local_stack, "content", "set", unit, "patrol", "sai", "--field", "route=Thiếu ngày")
    assert refused.returncode == 2 and "patrol.start" in refused.stderr

    assert local_stack.send(unit, user_id, "Lịch tuần tra").status_code == 200
    calls = local_stack.wait_for_reply(
        user_id, lambda cs: any(texts.PATROL_TODAY in reply_text(c) for c in cs)
    )
    schedule = next(reply_text(c) for c in calls if texts.PATROL_TODAY in reply_text(c))
    assert "Quốc lộ 1 đoạn qua xã" in schedule and "Tuyến kiểm thử đầu cuối" in schedule

    removed = anninh(local_stack, "content", "remove", unit, "patrol", "tuan-tra-e2e")
    assert removed.returncode == 0, removed.stderr
