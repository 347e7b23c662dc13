"""The template's HttpApi events served over HTTP: each request becomes an API Gateway HTTP API payload
version 2.0 event for the same handler Lambda calls, and its answer becomes the HTTP answer.
"""

from __future__ import annotations

import base64
import json
import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from werkzeug.exceptions import HTTPException, MethodNotAllowed, NotFound
from werkzeug.routing import Map, Rule
from werkzeug.wrappers import Request, Response

from localrun.lambda_runtime import InvocationError, LocalFunction

log = logging.getLogger(__name__)

_TEXT_TYPES = ("json", "xml", "javascript", "x-www-form-urlencoded", "graphql", "yaml")
_ANY_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]


@dataclass(frozen=True)
class Route:
    method: str  # "ANY" or an HTTP method
    path: str  # as the template writes it, e.g. /admin/units/{unit_id} or /{proxy+}; "$default" for catch-all
    api_id: str
    function: LocalFunction

    @property
    def route_key(self) -> str:
        return "$default" if self.path == "$default" else f"{self.method} {self.path}"


def routes_from_functions(functions: list[LocalFunction], default_api_id: str) -> list[Route]:
    routes = []
    for function in functions:
        for event in function.events.values():
            if event.get("Type") != "HttpApi":
                continue
            props = event.get("Properties") or {}
            method = str(props.get("Method", "ANY")).upper()
            if method == "X-AMAZON-APIGATEWAY-ANY-METHOD":
                method = "ANY"
            path = str(props.get("Path", "$default"))
            routes.append(Route(method, path, str(props.get("ApiId", default_api_id)), function))
    return routes


def _werkzeug_rule(path: str) -> str:
    if path == "$default":
        return "/<path:__default__>"
    parts = []
    for segment in path.split("/"):
        if segment.startswith("{") and segment.endswith("+}"):
            parts.append(f"<path:{segment[1:-2]}>")
        elif segment.startswith("{") and segment.endswith("}"):
            parts.append(f"<{segment[1:-1]}>")
        else:
            parts.append(segment)
    return "/".join(parts)


class HttpApiGateway:
    """WSGI application dispatching to functions by the template's routes."""

    def __init__(self, routes: list[Route], account_id: str) -> None:
        self.account_id = account_id
        self.routes = routes
        rules = []
        for index, route in enumerate(routes):
            methods = _ANY_METHODS if route.method == "ANY" else [route.method]
            rules.append(
                Rule(_werkzeug_rule(route.path), methods=methods, endpoint=index, strict_slashes=False)
            )
        self.url_map = Map(rules, merge_slashes=False)

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        try:
            index, arguments = self.url_map.bind_to_environ(environ).match()
        except NotFound:
            response = Response(json.dumps({"message": "Not Found"}), 404, mimetype="application/json")
            return response(environ, start_response)
        except MethodNotAllowed:
            response = Response(json.dumps({"message": "Not Found"}), 404, mimetype="application/json")
            return response(environ, start_response)
        except HTTPException as exc:
            return exc(environ, start_response)
        route = self.routes[index]
        path_parameters = {key: str(value) for key, value in arguments.items() if key != "__default__"}
        event = build_event(request, route, path_parameters, self.account_id)
        try:
            result = route.function.invoke(event)
            response = response_from_result(result)
        except InvocationError:
            response = Response(
                json.dumps({"message": "Internal Server Error"}), 500, mimetype="application/json"
            )
        return response(environ, start_response)


def build_event(
    request: Request, route: Route, path_parameters: dict[str, str], account_id: str
) -> dict[str, Any]:
    """An API Gateway HTTP API (payload format 2.0) event for ``request``."""
    now = datetime.now(UTC)
    headers: dict[str, str] = {}
    for key, value in request.headers.items():
        lowered = key.lower()
        if lowered == "cookie":
            continue
        headers[lowered] = f"{headers[lowered]},{value}" if lowered in headers else value
    raw_body = request.get_data(cache=False)
    host = request.host or "localhost"
    event: dict[str, Any] = {
        "version": "2.0",
        "routeKey": route.route_key,
        "rawPath": request.path,
        "rawQueryString": request.query_string.decode("latin-1"),
        "headers": headers,
        "requestContext": {
            "accountId": account_id,
            "apiId": route.api_id,
            "domainName": host,
            "domainPrefix": host.split(".")[0],
            "http": {
                "method": request.method,
                "path": request.path,
                "protocol": request.environ.get("SERVER_PROTOCOL", "HTTP/1.1"),
                "sourceIp": request.remote_addr or "127.0.0.1",
                "userAgent": request.headers.get("User-Agent", ""),
            },
            "requestId": str(uuid.uuid4()),
            "routeKey": route.route_key,
            "stage": "$default",
            "time": now.strftime("%d/%b/%Y:%H:%M:%S +0000"),
            "timeEpoch": int(now.timestamp() * 1000),
        },
        "isBase64Encoded": False,
    }
    cookies = [f"{name}={value}" for name, value in request.cookies.items(multi=True)]
    if cookies:
        event["cookies"] = cookies
    if request.args:
        event["queryStringParameters"] = {key: ",".join(request.args.getlist(key)) for key in request.args}
    if path_parameters:
        event["pathParameters"] = dict(path_parameters)
    if raw_body:
        if _is_text(request.mimetype, raw_body):
            event["body"] = raw_body.decode("utf-8")
        else:
            event["body"] = base64.b64encode(raw_body).decode("ascii")
            event["isBase64Encoded"] = True
    return event


def _is_text(mimetype: str, body: bytes) -> bool:
    textual = mimetype.startswith("text/") or any(kind in mimetype for kind in _TEXT_TYPES)
    if not textual:
        return False
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def response_from_result(result: Any) -> Response:
    """HTTP API payload 2.0 response rules: a dict with statusCode is a full answer, anything else is JSON."""
    if isinstance(result, dict) and "statusCode" in result:
        body = result.get("body") or ""
        data = base64.b64decode(body) if result.get("isBase64Encoded") else str(body).encode("utf-8")
        response = Response(data, status=int(result["statusCode"]))
        response.headers.remove("Content-Type")
        for key, value in (result.get("headers") or {}).items():
            response.headers[key] = str(value)
        for key, values in (result.get("multiValueHeaders") or {}).items():
            for value in values:
                response.headers.add(key, str(value))
        for cookie in result.get("cookies") or []:
            response.headers.add("Set-Cookie", cookie)
        return response
    text = result if isinstance(result, str) else json.dumps(result)
    return Response(text, status=200, mimetype="application/json")
