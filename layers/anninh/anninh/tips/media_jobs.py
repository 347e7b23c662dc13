"""Media jobs: one message per tip attachment on the standard SQS "media" queue.

The intake creates the tip with each :class:`~anninh.tips.model.MediaItem` in status ``pending`` and then
sends one :class:`MediaJob` per item (``queue.send(MediaJob(...))`` or :func:`enqueue_media`); the media
function downloads, checks and stores it and records the outcome on the tip. The body is JSON::

    {"tip_id": str, "media_id": str, "kind": "image"|"video"|"audio"|"file",
     "source_url": str, "declared_size": int | null}
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any, Protocol
from urllib.parse import urlsplit

from anninh.settings import environment, require
from anninh.tips.media_types import KINDS
from anninh.tips.model import MediaItem

# Ids become part of the S3 key tips/{tip_id}/{media_id}.{ext}: no slashes, no surprises.
_ID = re.compile(r"^[A-Za-z0-9._-]{1,100}$")
_FIELDS = ("tip_id", "media_id", "kind", "source_url", "declared_size")


class InvalidMediaJob(ValueError):
    """A media job that cannot be processed as given (the message is a programming error, not a retry)."""


class MediaQueueUnavailable(RuntimeError):
    """The job could not be queued; the caller decides whether to retry or mark the media failed."""


@dataclass(frozen=True)
class MediaJob:
    tip_id: str
    media_id: str
    kind: str
    source_url: str
    declared_size: int | None = None

    def __post_init__(self) -> None:
        for name in ("tip_id", "media_id"):
            value = getattr(self, name)
            if not isinstance(value, str) or not _ID.match(value):
                raise InvalidMediaJob(f"{name} must be 1-100 characters of A-Z a-z 0-9 . _ -, got {value!r}")
        if self.kind not in KINDS:
            raise InvalidMediaJob(f"kind must be one of {KINDS}, got {self.kind!r}")
        if not isinstance(self.source_url, str) or urlsplit(self.source_url).scheme not in ("http", "https"):
            raise InvalidMediaJob("source_url must be an http(s) URL")
        if not urlsplit(self.source_url).hostname:
            raise InvalidMediaJob("source_url has no host")
        size = self.declared_size
        if size is not None and (isinstance(size, bool) or not isinstance(size, int) or size < 0):
            raise InvalidMediaJob(f"declared_size must be a non-negative integer or null, got {size!r}")

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, body: str) -> MediaJob:
        try:
            data = json.loads(body)
        except (TypeError, ValueError) as exc:
            raise InvalidMediaJob(f"the body is not JSON: {exc}") from exc
        if not isinstance(data, dict):
            raise InvalidMediaJob("the body must be a JSON object")
        missing = [name for name in _FIELDS[:4] if name not in data]
        unknown = sorted(set(data) - set(_FIELDS))
        if missing or unknown:
            raise InvalidMediaJob(f"missing fields {missing}, unknown fields {unknown}")
        return cls(
            tip_id=data["tip_id"],
            media_id=data["media_id"],
            kind=data["kind"],
            source_url=data["source_url"],
            declared_size=data.get("declared_size"),
        )

    @property
    def key(self) -> str:
        """The attachment's identity: one stored object, one outcome on the tip."""
        return f"{self.tip_id}:{self.media_id}"


class MediaJobQueue(Protocol):
    def send(self, job: MediaJob) -> str: ...


class SqsMediaJobQueue:
    """The media queue (standard SQS: at-least-once delivery; the function is idempotent per media)."""

    def __init__(self, queue_url: str, client: Any = None) -> None:
        if client is None:
            import boto3
            from botocore.config import Config

            client = boto3.client(
                "sqs",
                config=Config(
                    connect_timeout=2, read_timeout=5, retries={"max_attempts": 3, "mode": "standard"}
                ),
            )
        self._client = client
        self._url = queue_url

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, client: Any = None) -> SqsMediaJobQueue:
        return cls(require(environment() if env is None else env, "MEDIA_QUEUE_URL"), client)

    def send(self, job: MediaJob) -> str:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            answer = self._client.send_message(QueueUrl=self._url, MessageBody=job.to_json())
        except (BotoCoreError, ClientError) as exc:
            raise MediaQueueUnavailable(type(exc).__name__) from exc
        return str(answer["MessageId"])


def enqueue_media(
    queue: MediaJobQueue, tip_id: str, item: MediaItem, declared_size: int | None = None
) -> MediaJob:
    """Queue the download of one pending attachment of a saved tip; returns the job sent."""
    job = MediaJob(
        tip_id=tip_id,
        media_id=item.media_id,
        kind=item.kind,
        source_url=item.source_url,
        declared_size=declared_size,
    )
    queue.send(job)
    return job
