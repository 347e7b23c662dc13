"""Accept one webhook call from Zalo: check it, and put it on the inbound queue durably.

Answers (the handler turns an :class:`Outcome` into HTTP), in the order they are decided:

=====  ==========================  ===========================================================
413    too_large                   body over ``WEBHOOK_MAX_BODY_BYTES``
200    ping                        an empty body or ``{}``: the Zalo console checking the URL
400    malformed_json              not UTF-8, not JSON (or nested too deep), not a JSON object
400    missing_field               no event name, no timestamp in ASCII milliseconds, or no value
                                   anywhere that could be an OA id (1–20 digits)
401    missing_signature           no or malformed ``X-ZEvent-Signature``
401    wrong_app                   the event's app_id is not the configured Zalo app
401    unknown_oa                  none of the event's OA candidates is a known OA
401    bad_signature               no enabled signature variant matches
401    replayed                    timestamp older than ``WEBHOOK_MAX_AGE_SECONDS`` (or too far ahead)
200    ignored                     signed, of a kind the worker does not act on: deliberately ignored
                                   (oa_send_* echoes, tag and template notices, …) or unknown
                                   (``detail`` = "unknown_event", counted)
200    queued                      durably on the FIFO queue (a duplicate is absorbed by SQS); a signed
                                   event whose envelope is incomplete is queued too, and the worker
                                   parks it in the dead-letter queue (``detail`` = "unreadable")
503    queue_unavailable           SQS or SSM failed: Zalo will deliver the event again
=====  ==========================  ===========================================================

Nothing is queued unless the answer is 200 "queued"; a correctly signed event is never refused for its
shape (Zalo disables a webhook that keeps answering non-200). The OA is found by asking which of the
event's candidate fields (:func:`anninh.zalo.envelope.oa_candidates`) names a known OA, from the set
loaded in bulk (:mod:`anninh.inbound.known_oas`): an id that is not an OA never reaches SSM.
Only the envelope is read here (:mod:`anninh.zalo.envelope`, for the cold start); the worker parses the
content of the message.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from anninh.inbound.known_oas import SecretUnavailable
from anninh.inbound.queue import EventQueue, QueueUnavailable
from anninh.settings import WebhookSettings
from anninh.zalo import signature
from anninh.zalo.envelope import (
    EventParseError,
    is_handled,
    is_ignored,
    oa_candidates,
    plausible_id,
    read_envelope,
    read_timestamp,
)

# Headers longer than this are not a signature, a retry count or a server name (API Gateway allows 10 KB).
_MAX_HEADER = 512
# An event name worth logging as it came; anything else is logged as "?" (names are ours to count).
_LOGGABLE_NAME = re.compile(r"[a-z0-9_]{1,64}")
# SQS accepts #x9 #xA #xD #x20–#xD7FF #xE000–#xFFFD #x10000–#x10FFFF in a body. Strict UTF-8 has no
# surrogates and strict JSON no raw control characters, so of a decoded body only U+FFFE and U+FFFF can be
# refused. (A regular expression over those ranges took ~45 ms to compile: the cold start is measured.)
_SQS_REFUSED = ("\ufffe", "\uffff")
# Deduplication and group ids: 1–128 of alphanumerics and ASCII punctuation.
_SQS_ID = re.compile(r"[!-~]{1,128}")


class SecretStore(Protocol):
    def find_oa(self, candidates: Iterable[str]) -> tuple[str, str] | None: ...
    def app_secret(self) -> str | None: ...


@dataclass(frozen=True)
class Outcome:
    status: int
    reason: str
    event_name: str | None = None
    oa_id: str | None = None
    user_id: str | None = None
    msg_key: str | None = None
    variant: str | None = None
    detail: str | None = None


def _header(headers: Mapping[str, str], name: str) -> str | None:
    value = headers.get(name)
    return value if value is not None and len(value) <= _MAX_HEADER else None


def _sqs_id(value: str) -> str:
    """``value`` when SQS accepts it as a group or deduplication id, else a stable hash of it."""
    return value if _SQS_ID.fullmatch(value) else hashlib.sha256(value.encode("utf-8", "replace")).hexdigest()


def _decode(raw: bytes) -> Any:
    text = raw.decode("utf-8")  # strict: a body Zalo signed is UTF-8 (json.loads would guess UTF-16/32)
    return json.loads(text)


def accept(
    raw: bytes,
    headers: Mapping[str, str],
    *,
    settings: WebhookSettings,
    secrets: SecretStore,
    queue: EventQueue,
    now_ms: int,
    app_id: str | None = None,
) -> Outcome:
    """Check one webhook call and queue it; ``headers`` must have lower-case names."""
    if len(raw) > settings.max_body_bytes:
        return Outcome(413, "too_large")
    if not raw.strip() or raw.strip() == b"{}":
        return Outcome(200, "ping")
    try:
        body = _decode(raw)
    except (ValueError, RecursionError):  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        return Outcome(400, "malformed_json")
    if not isinstance(body, dict):
        return Outcome(400, "malformed_json", detail="the body must be a JSON object")
    name = body.get("event_name")
    if not isinstance(name, str) or not name.strip():
        return Outcome(400, "missing_field", detail="event_name is missing or not a string")
    name = name.strip()
    shown = name if _LOGGABLE_NAME.fullmatch(name) else "?"
    try:
        timestamp = read_timestamp(body, name)
    except EventParseError as exc:
        return Outcome(400, "missing_field", event_name=shown, detail=str(exc))
    candidates = oa_candidates(body)
    if not candidates:
        return Outcome(400, "missing_field", event_name=shown, detail="no field could be an OA id")

    header = _header(headers, "x-zevent-signature")
    if signature.parse_signature_header(header) is None:
        return Outcome(401, "missing_signature", event_name=shown)
    body_app = plausible_id(body.get("app_id"))
    if app_id and body.get("app_id") is not None and body_app != app_id:
        return Outcome(401, "wrong_app", event_name=shown)
    try:
        found = secrets.find_oa(candidates)
        app_secret = secrets.app_secret() if signature.APP_SECRET in settings.signature_variants else None
    except SecretUnavailable as exc:
        return Outcome(503, "queue_unavailable", event_name=shown, detail=f"secret store: {exc}")
    if found is None:
        return Outcome(401, "unknown_oa", event_name=shown)
    oa_id, oa_secret = found
    variant = signature.verify(
        raw,
        header,
        app_id=body_app or app_id or "",
        oa_id=oa_id,
        oa_secret=oa_secret,
        timestamp=timestamp,
        app_secret=app_secret,
        header_timestamp=_header(headers, "x-zevent-timestamp"),
        variants=settings.signature_variants,
    )
    if variant is None:
        return Outcome(401, "bad_signature", event_name=shown, oa_id=oa_id)
    sent_at = int(timestamp)
    if (
        now_ms - sent_at > settings.max_age_seconds * 1000
        or sent_at - now_ms > settings.future_skew_seconds * 1000
    ):
        return Outcome(401, "replayed", event_name=shown, oa_id=oa_id, variant=variant)
    if not is_handled(name):
        detail = None if is_ignored(name) else "unknown_event"
        return Outcome(200, "ignored", event_name=shown, oa_id=oa_id, variant=variant, detail=detail)
    return _enqueue(raw, body, headers, oa_id=oa_id, name=name, variant=variant, queue=queue)


def _enqueue(
    raw: bytes,
    body: dict[str, Any],
    headers: Mapping[str, str],
    *,
    oa_id: str,
    name: str,
    variant: str,
    queue: EventQueue,
) -> Outcome:
    """Queue a signed event of a kind the worker handles, grouped by citizen, deduplicated by its key."""
    text = raw.decode("utf-8")
    if any(char in text for char in _SQS_REFUSED):
        text = json.dumps(body)  # the same JSON with every character escaped: SQS refuses some code points
    detail = None
    try:
        envelope = read_envelope(body, headers, oa_id)
        user_id: str | None = envelope.user_id
        key = envelope.key
        group = _sqs_id(f"{oa_id}:{envelope.user_id}")
    except EventParseError as exc:
        # Signed by Zalo but incomplete: queued all the same, so that the worker parks it in the
        # dead-letter queue (alarmed, kept for a redrive) instead of Zalo retrying it and giving up.
        user_id, key, group, detail = None, hashlib.sha256(raw).hexdigest(), f"{oa_id}:unreadable", str(exc)
    retry = _header(headers, "num_retry") or _header(headers, "x-zevent-num-retry") or "0"
    server = _header(headers, "x-zevent-server") or ""
    attributes = {
        "oa_id": oa_id,
        "event_name": name,
        "num_retry": retry if retry.isascii() and retry.isdigit() and len(retry) <= 6 else "0",
        "zevent_server": server if _SQS_ID.fullmatch(server) and len(server) <= 32 else "",
    }
    base = {"event_name": name, "oa_id": oa_id, "user_id": user_id, "variant": variant}
    try:
        queue.enqueue(text, group, _sqs_id(key), attributes)
    except QueueUnavailable as exc:
        return Outcome(503, "queue_unavailable", msg_key=key, detail=str(exc), **base)
    return Outcome(200, "queued", msg_key=key, detail=detail and "unreadable", **base)
