"""Tips end to end through the webhook and worker handlers on moto, Zalo over real HTTP to FakeZalo."""

from __future__ import annotations

import json
import time

from anninh import texts

UNIT = "xa-binh-an"
CITIZEN = "8765432109876543210"
OFFICER = "5550000000000000001"
PROVINCE_OFFICER = "5550000000000000009"


def outbox_texts(stack, user_id):
    return [
        (c.get("message") or {}).get("text") or json.dumps(c.get("message"), ensure_ascii=False)
        for c in stack.zalo.outbox(user_id=user_id)
    ]


def register_officers(stack):
    from anninh.officers.model import Officer
    from anninh.store.officers import DynamoOfficerRepository

    repo = DynamoOfficerRepository()
    repo.save(
        Officer(
            unit_id=UNIT, user_id=OFFICER, name="Lê Văn Trực", role="truc_ban", oa_id=stack.units[UNIT].oa_id
        )
    )
    repo.save(
        Officer(
            unit_id="tinh-demo",
            user_id=PROVINCE_OFFICER,
            name="Phạm Thị Lãnh",
            role="truc_ban",
            oa_id=stack.units["tinh-demo"].oa_id,
        )
    )


def say(stack, user, text, msg_id, unit=UNIT):
    stack.post(unit, stack.text_event(unit, user, text, msg_id))
    stack.drain()


def event(stack, user, name, message, unit=UNIT):
    return {
        "app_id": stack.app_id,
        "event_name": name,
        "timestamp": str(int(time.time() * 1000)),
        "sender": {"id": user},
        "recipient": {"id": stack.units[unit].oa_id},
        "message": message,
    }


def file_gambling_tip(stack, prefix):
    """An anonymous gambling tip through the whole intake; returns its code."""
    answers = [
        "báo tin",
        "2",
        "Có sòng bạc ăn tiền trong nhà kho cuối làng",
        "không nhớ",
        "không nhớ",
        "xong",
        "1",
        "gửi",
    ]
    for step, text in enumerate(answers):
        say(stack, CITIZEN, text, f"{prefix}-{step}")
    return outbox_texts(stack, CITIZEN)[-1].split("Mã tin báo của bạn: ")[1].split()[0]


def test_anonymous_tip_with_photo_and_location_then_officer_handles_it(stack):
    register_officers(stack)
    photo = stack.zalo_url + "/_media/sample.jpg"
    say(stack, CITIZEN, "tố giác", "t-1")
    assert "Bước 1/6" in outbox_texts(stack, CITIZEN)[-1]
    say(stack, CITIZEN, "1", "t-2")
    say(stack, CITIZEN, "Có nhóm thanh niên tụ tập bán ma túy ở cuối hẻm mỗi tối sau 22 giờ", "t-3")
    stack.post(
        UNIT,
        event(
            stack,
            CITIZEN,
            "user_send_location",
            {
                "msg_id": "t-4",
                "text": "Hẻm 12 Bình An",
                "attachments": [
                    {
                        "type": "location",
                        "payload": {"coordinates": {"latitude": "10.7769", "longitude": "106.7009"}},
                    }
                ],
            },
        ),
    )
    stack.drain()
    say(stack, CITIZEN, "tối qua khoảng 22 giờ", "t-5")
    stack.post(
        UNIT,
        event(
            stack,
            CITIZEN,
            "user_send_image",
            {
                "msg_id": "t-6",
                "text": "",
                "attachments": [{"type": "image", "payload": {"url": photo, "thumbnail": photo}}],
            },
        ),
    )
    stack.drain()
    assert "Đã nhận 1 tệp" in outbox_texts(stack, CITIZEN)[-1]
    say(stack, CITIZEN, "xong", "t-7")
    say(stack, CITIZEN, "1", "t-8")  # anonymous
    summary = " ".join(outbox_texts(stack, CITIZEN)[-2:])
    assert "Ma túy" in summary and "Ẩn danh" in summary and "Hẻm 12 Bình An" in summary
    say(stack, CITIZEN, "gửi", "t-9")
    submitted = outbox_texts(stack, CITIZEN)[-1]
    code = submitted.split("Mã tin báo của bạn: ")[1].split()[0]
    assert code.startswith("BA-")

    from anninh.store.tips import DynamoTipRepository

    tip = DynamoTipRepository().by_code(code)
    assert tip.privacy == "anonymous" and tip.latitude == 10.7769 and tip.contact_phone is None
    assert [m.kind for m in tip.media] == ["image"] and tip.media[0].source_url == photo

    alert = outbox_texts(stack, OFFICER)[-1]
    assert code in alert and "ma túy" in alert
    say(stack, OFFICER, f"#xem {code}", "o-1")
    view = outbox_texts(stack, OFFICER)[-1]
    assert texts.OFFICER_REPORTER_HIDDEN in view and CITIZEN not in view

    say(stack, OFFICER, f"#nhan {code}", "o-2")
    assert "Đã tiếp nhận" in outbox_texts(stack, CITIZEN)[-1]  # pushed to the reporter
    say(stack, OFFICER, f"#phanhoi {code} Anh/chị có nhớ biển số xe máy của nhóm đó không?", "o-3")
    assert "biển số" in outbox_texts(stack, CITIZEN)[-1]
    say(stack, CITIZEN, f"bổ sung {code} xe Wave màu đỏ biển 59X1-123.45", "t-10")
    assert code in outbox_texts(stack, CITIZEN)[-1]
    # The addition is an item of its own (the tip item does not grow), read back in order.
    tip_now = DynamoTipRepository().by_code(code)
    assert "Wave màu đỏ" not in tip_now.description
    assert [e.detail for e in DynamoTipRepository().additions(tip_now.tip_id)] == [
        "xe Wave màu đỏ biển 59X1-123.45"
    ]

    say(stack, OFFICER, f"#trangthai {code} da_xu_ly", "o-4")
    assert "cần kết quả công khai" in outbox_texts(stack, OFFICER)[-1]
    say(stack, OFFICER, f"#trangthai {code} dang_xac_minh", "o-5")
    say(stack, OFFICER, f"#trangthai {code} da_xu_ly Đã triệt phá điểm bán ma túy, bắt 3 đối tượng", "o-6")
    say(stack, CITIZEN, f"tra cứu {code}", "t-11")
    status = outbox_texts(stack, CITIZEN)[-1]
    assert "Đã xử lý" in status and "bắt 3 đối tượng" in status
    history = [entry.action for entry in DynamoTipRepository().history(tip.tip_id)]
    assert history.count("status") == 3 and "viewed" in history and "reply" in history
    assert "info_added" in history


