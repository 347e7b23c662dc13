"""Fixtures for the media pipeline's unit tests: a local CDN over real HTTP."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from localrun.fake_zalo import serve_in_thread

from tests.media_cdn import MediaCdn


@pytest.fixture(scope="module")
def served_cdn() -> Iterator[tuple[MediaCdn, str]]:
    cdn = MediaCdn()
    base_url, stop = serve_in_thread(cdn)
    yield cdn, base_url
    stop()


@pytest.fixture
def cdn(served_cdn: tuple[MediaCdn, str]) -> tuple[MediaCdn, str]:
    cdn, base_url = served_cdn
    cdn.failures.clear()
    cdn.hits.clear()
    cdn.sent.clear()
    return cdn, base_url
