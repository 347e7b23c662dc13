"""POST /zalo/webhook — one URL for every OA of the Zalo app; and what Zalo's console reads beside it.

Thin adapter: API Gateway HTTP API (v2) event in, :func:`anninh.inbound.webhook.accept` does the work,
HTTP answer out. ``GET /zalo/webhook`` answers 200 and ``GET /{file}`` serves the domain-verification file
(:mod:`anninh.inbound.zalo_console`).

Cold start matters (Zalo allows 2 s; it is measured against ``import boto3`` + one SQS client): no Tracer,
PynamoDB, idempotency, Powertools Parameters or typed-event imports here (the webhook reads only the
envelope, :mod:`anninh.zalo.envelope`), and both clients come from one session.

That session's SSM client reads ``botocore_models/`` beside this file first: botocore's SSM model cut down
to the two SSM calls made here, GetParametersByPath (every OA secret, :mod:`anninh.inbound.known_oas`) and
GetParameter (the App Secret, only with the ``app_secret`` signature variant). The full model (~150
operations) took ~20 ms to load, and its objects kept the garbage collector busy about as long again.
The directory is put ahead of botocore's own data on the loader's search path (the list ``AWS_DATA_PATH``
also feeds), so every other file (the SQS model, endpoint rules, partitions) still comes from botocore.
tests/unit/inbound/test_webhook_ssm_model.py checks the file is exactly botocore's model of those calls and
says how to regenerate it after a botocore upgrade.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import time
from typing import Any

import boto3
import botocore.session
from anninh.inbound.webhook import Outcome, accept
from anninh.inbound.zalo_console import Answer, root_file, webhook_get
from anninh.observability import correlation_id, count, logger, metrics
from anninh.wiring import webhook as wiring

BOTOCORE_MODELS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "botocore_models")


def aws_session() -> boto3.Session:
    """One session for both clients (one loader, endpoint data loaded once), trimmed SSM model first."""
    core = botocore.session.get_session()
    core.get_component("data_loader").search_paths.insert(0, BOTOCORE_MODELS)
    return boto3.Session(botocore_session=core)


session = aws_session()
deps = wiring.build(session=session)
settings, queue, secrets, verification = deps.settings, deps.queue, deps.secrets, deps.verification
# "0" (the template default) means "not configured": then any app_id in the body is accepted.
APP_ID = settings.app_id


def _answer(status: int, reason: str) -> dict[str, Any]:
    return {
        "statusCode": status,
        "headers": {"content-type": "application/json"},
        "body": json.dumps({"status": reason}),
    }


def _console(event: dict[str, Any]) -> dict[str, Any]:
    path = str(event.get("rawPath") or "")
    if path.rstrip("/").endswith("/zalo/webhook"):
        answer: Answer = webhook_get(event.get("queryStringParameters"))
    else:
        answer = root_file(path, verification)
    count("ConsoleRequest", answer=str(answer.status))
    headers = {"content-type": answer.content_type}
    return {"statusCode": answer.status, "headers": headers, "body": answer.body}


def _log(outcome: Outcome) -> None:
    fields = {
        "reason": outcome.reason,
        "status": outcome.status,
        "event_name": outcome.event_name,
        "oa_id": outcome.oa_id,
        "signature_variant": outcome.variant,
        "detail": (outcome.detail or "")[:300] or None,  # bounded: a detail may quote the body's event name
    }
    if outcome.status >= 500:
        logger.error("webhook event not queued", extra=fields)
    elif outcome.status >= 400:
        logger.warning("webhook event rejected", extra=fields)
    else:
        logger.info("webhook event accepted", extra=fields)


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    method = str(((event.get("requestContext") or {}).get("http") or {}).get("method") or "POST").upper()
    if method in {"GET", "HEAD"}:
        return _console(event)
    count("WebhookReceived")
    headers = {str(k).lower(): str(v) for k, v in (event.get("headers") or {}).items()}
    body = event.get("body") or ""
    try:
        raw = base64.b64decode(body, validate=True) if event.get("isBase64Encoded") else body.encode("utf-8")
    except (binascii.Error, ValueError):
        count("WebhookRejected", reason="malformed_body")
        return _answer(400, "malformed_body")
    try:
        outcome = accept(
            raw,
            headers,
            settings=settings,
            secrets=secrets,
            queue=queue,
            now_ms=int(time.time() * 1000),
            app_id=APP_ID or None,
        )
    except Exception:
        # Never a stack trace to the caller; 500 makes Zalo deliver the event again.
        logger.exception("webhook failed")
        count("WebhookRejected", reason="internal_error")
        return _answer(500, "internal_error")
    if outcome.msg_key:
        logger.set_correlation_id(correlation_id(outcome.msg_key, outcome.user_id))
    _log(outcome)
    if outcome.status == 200:
        count({"queued": "WebhookQueued", "ping": "WebhookPing"}.get(outcome.reason, "WebhookIgnored"))
        if outcome.detail in {"unknown_event", "unreadable"}:
            # An event name Zalo added, or a signed event the worker will park: worth a look.
            count("WebhookUnknownEvent" if outcome.detail == "unknown_event" else "WebhookUnreadable")
    else:
        count("WebhookRejected", reason=outcome.reason)
    return _answer(outcome.status, outcome.reason)
