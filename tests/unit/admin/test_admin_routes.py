"""Admin routes: authentication first, validation that changes nothing, not-found, and the answer relay."""

from __future__ import annotations

import pytest
from anninh import texts
from anninh.admin.auth import AuthSettings
from anninh.officers.model import Officer
from anninh.settings import ConfigError
from anninh.zalo.errors import NotFollower, ZaloTransportError

from tests.unit.admin.conftest import TOKEN, harness

OFFICER = {
    "name": "Nguyễn Văn An",
    "role": "truc_ban",
    "shifts": [{"days": [0, 1, 2], "start": "07:30", "end": "17:00"}],
}


# ------------------------------------------------------------------ authentication
def test_local_stage_needs_the_local_token(admin):
    status, body = admin.call("GET", "/admin/units", token=None)
    assert (status, body["code"]) == (401, "missing_token")
    assert "x-anninh-token" in body["message"]
    status, body = admin.call("GET", "/admin/units", token="guess")
    assert (status, body["code"]) == (403, "invalid_token")
    assert admin.call("GET", "/admin/units")[0] == 200


def test_refusal_comes_before_validation_and_changes_nothing(admin):
    status, body = admin.call("PUT", "/admin/officers/xa/501", body={"role": "boss"}, token=None)
    assert (status, body["code"]) == (401, "missing_token")
    status, _ = admin.call("PUT", "/admin/officers/xa/501", body=OFFICER, token="wrong")
    assert status == 403
    assert admin.officers.officers == {}


def test_outside_the_local_stack_an_iam_identity_is_required():
    aws = harness(stage="prod")
    status, body = aws.call("GET", "/admin/units", token=None)
    assert (status, body["code"]) == (403, "iam_required")
    # the local token means nothing on AWS
    assert aws.call("GET", "/admin/units", token=TOKEN)[0] == 403
    arn = "arn:aws:iam::123456789012:user/tran.binh"
    assert aws.call("GET", "/admin/units", token=None, iam_arn=arn)[0] == 200


def test_auth_settings_fail_at_cold_start_when_misconfigured():
    with pytest.raises(ConfigError, match="LOCAL_ADMIN_TOKEN"):
        AuthSettings.from_env({"STAGE": "local"})
    with pytest.raises(ConfigError, match="only for the local stack"):
        AuthSettings.from_env({"STAGE": "prod", "LOCAL_ADMIN_TOKEN": "x"})
    with pytest.raises(ConfigError, match="STAGE"):
        AuthSettings.from_env({})
    assert AuthSettings.from_env({"STAGE": "dev"}) == AuthSettings("dev", None)


# ------------------------------------------------------------------ units
def test_units_come_as_a_tree_roots_first(admin):
    status, body = admin.call("GET", "/admin/units")
    assert status == 200
    ids = [u["unit_id"] for u in body["units"]]
    assert ids[0] == "tinh" and set(ids) == {"tinh", "xa", "xa-b", "phong"}
    assert body["units"][1] == {
        "unit_id": "xa",
        "name": "Công an xã A",
        "level": "commune",
        "parent_id": "tinh",
        "oa_id": "200",
        "hotline": None,
        "code": "XA",
        "merged_into": None,
        "history": [],
    }


def test_unknown_route_is_a_json_404(admin):
    status, body = admin.call("GET", "/admin/nothing")
    assert (status, body["code"]) == (404, "no_such_route")


# ------------------------------------------------------------------ officers
def test_put_list_and_remove_an_officer_with_the_units_oa(admin):
    status, saved = admin.call("PUT", "/admin/officers/xa/501", body=OFFICER)
    assert status == 200
    assert saved["oa_id"] == "200" and saved["shifts"][0]["days"] == [0, 1, 2]
    assert admin.officers.find("200", "501") == Officer(
        unit_id="xa",
        user_id="501",
        name="Nguyễn Văn An",
        role="truc_ban",
        oa_id="200",
        shifts=admin.officers.find("200", "501").shifts,
    )
    status, listed = admin.call("GET", "/admin/officers", query={"unit_id": "xa"})
    assert status == 200 and [o["user_id"] for o in listed["officers"]] == ["501"]
    status, removed = admin.call("DELETE", "/admin/officers/xa/501")
    assert (status, removed) == (200, {"unit_id": "xa", "user_id": "501", "removed": True})
    assert admin.officers.officers == {}
    status, body = admin.call("DELETE", "/admin/officers/xa/501")
    assert (status, body["code"]) == (404, "officer_not_found")


