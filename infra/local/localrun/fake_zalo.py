"""A fake Zalo OA Open API (WSGI, werkzeug) for the local stack and the tests. Thread-safe.

It answers the endpoints :mod:`anninh.zalo.client` and :mod:`anninh.zalo.tokens` use, with Zalo's shapes
(errors with HTTP 200 and an ``error`` code; ids as long digit strings), checks the ``access_token`` header
(unknown, revoked or expired → -216) and issues single-use refresh tokens (a reused one → -14020).

Zalo API paths (relative to ``prefix``; production hosts in brackets):
``POST /v3.0/oa/message/cs`` (also ``/transaction``, ``/promotion``, ``/template``), ``POST /v2.0/oa/message``
(reaction ``sender_action`` or broadcast), ``POST /v2.0/oa/upload/{image,file,gif}`` (multipart ``file``),
``GET /v3.0/oa/user/detail?data=``, ``GET /v3.0/oa/user/getlist?data=`` (count ≤50, offset ≤9,951),
``POST /v3.0/oa/quota/message``, ``GET /v2.0/oa/getoa``, ``POST /v2.0/article/create`` (→ token) and
``/v2.0/article/verify`` (token → id, then broadcast by ``/v2.0/oa/message``), ``POST /message/template`` (ZNS
[business.openapi.zalo.me]) and ``POST /v4/oa/access_token`` (OAuth [oauth.zaloapp.com]).

Control endpoints (under the same prefix):
``GET /_outbox[?user_id=&endpoint=]`` every call Zalo accepted, newest last: ``{seq, endpoint, oa_id,
user_id, message, body, message_id, time}`` (calls answered with an error are not in the outbox, only in
``GET /_calls``); ``POST /_faults`` ``{"path": "/v3.0/oa/message/cs", "error": -32, "times": 3}`` or
``{"path": …, "http_status": 500, "times": 1}``: the next N calls to that path fail; with ``"user_id"`` only
calls for that user (the recipient of a send) count; with ``"after": true`` the call is carried out first (the
message is in the outbox) and only its answer is the fault — Zalo accepted it but the answer was lost on the
way back (e.g. ``{"http_status": 504, "after": true}``); ``POST /_reset``
clears outbox, calls, faults and uploads (``{"all": true}`` also forgets tokens, users and followers);
``POST /_tokens`` ``{"oa_id", "access_token"?, "refresh_token"?, "expires_in"?}`` registers or issues a pair;
``POST /_revoke`` ``{"oa_id"}`` withdraws the app's permission (every token of the OA refused);
``GET /v4/oa/permission?app_id=&redirect_uri=&code_challenge=&state=&oa_id=`` is the OA admin's consent
page, approved at once (302 to ``redirect_uri?oa_id=&code=&state=``; the code needs the PKCE verifier);
``POST /_followers`` ``{"oa_id", "user_ids": [...]}``; ``GET /_media/<name>`` sample media (sample.jpg,
sample.png, sample.gif, sample.mp4, sample.m4a, sample.pdf) as Zalo's CDN would serve them.

Profiles (docs/zalo-platform.md §8): ``GET /_profile`` → ``{"name", "rules"}``; ``POST /_profile``
``{"name": "strict" | "default"}``. ``default`` accepts what the project's client sends. ``strict`` is the
most pessimistic reading of the public sources: a ``list``/``button`` template on the consultation API → -233;
``request_user_info`` without ``image_url`` → -201; a consultation message to a user whose last interaction
is unknown or older than 7 days → -230; a promotion past the OA's quota (``promotion_quota``) → -211;
an article broadcast past the OA's ``article_quota`` in a Vietnam calendar month → -211, and it reaches
only the followers (``/_followers``) under their own 4 broadcasts a month and 1 a day (``reached`` in its
outbox entry);
a field the official SDKs never send → -201; a message on ``/v2.0/oa/message`` that is neither a reaction nor
an article broadcast → -240. The fake learns interactions as Zalo does, from what the user did:
:meth:`FakeZalo.note_event` (the local stack calls it for every signed event its webhook accepted) and
``POST /_interactions`` ``{"oa_id", "user_id", "at"?}`` (``at`` an ISO time with offset, default now; a test
makes a user idle with a time 8 days ago). ``GET /_interactions?oa_id=&user_id=`` reads one back.

Python API: ``FakeZalo(prefix="", *, app_secrets=None, access_ttl=90000, unsupported_templates=(),
revoke_on_refresh=False, cs_quota=8, profile="default", promotion_quota=5, article_quota=4)``,
``.set_profile(name)``, ``.note_interaction(oa_id, user_id, at=None)``, ``.note_event(event) -> bool``,
``.issue_token(oa_id, expires_in=None) -> dict``,
``.register_token(oa_id, access_token, refresh_token=None, expires_in=None)``, ``.revoke_access_token(t)``,
``.issue_auth_code(oa_id) -> str``, ``.set_followers(oa_id, user_ids)``,
``.set_user(oa_id, user_id, **detail)``,
``.add_fault(path, *, error=None, http_status=None, times=1, user_id=None, after=False)``,
``.outbox(user_id=None, endpoint=None)``,
``.calls()``, ``.reset(everything=False)``, ``.media_url(base_url, name)``; and
``serve_in_thread(app, host="127.0.0.1", port=0) -> (base_url, stop)``.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import mimetypes
import re
import secrets
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from werkzeug.exceptions import HTTPException, MethodNotAllowed, NotFound
from werkzeug.routing import Map, Rule
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from localrun.http_server import UnderscoreHeadersRequestHandler

MEDIA_DIR = Path(__file__).with_name("media")
FOLLOWERS_OFFSET_CAP = 9951
FOLLOWERS_PAGE_MAX = 50
TEXT_LIMIT = 2000
_PHONE_RE = re.compile(r"^84\d{8,10}$")
PROFILES = ("default", "strict")
CS_PATH = "/v3.0/oa/message/cs"
PROMOTION_PATH = "/v3.0/oa/message/promotion"
CS_WINDOW_SECONDS = 7 * 24 * 3600
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
# docs/zalo-platform.md §4: a follower of a verified OA receives at most 4 broadcasts a month, 1 a day.
FOLLOWER_BROADCASTS_PER_MONTH = 4
FOLLOWER_BROADCASTS_PER_DAY = 1
STRICT_RULES = (
    "list/button templates on /v3.0/oa/message/cs -> -233",
    "request_user_info without image_url -> -201",
    "consultation to a user idle 7 days or never seen -> -230",
    "promotion past promotion_quota -> -211",
    "article broadcast past article_quota a month per OA (Vietnam month) -> -211",
    "an article broadcast reaches only followers under 4 broadcasts this month and 1 today",
    "fields the official SDKs never send -> -201",
    "/v2.0/oa/message other than a reaction or an article broadcast -> -240",
)
# Events that are the user's own doing (docs/zalo-platform.md §2: an interaction opens the 7-day window).
_INTERACTION_EVENTS = frozenset(
    {"user_submit_info", "user_reacted_message", "follow", "user_click_chatnow", "user_call_oa"}
)
# What the official SDKs put in a send (docs/zalo-platform.md §1); strict refuses anything else.
_ALLOWED_KEYS: dict[str, frozenset[str]] = {
    "body": frozenset({"recipient", "message"}),
    "recipient": frozenset({"user_id"}),
    "message": frozenset({"text", "attachment", "quote_message_id"}),
    "attachment": frozenset({"type", "payload"}),
    "payload": frozenset({"template_type", "elements", "buttons", "language", "token"}),
    "element": frozenset(
        {
            "title",
            "subtitle",
            "image_url",
            "default_action",
            "media_type",
            "url",
            "attachment_id",
            "width",
            "height",
            "type",
            "content",
            "align",
        }
    ),
    "button": frozenset({"title", "type", "payload", "image_icon"}),
}
_SEND_PATHS = (
    "/v3.0/oa/message/cs",
    "/v3.0/oa/message/transaction",
    "/v3.0/oa/message/promotion",
    "/v3.0/oa/message/template",
)

_URLS = Map(
    [
        *(Rule(path, methods=["POST"], endpoint="send") for path in _SEND_PATHS),
        Rule("/v2.0/oa/message", methods=["POST"], endpoint="send_v2"),
        Rule("/v2.0/oa/upload/<any(image, file, gif):kind>", methods=["POST"], endpoint="upload"),
        Rule("/v3.0/oa/user/detail", methods=["GET"], endpoint="user_detail"),
        Rule("/v3.0/oa/user/getlist", methods=["GET"], endpoint="followers"),
        Rule("/v3.0/oa/quota/message", methods=["POST"], endpoint="quota"),
        Rule("/v2.0/oa/getoa", methods=["GET"], endpoint="getoa"),
        Rule("/v2.0/article/create", methods=["POST"], endpoint="article_create"),
        Rule("/v2.0/article/verify", methods=["POST"], endpoint="article_verify"),
        Rule("/message/template", methods=["POST"], endpoint="zns"),
        Rule("/v4/oa/access_token", methods=["POST"], endpoint="oauth"),
        # The OA admin's consent page (a browser page, not an API call: answered like a control endpoint).
        Rule("/v4/oa/permission", methods=["GET"], endpoint="ctl_consent"),
        Rule("/_outbox", methods=["GET"], endpoint="ctl_outbox"),
        Rule("/_calls", methods=["GET"], endpoint="ctl_calls"),
        Rule("/_faults", methods=["POST"], endpoint="ctl_faults"),
        Rule("/_reset", methods=["POST"], endpoint="ctl_reset"),
        Rule("/_tokens", methods=["POST"], endpoint="ctl_tokens"),
        Rule("/_revoke", methods=["POST"], endpoint="ctl_revoke"),
        Rule("/_followers", methods=["POST"], endpoint="ctl_followers"),
        Rule("/_media/<name>", methods=["GET"], endpoint="ctl_media"),
        Rule("/_profile", methods=["GET", "POST"], endpoint="ctl_profile"),
        Rule("/_interactions", methods=["GET", "POST"], endpoint="ctl_interactions"),
    ]
)


class ZaloFault(Exception):
    """Raised inside a handler to answer a Zalo error (HTTP 200 with ``error``)."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class _Fault:
    error: int | None
    http_status: int | None
    remaining: int
    user_id: str | None = None  # only calls for this user
    after: bool = False  # carry the call out, then answer with the fault


