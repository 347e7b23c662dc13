"""Local-only HTTP endpoints (never part of a deployed stack) and the citizen chat page at ``/``.

- ``GET  /_local/health``            ready once everything started; lists URLs
- ``GET  /_local/units``             seeded units with ``unit_id, oa_id, app_id, oa_secret_key``
- ``POST /_local/units``             one more unit, fields as in infra/seed/units.yaml (an ``oa_id`` gets its
                                     secret and a token pair): e2e tests make units and OAs of their own
- ``POST /_local/chat/send``         ``{unit_id, user_id, kind, text?, latitude?, longitude?, name?}``:
                                     signs the event as Zalo does, posts it to the webhook over HTTP
- ``GET  /_local/queues``            depth of every queue of the template (visible, in flight, delayed)
- ``GET  /_local/schedules``         every schedule seen, its next due time and how often it fired
- ``POST /_local/schedules/fire``    ``?name=`` fires one schedule now (demo, tests) and waits for delivery
- ``GET|POST /_local/clock``         the time the broadcast sender sees (see localrun.clock):
                                     ``{"at": ISO}``, ``{"offset_seconds": N}`` or ``{"reset": true}``
- ``GET|POST /_local/faults``        ``{"function": "SenderFunction", "crash_after": N}``: the next N
                                     invocations run, then fail as if the instance died before answering
                                     (SQS redelivers their records); GET lists each function's counts
"""

from __future__ import annotations

import html
import json
import os
from datetime import datetime
from importlib import resources
from string import Template
from typing import TYPE_CHECKING, Any

from werkzeug.exceptions import BadRequest, HTTPException, NotFound
from werkzeug.routing import Map, Rule
from werkzeug.wrappers import Request, Response

from localrun import citizen

if TYPE_CHECKING:  # pragma: no cover
    from localrun.stack import LocalStack

CHAT_KINDS = ("text", "follow", "unfollow", "location", "image")


def render_chat_page() -> str:
    """The page with its Vietnamese strings from anninh.texts (``$NAME`` HTML-escaped, ``$js_NAME`` JSON)."""
    from anninh import texts

    values: dict[str, str] = {}
    for name in dir(texts):
        if name.startswith(("LOCAL_CHAT_", "LOCAL_PAGE_")):
            value = str(getattr(texts, name))
            values[name] = html.escape(value)
            values[f"js_{name}"] = json.dumps(value, ensure_ascii=False)
    page = resources.files("localrun").joinpath("chat_page.html").read_text(encoding="utf-8")
    return Template(page).substitute(values)


def _json(data: Any, status: int = 200) -> Response:
    return Response(json.dumps(data, ensure_ascii=False), status=status, mimetype="application/json")