def test_a_unit_without_oa_cannot_have_officers(admin):
    status, body = admin.call("PUT", "/admin/officers/phong/501", body=OFFICER)
    assert (status, body["code"]) == (400, "unit_without_oa")
    assert "OA" in body["message"]
    assert admin.officers.officers == {}


@pytest.mark.parametrize(
    ("path", "body", "where"),
    [
        ("/admin/officers/xa/501", {**OFFICER, "role": "boss"}, "body.role"),
        ("/admin/officers/xa/501", {**OFFICER, "name": ""}, "body.name"),
        ("/admin/officers/xa/501", {**OFFICER, "oa_id": "999"}, "body.oa_id"),
        (
            "/admin/officers/xa/501",
            {**OFFICER, "shifts": [{"days": [7], "start": "07:30", "end": "17:00"}]},
            "body.shifts.0.days.0",
        ),
        (
            "/admin/officers/xa/501",
            {**OFFICER, "shifts": [{"days": [1], "start": "7h30", "end": "17:00"}]},
            "body.shifts.0.start",
        ),
        ("/admin/officers/xa/abc", OFFICER, "path.user_id"),
        ("/admin/officers/XA!/501", OFFICER, "path.unit_id"),
        ("/admin/officers/xa/501", "{not json", "body"),
    ],
    ids=["role", "empty-name", "extra-field", "day", "time", "user-id", "unit-id", "json"],
)
def test_invalid_officer_is_refused_with_422_and_nothing_changes(admin, path, body, where):
    status, answer = admin.call("PUT", path, body=body)
    assert status == 422
    assert answer["code"] == "invalid_request"
    assert any(".".join(e["loc"]).startswith(where) for e in answer["errors"]), answer["errors"]
    assert where.split(".")[0] in answer["message"]
    assert admin.officers.officers == {}


def test_unknown_unit_is_404(admin):
    assert admin.call("GET", "/admin/officers", query={"unit_id": "nowhere"})[1]["code"] == "unit_not_found"
    status, body = admin.call("PUT", "/admin/officers/nowhere/501", body=OFFICER)
    assert (status, body["code"]) == (404, "unit_not_found")
    assert admin.call("GET", "/admin/officers")[0] == 422  # unit_id is required


# ------------------------------------------------------------------ questions
def test_questions_by_unit_descendants_and_status(admin):
    in_xa = admin.ask("xa", "c1", "Hàng xóm mở nhạc to", "e1")
    in_tinh = admin.ask("tinh", "c2", "Xin hỏi về lễ hội", "e2")
    admin.ask("xa-b", "c3", "Câu hỏi xã B", "e3")
    status, everything = admin.call("GET", "/admin/questions")
    assert status == 200 and len(everything["questions"]) == 3
    only_tinh = admin.call("GET", "/admin/questions", query={"unit_id": "tinh"})[1]["questions"]
    assert [q["code"] for q in only_tinh] == [in_tinh]
    below = admin.call("GET", "/admin/questions", query={"unit_id": "tinh", "include_descendants": "true"})[1]
    assert len(below["questions"]) == 3
    first = admin.call("GET", "/admin/questions", query={"unit_id": "xa"})[1]["questions"][0]
    assert first["code"] == in_xa and first["status"] == "open" and "user_id" not in first
    admin.call("POST", f"/admin/questions/{in_xa}/answer", body={"answer": "Gọi 113", "answered_by": "A"})
    open_now = admin.call("GET", "/admin/questions", query={"status": "open"})[1]["questions"]
    assert in_xa not in [q["code"] for q in open_now] and len(open_now) == 2
    assert admin.call("GET", "/admin/questions", query={"status": "closed"})[0] == 422
    assert admin.call("GET", "/admin/questions", query={"unit_id": "nowhere"})[0] == 404


