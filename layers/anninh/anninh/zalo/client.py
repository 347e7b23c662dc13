"""The Zalo OA Open API client (docs/zalo-platform.md §1–§4, §6) on a ``requests.Session`` with timeouts.

Public API::

    ZaloClient(base_url, tokens: TokenProvider, *, zns_base_url=None, session=None, timeout=(3.05, 10.0),
               max_attempts=4, base_delay=0.5, max_delay=8.0, sleep=time.sleep, random=random.random,
               buttons_mode="list", list_template_type="list", code_217="user_blocked", menu_memory=None,
               on_error=lambda label: None, on_sent=lambda kind: None, on_alarm=lambda label: None,
               on_quota=lambda oa_id, kind, remain, total: None, logger=None)
      .send_text(oa_id, user_id, text, *, quote_message_id=None) -> list[SentMessage]
      .send_image(oa_id, user_id, *, url=None, attachment_id=None, caption=None) -> SentMessage
      .send_file(oa_id, user_id, token) -> SentMessage
      .send_list(oa_id, user_id, elements, *, intro=None) -> MenuSent
      .send_buttons(oa_id, user_id, text, buttons) -> MenuSent
      .try_template(oa_id, user_id, elements, *, intro=None) -> SentMessage   (no fallback: doctor)
      .react(oa_id, user_id, message_id, icon="/-heart") -> SentMessage
      .request_user_info(oa_id, user_id, *, title, subtitle, image_url) -> SentMessage  (image required)
      .is_text_only(oa_id) -> bool
      .upload_image(oa_id, content, filename, content_type="image/jpeg") -> str      (attachment_id)
      .upload_gif(oa_id, content, filename) -> str                                   (attachment_id)
      .upload_file(oa_id, content, filename, content_type="application/pdf") -> str  (token)
      .get_user_detail(oa_id, user_id) -> UserDetail
      .get_followers_page(oa_id, offset=0, count=50, **filters) -> FollowerPage
      .get_followers(oa_id, *, count=50, **filters) -> Iterator[str]
      .get_quota(oa_id, user_id) -> Quota
      .get_oa_profile(oa_id) -> Mapping (GET /v2.0/oa/getoa: oa_id, name, is_verified, num_follower, …)
      .publish_article(oa_id, *, title, text, cover_url, author, image_url=None, link=None) -> SentMessage
          (create the article, wait until Zalo has processed it, broadcast it to every follower:
          docs/zalo-platform.md §4)
      .send_zns(oa_id, phone, template_id, template_data, *, tracking_id, development=False) -> ZnsSent
    TokenProvider (Protocol): access_token(oa_id) -> str; refresh(oa_id, stale_access_token) -> str
    Button.query(title, payload, hidden=False) / Button.url(title, url) / Button.phone(title, phone)
    ListElement(title, subtitle=None, image_url=None, action=None)
    split_text(text, limit=2000) -> list[str]; render_numbered_menu(intro, options) -> str

Behaviour:

- Header ``access_token: <token>`` (no Bearer). Errors arrive with HTTP 200: every answer's ``error`` is
  checked and mapped by :func:`anninh.zalo.errors.error_from_response`.
- Retries: transport errors (timeouts, connection errors, HTTP 5xx/429) and -32 are retried up to
  ``max_attempts`` in all, with exponential backoff and full jitter
  (``sleep(random() * min(max_delay, base_delay * 2**(attempt-1)))``). A read timeout on a send may have
  reached Zalo, so a retry can, rarely, duplicate a message; Zalo offers no idempotency key.
- -216/-220 (and -217 when ``code_217="token_expired"``, -124 for ZNS): ``tokens.refresh(oa_id, stale)`` is
  called ONCE and the call retried ONCE; a second token error is raised.
- Menus: ``buttons_mode="list"`` sends Zalo's template (``list_template_type`` "list", or "button" per
  [HN] — DISAGREE); ``"text"`` sends a numbered text menu. No official SDK sends a template on the
  consultation endpoint (docs/zalo-platform.md §1), so when Zalo refuses one (any error whose
  ``template_refusal`` is set: -201, -210, -233, -240) the menu is re-sent as numbered text in the same call,
  and the OA is remembered as text-only in ``menu_memory`` (a :class:`MenuMemory`, persisted per OA when it
  has a repository), so later menus for that OA go as text first.
- request_user_info always carries a picture: no public example omits ``image_url`` (§1).
- Metrics through hooks: ``on_error(label)`` for every Zalo error answer (label = the code, or the transport
  error's class name), ``on_alarm(label)`` for the codes an operator must act on (``ZaloError.alarm``),
  ``on_sent(kind)`` for every message Zalo accepted (kind: text, image, file, list, buttons, menu_text,
  reaction, request_user_info, zns) and ``on_quota(oa_id, kind, remain, total)`` whenever an answer carries a
  quota (``data.quota``, docs/zalo-platform.md §3). Logs carry hashed user ids only, never text.
"""

