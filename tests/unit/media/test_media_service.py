"""The media function's outcomes on a tip: stored, refused, gone, retried, failed on the last delivery."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import boto3
import pytest
import requests
from anninh import texts
from anninh.settings import ConfigError
from anninh.tips.media_download import MediaUnavailable
from anninh.tips.media_jobs import MediaJob
from anninh.tips.media_service import MediaService, MediaSettings
from anninh.tips.media_store import S3MediaStore
from anninh.tips.model import AuditEntry, MediaItem, Tip
from moto import mock_aws

from tests.media_cdn import MediaCdn

SAMPLES = Path(__file__).resolve().parents[3] / "infra" / "local" / "localrun" / "media"
REGION = "ap-southeast-1"
NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


class MemoryMediaTips:
    def __init__(self, *tips: Tip) -> None:
        self.tips = {t.tip_id: t for t in tips}
        self.entries: list[AuditEntry] = []

    def get(self, tip_id: str) -> Tip | None:
        return self.tips.get(tip_id)

    def set_media(self, tip_id: str, item: MediaItem, at: datetime) -> None:
        tip = self.tips[tip_id]
        others = tuple(m for m in tip.media if m.media_id != item.media_id)
        self.tips[tip_id] = replace(tip, media=(*others, item), updated_at=at)

    def audit(self, entry: AuditEntry) -> None:
        self.entries.append(entry)

    def item(self, tip_id: str, media_id: str) -> MediaItem:
        return next(m for m in self.tips[tip_id].media if m.media_id == media_id)


def _tip(*media: MediaItem) -> Tip:
    return Tip(
        tip_id="1763884800000-HN-7KQ2M",
        unit_id="ca-hn",
        code="HN-7KQ2M",
        category="trom_cap",
        description="Mất xe máy trước cổng chợ",
        privacy="anonymous",
        reporter_key="k",
        reporter_oa_id="oa",
        reporter_user_id="u",
        created_at=NOW,
        updated_at=NOW,
        media=media,
    )


@pytest.fixture
def aws(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)
    for key, value in {
        "AWS_ACCESS_KEY_ID": "t",
        "AWS_SECRET_ACCESS_KEY": "t",
        "AWS_DEFAULT_REGION": REGION,
    }.items():
        monkeypatch.setenv(key, value)
    with mock_aws():
        s3 = boto3.client("s3", region_name=REGION)
        key_arn = boto3.client("kms", region_name=REGION).create_key()["KeyMetadata"]["Arn"]
        s3.create_bucket(Bucket="media", CreateBucketConfiguration={"LocationConstraint": REGION})
        yield s3, key_arn


@pytest.fixture
def world(aws, cdn: tuple[MediaCdn, str]):
    s3, key_arn = aws
    server, base = cdn
    settings = MediaSettings.from_env(
        {
            "MEDIA_BUCKET": "media",
            "MEDIA_KMS_KEY_ARN": key_arn,
            "MEDIA_MAX_IMAGE_MB": "1",
            "MEDIA_SOURCE_PREFIXES": f"{base}/",
            "STAGE": "local",
        }
    )
    tips = MemoryMediaTips(_tip(MediaItem("m00", "image", f"{base}/f/photo")))
    service = MediaService(
        tips, S3MediaStore(s3, "media", key_arn), requests.Session(), settings, clock=lambda: NOW
    )
    return service, tips, s3, key_arn, server, base


def _job(base: str, name: str = "photo", kind: str = "image", media_id: str = "m00", size=None) -> MediaJob:
    return MediaJob("1763884800000-HN-7KQ2M", media_id, kind, f"{base}/f/{name}", size)


def test_a_photo_is_stored_encrypted_with_its_hash(world) -> None:
    service, tips, s3, key_arn, server, base = world
    body = (SAMPLES / "sample.jpg").read_bytes()
    server.add("photo", body, "image/jpeg")
    assert service.process(_job(base), receive_count=1) == "stored"
    item = tips.item("1763884800000-HN-7KQ2M", "m00")
    assert (item.status, item.content_type, item.size) == ("stored", "image/jpeg", len(body))
    assert item.sha256 == hashlib.sha256(body).hexdigest()
    assert item.s3_key == "tips/1763884800000-HN-7KQ2M/m00.jpg"
    head = s3.head_object(Bucket="media", Key=item.s3_key)
    assert head["ServerSideEncryption"] == "aws:kms" and head["SSEKMSKeyId"] == key_arn
    assert head["Metadata"]["sha256"] == item.sha256 and head["ContentDisposition"] == "attachment"
    assert s3.get_object(Bucket="media", Key=item.s3_key)["Body"].read() == body
    assert [(e.action, e.actor) for e in tips.entries] == [("media", "system")]
    assert item.sha256 in tips.entries[0].detail


def test_a_redelivered_job_for_a_stored_media_does_nothing(world) -> None:
    service, tips, _, _, server, base = world
    server.add("photo", (SAMPLES / "sample.png").read_bytes())
    assert service.process(_job(base), 1) == "stored"
    assert service.process(_job(base), 2) == "already_stored"
    assert server.hits == {"/f/photo": 1}
    assert len(tips.entries) == 1


def test_a_file_over_its_declared_cap_is_refused_and_the_tip_kept(world) -> None:
    service, tips, _, _, server, base = world
    job = _job(base, size=2 * 1024 * 1024)  # images are capped at 1 MB here
    assert service.process(job, 1) == "refused"
    item = tips.item(job.tip_id, "m00")
    assert item.status == "refused" and item.s3_key is None
    assert item.error == "Ảnh quá lớn (tối đa 1 MB), không lưu được; tin báo vẫn được giữ."
    assert server.hits == {}
    assert service.process(job, 2) == "already_refused"


def test_a_pdf_sent_as_a_photo_is_refused(world) -> None:
    service, tips, _, _, server, base = world
    server.add("photo", (SAMPLES / "sample.pdf").read_bytes(), "image/jpeg")
    assert service.process(_job(base), 1) == "refused"
    assert tips.item("1763884800000-HN-7KQ2M", "m00").error == texts.MEDIA_REFUSED_TYPE.format(kind="Ảnh")
    assert "application/pdf" in tips.entries[0].detail


def test_an_expired_link_fails_at_once(world) -> None:
    service, tips, _, _, _, base = world
    assert service.process(_job(base, name="gone"), 1) == "gone"
    item = tips.item("1763884800000-HN-7KQ2M", "m00")
    assert item.status == "failed" and item.error == texts.MEDIA_GONE.format(kind="Ảnh")


def test_transient_failures_raise_and_the_last_delivery_marks_the_media_failed(world) -> None:
    service, tips, _, _, server, base = world
    server.add("photo", (SAMPLES / "sample.jpg").read_bytes())
    server.fail_next("photo", 3)
    for attempt in (1, 2):
        with pytest.raises(MediaUnavailable):
            service.process(_job(base), attempt)
        assert tips.item("1763884800000-HN-7KQ2M", "m00").status == "pending"
    with pytest.raises(MediaUnavailable):
        service.process(_job(base), 3)
    item = tips.item("1763884800000-HN-7KQ2M", "m00")
    assert item.status == "failed"
    assert (
        item.error
        == "Ảnh không tải được từ Zalo sau 3 lần thử; tin báo vẫn được giữ, có thể gửi bổ sung sau."
    )
    assert "failed after 3 attempts: MediaUnavailable: HTTP 503" in tips.entries[-1].detail
    # Redriven from the DLQ once the CDN is back: a failed media is tried again.
    assert service.process(_job(base), 1) == "stored"
    assert tips.item("1763884800000-HN-7KQ2M", "m00").status == "stored"


def test_an_s3_outage_is_retried_like_any_transient_failure(world) -> None:
    service, tips, s3, _, server, base = world
    server.add("photo", (SAMPLES / "sample.jpg").read_bytes())
    s3.delete_bucket(Bucket="media")
    with pytest.raises(Exception, match="NoSuchBucket"):
        service.process(_job(base), 1)
    assert tips.item("1763884800000-HN-7KQ2M", "m00").status == "pending"


def test_media_added_later_is_recorded_even_if_the_tip_did_not_list_it(world) -> None:
    service, tips, _, _, server, base = world
    server.add("voice", (SAMPLES / "sample.m4a").read_bytes())
    assert service.process(_job(base, name="voice", kind="audio", media_id="m01"), 1) == "stored"
    assert tips.item("1763884800000-HN-7KQ2M", "m01").content_type == "audio/mp4"


def test_a_job_for_an_unknown_tip_changes_nothing(world) -> None:
    service, tips, _, _, server, base = world
    job = MediaJob("0000-none", "m00", "image", f"{base}/f/photo")
    assert service.process(job, 1) == "no_tip"
    assert tips.entries == [] and server.hits == {}


def test_settings_defaults_and_bad_values() -> None:
    settings = MediaSettings.from_env(
        {"MEDIA_BUCKET": "b", "MEDIA_KMS_KEY_ARN": "arn:k", "MEDIA_SOURCE_PREFIXES": "https://*.zdn.vn/"}
    )
    assert dict(settings.caps_mb) == {"image": 10, "video": 100, "audio": 20, "file": 20}
    assert settings.max_receive_count == 3
    assert settings.policy("video").max_bytes == 100 * 1024 * 1024
    with pytest.raises(ConfigError, match="MEDIA_MAX_VIDEO_MB"):
        MediaSettings.from_env(
            {
                "MEDIA_BUCKET": "b",
                "MEDIA_KMS_KEY_ARN": "k",
                "MEDIA_MAX_VIDEO_MB": "0",
                "MEDIA_SOURCE_PREFIXES": "https://a/",
            }
        )
    with pytest.raises(ConfigError, match="MEDIA_BUCKET"):
        MediaSettings.from_env({"MEDIA_KMS_KEY_ARN": "k"})


def test_the_reporter_is_told_when_an_attachment_is_not_kept_and_only_then(world) -> None:
    service, _, _, _, server, base = world
    told: list[tuple[str, str, str | None]] = []
    service.notify = lambda tip, item: told.append((tip.code, item.status, item.error))
    assert service.process(_job(base, size=2 * 1024 * 1024), 1) == "refused"
    assert told == [("HN-7KQ2M", "refused", texts.MEDIA_REFUSED_TOO_LARGE.format(kind="Ảnh", limit_mb=1))]
    assert service.process(_job(base, size=2 * 1024 * 1024), 2) == "already_refused"
    assert service.process(_job(base, name="gone", media_id="m01"), 1) == "gone"
    assert told[-1] == ("HN-7KQ2M", "failed", texts.MEDIA_GONE.format(kind="Ảnh"))
    server.add("flaky", (SAMPLES / "sample.jpg").read_bytes())
    server.fail_next("flaky", 2)
    with pytest.raises(MediaUnavailable):
        service.process(_job(base, name="flaky", media_id="m02"), 1)
    assert len(told) == 2  # a retry is coming: nothing said yet
    with pytest.raises(MediaUnavailable):
        service.process(_job(base, name="flaky", media_id="m02"), 3)
    assert told[-1][1] == "failed" and "sau 3 lần thử" in str(told[-1][2])
    server.add("photo", (SAMPLES / "sample.jpg").read_bytes())
    assert service.process(_job(base, media_id="m03"), 1) == "stored"
    assert len(told) == 3


def test_a_notice_that_cannot_be_sent_does_not_undo_the_mark(world) -> None:
    service, tips, _, _, _, base = world

    def broken(tip, item):
        raise ConnectionError("Zalo unreachable")

    service.notify = broken
    assert service.process(_job(base, size=2 * 1024 * 1024), 1) == "refused"
    assert tips.item("1763884800000-HN-7KQ2M", "m00").status == "refused"
