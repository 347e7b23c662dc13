"""The officers' alert setting end to end: officers saved through the admin API with ``alerts: digest``
get no immediate alert for a non-urgent tip filed through the webhook and worker, then one digest from
the DigestFunction (template-built, on moto, Zalo over HTTP to FakeZalo); urgent tips reach them at once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from anninh import texts

from tests.integration.test_tips import CITIZEN, UNIT, file_gambling_tip, outbox_texts, say

DIGEST_OFFICER = "5550000000000000041"
IMMEDIATE_OFFICER = "5550000000000000042"
ALWAYS = [{"days": [0, 1, 2, 3, 4, 5, 6], "start": "00:00", "end": "00:00"}]


def save_officer(stack, user_id, alerts):
    status, body = stack.admin(
        "PUT",
        f"/admin/officers/{UNIT}/{user_id}",
        body={
            "name": f"Cán bộ {user_id[-2:]}",
            "role": "truc_ban",
            "shifts": ALWAYS,
            "alerts": alerts,
        },
    )
    assert status == 200 and body["alerts"] == alerts
    return body


def next_hour(moment):
    return moment.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)


def run_digest(stack, at):
    return stack.functions["DigestFunction"].invoke({"scheduled_time": at.strftime("%Y-%m-%dT%H:%M:%SZ")})


def test_digest_officers_get_non_urgent_tips_once_an_hour_and_urgent_ones_at_once(stack):
    save_officer(stack, DIGEST_OFFICER, "digest")
    save_officer(stack, IMMEDIATE_OFFICER, "immediate")
    status, listed = stack.admin("GET", "/admin/officers", query={"unit_id": UNIT})
    assert status == 200
    assert {o["user_id"]: o["alerts"] for o in listed["officers"]} == {
        DIGEST_OFFICER: "digest",
        IMMEDIATE_OFFICER: "immediate",
    }

    code = file_gambling_tip(stack, "dg")
    assert any(code in t for t in outbox_texts(stack, IMMEDIATE_OFFICER))
    assert outbox_texts(stack, DIGEST_OFFICER) == []

    filed = datetime.now(UTC)
    assert run_digest(stack, filed)["officers"] == 0  # this hour is not over: nothing yet
    answer = run_digest(stack, next_hour(filed))
    assert answer["officers"] == 1
    digest = outbox_texts(stack, DIGEST_OFFICER)
    assert len(digest) == 1 and code in digest[0] and digest[0].endswith(texts.OFFICER_DIGEST_FOOTER)
    assert "Cờ bạc" in digest[0] and CITIZEN not in digest[0]
    assert not any("Tổng hợp" in t for t in outbox_texts(stack, IMMEDIATE_OFFICER))

    # A retried run (the scheduler retries, or fires twice) sends nothing again.
    assert run_digest(stack, next_hour(filed) + timedelta(minutes=2))["officers"] == 1
    assert len(outbox_texts(stack, DIGEST_OFFICER)) == 1

    say(stack, CITIZEN, "Cứu với, có người cầm dao đang đánh nhau trước cổng chợ", "dg-urgent")
    assert "KHẨN" in outbox_texts(stack, DIGEST_OFFICER)[-1]


def test_a_bad_alert_setting_is_refused_and_changes_nothing(stack):
    status, body = stack.admin(
        "PUT",
        f"/admin/officers/{UNIT}/{DIGEST_OFFICER}",
        body={"name": "Cán bộ", "role": "truc_ban", "alerts": "weekly"},
    )
    assert status == 422 and "alerts" in str(body)
    status, listed = stack.admin("GET", "/admin/officers", query={"unit_id": UNIT})
    assert status == 200 and all(o["user_id"] != DIGEST_OFFICER for o in listed["officers"])
