"""The admin API over in-memory repositories: events as API Gateway (HTTP API, payload 2.0) sends them."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

import pytest
from anninh.admin.api import AdminApi
from anninh.admin.auth import AuthSettings
from anninh.admin.deps import AdminDeps
from anninh.questions.service import hand_over
from anninh.units.model import Unit

from tests.memory_repositories import (
    MemoryConversations,
    MemoryOfficers,
    MemoryQuestions,
    MemoryTips,
    MemoryUnits,
    RecordingSender,
)

TOKEN = "test-admin-token"
NOW = datetime(2026, 11, 23, 2, 30, tzinfo=UTC)
UNITS = [
    Unit("tinh", "Công an tỉnh", "province", oa_id="100", code="TD"),
    Unit("xa", "Công an xã A", "commune", parent_id="tinh", oa_id="200", code="XA"),
    Unit("xa-b", "Công an xã B", "commune", parent_id="tinh", oa_id="300", code="XB"),
    Unit("phong", "Phòng Cảnh sát hình sự", "department", parent_id="tinh"),  # no OA
]


@dataclass
class LambdaContext:
    function_name: str = "AdminFunction"
    memory_limit_in_mb: int = 512
    invoked_function_arn: str = "arn:aws:lambda:ap-southeast-1:123456789012:function:AdminFunction"
    aws_request_id: str = field(default_factory=lambda: str(uuid.uuid4()))


@dataclass
class AdminHarness:
    api: AdminApi
    units: MemoryUnits
    officers: MemoryOfficers
    questions: MemoryQuestions
    conversations: MemoryConversations
    sender: RecordingSender
    tips: MemoryTips = field(default_factory=MemoryTips)

    def event(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        query: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
        token: str | None = TOKEN,
        iam_arn: str | None = None,
        request_id: str | None = None,
    ) -> dict[str, Any]:
        sent = {"content-type": "application/json", **(headers or {})}
        if token is not None:
            sent["x-anninh-token"] = token
        context: dict[str, Any] = {
            "http": {"method": method, "path": path, "sourceIp": "127.0.0.1"},
            "requestId": request_id or str(uuid.uuid4()),
            "stage": "$default",
        }
        if iam_arn:
            context["authorizer"] = {"iam": {"userArn": iam_arn}}
        event: dict[str, Any] = {
            "version": "2.0",
            "routeKey": f"{method} {path}",
            "rawPath": path,
            "rawQueryString": urlencode(query or {}),
            "headers": sent,
            "requestContext": context,
            "isBase64Encoded": False,
        }
        if query:
            event["queryStringParameters"] = dict(query)
        if body is not None:
            event["body"] = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)
        return event

    def call(self, method: str, path: str, **kwargs: Any) -> tuple[int, Any]:
        answer = self.api.handle(self.event(method, path, **kwargs), LambdaContext())
        body = answer.get("body")
        return int(answer["statusCode"]), json.loads(body) if body else None

    def ask(self, unit_id: str, user_id: str, text: str, key: str) -> str:
        unit = self.units.get(unit_id)
        assert unit is not None
        question, _ = hand_over(self.questions, unit, user_id, text, key, NOW)
        return question.code


def presign_link(key: str) -> str:
    """What a SigV4 presigned GET of ten minutes looks like (signing itself is tested with the media)."""
    return f"https://media.test/{key}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=600&X-Amz-Signature=s"


def harness(stage: str = "local") -> AdminHarness:
    units, officers, questions = MemoryUnits(UNITS), MemoryOfficers(), MemoryQuestions()
    conversations, sender, tips = MemoryConversations(), RecordingSender(), MemoryTips()
    deps = AdminDeps(
        units=units,
        officers=officers,
        questions=questions,
        conversations=conversations,
        sender=sender,
        tips=tips,
        presign=presign_link,
        clock=lambda: NOW,
    )
    auth = AuthSettings(stage=stage, local_token=TOKEN if stage == "local" else None)
    return AdminHarness(AdminApi(deps, auth), units, officers, questions, conversations, sender, tips)


@pytest.fixture
def admin() -> AdminHarness:
    return harness()
