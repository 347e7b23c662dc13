"""The media job contract between the tip intake and the media function."""

from __future__ import annotations

import json

import boto3
import pytest
from anninh.tips.media_jobs import (
    InvalidMediaJob,
    MediaJob,
    MediaQueueUnavailable,
    SqsMediaJobQueue,
    enqueue_media,
)
from anninh.tips.model import MediaItem
from moto import mock_aws

REGION = "ap-southeast-1"


def _with_size(size: object) -> str:
    return json.dumps(
        {"tip_id": "t", "media_id": "m", "kind": "file", "source_url": "http://c/x", "declared_size": size}
    )


def test_round_trip_keeps_every_field() -> None:
    job = MediaJob("1732-HN-7KQ2M", "m00", "file", "https://dlfl.zdn.vn/a/b.pdf", declared_size=1234)
    body = json.loads(job.to_json())
    assert body == {
        "tip_id": "1732-HN-7KQ2M",
        "media_id": "m00",
        "kind": "file",
        "source_url": "https://dlfl.zdn.vn/a/b.pdf",
        "declared_size": 1234,
    }
    assert MediaJob.from_json(job.to_json()) == job
    assert job.key == "1732-HN-7KQ2M:m00"


def test_declared_size_is_optional() -> None:
    body = '{"tip_id": "t1", "media_id": "m01", "kind": "image", "source_url": "http://cdn/x.jpg"}'
    assert MediaJob.from_json(body).declared_size is None


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("not json", "not JSON"),
        ("[1, 2]", "JSON object"),
        ('{"tip_id": "t", "media_id": "m", "kind": "image"}', "missing fields"),
        ('{"tip_id": "t", "media_id": "m", "kind": "image", "source_url": "http://c/x", "x": 1}', "unknown"),
        ('{"tip_id": "../t", "media_id": "m", "kind": "image", "source_url": "http://c/x"}', "tip_id"),
        ('{"tip_id": "t", "media_id": "a/b", "kind": "image", "source_url": "http://c/x"}', "media_id"),
        ('{"tip_id": "t", "media_id": "m", "kind": "sticker", "source_url": "http://c/x"}', "kind"),
        ('{"tip_id": "t", "media_id": "m", "kind": "image", "source_url": "file:///etc/passwd"}', "http"),
        ('{"tip_id": "t", "media_id": "m", "kind": "image", "source_url": "http:///x"}', "host"),
        (_with_size(-1), "declared_size"),
        (_with_size("9"), "declared_size"),
        (_with_size(True), "declared_size"),
    ],
)
def test_bad_jobs_are_refused_with_a_clear_error(body: str, message: str) -> None:
    with pytest.raises(InvalidMediaJob, match=message):
        MediaJob.from_json(body)


@pytest.fixture
def sqs(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)
    for key, value in {
        "AWS_ACCESS_KEY_ID": "t",
        "AWS_SECRET_ACCESS_KEY": "t",
        "AWS_DEFAULT_REGION": REGION,
    }.items():
        monkeypatch.setenv(key, value)
    with mock_aws():
        yield boto3.client("sqs", region_name=REGION)


def test_enqueue_sends_the_pending_item_to_the_queue(sqs) -> None:
    url = sqs.create_queue(QueueName="media")["QueueUrl"]
    queue = SqsMediaJobQueue.from_env({"MEDIA_QUEUE_URL": url}, client=sqs)
    item = MediaItem(media_id="m00", kind="video", source_url="https://video.zdn.vn/v.mp4")
    sent = enqueue_media(queue, "t1", item)
    messages = sqs.receive_message(QueueUrl=url)["Messages"]
    assert [MediaJob.from_json(m["Body"]) for m in messages] == [sent]
    assert sent == MediaJob("t1", "m00", "video", "https://video.zdn.vn/v.mp4", None)


def test_a_missing_queue_is_reported_as_unavailable(sqs) -> None:
    queue = SqsMediaJobQueue(f"https://sqs.{REGION}.amazonaws.com/123456789012/nope", client=sqs)
    with pytest.raises(MediaQueueUnavailable):
        queue.send(MediaJob("t1", "m00", "image", "https://cdn/x.jpg"))
