"""Tips end to end on the local stack: a citizen files a tip in chat, officers handle it from Zalo.

Everything goes the real way: signed webhook → SQS FIFO → worker → fake Zalo outbox, media jobs through the
media queue and function into S3. The tips table is read (never written) through moto to check what was
stored. Media that must fail or be huge come from a small CDN (tests/media_cdn.py) on a loopback port.

Units, OAs and officers are this file's own (``local_stack.staffed_unit``, made once for the module): a
province with its lãnh đạo, a commune below it and an "urgent" commune, each commune with a trực ban on duty
24/7. The transfer test talks to the province's lãnh đạo through the province's OA.
"""

from __future__ import annotations

import base64
import hashlib
import re
import time
import uuid
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import boto3
import pytest
import requests
from anninh import texts
from boto3.dynamodb.conditions import Attr, Key
from localrun.citizen import image_event, location_event, now_ms, reply_text, text_event
from localrun.fake_zalo import serve_in_thread

from tests.e2e.conftest import StaffedUnit
from tests.e2e.replies import TIP_FILED, my_tip_line, new_tip_alert, status_shown, step
from tests.media_cdn import HUGE_BYTES, MediaCdn

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("zalo_profile")]

UNIT_CODE = "TE"  # the commune's code: its tips' codes start with it
SAMPLES = Path(__file__).resolve().parents[2] / "infra" / "local" / "localrun" / "media"
MB = 1024 * 1024
VIEWED = "Người báo tin:"  # a line of #xem's answer only (a late new-tip alert must not pass for it)
CODE = re.compile(r"Mã tin báo của bạn: ([A-Z0-9]+-[A-Z0-9]+)")


# ------------------------------------------------------------------ helpers