from __future__ import annotations

import json
import logging
import random as _random
import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Protocol, SupportsIndex, SupportsInt, cast

import requests

from anninh import texts
from anninh.zalo.capabilities import MenuMemory
from anninh.zalo.errors import (
    CODE_217_USER_BLOCKED,
    ZaloError,
    ZaloTransportError,
    error_from_response,
)

if TYPE_CHECKING:  # typing only: the client is imported where Powertools' logger is not
    from aws_lambda_powertools import Logger as PowertoolsLogger

TEXT_LIMIT = 2000
LIST_MAX_ELEMENTS = 5
TITLE_LIMIT = 100
SUBTITLE_LIMIT = 500
FOLLOWERS_PAGE_MAX = 50
FOLLOWERS_OFFSET_CAP = 9951
IMAGE_MAX_BYTES = 1_048_576
FILE_MAX_BYTES = 5 * 1_048_576
GIF_MAX_BYTES = 5 * 1_048_576

CS_PATH = "/v3.0/oa/message/cs"
MESSAGE_V2_PATH = "/v2.0/oa/message"
UPLOAD_PATHS = {
    "image": "/v2.0/oa/upload/image",
    "file": "/v2.0/oa/upload/file",
    "gif": "/v2.0/oa/upload/gif",
}
USER_DETAIL_PATH = "/v3.0/oa/user/detail"
FOLLOWERS_PATH = "/v3.0/oa/user/getlist"
QUOTA_PATH = "/v3.0/oa/quota/message"
OA_PROFILE_PATH = "/v2.0/oa/getoa"
ARTICLE_CREATE_PATH = "/v2.0/article/create"
ARTICLE_VERIFY_PATH = "/v2.0/article/verify"
ARTICLE_VERIFY_ATTEMPTS = 5
ZNS_PATH = "/message/template"

ACTIONS = frozenset({"oa.query.show", "oa.query.hide", "oa.open.url", "oa.open.phone", "oa.open.sms"})
BUTTONS_MODES = frozenset({"list", "text"})
LIST_TEMPLATE_TYPES = frozenset({"list", "button"})


class TokenProvider(Protocol):
    def access_token(self, oa_id: str) -> str: ...

    def refresh(self, oa_id: str, stale_access_token: str) -> str: ...


# ---------------------------------------------------------------------------------------------- values


@dataclass(frozen=True)
class SentMessage:
    message_id: str
    user_id: str
    kind: str


@dataclass(frozen=True)
class MenuSent:
    """How a menu went out: ``mode`` "list"/"button" (template) or "text" (numbered; numbers = order)."""

    mode: str
    messages: tuple[SentMessage, ...]
    fell_back: bool = False


@dataclass(frozen=True)
class Button:
    """A choice: ``action`` one of :data:`ACTIONS`; ``payload`` a string (query) or a dict (url, phone)."""

    title: str
    action: str
    payload: str | Mapping[str, str]

    @classmethod
    def query(cls, title: str, payload: str, *, hidden: bool = False) -> Button:
        return cls(title, "oa.query.hide" if hidden else "oa.query.show", payload)

    @classmethod
    def url(cls, title: str, url: str) -> Button:
        return cls(title, "oa.open.url", {"url": url})

    @classmethod
    def phone(cls, title: str, phone: str) -> Button:
        return cls(title, "oa.open.phone", {"phone_code": phone})

    def validate(self) -> None:
        if not self.title.strip() or len(self.title) > TITLE_LIMIT:
            raise ValueError(f"button title must be 1..{TITLE_LIMIT} characters")
        if self.action not in ACTIONS:
            raise ValueError(f"unknown button action {self.action!r}; known: {sorted(ACTIONS)}")
        if self.action.startswith("oa.query.") and not isinstance(self.payload, str):
            raise ValueError(f"{self.action} needs a string payload")
        if self.action == "oa.open.url" and not (
            isinstance(self.payload, Mapping) and self.payload.get("url")
        ):
            raise ValueError("oa.open.url needs a payload {'url': ...}")
        if self.action in ("oa.open.phone", "oa.open.sms") and not (
            isinstance(self.payload, Mapping) and self.payload.get("phone_code")
        ):
            raise ValueError(f"{self.action} needs a payload {{'phone_code': ...}}")

    def as_button(self) -> dict[str, object]:
        return {"title": self.title, "type": self.action, "payload": self.payload}

    def as_default_action(self) -> dict[str, object]:
        if isinstance(self.payload, Mapping):
            return {"type": self.action, **self.payload}
        return {"type": self.action, "payload": self.payload}

    def text_suffix(self) -> str:
        """What a numbered text menu shows after the title (the link or phone a template would open)."""
        if isinstance(self.payload, Mapping):
            value = self.payload.get("url") or self.payload.get("phone_code")
            return f": {value}" if value else ""
        return ""


