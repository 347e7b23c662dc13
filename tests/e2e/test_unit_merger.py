"""A unit merger on the local stack, as a province's admin runs it: the test creates its own province, two
communes with their own OAs (imported and connected with the CLI), an officer and citizens; after
`anninh units merge` a tip code of the old commune still resolves, its reporter still gets the replies of an
officer of the new commune, and a citizen writing to the old commune's OA is pointed to the new one."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
import yaml
from anninh import texts
from localrun.citizen import DemoUnit, new_user_id
from localrun.stack import LOCAL_ADMIN_TOKEN

from tests.e2e.test_tips import Chat, file_tip

pytestmark = pytest.mark.e2e


def anninh(local_stack, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_") and not k.endswith("_TABLE")}
    env.update({"ANNINH_API_URL": local_stack.base_url, "ANNINH_LOCAL_TOKEN": LOCAL_ADMIN_TOKEN})
    done = subprocess.run(
        [sys.executable, "-m", "anninh.cli", *argv], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, (argv, done.stdout, done.stderr)
    return done


class OwnChat(Chat):
    """A chat with an OA this test created (not one of the seeded demo units)."""

    def __init__(self, stack, unit: DemoUnit, user_id: str) -> None:  # type: ignore[no-untyped-def]
        self.stack, self.unit, self.user_id = stack, unit, user_id


@pytest.fixture
def province(local_stack, tmp_path):  # type: ignore[no-untyped-def]
    """Its own province with two communes, each with an OA connected through the CLI. OA ids have 14
    digits: shorter than a Zalo id, so the session's log scan (which knows only the seeded OAs) does not
    take them for a citizen's id."""
    tag = new_user_id()[-8:]
    app_id = next(iter(local_stack.units().values())).app_id
    units = {
        "root": {"unit_id": f"tinh-sn-{tag}", "name": f"Công an tỉnh Sáp Nhập {tag}", "level": "province"},
        "old": {"unit_id": f"xa-cu-{tag}", "name": f"Công an xã Cũ {tag}", "code": "CU"},
        "new": {
            "unit_id": f"xa-moi-{tag}",
            "name": f"Công an xã Mới {tag}",
            "code": "MO",
            "hotline": "0200 3999",
        },
    }
    for key in ("old", "new"):
        units[key].update(level="commune", parent_id=units["root"]["unit_id"])
    path = tmp_path / "units.yaml"
    path.write_text(yaml.safe_dump({"units": list(units.values())}, allow_unicode=True), encoding="utf-8")
    anninh(local_stack, "units", "import", str(path))
    oas = {
        key: DemoUnit(
            units[key]["unit_id"], units[key]["name"], f"77{tag}{i}000", app_id, f"Secret-{tag}-{key}"
        )
        for i, key in enumerate(("old", "new"))
    }
    table = tmp_path / "oas.csv"
    with table.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["oa_id", "unit_id", "oa_secret_key"])
        for oa in oas.values():
            writer.writerow([oa.oa_id, oa.unit_id, oa.oa_secret_key])
    anninh(local_stack, "oa", "import", str(table))
    for oa in oas.values():
        consent = json.loads(anninh(local_stack, "oa", "connect", "--unit", oa.unit_id, "--json").stdout)
        assert set(parse_qs(urlsplit(consent["consent_url"]).query)) >= {"app_id", "state"}
        approved = requests.get(consent["consent_url"] + f"&oa_id={oa.oa_id}", timeout=20)
        assert approved.status_code == 200, approved.text
    return oas


def test_after_a_merger_old_codes_resolve_reporters_get_replies_and_the_old_oa_points_on(
    local_stack, province
) -> None:
    old, new = province["old"], province["new"]
    reporter = OwnChat(local_stack, old, new_user_id())
    code = file_tip(reporter, category="3", description="Kẻ gian cạy cửa lấy trộm xe máy trong sân")
    assert code.startswith("CU-")

    officer_id = new_user_id()
    anninh(
        local_stack,
        "officers",
        "set",
        new.unit_id,
        officer_id,
        "--name",
        "Trần Văn Mới",
        "--role",
        "can_bo_xu_ly",
    )
    officer = OwnChat(local_stack, new, officer_id)
    officer.say("menu", expect="")  # officers have written to their OA (the messaging window)
    denied = officer.say(f"#xem {code}", expect="")  # before the merger: another unit's tip
    assert "Kẻ gian cạy cửa" not in denied

    plan = anninh(
        local_stack, "units", "merge", "--from", old.unit_id, "--into", new.unit_id, "--dry-run", "--json"
    )
    planned = json.loads(plan.stdout)
    assert planned["dry_run"] is True and planned["counts"]["tips"] == 1 and "oa" not in planned["parts"]
    listed = {u["unit_id"]: u for u in json.loads(anninh(local_stack, "units", "list", "--json").stdout)}
    assert listed[old.unit_id]["merged_into"] is None  # the dry run changed nothing

    merged = json.loads(
        anninh(local_stack, "units", "merge", "--from", old.unit_id, "--into", new.unit_id, "--json").stdout
    )
    assert merged["complete"] is True and set(merged["steps"].values()) == {"done"}
    listed = {u["unit_id"]: u for u in json.loads(anninh(local_stack, "units", "list", "--json").stdout)}
    assert listed[old.unit_id]["merged_into"] == new.unit_id and listed[old.unit_id]["oa_id"] == old.oa_id
    assert [h["kind"] for h in listed[old.unit_id]["history"]] == ["merged_into"]
    assert [h["kind"] for h in listed[new.unit_id]["history"]] == ["merged_from"]

    # The old code resolves, now as the new unit's tip; its officer answers and the reporter hears it.
    assert "Kẻ gian cạy cửa" in officer.say(f"#xem {code}", expect="Kẻ gian cạy cửa")
    status = reporter.say(f"tra cứu {code}", expect=code)
    assert "đã sáp nhập vào" not in status and new.name not in status  # a follow-up, not the pointer
    question = "Xe máy màu gì, biển số bao nhiêu?"
    officer.say(f"#phanhoi {code} {question}", expect=texts.OFFICER_TIP_REPLIED.format(code=code))
    relayed = reporter.wait(0, expect=question)
    assert texts.TIP_OFFICER_REPLY.format(code=code, text=question) in relayed
    assert local_stack.outbox(reporter.user_id)[-1]["oa_id"] == old.oa_id  # through the OA they know

    # Anyone else writing to the old OA is pointed to the new unit, its OA link and hotline.
    stranger = OwnChat(local_stack, old, new_user_id())
    pointer = stranger.say("cho hỏi thủ tục làm căn cước", expect=new.name)
    assert f"https://zalo.me/{new.oa_id}" in pointer and "0200 3999" in pointer
    assert len(local_stack.settled_outbox(stranger.user_id)) == 1

    again = subprocess.run(
        [sys.executable, "-m", "anninh.cli", "units", "merge", "--from", old.unit_id, "--into", new.unit_id],
        env={**os.environ, "ANNINH_API_URL": local_stack.base_url, "ANNINH_LOCAL_TOKEN": LOCAL_ADMIN_TOKEN},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert again.returncode != 0 and old.unit_id in again.stderr  # merged already: refused, nothing moved
