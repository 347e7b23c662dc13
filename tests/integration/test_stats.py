"""Statistics on moto: counted by the worker and the admin API from real events, exactly once, rolled up the
tree, and shown on the public page without anything private."""

from __future__ import annotations

import json

from tests.integration.test_tips import CITIZEN, UNIT, file_gambling_tip, say


def stats(stack, unit_id: str, descendants: bool = False) -> dict:
    query = {"unit_id": unit_id, "descendants": "true" if descendants else "false"}
    status, body = stack.admin("GET", "/admin/stats", query=query)
    assert status == 200, body
    return body


def public(stack, reference: str) -> dict:
    return stack.functions["PublicFunction"].invoke(
        {
            "version": "2.0",
            "routeKey": "GET /public/{unit_id}",
            "rawPath": f"/public/{reference}",
            "pathParameters": {"unit_id": reference},
            "requestContext": {"http": {"method": "GET", "path": f"/public/{reference}"}},
            "headers": {},
            "isBase64Encoded": False,
        }
    )


def test_the_worker_and_the_admin_api_count_once_and_the_province_sees_its_communes(stack) -> None:
    stack.post(UNIT, stack.follow_event(UNIT, CITIZEN))
    question = stack.text_event(UNIT, CITIZEN, "đăng ký tạm trú cho sinh viên ở trọ cần gì", "st-q")
    stack.post(UNIT, question)
    retry = stack.signed_request(UNIT, question)
    retry["headers"]["num_retry"] = "1"
    stack.functions["WebhookFunction"].invoke(retry)  # Zalo delivers the same message again
    stack.drain()
    code = file_gambling_tip(stack, "st")
    said = stats(stack, UNIT)["counts"]
    assert said["followers_gained"] == 1 and said["faq_answered"] >= 1
    assert said["tips_submitted"] == 1 and said["tips_co_bac"] == 1 and said["tips_urgent"] == 0
    messages = said["messages"]

    ack = {"body": {"status": "da_tiep_nhan"}, "headers": {"Idempotency-Key": "st-ack"}}
    assert stack.admin("PATCH", f"/admin/tips/{code}", **ack)[0] == 200
    assert stack.admin("PATCH", f"/admin/tips/{code}", **ack)[0] == 200  # the CLI retried the same request
    result = "Công an xã đã kiểm tra, xử phạt hành chính 4 đối tượng đánh bạc."
    closing = {"status": "da_xu_ly", "public_result": result}
    assert stack.admin("PATCH", f"/admin/tips/{code}", body=closing)[0] == 200

    counted = stats(stack, UNIT)
    assert counted["counts"]["messages"] == messages  # the admin API sends no citizen message
    assert counted["counts"]["tips_acknowledged"] == 1 and counted["counts"]["tips_resolved"] == 1
    assert counted["samples"]["ack_seconds"] == 1 and counted["median_seconds"]["close_seconds"] is not None
    province = stats(stack, "tinh-demo", descendants=True)
    assert province["counts"]["tips_resolved"] == 1 and UNIT in province["units"]
    assert stats(stack, "tinh-demo")["counts"]["tips_resolved"] == 0  # the province alone filed nothing

    page = public(stack, "tinh-demo")
    assert page["statusCode"] == 200 and page["headers"]["cache-control"].startswith("public, max-age=")
    assert result in page["body"] and code not in page["body"] and CITIZEN not in page["body"]
    assert "nhà kho cuối làng" not in page["body"]  # the tip's description stays private
    as_json = json.loads(public(stack, f"{UNIT}.json")["body"])
    assert as_json["last_30_days"]["counts"]["tips_resolved"] == 1
    assert [r["result"] for r in as_json["results"]] == [result]
    assert public(stack, "../../etc")["statusCode"] == 404


def test_an_event_sqs_delivers_twice_counts_once(stack) -> None:
    """A Zalo event queued again under another deduplication id (a webhook retry after 5 minutes, or SQS
    delivering twice) runs the worker twice; its idempotency answers the second time: nothing counts twice."""
    event = stack.text_event(UNIT, CITIZEN, "xin chào", "st-twice")
    stack.post(UNIT, event)
    stack.drain()
    before = stats(stack, UNIT)["counts"]["messages"]
    signed = stack.signed_request(UNIT, event)
    stack.sqs.send_message(
        QueueUrl=stack.url("InboundQueue"),
        MessageBody=signed["body"],
        MessageGroupId=f"{stack.units[UNIT].oa_id}:{CITIZEN}",
        MessageDeduplicationId="st-twice-again",
        MessageAttributes={"oa_id": {"DataType": "String", "StringValue": stack.units[UNIT].oa_id}},
    )
    assert stack.drain() == 1
    assert stats(stack, UNIT)["counts"]["messages"] == before == 1


def test_a_bad_range_and_an_unknown_unit_are_refused(stack) -> None:
    status, body = stack.admin(
        "GET", "/admin/stats", query={"unit_id": UNIT, "from": "2026-12-05", "to": "2026-12-01"}
    )
    assert status == 400 and body["code"] == "bad_range"
    status, body = stack.admin("GET", "/admin/stats", query={"unit_id": "khong-co"})
    assert status == 404
    say(stack, CITIZEN, "menu", "st-menu")  # and the worker still answers
