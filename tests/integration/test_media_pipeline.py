"""Tip media on moto from template.yaml: the media queue and function, S3 (SSE-KMS) and the tip's record.

The jobs go through the real queue and the template's redrive policy (the SQS poller honours partial batch
failures, visibility and the DLQ); sources are FakeZalo's sample media and a local CDN that fails on demand
or declares 200 MB, both over real HTTP.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import boto3
import pytest
import requests
from anninh import texts
from anninh.settings import TableNames
from anninh.store.models import bind_tables
from anninh.store.tips import DynamoTipRepository
from anninh.tips.media_jobs import MediaJob, SqsMediaJobQueue, enqueue_media
from anninh.tips.media_links import link_client, presigned_url
from anninh.tips.model import MediaItem, Tip
from localrun import environ
from localrun.fake_zalo import serve_in_thread

from tests.media_cdn import HUGE_BYTES, MediaCdn

REGION = "ap-southeast-1"
UNIT = "xa-binh-an"
TIP_ID = "1763884800000-BA-7KQ2M"
SAMPLES = Path(__file__).resolve().parents[2] / "infra" / "local" / "localrun" / "media"
MB = 1024 * 1024


@pytest.fixture(scope="module")
def served_cdn() -> Iterator[tuple[MediaCdn, str]]:
    cdn = MediaCdn()
    base_url, stop = serve_in_thread(cdn)
    yield cdn, base_url
    stop()


@pytest.fixture
def media(stack, served_cdn):
    """The stack with one tip holding the given pending media, and a way to queue jobs and read it back."""
    cdn, base_url = served_cdn
    cdn.failures.clear()
    cdn.hits.clear()
    cdn.sent.clear()
    function = stack.functions["MediaFunction"]
    # This test's CDN is a source too (the template allows only the fake Zalo's locally).
    function.environment["MEDIA_SOURCE_PREFIXES"] += f",{base_url}/"
    env = function.runtime_environment
    with environ.overlay(env):
        bind_tables(TableNames.from_env())
    return MediaWorld(stack, cdn, base_url, env)


class MediaWorld:
    def __init__(self, stack, cdn: MediaCdn, cdn_url: str, env: dict[str, str]) -> None:
        self.stack, self.cdn, self.cdn_url, self.env = stack, cdn, cdn_url, env
        self.tips = DynamoTipRepository()
        self.queue = SqsMediaJobQueue(env["MEDIA_QUEUE_URL"], client=stack.sqs)
        self.s3 = boto3.client("s3", region_name=REGION)
        self.bucket = env["MEDIA_BUCKET"]

    def create_tip(self, *media: MediaItem) -> Tip:
        now = datetime.now(UTC)
        tip = Tip(
            tip_id=TIP_ID,
            unit_id=UNIT,
            code="BA-7KQ2M",
            category="ma_tuy",
            description="Có người tụ tập sử dụng ma túy ở bãi đất trống cuối hẻm",
            privacy="anonymous",
            reporter_key="reporter-hash",
            reporter_oa_id=self.stack.units[UNIT].oa_id,
            reporter_user_id="8765432109876543210",
            created_at=now,
            updated_at=now,
            media=media,
        )
        with environ.overlay(self.stack.functions["WorkerFunction"].runtime_environment):
            assert self.tips.create(tip)  # as the worker files it: the reporter address sealed
        for item in media:
            enqueue_media(self.queue, tip.tip_id, item)
        return tip

    def drain(self, rounds: int = 12) -> int:
        return self.stack.drain(rounds=rounds, source=self.stack.media_source())

    def item(self, media_id: str) -> MediaItem:
        tip = self.tips.get(TIP_ID)
        assert tip is not None, "the tip must be kept whatever happens to its media"
        return next(m for m in tip.media if m.media_id == media_id)

    def media_history(self) -> list[str]:
        return [e.detail for e in self.tips.history(TIP_ID) if e.action == "media" and e.actor == "system"]

    def objects(self) -> list[str]:
        return [o["Key"] for o in self.s3.list_objects_v2(Bucket=self.bucket).get("Contents", [])]


def test_a_photo_from_zalo_is_stored_encrypted_with_size_type_and_hash(media) -> None:
    url = media.stack.zalo.media_url(media.stack.zalo_url, "sample.jpg")
    media.create_tip(MediaItem("m00", "image", url), MediaItem("m01", "file", url.replace(".jpg", ".pdf")))
    assert media.drain() == 2
    photo, document = media.item("m00"), media.item("m01")
    body = (SAMPLES / "sample.jpg").read_bytes()
    assert (photo.status, photo.content_type, photo.size) == ("stored", "image/jpeg", len(body))
    assert photo.sha256 == hashlib.sha256(body).hexdigest()
    assert (document.status, document.content_type) == ("stored", "application/pdf")
    assert sorted(media.objects()) == [f"tips/{TIP_ID}/m00.jpg", f"tips/{TIP_ID}/m01.pdf"]
    head = media.s3.head_object(Bucket=media.bucket, Key=photo.s3_key)
    data_key = media.stack.arn("DataKey")
    assert head["ServerSideEncryption"] == "aws:kms" and head["SSEKMSKeyId"] == data_key
    assert len(media.media_history()) == 2
    assert media.stack.queue_depth("MediaQueue") == 0 and media.stack.queue_depth("MediaDeadLetterQueue") == 0

    # An officer's link: SigV4, at most 10 minutes even when a day is asked, and it serves the same bytes.
    with environ.overlay(media.env):
        link = presigned_url(link_client(REGION), media.bucket, photo.s3_key, 24 * 3600)
    assert int(parse_qs(urlsplit(link).query)["X-Amz-Expires"][0]) <= 600
    assert hashlib.sha256(requests.get(link, timeout=5).content).hexdigest() == photo.sha256


def test_a_download_that_fails_twice_then_succeeds_is_stored_once(media) -> None:
    video = (SAMPLES / "sample.mp4").read_bytes()
    media.cdn.add("clip.mp4", video, "video/mp4")
    media.cdn.fail_next("clip.mp4", 2, status=503)
    media.create_tip(MediaItem("m00", "video", f"{media.cdn_url}/f/clip.mp4"))
    assert media.drain() == 3  # two failed deliveries, then the one that stores it
    item = media.item("m00")
    assert (item.status, item.content_type, item.size) == ("stored", "video/mp4", len(video))
    assert media.cdn.hits["/f/clip.mp4"] == 3
    assert media.objects() == [f"tips/{TIP_ID}/m00.mp4"]
    assert len(media.media_history()) == 1
    assert media.stack.queue_depth("MediaDeadLetterQueue") == 0


def test_a_200_mb_video_is_refused_with_a_clear_message_and_the_tip_kept(media) -> None:
    media.create_tip(MediaItem("m00", "video", f"{media.cdn_url}/huge"))
    assert media.drain() == 1  # refused once for good: not retried, not parked
    item = media.item("m00")
    assert item.status == "refused" and item.s3_key is None
    assert item.error == "Video quá lớn (tối đa 100 MB), không lưu được; tin báo vẫn được giữ."
    assert media.tips.get(TIP_ID).status == "moi"
    assert media.cdn.sent["huge"] < 16 * MB < HUGE_BYTES  # the body was never read
    assert media.objects() == []
    assert media.stack.queue_depth("MediaQueue") == 0 and media.stack.queue_depth("MediaDeadLetterQueue") == 0


def test_a_job_failing_on_every_delivery_lands_in_the_dlq_and_the_tip_shows_it(media) -> None:
    media.cdn.add("voice.m4a", (SAMPLES / "sample.m4a").read_bytes())
    media.cdn.fail_next("voice.m4a", 10, status=502)
    media.create_tip(MediaItem("m00", "audio", f"{media.cdn_url}/f/voice.m4a"))
    media.drain()
    max_receives = int(media.env["MEDIA_MAX_RECEIVE_COUNT"])
    assert media.cdn.hits["/f/voice.m4a"] == max_receives == 3
    item = media.item("m00")
    assert item.status == "failed"
    assert item.error == texts.MEDIA_FAILED.format(kind="Ghi âm", attempts=3)
    assert media.stack.queue_depth("MediaQueue") == 0
    parked = media.stack.sqs.receive_message(QueueUrl=media.stack.url("MediaDeadLetterQueue"))["Messages"]
    assert [MediaJob.from_json(m["Body"]).media_id for m in parked] == ["m00"]
    assert media.media_history() == ["m00 failed after 3 attempts: MediaUnavailable: HTTP 502"]


def test_the_template_wires_the_bucket_and_queue(media) -> None:
    encryption = media.s3.get_bucket_encryption(Bucket=media.bucket)["ServerSideEncryptionConfiguration"]
    rule = encryption["Rules"][0]
    assert rule["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"] == "aws:kms"
    assert rule["BucketKeyEnabled"] is True
    block = media.s3.get_public_access_block(Bucket=media.bucket)["PublicAccessBlockConfiguration"]
    assert all(block.values()) and len(block) == 4
    attributes = media.stack.sqs.get_queue_attributes(
        QueueUrl=media.stack.url("MediaQueue"), AttributeNames=["All"]
    )["Attributes"]
    assert int(attributes["VisibilityTimeout"]) == 6 * media.stack.functions["MediaFunction"].timeout
    # The worker (tip intake) sees the queue and bucket through Globals.
    worker_env = media.stack.functions["WorkerFunction"].runtime_environment
    assert worker_env["MEDIA_QUEUE_URL"] == media.stack.url("MediaQueue")
    assert worker_env["MEDIA_BUCKET"] == media.bucket