@dataclass(frozen=True)
class ListElement:
    title: str
    subtitle: str | None = None
    image_url: str | None = None
    action: Button | None = None

    def as_json(self) -> dict[str, object]:
        element: dict[str, object] = {"title": self.title}
        if self.subtitle:
            element["subtitle"] = self.subtitle
        if self.image_url:
            element["image_url"] = self.image_url
        if self.action is not None:
            element["default_action"] = self.action.as_default_action()
        return element


@dataclass(frozen=True)
class UserDetail:
    user_id: str
    display_name: str | None
    is_follower: bool | None
    user_id_by_app: str | None
    last_interaction_date: date | None
    shared_info: Mapping[str, object] = field(default_factory=dict)
    tag_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class FollowerPage:
    total: int
    offset: int
    count: int
    user_ids: tuple[str, ...]


@dataclass(frozen=True)
class Quota:
    """The consultation quota towards one user (shape per [SPEC]; absent fields are None)."""

    remain: int | None
    total: int | None
    last_interaction: str | None
    raw: Mapping[str, object] = field(default_factory=dict, repr=False)


@dataclass(frozen=True)
class ZnsSent:
    msg_id: str
    sent_time: str | None
    daily_quota: int | None
    remaining_quota: int | None


# ---------------------------------------------------------------------------------------------- text


_BREAKS = ("\n\n", "\n", ". ", "! ", "? ", "… ", "; ", ", ", " ")


def split_text(text: str, limit: int = TEXT_LIMIT) -> list[str]:
    """Split ``text`` into parts of at most ``limit`` characters at paragraph, line, sentence or word breaks.

    A break is only taken in the second half of a part, so parts stay reasonably full; a word longer than
    half the limit is cut hard.
    """
    if limit < 2:
        raise ValueError("limit must be at least 2")
    parts: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        window = rest[:limit]
        cut = -1
        for mark in _BREAKS:
            index = window.rfind(mark)
            if index >= limit // 2:
                cut = index + len(mark.rstrip(" ")) if mark.strip() else index
                break
        if cut <= 0:
            cut = limit
        parts.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        parts.append(rest)
    return parts


def render_numbered_menu(intro: str | None, options: Sequence[Button | ListElement]) -> str:
    """The numbered text fallback: the intro, one "N. Title" line per option, then how to choose."""
    lines = [intro.strip(), ""] if intro and intro.strip() else []
    for number, option in enumerate(options, start=1):
        button = option.action if isinstance(option, ListElement) else option
        suffix = button.text_suffix() if button is not None else ""
        lines.append(f"{number}. {option.title}{suffix}")
    lines.extend(["", texts.MENU_NUMBER_HINT])
    return "\n".join(lines)


def _hash_id(value: str) -> str:
    from anninh.observability import pseudonym  # keyed: an unkeyed hash is reversed with a follower list

    return pseudonym(value)


def _noop(_: str) -> None:
    return None


def _no_quota(_oa_id: str, _kind: str, _remain: int | None, _total: int | None) -> None:
    return None


def quota_of(data: Mapping[str, object]) -> tuple[int | None, int | None] | None:
    """(remaining, total) from an answer's ``data.quota`` (OA: remain/total; ZNS: remainingQuota/dailyQuota,
    docs/zalo-platform.md §3), or None when the answer carries no quota."""
    quota = data.get("quota")
    if not isinstance(quota, Mapping):
        return None
    remain = _int_or_none(quota.get("remain", quota.get("remainingQuota", quota.get("remaining"))))
    total = _int_or_none(quota.get("total", quota.get("dailyQuota")))
    if remain is None and total is None:
        return None
    return remain, total


def _str_or_none(value: object) -> str | None:
    return None if value is None else str(value)


def _int_or_none(value: object) -> int | None:
    if not isinstance(value, str | bytes | SupportsInt | SupportsIndex):
        return None  # int() would refuse it with TypeError
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


_PHONE_RE = re.compile(r"^84\d{8,10}$")


def normalize_phone(phone: str) -> str:
    """A Vietnamese phone number in Zalo's ZNS format (``84…``); raises ``ValueError`` when not a phone."""
    digits = re.sub(r"[\s.\-()]", "", phone).removeprefix("+")
    if digits.startswith("0"):
        digits = "84" + digits[1:]
    if not _PHONE_RE.match(digits):
        raise ValueError("not a Vietnamese phone number")
    return digits


# ---------------------------------------------------------------------------------------------- client


