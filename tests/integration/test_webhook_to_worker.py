"""Webhook and worker handlers on moto (from template.yaml), Zalo over real HTTP to FakeZalo."""

from __future__ import annotations

import base64
import json
import time

from anninh import texts

UNIT = "xa-binh-an"
USER = "8765432109876543210"
OTHER_USER = "8765432109876543211"


def replies(stack, user_id):
    return stack.zalo.outbox(user_id=user_id)


def reply_texts(stack, user_id):
    out = []
    for call in replies(stack, user_id):
        message = call.get("message") or {}
        if message.get("text"):
            out.append(message["text"])
        else:
            out.append(json.dumps(message, ensure_ascii=False))
    return out


def test_follow_is_recorded_and_welcomed_with_the_menu(stack):
    answer = stack.post(UNIT, stack.follow_event(UNIT, USER))
    assert answer["statusCode"] == 200 and json.loads(answer["body"]) == {"status": "queued"}
    assert stack.drain() == 1
    sent = reply_texts(stack, USER)
    assert len(sent) == 2
    assert "Công an xã Bình An" in sent[0]
    assert texts.SECTION_CONTACT in sent[1] and texts.SECTION_PATROL in sent[1]
    from anninh.store.models import FollowerModel

    follower = FollowerModel.get(stack.units[UNIT].oa_id, USER)
    assert follower.following is True and follower.last_interaction_at is not None


def test_text_menu_reply_and_contact_section(stack):
    stack.post(UNIT, stack.text_event(UNIT, USER, "xin chào", "m-1"))
    stack.post(UNIT, stack.text_event(UNIT, USER, "4", "m-2"))
    assert stack.drain() == 2
    sent = reply_texts(stack, USER)
    assert texts.SECTION_NEWS in sent[0]
    assert "0200 3830 113" in sent[1] and "Liên hệ Công an xã Bình An" in sent[1]


def test_the_same_event_delivered_twice_gives_one_reply(stack):
    event = stack.text_event(UNIT, USER, "menu", "dup-1")
    stack.post(UNIT, event)
    stack.drain()
    retry = stack.signed_request(UNIT, event)
    retry["headers"]["num_retry"] = "1"
    assert stack.functions["WebhookFunction"].invoke(retry)["statusCode"] == 200
    stack.drain()
    assert len(replies(stack, USER)) == 1


def test_bad_signature_is_401_and_nothing_is_queued(stack):
    answer = stack.post(UNIT, stack.text_event(UNIT, USER, "menu", "forged"), secret="not-the-secret")
    assert answer["statusCode"] == 401
    assert json.loads(answer["body"]) == {"status": "bad_signature"}
    assert stack.queue_depth("InboundQueue") == 0
    assert replies(stack, USER) == []


def test_malformed_and_oversized_bodies_change_nothing(stack):
    request = stack.signed_request(UNIT, stack.text_event(UNIT, USER, "menu", "m-x"))
    broken = dict(request, body="{not json")
    assert stack.functions["WebhookFunction"].invoke(broken)["statusCode"] == 400
    huge = stack.text_event(UNIT, USER, "x" * 1_100_000, "m-big")
    assert stack.post(UNIT, huge)["statusCode"] == 413
    assert stack.queue_depth("InboundQueue") == 0


def test_base64_encoded_body_is_verified_on_the_decoded_bytes(stack):
    request = stack.signed_request(UNIT, stack.text_event(UNIT, USER, "menu", "b64"))
    request["body"] = base64.b64encode(request["body"].encode()).decode()
    request["isBase64Encoded"] = True
    assert stack.functions["WebhookFunction"].invoke(request)["statusCode"] == 200
    assert stack.drain() == 1


def test_rate_limited_twice_then_success_gives_one_reply(stack):
    stack.zalo.add_fault("/v3.0/oa/message/cs", error=-32, times=2)
    stack.post(UNIT, stack.text_event(UNIT, USER, "1", "rl-1"))
    stack.drain()
    sent = reply_texts(stack, USER)
    assert len(sent) == 2  # the news notice and the menu hint, each once
    assert sent[0] == texts.NEWS_EMPTY.format(unit_name="Công an xã Bình An")


