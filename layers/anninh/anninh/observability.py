"""The one place that owns Logger, Metrics and Tracer for every function.

Logger and Metrics are cheap to import; Tracer pulls in the X-Ray SDK, so it is created on demand and the
webhook (whose cold start is measured) never asks for it. Logs carry ids and hashes, never message text,
phone numbers or raw Zalo user ids: use :func:`pseudonym` for user ids.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from typing import TYPE_CHECKING

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.metrics import MetricUnit, single_metric

if TYPE_CHECKING:  # pragma: no cover
    from aws_lambda_powertools import Tracer

logger = Logger(service=os.environ.get("POWERTOOLS_SERVICE_NAME", "anninh"))
metrics = Metrics(namespace=os.environ.get("POWERTOOLS_METRICS_NAMESPACE", "AnNinh"))

__all__ = ["MetricUnit", "count", "get_tracer", "logger", "metrics", "pseudonym"]


@lru_cache(maxsize=1)
def get_tracer() -> Tracer:
    from aws_lambda_powertools import Tracer

    return Tracer()


def pseudonym(user_id: str) -> str:
    """A short stable hash of a Zalo user id, for logs and metrics dimensions (never the raw id)."""
    salt = os.environ.get("STAGE", "anninh")
    return hashlib.sha256(f"{salt}:{user_id}".encode()).hexdigest()[:16]


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
