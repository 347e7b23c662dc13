"""POST /zalo/webhook — one URL for every OA of the Zalo app.

Thin adapter: API Gateway HTTP API (v2) event in, :func:`anninh.inbound.webhook.accept` does the work,
HTTP answer out. Cold start matters (Zalo allows 2 s): no Tracer, PynamoDB or idempotency imports here.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import time
from typing import Any

from anninh.inbound.queue import SqsEventQueue
from anninh.inbound.secrets import SsmSecretStore
from anninh.inbound.webhook import Outcome, accept
from anninh.observability import count, logger, metrics, pseudonym
from anninh.settings import WebhookSettings

settings = WebhookSettings.from_env()
queue = SqsEventQueue(settings.queue_url)
secrets = SsmSecretStore(settings.ssm_prefix, settings.secret_cache_seconds)
# "0" (the template default) means "not configured": then any app_id in the body is accepted.
APP_ID = "" if os.environ.get("ZALO_APP_ID", "0").strip() in {"", "0"} else os.environ["ZALO_APP_ID"].strip()


def _answer(status: int, reason: str) -> dict[str, Any]:
    return {
        "statusCode": status,
        "headers": {"content-type": "application/json"},
        "body": json.dumps({"status": reason}),
    }


def _log(outcome: Outcome) -> None:
    fields = {
        "reason": outcome.reason,
        "status": outcome.status,
        "event_name": outcome.event_name,
        "oa_id": outcome.oa_id,
        "user": pseudonym(outcome.user_id) if outcome.user_id else None,
        "signature_variant": outcome.variant,
    }
    if outcome.status >= 500:
        logger.error("webhook event not queued", extra={**fields, "detail": outcome.detail})
    elif outcome.status >= 400:
        logger.warning("webhook event rejected", extra={**fields, "detail": outcome.detail})
    else:
        logger.info("webhook event accepted", extra=fields)


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
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
        logger.set_correlation_id(outcome.msg_key)
    _log(outcome)
    if outcome.status == 200:
        count("WebhookQueued" if outcome.reason == "queued" else "WebhookIgnored")
    else:
        count("WebhookRejected", reason=outcome.reason)
    return _answer(outcome.status, outcome.reason)