def test_duplicate_confirmation_creates_one_tip_and_urgent_alerts_at_once(stack):
    register_officers(stack)
    say(stack, CITIZEN, "Cứu với, có người cầm dao đang đánh nhau trước cổng chợ", "u-1")
    first = outbox_texts(stack, CITIZEN)
    assert "113" in first[0] and "114" in first[0] and "115" in first[0] and "0200 3830 113" in first[0]
    assert "KHẨN" in outbox_texts(stack, OFFICER)[-1]
    # "1": yes, the category guessed from the words; the urgent message already is the description.
    for step, text in enumerate(["1", "trước cổng chợ Bình An", "đang diễn ra", "không", "1"]):
        say(stack, CITIZEN, text, f"u-{step + 2}")
    confirm = event(stack, CITIZEN, "user_send_text", {"msg_id": "u-confirm", "text": "gửi"})
    stack.post(UNIT, confirm)
    stack.drain()
    retry = stack.signed_request(UNIT, confirm)
    retry["headers"]["num_retry"] = "1"
    stack.functions["WebhookFunction"].invoke(retry)
    stack.drain()
    from anninh.store.tips import DynamoTipRepository, TipModel

    # Tips only: the table also holds one code reservation per tip ("code#…").
    tips = list(TipModel.scan(TipModel.unit_id.exists()))
    assert len(tips) == 1
    tip = tips[0]
    assert tip.urgent is True and "dao" in tip.description
    assert len([t for t in outbox_texts(stack, CITIZEN) if "Mã tin báo" in t]) == 1
    assert DynamoTipRepository().by_code(tip.code).urgent


def test_transfer_to_parent_and_sibling_cannot_see(stack):
    register_officers(stack)
    code = file_gambling_tip(stack, "g")
    sibling_officer = "5550000000000000077"
    from anninh.officers.model import Officer
    from anninh.store.officers import DynamoOfficerRepository

    DynamoOfficerRepository().save(
        Officer(
            unit_id="xa-hoa-lac",
            user_id=sibling_officer,
            name="Sibling",
            role="truc_ban",
            oa_id=stack.units["xa-hoa-lac"].oa_id,
        )
    )
    say(stack, sibling_officer, f"#xem {code}", "s-1", unit="xa-hoa-lac")
    assert "Không tìm thấy" in outbox_texts(stack, sibling_officer)[-1]
    say(stack, OFFICER, f"#chuyen {code} tinh-demo", "o-1")
    assert "Công an tỉnh Demo" in outbox_texts(stack, OFFICER)[-1]
    assert "đã được chuyển tới Công an tỉnh Demo" in outbox_texts(stack, CITIZEN)[-1]
    assert f"Tin báo {code} được chuyển tới đơn vị" in outbox_texts(stack, PROVINCE_OFFICER)[-1]
    say(stack, PROVINCE_OFFICER, "#tin", "p-1", unit="tinh-demo")
    assert code in outbox_texts(stack, PROVINCE_OFFICER)[-1]
    from anninh.store.tips import DynamoTipRepository

    tip = DynamoTipRepository().by_code(code)
    assert tip.unit_id == "tinh-demo" and tip.status == "moi"


