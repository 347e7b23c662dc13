"""``POST /_local/units``: a test makes a unit with its own OA; bad input gets a 400, changes nothing.
A staffed unit (``local_stack.staffed_unit``) also gets its officers, registered through the admin route."""

from __future__ import annotations

import pytest
import requests
from localrun import citizen
from localrun.citizen import new_user_id, reply_text
from localrun.stack import LOCAL_ADMIN_TOKEN

pytestmark = pytest.mark.e2e


def test_a_made_unit_has_a_working_oa_of_its_own(local_stack, user_id) -> None:
    unit = local_stack.new_unit("made")
    assert unit.oa_id not in {u.oa_id for u in local_stack.units().values() if u.unit_id != unit.unit_id}
    assert local_stack.send(unit, user_id, "menu").status_code == 200
    calls = local_stack.wait_for_reply(user_id)
    assert all(call["oa_id"] == unit.oa_id for call in calls) and reply_text(calls[0])


@pytest.mark.parametrize(
    "body",
    [
        {"unit_id": "xa-binh-an", "name": "Trùng mã", "level": "commune", "parent_id": "tinh-demo"},
        {"unit_id": "e2e-orphan", "name": "Không có cấp trên", "level": "commune", "parent_id": "khong-co"},
        {"unit_id": "e2e-bad-oa", "name": "OA sai", "level": "commune", "oa_id": "x"},
        {"unit_id": "e2e-no-name", "level": "commune"},
        ["not", "an", "object"],
    ],
    ids=["duplicate-id", "unknown-parent", "bad-oa-id", "missing-name", "not-an-object"],
)
def test_bad_units_are_refused_and_nothing_changes(local_stack, body) -> None:
    before = requests.get(f"{local_stack.base_url}/_local/units", timeout=10).json()["units"]
    answer = requests.post(f"{local_stack.base_url}/_local/units", json=body, timeout=10)
    assert answer.status_code == 400 and answer.json()["error"], answer.text
    assert requests.get(f"{local_stack.base_url}/_local/units", timeout=10).json()["units"] == before


def test_a_staffed_unit_gets_its_officers_through_the_admin_route(local_stack) -> None:
    staffed = local_stack.staffed_unit("staffed", leader=True, digest_officer=True)
    url = f"{local_stack.base_url}/admin/officers"
    headers = {"x-anninh-token": LOCAL_ADMIN_TOKEN}

    def officers() -> dict[str, tuple[str, str]]:
        listed = requests.get(url, params={"unit_id": staffed.unit_id}, headers=headers, timeout=10)
        assert listed.status_code == 200, listed.text
        return {o["user_id"]: (o["role"], o["alerts"]) for o in listed.json()["officers"]}

    assert officers() == {
        staffed.duty_officer: ("truc_ban", "immediate"),
        staffed.leader: ("lanh_dao", "immediate"),
        staffed.digest_officer: ("can_bo_xu_ly", "digest"),
    }
    # Made-up ids the log scan looks for, and the strict profile's precondition writes for them.
    made = {staffed.duty_officer, staffed.leader, staffed.digest_officer}
    assert made <= citizen.ISSUED_USER_IDS
    assert made <= {user for unit, user in local_stack.made_officers if unit == staffed.unit_id}
    before = officers()
    refused = requests.put(
        f"{url}/{staffed.unit_id}/{new_user_id()}", json={"name": "Sai", "role": "khong-co"}, headers=headers,
        timeout=10,
    )  # fmt: skip
    assert refused.status_code == 422 and officers() == before  # the admin API's validation error
