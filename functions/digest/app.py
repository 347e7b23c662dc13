"""Scheduled (hourly, on the hour, Vietnam time): the digest of new non-urgent tips for officers whose
alert setting is "digest" (see anninh.tips.digest). Each officer's digest of a window is sent at most once:
Powertools idempotency keyed on (window, officer), so a retried run only serves the officers it missed."""

from __future__ import annotations

from typing import Any

from anninh.observability import count, logger, metrics
from anninh.officers.model import Officer
from anninh.scheduled import scheduled_time, skip_unreachable
from anninh.tips.digest import send_digests
from anninh.wiring import digest as wiring
from aws_lambda_powertools.utilities.idempotency import (
    DynamoDBPersistenceLayer,
    IdempotencyConfig,
    idempotent_function,
)

deps = wiring.build()
idempotency_config = IdempotencyConfig(event_key_jmespath="key", expires_after_seconds=7 * 24 * 3600)
persistence = DynamoDBPersistenceLayer(table_name=deps.idempotency_table)


@idempotent_function(data_keyword_argument="item", config=idempotency_config, persistence_store=persistence)
def send_once(item: dict[str, str]) -> dict[str, str]:
    deps.client.send_text(item["oa_id"], item["user_id"], item["text"])
    return {"sent": item["key"]}


def _send(key: str, officer: Officer, text: str) -> None:
    send_once(item={"key": key, "oa_id": officer.oa_id, "user_id": officer.user_id, "text": text})


_unreachable = skip_unreachable("OfficerDigestUndeliverable", "digest")


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    idempotency_config.register_lambda_context(context)
    now = scheduled_time(event)
    sent, window = send_digests(
        deps.tips, deps.officers, deps.directory.tree(), now, send_once=_send, on_unreachable=_unreachable
    )
    count("OfficerDigestsSent", value=sent)
    logger.info("tip digest run", extra={"window": window.key, "officers": sent})
    return {"window": window.key, "officers": sent}