class Chat:
    """One Zalo user (citizen or officer) talking to one OA, reading the OA's replies from the outbox."""

    def __init__(self, stack: Any, unit_id: str, user_id: str) -> None:
        self.stack, self.unit, self.user_id = stack, stack.unit(unit_id), user_id

    def replies(self) -> list[str]:
        return [reply_text(call) for call in self.stack.outbox(self.user_id)]

    def post(self, event: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        answer = self.stack.post_event(self.unit, event, headers=headers)
        assert answer.status_code == 200, answer.text

    def say(self, message: str | dict[str, Any], *, expect: str, timeout: float = 15) -> str:
        """Send a text (or a whole event); the new replies once one of them contains ``expect``.

        Waiting for a given reply (not just any) keeps a late message, such as an officer's alert sent
        just after the citizen's confirmation, from being taken for the answer.
        """
        before = len(self.stack.outbox(self.user_id))
        self.post(text_event(self.unit, self.user_id, message) if isinstance(message, str) else message)
        return self.wait(before, expect=expect, timeout=timeout)

    def wait(self, before: int, *, expect: str, timeout: float = 15) -> str:
        """The replies after the first ``before`` once one of them contains ``expect``."""

        def arrived(calls: list[dict[str, Any]]) -> bool:
            return any(expect in reply_text(call) for call in calls[before:])

        calls = self.stack.wait_for_reply(self.user_id, arrived, timeout=timeout)
        return "\n".join(reply_text(call) for call in calls[before:])

    def event(self, name: str, message: dict[str, Any] | None = None, **top: Any) -> dict[str, Any]:
        """A user-to-OA event of any kind (``message`` gets a fresh msg_id)."""
        event: dict[str, Any] = {
            "app_id": self.unit.app_id,
            "event_name": name,
            "timestamp": now_ms(),
            "sender": {"id": self.user_id},
            "recipient": {"id": self.unit.oa_id},
            **top,
        }
        if message is not None:
            event["message"] = {"msg_id": uuid.uuid4().hex, "text": "", **message}
        return event

    def video(self, url: str) -> dict[str, Any]:
        payload = {"url": url, "thumbnail": url, "description": ""}
        return self.event("user_send_video", {"attachments": [{"type": "video", "payload": payload}]})


def file_tip(
    citizen: Chat,
    *,
    category: str,
    description: str,
    media: tuple[dict[str, Any], ...] = (),
    privacy: str = "1",
) -> str:
    """Go through the intake quickly (place and time unknown) and return the tip code."""
    citizen.say("báo tin", expect=step(1))
    citizen.say(category, expect=step(2))
    citizen.say(description, expect=step(3))
    citizen.say("không nhớ", expect=step(4))
    citizen.say("không nhớ", expect=step(5))
    for count, event in enumerate(media, start=1):
        citizen.say(event, expect=texts.TIP_MEDIA_RECEIVED.format(count=count))
    citizen.say("xong", expect=step(6))
    citizen.say(privacy, expect=texts.TIP_CONFIRM_RETRY)
    return code_in(citizen.say("gửi", expect=TIP_FILED))


def code_in(replies: str) -> str:
    found = CODE.search(replies)
    assert found, f"no tip code in {replies!r}"
    return found.group(1)


class TipTables:
    """Read-only view of the tips and audit tables in the stack's moto."""

    def __init__(self, stack: Any) -> None:
        dynamodb = boto3.resource(
            "dynamodb",
            endpoint_url=stack.aws_endpoint_url,
            region_name=stack.aws_region,
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )
        names = [table.name for table in dynamodb.tables.all()]
        self.tips = dynamodb.Table(next(name for name in names if "TipsTable" in name))
        self.audit = dynamodb.Table(next(name for name in names if "TipAuditTable" in name))
        s3 = stack.boto3_client("s3")
        self.s3 = s3
        self.kms = stack.boto3_client("kms")
        self.bucket = next(
            b["Name"] for b in s3.list_buckets()["Buckets"] if "mediabucket" in b["Name"].lower()
        )

    def by_code(self, code: str) -> dict[str, Any]:
        keys = self.tips.query(IndexName="by_code", KeyConditionExpression=Key("code").eq(code))["Items"]
        assert len(keys) == 1, f"{len(keys)} tips with code {code}"
        return self.tips.get_item(Key={"tip_id": keys[0]["tip_id"]}, ConsistentRead=True)["Item"]

    def reporter_of(self, tip: dict[str, Any]) -> str:
        """The tip's sealed reporter address opened with the stack's record key (as the relay opens it)."""
        blob = base64.b64decode(tip["reporter_user_id"].removeprefix("kms1:"))
        context = {
            "table": "tips",
            "tip_id": tip["tip_id"],
            "purpose": "reporter",
            "field": "reporter_user_id",
        }
        return self.kms.decrypt(CiphertextBlob=blob, EncryptionContext=context)["Plaintext"].decode()

    def of_reporter(self, user_id: str) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        scan: dict[str, Any] = {"FilterExpression": Attr("reporter_user_id").exists()}
        while True:
            page = self.tips.scan(**scan)
            found += [tip for tip in page["Items"] if self.reporter_of(tip) == user_id]
            if "LastEvaluatedKey" not in page:
                return found
            scan["ExclusiveStartKey"] = page["LastEvaluatedKey"]

    def history(self, tip_id: str) -> list[dict[str, Any]]:
        return self.audit.query(KeyConditionExpression=Key("tip_id").eq(tip_id))["Items"]

    def media_once(
        self, code: str, settled: Callable[[dict[str, Any]], bool], timeout: float = 30
    ) -> dict[str, Any]:
        """The tip's only media item once ``settled(item)`` holds (the media function works in background)."""
        deadline = time.monotonic() + timeout
        while True:
            (item,) = self.by_code(code)["media"].values()
            if settled(item):
                return item
            assert time.monotonic() < deadline, f"media of {code} still {item['status']} after {timeout}s"
            time.sleep(0.25)

    def objects(self, tip_id: str) -> list[str]:
        listed = self.s3.list_objects_v2(Bucket=self.bucket, Prefix=f"tips/{tip_id}/")
        return [entry["Key"] for entry in listed.get("Contents", [])]


@pytest.fixture(scope="module")
def tables(local_stack) -> TipTables:
    return TipTables(local_stack)


@pytest.fixture(scope="module")
def province(local_stack) -> StaffedUnit:
    """This file's province, with a lãnh đạo registered in its OA (no shift needed)."""
    return local_stack.staffed_unit("tips-province", level="province", parent_id=None, leader=True)


@pytest.fixture(scope="module")
def commune(local_stack, province: StaffedUnit) -> StaffedUnit:
    """This file's commune below ``province``, its trực ban on duty 24/7."""
    return local_stack.staffed_unit("tips", parent_id=province.unit_id, code=UNIT_CODE)


@pytest.fixture(scope="module")
def urgent_commune(local_stack, province: StaffedUnit) -> StaffedUnit:
    """Another commune of this file, for the urgent message (its own trực ban's alerts)."""
    return local_stack.staffed_unit("tips-urgent", parent_id=province.unit_id)


@pytest.fixture(scope="module")
def cdn(media_cdn_port: int) -> Iterator[tuple[MediaCdn, str]]:
    served = MediaCdn()
    base_url, stop = serve_in_thread(served, port=media_cdn_port)  # the one test CDN the stack may use
    yield served, base_url
    stop()


def citizen_chat(local_stack, user_id: str, unit_id: str) -> Chat:
    return Chat(local_stack, unit_id, user_id)


def inbound_drained(local_stack, timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while True:
        inbound = local_stack.queues()["InboundQueue"]
        if inbound["visible"] + inbound["in_flight"] == 0:
            return
        assert time.monotonic() < deadline, f"inbound queue not drained within {timeout}s: {inbound}"
        time.sleep(0.2)


def media_dead_letters(local_stack) -> int:
    dlq = local_stack.queues()["MediaDeadLetterQueue"]
    return int(dlq["visible"] + dlq["in_flight"])


# ------------------------------------------------------------------ tests


def test_whole_intake_with_a_location_and_a_photo_reaches_the_officer_with_a_short_link(
    local_stack, user_id, tables, commune
) -> None:
    citizen = citizen_chat(local_stack, user_id, commune.unit_id)
    officer = Chat(local_stack, commune.unit_id, commune.duty_officer)
    alerts_before = len(local_stack.outbox(commune.duty_officer))
    photo = local_stack.sample_media_url("sample.jpg")

    # Each step's question, in order (each wait fails the test when the expected reply never comes).
    assert texts.TIP_CATEGORY_LABELS["ma_tuy"] in citizen.say("tố giác", expect=step(1))
    citizen.say("1", expect=texts.TIP_ASK_DESCRIPTION)
    citizen.say("ma túy", expect=texts.TIP_DESCRIPTION_TOO_SHORT)  # too short: asked again
    citizen.say(
        "Có nhóm thanh niên tụ tập bán ma túy ở cuối hẻm mỗi tối sau 22 giờ, đi xe Wave màu đỏ",
        expect=texts.TIP_ASK_PLACE,
    )
    place = location_event(citizen.unit, user_id, 10.7769, 106.7009, "Hẻm 12 thôn Bình An 2")
    citizen.say(place, expect=texts.TIP_ASK_TIME)
    citizen.say("tối qua khoảng 22 giờ", expect=texts.TIP_ASK_MEDIA)
    citizen.say(image_event(citizen.unit, user_id, photo), expect=texts.TIP_MEDIA_RECEIVED.format(count=1))
    citizen.say("xong", expect=step(6))
    # Confidential: the contact comes through Zalo's request-user-info form.
    assert texts.TIP_CONTACT_FORM_TITLE in citizen.say("2", expect=texts.TIP_ASK_CONTACT)
    form = {"name": "Trần Thị Bình", "phone": "0912345678"}
    summary = citizen.say(citizen.event("user_submit_info", info=form), expect=texts.TIP_CONFIRM_RETRY)
    media_line = next(line for line in texts.TIP_SUMMARY.splitlines() if "{media}" in line)
    for shown in (
        texts.TIP_CATEGORY_LABELS["ma_tuy"],
        "Hẻm 12 thôn Bình An 2",  # the citizen's own words, shown back
        "tối qua khoảng 22 giờ",
        media_line.format(media=1),
        texts.TIP_PRIVACY_LABELS["confidential"],
    ):
        assert shown in summary
    code = code_in(citizen.say("gửi", expect=TIP_FILED))
    assert code.startswith(f"{UNIT_CODE}-")

    tip = tables.by_code(code)
    assert (tip["unit_id"], tip["category"], tip["privacy"], tip["status"]) == (
        commune.unit_id,
        "ma_tuy",
        "confidential",
        "moi",
    )
    assert (tip["latitude"], tip["longitude"]) == (Decimal("10.7769"), Decimal("106.7009"))
    # Stored sealed under the record key (the officer's view below shows them in clear).
    for field in ("contact_name", "contact_phone", "reporter_user_id"):
        assert (
            tip[field].startswith("kms1:") and form["phone"] not in tip[field] and user_id not in tip[field]
        )

    alerts = officer.wait(alerts_before, expect=code)
    assert texts.TIP_CATEGORY_LABELS["ma_tuy"] in alerts and "Hẻm 12 thôn Bình An 2" in alerts
    assert texts.OFFICER_URGENT_MARK not in alerts

    photo_bytes = (SAMPLES / "sample.jpg").read_bytes()
    item = tables.media_once(code, lambda m: m["status"] != "pending")
    assert (item["status"], item["content_type"], int(item["size"])) == (
        "stored",
        "image/jpeg",
        len(photo_bytes),
    )
    assert item["sha256"] == hashlib.sha256(photo_bytes).hexdigest()

    view = officer.say(f"#xem {code}", expect=VIEWED)
    assert texts.OFFICER_REPORTER_CONFIDENTIAL.format(name=form["name"], phone=form["phone"]) in view
    link = re.search(r"Ảnh: (\S+)", view)
    assert link and "X-Amz-Expires=600" in link.group(1)
    served = requests.get(link.group(1), timeout=10)
    assert served.status_code == 200 and hashlib.sha256(served.content).hexdigest() == item["sha256"]
    actions = [entry["action"] for entry in tables.history(tip["tip_id"])]
    assert {"created", "media", "viewed", "media_access"} <= set(actions)


def test_anonymous_tip_hides_the_reporter_from_the_officer_on_every_path(
    local_stack, user_id, tables, commune
) -> None:
    citizen = citizen_chat(local_stack, user_id, commune.unit_id)
    officer = Chat(local_stack, commune.unit_id, commune.duty_officer)
    officer_before = len(local_stack.outbox(commune.duty_officer))
    code = file_tip(
        citizen,
        category="2",
        description="Có sòng bạc ăn tiền trong nhà kho cuối làng, tối nào cũng đông người",
    )
    tip = tables.by_code(code)
    assert tip["privacy"] == "anonymous"
    assert tip.get("contact_name") is None and tip.get("contact_phone") is None

    view = officer.say(f"#xem {code}", expect=VIEWED)
    assert texts.OFFICER_REPORTER_HIDDEN in view
    question = "Anh/chị có biết sòng bạc hoạt động vào những ngày nào không?"
    officer.say(f"#phanhoi {code} {question}", expect=texts.OFFICER_TIP_REPLIED.format(code=code))
    relayed = citizen.wait(0, expect=question)
    assert texts.TIP_OFFICER_REPLY.format(code=code, text=question) in relayed
    assert local_stack.outbox(user_id)[-1]["oa_id"] == citizen.unit.oa_id  # relayed by the unit's OA

    answer = "Thường tối thứ Bảy và Chủ nhật, khoảng 20 giờ"
    citizen.say(f"bổ sung {code} {answer}", expect=texts.TIP_INFO_ADDED.format(code=code))
    second_view = officer.say(f"#xem {code}", expect=answer)
    assert texts.OFFICER_REPORTER_HIDDEN in second_view
    officer.say("#tin", expect=f"• {code}")

    # Nothing the officer received (alert, views, list, confirmations) identifies the reporter.
    officer_saw = "\n".join(officer.replies()[officer_before:])
    assert new_tip_alert(code) in officer_saw
    assert user_id not in officer_saw and user_id[::-1] not in officer_saw  # Zalo id, id by app
    assert tip["reporter_key"] not in officer_saw
    actions = [(e["action"], e["actor"]) for e in tables.history(tip["tip_id"])]
    assert ("info_added", "citizen") in actions and all(user_id not in actor for _, actor in actions)


def test_urgent_message_answers_emergency_numbers_and_alerts_the_duty_officer_at_once(
    local_stack, user_id, tables, urgent_commune
) -> None:
    citizen = citizen_chat(local_stack, user_id, urgent_commune.unit_id)
    officer = Chat(local_stack, urgent_commune.unit_id, urgent_commune.duty_officer)
    alerts_before = len(local_stack.outbox(urgent_commune.duty_officer))
    unit = citizen.unit

    first = citizen.say("Cứu với, có người cầm dao đang đánh nhau trước cổng chợ Trung Tâm", expect=step(1))
    hotline = urgent_commune.hotline
    assert first.startswith(texts.EMERGENCY_CALL_FIRST["113"])  # the right number first, on its own line
    assert "114" in first and "115" in first and f"{unit.name}: {hotline}" in first
    assert first.index("113") < first.index(step(1))  # the numbers come first
    # The duty officer is alerted before the tip is even filed.
    early = officer.wait(alerts_before, expect=texts.OFFICER_URGENT_MARK)
    assert "đánh nhau trước cổng chợ" in early

    # The category is guessed from the words ("đánh nhau"); the urgent message already is the description.
    citizen.say("1", expect=texts.TIP_ASK_PLACE)
    citizen.say("trước cổng chợ Trung Tâm", expect=step(4))
    citizen.say("đang diễn ra", expect=step(5))
    citizen.say("không", expect=step(6))
    citizen.say("1", expect=texts.TIP_CONFIRM_RETRY)
    code = code_in(citizen.say("gửi", expect=TIP_FILED))

    tip = tables.by_code(code)
    assert tip["urgent"] is True and tip["category"] == "gay_thuong_tich"
    alert = officer.wait(alerts_before, expect=code)
    assert new_tip_alert(code, urgent=True) in alert
    listing = officer.say("#tin", expect=f"• {texts.OFFICER_URGENT_MARK}{code}")
    assert f"{texts.OFFICER_URGENT_MARK}{code}" in listing


def label(status: str) -> str:
    return texts.TIP_STATUS_LABELS[status]


def test_status_changes_reach_the_reporter_and_the_lookup(local_stack, user_id, tables, commune) -> None:
    citizen = citizen_chat(local_stack, user_id, commune.unit_id)
    officer = Chat(local_stack, commune.unit_id, commune.duty_officer)
    code = file_tip(
        citizen, category="3", description="Kẻ gian cạy cửa lấy trộm xe đạp điện trong sân nhà tôi đêm qua"
    )
    assert status_shown("moi") in citizen.say(f"tra cứu {code}", expect=code)

    def push(status: str, result: str = "") -> str:
        extra = f" {texts.TIP_PUBLIC_RESULT.strip().format(result=result)}" if result else ""
        return texts.TIP_STATUS_PUSH.format(code=code, status=status, result=extra)

    officer.say(
        f"#nhan {code}", expect=texts.OFFICER_TIP_DONE.format(code=code, status=label("da_tiep_nhan"))
    )
    citizen.wait(0, expect=push(label("da_tiep_nhan")))
    officer.say(f"#trangthai {code} dang_xac_minh", expect=texts.OFFICER_TIP_DONE.split(" {")[0])
    citizen.wait(0, expect=push(label("dang_xac_minh")))
    assert status_shown("dang_xac_minh") in citizen.say(f"tra cứu {code}", expect=code)

    # A closing status needs a public result: refused, and nothing changes.
    officer.say(
        f"#trangthai {code} da_xu_ly", expect=texts.TIP_ERROR_RESULT_REQUIRED.format(status=label("da_xu_ly"))
    )
    assert status_shown("dang_xac_minh") in citizen.say(f"tra cứu {code}", expect=code)

    result = "Đã thu hồi xe đạp điện, lập hồ sơ xử lý đối tượng"
    officer.say(
        f"#trangthai {code} da_xu_ly {result}",
        expect=texts.OFFICER_TIP_DONE.format(code=code, status=label("da_xu_ly")),
    )
    citizen.wait(0, expect=push(label("da_xu_ly"), result))
    lookup = citizen.say(f"tra cứu {code.lower()}", expect=code)  # codes are read case-insensitively
    assert status_shown("da_xu_ly") in lookup and texts.TIP_PUBLIC_RESULT.format(result=result) in lookup
    mine = citizen.say("tin báo của tôi", expect=code)
    assert my_tip_line(code, "trom_cap", "da_xu_ly") in mine

    # A closed tip: no way back, nothing more to add.
    refused = texts.TIP_ERROR_TRANSITION.format(current=label("da_xu_ly"), new=label("dang_xac_minh"))
    officer.say(f"#trangthai {code} dang_xac_minh", expect=refused)
    citizen.say(f"bổ sung {code} còn một chiếc xe nữa", expect=texts.TIP_CLOSED.format(code=code))
    tip = tables.by_code(code)
    assert (tip["status"], tip["public_result"]) == ("da_xu_ly", result)
    statuses = [e["detail"] for e in tables.history(tip["tip_id"]) if e["action"] == "status"]
    assert statuses == ["moi → da_tiep_nhan", "da_tiep_nhan → dang_xac_minh", "dang_xac_minh → da_xu_ly"]


def test_transfer_to_the_parent_unit(local_stack, user_id, tables, commune, province) -> None:
    citizen = citizen_chat(local_stack, user_id, commune.unit_id)
    officer = Chat(local_stack, commune.unit_id, commune.duty_officer)
    assert province.leader
    parent = Chat(local_stack, province.unit_id, province.leader)
    code = file_tip(
        citizen,
        category="4",
        description="Một nhóm gọi điện giả danh công an tỉnh lừa chuyển tiền, nhiều người trong xã bị lừa",
    )
    refusal = texts.OFFICER_TIP_REFUSED.format(reason="không có đơn vị khong-co-don-vi")
    officer.say(f"#chuyen {code} khong-co-don-vi", expect=refusal)
    assert tables.by_code(code)["unit_id"] == commune.unit_id

    moved = texts.OFFICER_TIP_TRANSFERRED.format(code=code, unit_name=province.name)
    officer.say(f"#chuyen {code} {province.unit_id}", expect=moved)
    tip = tables.by_code(code)
    assert (tip["unit_id"], tip["status"]) == (province.unit_id, "moi")
    transfers = [e for e in tables.history(tip["tip_id"]) if e["action"] == "transfer"]
    assert [e["detail"] for e in transfers] == [f"{commune.unit_id} → {province.unit_id}"]

    # The province now handles it; the commune, below it, no longer sees it. (#tin lists the oldest 20 new
    # tips of the subtree, which other tests of the file fill: #xem is the check that holds.)
    view = parent.say(f"#xem {code}", expect=VIEWED)
    assert province.name in view and "giả danh công an" in view
    officer.say(f"#xem {code}", expect=texts.OFFICER_TIP_NOT_FOUND.format(code=code))
    parent.say(f"#nhan {code}", expect=texts.OFFICER_TIP_DONE.format(code=code, status="Đã tiếp nhận"))
    citizen.wait(0, expect=texts.TIP_STATUS_PUSH.format(code=code, status="Đã tiếp nhận", result=""))
    assert local_stack.outbox(user_id)[-1]["oa_id"] == citizen.unit.oa_id  # still through the commune's OA
    assert "Tình trạng: Đã tiếp nhận" in citizen.say(f"tra cứu {code}", expect=code)


def test_duplicate_webhook_delivery_creates_one_tip(local_stack, user_id, tables, commune) -> None:
    citizen = citizen_chat(local_stack, user_id, commune.unit_id)
    alerts_before = len(local_stack.outbox(commune.duty_officer))
    citizen.say("phản ánh", expect=step(1))
    citizen.say("7", expect=step(2))
    citizen.say("Xe tải chở đất đá rơi vãi trên đường liên xã mỗi sáng gây trơn trượt", expect=step(3))
    citizen.say("đường liên xã Bình An", expect=step(4))
    citizen.say("mỗi sáng", expect=step(5))
    citizen.say("không", expect=step(6))
    citizen.say("1", expect=texts.TIP_CONFIRM_RETRY)

    confirm = text_event(citizen.unit, user_id, "gửi")
    citizen.post(confirm)
    citizen.post(confirm, headers={"num_retry": "1"})  # Zalo's retry of the same delivery
    citizen.post(confirm)
    code = code_in(citizen.wait(0, expect=TIP_FILED))
    inbound_drained(local_stack)  # every delivery handled: whatever they caused is in the outbox now

    replies = [reply_text(c) for c in local_stack.outbox(user_id)]
    assert sum("Mã tin báo của bạn" in reply for reply in replies) == 1
    (tip,) = tables.of_reporter(user_id)
    assert tip["code"] == code
    alerts = [reply_text(c) for c in local_stack.outbox(commune.duty_officer)[alerts_before:]]
    assert sum(new_tip_alert(code) in alert for alert in alerts) == 1
    assert f"{code} — An toàn giao thông — Mới" in citizen.say("tin báo của tôi", expect=code)


def test_a_media_download_failing_twice_then_succeeding_is_stored_once(
    local_stack, user_id, tables, cdn, commune
) -> None:
    served, base_url = cdn
    video = (SAMPLES / "sample.mp4").read_bytes()
    name = f"clip-{user_id}.mp4"
    served.add(name, video, "video/mp4")
    served.fail_next(name, 2, status=503)
    parked_before = media_dead_letters(local_stack)
    citizen = citizen_chat(local_stack, user_id, commune.unit_id)
    code = file_tip(
        citizen,
        category="8",
        description="Quay được cảnh nhóm người tụ tập đá gà ăn tiền ở bãi đất trống",
        media=(citizen.video(f"{base_url}/f/{name}"),),
    )

    item = tables.media_once(code, lambda m: m["status"] != "pending")
    assert (item["status"], item["content_type"], int(item["size"])) == ("stored", "video/mp4", len(video))
    assert item["sha256"] == hashlib.sha256(video).hexdigest()
    assert served.hits[f"/f/{name}"] == 3  # two 503s, then the download that stored it
    tip = tables.by_code(code)
    assert tables.objects(tip["tip_id"]) == [item["s3_key"]]
    outcomes = [e["detail"] for e in tables.history(tip["tip_id"]) if e["action"] == "media"]
    assert len(outcomes) == 1 and outcomes[0].startswith("m00 stored: video/mp4")
    assert media_dead_letters(local_stack) == parked_before
    view = Chat(local_stack, commune.unit_id, commune.duty_officer).say(f"#xem {code}", expect=VIEWED)
    assert re.search(r"Video: http\S+X-Amz-Expires=600", view)


def test_a_200_mb_video_is_refused_with_a_clear_message_and_the_tip_kept(
    local_stack, user_id, tables, cdn, commune
) -> None:
    served, base_url = cdn
    parked_before = media_dead_letters(local_stack)
    citizen = citizen_chat(local_stack, user_id, commune.unit_id)
    code = file_tip(
        citizen,
        category="7",
        description="Video quay cảnh nhóm thanh niên đua xe, lạng lách trên quốc lộ lúc nửa đêm",
        media=(citizen.video(f"{base_url}/huge"),),
    )

    item = tables.media_once(code, lambda m: m["status"] != "pending")
    refusal = texts.MEDIA_REFUSED_TOO_LARGE.format(kind="Video", limit_mb=100)
    assert (item["status"], item["error"]) == ("refused", refusal)
    assert "s3_key" not in item
    assert served.sent["huge"] < 16 * MB < HUGE_BYTES  # refused on the declared length, body never read
    tip = tables.by_code(code)
    assert tip["status"] == "moi" and "đua xe" in tip["description"]
    assert tables.objects(tip["tip_id"]) == []
    assert media_dead_letters(local_stack) == parked_before  # refused for good: not retried, not parked
    # Told at once, through the OA, not only at the next lookup.
    citizen.wait(0, expect=texts.TIP_MEDIA_NOT_KEPT.format(code=code, reason=refusal))

    officer = Chat(local_stack, commune.unit_id, commune.duty_officer)
    view = officer.say(f"#xem {code}", expect=VIEWED)
    assert f"Video: {texts.MEDIA_STATUS['refused']} — {refusal}" in view
    lookup = citizen.say(f"tra cứu {code}", expect=code)
    assert "Tình trạng: Mới" in lookup and texts.TIP_MEDIA_FAILED_MARK.format(count=1, code=code) in lookup
    assert refusal in lookup  # the reporter learns why, not only that something failed
    officer.say(f"#nhan {code}", expect=f"{code}: Đã tiếp nhận")  # the tip is handled as any other
    citizen.wait(0, expect=texts.TIP_STATUS_PUSH.format(code=code, status="Đã tiếp nhận", result=""))
