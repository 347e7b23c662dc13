"""Tips routed by place on the local stack, in a province of the test's own making.

The test brings in, through the admin CLI as an admin would, a province and two communes (units import),
the OAs of the province and of one commune (oa import, oa connect) and an officer on duty at each (officers
set). A citizen writes to the province's OA and names the commune in the place; the province's officer sees
the offer in the new-tip alert and accepts it with "#chuyen CODE"; the commune's officer is alerted and
answers the reporter through the tip. Nothing here is shared with other tests: every id is new.
"""

from __future__ import annotations

import csv
import json
import os
import re
import secrets
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import requests
import yaml
from localrun.citizen import DemoUnit, new_user_id, reply_text, text_event

pytestmark = [pytest.mark.e2e]

LOCAL_ADMIN_TOKEN = "anninh-local-admin-demo"  # the local stack's documented admin token
CODE = re.compile(r"Mã tin báo của bạn: ([A-Z0-9]+-[A-Z0-9]+)")


def anninh(local_stack: Any, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_") and not k.endswith("_TABLE")}
    env.update({"ANNINH_API_URL": local_stack.base_url, "ANNINH_LOCAL_TOKEN": LOCAL_ADMIN_TOKEN})
    done = subprocess.run(
        [sys.executable, "-m", "anninh.cli", *argv], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done


def oa_id() -> str:
    return "7" + "".join(secrets.choice("0123456789") for _ in range(17))


def make_province(local_stack: Any, tmp_path: Path) -> dict[str, DemoUnit]:
    """A province and two communes, OAs for the province and the first commune; returns the OA units."""
    tag = new_user_id()[-6:]
    province, east, west = f"e2e-tinh-{tag}", f"e2e-xa-dong-{tag}", f"e2e-xa-tay-{tag}"
    oas = {province: oa_id(), east: oa_id()}
    local_stack.public_ids.update(oas.values())  # OA ids are public: the logs carry them
    units = [
        {"unit_id": province, "name": f"Công an tỉnh Thử {tag}", "level": "province", "code": "TT"},
        {
            "unit_id": east,
            "name": "Công an xã Đông Sơn",
            "level": "commune",
            "parent_id": province,
            "code": "DS",
            "places": ["Xã Hà Tiến, Huyện Cũ"],
        },
        {"unit_id": west, "name": "Công an xã Tây Sơn", "level": "commune", "parent_id": province},
    ]
    for unit in units:
        unit["oa_id"] = oas.get(unit["unit_id"])
    units_file = tmp_path / "units.yaml"
    units_file.write_text(yaml.safe_dump({"units": units}, allow_unicode=True), encoding="utf-8")
    anninh(local_stack, "units", "import", str(units_file))

    keys = {unit_id: "K" + secrets.token_hex(16) for unit_id in oas}
    oa_file = tmp_path / "oas.csv"
    with oa_file.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["oa_id", "unit_id", "oa_secret_key"])
        for unit_id, oa in oas.items():
            writer.writerow([oa, unit_id, keys[unit_id]])
    anninh(local_stack, "oa", "import", str(oa_file))
    for unit_id, oa in oas.items():  # the OA's admin approves on the (fake) Zalo page: the OA has a token
        consent = json.loads(anninh(local_stack, "oa", "connect", "--unit", unit_id, "--json").stdout)
        assert requests.get(consent["consent_url"] + f"&oa_id={oa}", timeout=20).status_code == 200
    app_id = next(iter(local_stack.units().values())).app_id
    return {
        unit_id: DemoUnit(unit_id=unit_id, name=unit_id, oa_id=oa, app_id=app_id, oa_secret_key=keys[unit_id])
        for unit_id, oa in oas.items()
    }


def wrote(stack: Any, unit: DemoUnit, user_id: str) -> None:
    """The user wrote to the OA just now, as Zalo saw it (the strict profile refuses a consultation message
    to a user who has not written within 7 days)."""
    body = {"oa_id": unit.oa_id, "user_id": user_id}
    stack.session.post(f"{stack.base_url}/zalo-api/_interactions", json=body, timeout=5).raise_for_status()


class Chat:
    """One Zalo user writing to one OA of the test's province, reading the OA's replies from the outbox."""

    def __init__(self, stack: Any, unit: DemoUnit, user_id: str) -> None:
        self.stack, self.unit, self.user_id = stack, unit, user_id

    def say(self, text: str, *, expect: str, timeout: float = 20) -> str:
        before = len(self.stack.outbox(self.user_id))
        wrote(self.stack, self.unit, self.user_id)
        answer = self.stack.post_event(self.unit, text_event(self.unit, self.user_id, text))
        assert answer.status_code == 200, answer.text
        return self.wait(before, expect=expect, timeout=timeout)

    def wait(self, before: int, *, expect: str, timeout: float = 20) -> str:
        def arrived(calls: list[dict[str, Any]]) -> bool:
            return any(expect in reply_text(call) for call in calls[before:])

        calls = self.stack.wait_for_reply(self.user_id, arrived, timeout=timeout)
        return "\n".join(reply_text(call) for call in calls[before:])


def first_words(chat: Chat) -> None:
    """The first message to a new OA: the webhook learns new OAs' keys within a minute (anninh.inbound.
    known_oas), so the first message is repeated until the OA answers."""
    deadline = time.monotonic() + 150
    while True:
        before = len(chat.stack.outbox(chat.user_id))
        wrote(chat.stack, chat.unit, chat.user_id)
        chat.stack.post_event(chat.unit, text_event(chat.unit, chat.user_id, "#help"))
        try:
            chat.wait(before, expect="#chuyen", timeout=10)
            return
        except TimeoutError:
            if time.monotonic() > deadline:
                raise


def test_a_tip_to_the_province_is_offered_to_the_commune_it_names_and_moves_on_confirmation(
    local_stack, tmp_path
) -> None:
    oas = make_province(local_stack, tmp_path)
    province_id, east_id = list(oas)
    province_officer, commune_officer, reporter = new_user_id(), new_user_id(), new_user_id()
    anninh(
        local_stack,
        "officers",
        "set",
        province_id,
        province_officer,
        "--name",
        "Trực Tỉnh",
        "--role",
        "truc_ban",
    )
    anninh(
        local_stack, "officers", "set", east_id, commune_officer, "--name", "Trực Xã", "--role", "truc_ban"
    )
    province_desk = Chat(local_stack, oas[province_id], province_officer)
    commune_desk = Chat(local_stack, oas[east_id], commune_officer)
    first_words(province_desk)
    first_words(commune_desk)

    citizen = Chat(local_stack, oas[province_id], reporter)
    citizen.say("báo tin", expect="Bước 1/6")
    citizen.say("2", expect="Bước 2/6")
    citizen.say("Có sòng bạc ăn tiền trong nhà kho cuối thôn mỗi tối", expect="Bước 3/6")
    citizen.say("thôn 2, xa Dong Son", expect="Bước 4/6")
    citizen.say("không nhớ", expect="Bước 5/6")
    citizen.say("xong", expect="Bước 6/6")
    citizen.say("1", expect="gửi")
    submitted = citizen.say("gửi", expect="Mã tin báo")
    code = CODE.search(submitted).group(1)  # type: ignore[union-attr]

    # The province's officer is offered the commune; the commune hears nothing until someone confirms.
    alert = province_desk.wait(0, expect=code)
    assert "Công an xã Đông Sơn" in alert and f"#chuyen {code}" in alert
    assert not any(code in reply_text(c) for c in local_stack.outbox(commune_officer))

    province_desk.say(f"#chuyen {code}", expect="Công an xã Đông Sơn")
    commune_alert = commune_desk.wait(0, expect=code)
    assert "chuyển" in commune_alert
    citizen.wait(0, expect="Công an xã Đông Sơn")  # the reporter learns where the tip went

    # The commune handles it: its officer sees it, and reaches the reporter through the tip, via the OA the
    # reporter wrote to; the reporter's lookup by code still works.
    view = commune_desk.say(f"#xem {code}", expect="Người báo tin:")
    assert "Công an xã Đông Sơn" in view and "sòng bạc" in view
    commune_desk.say(f"#phanhoi {code} Chúng tôi đã nhận, đang xác minh", expect=code)
    citizen.wait(0, expect="đang xác minh")
    assert local_stack.outbox(reporter)[-1]["oa_id"] == oas[province_id].oa_id
    citizen.say(f"bổ sung {code} thường có khoảng 10 người", expect=code)
    assert code in citizen.say(f"tra cứu {code}", expect=code)
    # The province no longer holds the tip but, as the commune's parent, still sees it.
    assert "Công an xã Đông Sơn" in province_desk.say(f"#xem {code}", expect="Người báo tin:")