def test_expired_token_is_refreshed_once_and_the_call_retried_once(stack):
    stack.zalo.add_fault("/v3.0/oa/message/cs", error=-216, times=1)
    stack.post(UNIT, stack.text_event(UNIT, USER, "4", "tok-1"))
    stack.drain()
    refreshes = [c for c in stack.zalo.calls() if c["endpoint"].endswith("/v4/oa/access_token")]
    assert len(refreshes) == 1
    assert len(replies(stack, USER)) == 2


def test_poison_event_reaches_the_dlq_and_other_citizens_are_still_answered(stack):
    # Zalo fails every send to this one citizen with a server error: retried by the client, then by SQS
    # up to the redrive policy's receive count, then parked; another citizen is answered meanwhile.
    stack.zalo.add_fault("/v3.0/oa/message/cs", http_status=500, times=1000, user_id=USER)
    stack.post(UNIT, stack.text_event(UNIT, USER, "menu", "poison-1"))
    stack.post(UNIT, stack.text_event(UNIT, OTHER_USER, "menu", "healthy-1"))
    stack.drain(rounds=30)
    assert len(replies(stack, OTHER_USER)) == 1
    assert replies(stack, USER) == []
    assert stack.queue_depth("InboundDeadLetterQueue") == 1
    assert stack.queue_depth("InboundQueue") == 0


def test_an_unreadable_event_is_parked_at_once_and_the_citizen_told(stack):
    # Signed and with a valid envelope (the webhook queues it), but no text: the typed parse refuses it.
    event = stack.text_event(UNIT, USER, "x", "unreadable-1")
    del event["message"]["text"]
    assert stack.post(UNIT, event)["statusCode"] == 200
    stack.post(UNIT, stack.text_event(UNIT, USER, "menu", "after-1"))  # same citizen, same FIFO group
    stack.drain(rounds=3)  # no redrive cycle needed: the next message is answered in the same pass
    told = replies(stack, USER)
    assert len(told) == 2 and "chưa đọc được tin nhắn" in json.dumps(told[0], ensure_ascii=False)
    dlq = stack.url("InboundDeadLetterQueue")
    parked = stack.sqs.receive_message(QueueUrl=dlq, MessageAttributeNames=["All"])["Messages"]
    assert [json.loads(m["Body"])["message"]["msg_id"] for m in parked] == ["unreadable-1"]
    assert "message.text" in parked[0]["MessageAttributes"]["parked_reason"]["StringValue"]
    assert stack.queue_depth("InboundQueue") == 0


def test_window_errors_are_not_retried(stack):
    stack.zalo.add_fault("/v3.0/oa/message/cs", error=-230, times=5)
    stack.post(UNIT, stack.text_event(UNIT, USER, "menu", "late-1"))
    stack.drain()
    cs_calls = [c for c in stack.zalo.calls() if c["endpoint"].endswith("/v3.0/oa/message/cs")]
    assert len(cs_calls) == 1
    assert stack.queue_depth("InboundQueue") == 0 and stack.queue_depth("InboundDeadLetterQueue") == 0


def test_delivery_and_seen_receipts_are_recorded(stack):
    oa_id = stack.units[UNIT].oa_id
    base = {
        "app_id": stack.app_id,
        "timestamp": stack.text_event(UNIT, USER, "", "x")["timestamp"],
        "sender": {"id": oa_id},
        "recipient": {"id": USER},
    }
    stack.post(UNIT, {**base, "event_name": "user_received_message", "message": {"msg_ids": ["oa-msg-1"]}})
    stack.post(UNIT, {**base, "event_name": "user_seen_message", "message": {"msg_ids": ["oa-msg-1"]}})
    assert stack.drain() == 2
    from anninh.store.models import DeliveryModel

    item = DeliveryModel.get("oa-msg-1")
    assert item.delivered_at is not None and item.seen_at is not None
    assert USER not in item.user_hash