class LocalApi:
    def __init__(self, stack: LocalStack) -> None:
        self.stack = stack
        self.url_map = Map(
            [
                Rule("/", methods=["GET"], endpoint="page"),
                Rule("/_local/health", methods=["GET"], endpoint="health"),
                Rule("/_local/units", methods=["GET"], endpoint="units"),
                Rule("/_local/units", methods=["POST"], endpoint="add_unit"),
                Rule("/_local/chat/send", methods=["POST"], endpoint="chat_send"),
                Rule("/_local/queues", methods=["GET"], endpoint="queues"),
                Rule("/_local/schedules", methods=["GET"], endpoint="schedules"),
                Rule("/_local/schedules/fire", methods=["POST"], endpoint="fire"),
                Rule("/_local/clock", methods=["GET", "POST"], endpoint="clock"),
                Rule("/_local/faults", methods=["GET", "POST"], endpoint="faults"),
            ]
        )

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        try:
            endpoint, _ = self.url_map.bind_to_environ(environ).match()
            response = getattr(self, f"on_{endpoint}")(request)
        except HTTPException as exc:
            response = _json({"error": exc.description}, exc.code or 500)
        return response(environ, start_response)

    def on_page(self, request: Request) -> Response:
        return Response(render_chat_page(), mimetype="text/html")

    def on_health(self, request: Request) -> Response:
        return _json(
            {
                "status": "ready",
                "base_url": self.stack.base_url,
                "webhook_url": self.stack.base_url + citizen.WEBHOOK_PATH,
                "zalo_api": self.stack.zalo_base_url,
                "aws_endpoint_url": os.environ["AWS_ENDPOINT_URL"],
                "aws_region": os.environ["AWS_REGION"],
                "started_seconds": round(self.stack.started_seconds, 3),
            }
        )

    def on_units(self, request: Request) -> Response:
        return _json({"units": [unit.as_json() for unit in self.stack.units]})

    def on_add_unit(self, request: Request) -> Response:
        data = request.get_json(silent=True)
        if not isinstance(data, dict):
            raise BadRequest("body must be a JSON object (a unit, as in infra/seed/units.yaml)")
        try:
            unit = self.stack.add_unit(data)
        except ValueError as exc:  # UnitTreeError included: a bad field, a duplicate, an unknown parent
            raise BadRequest(str(exc)) from exc
        return _json(unit.as_json(), 201)

    def on_chat_send(self, request: Request) -> Response:
        data = request.get_json(silent=True)
        if not isinstance(data, dict):
            raise BadRequest("body must be a JSON object")
        unit = next((u for u in self.stack.units if u.unit_id == data.get("unit_id") and u.oa_id), None)
        if unit is None:
            raise NotFound(f"no demo unit with an OA named {data.get('unit_id')!r}")
        user_id = str(data.get("user_id") or "").strip()
        if not user_id.isdigit():
            raise BadRequest("user_id must be a string of digits, as Zalo's are")
        demo = citizen.DemoUnit.from_json(unit.as_json())
        event = self._event(demo, user_id, data)
        client = citizen.LocalStackClient(self.stack.base_url)
        answer = client.post_event(demo, event)
        return _json({"webhook_status": answer.status_code, "webhook_answer": answer.text, "event": event})

    def _event(self, unit: citizen.DemoUnit, user_id: str, data: dict[str, Any]) -> dict[str, Any]:
        kind = data.get("kind", "text")
        if kind not in CHAT_KINDS:
            raise BadRequest(f"kind must be one of {', '.join(CHAT_KINDS)}")
        if kind == "text":
            text = str(data.get("text") or "").strip()
            if not text:
                raise BadRequest("text is empty")
            return citizen.text_event(unit, user_id, text)
        if kind in ("follow", "unfollow"):
            return citizen.follow_event(unit, user_id, follow=kind == "follow")
        if kind == "location":
            try:
                latitude, longitude = float(data["latitude"]), float(data["longitude"])
            except (KeyError, TypeError, ValueError) as exc:
                raise BadRequest("latitude and longitude must be numbers") from exc
            if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
                raise BadRequest("latitude/longitude out of range")
            return citizen.location_event(unit, user_id, latitude, longitude, str(data.get("name") or ""))
        url = citizen.LocalStackClient(self.stack.base_url).sample_media_url(
            str(data.get("media") or citizen.SAMPLE_IMAGE)
        )
        return citizen.image_event(unit, user_id, url, str(data.get("text") or ""))

    def on_queues(self, request: Request) -> Response:
        sqs = self.stack.client("sqs")
        depths = {}
        for logical_id, queue in self.stack.queues.items():
            attributes = sqs.get_queue_attributes(
                QueueUrl=queue["url"],
                AttributeNames=[
                    "ApproximateNumberOfMessages",
                    "ApproximateNumberOfMessagesNotVisible",
                    "ApproximateNumberOfMessagesDelayed",
                ],
            )["Attributes"]
            depths[logical_id] = {
                "name": queue["name"],
                "visible": int(attributes["ApproximateNumberOfMessages"]),
                "in_flight": int(attributes["ApproximateNumberOfMessagesNotVisible"]),
                "delayed": int(attributes.get("ApproximateNumberOfMessagesDelayed", 0)),
            }
        return _json({"queues": depths})

    def on_schedules(self, request: Request) -> Response:
        self.stack.scheduler.refresh()
        return _json({"schedules": self.stack.scheduler.describe()})

    def on_fire(self, request: Request) -> Response:
        name = request.args.get("name", "").strip()
        if not name:
            raise BadRequest("name is required")
        self.stack.scheduler.refresh()
        entry = self.stack.scheduler.find(name)
        if entry is None:
            raise NotFound(f"no schedule named {name!r}")
        scheduled = None
        if request.args.get("at"):  # run it as the run due at that time (the digest's hour, a missed run)
            try:
                scheduled = datetime.fromisoformat(request.args["at"])
            except ValueError as exc:
                raise BadRequest(f"at is not an ISO time: {request.args['at']!r}") from exc
            if scheduled.tzinfo is None:
                raise BadRequest("at must carry its UTC offset, e.g. 2026-11-23T15:00:00+07:00")
        self.stack.scheduler.fire(entry, wait=True, scheduled=scheduled)
        return _json({"fired": entry.key, "fired_count": entry.fired, "last_error": entry.last_error})

    def on_clock(self, request: Request) -> Response:
        if request.method == "POST":
            try:
                self.stack.clock.update(request.get_json(silent=True))
            except ValueError as exc:
                raise BadRequest(str(exc)) from exc
        return _json({**self.stack.clock.as_json(), "used_by": self.stack.clock_users})

    def on_faults(self, request: Request) -> Response:
        functions = {f.logical_id: f for f in self.stack.functions}
        if request.method == "POST":
            data = request.get_json(silent=True)
            if not isinstance(data, dict) or set(data) != {"function", "crash_after"}:
                raise BadRequest('body must be {"function": LOGICAL_ID, "crash_after": N}')
            function = functions.get(str(data["function"]))
            if function is None:
                raise NotFound(
                    f"no function named {data['function']!r}; known: {', '.join(sorted(functions))}"
                )
            times = data["crash_after"]
            if isinstance(times, bool) or not isinstance(times, int) or times < 1:
                raise BadRequest("crash_after must be a whole number of invocations, at least 1")
            function.inject_crash_after(times)
        return _json({"functions": {name: f.faults() for name, f in sorted(functions.items())}})
