"""The media function's work: one job in, one recorded outcome on the tip (and one audit entry).

- stored: downloaded under its kind's cap, type sniffed and allowed, uploaded to S3 (SSE-KMS); the tip's
  media item gets the key, type, size and SHA-256;
- refused (too large, type not allowed, empty, or not from Zalo's CDN: see
  :mod:`anninh.tips.media_source`) and gone (a definitive 4xx from the CDN, recorded as
  ``failed``): recorded at once and never retried;
- transient failures raise so that SQS delivers the job again; on the last delivery the redrive policy
  allows (``ApproximateReceiveCount >= max_receive_count``) the item is first marked ``failed``, then the
  job goes on to the DLQ: the tip always keeps a visible "media failed" mark.

A job for an item already stored or refused does nothing (SQS may deliver twice); a ``failed`` item is
tried again, which is what redriving the DLQ is for.

When an attachment is refused or finally fails, the reporter is told at once (the relay through the OA,
when Zalo's window allows) so they can send it again with "bổ sung MÃ"; the mark stays on the tip for the
lookup either way. The message is a courtesy on top of that durable mark: a failure to send it is counted
and logged, never a reason to download the file again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Protocol

import requests

from anninh import texts
from anninh.observability import count, logger
from anninh.settings import ConfigError, environment, is_local_stage, require, whole_number
from anninh.tips.media_download import (
    DownloadPolicy,
    MediaGone,
    MediaRefused,
    MediaUnavailable,
    fetch_media,
)
from anninh.tips.media_jobs import MediaJob
from anninh.tips.media_source import Resolver, SourcePolicy, system_resolver
from anninh.tips.media_store import MediaStore, media_key
from anninh.tips.model import AuditEntry, MediaItem, Tip

MB = 1024 * 1024
DEFAULT_CAPS_MB = {"image": 10, "video": 100, "audio": 20, "file": 20}
SETTLED = frozenset({"stored", "refused"})
ACTOR = "system"


Notify = Callable[[Tip, MediaItem], None]


def utcnow() -> datetime:
    return datetime.now(UTC)


class MediaTips(Protocol):
    """What the media function needs of :class:`anninh.tips.ports.TipRepository`."""

    def get(self, tip_id: str) -> Tip | None: ...
    def set_media(self, tip_id: str, item: MediaItem, at: datetime) -> None: ...
    def audit(self, entry: AuditEntry) -> None: ...


@dataclass(frozen=True)
class MediaSettings:
    bucket: str
    kms_key_id: str
    caps_mb: Mapping[str, int]
    max_receive_count: int
    sources: SourcePolicy
    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    download_seconds: float = 40.0

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> MediaSettings:
        env = environment() if env is None else env
        return cls(
            bucket=require(env, "MEDIA_BUCKET"),
            kms_key_id=require(env, "MEDIA_KMS_KEY_ARN"),
            caps_mb={
                kind: whole_number(env, f"MEDIA_MAX_{kind.upper()}_MB", default)
                for kind, default in DEFAULT_CAPS_MB.items()
            },
            max_receive_count=whole_number(env, "MEDIA_MAX_RECEIVE_COUNT", 3),
            sources=_sources(env),
            download_seconds=whole_number(env, "MEDIA_DOWNLOAD_SECONDS", 40),
        )

    def policy(self, kind: str) -> DownloadPolicy:
        return DownloadPolicy(
            max_bytes=self.caps_mb[kind] * MB,
            connect_timeout=self.connect_timeout,
            read_timeout=self.read_timeout,
            total_seconds=self.download_seconds,
        )


def _sources(env: Mapping[str, str]) -> SourcePolicy:
    """The allowed attachment sources: https only and public addresses only, except on the local stack."""
    try:
        return SourcePolicy.from_setting(require(env, "MEDIA_SOURCE_PREFIXES"), local=is_local_stage(env))
    except ValueError as exc:
        raise ConfigError(f"MEDIA_SOURCE_PREFIXES: {exc}") from exc


def refusal_text(kind: str, refusal: MediaRefused, caps_mb: Mapping[str, int]) -> str:
    label = texts.MEDIA_KIND[kind]
    if refusal.reason == "too_large":
        return texts.MEDIA_REFUSED_TOO_LARGE.format(kind=label, limit_mb=caps_mb[kind])
    if refusal.reason == "empty":
        return texts.MEDIA_REFUSED_EMPTY.format(kind=label)
    if refusal.reason == "source":
        return texts.MEDIA_REFUSED_SOURCE.format(kind=label)
    return texts.MEDIA_REFUSED_TYPE.format(kind=label)


def _label(exc: BaseException) -> str:
    """A content-free description of a failure for the audit trail and logs (no URL, no body)."""
    if isinstance(exc, MediaUnavailable | MediaGone):
        return f"{type(exc).__name__}: {exc}"[:120]
    return type(exc).__name__


class MediaService:
    def __init__(
        self,
        tips: MediaTips,
        store: MediaStore,
        session: requests.Session,
        settings: MediaSettings,
        clock: Callable[[], datetime] = utcnow,
        notify: Notify | None = None,
        resolve: Resolver = system_resolver,
    ) -> None:
        self.tips = tips
        self.store = store
        self.session = session
        self.settings = settings
        self.clock = clock
        self.notify = notify
        self.resolve = resolve

    def process(self, job: MediaJob, receive_count: int) -> str:
        """Handle one delivery of ``job`` (its ``receive_count``-th); returns the outcome's name."""
        tip = self.tips.get(job.tip_id)
        if tip is None:
            logger.warning("media job for an unknown tip dropped", extra={"tip_id": job.tip_id})
            return "no_tip"
        current = next((m for m in tip.media if m.media_id == job.media_id), None)
        if current is not None and current.status in SETTLED:
            return f"already_{current.status}"
        item = current or MediaItem(media_id=job.media_id, kind=job.kind, source_url=job.source_url)
        try:
            return self._fetch_and_store(job, item)
        except MediaRefused as refusal:
            refused = replace(
                item, status="refused", error=refusal_text(job.kind, refusal, self.settings.caps_mb)
            )
            self._record(job, refused, f"{job.media_id} refused: {refusal}")
            self._tell_reporter(tip, refused)
            return "refused"
        except MediaGone as gone:
            gone_text = texts.MEDIA_GONE.format(kind=texts.MEDIA_KIND[job.kind])
            failed = replace(item, status="failed", error=gone_text)
            self._record(job, failed, f"{job.media_id} failed: {_label(gone)}")
            self._tell_reporter(tip, failed)
            return "gone"
        except Exception as exc:
            if receive_count >= self.settings.max_receive_count:
                kind = texts.MEDIA_KIND[job.kind]
                failed_text = texts.MEDIA_FAILED.format(kind=kind, attempts=receive_count)
                failed = replace(item, status="failed", error=failed_text)
                self._record(
                    job, failed, f"{job.media_id} failed after {receive_count} attempts: {_label(exc)}"
                )
                self._tell_reporter(tip, failed)
            raise

    def _fetch_and_store(self, job: MediaJob, item: MediaItem) -> str:
        policy = self.settings.policy(job.kind)
        with fetch_media(
            self.session,
            job.source_url,
            job.kind,
            policy,
            job.declared_size,
            sources=self.settings.sources,
            resolve=self.resolve,
        ) as media:
            key = media_key(job.tip_id, job.media_id, media.sniffed.extension)
            self.store.put(key, media.file, media.sniffed.content_type, media.sha256)
            stored = replace(
                item,
                status="stored",
                s3_key=key,
                content_type=media.sniffed.content_type,
                size=media.size,
                sha256=media.sha256,
                error=None,
            )
        detail = f"{job.media_id} stored: {stored.content_type}, {stored.size} B, sha256 {stored.sha256}"
        self._record(job, stored, detail)
        return "stored"

    def _tell_reporter(self, tip: Tip, item: MediaItem) -> None:
        if self.notify is None:
            return
        try:
            self.notify(tip, item)
        except Exception as exc:  # the mark on the tip is what counts; see the module docstring
            count("MediaNoticeFailed", error=type(exc).__name__)
            logger.warning(
                "reporter not told about an attachment not kept",
                extra={"tip_id": tip.tip_id, "media_id": item.media_id, "error": _label(exc)},
            )

    def _record(self, job: MediaJob, item: MediaItem, detail: str) -> None:
        at = self.clock()
        self.tips.set_media(job.tip_id, item, at)
        self.tips.audit(AuditEntry(tip_id=job.tip_id, at=at, action="media", actor=ACTOR, detail=detail))
        count("MediaOutcomes", outcome=item.status, kind=job.kind)
