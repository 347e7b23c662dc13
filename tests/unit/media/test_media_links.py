"""Presigned links for officers: at most 10 minutes, SigV4 only."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import boto3
import pytest
from anninh.tips.media_links import MAX_LINK_SECONDS, link_client, presigned_url

REGION = "ap-southeast-1"


@pytest.fixture(autouse=True)
def credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "t")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "t")


def _expires(url: str) -> int:
    return int(parse_qs(urlsplit(url).query)["X-Amz-Expires"][0])


@pytest.mark.parametrize(("asked", "granted"), [(60, 60), (600, 600), (601, 600), (7 * 24 * 3600, 600)])
def test_validity_is_capped_at_ten_minutes(asked: int, granted: int) -> None:
    url = presigned_url(link_client(REGION), "media-bucket", "tips/t1/m00.jpg", asked)
    assert _expires(url) == granted <= MAX_LINK_SECONDS
    assert "/tips/t1/m00.jpg" in url


def test_the_default_is_the_maximum() -> None:
    assert _expires(presigned_url(link_client(REGION), "media-bucket", "tips/t1/m00.jpg")) == 600


@pytest.mark.parametrize("asked", [0, -5])
def test_a_non_positive_validity_is_refused(asked: int) -> None:
    with pytest.raises(ValueError, match="at least one second"):
        presigned_url(link_client(REGION), "media-bucket", "tips/t1/m00.jpg", asked)


def test_a_media_without_key_has_no_link() -> None:
    with pytest.raises(ValueError, match="not been stored"):
        presigned_url(link_client(REGION), "media-bucket", "", 60)


def test_a_legacy_signing_client_is_refused() -> None:
    legacy = boto3.client("s3", region_name=REGION)  # boto3's default presigns with SigV2 (no KMS objects)
    with pytest.raises(ValueError, match="SigV4"):
        presigned_url(legacy, "media-bucket", "tips/t1/m00.jpg", 60)
