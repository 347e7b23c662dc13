"""GET /zalo/oauth/callback: where Zalo sends the OA's admin after consent (no IAM: Zalo's redirect comes
from a browser). Its only power is to spend a pending ``state`` that ``anninh oa connect`` created; the
answer is a short Vietnamese page, never a token, a code or a stack trace.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from anninh import texts
from anninh.oa.consent import (
    ConsentRefused,
    ConsentRepository,
    ExchangesCodes,
    StoresTokenPairs,
    complete_consent,
)
from anninh.oa.health import OaStatusRepository
from anninh.observability import count, logger
from anninh.zalo.errors import ZaloError, ZaloTransportError

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class CallbackDeps:
    consents: ConsentRepository
    status: OaStatusRepository
    tokens: StoresTokenPairs
    oauth: ExchangesCodes
    app_id: str
    app_secret: Callable[[], str]
    clock: Callable[[], datetime] = _utcnow


def _page(status: int, title: str, message: str) -> dict[str, object]:
    body = (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title></head><body><h1>{html.escape(title)}</h1>"
        f"<p>{html.escape(message)}</p></body></html>"
    )
    return {
        "statusCode": status,
        # The URL carries the code and the state: never cached, never sent on as a Referer.
        "headers": {
            "content-type": "text/html; charset=utf-8",
            "cache-control": "no-store",
            "referrer-policy": "no-referrer",
        },
        "body": body,
    }


def handle_callback(event: Mapping[str, Any], deps: CallbackDeps) -> dict[str, object]:
    query = event.get("queryStringParameters") or {}
    state, code = str(query.get("state") or ""), str(query.get("code") or "")
    oa_id = str(query.get("oa_id") or "") or None
    try:
        connected = complete_consent(
            deps.consents,
            deps.tokens,
            deps.oauth,
            app_id=deps.app_id,
            app_secret=deps.app_secret,
            state=state,
            code=code,
            oa_id=oa_id,
            now=deps.clock(),
            on_connected=deps.status.record_connected,
        )
    except ConsentRefused as refused:
        count("OaConsentRefused", reason=refused.code)
        logger.warning("oa consent refused", extra={"reason": refused.code})
        return _page(400, texts.OA_CONSENT_FAILED_TITLE, refused.message)
    except ZaloTransportError:
        count("OaConsentRefused", reason="zalo_unreachable")
        logger.warning("oa consent: zalo unreachable", exc_info=True)
        return _page(502, texts.OA_CONSENT_FAILED_TITLE, texts.OA_CONSENT_ZALO_DOWN)
    except ZaloError as error:
        count("OaConsentRefused", reason="zalo_" + error.label)
        logger.warning("oa consent: zalo refused the code", extra={"error": error.label})
        return _page(
            400, texts.OA_CONSENT_FAILED_TITLE, texts.OA_CONSENT_ZALO_REFUSED.format(code=error.label)
        )
    count("OaConnected")
    logger.info("oa connected", extra={"unit_id": connected.unit_id, "oa_id": connected.oa_id})
    expires = connected.expires_at.astimezone(VIETNAM).strftime("%H:%M %d/%m/%Y")
    message = texts.OA_CONSENT_DONE.format(oa_id=connected.oa_id, unit_id=connected.unit_id, expires=expires)
    return _page(200, texts.OA_CONSENT_DONE_TITLE, message)
