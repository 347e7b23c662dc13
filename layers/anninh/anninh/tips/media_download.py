"""Download one tip attachment from Zalo's CDN: streamed, capped, timed, hashed and sniffed on the way.

Nothing larger than the cap is ever held: a declared size or a ``Content-Length`` over the cap is refused
before the body is read, and the stream is abandoned as soon as it passes the cap. The body goes to a spooled
temporary file (memory up to 8 MiB, then ``/tmp``) while its SHA-256 is computed; the type is sniffed from the
first bytes and checked against the kind as soon as they have arrived, so a disallowed file is refused
without reading the rest.

Only Zalo's CDN is fetched (:mod:`anninh.tips.media_source`): the URL and every redirect target are
checked against the allow-list and resolved to public addresses, redirects are followed here one hop at a
time (never by ``requests``), and each connection goes to the address that was checked.

Outcomes are exceptions the caller maps to the tip: :class:`MediaRefused` (too large, wrong type, empty,
a source that is not Zalo's CDN: never retried), :class:`MediaGone` (the CDN answered a definitive 4xx,
e.g. an expired link: not retried) and :class:`MediaUnavailable` (timeout, connection error, 5xx, 429,
too slow: retried through SQS).
"""

from __future__ import annotations

import hashlib
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, Any
from urllib.parse import urljoin

import requests
from requests.adapters import HTTPAdapter

from anninh.tips.media_source import (
    CheckedSource,
    Resolver,
    SourcePolicy,
    SourceRefused,
    SourceUnresolved,
    check_source,
    system_resolver,
)
from anninh.tips.media_types import SNIFF_BYTES, SniffedType, allowed, sniff

MEMORY_SPOOL_BYTES = 8 * 1024 * 1024
# Worth another try later: the CDN is busy or briefly failing.
RETRYABLE_STATUS = frozenset({408, 425, 429})
REDIRECT_STATUS = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 5


class MediaRefused(Exception):
    """The attachment will not be kept, whatever the retries: ``reason`` is too_large, type, empty or
    source (not from Zalo's CDN: the allow-list, a private address, a forbidden redirect)."""

    def __init__(self, reason: str, *, limit_bytes: int | None = None, content_type: str | None = None):
        super().__init__(reason if content_type is None else f"{reason}: {content_type}")
        self.reason = reason
        self.limit_bytes = limit_bytes
        self.content_type = content_type


class MediaGone(Exception):
    """The CDN refuses the URL for good (4xx such as 403/404: the link expired or was withdrawn)."""


class MediaUnavailable(Exception):
    """A transient failure (timeout, connection, 5xx, throttling, too slow): raise so SQS retries."""


@dataclass(frozen=True)
class DownloadPolicy:
    max_bytes: int
    connect_timeout: float = 5.0
    read_timeout: float = 15.0  # between two reads, not for the whole body
    total_seconds: float = 40.0  # the whole body; leaves the rest of the 60 s function for the upload
    chunk_bytes: int = 64 * 1024


@dataclass
class DownloadedMedia:
    """A complete download, positioned at its start for the upload. Close it (or use ``with``)."""

    file: IO[bytes]
    size: int
    sha256: str
    sniffed: SniffedType

    def close(self) -> None:
        self.file.close()

    def __enter__(self) -> DownloadedMedia:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _content_length(response: requests.Response) -> int | None:
    raw = response.headers.get("Content-Length", "").strip()
    return int(raw) if raw.isdigit() else None


class _PinnedAdapter(HTTPAdapter):
    """Connects to the checked address while TLS (server name, certificate) checks the host name."""

    def __init__(self, host: str) -> None:
        self._host = host
        super().__init__(max_retries=0)

    def build_connection_pool_key_attributes(
        self, request: requests.PreparedRequest, verify: bool | str, cert: Any = None
    ) -> tuple[Any, Any]:
        host_params, pool_kwargs = super().build_connection_pool_key_attributes(request, verify, cert)
        kwargs: dict[str, Any] = dict(pool_kwargs)
        if host_params.get("scheme") == "https":
            kwargs["server_hostname"] = self._host
            kwargs["assert_hostname"] = self._host
        return host_params, kwargs


def _get(
    session: requests.Session, url: str, policy: DownloadPolicy, checked: CheckedSource | None
) -> tuple[requests.Response, HTTPAdapter | None]:
    # The cap counts the bytes stored; a compressed transfer would only hide their number.
    headers = {"Accept-Encoding": "identity"}
    timeout = (policy.connect_timeout, policy.read_timeout)
    if checked is None:
        return session.get(url, stream=True, timeout=timeout, headers=headers, allow_redirects=False), None
    adapter = _PinnedAdapter(checked.host)
    request = session.prepare_request(
        requests.Request("GET", checked.pinned_url, headers={**headers, "Host": checked.host_header})
    )
    try:
        return adapter.send(request, stream=True, timeout=timeout, proxies={}), adapter
    except BaseException:
        adapter.close()
        raise


