"""Requests become API Gateway HTTP API v2 events; handler answers become HTTP answers."""

from __future__ import annotations

import base64
import json
from pathlib import Path

from localrun.http_gateway import HttpApiGateway, Route, response_from_result
from localrun.lambda_runtime import LocalFunction
from werkzeug.test import Client

HERE = Path(__file__).parent


class RecordingFunction(LocalFunction):
    """A LocalFunction whose handler is replaced by a recorder (the gateway is what is under test)."""

    def __init__(self, answer: object) -> None:
        super().__init__("Fn", "fn", "arn:fn", HERE, "app.lambda_handler", 3, 128, {}, {})
        self.answer = answer
        self.events: list[dict] = []

    def invoke(self, event: object) -> object:
        assert isinstance(event, dict)
        self.events.append(event)
        if isinstance(self.answer, Exception):
            from localrun.lambda_runtime import InvocationError

            raise InvocationError("boom")
        return self.answer


def gateway(function: LocalFunction, method: str = "POST", path: str = "/items/{item_id}") -> Client:
    return Client(HttpApiGateway([Route(method, path, "api1", function)], "123456789012"), use_cookies=False)


def test_event_shape_for_a_json_post() -> None:
    function = RecordingFunction({"statusCode": 200, "body": "ok"})
    answer = gateway(function).post(
        "/items/42?a=1&a=2&b=x",
        data='{"k": "v"}',
        headers={"Content-Type": "application/json", "X-ZEvent-Signature": "mac=ab", "Cookie": "s=1; t=2"},
    )
    assert answer.status_code == 200
    event = function.events[0]
    assert event["version"] == "2.0"
    assert event["routeKey"] == "POST /items/{item_id}"
    assert event["rawPath"] == "/items/42"
    assert event["rawQueryString"] == "a=1&a=2&b=x"
    assert event["queryStringParameters"] == {"a": "1,2", "b": "x"}
    assert event["pathParameters"] == {"item_id": "42"}
    assert event["cookies"] == ["s=1", "t=2"]
    assert event["headers"]["x-zevent-signature"] == "mac=ab"
    assert "cookie" not in event["headers"]
    assert (event["body"], event["isBase64Encoded"]) == ('{"k": "v"}', False)
    context = event["requestContext"]
    assert context["http"]["method"] == "POST" and context["http"]["path"] == "/items/42"
    assert context["apiId"] == "api1" and context["routeKey"] == "POST /items/{item_id}"
    assert context["requestId"] and context["timeEpoch"] > 0 and context["http"]["sourceIp"]


def test_binary_body_is_base64_encoded() -> None:
    function = RecordingFunction({"statusCode": 204})
    raw = bytes(range(256))
    gateway(function).post("/items/1", data=raw, headers={"Content-Type": "image/png"})
    event = function.events[0]
    assert event["isBase64Encoded"] is True
    assert base64.b64decode(event["body"]) == raw


def test_unknown_route_and_method_answer_404_without_invoking() -> None:
    function = RecordingFunction({"statusCode": 200})
    client = gateway(function)
    assert client.get("/items/1").status_code == 404
    assert client.post("/elsewhere").status_code == 404
    assert function.events == []


def test_greedy_path_and_any_method() -> None:
    function = RecordingFunction("plain")
    answer = gateway(function, "ANY", "/files/{proxy+}").delete("/files/a/b/c.txt")
    assert function.events[0]["pathParameters"] == {"proxy": "a/b/c.txt"}
    assert function.events[0]["routeKey"] == "ANY /files/{proxy+}"
    assert answer.get_data(as_text=True) == "plain"


def test_handler_failure_is_a_500_like_api_gateway() -> None:
    answer = gateway(RecordingFunction(RuntimeError())).post("/items/1", json={})
    assert answer.status_code == 500
    assert answer.get_json() == {"message": "Internal Server Error"}


def test_full_response_with_headers_cookies_and_base64() -> None:
    response = response_from_result(
        {
            "statusCode": 201,
            "headers": {"content-type": "image/gif", "x-a": "1"},
            "cookies": ["a=1", "b=2"],
            "body": base64.b64encode(b"GIF89a").decode(),
            "isBase64Encoded": True,
        }
    )
    assert response.status_code == 201
    assert response.get_data() == b"GIF89a"
    assert response.headers["content-type"] == "image/gif"
    assert response.headers.getlist("Set-Cookie") == ["a=1", "b=2"]


def test_bare_results_become_json_200() -> None:
    response = response_from_result({"message": "xin chào"})
    assert (response.status_code, response.mimetype) == (200, "application/json")
    assert json.loads(response.get_data()) == {"message": "xin chào"}
