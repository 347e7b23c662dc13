"""Shared by the wiring modules (private): the outbound queue (broadcast and sender functions) and the
article-broadcast quota (sender and admin functions)."""

from __future__ import annotations

from collections.abc import Mapping

import boto3

from anninh.broadcasts.fanout import SqsOutboundQueue
from anninh.broadcasts.quota import ArticleQuota, allowance_from_env


def outbound_queue(url: str) -> SqsOutboundQueue:
    return SqsOutboundQueue(boto3.client("sqs"), url)


def article_quota(env: Mapping[str, str]) -> ArticleQuota:
    """Each OA's article-broadcast allowance and monthly ledger in the OA token table (broadcasts.quota)."""
    from anninh.store.broadcast_quota import DynamoAllowances, DynamoQuotaLedger

    return ArticleQuota(DynamoQuotaLedger(env), DynamoAllowances(env), allowance_from_env(env))
