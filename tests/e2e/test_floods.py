"""One citizen flooding the local stack: the officer is not flooded, the citizen is told politely, tips stay
whole and readable, nothing lands in a dead-letter queue. Also several photos in one message.

Behaviour is asserted (counts, statuses, what reaches whom); the only wording checked is that of the
constants in anninh.texts the code itself sends. Units, OAs and 24/7 trực ban officers are this file's own
(``local_stack.staffed_unit``, made once for the module).
"""

from __future__ import annotations

import re
import time
import uuid
from typing import Any

import pytest
import requests
from anninh import texts
from anninh.limits.citizens import LimitSettings
from localrun.citizen import new_user_id, now_ms, reply_text, text_event

from tests.e2e.conftest import StaffedUnit
from tests.e2e.replies import TIP_FILED, step

pytestmark = pytest.mark.e2e

CODE = re.compile(r"Mã tin báo của bạn: ([A-Z0-9]+-[A-Z0-9]+)")
ADMIN = {"x-anninh-token": "anninh-local-admin-demo"}
DEAD_LETTERS = ("InboundDeadLetterQueue", "MediaDeadLetterQueue")


@pytest.fixture(scope="module")
def unit_id(local_stack) -> str:
    return local_stack.staffed_unit("floods").unit_id


@pytest.fixture(scope="module")
def urgent(local_stack) -> StaffedUnit:
    """A unit whose trực ban's pages are counted (no other test of the file writes to it)."""
    return local_stack.staffed_unit("floods-urgent")


class Citizen:
    def __init__(self, stack: Any, unit_id: str, user_id: str) -> None:
        self.stack, self.unit, self.user_id = stack, stack.unit(unit_id), user_id

    def texts(self) -> list[str]:
        return [reply_text(call) for call in self.stack.outbox(self.user_id)]

    def post(self, event: dict[str, Any]) -> None:
        answer = self.stack.post_event(self.unit, event)
        assert answer.status_code == 200, answer.text

    def say(self, message: str | dict[str, Any], *, expect: str, timeout: float = 20) -> str:
        before = len(self.stack.outbox(self.user_id))
        self.post(text_event(self.unit, self.user_id, message) if isinstance(message, str) else message)
        calls = self.stack.wait_for_reply(
            self.user_id, lambda calls: any(expect in reply_text(c) for c in calls[before:]), timeout=timeout
        )
        return "\n".join(reply_text(call) for call in calls[before:])

    def photos(self, *urls: str) -> dict[str, Any]:
        """One message carrying several photos (Zalo's ``message.attachments`` with several entries)."""
        return {
            "app_id": self.unit.app_id,
            "event_name": "user_send_image",
            "timestamp": now_ms(),
            "sender": {"id": self.user_id},
            "recipient": {"id": self.unit.oa_id},
            "message": {
                "msg_id": uuid.uuid4().hex,
                "text": "",
                "attachments": [{"type": "image", "payload": {"url": u, "thumbnail": u}} for u in urls],
            },
        }

    def start_tip(self) -> None:
        self.say("báo tin", expect=step(1))
        self.say("3", expect=step(2))
        self.say("Có người tổ chức đánh bạc ăn tiền trong nhà kho cuối thôn mỗi tối", expect=step(3))
        self.say("không nhớ", expect=step(4))
        self.say("không nhớ", expect=step(5))

    def finish_tip(self) -> str:
        self.say("xong", expect=step(6))
        self.say("1", expect=texts.TIP_CONFIRM_RETRY)
        found = CODE.search(self.say("gửi", expect=TIP_FILED))
        assert found
        return found.group(1)


def dead_letters(stack: Any) -> int:
    queues = stack.queues()
    return sum(int(queues[name]["visible"] + queues[name]["in_flight"]) for name in DEAD_LETTERS)