def _open(
    session: requests.Session,
    url: str,
    policy: DownloadPolicy,
    sources: SourcePolicy | None,
    resolve: Resolver,
) -> tuple[requests.Response, HTTPAdapter | None]:
    """The first answer that is not a redirect; each hop checked against ``sources`` before it is made."""
    hops = sources.max_redirects if sources is not None else MAX_REDIRECTS
    for _ in range(hops + 1):
        try:
            checked = check_source(url, sources, resolve) if sources is not None else None
        except SourceRefused as exc:
            raise MediaRefused("source", content_type=exc.reason) from exc
        except SourceUnresolved as exc:
            raise MediaUnavailable("DNS resolution failed") from exc
        try:
            response, adapter = _get(session, url, policy, checked)
        except requests.RequestException as exc:  # timeouts, refused or reset connections, TLS errors
            raise MediaUnavailable(type(exc).__name__) from exc
        location = response.headers.get("Location")
        if response.status_code not in REDIRECT_STATUS or not location:
            return response, adapter
        response.close()
        if adapter is not None:
            adapter.close()
        url = urljoin(url, location)
    raise MediaGone("too many redirects")


def fetch_media(
    session: requests.Session,
    url: str,
    kind: str,
    policy: DownloadPolicy,
    declared_size: int | None = None,
    clock: Callable[[], float] = time.monotonic,
    sources: SourcePolicy | None = None,
    resolve: Resolver = system_resolver,
) -> DownloadedMedia:
    """Download ``url`` as an attachment of ``kind`` under ``policy``; raises one of the outcome errors.

    ``sources``: the allowed sources (the media service always passes the template's); ``None`` only in
    tests of the download mechanics themselves. ``resolve``: host name → addresses (tests inject one)."""
    if declared_size is not None and declared_size > policy.max_bytes:
        raise MediaRefused("too_large", limit_bytes=policy.max_bytes)
    deadline = clock() + policy.total_seconds
    response, adapter = _open(session, url, policy, sources, resolve)
    try:
        return _read(response, kind, policy, deadline, clock)
    finally:
        if adapter is not None:
            adapter.close()


def _read(
    response: requests.Response,
    kind: str,
    policy: DownloadPolicy,
    deadline: float,
    clock: Callable[[], float],
) -> DownloadedMedia:
    with response:
        _check_status(response.status_code)
        length = _content_length(response)
        if length is not None and length > policy.max_bytes:
            raise MediaRefused("too_large", limit_bytes=policy.max_bytes)
        spool: IO[bytes] = tempfile.SpooledTemporaryFile(max_size=MEMORY_SPOOL_BYTES)  # noqa: SIM115
        try:
            return _stream(response, spool, kind, policy, deadline, clock)
        except BaseException:
            spool.close()
            raise


def _check_status(status: int) -> None:
    if status >= 500 or status in RETRYABLE_STATUS:
        raise MediaUnavailable(f"HTTP {status}")
    if status >= 400:
        raise MediaGone(f"HTTP {status}")
    if status != 200:  # 204, 206 or an unfollowed 3xx: there is no complete body to keep
        raise MediaGone(f"HTTP {status}")


def _stream(
    response: requests.Response,
    spool: IO[bytes],
    kind: str,
    policy: DownloadPolicy,
    deadline: float,
    clock: Callable[[], float],
) -> DownloadedMedia:
    digest = hashlib.sha256()
    head = bytearray()
    sniffed: SniffedType | None = None
    size = 0
    try:
        for chunk in response.iter_content(chunk_size=policy.chunk_bytes):
            if size + len(chunk) > policy.max_bytes:
                raise MediaRefused("too_large", limit_bytes=policy.max_bytes)
            if clock() > deadline:
                raise MediaUnavailable(f"download slower than {policy.total_seconds:.0f} s")
            spool.write(chunk)
            digest.update(chunk)
            size += len(chunk)
            if sniffed is None:
                head += chunk[: SNIFF_BYTES - len(head)]
                if len(head) >= SNIFF_BYTES:
                    sniffed = _checked_type(kind, bytes(head))
    except requests.RequestException as exc:  # the connection broke or stalled mid-body
        raise MediaUnavailable(type(exc).__name__) from exc
    if size == 0:
        raise MediaRefused("empty")
    if sniffed is None:
        sniffed = _checked_type(kind, bytes(head))
    spool.seek(0)
    return DownloadedMedia(file=spool, size=size, sha256=digest.hexdigest(), sniffed=sniffed)


def _checked_type(kind: str, head: bytes) -> SniffedType:
    sniffed = sniff(head)
    if not allowed(kind, sniffed.content_type):
        raise MediaRefused("type", content_type=sniffed.content_type)
    return sniffed