def _user_of(request: Request) -> str | None:
    """The user a call is about: a send's recipient, a query's user_id (None when there is none)."""
    if request.method == "GET":
        try:
            data = json.loads(request.args.get("data") or "null")
        except ValueError:
            return None
    else:
        try:
            data = json.loads(request.get_data() or b"null")
        except ValueError:
            return None
    if not isinstance(data, dict):
        return None
    recipient = data.get("recipient")
    user_id = recipient.get("user_id") if isinstance(recipient, dict) else data.get("user_id")
    return str(user_id) if user_id else None


@dataclass
class _AccessToken:
    oa_id: str
    expires_at: float
    revoked: bool = False


def _s256(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii", "replace")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def _ok(data: Any = None) -> dict[str, Any]:
    answer: dict[str, Any] = {"error": 0, "message": "Success"}
    if data is not None:
        answer["data"] = data
    return answer


def _json(payload: Any, status: int = 200) -> Response:
    return Response(json.dumps(payload, ensure_ascii=False), status=status, mimetype="application/json")


def _query_data(request: Request) -> dict[str, Any]:
    raw = request.args.get("data")
    if not raw:
        raise ZaloFault(-201, "Parameter data is required")
    try:
        data = json.loads(raw)
    except ValueError:
        raise ZaloFault(-201, "Parameter data is not valid JSON") from None
    if not isinstance(data, dict):
        raise ZaloFault(-201, "Parameter data must be a JSON object")
    return data


def _json_body(request: Request) -> dict[str, Any]:
    try:
        body = json.loads(request.get_data() or b"null")
    except ValueError:
        raise ZaloFault(-201, "Body is not valid JSON") from None
    if not isinstance(body, dict):
        raise ZaloFault(-201, "Body must be a JSON object")
    return body


class FakeZalo:
    """The fake Zalo OA API as a WSGI application (see the module docstring)."""

    def __init__(
        self,
        prefix: str = "",
        *,
        app_secrets: Mapping[str, str] | None = None,
        access_ttl: int = 90000,
        unsupported_templates: Iterable[str] = (),
        revoke_on_refresh: bool = False,
        cs_quota: int = 8,
        clock: Callable[[], float] = time.time,
        profile: str = "default",
        promotion_quota: int = 5,
        article_quota: int = 4,
    ) -> None:
        self.prefix = "/" + prefix.strip("/") if prefix.strip("/") else ""
        self.app_secrets = dict(app_secrets or {})
        self.access_ttl = access_ttl
        self.unsupported_templates = set(unsupported_templates)
        self.revoke_on_refresh = revoke_on_refresh
        self.cs_quota = cs_quota
        self.promotion_quota = promotion_quota
        self.article_quota = article_quota
        self._clock = clock
        self.profile = "default"
        self.set_profile(profile)
        self._lock = threading.RLock()
        self._seq = itertools.count(1)
        self._id_base = int(clock() * 1000) * 1_000_000
        self._reset_state(everything=True)

    # ------------------------------------------------------------------------------------------ state

    def _reset_state(self, everything: bool) -> None:
        with self._lock:
            self._outbox: list[dict[str, Any]] = []
            self._calls: list[dict[str, Any]] = []
            self._faults: dict[str, list[_Fault]] = {}
            self._uploads: dict[str, dict[str, Any]] = {}
            self._cs_sent: dict[tuple[str, str], int] = {}
            self._promotions_sent: dict[str, int] = {}
            self._articles_sent: dict[tuple[str, str], int] = {}  # (oa_id, Vietnam month) -> broadcasts
            self._broadcasts_received: dict[tuple[str, str], list[float]] = {}  # (oa_id, user) -> times
            self._articles: dict[str, dict[str, Any]] = {}  # token -> article
            self._articles_by_id: dict[str, dict[str, Any]] = {}
            if everything:
                self._interactions: dict[tuple[str, str], float] = {}
                self._access: dict[str, _AccessToken] = {}
                self._refresh: dict[str, str] = {}  # refresh token -> oa_id (unused ones)
                self._spent_refresh: set[str] = set()
                self._codes: dict[str, str] = {}
                self._challenges: dict[str, str] = {}  # code -> PKCE S256 challenge
                self._follower_lists: dict[str, list[str]] = {}
                self._users: dict[tuple[str, str], dict[str, Any]] = {}

    def reset(self, everything: bool = False) -> None:
        self._reset_state(everything)

    @property
    def strict(self) -> bool:
        return self.profile == "strict"

    def set_profile(self, name: str) -> None:
        if name not in PROFILES:
            raise ValueError(f"profile must be one of {list(PROFILES)}, got {name!r}")
        self.profile = name

    def note_interaction(self, oa_id: str, user_id: str, at: float | None = None) -> None:
        """The user interacted with the OA at ``at`` (epoch seconds; default now)."""
        with self._lock:
            self._interactions[(str(oa_id), str(user_id))] = self._clock() if at is None else at

    def last_interaction(self, oa_id: str, user_id: str) -> float | None:
        with self._lock:
            return self._interactions.get((str(oa_id), str(user_id)))

    def note_event(self, event: Any) -> bool:
        """Learn an interaction from a webhook event Zalo would have delivered (the user's own doing)."""
        if not isinstance(event, Mapping):
            return False
        name = str(event.get("event_name", ""))
        if not (name.startswith(("user_send_", "anonymous_send_")) or name in _INTERACTION_EVENTS):
            return False
        if name == "follow":
            follower = event.get("follower")
            user = follower.get("id") if isinstance(follower, Mapping) else None
            oa = event.get("oa_id") or (event.get("recipient") or {}).get("id")
        else:
            sender, recipient = event.get("sender"), event.get("recipient")
            user = sender.get("id") if isinstance(sender, Mapping) else None
            oa = recipient.get("id") if isinstance(recipient, Mapping) else None
        if not user or not oa:
            return False
        self.note_interaction(str(oa), str(user))
        return True

    def _new_id(self) -> str:
        return str(self._id_base + next(self._seq))

    def issue_token(self, oa_id: str, expires_in: int | None = None) -> dict[str, Any]:
        """A new valid pair for ``oa_id``: ``{access_token, refresh_token, expires_in}`` (a string)."""
        return self.register_token(
            oa_id, "fake-at-" + secrets.token_urlsafe(24), "fake-rt-" + secrets.token_urlsafe(24), expires_in
        )

    def register_token(
        self, oa_id: str, access_token: str, refresh_token: str | None = None, expires_in: int | None = None
    ) -> dict[str, Any]:
        """Make a known pair valid (e.g. the tokens the local stack seeded into DynamoDB)."""
        ttl = self.access_ttl if expires_in is None else expires_in
        with self._lock:
            self._access[access_token] = _AccessToken(oa_id, self._clock() + ttl)
            if refresh_token:
                self._refresh[refresh_token] = oa_id
        return {"access_token": access_token, "refresh_token": refresh_token, "expires_in": str(ttl)}

    def revoke_access_token(self, access_token: str) -> None:
        with self._lock:
            if access_token in self._access:
                self._access[access_token].revoked = True

    def issue_auth_code(self, oa_id: str, code_challenge: str | None = None) -> str:
        """A single-use authorization code for ``oa_id``; with ``code_challenge`` (PKCE S256) the exchange
        must bring the matching ``code_verifier``."""
        code = "fake-code-" + secrets.token_urlsafe(16)
        with self._lock:
            self._codes[code] = oa_id
            if code_challenge:
                self._challenges[code] = code_challenge
        return code

    def revoke_oa(self, oa_id: str) -> None:
        """Every access and refresh token of ``oa_id`` stops working (-216 / -14014)."""
        with self._lock:
            for token in self._access.values():
                if token.oa_id == oa_id:
                    token.revoked = True
            for refresh in [t for t, owner in self._refresh.items() if owner == oa_id]:
                del self._refresh[refresh]

    def set_followers(self, oa_id: str, user_ids: Iterable[str]) -> None:
        with self._lock:
            self._follower_lists[oa_id] = [str(u) for u in user_ids]

    def set_user(self, oa_id: str, user_id: str, **detail: Any) -> None:
        """Details that ``user/detail`` returns (display_name, user_is_follower, shared_info, …)."""
        with self._lock:
            self._users[(oa_id, str(user_id))] = dict(detail)

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
        if (error is None) == (http_status is None):
            raise ValueError("a fault needs exactly one of error or http_status")
        if times < 1:
            raise ValueError("times must be at least 1")
        with self._lock:
            self._faults.setdefault(path, []).append(
                _Fault(error, http_status, times, str(user_id) if user_id else None, after)
            )

    def outbox(self, user_id: str | None = None, endpoint: str | None = None) -> list[dict[str, Any]]:
        with self._lock:
            return [
                dict(e)
                for e in self._outbox
                if (user_id is None or e.get("user_id") == user_id)
                and (endpoint is None or e["endpoint"] == endpoint)
            ]

    def calls(self) -> list[dict[str, Any]]:
        with self._lock:
            return [dict(c) for c in self._calls]

    def media_url(self, base_url: str, name: str) -> str:
        return f"{base_url.rstrip('/')}{self.prefix}/_media/{name}"

    # ------------------------------------------------------------------------------------------ WSGI

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        request = Request(environ)
        path = request.path
        if self.prefix and path.startswith(self.prefix + "/"):
            path = path[len(self.prefix) :]
        elif self.prefix and not environ.get("SCRIPT_NAME", "").endswith(self.prefix):
            return NotFound()(environ, start_response)
        response = self._dispatch(request, path)
        return response(environ, start_response)

    def _dispatch(self, request: Request, path: str) -> Response:
        adapter = _URLS.bind("fake-zalo", path_info=path)
        try:
            endpoint, args = adapter.match(path, method=request.method)
        except (NotFound, MethodNotAllowed) as exc:
            return _json({"error": exc.code, "message": exc.description}, exc.code or 404)
        except HTTPException as exc:  # e.g. a redirect for a missing slash
            return exc.get_response()
        if endpoint.startswith("ctl_"):
            return getattr(self, "_" + endpoint)(request, **args)
        call: dict[str, Any] = {
            "endpoint": path,
            "method": request.method,
            "time": datetime.now(UTC).isoformat(),
        }
        recipient = _recipient_of(request)
        if recipient:
            call["user_id"] = recipient  # whom a send was for, so a test reads its own user's calls
        with self._lock:
            self._calls.append(call)
            fault = self._take_fault(path, request)
        if fault is not None and not fault.after:
            return self._fault_answer(call, fault)
        try:
            answer = getattr(self, "_" + endpoint)(request, path, **args)
        except ZaloFault as exc:
            call["error"] = exc.code
            return _json({"error": exc.code, "message": exc.message})
        call["error"] = 0
        if fault is not None:  # carried out; the answer is lost on the way back
            return self._fault_answer(call, fault)
        return _json(answer)

    @staticmethod
    def _fault_answer(call: dict[str, Any], fault: _Fault) -> Response:
        call["fault"] = fault.error if fault.error is not None else f"HTTP {fault.http_status}"
        if fault.http_status is not None:
            return Response("fault injected", status=fault.http_status, mimetype="text/plain")
        return _json({"error": fault.error, "message": "Fault injected by the fake Zalo"})

    def _take_fault(self, path: str, request: Request) -> _Fault | None:
        queue = self._faults.get(path)
        if not queue:
            return None
        user_id = _user_of(request) if any(f.user_id for f in queue) else None
        for index, fault in enumerate(queue):
            if fault.user_id is None or fault.user_id == user_id:
                fault.remaining -= 1
                if fault.remaining <= 0:
                    queue.pop(index)
                return fault
        return None

    def _authorize(self, request: Request) -> str:
        token = request.headers.get("access_token", "")
        with self._lock:
            known = self._access.get(token)
            if known is None or known.revoked or known.expires_at <= self._clock():
                raise ZaloFault(-216, "Access token is invalid")
            return known.oa_id

    def _record(self, path: str, oa_id: str, user_id: str | None, body: Any, **extra: Any) -> dict[str, Any]:
        entry: dict[str, Any] = {
            "endpoint": path,
            "oa_id": oa_id,
            "user_id": user_id,
            "message": body.get("message") if isinstance(body, dict) else None,
            "body": body,
            "time": datetime.now(UTC).isoformat(),
            **extra,
        }
        with self._lock:
            entry["seq"] = len(self._outbox) + 1
            self._outbox.append(entry)
        return entry

    # ------------------------------------------------------------------------------------------ sending

    def _check_template(self, payload: Mapping[str, Any], path: str = CS_PATH) -> None:
        kind = payload.get("template_type")
        if kind in self.unsupported_templates:
            raise ZaloFault(-201, f"template_type {kind} is not supported")
        if self.strict and path == CS_PATH and kind in ("list", "button"):
            raise ZaloFault(-233, "message type is invalid or not support")
        if self.strict and kind == "request_user_info":
            elements = payload.get("elements")
            if not isinstance(elements, list) or not all(
                isinstance(e, Mapping) and e.get("image_url") for e in elements
            ):
                raise ZaloFault(-201, "image_url is invalid")
        elements = payload.get("elements", [])
        if kind == "media":
            if not isinstance(elements, list) or len(elements) != 1:
                raise ZaloFault(-201, "elements must contain exactly one media element")
            element = elements[0]
            attachment_id = element.get("attachment_id")
            if element.get("media_type") == "article":
                with self._lock:
                    known = attachment_id in self._articles_by_id
                if not known:
                    raise ZaloFault(-201, "attachment_id is invalid")
                return
            if not element.get("url") and not attachment_id:
                raise ZaloFault(-201, "url or attachment_id is required")
            if attachment_id and attachment_id not in self._uploads:
                raise ZaloFault(-201, "attachment_id is invalid")
        elif kind in ("list", "request_user_info"):
            if not isinstance(elements, list) or not 1 <= len(elements) <= 5:
                raise ZaloFault(-201, "elements must contain 1 to 5 items")
            for element in elements:
                if not element.get("title") or len(element["title"]) > 100:
                    raise ZaloFault(-201, "title is required and must be at most 100 characters")
                if len(element.get("subtitle", "")) > 500:
                    raise ZaloFault(-201, "subtitle must be at most 500 characters")
            if not elements[0].get("subtitle"):
                raise ZaloFault(-201, "subtitle of the first element is required")
        elif kind == "button":
            buttons = payload.get("buttons")
            if not isinstance(buttons, list) or not 1 <= len(buttons) <= 5:
                raise ZaloFault(-201, "buttons must contain 1 to 5 items")
        elif kind not in ("transaction_order", "transaction_booking", "promotion") and not str(
            kind
        ).startswith("transaction_"):
            raise ZaloFault(-201, f"template_type {kind} is invalid")

    @staticmethod
    def _check_fields(body: Mapping[str, Any]) -> None:
        """Strict: every key at every level must be one the official SDKs send."""

        def check(value: Any, level: str) -> None:
            if not isinstance(value, Mapping):
                return
            unknown = set(value) - _ALLOWED_KEYS[level]
            if unknown:
                raise ZaloFault(-201, f"{sorted(unknown)[0]} is invalid")
            if level == "body":
                check(value.get("recipient"), "recipient")
                check(value.get("message"), "message")
            elif level == "message":
                check(value.get("attachment"), "attachment")
            elif level == "attachment":
                check(value.get("payload"), "payload")
            elif level == "payload":
                for element in value.get("elements") or []:
                    check(element, "element")
                for button in value.get("buttons") or []:
                    check(button, "button")

        check(body, "body")

    def _check_message(self, message: Any, path: str = CS_PATH) -> None:
        if not isinstance(message, dict) or not message:
            raise ZaloFault(-201, "message is required")
        text = message.get("text")
        if text is not None and (not isinstance(text, str) or len(text) > TEXT_LIMIT):
            raise ZaloFault(-201, f"text must be a string of at most {TEXT_LIMIT} characters")
        attachment = message.get("attachment")
        if attachment is None:
            if not text:
                raise ZaloFault(-201, "text is required")
            return
        if attachment.get("type") == "file":
            token = (attachment.get("payload") or {}).get("token")
            if token not in self._uploads:
                raise ZaloFault(-201, "file token is invalid")
        elif attachment.get("type") == "template":
            self._check_template(attachment.get("payload") or {}, path)
        else:
            raise ZaloFault(-201, "attachment type is invalid")

    def _send(self, request: Request, path: str) -> dict[str, Any]:
        oa_id = self._authorize(request)
        body = _json_body(request)
        user_id = (body.get("recipient") or {}).get("user_id")
        if not user_id:
            raise ZaloFault(-201, "recipient.user_id is required")
        if self.strict:
            self._check_fields(body)
        self._check_message(body.get("message"), path)
        if self.strict and path == CS_PATH:
            last = self.last_interaction(oa_id, str(user_id))
            if last is None or self._clock() - last > CS_WINDOW_SECONDS:
                raise ZaloFault(-230, "User has not interacted with the OA in the past 7 days")
        answer: dict[str, Any] = {}
        with self._lock:
            if path == PROMOTION_PATH:
                used = self._promotions_sent.get(oa_id, 0)
                if self.strict and used >= self.promotion_quota:
                    raise ZaloFault(-211, "Out of quota")
                self._promotions_sent[oa_id] = used + 1
                answer["quota"] = {
                    "remain": max(self.promotion_quota - used - 1, 0),
                    "total": self.promotion_quota,
                }
            key = (oa_id, str(user_id))
            self._cs_sent[key] = self._cs_sent.get(key, 0) + 1
        message_id = self._new_id()
        self._record(path, oa_id, str(user_id), body, message_id=message_id)
        return _ok({"message_id": message_id, "user_id": str(user_id), **answer})

    def _send_v2(self, request: Request, path: str) -> dict[str, Any]:
        oa_id = self._authorize(request)
        body = _json_body(request)
        recipient = body.get("recipient") or {}
        action = body.get("sender_action")
        if isinstance(action, dict):
            if (
                not recipient.get("user_id")
                or not action.get("react_message_id")
                or not action.get("react_icon")
            ):
                raise ZaloFault(-201, "recipient.user_id, react_icon and react_message_id are required")
            message_id = self._new_id()
            entry = self._record(path, oa_id, str(recipient["user_id"]), body, message_id=message_id)
            entry["message"] = action
            return _ok({"message_id": message_id, "user_id": str(recipient["user_id"])})
        if "target" in recipient:  # broadcast of an article
            self._check_message(body.get("message"), path)
            reached = self._broadcast_reach(oa_id)
            message_id = self._new_id()
            self._record(path, oa_id, None, body, message_id=message_id, reached=reached)
            return _ok({"message_id": message_id})
        if self.strict:
            raise ZaloFault(-240, "MessageV2 API has been shut down")
        raise ZaloFault(-201, "sender_action or recipient.target is required")

    def _broadcast_reach(self, oa_id: str) -> list[str]:
        """Strict: count the OA's article broadcast against its month's ``article_quota`` (-211 past it) and
        deliver it only to followers still under their own limits (docs/zalo-platform.md §4). Default: every
        follower. Returns who received it (``reached`` in the outbox entry)."""
        now = self._clock()
        local = datetime.fromtimestamp(now, VIETNAM)
        month, day = local.strftime("%Y-%m"), local.date()
        with self._lock:
            followers = list(self._follower_lists.get(oa_id, []))
            if not self.strict:
                return followers
            sent = self._articles_sent.get((oa_id, month), 0)
            if sent >= self.article_quota:
                raise ZaloFault(-211, "Out of quota: the OA has used its broadcasts for this month")
            self._articles_sent[(oa_id, month)] = sent + 1
            reached = []
            for user_id in followers:
                times = [
                    datetime.fromtimestamp(t, VIETNAM)
                    for t in self._broadcasts_received.get((oa_id, user_id), [])
                ]
                this_month = [t for t in times if t.strftime("%Y-%m") == month]
                today = [t for t in this_month if t.date() == day]
                if (
                    len(this_month) < FOLLOWER_BROADCASTS_PER_MONTH
                    and len(today) < FOLLOWER_BROADCASTS_PER_DAY
                ):
                    self._broadcasts_received.setdefault((oa_id, user_id), []).append(now)
                    reached.append(user_id)
            return reached

    def _upload(self, request: Request, path: str, kind: str) -> dict[str, Any]:
        oa_id = self._authorize(request)
        upload = request.files.get("file")
        if upload is None:
            raise ZaloFault(-201, "file is required")
        content = upload.read()
        limit = 1_048_576 if kind == "image" else 5 * 1_048_576
        if not content or len(content) > limit:
            raise ZaloFault(-201, f"file size must be between 1 byte and {limit} bytes")
        key = ("fake-file-" + secrets.token_urlsafe(18)) if kind == "file" else self._new_id()
        info = {
            "filename": upload.filename,
            "size": len(content),
            "content_type": upload.mimetype,
            "kind": kind,
        }
        with self._lock:
            self._uploads[key] = dict(info, oa_id=oa_id)
        field = "token" if kind == "file" else "attachment_id"
        self._record(path, oa_id, None, info, **{field: key})
        return _ok({field: key})

    # ------------------------------------------------------------------------------------------ users

    def _known_users(self, oa_id: str) -> list[str]:
        with self._lock:
            followers = list(self._follower_lists.get(oa_id, []))
            extra = [u for (o, u) in self._users if o == oa_id and u not in followers]
        return followers + extra

    def _user_detail(self, request: Request, path: str) -> dict[str, Any]:
        oa_id = self._authorize(request)
        query = _query_data(request)
        user_id = str(query.get("user_id", ""))
        with self._lock:
            detail = self._users.get((oa_id, user_id))
            follower = user_id in self._follower_lists.get(oa_id, [])
        if detail is None and not follower:
            raise ZaloFault(-201, "user_id is invalid")
        data: dict[str, Any] = {
            "user_id": user_id,
            "user_id_by_app": str(int(user_id) % 10**18 + 10**17) if user_id.isdigit() else user_id,
            "display_name": "Người dùng Zalo",
            "user_alias": "",
            "is_sensitive": False,
            "user_last_interaction_date": datetime.now(UTC).strftime("%d/%m/%Y"),
            "user_is_follower": follower,
            "avatar": "",
            "avatars": {"120": "", "240": ""},
            "tags_and_notes_info": {"tag_names": [], "notes": []},
        }
        data.update(detail or {})
        self._record(path, oa_id, user_id, query)
        return _ok(data)

    def _followers(self, request: Request, path: str) -> dict[str, Any]:
        oa_id = self._authorize(request)
        query = _query_data(request)
        try:
            offset, count = int(query.get("offset", 0)), int(query.get("count", 0))
        except (TypeError, ValueError):
            raise ZaloFault(-201, "offset and count must be integers") from None
        if not 1 <= count <= FOLLOWERS_PAGE_MAX:
            raise ZaloFault(-201, f"count must be between 1 and {FOLLOWERS_PAGE_MAX}")
        if not 0 <= offset <= FOLLOWERS_OFFSET_CAP:
            raise ZaloFault(-201, f"offset must be between 0 and {FOLLOWERS_OFFSET_CAP}")
        users = self._known_users(oa_id)
        wanted = query.get("is_follower")
        if wanted is not None:
            with self._lock:
                following = set(self._follower_lists.get(oa_id, []))
            keep = str(wanted).lower() == "true"
            users = [u for u in users if (u in following) == keep]
        page = users[offset : offset + count]
        self._record(path, oa_id, None, query)
        return _ok(
            {
                "total": len(users),
                "count": len(page),
                "offset": offset,
                "users": [{"user_id": u} for u in page],
            }
        )

    def _quota(self, request: Request, path: str) -> dict[str, Any]:
        oa_id = self._authorize(request)
        body = _json_body(request)
        user_id = str(body.get("user_id", ""))
        if not user_id:
            raise ZaloFault(-201, "user_id is required")
        with self._lock:
            used = self._cs_sent.get((oa_id, user_id), 0)
        self._record(path, oa_id, user_id, body)
        return _ok(
            {
                "user_id": user_id,
                "last_interaction": datetime.now(UTC).isoformat(),
                "cs_reply": {"remain": max(self.cs_quota - used, 0), "total": self.cs_quota},
            }
        )

    def _article_create(self, request: Request, path: str) -> dict[str, Any]:
        oa_id = self._authorize(request)
        body = _json_body(request)
        if body.get("type") != "normal" or not body.get("title") or not body.get("description"):
            raise ZaloFault(-201, "type normal, title and description are required")
        cover = body.get("cover")
        if not isinstance(cover, Mapping) or not cover.get("photo_url"):
            raise ZaloFault(-201, "cover.photo_url is required")
        paragraphs = body.get("body")
        if not isinstance(paragraphs, list) or not paragraphs:
            raise ZaloFault(-201, "body is required")
        token = "fake-article-" + secrets.token_urlsafe(18)
        with self._lock:
            self._articles[token] = dict(body, oa_id=oa_id)
        self._record(path, oa_id, None, body, token=token)
        return _ok({"token": token})

    def _article_verify(self, request: Request, path: str) -> dict[str, Any]:
        oa_id = self._authorize(request)
        token = str(_json_body(request).get("token", ""))
        with self._lock:
            article = self._articles.get(token)
            if article is None or article["oa_id"] != oa_id:
                raise ZaloFault(-201, "token is invalid")
            article_id = article.get("id") or self._new_id()
            article["id"] = article_id
            self._articles_by_id[article_id] = article
        return _ok({"id": article_id})

    def _getoa(self, request: Request, path: str) -> dict[str, Any]:
        oa_id = self._authorize(request)
        return _ok(
            {
                "oa_id": oa_id,
                "name": "OA thử nghiệm",
                "is_verified": True,
                "num_follower": len(self._known_users(oa_id)),
                "package_name": "Nâng cao",
                "package_valid_through_date": "31/12/2026",
                "linked_ZCA": "fake-zca-" + oa_id[-4:],
            }
        )

    # ------------------------------------------------------------------------------------------ ZNS, OAuth

    def _zns(self, request: Request, path: str) -> dict[str, Any]:
        oa_id = self._authorize(request)
        body = _json_body(request)
        if not _PHONE_RE.match(str(body.get("phone", ""))):
            raise ZaloFault(-108, "Phone number is invalid")
        if not body.get("template_id") or not isinstance(body.get("template_data"), dict):
            raise ZaloFault(-201, "template_id and template_data are required")
        if len(str(body.get("tracking_id", ""))) > 48:
            raise ZaloFault(-201, "tracking_id must be at most 48 characters")
        msg_id = self._new_id()
        with self._lock:
            sent_today = sum(1 for e in self._outbox if e["endpoint"] == path) + 1
        self._record(path, oa_id, None, body, message_id=msg_id, phone=body["phone"])
        return _ok(
            {
                "msg_id": msg_id,
                "sent_time": str(int(self._clock() * 1000)),
                "quota": {"dailyQuota": "500", "remainingQuota": str(max(500 - sent_today, 0))},
            }
        )

    def _oauth(self, request: Request, path: str) -> dict[str, Any]:
        form = request.form
        app_id = form.get("app_id", "")
        secret = request.headers.get("secret_key") or form.get("secret_key", "")
        if not app_id or not secret:
            raise ZaloFault(-14002, "app_id and secret_key are required")
        if self.app_secrets and self.app_secrets.get(app_id) != secret:
            raise ZaloFault(-14002, "app_id or secret_key is invalid")
        grant = form.get("grant_type")
        with self._lock:
            if grant == "refresh_token":
                old = form.get("refresh_token", "")
                if old in self._spent_refresh:
                    raise ZaloFault(-14020, "Refresh token has been used")
                oa_id = self._refresh.pop(old, None)
                if oa_id is None:
                    raise ZaloFault(-14014, "Refresh token is invalid")
                self._spent_refresh.add(old)
                if self.revoke_on_refresh:
                    for token in self._access.values():
                        if token.oa_id == oa_id:
                            token.revoked = True
            elif grant == "authorization_code":
                code = form.get("code", "")
                oa_id = self._codes.pop(code, None)
                challenge = self._challenges.pop(code, None)
                verifier = form.get("code_verifier", "")
                if oa_id is None or not verifier:
                    raise ZaloFault(-14019, "Authorization code is invalid or used")
                if challenge is not None and _s256(verifier) != challenge:
                    raise ZaloFault(-14019, "code_verifier does not match the code_challenge")
            else:
                raise ZaloFault(-14004, "grant_type is invalid")
            pair = self.issue_token(oa_id)
        return pair  # Zalo's OAuth answer has no "error" field on success

    # ------------------------------------------------------------------------------------------ control

    def _ctl_consent(self, request: Request) -> Response:
        """Zalo's OA permission page, approved at once: redirects to ``redirect_uri`` with ``oa_id``,
        ``code`` and ``state``. Which OA the admin picks on Zalo's page is the query's ``oa_id`` here."""
        args = request.args
        app_id, redirect_uri = args.get("app_id", ""), args.get("redirect_uri", "")
        challenge, oa_id = args.get("code_challenge", ""), args.get("oa_id", "")
        if not app_id or (self.app_secrets and app_id not in self.app_secrets):
            return _json({"error": -14001, "message": "app_id is invalid"}, 400)
        if not redirect_uri.startswith(("http://", "https://")) or not challenge:
            return _json({"error": -14003, "message": "redirect_uri and code_challenge are required"}, 400)
        if not oa_id.isdigit():
            return _json({"error": -14003, "message": "pick an OA: add oa_id=<digits> (fake only)"}, 400)
        code = self.issue_auth_code(oa_id, challenge)
        query = urlencode({"oa_id": oa_id, "code": code, "state": args.get("state", "")})
        separator = "&" if "?" in redirect_uri else "?"
        return Response(status=302, headers={"Location": f"{redirect_uri}{separator}{query}"})

    def _ctl_revoke(self, request: Request) -> Response:
        """``{"oa_id"}``: the OA's admin withdrew the app's permission; every token of the OA is refused."""
        try:
            oa_id = str(_json_body(request)["oa_id"])
        except (ZaloFault, KeyError) as exc:
            return _json({"error": "bad revoke request", "detail": str(exc)}, 400)
        self.revoke_oa(oa_id)
        return _json({"ok": True})

    def _ctl_outbox(self, request: Request) -> Response:
        return _json(self.outbox(request.args.get("user_id"), request.args.get("endpoint")))

    def _ctl_calls(self, request: Request) -> Response:
        return _json(self.calls())

    def _ctl_faults(self, request: Request) -> Response:
        try:
            body = _json_body(request)
            after = body.get("after", False)
            if not isinstance(after, bool):
                raise TypeError("after must be true or false")
            self.add_fault(
                str(body["path"]),
                error=int(body["error"]) if body.get("error") is not None else None,
                http_status=int(body["http_status"]) if body.get("http_status") is not None else None,
                times=int(body.get("times", 1)),
                user_id=str(body["user_id"]) if body.get("user_id") else None,
                after=after,
            )
        except (ZaloFault, KeyError, TypeError, ValueError) as exc:
            return _json({"error": "bad fault", "detail": str(exc)}, 400)
        return _json({"ok": True})

    def _ctl_reset(self, request: Request) -> Response:
        try:
            body = json.loads(request.get_data() or b"{}")
        except ValueError:
            return _json({"error": "bad reset request", "detail": "body is not JSON"}, 400)
        self.reset(everything=bool(isinstance(body, dict) and body.get("all")))
        return _json({"ok": True})

    def _ctl_tokens(self, request: Request) -> Response:
        try:
            body = _json_body(request)
            oa_id = str(body["oa_id"])
        except (ZaloFault, KeyError) as exc:
            return _json({"error": "bad token request", "detail": str(exc)}, 400)
        expires_in = int(body["expires_in"]) if body.get("expires_in") else None
        if body.get("access_token"):
            pair = self.register_token(
                oa_id, str(body["access_token"]), body.get("refresh_token"), expires_in
            )
        else:
            pair = self.issue_token(oa_id, expires_in)
        return _json(pair)

    def _ctl_followers(self, request: Request) -> Response:
        try:
            body = _json_body(request)
            oa_id, user_ids = str(body["oa_id"]), body["user_ids"]
            if not isinstance(user_ids, list):
                raise TypeError("user_ids must be a list")
        except (ZaloFault, KeyError, TypeError) as exc:
            return _json({"error": "bad followers request", "detail": str(exc)}, 400)
        self.set_followers(oa_id, user_ids)
        return _json({"ok": True, "total": len(user_ids)})

    def _ctl_profile(self, request: Request) -> Response:
        if request.method == "POST":
            try:
                body = _json_body(request)
                self.set_profile(str(body.get("name", "")))
            except (ZaloFault, ValueError) as exc:
                return _json({"error": "bad profile request", "detail": str(exc)}, 400)
        rules = list(STRICT_RULES) if self.strict else []
        return _json({"name": self.profile, "rules": rules})

    def _ctl_interactions(self, request: Request) -> Response:
        if request.method == "GET":
            oa_id, user_id = request.args.get("oa_id", ""), request.args.get("user_id", "")
            if not oa_id or not user_id:
                return _json({"error": "bad interactions request", "detail": "oa_id and user_id"}, 400)
            last = self.last_interaction(oa_id, user_id)
            shown = None if last is None else datetime.fromtimestamp(last, UTC).isoformat()
            return _json({"oa_id": oa_id, "user_id": user_id, "last_interaction": shown})
        try:
            body = _json_body(request)
            oa_id, user_id = str(body["oa_id"]), str(body["user_id"])
            if not oa_id or not user_id:
                raise ValueError("oa_id and user_id must not be empty")
            at: float | None = None
            if body.get("at") is not None:
                when = datetime.fromisoformat(str(body["at"]))
                if when.tzinfo is None:
                    raise ValueError("at must carry its UTC offset")
                at = when.timestamp()
        except (ZaloFault, KeyError, TypeError, ValueError) as exc:
            return _json({"error": "bad interactions request", "detail": str(exc)}, 400)
        self.note_interaction(oa_id, user_id, at)
        return _json({"ok": True})

    def _ctl_media(self, request: Request, name: str) -> Response:
        available = {p.name: p for p in MEDIA_DIR.iterdir() if p.is_file()}
        if name not in available:
            return _json({"error": 404, "message": "no such media"}, 404)
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        if name.endswith(".m4a"):
            content_type = "audio/mp4"
        return Response(available[name].read_bytes(), mimetype=content_type)


def serve_in_thread(
    app: Callable[..., Iterable[bytes]], host: str = "127.0.0.1", port: int = 0
) -> tuple[str, Callable[[], None]]:
    """Serve a WSGI app on a background thread; returns its base URL and a ``stop()`` that joins it."""
    server = make_server(host, port, app, threaded=True, request_handler=UnderscoreHeadersRequestHandler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), name="fake-zalo", daemon=True)
    thread.start()

    def stop() -> None:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)

    return f"http://{host}:{server.server_port}", stop


def _recipient_of(request: Request) -> str | None:
    """The ``recipient.user_id`` of a JSON send, if any (the body is cached for the handler that follows)."""
    if not (request.mimetype or "").endswith("json"):
        return None
    try:
        body = json.loads(request.get_data(cache=True) or b"{}")
    except ValueError:
        return None
    recipient = body.get("recipient") if isinstance(body, dict) else None
    user_id = recipient.get("user_id") if isinstance(recipient, dict) else None
    return str(user_id) if user_id else None