def test_answer_is_recorded_once_and_relayed_through_the_citizens_oa(admin):
    code = admin.ask("xa", "citizen-1", "Nhà hàng xóm mở nhạc to quá khuya", "e1")
    status, body = admin.call(
        "POST",
        f"/admin/questions/{code.lower()}/answer",
        body={"answer": "Anh/chị gọi 0200 3830 113", "answered_by": "Trực ban xã"},
        headers={"idempotency-key": "k-1"},
    )
    assert status == 200 and body["status"] == "sent"
    assert body["question"]["answered_by"] == "Trực ban xã" and body["question"]["status"] == "answered"
    ((oa_id, user_id, relay),) = admin.sender.sent
    assert (oa_id, user_id) == ("200", "citizen-1")
    assert relay.text == texts.CITIZEN_ANSWER.format(
        unit_name="Công an xã A", code=code, answer="Anh/chị gọi 0200 3830 113"
    )
    # the same request retried (same Idempotency-Key): answered, nothing sent twice
    again = admin.call(
        "POST",
        f"/admin/questions/{code}/answer",
        body={"answer": "Anh/chị gọi 0200 3830 113", "answered_by": "Trực ban xã"},
        headers={"idempotency-key": "k-1"},
    )
    assert again[0] == 200 and len(admin.sender.sent) == 1
    # someone else cannot answer it again
    status, body = admin.call(
        "POST", f"/admin/questions/{code}/answer", body={"answer": "Khác", "answered_by": "B"}
    )
    assert (status, body["code"]) == (409, "already_answered")
    assert "Trực ban xã" in body["message"]
    assert len(admin.sender.sent) == 1
    assert admin.questions.by_code(code).answer == "Anh/chị gọi 0200 3830 113"


def test_answer_defaults_to_the_iam_caller():
    aws = harness(stage="prod")
    code = aws.ask("xa", "citizen-1", "câu hỏi", "e1")
    arn = "arn:aws:sts::123456789012:assumed-role/AnninhAdmin/tran.binh"
    status, body = aws.call(
        "POST", f"/admin/questions/{code}/answer", body={"answer": "Trả lời"}, token=None, iam_arn=arn
    )
    assert status == 200 and body["question"]["answered_by"] == "tran.binh"


def test_unknown_question_and_invalid_answer_change_nothing(admin):
    status, body = admin.call(
        "POST", "/admin/questions/H-ZZZZZ/answer", body={"answer": "x", "answered_by": "A"}
    )
    assert (status, body["code"]) == (404, "question_not_found")
    code = admin.ask("xa", "citizen-1", "câu hỏi", "e1")
    for bad in (
        {"answer": "", "answered_by": "A"},
        {"answered_by": "A"},
        {"answer": "x" * 2001},
        {"answer": "x", "who": "A"},
    ):
        status, body = admin.call("POST", f"/admin/questions/{code}/answer", body=bad)
        assert status == 422, bad
    assert admin.questions.by_code(code).status == "open"
    assert admin.sender.sent == []


def test_answer_outside_the_messaging_window_is_recorded_not_delivered(admin):
    code = admin.ask("xa", "citizen-1", "câu hỏi", "e1")

    def refuse(oa_id, user_id, reply):
        raise NotFollower(-213, "user has not followed OA")

    admin.sender.send = refuse  # type: ignore[method-assign]
    status, body = admin.call(
        "POST", f"/admin/questions/{code}/answer", body={"answer": "Trả lời", "answered_by": "A"}
    )
    assert (status, body["status"]) == (200, "not_delivered")
    assert admin.questions.by_code(code).status == "answered"


def test_zalo_outage_is_a_502_and_a_retry_relays_once(admin):
    code = admin.ask("xa", "citizen-1", "câu hỏi", "e1")
    real_send = admin.sender.send

    def outage(oa_id, user_id, reply):
        raise ZaloTransportError("timeout", retryable=True)

    admin.sender.send = outage  # type: ignore[method-assign]
    answer = {"answer": "Trả lời", "answered_by": "A"}
    status, body = admin.call("POST", f"/admin/questions/{code}/answer", body=answer)
    assert (status, body["code"]) == (502, "zalo_unavailable")
    assert admin.questions.by_code(code).status == "answered"
    admin.sender.send = real_send  # type: ignore[method-assign]
    assert admin.call("POST", f"/admin/questions/{code}/answer", body=answer)[0] == 200
    assert len(admin.sender.sent) == 1