def test_scheduled_token_refresh_renews_tokens_expiring_soon(stack):
    from datetime import UTC, datetime, timedelta

    from anninh.store.tokens import DynamoTokenRepository
    from localrun import environ

    oa_id = stack.units[UNIT].oa_id
    repo = DynamoTokenRepository()
    tokens_env = stack.functions["TokensFunction"].runtime_environment  # tokens are sealed: its record key
    with environ.overlay(tokens_env):
        old = repo.get(oa_id)
        pair = stack.zalo.issue_token(oa_id)
        now = datetime.now(UTC)
        repo.put(oa_id, pair["access_token"], pair["refresh_token"], now + timedelta(hours=1), now)
    result = stack.functions["TokensFunction"].invoke({"source": "aws.scheduler"})
    assert oa_id in result["refreshed"] and result["failed"] == {}
    with environ.overlay(tokens_env):
        fresh = repo.get(oa_id)
    assert fresh.access_token not in (old.access_token, pair["access_token"])
    assert fresh.expires_at > now + timedelta(hours=20)


def test_a_retry_after_the_sqs_dedup_window_is_absorbed_by_the_worker_idempotency(stack):
    # Zalo's later retries (5 min … 1 h) come after SQS FIFO's 5-minute deduplication window: the second
    # copy reaches the queue, and the worker's idempotency record must stop it.
    event = stack.text_event(UNIT, USER, "menu", "late-retry-1")
    body = json.dumps(event, ensure_ascii=False)
    oa_id = stack.units[UNIT].oa_id
    for attempt in range(2):
        stack.sqs.send_message(
            QueueUrl=stack.url("InboundQueue"),
            MessageBody=body,
            MessageGroupId=f"{oa_id}:{USER}",
            MessageDeduplicationId=f"copy-{attempt}",
        )
    assert stack.drain() == 2
    assert len(replies(stack, USER)) == 1


def test_unknown_event_kinds_are_accepted_counted_and_ignored(stack, capsys):
    oa_id = stack.units[UNIT].oa_id
    event = {
        "app_id": stack.app_id,
        "event_name": "user_send_hologram",
        "timestamp": str(int(time.time() * 1000)),
        "sender": {"id": USER},
        "recipient": {"id": oa_id},
        "message": {"msg_id": "holo-1"},
    }
    capsys.readouterr()
    answer = stack.post(UNIT, event)
    # Answered 200 at the webhook (never refused, so Zalo keeps the webhook on), counted, not queued.
    assert (answer["statusCode"], json.loads(answer["body"])) == (200, {"status": "ignored"})
    assert '"WebhookUnknownEvent":[1.0]' in capsys.readouterr().out
    assert stack.drain() == 0
    assert replies(stack, USER) == []
    assert stack.queue_depth("InboundDeadLetterQueue") == 0


def test_unanswerable_question_goes_to_the_duty_officer_whose_answer_is_relayed(stack):
    from anninh.officers.model import Officer
    from anninh.store.officers import DynamoOfficerRepository

    oa_id = stack.units[UNIT].oa_id
    officer_id = "5550000000000000001"
    DynamoOfficerRepository().save(
        Officer(unit_id=UNIT, user_id=officer_id, name="Lê Văn Trực", role="truc_ban", oa_id=oa_id)
    )
    stack.post(UNIT, stack.text_event(UNIT, USER, "nhà hàng xóm mở nhạc to quá khuya thì làm sao", "q-1"))
    stack.drain()
    citizen_reply = reply_texts(stack, USER)[0]
    code = citizen_reply.split("(mã ")[1].split(")")[0]
    alert = reply_texts(stack, officer_id)[0]
    assert code in alert and "nhạc to" in alert
    # A citizen typing "#traloi" is not an officer: it is just text.
    stack.post(UNIT, stack.text_event(UNIT, OTHER_USER, f"#traloi {code} giả mạo", "fake-1"))
    stack.post(UNIT, stack.text_event(UNIT, officer_id, f"#traloi {code} Anh/chị gọi 0200 3830 113", "ans-1"))
    stack.drain()
    relayed = reply_texts(stack, USER)[-1]
    assert relayed.startswith("Cán bộ Công an xã Bình An trả lời câu hỏi") and "0200 3830 113" in relayed
    assert "giả mạo" not in " ".join(reply_texts(stack, USER))
    assert code in reply_texts(stack, officer_id)[-1]
