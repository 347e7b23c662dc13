"""Accept one webhook call from Zalo: check it, and put it on the inbound queue durably.

Answers (the handler turns an :class:`Outcome` into HTTP):

=====  ==========================  ===========================================================
413    too_large                   body over ``WEBHOOK_MAX_BODY_BYTES``
400    malformed_json              not JSON, or not a JSON object
400    missing_field               a field of the envelope is missing or of the wrong type (event name,
                                   OA, user, timestamp, the msg_id the queue deduplicates on)
401    missing_signature           no or malformed ``X-ZEvent-Signature``
401    unknown_oa                  no secret key for the OA named by the event
401    wrong_app                   the event's app_id is not the configured Zalo app
401    bad_signature               no enabled signature variant matches
401    replayed                    timestamp older than ``WEBHOOK_MAX_AGE_SECONDS`` (or too far ahead)
200    ignored                     a kind the system deliberately ignores (oa_send_* echoes, …)
200    queued                      durably on the FIFO queue (a duplicate is absorbed by SQS)
503    queue_unavailable           SQS or SSM failed: Zalo will deliver the event again
=====  ==========================  ===========================================================

Nothing is queued unless the answer is 200 "queued". Only the envelope is read here
(:mod:`anninh.zalo.envelope`, for the cold start); the worker parses the content of the message.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from anninh.inbound.queue import EventQueue, QueueUnavailable
from anninh.inbound.secrets import SecretUnavailable
from anninh.settings import WebhookSettings
from anninh.zalo import signature
from anninh.zalo.envelope import EventParseError, is_ignored, read_envelope


class SecretStore(Protocol):
    def oa_secret(self, oa_id: str) -> str | None: ...
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
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return Outcome(400, "malformed_json")
    if not isinstance(body, dict):
        return Outcome(400, "malformed_json", detail="the body must be a JSON object")
    try:
        envelope = read_envelope(body, headers)
    except EventParseError as exc:
        return Outcome(400, "missing_field", event_name=exc.event_name, detail=str(exc))
    sent_at = envelope.timestamp_ms
    base = {"event_name": envelope.event_name, "oa_id": envelope.oa_id, "user_id": envelope.user_id}

    header = headers.get("x-zevent-signature")
    if signature.parse_signature_header(header) is None:
        return Outcome(401, "missing_signature", **base)
    if app_id and envelope.app_id and envelope.app_id != app_id:
        return Outcome(401, "wrong_app", **base)
    try:
        oa_secret = secrets.oa_secret(envelope.oa_id)
        app_secret = secrets.app_secret() if signature.APP_SECRET in settings.signature_variants else None
    except SecretUnavailable as exc:
        return Outcome(503, "queue_unavailable", detail=f"secret store: {exc}", **base)
    if oa_secret is None:
        return Outcome(401, "unknown_oa", **base)
    variant = signature.verify(
        raw,
        header,
        app_id=envelope.app_id or app_id or "",
        oa_id=envelope.oa_id,
        oa_secret=oa_secret,
        timestamp=envelope.timestamp,
        app_secret=app_secret,
        header_timestamp=headers.get("x-zevent-timestamp"),
        variants=settings.signature_variants,
    )
    if variant is None:
        return Outcome(401, "bad_signature", **base)
    if (
        now_ms - sent_at > settings.max_age_seconds * 1000
        or sent_at - now_ms > settings.future_skew_seconds * 1000
    ):
        return Outcome(401, "replayed", variant=variant, **base)
    if is_ignored(envelope.event_name):
        return Outcome(200, "ignored", variant=variant, **base)

    key = envelope.key
    dedup_id = key if len(key) <= 128 else hashlib.sha256(raw).hexdigest()
    attributes = {
        "oa_id": envelope.oa_id,
        "event_name": envelope.event_name,
        "num_retry": headers.get("num_retry", headers.get("x-zevent-num-retry", "0")) or "0",
        "zevent_server": headers.get("x-zevent-server", ""),
    }
    try:
        queue.enqueue(raw.decode("utf-8"), f"{envelope.oa_id}:{envelope.user_id}", dedup_id, attributes)
    except QueueUnavailable as exc:
        return Outcome(503, "queue_unavailable", variant=variant, msg_key=key, detail=str(exc), **base)
    return Outcome(200, "queued", variant=variant, msg_key=key, **base)
