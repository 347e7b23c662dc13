"""Tips through the admin function (built from template.yaml) on moto: a tip filed by a citizen through the
webhook and worker, then listed, viewed with a media link, updated, answered, exported and transferred."""

from __future__ import annotations

import csv
import io
import json

from anninh import texts

UNIT = "xa-binh-an"
CITIZEN = "8765432109876543230"


def texts_to(stack, user_id):
    return [(c.get("message") or {}).get("text") or "" for c in stack.zalo.outbox(user_id=user_id)]


def say(stack, text, msg_id):
    stack.post(UNIT, stack.text_event(UNIT, CITIZEN, text, msg_id))
    stack.drain()


def file_tip_with_a_photo(stack) -> str:
    photo = stack.zalo_url + "/_media/sample.jpg"
    for step, text in enumerate(
        ["báo tin", "3", "Kẻ gian cạy cửa lấy trộm xe máy trong sân", "không nhớ", "đêm qua"]
    ):
        say(stack, text, f"a-{step}")
    image = {
        "app_id": stack.app_id,
        "event_name": "user_send_image",
        "timestamp": stack.text_event(UNIT, CITIZEN, "", "x")["timestamp"],
        "sender": {"id": CITIZEN},
        "recipient": {"id": stack.units[UNIT].oa_id},
        "message": {
            "msg_id": "a-img",
            "text": "",
            "attachments": [{"type": "image", "payload": {"url": photo}}],
        },
    }
    stack.post(UNIT, image)
    stack.drain()
    for step, text in enumerate(["xong", "1", "gửi"]):
        say(stack, text, f"a-{step + 10}")
    code = texts_to(stack, CITIZEN)[-1].split("Mã tin báo của bạn: ")[1].split()[0]
    stack.drain(source=stack.media_source())
    return code


def test_tip_handled_from_the_admin_api(stack):
    code = file_tip_with_a_photo(stack)

    status, listed = stack.admin("GET", "/admin/tips", query={"unit_id": UNIT})
    assert status == 200 and [t["code"] for t in listed["tips"]] == [code]
    assert listed["tips"][0]["contact"] is None and CITIZEN not in json.dumps(listed)

    status, shown = stack.admin("GET", f"/admin/tips/{code}")
    assert status == 200 and CITIZEN not in json.dumps(shown)
    (media,) = shown["media"]
    assert media["status"] == "stored" and "X-Amz-Expires=600" in media["link"]
    assert "X-Amz-Algorithm=AWS4-HMAC-SHA256" in media["link"]
    viewing = shown["history"][-2:]  # written at the same instant: in either order
    assert {(e["action"], e["actor"]) for e in viewing} == {
        ("viewed", "local-admin"),
        ("media_access", "local-admin"),
    }

    update = {"body": {"status": "da_tiep_nhan"}, "headers": {"Idempotency-Key": "cli-1"}}
    first = stack.admin("PATCH", f"/admin/tips/{code}", **update)
    again = stack.admin("PATCH", f"/admin/tips/{code}", **update)  # the same request, retried
    assert first[0] == again[0] == 200 and first[1]["delivery"] == again[1]["delivery"] == "sent"
    pushes = [t for t in texts_to(stack, CITIZEN) if t.startswith(f"Cập nhật tin báo {code}")]
    assert pushes == [f"Cập nhật tin báo {code}: Đã tiếp nhận."]
    status, refused = stack.admin("PATCH", f"/admin/tips/{code}", body={"status": "da_xu_ly"})
    assert (status, refused["code"]) == (422, "public_result_required")  # and nothing changed

    question = "Anh/chị có thấy mặt kẻ gian không?"
    status, replied = stack.admin("POST", f"/admin/tips/{code}/reply", body={"text": question})
    assert (status, replied["delivery"]) == (200, "sent")
    assert texts_to(stack, CITIZEN)[-1] == texts.TIP_OFFICER_REPLY.format(code=code, text=question)
    assert stack.admin("POST", f"/admin/tips/{code}/notes", body={"text": "Cử tổ tuần tra"})[0] == 200

    status, exported = stack.admin("GET", "/admin/tips/export.csv", query={"unit_id": "tinh-demo"})
    assert status == 200 and exported.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(exported.removeprefix("\ufeff"))))
    assert rows[1][0] == code and rows[1][2:4] == ["Trộm cắp", "Đã tiếp nhận"] and rows[1][9] == "1"
    assert "cạy cửa" not in exported and CITIZEN not in exported

    status, moved = stack.admin("POST", f"/admin/tips/{code}/transfer", body={"unit_id": "tinh-demo"})
    assert status == 200 and moved["tip"]["unit_id"] == "tinh-demo" and moved["tip"]["status"] == "moi"
    from anninh.store.tips import DynamoTipRepository

    tip = DynamoTipRepository().by_code(code)
    assert (tip.unit_id, tip.status, tip.version) == ("tinh-demo", "moi", 2)
    actions = [e.action for e in DynamoTipRepository().history(tip.tip_id)]
    assert actions.count("status") == 1 and actions.count("reply") == 1 and "note" in actions
    assert stack.admin("GET", "/admin/tips/BA-ZZZZZ")[0] == 404