def test_my_tips_and_cancel(stack):
    say(stack, CITIZEN, "tin báo của tôi", "m-1")
    assert outbox_texts(stack, CITIZEN)[-1] == texts.TIP_MY_TIPS_NONE
    say(stack, CITIZEN, "phản ánh", "m-2")
    say(stack, CITIZEN, "hủy", "m-3")
    assert outbox_texts(stack, CITIZEN)[-1] == texts.TIP_CANCELLED


def test_a_photo_sent_with_a_tip_is_downloaded_stored_and_shown_to_officers_as_a_short_link(stack):
    register_officers(stack)
    photo = stack.zalo_url + "/_media/sample.jpg"
    say(stack, CITIZEN, "báo tin", "p-0")
    for step, text in enumerate(
        ["3", "Kẻ gian cạy cửa lấy trộm xe đạp điện trong sân nhà tôi", "không nhớ", "đêm qua"]
    ):
        say(stack, CITIZEN, text, f"p-{step + 1}")
    stack.post(
        UNIT,
        event(
            stack,
            CITIZEN,
            "user_send_image",
            {"msg_id": "p-img", "text": "", "attachments": [{"type": "image", "payload": {"url": photo}}]},
        ),
    )
    stack.drain()
    for step, text in enumerate(["xong", "1", "gửi"]):
        say(stack, CITIZEN, text, f"p-{step + 10}")
    code = outbox_texts(stack, CITIZEN)[-1].split("Mã tin báo của bạn: ")[1].split()[0]
    stack.drain(source=stack.media_source())
    from anninh.store.tips import DynamoTipRepository

    (item,) = DynamoTipRepository().by_code(code).media
    assert item.status == "stored" and item.content_type == "image/jpeg" and item.sha256
    say(stack, OFFICER, f"#xem {code}", "o-view")
    view = outbox_texts(stack, OFFICER)[-1]
    assert "X-Amz-Expires=600" in view and "X-Amz-Signature" in view
    actions = [e.action for e in DynamoTipRepository().history(DynamoTipRepository().by_code(code).tip_id)]
    assert "media" in actions and "media_access" in actions


def test_reporter_adds_a_photo_and_text_to_an_open_tip(stack):
    code = file_gambling_tip(stack, "add")
    say(stack, CITIZEN, f"bổ sung {code}", "add-10")
    assert code in outbox_texts(stack, CITIZEN)[-1] and "xong" in outbox_texts(stack, CITIZEN)[-1]
    photo = stack.zalo_url + "/_media/sample.jpg"
    image = event(
        stack,
        CITIZEN,
        "user_send_image",
        {"msg_id": "add-img", "text": "", "attachments": [{"type": "image", "payload": {"url": photo}}]},
    )
    stack.post(UNIT, image)
    stack.drain()
    retry = stack.signed_request(UNIT, image)
    retry["headers"]["num_retry"] = "2"
    stack.functions["WebhookFunction"].invoke(retry)
    stack.drain()
    say(stack, CITIZEN, "ảnh chụp lúc 23 giờ", "add-11")
    say(stack, CITIZEN, "xong", "add-12")
    assert code in outbox_texts(stack, CITIZEN)[-1]
    stack.drain(source=stack.media_source())
    from anninh.store.tips import DynamoTipRepository

    tip = DynamoTipRepository().by_code(code)
    assert [m.status for m in tip.media] == ["stored"]
    assert [e.detail for e in DynamoTipRepository().additions(tip.tip_id)] == ["ảnh chụp lúc 23 giờ"]
    say(stack, CITIZEN, "menu", "add-13")  # back to normal: the menu, not the tip
    assert "Tin tức" in outbox_texts(stack, CITIZEN)[-1]
    # The officer's #xem shows the addition after the tip (an item of its own, not in the description).
    register_officers(stack)
    say(stack, OFFICER, f"#xem {code}", "add-o1")
    assert "ảnh chụp lúc 23 giờ" in outbox_texts(stack, OFFICER)[-1]
