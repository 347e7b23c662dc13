"""Streaming downloads over real HTTP: caps, timeouts, hashing and status handling."""

from __future__ import annotations

import hashlib
import socket
from pathlib import Path

import pytest
import requests
from anninh.tips.media_download import (
    DownloadPolicy,
    MediaGone,
    MediaRefused,
    MediaUnavailable,
    fetch_media,
)

from tests.media_cdn import HUGE_BYTES, MediaCdn

SAMPLES = Path(__file__).resolve().parents[3] / "infra" / "local" / "localrun" / "media"
MB = 1024 * 1024


@pytest.fixture
def session() -> requests.Session:
    return requests.Session()


def test_a_photo_is_streamed_hashed_and_sniffed(cdn: tuple[MediaCdn, str], session) -> None:
    server, base = cdn
    body = (SAMPLES / "sample.jpg").read_bytes() + bytes(100_000)  # bigger than one chunk
    server.add("photo", body, "application/octet-stream")  # the server's claim is not trusted
    with fetch_media(
        session, f"{base}/f/photo", "image", DownloadPolicy(max_bytes=MB, chunk_bytes=4096)
    ) as got:
        assert got.size == len(body)
        assert got.sha256 == hashlib.sha256(body).hexdigest()
        assert got.sniffed.content_type == "image/jpeg"
        assert got.file.read() == body


def test_a_body_of_exactly_the_cap_is_kept(cdn: tuple[MediaCdn, str], session) -> None:
    server, base = cdn
    body = (SAMPLES / "sample.pdf").read_bytes()
    server.add("exact", body)
    with fetch_media(session, f"{base}/f/exact", "file", DownloadPolicy(max_bytes=len(body))) as got:
        assert got.size == len(body)


def test_a_declared_size_over_the_cap_is_refused_without_a_request(cdn: tuple[MediaCdn, str], session):
    server, base = cdn
    with pytest.raises(MediaRefused) as refused:
        fetch_media(session, f"{base}/f/never", "file", DownloadPolicy(max_bytes=MB), declared_size=MB + 1)
    assert refused.value.reason == "too_large" and refused.value.limit_bytes == MB
    assert server.hits == {}


def test_a_200_mb_content_length_is_refused_before_the_body(cdn: tuple[MediaCdn, str], session) -> None:
    server, base = cdn
    with pytest.raises(MediaRefused) as refused:
        fetch_media(session, f"{base}/huge", "video", DownloadPolicy(max_bytes=100 * MB))
    assert refused.value.reason == "too_large"
    # The server only got as far as the socket buffers let it: nowhere near 200 MB.
    assert server.sent.get("huge", 0) < 16 * MB < HUGE_BYTES


def test_a_stream_without_length_is_abandoned_past_the_cap(cdn: tuple[MediaCdn, str], session) -> None:
    server, base = cdn
    with pytest.raises(MediaRefused) as refused:
        fetch_media(session, f"{base}/endless", "video", DownloadPolicy(max_bytes=2 * MB))
    assert refused.value.reason == "too_large"
    assert server.sent["endless"] < 2 * MB + 16 * MB


def test_a_type_not_allowed_is_refused_after_the_first_bytes(cdn: tuple[MediaCdn, str], session) -> None:
    server, base = cdn
    server.add("fake-photo", (SAMPLES / "sample.pdf").read_bytes())
    with pytest.raises(MediaRefused) as refused:
        fetch_media(session, f"{base}/f/fake-photo", "image", DownloadPolicy(max_bytes=MB))
    assert refused.value.reason == "type" and refused.value.content_type == "application/pdf"


def test_an_empty_body_is_refused(cdn: tuple[MediaCdn, str], session) -> None:
    server, base = cdn
    server.add("empty", b"")
    with pytest.raises(MediaRefused, match="empty"):
        fetch_media(session, f"{base}/f/empty", "file", DownloadPolicy(max_bytes=MB))


@pytest.mark.parametrize("status", [500, 502, 503, 429, 408])
def test_server_errors_and_throttling_are_transient(cdn: tuple[MediaCdn, str], session, status: int):
    _, base = cdn
    with pytest.raises(MediaUnavailable, match=str(status)):
        fetch_media(session, f"{base}/status/{status}", "image", DownloadPolicy(max_bytes=MB))


@pytest.mark.parametrize("status", [403, 404, 410, 204])
def test_definitive_answers_are_not_retried(cdn: tuple[MediaCdn, str], session, status: int) -> None:
    _, base = cdn
    with pytest.raises(MediaGone, match=str(status)):
        fetch_media(session, f"{base}/status/{status}", "image", DownloadPolicy(max_bytes=MB))


def test_a_stalled_server_hits_the_read_timeout(cdn: tuple[MediaCdn, str], session) -> None:
    server, base = cdn
    server.stall_seconds = 1.0
    with pytest.raises(MediaUnavailable, match="Timeout"):
        fetch_media(session, f"{base}/stall", "video", DownloadPolicy(max_bytes=MB, read_timeout=0.2))


def test_a_trickling_server_hits_the_total_budget(cdn: tuple[MediaCdn, str], session) -> None:
    _, base = cdn
    with pytest.raises(MediaUnavailable, match="slower than"):
        fetch_media(session, f"{base}/slow", "video", DownloadPolicy(max_bytes=MB, total_seconds=0.3))


def test_a_refused_connection_is_transient(session) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again: nothing listens there
    with pytest.raises(MediaUnavailable, match="ConnectionError"):
        fetch_media(session, f"http://127.0.0.1:{port}/x", "image", DownloadPolicy(max_bytes=MB))
