"""Play a citizen against a running local stack: build Zalo webhook events, sign them the way Zalo does,
post them to the webhook, and read the OA's replies from the fake Zalo outbox.

Used by ``anninh local chat``, the chat page's ``/_local/chat/send``, the e2e fixture and the benchmark.
"""

from __future__ import annotations

import json
import secrets
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import requests
from anninh.zalo.signature import sign

WEBHOOK_PATH = "/zalo/webhook"
SAMPLE_IMAGE = "sample.jpg"


@dataclass(frozen=True)
class DemoUnit:
    unit_id: str
    name: str
    oa_id: str
    app_id: str
    oa_secret_key: str

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DemoUnit:
        return cls(
            unit_id=str(data["unit_id"]),
            name=str(data.get("name", data["unit_id"])),
            oa_id=str(data["oa_id"]),
            app_id=str(data["app_id"]),
            oa_secret_key=str(data["oa_secret_key"]),
        )


# Every user id this process made up: the e2e session scans the stack's logs for each of them at the end.
ISSUED_USER_IDS: set[str] = set()


def new_user_id() -> str:
    """A Zalo-like user id: a string of 19 digits (ids exceed 2^53, so they stay strings)."""
    user_id = str(secrets.randbelow(9 * 10**18) + 10**18)
    ISSUED_USER_IDS.add(user_id)
    return user_id


def now_ms() -> str:
    return str(int(time.time() * 1000))


def _base(unit: DemoUnit, event_name: str, user_id: str) -> dict[str, Any]:
    return {
        "app_id": unit.app_id,
        "user_id_by_app": f"{user_id[::-1]}",
        "event_name": event_name,
        "timestamp": now_ms(),
    }


def text_event(unit: DemoUnit, user_id: str, text: str) -> dict[str, Any]:
    return {
        **_base(unit, "user_send_text", user_id),
        "sender": {"id": user_id},
        "recipient": {"id": unit.oa_id},
        "message": {"msg_id": uuid.uuid4().hex, "text": text},
    }


def follow_event(unit: DemoUnit, user_id: str, *, follow: bool = True) -> dict[str, Any]:
    return {
        **_base(unit, "follow" if follow else "unfollow", user_id),
        "oa_id": unit.oa_id,
        "source": "oa_profile",
        "follower": {"id": user_id},
    }


def location_event(
    unit: DemoUnit, user_id: str, latitude: float, longitude: float, name: str = ""
) -> dict[str, Any]:
    return {
        **_base(unit, "user_send_location", user_id),
        "sender": {"id": user_id},
        "recipient": {"id": unit.oa_id},
        "message": {
            "msg_id": uuid.uuid4().hex,
            "text": name,
            "attachments": [
                {
                    "type": "location",
                    "payload": {"coordinates": {"latitude": str(latitude), "longitude": str(longitude)}},
                }
            ],
        },
    }


def image_event(unit: DemoUnit, user_id: str, image_url: str, caption: str = "") -> dict[str, Any]:
    return {
        **_base(unit, "user_send_image", user_id),
        "sender": {"id": user_id},
        "recipient": {"id": unit.oa_id},
        "message": {
            "msg_id": uuid.uuid4().hex,
            "text": caption,
            "attachments": [{"type": "image", "payload": {"url": image_url, "thumbnail": image_url}}],
        },
    }


