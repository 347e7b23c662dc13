"""The attack that found the hole: a signed event whose attachment URL points into the local stack itself
(``/_local/units``, the page of OA secrets). The media function must refuse it (only the fake Zalo CDN's
prefix is allowed locally), mark the attachment refused, tell the reporter, and store nothing. The unit, its
OA and its 24/7 trực ban are this file's own (``local_stack.staffed_unit``)."""

from __future__ import annotations

import time
import uuid
from typing import Any

import boto3
import pytest
import requests
from anninh import texts
from localrun.citizen import now_ms, reply_text, text_event

pytestmark = pytest.mark.e2e

ADMIN = {"x-anninh-token": "anninh-local-admin-demo"}


def post(stack: Any, unit_id: str, event: dict[str, Any]) -> None:
    answer = stack.post_event(stack.unit(unit_id), event)
    assert answer.status_code == 200, answer.text


def say(stack: Any, unit_id: str, user_id: str, message: str | dict[str, Any], expect: str) -> str:
    before = len(stack.outbox(user_id))
    post(
        stack,
        unit_id,
        text_event(stack.unit(unit_id), user_id, message) if isinstance(message, str) else message,
    )
    calls = stack.wait_for_reply(
        user_id, lambda calls: any(expect in reply_text(c) for c in calls[before:]), timeout=20
    )
    return "\n".join(reply_text(call) for call in calls[before:])


def image(stack: Any, unit_id: str, user_id: str, *urls: str) -> dict[str, Any]:
    unit = stack.unit(unit_id)
    return {
        "app_id": unit.app_id,
        "event_name": "user_send_image",
        "timestamp": now_ms(),
        "sender": {"id": user_id},
        "recipient": {"id": unit.oa_id},
        "message": {
            "msg_id": uuid.uuid4().hex,
            "text": "",
            "attachments": [{"type": "image", "payload": {"url": u, "thumbnail": u}} for u in urls],
        },
    }


def test_an_attachment_pointing_into_the_stack_is_refused_and_the_reporter_told(local_stack, user_id) -> None:
    unit_id = local_stack.staffed_unit("media-sources").unit_id
    attacks = [
        f"{local_stack.base_url}/_local/units",
        f"{local_stack.base_url}/zalo-api/_media/../../_local/units",
        "http://169.254.169.254/latest/meta-data/",
    ]
    genuine = local_stack.sample_media_url("sample.jpg")
    say(local_stack, unit_id, user_id, "báo tin", "Bước 1/6")
    say(local_stack, unit_id, user_id, "3", "Bước 2/6")
    say(
        local_stack, unit_id, user_id, "Có người tổ chức đánh bạc ăn tiền trong nhà kho cuối thôn", "Bước 3/6"
    )
    say(local_stack, unit_id, user_id, "không nhớ", "Bước 4/6")
    say(local_stack, unit_id, user_id, "không nhớ", "Bước 5/6")
    say(
        local_stack,
        unit_id,
        user_id,
        image(local_stack, unit_id, user_id, *attacks, genuine),
        texts.TIP_MEDIA_RECEIVED.format(count=4),
    )
    say(local_stack, unit_id, user_id, "xong", "Bước 6/6")
    say(local_stack, unit_id, user_id, "1", texts.TIP_CONFIRM_RETRY)
    code = say(local_stack, unit_id, user_id, "gửi", "Mã tin báo").split("Mã tin báo của bạn: ")[1].split()[0]

    deadline = time.monotonic() + 60
    while True:
        detail = requests.get(f"{local_stack.base_url}/admin/tips/{code}", headers=ADMIN, timeout=10).json()
        if all(item["status"] != "pending" for item in detail["media"]):
            break
        assert time.monotonic() < deadline, detail["media"]
        time.sleep(0.5)
    statuses = [item["status"] for item in detail["media"]]
    assert statuses == ["refused", "refused", "refused", "stored"]
    refused_text = texts.MEDIA_REFUSED_SOURCE.format(kind="Ảnh")
    assert [item["error"] for item in detail["media"][:3]] == [refused_text] * 3

    # The reporter is told about each one (as for any attachment not kept).
    told = local_stack.wait_for_reply(
        user_id, lambda calls: sum(refused_text in reply_text(c) for c in calls) >= 3, timeout=20
    )
    assert sum(refused_text in reply_text(call) for call in told) == 3

    # Nothing but the genuine photo reached the bucket: no page of OA secrets kept as evidence.
    def client(service: str) -> Any:
        return boto3.client(
            service,
            endpoint_url=local_stack.aws_endpoint_url,
            region_name=local_stack.aws_region,
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )

    dynamodb, s3 = client("dynamodb"), client("s3")
    tips_table = next(t for t in dynamodb.list_tables()["TableNames"] if t.endswith("TipsTable"))
    reservation = dynamodb.get_item(TableName=tips_table, Key={"tip_id": {"S": f"code#{code}"}})["Item"]
    tip_id = reservation["owner"]["S"]
    bucket = next(b["Name"] for b in s3.list_buckets()["Buckets"] if "mediabucket" in b["Name"].lower())
    listed = s3.list_objects_v2(Bucket=bucket, Prefix=f"tips/{tip_id}/").get("Contents", [])
    assert [entry["Key"].rsplit("/", 1)[1].split(".")[0] for entry in listed] == [
        detail["media"][3]["media_id"]
    ]
