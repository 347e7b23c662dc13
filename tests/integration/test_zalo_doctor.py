"""`anninh zalo doctor`'s admin route on moto, Zalo over HTTP to the fake in both profiles
(docs/zalo-platform.md §8): what Zalo accepts is reported, recorded per OA in the token table, and used."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from anninh.store.zalo_capabilities import DynamoCapabilityRepository, capability_key
from anninh.zalo.capabilities import MenuMemory
from localrun import environ

UNIT = "phuong-trung-tam"
OFFICER = "7000000000000000001"


@pytest.fixture
def strict(stack) -> Iterator[None]:
    stack.zalo.set_profile("strict")
    try:
        yield
    finally:
        stack.zalo.set_profile("default")


def capabilities(stack):
    with environ.overlay(stack.functions["AdminFunction"].runtime_environment):
        return DynamoCapabilityRepository()


def doctor(stack, body):
    return stack.admin("POST", f"/admin/zalo/{UNIT}/doctor", body=body)


def test_default_profile_accepts_every_kind_and_lists_stay(stack) -> None:
    oa_id = stack.units[UNIT].oa_id
    status, answer = doctor(stack, {"send_test_to": OFFICER})
    assert status == 200, answer
    report = answer["report"]
    assert report["token"]["status"] == "accepted" and report["profile"]["is_verified"] is True
    assert report["profile"]["package_name"] and report["profile"]["linked_zca"].startswith("fake-zca-")
    assert report["quota"]["status"] == "accepted"
    assert {k: v["status"] for k, v in report["messages"].items()} == {
        "text": "accepted",
        "list": "accepted",
        "request_user_info": "accepted",
        "image": "accepted",
    }
    assert report["menu_mode"] == "list"
    sent = stack.zalo.outbox(user_id=OFFICER)
    form = next(e for e in sent if "request_user_info" in str(e["message"]))
    assert form["message"]["attachment"]["payload"]["elements"][0]["image_url"].startswith("https://")
    saved = capabilities(stack).get(oa_id)
    assert saved is not None and saved.menu_mode == "list" and saved.doctor["menu_mode"] == "list"


def test_strict_profile_refuses_the_list_and_the_oa_becomes_text_only(stack, strict) -> None:
    oa_id = stack.units[UNIT].oa_id
    stack.zalo.note_interaction(oa_id, OFFICER)  # the officer wrote to the OA a moment ago
    status, answer = doctor(stack, {"send_test_to": OFFICER})
    assert status == 200, answer
    messages = answer["report"]["messages"]
    assert messages["list"] == {"status": "refused", "code": -233, "label": "-233", "handling": "fall_back"}
    assert messages["text"]["status"] == messages["request_user_info"]["status"] == "accepted"
    assert messages["image"]["status"] == "accepted"
    assert answer["report"]["menu_mode"] == "text"
    repository = capabilities(stack)
    saved = repository.get(oa_id)
    assert saved is not None and (saved.menu_mode, saved.reason) == ("text", "doctor:-233")
    assert MenuMemory(repository).is_text_only(oa_id)  # every function's next cold start sees it


def test_strict_profile_with_an_idle_officer_concludes_nothing(stack, strict) -> None:
    status, answer = doctor(stack, {"send_test_to": OFFICER})  # never wrote: every send is -230
    assert status == 200
    messages = answer["report"]["messages"]
    assert {messages[k]["code"] for k in ("text", "request_user_info", "image")} == {-230}
    assert messages["list"]["status"] == "refused"
    assert answer["report"]["menu_mode"] is None
    assert capabilities(stack).get(stack.units[UNIT].oa_id).menu_mode is None


def test_without_a_recipient_only_the_token_and_profile_are_checked(stack) -> None:
    calls_before = len(stack.zalo.calls())
    status, answer = doctor(stack, {})
    assert status == 200
    report = answer["report"]
    assert report["token"]["status"] == "accepted" and report["quota"]["status"] == "skipped"
    assert {v["status"] for v in report["messages"].values()} == {"skipped"}
    assert [c["endpoint"] for c in stack.zalo.calls()[calls_before:]] == ["/v2.0/oa/getoa"]


def test_a_dead_token_is_reported_not_raised(stack) -> None:
    stack.zalo.add_fault("/v2.0/oa/getoa", error=-219, times=1)
    status, answer = doctor(stack, {"send_test_to": OFFICER})
    assert status == 200
    assert answer["report"]["token"] == {
        "status": "refused",
        "code": -219,
        "label": "-219",
        "handling": "alarm",
    }
    assert stack.zalo.outbox(user_id=OFFICER) == []


def test_bad_requests_change_nothing(stack) -> None:
    assert stack.admin("POST", "/admin/zalo/khong-co/doctor", body={})[0] == 404
    assert stack.admin("POST", "/admin/zalo/pc02-demo/doctor", body={})[0] == 400  # a unit without an OA
    assert doctor(stack, {"send_test_to": "not-an-id"})[0] == 422
    assert doctor(stack, {"send_test_to": OFFICER, "extra": 1})[0] == 422
    status, _ = stack.admin("PUT", f"/admin/zalo/{UNIT}/form-image", body={"url": "http://insecure/p.png"})
    assert status == 400
    assert stack.zalo.outbox() == []
    assert capabilities(stack).get(stack.units[UNIT].oa_id) is None


def test_a_units_own_form_picture_is_used_by_the_doctor(stack) -> None:
    picture = "https://cong-an.example.vn/bieu-mau.png"
    status, answer = stack.admin("PUT", f"/admin/zalo/{UNIT}/form-image", body={"url": picture})
    assert (status, answer) == (200, {"unit_id": UNIT, "url": picture})
    oa_id = stack.units[UNIT].oa_id
    assert capabilities(stack).get(oa_id).form_image_url == picture
    assert capability_key(oa_id) == "zalo-capabilities#" + oa_id
    status, _ = stack.admin("PUT", f"/admin/zalo/{UNIT}/form-image", body={"url": None})
    assert status == 200 and capabilities(stack).get(oa_id).form_image_url is None