class ZaloClient:
    def __init__(
        self,
        base_url: str,
        tokens: TokenProvider,
        *,
        zns_base_url: str | None = None,
        session: requests.Session | None = None,
        timeout: tuple[float, float] = (3.05, 10.0),
        max_attempts: int = 4,
        base_delay: float = 0.5,
        max_delay: float = 8.0,
        sleep: Callable[[float], None] = time.sleep,
        random: Callable[[], float] = _random.random,
        buttons_mode: str = "list",
        list_template_type: str = "list",
        code_217: str = CODE_217_USER_BLOCKED,
        menu_memory: MenuMemory | None = None,
        on_error: Callable[[str], None] = _noop,
        on_sent: Callable[[str], None] = _noop,
        on_alarm: Callable[[str], None] = _noop,
        on_quota: Callable[[str, str, int | None, int | None], None] = _no_quota,
        logger: logging.Logger | PowertoolsLogger | None = None,
    ) -> None:
        if not base_url.startswith(("http://", "https://")):
            raise ValueError(f"base_url must be an http(s) URL, got {base_url!r}")
        if buttons_mode not in BUTTONS_MODES:
            raise ValueError(f"buttons_mode must be one of {sorted(BUTTONS_MODES)}, got {buttons_mode!r}")
        if list_template_type not in LIST_TEMPLATE_TYPES:
            raise ValueError(f"list_template_type must be one of {sorted(LIST_TEMPLATE_TYPES)}")
        if max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        self.base_url = base_url.rstrip("/")
        self.zns_base_url = (zns_base_url or base_url).rstrip("/")
        self._tokens = tokens
        self._session = session or requests.Session()
        self._timeout = timeout
        self._max_attempts = max_attempts
        self._base_delay = base_delay
        self._max_delay = max_delay
        self._sleep = sleep
        self._random = random
        self.buttons_mode = buttons_mode
        self.list_template_type = list_template_type
        self._code_217 = code_217
        self._on_error = on_error
        self._on_sent = on_sent
        self._on_alarm = on_alarm
        self._on_quota = on_quota
        self._log = logger or logging.getLogger(__name__)
        self.menu_memory = menu_memory or MenuMemory()
        self.template_rejected = False  # this client saw a refusal (any OA); see is_text_only per OA

    # ------------------------------------------------------------------------------------------ transport

    def _once(
        self,
        method: str,
        url: str,
        token: str,
        *,
        json: Mapping[str, object] | None = None,
        params: Mapping[str, str] | None = None,
        files: Mapping[str, tuple[str, bytes, str]] | None = None,
    ) -> object:
        try:
            response = self._session.request(
                method,
                url,
                headers={"access_token": token},
                timeout=self._timeout,
                json=json,
                params=params,
                files=files,
            )
        except (requests.Timeout, requests.ConnectionError) as exc:
            raise ZaloTransportError(f"{type(exc).__name__} calling Zalo", retryable=True) from exc
        except requests.RequestException as exc:
            raise ZaloTransportError(f"{type(exc).__name__} calling Zalo", retryable=False) from exc
        status = response.status_code
        if status >= 500 or status == 429:
            raise ZaloTransportError(f"Zalo answered HTTP {status}", retryable=True, http_status=status)
        try:
            payload = response.json()
        except ValueError:
            raise ZaloTransportError(
                f"Zalo answered HTTP {status} with a body that is not JSON",
                retryable=False,
                http_status=status,
            ) from None
        if status >= 400 and not (isinstance(payload, Mapping) and "error" in payload):
            raise ZaloTransportError(f"Zalo answered HTTP {status}", retryable=False, http_status=status)
        return payload

    def _backoff(self, attempt: int) -> float:
        return self._random() * min(self._max_delay, self._base_delay * 2.0 ** (attempt - 1))

    def _call(
        self,
        oa_id: str,
        method: str,
        url: str,
        *,
        api: str = "oa",
        json: Mapping[str, object] | None = None,
        params: Mapping[str, str] | None = None,
        files: Mapping[str, tuple[str, bytes, str]] | None = None,
    ) -> Mapping[str, object]:
        token = self._tokens.access_token(oa_id)
        refreshed = False
        attempt = 0
        path = url.split("?", 1)[0].removeprefix(self.base_url).removeprefix(self.zns_base_url)
        while True:
            attempt += 1
            error: ZaloError | None
            try:
                payload = self._once(method, url, token, json=json, params=params, files=files)
                error = error_from_response(payload, code_217=self._code_217, api=api)
            except ZaloTransportError as exc:
                error = exc
            if error is None:  # only a JSON object reports success
                return cast(Mapping[str, object], payload)
            self._on_error(error.label)
            if error.alarm:
                self._on_alarm(error.label)
            if error.quota_exhausted:
                self._on_quota(oa_id, "error", 0, None)
            if error.needs_refresh and not refreshed:
                refreshed = True
                self._log.info("zalo token rejected, refreshing once", extra={"oa_id": oa_id, "path": path})
                token = self._tokens.refresh(oa_id, token)
                continue
            if error.retryable and attempt < self._max_attempts:
                delay = self._backoff(attempt)
                self._log.info(
                    "zalo call failed, retrying",
                    extra={
                        "oa_id": oa_id,
                        "path": path,
                        "error": error.label,
                        "attempt": attempt,
                        "delay": delay,
                    },
                )
                self._sleep(delay)
                continue
            raise error

    def _data(self, payload: Mapping[str, object]) -> Mapping[str, object]:
        data = payload.get("data")
        return data if isinstance(data, Mapping) else {}

    def _send(
        self, oa_id: str, user_id: str, message: Mapping[str, object], kind: str, path: str = CS_PATH
    ) -> SentMessage:
        payload = self._call(
            oa_id, "POST", self.base_url + path, json={"recipient": {"user_id": user_id}, "message": message}
        )
        data = self._data(payload)
        sent = SentMessage(_str_or_none(data.get("message_id")) or "", user_id, kind)
        self._on_sent(kind)
        self._report_quota(oa_id, kind, data)
        # DEBUG: every send is already counted (RepliesSent by kind); an INFO line per send was an eighth of
        # the logs a citizen's message costs (README "Cost"). LogLevel=DEBUG brings it back to investigate.
        self._log.debug(
            "zalo message sent", extra={"oa_id": oa_id, "user": _hash_id(user_id), "kind": kind, "path": path}
        )
        return sent

    def _report_quota(self, oa_id: str, kind: str, data: Mapping[str, object]) -> None:
        quota = quota_of(data)
        if quota is not None:
            self._on_quota(oa_id, kind, *quota)

    # ------------------------------------------------------------------------------------------ messages

    def send_text(
        self, oa_id: str, user_id: str, text: str, *, quote_message_id: str | None = None
    ) -> list[SentMessage]:
        """Send a consultation text; above 2,000 characters it goes as several messages, in order."""
        parts = split_text(text)
        if not parts:
            raise ValueError("text is empty")
        sent = []
        for index, part in enumerate(parts):
            message: dict[str, object] = {"text": part}
            if index == 0 and quote_message_id:
                message["quote_message_id"] = quote_message_id
            sent.append(self._send(oa_id, user_id, message, "text"))
        return sent

    def send_image(
        self,
        oa_id: str,
        user_id: str,
        *,
        url: str | None = None,
        attachment_id: str | None = None,
        caption: str | None = None,
    ) -> SentMessage:
        if (url is None) == (attachment_id is None):
            raise ValueError("send_image needs exactly one of url or attachment_id")
        element: dict[str, object] = {"media_type": "image"}
        element.update({"url": url} if url else {"attachment_id": attachment_id})
        message: dict[str, object] = {
            "attachment": {"type": "template", "payload": {"template_type": "media", "elements": [element]}}
        }
        if caption:
            if len(caption) > TEXT_LIMIT:
                raise ValueError(f"caption must be at most {TEXT_LIMIT} characters")
            message["text"] = caption
        return self._send(oa_id, user_id, message, "image")

    def send_file(self, oa_id: str, user_id: str, token: str) -> SentMessage:
        if not token:
            raise ValueError("send_file needs the token returned by upload_file")
        return self._send(
            oa_id, user_id, {"attachment": {"type": "file", "payload": {"token": token}}}, "file"
        )

    @staticmethod
    def _validate_elements(elements: Sequence[ListElement]) -> None:
        if not 1 <= len(elements) <= LIST_MAX_ELEMENTS:
            raise ValueError(f"a list needs 1..{LIST_MAX_ELEMENTS} elements, got {len(elements)}")
        for element in elements:
            if not element.title.strip() or len(element.title) > TITLE_LIMIT:
                raise ValueError(f"element title must be 1..{TITLE_LIMIT} characters")
            if element.subtitle is not None and len(element.subtitle) > SUBTITLE_LIMIT:
                raise ValueError(f"element subtitle must be at most {SUBTITLE_LIMIT} characters")
            if element.action is not None:
                element.action.validate()
        if not (elements[0].subtitle or "").strip():
            raise ValueError("the first list element needs a subtitle")

    def _template_message(self, intro: str | None, elements: Sequence[ListElement]) -> dict[str, object]:
        if self.list_template_type == "button":  # [HN]: a text with buttons
            buttons = [
                e.action.as_button() if e.action else Button.query(e.title, e.title).as_button()
                for e in elements
            ]
            return {
                "text": intro or elements[0].subtitle or elements[0].title,
                "attachment": {
                    "type": "template",
                    "payload": {"template_type": "button", "buttons": buttons},
                },
            }
        return {
            "attachment": {
                "type": "template",
                "payload": {"template_type": "list", "elements": [e.as_json() for e in elements]},
            }
        }

    def is_text_only(self, oa_id: str) -> bool:
        """True when menus for ``oa_id`` go as numbered text (the setting, or a remembered refusal)."""
        return self.buttons_mode == "text" or self.menu_memory.is_text_only(oa_id)

    def _send_menu(
        self, oa_id: str, user_id: str, intro: str | None, elements: Sequence[ListElement], kind: str
    ) -> MenuSent:
        self._validate_elements(elements)
        fell_back = False
        if not self.is_text_only(oa_id):
            try:
                sent = self._send(oa_id, user_id, self._template_message(intro, elements), kind)
                return MenuSent(self.list_template_type, (sent,))
            except ZaloError as error:
                if not error.template_refusal:
                    raise
                self.template_rejected = True
                self.menu_memory.remember_text_only(oa_id, error.label)
                self._log.warning(
                    "zalo refused the menu template; numbered text for this OA from now on",
                    extra={"oa_id": oa_id, "template_type": self.list_template_type, "error": error.label},
                )
                fell_back = True
        text = render_numbered_menu(intro if intro is not None else elements[0].subtitle, elements)
        parts = [self._send(oa_id, user_id, {"text": part}, "menu_text") for part in split_text(text)]
        return MenuSent("text", tuple(parts), fell_back)

    def try_template(
        self, oa_id: str, user_id: str, elements: Sequence[ListElement], *, intro: str | None = None
    ) -> SentMessage:
        """Send the menu template as configured (``list_template_type``), with no fallback and nothing
        remembered: ``anninh zalo doctor`` asks Zalo whether it takes one (raises the ZaloError)."""
        self._validate_elements(elements)
        return self._send(oa_id, user_id, self._template_message(intro, elements), "list")

    def send_list(
        self, oa_id: str, user_id: str, elements: Sequence[ListElement], *, intro: str | None = None
    ) -> MenuSent:
        """A list template (≤5 elements, title ≤100, subtitle ≤500 and required on the first), or its
        numbered-text fallback. ``intro`` heads the text fallback (default: the first subtitle)."""
        return self._send_menu(oa_id, user_id, intro, elements, "list")

    def send_buttons(self, oa_id: str, user_id: str, text: str, buttons: Sequence[Button]) -> MenuSent:
        """``text`` followed by up to 5 choices; as a list each button is an element (the first carries
        ``text`` as its subtitle; a ``text`` over 500 characters is sent first as its own message)."""
        for button in buttons:
            button.validate()
        preface: list[SentMessage] = []
        subtitle = text
        if len(text) > SUBTITLE_LIMIT and not self.is_text_only(oa_id):
            preface = self.send_text(oa_id, user_id, text)
            subtitle = texts.MENU_CHOOSE
        elements = [
            ListElement(title=b.title, subtitle=subtitle if i == 0 else None, action=b)
            for i, b in enumerate(buttons)
        ]
        result = self._send_menu(oa_id, user_id, subtitle, elements, "buttons")
        return MenuSent(result.mode, tuple(preface) + result.messages, result.fell_back)

    def react(self, oa_id: str, user_id: str, message_id: str, icon: str = "/-heart") -> SentMessage:
        payload = self._call(
            oa_id,
            "POST",
            self.base_url + MESSAGE_V2_PATH,
            json={
                "recipient": {"user_id": user_id},
                "sender_action": {"react_icon": icon, "react_message_id": message_id},
            },
        )
        self._on_sent("reaction")
        return SentMessage(_str_or_none(self._data(payload).get("message_id")) or "", user_id, "reaction")

    def request_user_info(
        self, oa_id: str, user_id: str, *, title: str, subtitle: str, image_url: str
    ) -> SentMessage:
        """Ask for name, phone, address; the answer arrives as user_submit_info. One element, which both
        DISAGREE sources accept (at most 1 per [SPEC], up to 5 per [RD]). ``image_url`` is required: every
        public example carries one (docs/zalo-platform.md §1)."""
        if len(title) > TITLE_LIMIT or len(subtitle) > SUBTITLE_LIMIT:
            raise ValueError("request_user_info title ≤100 and subtitle ≤500 characters")
        if not image_url or not image_url.startswith(("https://", "http://")):
            raise ValueError("request_user_info needs an image_url (an http(s) picture)")
        element = {"title": title, "subtitle": subtitle, "image_url": image_url}
        message = {
            "attachment": {
                "type": "template",
                "payload": {"template_type": "request_user_info", "elements": [element]},
            }
        }
        return self._send(oa_id, user_id, message, "request_user_info")

    # ------------------------------------------------------------------------------------------ uploads

    def _upload(
        self, oa_id: str, kind: str, content: bytes, filename: str, content_type: str, limit: int
    ) -> Mapping[str, object]:
        if not content:
            raise ValueError("cannot upload an empty file")
        if len(content) > limit:
            raise ValueError(f"{kind} uploads are limited to {limit} bytes, got {len(content)}")
        payload = self._call(
            oa_id,
            "POST",
            self.base_url + UPLOAD_PATHS[kind],
            files={"file": (filename, content, content_type)},
        )
        return self._data(payload)

    def upload_image(
        self, oa_id: str, content: bytes, filename: str, content_type: str = "image/jpeg"
    ) -> str:
        """Upload a JPG/PNG (≤1 MB); returns the attachment_id (valid 7 days, then -100)."""
        data = self._upload(oa_id, "image", content, filename, content_type, IMAGE_MAX_BYTES)
        return self._required(data, "attachment_id")

    def upload_gif(self, oa_id: str, content: bytes, filename: str) -> str:
        data = self._upload(oa_id, "gif", content, filename, "image/gif", GIF_MAX_BYTES)
        return self._required(data, "attachment_id")

    def upload_file(
        self, oa_id: str, content: bytes, filename: str, content_type: str = "application/pdf"
    ) -> str:
        """Upload a PDF/DOC/DOCX/CSV (≤5 MB); returns the token that send_file needs."""
        data = self._upload(oa_id, "file", content, filename, content_type, FILE_MAX_BYTES)
        return self._required(data, "token")

    @staticmethod
    def _required(data: Mapping[str, object], key: str) -> str:
        value = data.get(key)
        if value in (None, ""):
            raise ZaloTransportError(f"Zalo's answer lacks data.{key}", retryable=False)
        return str(value)

    # ------------------------------------------------------------------------------------------ users

    def get_user_detail(self, oa_id: str, user_id: str) -> UserDetail:
        payload = self._call(
            oa_id, "GET", self.base_url + USER_DETAIL_PATH, params={"data": json.dumps({"user_id": user_id})}
        )
        data = self._data(payload)
        last: date | None = None
        raw_date = data.get("user_last_interaction_date")
        if isinstance(raw_date, str) and raw_date:
            try:
                last = datetime.strptime(raw_date, "%d/%m/%Y").date()
            except ValueError:
                last = None
        tags = data.get("tags_and_notes_info")
        tag_names = tags.get("tag_names", []) if isinstance(tags, Mapping) else []
        shared = data.get("shared_info")
        follower = data.get("user_is_follower")
        return UserDetail(
            user_id=_str_or_none(data.get("user_id")) or user_id,
            display_name=_str_or_none(data.get("display_name")),
            is_follower=follower if isinstance(follower, bool) else None,
            user_id_by_app=_str_or_none(data.get("user_id_by_app")),
            last_interaction_date=last,
            shared_info=shared if isinstance(shared, Mapping) else {},
            tag_names=tuple(str(t) for t in tag_names if t),
        )

    def get_followers_page(
        self,
        oa_id: str,
        offset: int = 0,
        count: int = FOLLOWERS_PAGE_MAX,
        *,
        tag_name: str | None = None,
        last_interaction_period: str | None = None,
        is_follower: bool | None = None,
    ) -> FollowerPage:
        if not 1 <= count <= FOLLOWERS_PAGE_MAX:
            raise ValueError(f"count must be 1..{FOLLOWERS_PAGE_MAX}")
        if not 0 <= offset <= FOLLOWERS_OFFSET_CAP:
            raise ValueError(f"offset must be 0..{FOLLOWERS_OFFSET_CAP} (Zalo's cap)")
        query: dict[str, object] = {"offset": offset, "count": count}
        if tag_name:
            query["tag_name"] = tag_name
        if last_interaction_period:
            query["last_interaction_period"] = last_interaction_period
        if is_follower is not None:
            query["is_follower"] = "true" if is_follower else "false"
        payload = self._call(oa_id, "GET", self.base_url + FOLLOWERS_PATH, params={"data": json.dumps(query)})
        data = self._data(payload)
        users = data.get("users", data.get("followers", []))
        if not isinstance(users, Iterable):
            raise TypeError(f"'{type(users).__name__}' object is not iterable")
        ids = tuple(
            str(u["user_id"]) for u in users if isinstance(u, Mapping) and u.get("user_id") is not None
        )
        return FollowerPage(
            total=_int_or_none(data.get("total")) or 0,
            offset=_int_or_none(data.get("offset")) or offset,
            count=len(ids),
            user_ids=ids,
        )

    def get_followers(
        self,
        oa_id: str,
        *,
        count: int = FOLLOWERS_PAGE_MAX,
        tag_name: str | None = None,
        last_interaction_period: str | None = None,
        is_follower: bool | None = None,
    ) -> Iterator[str]:
        """Every user id, page by page until offset ≥ total. Zalo caps the offset at 9,951: beyond it the
        iteration stops with a warning (narrow with ``last_interaction_period`` or ``tag_name``)."""
        offset = 0
        while True:
            page = self.get_followers_page(
                oa_id,
                offset,
                count,
                tag_name=tag_name,
                last_interaction_period=last_interaction_period,
                is_follower=is_follower,
            )
            yield from page.user_ids
            offset += count
            if not page.user_ids or offset >= page.total:
                return
            if offset > FOLLOWERS_OFFSET_CAP:
                self._log.warning(
                    "zalo follower list truncated at the offset cap",
                    extra={"oa_id": oa_id, "total": page.total, "cap": FOLLOWERS_OFFSET_CAP},
                )
                return

    def _article_body(
        self, title: str, text: str, cover_url: str, author: str, image_url: str | None, link: str | None
    ) -> dict[str, object]:
        paragraphs: list[dict[str, object]] = [
            {"type": "text", "content": part} for part in text.split("\n\n") if part.strip()
        ]
        if image_url:
            paragraphs.append({"type": "image", "url": image_url, "caption": ""})
        if link:
            paragraphs.append({"type": "text", "content": link})
        return {
            "type": "normal",
            "title": title[:TITLE_LIMIT],
            "author": author,
            "cover": {"cover_type": "photo", "photo_url": cover_url, "status": "show"},
            "description": text[:SUBTITLE_LIMIT],
            "body": paragraphs,
            "status": "show",
            "comment": "hide",
        }

    def publish_article(
        self,
        oa_id: str,
        *,
        title: str,
        text: str,
        cover_url: str,
        author: str,
        image_url: str | None = None,
        link: str | None = None,
    ) -> SentMessage:
        """Zalo's broadcast to every follower is an article (docs/zalo-platform.md §4): create it, turn the
        token into the article id (Zalo may answer -214 "being processed" for a while), broadcast it with an
        empty target. Returns the broadcast's message id (``user_id`` empty: it has no single recipient)."""
        if not title.strip() or not text.strip():
            raise ValueError("an article needs a title and a text")
        if not cover_url.startswith(("https://", "http://")):
            raise ValueError("an article needs an http(s) cover picture")
        body = self._article_body(title, text, cover_url, author, image_url, link)
        created = self._data(self._call(oa_id, "POST", self.base_url + ARTICLE_CREATE_PATH, json=body))
        token = self._required(created, "token")
        article_id = ""
        for attempt in range(1, ARTICLE_VERIFY_ATTEMPTS + 1):
            try:
                verified = self._call(
                    oa_id, "POST", self.base_url + ARTICLE_VERIFY_PATH, json={"token": token}
                )
            except ZaloError as error:
                if error.code != -214 or attempt == ARTICLE_VERIFY_ATTEMPTS:
                    raise
                self._sleep(self._backoff(attempt))
                continue
            article_id = self._required(self._data(verified), "id")
            break
        message = {
            "attachment": {
                "type": "template",
                "payload": {
                    "template_type": "media",
                    "elements": [{"media_type": "article", "attachment_id": article_id}],
                },
            }
        }
        answer = self._call(
            oa_id,
            "POST",
            self.base_url + MESSAGE_V2_PATH,
            json={"recipient": {"target": {}}, "message": message},
        )
        data = self._data(answer)
        self._on_sent("article")
        self._report_quota(oa_id, "article", data)
        self._log.info("zalo article broadcast", extra={"oa_id": oa_id})
        return SentMessage(_str_or_none(data.get("message_id")) or "", "", "article")

    def get_oa_profile(self, oa_id: str) -> Mapping[str, object]:
        """The OA's own profile (a cheap call that proves the token works)."""
        return dict(self._data(self._call(oa_id, "GET", self.base_url + OA_PROFILE_PATH)))

    def get_quota(self, oa_id: str, user_id: str) -> Quota:
        payload = self._call(oa_id, "POST", self.base_url + QUOTA_PATH, json={"user_id": user_id})
        data = self._data(payload)
        reply = data.get("cs_reply")
        reply = reply if isinstance(reply, Mapping) else {}
        return Quota(
            remain=_int_or_none(reply.get("remain")),
            total=_int_or_none(reply.get("total")),
            last_interaction=_str_or_none(data.get("last_interaction")),
            raw=dict(data),
        )

    # ------------------------------------------------------------------------------------------ ZNS

    def send_zns(
        self,
        oa_id: str,
        phone: str,
        template_id: str,
        template_data: Mapping[str, object],
        *,
        tracking_id: str,
        development: bool = False,
    ) -> ZnsSent:
        """A ZNS template message by phone (reaches a citizen outside the 7-day window)."""
        if not tracking_id or len(tracking_id) > 48:
            raise ValueError("tracking_id must be 1..48 characters")
        body: dict[str, object] = {
            "phone": normalize_phone(phone),
            "template_id": template_id,
            "template_data": dict(template_data),
            "tracking_id": tracking_id,
        }
        if development:
            body["mode"] = "development"
        payload = self._call(oa_id, "POST", self.zns_base_url + ZNS_PATH, api="zns", json=body)
        data = self._data(payload)
        quota = data.get("quota")
        quota = quota if isinstance(quota, Mapping) else {}
        self._on_sent("zns")
        self._report_quota(oa_id, "zns", data)
        return ZnsSent(
            msg_id=self._required(data, "msg_id"),
            sent_time=_str_or_none(data.get("sent_time")),
            daily_quota=_int_or_none(quota.get("dailyQuota")),
            remaining_quota=_int_or_none(quota.get("remainingQuota")),
        )
