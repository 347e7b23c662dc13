"""Tips routed by place, through the webhook and worker on moto, Zalo over real HTTP to FakeZalo.

A tip sent to the province's OA whose place names a commune below it is offered to that commune's unit in
the officers' new-tip alert; "#chuyen CODE" accepts the offer, "#chuyen CODE UNIT" sends it elsewhere, and
nothing moves without an officer.
"""

from __future__ import annotations

import json
import time

from anninh import texts

PROVINCE = "tinh-demo"
CITIZEN = "8765432109876543299"
PROVINCE_OFFICER = "5550000000000000019"
COMMUNE_OFFICER = "5550000000000000011"
OTHER_COMMUNE_OFFICER = "5550000000000000012"


def outbox_texts(stack, user_id):
    return [
        (c.get("message") or {}).get("text") or json.dumps(c.get("message"), ensure_ascii=False)
        for c in stack.zalo.outbox(user_id=user_id)
    ]


def register_officers(stack):
    from anninh.officers.model import Officer
    from anninh.store.officers import DynamoOfficerRepository

    repo = DynamoOfficerRepository()
    for unit_id, user_id, name in [
        (PROVINCE, PROVINCE_OFFICER, "Phạm Thị Trực"),
        ("xa-binh-an", COMMUNE_OFFICER, "Lê Văn Xã"),
        ("xa-hoa-lac", OTHER_COMMUNE_OFFICER, "Trần Văn Lạc"),
    ]:
        # The communes' officers write to the province's OA: one OA is enough to reach them.
        repo.save(
            Officer(
                unit_id=unit_id,
                user_id=user_id,
                name=name,
                role="truc_ban",
                oa_id=stack.units[PROVINCE].oa_id,
            )
        )


def say(stack, user, text, msg_id):
    stack.post(PROVINCE, stack.text_event(PROVINCE, user, text, msg_id))
    stack.drain()


def file_tip(stack, prefix, place):
    """A tip through the province OA's intake; ``place`` a text, or a (text, lat, lon) shared location."""
    say(stack, CITIZEN, "báo tin", f"{prefix}-1")
    say(stack, CITIZEN, "2", f"{prefix}-2")
    say(stack, CITIZEN, "Có sòng bạc ăn tiền trong nhà kho cuối làng mỗi tối", f"{prefix}-3")
    if isinstance(place, tuple):
        text, lat, lon = place
        message = {
            "msg_id": f"{prefix}-4",
            "text": text,
            "attachments": [
                {"type": "location", "payload": {"coordinates": {"latitude": lat, "longitude": lon}}}
            ],
        }
        stack.post(
            PROVINCE,
            {
                "app_id": stack.app_id,
                "event_name": "user_send_location",
                "timestamp": str(int(time.time() * 1000)),
                "sender": {"id": CITIZEN},
                "recipient": {"id": stack.units[PROVINCE].oa_id},
                "message": message,
            },
        )
        stack.drain()
    else:
        say(stack, CITIZEN, place, f"{prefix}-4")
    for step, text in enumerate(["không nhớ", "xong", "1", "gửi"], start=5):
        say(stack, CITIZEN, text, f"{prefix}-{step}")
    return outbox_texts(stack, CITIZEN)[-1].split("Mã tin báo của bạn: ")[1].split()[0]


