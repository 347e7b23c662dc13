"""A small CDN (WSGI, served over real HTTP) for the media download tests.

``/f/<name>`` serves a registered body (``fail_next`` makes the next N requests answer an error first);
``/huge`` declares a 200 MB ``Content-Length`` and ``/endless`` sends chunked data without a length, both
generated lazily while counting what was actually sent; ``/stall`` waits before its headers; ``/slow``
trickles its body; ``/status/<code>`` answers that status.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator
from typing import Any

from werkzeug.routing import Map, Rule
from werkzeug.wrappers import Request, Response

# The start of an MP4 ("ftyp" box, isom brand): a video as far as sniffing can tell.
MP4_HEAD = b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2"
HUGE_BYTES = 200 * 1024 * 1024
CHUNK = 64 * 1024

_URLS = Map(
    [
        Rule("/f/<name>", endpoint="file"),
        Rule("/huge", endpoint="huge"),
        Rule("/endless", endpoint="endless"),
        Rule("/stall", endpoint="stall"),
        Rule("/slow", endpoint="slow"),
        Rule("/status/<int:code>", endpoint="status"),
    ]
)


class MediaCdn:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.files: dict[str, tuple[bytes, str]] = {}
        self.failures: dict[str, list[int]] = {}
        self.hits: dict[str, int] = {}
        self.sent: dict[str, int] = {}
        self.stall_seconds = 2.0

    def add(self, name: str, body: bytes, content_type: str = "application/octet-stream") -> None:
        with self._lock:
            self.files[name] = (body, content_type)

    def fail_next(self, name: str, times: int, status: int = 503) -> None:
        with self._lock:
            self.failures.setdefault(name, []).extend([status] * times)

    def url(self, base_url: str, path: str) -> str:
        return f"{base_url}{path}"

    def _count(self, key: str, sent: int) -> None:
        with self._lock:
            self.sent[key] = self.sent.get(key, 0) + sent

    def _generate(self, key: str, total: int | None) -> Iterator[bytes]:
        yield MP4_HEAD
        self._count(key, len(MP4_HEAD))
        produced = len(MP4_HEAD)
        block = bytes(CHUNK)
        while total is None or produced < total:
            size = CHUNK if total is None else min(CHUNK, total - produced)
            yield block[:size]
            produced += size
            self._count(key, size)

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        request = Request(environ)
        endpoint, args = _URLS.bind_to_environ(environ).match(request.path)
        with self._lock:
            self.hits[request.path] = self.hits.get(request.path, 0) + 1
        response: Response
        if endpoint == "file":
            with self._lock:
                pending = self.failures.get(args["name"]) or []
                failure = pending.pop(0) if pending else None
                known = self.files.get(args["name"])
            if failure is not None:
                response = Response("busy", status=failure)
            elif known is None:
                response = Response("not found", status=404)
            else:
                response = Response(known[0], mimetype=known[1])
        elif endpoint == "huge":
            response = Response(self._generate("huge", HUGE_BYTES), mimetype="video/mp4")
            response.headers["Content-Length"] = str(HUGE_BYTES)
        elif endpoint == "endless":
            response = Response(self._generate("endless", None), mimetype="video/mp4")
        elif endpoint == "stall":
            time.sleep(self.stall_seconds)
            response = Response(MP4_HEAD, mimetype="video/mp4")
        elif endpoint == "slow":
            response = Response(self._trickle(), mimetype="video/mp4")
        else:
            response = Response("status", status=args["code"])
        return response(environ, start_response)

    def _trickle(self) -> Iterator[bytes]:
        yield MP4_HEAD
        for _ in range(50):
            time.sleep(0.05)
            yield bytes(1024)
