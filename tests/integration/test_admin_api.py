"""The admin API's function (built from template.yaml) on moto: officer registry and the answer relay."""

from __future__ import annotations

import json

from anninh import texts

UNIT = "xa-binh-an"
CITIZEN = "8765432109876543290"
OFFICER_ID = "5550000000000000077"


def texts_to(stack, user_id):
    return [
        (call.get("message") or {}).get("text") or json.dumps(call)
        for call in stack.zalo.outbox(user_id=user_id)
    ]


def test_officer_registry_crud_through_the_admin_function(stack):
    from anninh.store.officers import DynamoOfficerRepository

    oa_id = stack.units[UNIT].oa_id
    body = {
        "name": "Lê Văn Trực",
        "role": "truc_ban",
        "shifts": [{"days": [0, 1, 2, 3, 4, 5, 6], "start": "00:00", "end": "00:00"}],
    }
    status, saved = stack.admin("PUT", f"/admin/officers/{UNIT}/{OFFICER_ID}", body=body)
    assert status == 200 and saved["oa_id"] == oa_id
    # found the way the worker authorises '#' commands: by (OA, Zalo user) on the GSI
    found = DynamoOfficerRepository().find(oa_id, OFFICER_ID)
    assert found is not None and found.name == "Lê Văn Trực" and found.shifts[0].days == (0, 1, 2, 3, 4, 5, 6)
    status, listed = stack.admin("GET", "/admin/officers", query={"unit_id": UNIT})
    assert status == 200 and [o["user_id"] for o in listed["officers"]] == [OFFICER_ID]
    status, refused = stack.admin("PUT", f"/admin/officers/pc02-demo/{OFFICER_ID}", body=body)
    assert (status, refused["code"]) == (400, "unit_without_oa")
    assert stack.admin("PUT", f"/admin/officers/{UNIT}/{OFFICER_ID}", body={**body, "role": "x"})[0] == 422
    assert DynamoOfficerRepository().find(oa_id, OFFICER_ID).role == "truc_ban"
    assert stack.admin("GET", "/admin/officers", query={"unit_id": UNIT}, token="wrong")[0] == 403
    assert stack.admin("DELETE", f"/admin/officers/{UNIT}/{OFFICER_ID}")[0] == 200
    assert DynamoOfficerRepository().find(oa_id, OFFICER_ID) is None
    assert stack.admin("DELETE", f"/admin/officers/{UNIT}/{OFFICER_ID}")[0] == 404


def test_answer_from_the_api_reaches_the_citizen_and_closes_the_zalo_path(stack):
    stack.admin(
        "PUT",
        f"/admin/officers/{UNIT}/{OFFICER_ID}",
        body={"name": "Lê Văn Trực", "role": "truc_ban"},
    )
    stack.post(
        UNIT, stack.text_event(UNIT, CITIZEN, "nhà hàng xóm mở nhạc to quá khuya thì làm sao", "q-api-1")
    )
    stack.drain()
    code = texts_to(stack, CITIZEN)[0].split("(mã ")[1].split(")")[0]
    status, listed = stack.admin(
        "GET",
        "/admin/questions",
        query={"unit_id": "tinh-demo", "include_descendants": "true", "status": "open"},
    )
    assert status == 200 and [q["code"] for q in listed["questions"]] == [code]
    answer = "Anh/chị gọi Công an xã 0200 3830 113 để được hỗ trợ ngay."
    status, body = stack.admin(
        "POST",
        f"/admin/questions/{code}/answer",
        body={"answer": answer, "answered_by": "Trực ban xã Bình An"},
        headers={"idempotency-key": "cli-run-1"},
    )
    assert (status, body["status"]) == (200, "sent")
    delivered = len(stack.zalo.outbox(user_id=CITIZEN))
    relayed = stack.zalo.outbox(user_id=CITIZEN)[-1]
    assert relayed["oa_id"] == stack.units[UNIT].oa_id
    assert relayed["message"]["text"] == texts.CITIZEN_ANSWER.format(
        unit_name="Công an xã Bình An", code=code, answer=answer
    )
    # a retried request with the same key sends nothing more
    stack.admin(
        "POST",
        f"/admin/questions/{code}/answer",
        body={"answer": answer, "answered_by": "Trực ban xã Bình An"},
        headers={"idempotency-key": "cli-run-1"},
    )
    assert len(stack.zalo.outbox(user_id=CITIZEN)) == delivered
    # the officer in Zalo learns it was answered already; the citizen gets nothing more
    stack.post(UNIT, stack.text_event(UNIT, OFFICER_ID, f"#traloi {code} trả lời khác", "ans-zalo-1"))
    stack.drain()
    assert texts_to(stack, OFFICER_ID)[-1] == texts.OFFICER_ALREADY_ANSWERED.format(
        code=code, answered_by="Trực ban xã Bình An"
    )
    assert len(stack.zalo.outbox(user_id=CITIZEN)) == delivered
    status, listed = stack.admin("GET", "/admin/questions", query={"status": "answered"})
    assert [q["answer"] for q in listed["questions"]] == [answer]


def test_seed_officers_file_loads_through_the_importer(stack):
    from pathlib import Path

    from localrun import environ
    from localrun.seed import seed_officers

    root = Path(__file__).resolve().parents[2]
    with environ.overlay(stack.functions["WorkerFunction"].runtime_environment):
        count = seed_officers(
            root / "infra" / "seed" / "officers.yaml", stack.functions["WorkerFunction"].runtime_environment
        )
    assert count >= 2
    _, body = stack.admin("GET", "/admin/officers", query={"unit_id": UNIT})
    duty = [o for o in body["officers"] if o["role"] == "truc_ban"]
    assert duty and duty[0]["shifts"] == [{"days": [0, 1, 2, 3, 4, 5, 6], "start": "00:00", "end": "00:00"}]
    _, province = stack.admin("GET", "/admin/officers", query={"unit_id": "tinh-demo"})
    shifts = sorted(
        (s["start"], s["end"]) for o in province["officers"] if o["role"] == "truc_ban" for s in o["shifts"]
    )
    assert shifts == [("07:00", "19:00"), ("19:00", "07:00")]