def signed_request(unit: DemoUnit, event: dict[str, Any]) -> tuple[bytes, dict[str, str]]:
    """The exact bytes and headers Zalo would post for ``event``."""
    raw = json.dumps(event, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    signature = sign(raw, app_id=unit.app_id, timestamp=str(event["timestamp"]), secret=unit.oa_secret_key)
    return raw, {"Content-Type": "application/json", "X-ZEvent-Signature": signature}


class LocalStackClient:
    """HTTP client for a running local stack (``base_url`` like http://127.0.0.1:3000)."""

    def __init__(self, base_url: str, session: requests.Session | None = None, timeout: float = 10) -> None:
        self.base_url = base_url.rstrip("/")
        self.session = session or requests.Session()
        self.timeout = timeout
        self._units: dict[str, DemoUnit] | None = None

    @property
    def webhook_url(self) -> str:
        return self.base_url + WEBHOOK_PATH

    def units(self) -> dict[str, DemoUnit]:
        """The demo units that have an OA, by unit id."""
        if self._units is None:
            answer = self.session.get(f"{self.base_url}/_local/units", timeout=self.timeout)
            answer.raise_for_status()
            # Only units with an OA can be talked to (a department without its own OA has no secret key).
            self._units = {
                u["unit_id"]: DemoUnit.from_json(u) for u in answer.json()["units"] if u.get("oa_id")
            }
        return self._units

    def unit(self, unit_id: str) -> DemoUnit:
        units = self.units()
        if unit_id not in units:
            raise KeyError(f"unknown unit {unit_id!r}; demo units with an OA: {', '.join(sorted(units))}")
        return units[unit_id]

    def post_event(
        self, unit: DemoUnit, event: dict[str, Any], *, headers: dict[str, str] | None = None
    ) -> requests.Response:
        """Sign and post ``event``; ``headers`` override the signed ones (e.g. a bad signature)."""
        raw, signed = signed_request(unit, event)
        return self.session.post(
            self.webhook_url, data=raw, headers={**signed, **(headers or {})}, timeout=self.timeout
        )

    def sample_media_url(self, name: str = SAMPLE_IMAGE) -> str:
        return f"{self.base_url}/zalo-api/_media/{name}"

    def outbox(self, user_id: str | None = None) -> list[dict[str, Any]]:
        params = {"user_id": user_id} if user_id else None
        answer = self.session.get(f"{self.base_url}/zalo-api/_outbox", params=params, timeout=self.timeout)
        answer.raise_for_status()
        return list(answer.json())

    def calls(self) -> list[dict[str, Any]]:
        """Every call the fake Zalo received, errors included."""
        answer = self.session.get(f"{self.base_url}/zalo-api/_calls", timeout=self.timeout)
        answer.raise_for_status()
        return list(answer.json())

    def add_fault(
        self,
        path: str,
        *,
        error: int | None = None,
        http_status: int | None = None,
        times: int = 1,
        user_id: str | None = None,
        after: bool = False,
    ) -> None:
        """The fake Zalo's next ``times`` calls to ``path`` (for ``user_id`` only, when given) fail; with
        ``after`` they are carried out first and only their answer is lost."""
        fault: dict[str, Any] = {"path": path, "times": times, "after": after}
        fault.update({"error": error} if error is not None else {"http_status": http_status})
        if user_id:
            fault["user_id"] = user_id
        self.session.post(
            f"{self.base_url}/zalo-api/_faults", json=fault, timeout=self.timeout
        ).raise_for_status()

    def clock(self) -> dict[str, Any]:
        """The broadcast sender's clock: ``now``, ``now_vietnam``, ``offset_seconds``, ``used_by``."""
        answer = self.session.get(f"{self.base_url}/_local/clock", timeout=self.timeout)
        answer.raise_for_status()
        return dict(answer.json())

    def set_clock(self, **change: Any) -> dict[str, Any]:
        """Move the broadcast sender's clock: ``at=ISO``, ``offset_seconds=N`` or ``reset=True``."""
        answer = self.session.post(f"{self.base_url}/_local/clock", json=change, timeout=self.timeout)
        answer.raise_for_status()
        return dict(answer.json())

    def crash_after(self, function: str, times: int = 1) -> dict[str, Any]:
        """The function's next ``times`` invocations run, then fail as if the instance died."""
        answer = self.session.post(
            f"{self.base_url}/_local/faults",
            json={"function": function, "crash_after": times},
            timeout=self.timeout,
        )
        answer.raise_for_status()
        return dict(answer.json()["functions"][function])

    def function_faults(self, function: str) -> dict[str, Any]:
        answer = self.session.get(f"{self.base_url}/_local/faults", timeout=self.timeout)
        answer.raise_for_status()
        return dict(answer.json()["functions"][function])

    def queues(self) -> dict[str, dict[str, Any]]:
        answer = self.session.get(f"{self.base_url}/_local/queues", timeout=self.timeout)
        answer.raise_for_status()
        return dict(answer.json()["queues"])

    def fire_schedule(self, name: str, at: str | None = None) -> dict[str, Any]:
        """Fire a schedule now; ``at`` (ISO time with offset) is the scheduled time its run is for."""
        params = {"name": name, **({"at": at} if at else {})}
        answer = self.session.post(f"{self.base_url}/_local/schedules/fire", params=params, timeout=60)
        answer.raise_for_status()
        return dict(answer.json())

    def schedules(self) -> list[dict[str, Any]]:
        answer = self.session.get(f"{self.base_url}/_local/schedules", timeout=self.timeout)
        answer.raise_for_status()
        return list(answer.json()["schedules"])

    def wait_for_reply(
        self,
        user_id: str,
        predicate: Callable[[list[dict[str, Any]]], bool] = bool,
        timeout: float = 15,
        interval: float = 0.2,
    ) -> list[dict[str, Any]]:
        """Poll the outbox for ``user_id`` until ``predicate(calls)`` holds; raise TimeoutError otherwise."""
        deadline = time.monotonic() + timeout
        calls = self.outbox(user_id)
        while not predicate(calls):
            if time.monotonic() > deadline:
                raise TimeoutError(f"no matching reply for the user within {timeout}s (outbox: {calls!r})")
            time.sleep(interval)
            calls = self.outbox(user_id)
        return calls


def reply_text(call: dict[str, Any]) -> str:
    """A readable rendering of one outbox call: the text, a list's titles, an image's caption."""
    message = call.get("message")
    if not isinstance(message, dict):
        return json.dumps(call.get("body"), ensure_ascii=False)
    parts = []
    if message.get("text"):
        parts.append(str(message["text"]))
    payload = (message.get("attachment") or {}).get("payload") or {}
    for index, element in enumerate(payload.get("elements") or [], start=1):
        title = element.get("title") or element.get("url") or element.get("media_type") or ""
        parts.append(f"  [{index}] {title}")
    for button in payload.get("buttons") or []:
        parts.append(f"  [{button.get('title', '')}]")
    return "\n".join(parts) if parts else json.dumps(message, ensure_ascii=False)
