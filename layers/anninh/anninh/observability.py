"""The one place that owns Logger, Metrics and Tracer for every function.

Logger and Metrics are cheap to import; Tracer pulls in the X-Ray SDK, so it is created on demand and the
webhook (whose cold start is measured) never asks for it. Logs carry ids and hashes, never message text,
phone numbers or raw Zalo user ids: use :func:`pseudonym` for user ids and :func:`correlation_id` for a
business key that may hold one. Both are keyed hashes (HMAC-SHA256) under a key derived from the secret the
stack generates at deploy (:mod:`anninh.hash_keys`): without that key a follower list cannot be hashed into
a dictionary that reverses them.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.metrics import MetricUnit, single_metric

from anninh.settings import environment, optional

if TYPE_CHECKING:  # pragma: no cover
    from aws_lambda_powertools import Tracer

logger = Logger(service=optional(environment(), "POWERTOOLS_SERVICE_NAME") or "anninh")
metrics = Metrics(namespace=optional(environment(), "POWERTOOLS_METRICS_NAMESPACE") or "AnNinh")

__all__ = ["MetricUnit", "correlation_id", "count", "get_tracer", "logger", "metrics", "pseudonym"]


@lru_cache(maxsize=1)
def get_tracer() -> Tracer:
    from aws_lambda_powertools import Tracer

    return Tracer()


def pseudonym(user_id: str) -> str:
    """A short stable keyed hash of a Zalo user id, for logs and metrics dimensions (never the raw id)."""
    from anninh.hash_keys import LOG_PSEUDONYM, keyed_hash

    # A letter first: sixteen hex digits are all decimal now and then, and would then read as a Zalo id.
    return "u" + keyed_hash(LOG_PSEUDONYM, f"user:{user_id}")[:15]


def correlation_id(key: str, user_id: str | None) -> str:
    """The correlation id for an event's business key: the key itself when it names no user (a Zalo
    ``msg_id``), else a keyed hash of it (follow, unfollow, user_submit_info, chat-now: the key is
    ``event:user_id:timestamp``). Webhook and worker derive the same value from the same key."""
    if not user_id or user_id not in key:
        return key
    from anninh.hash_keys import LOG_PSEUDONYM, keyed_hash

    return "k" + keyed_hash(LOG_PSEUDONYM, f"key:{key}")[:31]


def count(name: str, value: float = 1, **dimensions: str) -> None:
    """Add a count metric; with dimensions it is emitted as its own EMF blob so dimensions don't leak."""
    if dimensions:
        # single_metric flushes its own EMF blob, so these dimensions do not leak onto other metrics.
        with single_metric(
            name=name,
            unit=MetricUnit.Count,
            value=value,
            namespace=metrics.namespace,
            default_dimensions=metrics.default_dimensions,
        ) as metric:
            for key, dim in dimensions.items():
                metric.add_dimension(name=key, value=dim)
        return
    metrics.add_metric(name=name, unit=MetricUnit.Count, value=value)