def test_an_officer_accepts_the_offer_and_the_commune_takes_the_tip_with_its_code_and_history(stack):
    from anninh.store.tips import DynamoTipRepository

    register_officers(stack)
    code = file_tip(stack, "r", "thôn Đông, xa Binh An")
    tips = DynamoTipRepository()
    tip = tips.by_code(code)
    assert (tip.unit_id, tip.suggested_unit_id) == (PROVINCE, "xa-binh-an")

    alert = outbox_texts(stack, PROVINCE_OFFICER)[-1]
    assert code in alert and "Công an xã Bình An" in alert and f"#chuyen {code}" in alert
    assert not any(code in t for t in outbox_texts(stack, COMMUNE_OFFICER))  # offered, not moved
    say(stack, PROVINCE_OFFICER, f"#xem {code}", "p-1")
    assert "Đề xuất chuyển cho: Công an xã Bình An" in outbox_texts(stack, PROVINCE_OFFICER)[-1]

    say(stack, PROVINCE_OFFICER, f"#chuyen {code}", "p-2")
    assert outbox_texts(stack, PROVINCE_OFFICER)[-1] == texts.OFFICER_TIP_TRANSFERRED.format(
        code=code, unit_name="Công an xã Bình An"
    )
    moved = tips.by_code(code)
    assert (moved.unit_id, moved.status, moved.code, moved.suggested_unit_id) == (
        "xa-binh-an",
        "moi",
        code,
        None,
    )
    history = tips.history(moved.tip_id)
    # "created" and "route_suggested" share the tip's creation time: their order between them is not kept.
    assert {"created", "route_suggested"} <= {e.action for e in history}
    assert [(e.action, e.detail) for e in history if e.action in {"route_suggested", "transfer"}] == [
        ("route_suggested", "xa-binh-an"),
        ("transfer", f"{PROVINCE} → xa-binh-an"),
    ]
    assert f"Tin báo {code} được chuyển tới đơn vị" in outbox_texts(stack, COMMUNE_OFFICER)[-1]
    assert "Công an xã Bình An" in outbox_texts(stack, CITIZEN)[-1]

    # The reporter's replies keep working, and the commune's officer reaches the reporter through the tip.
    say(stack, CITIZEN, f"bổ sung {code} có cả xe máy biển 29A", "r-10")
    assert [e.detail for e in tips.additions(moved.tip_id)] == ["có cả xe máy biển 29A"]
    say(stack, COMMUNE_OFFICER, f"#phanhoi {code} Cảm ơn, chúng tôi đang xác minh", "c-1")
    assert "đang xác minh" in outbox_texts(stack, CITIZEN)[-1]
    say(stack, CITIZEN, f"tra cứu {code}", "r-11")
    assert code in outbox_texts(stack, CITIZEN)[-1]

    # Accepted once: a second "#chuyen CODE" finds no offer left and moves nothing.
    say(stack, COMMUNE_OFFICER, f"#chuyen {code}", "c-2")
    assert outbox_texts(stack, COMMUNE_OFFICER)[-1] == texts.ROUTE_NO_SUGGESTION.format(code=code)
    assert tips.by_code(code).unit_id == "xa-binh-an"


def test_an_officer_sends_the_tip_elsewhere_and_a_shared_location_text_is_read(stack):
    from anninh.store.tips import DynamoTipRepository

    register_officers(stack)
    code = file_tip(stack, "l", ("Ngõ 4, xã Hòa Lạc", "21.0", "105.5"))
    tips = DynamoTipRepository()
    assert tips.by_code(code).suggested_unit_id == "xa-hoa-lac"
    say(stack, PROVINCE_OFFICER, f"#chuyen {code} xa-binh-an", "p-3")
    moved = tips.by_code(code)
    assert (moved.unit_id, moved.suggested_unit_id) == ("xa-binh-an", None)
    assert f"Tin báo {code} được chuyển tới đơn vị" in outbox_texts(stack, COMMUNE_OFFICER)[-1]
    assert not any(code in t for t in outbox_texts(stack, OTHER_COMMUNE_OFFICER))


def test_no_offer_when_the_place_names_no_commune_and_nothing_moves_without_an_officer(stack):
    from anninh.store.tips import DynamoTipRepository

    register_officers(stack)
    code = file_tip(stack, "n", "đường Lê Lợi, gần chợ")
    tip = DynamoTipRepository().by_code(code)
    assert (tip.unit_id, tip.suggested_unit_id) == (PROVINCE, None)
    alert = outbox_texts(stack, PROVINCE_OFFICER)[-1]
    assert code in alert and "#chuyen" not in alert
    say(stack, PROVINCE_OFFICER, f"#chuyen {code}", "p-4")
    assert outbox_texts(stack, PROVINCE_OFFICER)[-1] == texts.ROUTE_NO_SUGGESTION.format(code=code)
    assert DynamoTipRepository().by_code(code).unit_id == PROVINCE
