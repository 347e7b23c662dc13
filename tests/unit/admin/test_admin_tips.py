"""Tips routes of the admin API: listing, details with audited media links, the lifecycle, the relay to the
reporter (exactly once per Idempotency-Key), transfer, notes and the CSV export; never a reporter's id."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import timedelta

import pytest
from anninh import texts
from anninh.tips.model import MediaItem
from anninh.tips.service import Draft, submit
from anninh.zalo.errors import NotFollower, ZaloTransportError

from tests.unit.admin.conftest import NOW, AdminHarness, LambdaContext, harness

CITIZEN = "8765432109876543210"
ARN = "arn:aws:sts::123456789012:assumed-role/AnninhAdmin/tran.binh"


def file_tip(
    admin: AdminHarness,
    unit_id: str,
    key: str,
    *,
    privacy: str = "anonymous",
    urgent: bool = False,
    user_id: str = CITIZEN,
    at=NOW,
    place: str | None = "Chợ Bình An",
) -> str:
    unit = admin.units.get(unit_id)
    assert unit is not None and unit.oa_id
    draft = Draft.from_dict(
        {
            "category": "ma_tuy",
            "description": "Có nhóm thanh niên bán ma túy ở cuối hẻm mỗi tối",
            "privacy": privacy,
            "urgent": urgent,
            "place": place,
            "contact_name": "Trần Thị Bình",
            "contact_phone": "0912345678",
        }
    )
    tip, _ = submit(
        admin.tips,
        unit,
        draft,
        oa_id=unit.oa_id,
        user_id=user_id,
        hash_secret="secret",
        event_key=key,
        now=at,
    )
    return tip.code


def leaks_reporter(body: object) -> bool:
    raw = json.dumps(body, ensure_ascii=False)
    return CITIZEN in raw or "reporter_user_id" in raw or "reporter_key" in raw or "reporter_oa_id" in raw


@pytest.fixture
def admin() -> AdminHarness:
    return harness()


# ------------------------------------------------------------------ list
def test_list_by_unit_subtree_status_and_urgency_without_reporter_ids(admin):
    anonymous = file_tip(admin, "xa", "e1")
    urgent = file_tip(admin, "xa", "e2", urgent=True, privacy="confidential", at=NOW - timedelta(hours=1))
    sibling = file_tip(admin, "xa-b", "e3", privacy="open", at=NOW - timedelta(hours=2))
    status, body = admin.call("GET", "/admin/tips")
    assert status == 200
    assert [t["code"] for t in body["tips"]] == [urgent, anonymous, sibling]  # urgent first, then newest
    assert not leaks_reporter(body)
    by_code = {t["code"]: t for t in body["tips"]}
    assert by_code[anonymous]["contact"] is None and by_code[anonymous]["privacy_label"] == "Ẩn danh"
    assert by_code[urgent]["contact"] == {"name": "Trần Thị Bình", "phone": "0912345678"}
    assert by_code[anonymous]["category_label"] == "Ma túy" and by_code[anonymous]["status_label"] == "Mới"

    only_xa = admin.call("GET", "/admin/tips", query={"unit_id": "xa"})[1]["tips"]
    assert {t["code"] for t in only_xa} == {anonymous, urgent}
    below = admin.call("GET", "/admin/tips", query={"unit_id": "tinh", "include_descendants": "true"})[1]
    assert len(below["tips"]) == 3
    assert admin.call("GET", "/admin/tips", query={"unit_id": "tinh"})[1]["tips"] == []
    urgent_only = admin.call("GET", "/admin/tips", query={"urgent": "true"})[1]["tips"]
    assert [t["code"] for t in urgent_only] == [urgent]
    assert admin.call("GET", "/admin/tips", query={"status": "da_xu_ly"})[1]["tips"] == []


@pytest.mark.parametrize(
    ("query", "where"),
    [
        ({"status": "xong"}, "query.status"),
        ({"unit_id": "XA!"}, "query.unit_id"),
        ({"limit": "0"}, "query.limit"),
        ({"urgent": "maybe"}, "query.urgent"),
    ],
)
def test_invalid_list_filters_are_422(admin, query, where):
    status, body = admin.call("GET", "/admin/tips", query=query)
    assert (status, body["code"]) == (422, "invalid_request")
    assert any(".".join(e["loc"]).startswith(where) for e in body["errors"])


def test_unknown_unit_and_unknown_code_are_404(admin):
    assert admin.call("GET", "/admin/tips", query={"unit_id": "nowhere"})[1]["code"] == "unit_not_found"
    status, body = admin.call("GET", "/admin/tips/XA-ZZZZZ")
    assert (status, body["code"]) == (404, "tip_not_found")
    assert body["message"] == texts.ADMIN_TIP_NOT_FOUND.format(code="XA-ZZZZZ")
    for method, path, payload in [
        ("PATCH", "/admin/tips/XA-ZZZZZ", {"status": "da_tiep_nhan"}),
        ("POST", "/admin/tips/XA-ZZZZZ/reply", {"text": "Xin chào"}),
        ("POST", "/admin/tips/XA-ZZZZZ/transfer", {"unit_id": "tinh"}),
        ("POST", "/admin/tips/XA-ZZZZZ/notes", {"text": "ghi chú"}),
    ]:
        assert admin.call(method, path, body=payload)[0] == 404, path
    assert admin.tips.entries == [] and admin.sender.sent == []
    assert admin.call("GET", "/admin/tips/not a code!")[0] == 422


# ------------------------------------------------------------------ details
def test_details_give_short_links_and_audit_the_view_with_the_iam_caller():
    aws = harness(stage="prod")
    code = file_tip(aws, "xa", "e1")
    tip = aws.tips.by_code(code)
    stored = MediaItem(
        "m00", "image", "https://cdn/x.jpg", "stored", "tips/x/m00.jpg", "image/jpeg", 10, "ab"
    )
    failed = MediaItem("m01", "video", "https://cdn/y.mp4", "refused", error="Video quá lớn")
    aws.tips.tips[tip.tip_id] = replace(tip, media=(stored, failed))
    status, body = aws.call("GET", f"/admin/tips/{code.lower()}", token=None, iam_arn=ARN)
    assert status == 200 and body["code"] == code
    assert body["description"].startswith("Có nhóm thanh niên") and not leaks_reporter(body)
    links = [m["link"] for m in body["media"]]
    assert links[0].startswith("https://media.test/tips/x/m00.jpg") and "X-Amz-Expires=600" in links[0]
    assert links[1] is None and body["media"][1]["error"] == "Video quá lớn" and body["media_failed"] == 1
    assert body["links_expire_at"].startswith((NOW + timedelta(minutes=10)).isoformat()[:19])
    actions = [(e["action"], e["actor"]) for e in body["history"]]
    assert actions == [("created", "citizen"), ("viewed", ARN), ("media_access", ARN)]
    assert body["contact"] is None  # anonymous


# ------------------------------------------------------------------ status
def test_status_change_is_pushed_once_per_idempotency_key(admin):
    code = file_tip(admin, "xa", "e1")
    request = {"body": {"status": "da_tiep_nhan"}, "headers": {"idempotency-key": "k-1"}}
    status, body = admin.call("PATCH", f"/admin/tips/{code}", **request)
    assert status == 200 and body["delivery"] == "sent" and body["tip"]["status"] == "da_tiep_nhan"
    ((oa_id, user_id, pushed),) = admin.sender.sent
    assert (oa_id, user_id) == ("200", CITIZEN) and "Đã tiếp nhận" in pushed.text and code in pushed.text
    again = admin.call("PATCH", f"/admin/tips/{code}", **request)
    assert again == (200, body) and len(admin.sender.sent) == 1
    assert [e.action for e in admin.tips.entries].count("status") == 1
    # a new request asking for the same state is a refused transition
    status, refused = admin.call("PATCH", f"/admin/tips/{code}", body={"status": "da_tiep_nhan"})
    assert (status, refused["code"]) == (409, "invalid_transition")
    assert "không thể chuyển" in refused["message"] and "Đã tiếp nhận" in refused["message"]
    assert len(admin.sender.sent) == 1


def test_lifecycle_refusals_change_nothing(admin):
    code = file_tip(admin, "xa", "e1")
    status, body = admin.call(
        "PATCH", f"/admin/tips/{code}", body={"status": "da_xu_ly", "public_result": "x"}
    )
    assert (status, body["code"]) == (409, "invalid_transition")  # mới → đã xử lý skips the handling
    admin.call("PATCH", f"/admin/tips/{code}", body={"status": "dang_xac_minh"})
    status, body = admin.call("PATCH", f"/admin/tips/{code}", body={"status": "da_xu_ly"})
    assert (status, body["code"]) == (422, "public_result_required")
    assert "kết quả công khai" in body["message"]
    for bad in ({"status": "moi"}, {"status": "da_chuyen"}, {}, {"status": "da_xu_ly", "public_result": ""}):
        assert admin.call("PATCH", f"/admin/tips/{code}", body=bad)[0] == 422, bad
    tip = admin.tips.by_code(code)
    assert tip.status == "dang_xac_minh" and tip.public_result is None and tip.version == 1
    done = {"status": "da_xu_ly", "public_result": "Đã bắt giữ 3 đối tượng"}
    status, body = admin.call("PATCH", f"/admin/tips/{code}", body=done)
    assert status == 200 and body["tip"]["public_result"] == "Đã bắt giữ 3 đối tượng"
    assert "Đã bắt giữ 3 đối tượng" in admin.sender.sent[-1][2].text


def test_concurrent_update_is_409_and_loses_nothing(admin):
    code = file_tip(admin, "xa", "e1")
    tip = admin.tips.by_code(code)
    stale_by_code = admin.tips.by_code

    def stale(wanted: str):
        found = stale_by_code(wanted)
        return replace(found, version=found.version - 1) if found and found.version else found

    admin.call("PATCH", f"/admin/tips/{code}", body={"status": "da_tiep_nhan"})
    admin.tips.by_code = stale  # type: ignore[method-assign]  # another officer's change is not seen yet
    status, body = admin.call("PATCH", f"/admin/tips/{code}", body={"status": "dang_xac_minh"})
    assert (status, body["code"]) == (409, "concurrent_update")
    assert admin.tips.get(tip.tip_id).status == "da_tiep_nhan"
    assert len(admin.sender.sent) == 1


def test_closed_window_is_not_delivered_and_outage_is_502_then_retried_once(admin):
    code = file_tip(admin, "xa", "e1")
    real_send = admin.sender.send

    def closed(oa_id, user_id, reply):
        raise NotFollower(-213, "user has not followed OA")

    admin.sender.send = closed  # type: ignore[method-assign]
    status, body = admin.call("PATCH", f"/admin/tips/{code}", body={"status": "da_tiep_nhan"})
    assert (status, body["delivery"]) == (200, "not_delivered")

    def outage(oa_id, user_id, reply):
        raise ZaloTransportError("timeout", retryable=True)

    admin.sender.send = outage  # type: ignore[method-assign]
    request = {"body": {"status": "dang_xac_minh"}, "headers": {"idempotency-key": "k-2"}}
    status, body = admin.call("PATCH", f"/admin/tips/{code}", **request)
    assert (status, body["code"]) == (502, "zalo_unavailable")
    assert admin.tips.by_code(code).status == "dang_xac_minh"
    admin.sender.send = real_send  # type: ignore[method-assign]
    assert admin.call("PATCH", f"/admin/tips/{code}", **request)[0] == 200
    assert admin.call("PATCH", f"/admin/tips/{code}", **request)[0] == 200
    assert len(admin.sender.sent) == 1 and "Đang xác minh" in admin.sender.sent[0][2].text


# ------------------------------------------------------------------ reply, transfer, notes
def test_reply_is_relayed_through_the_tip_once(admin):
    code = file_tip(admin, "xa", "e1")
    request = {"body": {"text": "Anh/chị nhớ biển số xe không?"}, "headers": {"idempotency-key": "r-1"}}
    status, body = admin.call("POST", f"/admin/tips/{code}/reply", **request)
    assert (status, body) == (200, {"code": code, "delivery": "sent"})
    assert admin.call("POST", f"/admin/tips/{code}/reply", **request)[0] == 200
    ((oa_id, user_id, relayed),) = admin.sender.sent
    assert (oa_id, user_id) == ("200", CITIZEN)
    assert relayed.text == texts.TIP_OFFICER_REPLY.format(code=code, text="Anh/chị nhớ biển số xe không?")
    assert [e.action for e in admin.tips.entries] == ["created", "reply"]
    assert admin.call("POST", f"/admin/tips/{code}/reply", body={"text": ""})[0] == 422
    assert admin.call("POST", f"/admin/tips/{code}/reply", body={"text": "x" * 2001})[0] == 422
    assert len(admin.sender.sent) == 1


def test_transfer_to_the_parent_then_refusals(admin):
    code = file_tip(admin, "xa", "e1")
    admin.call("PATCH", f"/admin/tips/{code}", body={"status": "da_tiep_nhan"})
    status, body = admin.call("POST", f"/admin/tips/{code}/transfer", body={"unit_id": "tinh"})
    assert status == 200 and body["tip"]["unit_id"] == "tinh" and body["tip"]["status"] == "moi"
    assert body["tip"]["unit_name"] == "Công an tỉnh" and body["delivery"] is None
    assert admin.call("POST", f"/admin/tips/{code}/transfer", body={"unit_id": "tinh"})[0] == 200  # retried
    assert [e.action for e in admin.tips.entries].count("transfer") == 1
    status, body = admin.call("POST", f"/admin/tips/{code}/transfer", body={"unit_id": "nowhere"})
    assert (status, body["code"]) == (404, "unit_not_found")
    assert admin.call("POST", f"/admin/tips/{code}/transfer", body={"unit_id": "Bad Unit"})[0] == 422
    admin.call("PATCH", f"/admin/tips/{code}", body={"status": "dang_xac_minh"})
    admin.call("PATCH", f"/admin/tips/{code}", body={"status": "khong_du_co_so", "public_result": "Không rõ"})
    status, body = admin.call("POST", f"/admin/tips/{code}/transfer", body={"unit_id": "xa-b"})
    assert (status, body["code"]) == (409, "invalid_transition")
    assert admin.tips.by_code(code).unit_id == "tinh"


def test_notes_are_internal_and_written_once(admin):
    code = file_tip(admin, "xa", "e1")
    status, body = admin.call("POST", f"/admin/tips/{code}/notes", body={"text": "Đã cử tổ xác minh"})
    assert status == 200 and body["note"]["action"] == "note" and body["note"]["actor"] == "local-admin"
    assert admin.call("POST", f"/admin/tips/{code}/notes", body={"text": "Đã cử tổ xác minh"})[0] == 200
    assert [e.detail for e in admin.tips.entries if e.action == "note"] == ["Đã cử tổ xác minh"]
    assert admin.sender.sent == []
    assert admin.call("POST", f"/admin/tips/{code}/notes", body={"text": "   "})[0] == 422


# ------------------------------------------------------------------ export
def test_csv_export_has_a_bom_vietnamese_labels_and_no_identity(admin):
    first = file_tip(admin, "xa", "e1", privacy="open", place='=HYPERLINK("http://x")')
    second = file_tip(admin, "xa", "e2", urgent=True, at=NOW + timedelta(hours=1))
    file_tip(admin, "xa-b", "e3")  # a sibling: not in xa's report
    file_tip(admin, "xa", "e4", at=NOW + timedelta(days=2))  # after today: not in a report up to today
    answer = admin.api.handle(
        admin.event("GET", "/admin/tips/export.csv", query={"unit_id": "xa"}),
        LambdaContext(),
    )
    assert answer["statusCode"] == 200
    assert answer["headers"]["Content-Type"].startswith("text/csv")
    assert 'filename="tin-bao-xa-' in answer["headers"]["Content-Disposition"]
    text = answer["body"]
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert rows[0] == [*texts.TIP_CSV_HEADER, texts.TIP_CSV_NOTICE_HEADER]
    assert [r[0] for r in rows[1:]] == [first, second]
    assert rows[1][1:5] == ["Công an xã A", "Ma túy", "Mới", "Không"] and rows[2][4] == "Có"
    assert rows[1][5] == "23/11/2026 09:30"  # 02:30 UTC is 09:30 in Vietnam
    assert rows[1][7] == '\'=HYPERLINK("http://x")' and rows[1][9] == "0"
    for forbidden in (CITIZEN, "Trần Thị Bình", "0912345678", "bán ma túy"):
        assert forbidden not in text


def test_csv_export_period_and_refusals(admin):
    file_tip(admin, "xa", "e1")
    later = file_tip(admin, "xa", "e2", at=NOW + timedelta(days=2))

    def export(**query):
        answer = admin.api.handle(
            admin.event("GET", "/admin/tips/export.csv", query=query),
            LambdaContext(),
        )
        return answer["statusCode"], answer["body"]

    status, text = export(unit_id="tinh", **{"from": "2026-11-24", "to": "2026-11-25"})
    assert status == 200 and [r[0] for r in csv.reader(io.StringIO(text))][1:] == [later]
    status, text = export(unit_id="tinh", include_descendants="false")
    assert status == 200 and len(text.strip().splitlines()) == 1  # the header only
    status, body = export(unit_id="xa", **{"from": "2026-11-25", "to": "2026-11-24"})
    assert status == 422 and json.loads(body)["code"] == "invalid_period"
    assert export(unit_id="xa", **{"from": "24/11/2026"})[0] == 422
    assert export()[0] == 422
    assert export(unit_id="nowhere")[0] == 404
