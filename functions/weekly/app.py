"""Scheduled (Mondays 07:00, Vietnam time): last week's picture for each unit's leaders (anninh.stats.weekly).

Each leader's picture of a week is sent at most once: Powertools idempotency keyed on (week, leader), so a
retried run only serves the leaders it missed.
"""

from __future__ import annotations

import base64
from typing import Any

from anninh.observability import count, logger, metrics
from anninh.scheduled import scheduled_time, skip_unreachable
from anninh.stats.weekly import Picture, send_weekly
from anninh.wiring import weekly as wiring
from aws_lambda_powertools.utilities.idempotency import (
    DynamoDBPersistenceLayer,
    IdempotencyConfig,
    idempotent_function,
)

deps = wiring.build()
idempotency_config = IdempotencyConfig(event_key_jmespath="key", expires_after_seconds=14 * 24 * 3600)
persistence = DynamoDBPersistenceLayer(table_name=deps.idempotency_table)


@idempotent_function(data_keyword_argument="item", config=idempotency_config, persistence_store=persistence)
def send_once(item: dict[str, str]) -> dict[str, str]:
    png = base64.b64decode(item["png"])
    attachment = deps.client.upload_image(item["oa_id"], png, "tuan.png", "image/png")
    deps.client.send_image(item["oa_id"], item["user_id"], attachment_id=attachment, caption=item["caption"])
    return {"sent": item["key"]}


def _send(key: str, picture: Picture) -> None:
    send_once(
        item={
            "key": key,
            "oa_id": picture.leader.oa_id,
            "user_id": picture.leader.user_id,
            "png": base64.b64encode(picture.png).decode(),
            "caption": picture.caption,
        }
    )


_unreachable = skip_unreachable("LeaderPictureUndeliverable", "weekly picture")


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    idempotency_config.register_lambda_context(context)
    now = scheduled_time(event)
    sent, week = send_weekly(
        deps.officers, deps.stats, deps.directory.tree(), now, send_once=_send, on_unreachable=_unreachable
    )
    count("LeaderPicturesSent", value=sent)
    logger.info("weekly pictures run", extra={"week": week.key, "leaders": sent})
    return {"week": week.key, "leaders": sent}
