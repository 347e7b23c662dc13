"""A tip started from a wanted-person broadcast's "Gửi tin về đối tượng này" button carries the notice as a
field: stored on the tip, shown to officers in Zalo (#xem) and in the admin API, exported in the CSV — and
the citizen's description is kept as they typed it."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from anninh import texts
from anninh.broadcasts.model import new_broadcast
from anninh.store.tips import DynamoTipRepository

from tests.integration.test_tips import (
    CITIZEN,
    OFFICER,
    UNIT,
    file_gambling_tip,
    outbox_texts,
    register_officers,
    say,
)

NOTICE = "nguyen-van-a-2026"
DESCRIPTION = "Tôi thấy người giống đối tượng truy nã ở quán cà phê đầu chợ sáng nay"


def publish_notice(stack, unit_id, notice_id):
    status, saved = stack.admin(
        "PUT",
        f"/admin/content/{unit_id}/wanted/{notice_id}",
        body={"name": "Nguyễn Văn A", "summary": "Bị truy nã về tội cướp tài sản.", "date": "2026-11-01"},
    )
    assert status == 200, saved


def test_the_button_starts_a_tip_linked_to_the_notice(stack):
    register_officers(stack)
    publish_notice(stack, "tinh-demo", NOTICE)  # the province's notice, broadcast down to the commune
    broadcast = new_broadcast(
        {"unit_id": UNIT, "text": "Truy nã Nguyễn Văn A", "cron": "0 8 ? * MON *", "notice_id": NOTICE},
        datetime.now(UTC),
        "test",
    )
    payload = broadcast.content.buttons[-1].payload  # what Zalo sends back when the button is pressed
    assert payload == f"TIP:NOTICE:{NOTICE}"

    for step, text in enumerate([payload, "8", DESCRIPTION, "Chợ Bình An", "sáng nay", "xong", "1"]):
        say(stack, CITIZEN, text, f"n-{step}")
    summary = " ".join(outbox_texts(stack, CITIZEN)[-2:])
    assert texts.TIP_NOTICE_PREFILL.format(notice=NOTICE) in summary
    say(stack, CITIZEN, "gửi", "n-9")
    code = outbox_texts(stack, CITIZEN)[-1].split("Mã tin báo của bạn: ")[1].split()[0]

    tip = DynamoTipRepository().by_code(code)
    assert tip is not None and tip.notice_id == NOTICE
    assert tip.description == DESCRIPTION  # no reference pasted into what the citizen wrote

    say(stack, OFFICER, f"#xem {code}", "o-n1")
    assert outbox_texts(stack, OFFICER)[-1].endswith(texts.OFFICER_TIP_NOTICE.format(notice_id=NOTICE))

    status, shown = stack.admin("GET", f"/admin/tips/{code}")
    assert status == 200 and shown["notice_id"] == NOTICE
    status, exported = stack.admin("GET", "/admin/tips/export.csv", query={"unit_id": UNIT})
    assert status == 200
    rows = list(csv.reader(io.StringIO(exported.removeprefix("\ufeff"))))
    assert rows[0][-1] == texts.TIP_CSV_NOTICE_HEADER
    assert [row[-1] for row in rows[1:] if row[0] == code] == [NOTICE]


def test_a_payload_naming_no_published_notice_starts_an_unlinked_tip(stack):
    register_officers(stack)
    publish_notice(stack, "xa-hoa-lac", NOTICE)  # a sibling's notice is not this unit's to cite
    for step, text in enumerate(
        [f"TIP:NOTICE:{NOTICE}", "8", DESCRIPTION, "không nhớ", "không nhớ", "xong", "1"]
    ):
        say(stack, CITIZEN, text, f"x-{step}")
    assert texts.TIP_NOTICE_PREFILL.format(notice=NOTICE) not in " ".join(outbox_texts(stack, CITIZEN))
    say(stack, CITIZEN, "gửi", "x-9")
    code = outbox_texts(stack, CITIZEN)[-1].split("Mã tin báo của bạn: ")[1].split()[0]
    tip = DynamoTipRepository().by_code(code)
    assert tip is not None and tip.notice_id is None and tip.description == DESCRIPTION


def test_a_tip_started_from_the_menu_has_no_notice(stack):
    code = file_gambling_tip(stack, "m")
    tip = DynamoTipRepository().by_code(code)
    assert tip is not None and tip.notice_id is None
    status, shown = stack.admin("GET", f"/admin/tips/{code}")
    assert status == 200 and shown["notice_id"] is None
