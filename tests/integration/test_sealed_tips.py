"""A confidential tip on moto (handlers from template.yaml): its reporter address and contact are stored
sealed under the record key, opened only where a reporter is messaged or an officer shown the contact, and
never returned by the admin API or the CSV export."""

from __future__ import annotations

import json
import time

import boto3
import pytest
from anninh import sealed
from anninh.store.tips import DynamoTipRepository
from anninh.tips.contact import reporter_address, tip_contact
from localrun import environ
from localrun.citizen import new_user_id

UNIT = "xa-binh-an"
NAME, PHONE = "Trần Thị Bình", "0912345678"


def texts_to(stack, user_id):
    return [(c.get("message") or {}).get("text") or "" for c in stack.zalo.outbox(user_id=user_id)]


def file_confidential_tip(stack, citizen: str) -> str:
    def say(text: str, msg_id: str) -> None:
        stack.post(UNIT, stack.text_event(UNIT, citizen, text, msg_id))
        stack.drain()

    for step, text in enumerate(
        ["báo tin", "2", "Có sòng bạc ăn tiền trong nhà kho cuối làng", "không nhớ", "không nhớ", "xong", "2"]
    ):
        say(text, f"s-{step}")
    submit = {
        "app_id": stack.app_id,
        "event_name": "user_submit_info",
        "timestamp": str(int(time.time() * 1000)),
        "sender": {"id": citizen},
        "recipient": {"id": stack.units[UNIT].oa_id},
        "info": {"name": NAME, "phone": PHONE},
    }
    stack.post(UNIT, submit)
    stack.drain()
    say("gửi", "s-send")
    return texts_to(stack, citizen)[-1].split("Mã tin báo của bạn: ")[1].split()[0]


def test_reporter_address_and_contact_are_sealed_and_never_leave_through_the_admin_api(stack):
    citizen = new_user_id()
    code = file_confidential_tip(stack, citizen)
    tip = DynamoTipRepository().by_code(code)
    assert tip is not None and tip.privacy == "confidential"

    raw = boto3.client("dynamodb").get_item(
        TableName=stack.url("TipsTable"), Key={"tip_id": {"S": tip.tip_id}}
    )
    stored = {name: raw["Item"][name]["S"] for name in ("reporter_user_id", "contact_name", "contact_phone")}
    for value in stored.values():
        assert value.startswith(sealed.PREFIX)
    assert citizen not in json.dumps(raw["Item"]) and PHONE not in json.dumps(raw["Item"])

    # The repository hands the sealed values on; only the explicit openers give the clear ones.
    assert tip.reporter_user_id == stored["reporter_user_id"]
    with environ.overlay(stack.functions["WorkerFunction"].runtime_environment):  # RECORD_KEY_ID
        assert reporter_address(tip) == citizen and tip_contact(tip) == (NAME, PHONE)
        cipher = sealed.record_cipher()
    # A ciphertext does not open under another purpose or for another tip (the key policy's conditions).
    with pytest.raises(sealed.SealError):
        cipher.open(
            stored["reporter_user_id"], sealed.tip_context(tip.tip_id, sealed.CONTACT, "reporter_user_id")
        )
    with pytest.raises(sealed.SealError):
        cipher.open(
            stored["contact_phone"], sealed.tip_context("another-tip", sealed.CONTACT, "contact_phone")
        )

    # Officers see the contact of a confidential tip; nobody gets the reporter's Zalo id or a ciphertext.
    status, shown = stack.admin("GET", f"/admin/tips/{code}")
    assert status == 200 and shown["contact"] == {"name": NAME, "phone": PHONE}
    status, listed = stack.admin("GET", "/admin/tips", query={"unit_id": UNIT})
    assert status == 200 and [t["code"] for t in listed["tips"]] == [code]
    for answer in (shown, listed):
        assert citizen not in json.dumps(answer) and sealed.PREFIX not in json.dumps(answer)
    status, exported = stack.admin("GET", "/admin/tips/export.csv", query={"unit_id": UNIT})
    assert status == 200 and code in exported
    for secret in (citizen, PHONE, NAME, sealed.PREFIX):
        assert secret not in exported

    # The relay opens the address: an officer's reply through the admin API reaches the reporter.
    before = len(texts_to(stack, citizen))
    status, _ = stack.admin("POST", f"/admin/tips/{code}/reply", body={"text": "Anh/chị có ảnh không?"})
    assert status == 200
    assert len(texts_to(stack, citizen)) == before + 1 and "có ảnh không" in texts_to(stack, citizen)[-1]

    # A tip stored before sealing existed (clear address) still reads: a clear value is taken as it is.
    boto3.client("dynamodb").update_item(
        TableName=stack.url("TipsTable"),
        Key={"tip_id": {"S": tip.tip_id}},
        UpdateExpression="SET reporter_user_id = :clear",
        ExpressionAttributeValues={":clear": {"S": citizen}},
    )
    legacy = DynamoTipRepository().by_code(code)
    assert legacy is not None and legacy.reporter_user_id == citizen and reporter_address(legacy) == citizen
