"""Publishing the knowledge base without a redeploy, on moto: the admin API stores versions in the template's
versioned bucket and the warm worker answers from the new one, then from the old one after a rollback."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from anninh.faq.knowledge_base import COMPILED_PATH

UNIT = "xa-binh-an"
USER = "8765432109876540001"
QUESTION = "thủ tục đăng ký tạm trú cho sinh viên thuê trọ cần giấy tờ gì"
ENTRY = "dang-ky-tam-tru"


@pytest.fixture(autouse=True)
def refresh_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAQ_REFRESH_SECONDS", "0")


def compiled(marker: str | None) -> dict[str, Any]:
    data: dict[str, Any] = copy.deepcopy(json.loads(COMPILED_PATH.read_text(encoding="utf-8")))
    if marker:
        for entry in data["entries"]:
            if entry["id"] == ENTRY:
                entry["answer"] = f"{marker} " + entry["answer"]
    return data


def ask(stack, msg_id: str) -> str:
    before = len(stack.zalo.outbox(user_id=USER))
    stack.post(UNIT, stack.text_event(UNIT, USER, QUESTION, msg_id))
    stack.drain()
    new = stack.zalo.outbox(user_id=USER)[before:]
    texts_sent = [c["message"]["text"] for c in new if (c.get("message") or {}).get("text")]
    assert texts_sent, new
    return texts_sent[0]


def test_publish_then_rollback_reach_the_warm_worker(stack) -> None:
    built_in = ask(stack, "p-0")
    assert "BẢN MỚI" not in built_in

    status, body = stack.admin("PUT", "/admin/faq", body={"knowledge_base": compiled("BẢN MỚI 1")})
    assert status == 200, body
    assert ask(stack, "p-1").startswith("BẢN MỚI 1")

    status, _ = stack.admin("PUT", "/admin/faq", body={"knowledge_base": compiled("BẢN MỚI 2")})
    assert status == 200
    assert ask(stack, "p-2").startswith("BẢN MỚI 2")

    status, versions = stack.admin("GET", "/admin/faq")
    assert status == 200 and len(versions["versions"]) == 2 and versions["versions"][0]["is_latest"]

    status, restored = stack.admin("POST", "/admin/faq/rollback")
    assert status == 200 and restored["version_id"] == versions["versions"][1]["version_id"]
    assert ask(stack, "p-3").startswith("BẢN MỚI 1")


def test_an_invalid_knowledge_base_is_refused_and_changes_nothing(stack) -> None:
    status, _ = stack.admin("PUT", "/admin/faq", body={"knowledge_base": compiled("BẢN TỐT")})
    assert status == 200
    broken = compiled(None)
    broken["format"] = 999
    status, body = stack.admin("PUT", "/admin/faq", body={"knowledge_base": broken})
    assert status == 400 and body["code"] == "invalid_knowledge_base"
    status, body = stack.admin("PUT", "/admin/faq", body={"something": "else"})
    assert status == 422
    _, versions = stack.admin("GET", "/admin/faq")
    assert len(versions["versions"]) == 1
    assert ask(stack, "i-1").startswith("BẢN TỐT")


def test_rollback_with_a_single_version_is_refused(stack) -> None:
    status, body = stack.admin("POST", "/admin/faq/rollback")
    assert status == 409 and body["code"] == "nothing_to_roll_back"
    stack.admin("PUT", "/admin/faq", body={"knowledge_base": compiled("MỘT")})
    status, _ = stack.admin("POST", "/admin/faq/rollback")
    assert status == 409
    assert ask(stack, "r-1").startswith("MỘT")


def test_the_published_object_is_encrypted_with_the_stack_key(stack) -> None:
    import boto3

    stack.admin("PUT", "/admin/faq", body={"knowledge_base": compiled(None)})
    s3 = boto3.client("s3", region_name="ap-southeast-1")
    head = s3.head_object(Bucket=stack.url("FaqBucket"), Key="faq/knowledge_base.json")
    assert head["ServerSideEncryption"] == "aws:kms"
    assert head["SSEKMSKeyId"].endswith(stack.template.physical["DataKey"].ref)


def test_the_s3_adapter_answers_unchanged_without_the_body(stack) -> None:
    import boto3
    from anninh.store.knowledge_base_objects import S3KnowledgeBaseObjects

    objects = S3KnowledgeBaseObjects(boto3.client("s3", region_name="ap-southeast-1"), stack.url("FaqBucket"))
    first = objects.put(b'{"v": 1}', {})
    fetched = objects.fetch(None)
    assert fetched is not None and fetched.version_id == first and fetched.body == b'{"v": 1}'
    assert objects.fetch(fetched.etag) is None  # S3 answered 304 Not Modified
    objects.put(b'{"v": 2}', {})
    changed = objects.fetch(fetched.etag)
    assert changed is not None and changed.body == b'{"v": 2}'
    assert [v.is_latest for v in objects.versions()] == [True, False]