def drained(stack: Any, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while True:
        queues = stack.queues()
        busy = sum(int(queues[q]["visible"] + queues[q]["in_flight"]) for q in ("InboundQueue", "MediaQueue"))
        if busy == 0:
            return
        assert time.monotonic() < deadline, f"queues not drained within {timeout}s: {queues}"
        time.sleep(0.3)


def tip_detail(stack: Any, code: str) -> dict[str, Any]:
    answer = requests.get(f"{stack.base_url}/admin/tips/{code}", headers=ADMIN, timeout=10)
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def settled_media(stack: Any, code: str, timeout: float = 60) -> list[dict[str, Any]]:
    deadline = time.monotonic() + timeout
    while True:
        media = tip_detail(stack, code)["media"]
        if all(item["status"] != "pending" for item in media):
            return list(media)
        assert time.monotonic() < deadline, f"media still pending after {timeout}s: {media}"
        time.sleep(0.5)


# ------------------------------------------------------------------ tests


def test_a_flood_of_urgent_messages_pages_the_duty_officer_once(local_stack, user_id, urgent) -> None:
    citizen = Citizen(local_stack, urgent.unit_id, user_id)
    dead_before = dead_letters(local_stack)
    marker = uuid.uuid4().hex[:10]
    alerts_before = len(local_stack.outbox(urgent.duty_officer))
    for round_ in range(8):  # each round a fresh urgent message (the previous draft cancelled first)
        citizen.say(f"Cứu với, có người cầm dao đánh nhau trước chợ {marker} lần {round_}", expect="113")
        citizen.say("hủy", expect=texts.TIP_CANCELLED)
    drained(local_stack)
    alerts = [
        reply_text(call)
        for call in local_stack.settled_outbox(urgent.duty_officer)[alerts_before:]
        if marker in reply_text(call)
    ]
    assert len(alerts) == 1, alerts  # eight urgent messages, one page
    assert "lần 0" in alerts[0]
    # The citizen got the emergency numbers every time: limiting the officer's alerts never mutes them.
    call_first = texts.EMERGENCY_CALL_FIRST["113"]
    assert sum(text.startswith(call_first) for text in citizen.texts()) == 8
    assert dead_letters(local_stack) == dead_before


def test_a_citizen_sending_too_fast_is_told_once_and_the_rest_does_nothing(
    local_stack, unit_id, user_id
) -> None:
    control = Citizen(local_stack, unit_id, new_user_id())  # how many replies one such message gets
    control.post(text_event(control.unit, control.user_id, "liên hệ"))
    drained(local_stack)
    per_message = len(local_stack.settled_outbox(control.user_id))
    citizen = Citizen(local_stack, unit_id, user_id)
    dead_before = dead_letters(local_stack)
    burst = [text_event(citizen.unit, user_id, "liên hệ") for _ in range(45)]  # one timestamp range
    for event in burst:
        citizen.post(event)
    drained(local_stack)
    replies = [reply_text(call) for call in local_stack.settled_outbox(user_id)]
    polite = [i for i, text in enumerate(replies) if text == texts.CITIZEN_RATE_LIMITED]
    assert len(polite) == 1, replies  # told once, not once per refused message
    answered_messages = (len(replies) - 1) / per_message
    # The allowance (30 at once) answered, at most one more refilled meanwhile; the rest did nothing.
    assert LimitSettings().burst <= answered_messages <= LimitSettings().burst + 1
    assert polite[0] == len(replies) - 1  # the refusal comes after all that was answered (FIFO per citizen)
    assert dead_letters(local_stack) == dead_before


def test_three_photos_in_one_message_are_three_attachments_each_downloaded(
    local_stack, unit_id, user_id
) -> None:
    citizen = Citizen(local_stack, unit_id, user_id)
    photos = [local_stack.sample_media_url(n) for n in ("sample.jpg", "sample.png", "sample.gif")]
    citizen.start_tip()
    citizen.say(citizen.photos(*photos), expect=texts.TIP_MEDIA_RECEIVED.format(count=3))
    code = citizen.finish_tip()
    media = settled_media(local_stack, code)
    assert [item["status"] for item in media] == ["stored"] * 3
    assert {item["content_type"] for item in media} == {"image/jpeg", "image/png", "image/gif"}
    # "bổ sung" with three more photos in one message: three more attachments.
    citizen.say(f"bổ sung {code}", expect=code)
    citizen.say(citizen.photos(*photos), expect=texts.TIP_MEDIA_ADDED.format(code=code))
    citizen.say("xong", expect=code)
    assert [item["status"] for item in settled_media(local_stack, code)] == ["stored"] * 6


def test_many_attachments_stop_at_twenty_with_a_polite_word(local_stack, unit_id, user_id) -> None:
    citizen = Citizen(local_stack, unit_id, user_id)
    dead_before = dead_letters(local_stack)
    photo = local_stack.sample_media_url("sample.jpg")
    citizen.start_tip()
    citizen.say(citizen.photos(*[photo] * 10), expect=texts.TIP_MEDIA_RECEIVED.format(count=10))
    citizen.say(citizen.photos(*[photo] * 10), expect=texts.TIP_MEDIA_RECEIVED.format(count=20))
    limit = texts.TIP_MEDIA_LIMIT.format(limit=20)
    citizen.say(citizen.photos(*[photo] * 5), expect=limit)
    code = citizen.finish_tip()
    media = settled_media(local_stack, code)
    assert len(media) == 20 and all(item["status"] == "stored" for item in media)
    # Adding more later is refused the same way, and changes nothing.
    citizen.say(f"bổ sung {code}", expect=code)
    citizen.say(citizen.photos(photo), expect=limit)
    citizen.say("xong", expect=code)
    drained(local_stack)
    assert len(tip_detail(local_stack, code)["media"]) == 20
    assert dead_letters(local_stack) == dead_before


def test_many_additions_are_kept_in_order_and_the_tip_stays_readable(local_stack, unit_id, user_id) -> None:
    citizen = Citizen(local_stack, unit_id, user_id)
    dead_before = dead_letters(local_stack)
    citizen.start_tip()
    code = citizen.finish_tip()
    long_text = "Chi tiết bổ sung rất dài. " * 150  # ~3,900 characters each, under the 4,000 bound
    for number in range(18):
        citizen.say(f"bổ sung {code} [{number:02d}] {long_text}", expect=code)
    too_long = citizen.say(f"bổ sung {code} " + "x" * 4001, expect="4000")
    assert texts.TIP_ADDITION_TOO_LONG.format(limit=4000) in too_long
    drained(local_stack)
    detail = tip_detail(local_stack, code)  # ~70 KB of additions: the tip item itself did not grow
    additions = [entry["detail"] for entry in detail["history"] if entry["action"] == "info_added"]
    assert [text[:4] for text in additions] == [f"[{n:02d}]" for n in range(18)]
    assert "Chi tiết bổ sung" not in detail["description"]
    assert dead_letters(local_stack) == dead_before
