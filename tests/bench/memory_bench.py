"""Memory benchmark (make bench) of the tip media pipeline, as ratios against references measured in the same
run (the webhook's cold-process memory is in webhook_bench.py).

A fresh process runs the media service on one 90 MB video from a CDN served by this process
   over HTTP (streamed to a spool file, sniffed, hashed, handed to a store that reads it back in chunks), and
   reports its peak resident memory and its peak Python allocations (tracemalloc). The reference is a fresh
   process doing the naive thing, ``requests.get(url).content`` plus a SHA-256 of it. The claim under test:
   memory does not grow with the file (target: our peak growth ≤ 0.25 × the file's size).

Machines here are noisy; memory figures are steadier than times, but only the ratios of one run are compared.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for extra in (ROOT, ROOT / "infra" / "local"):  # the test CDN and the local stack's HTTP server helper
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))
VIDEO_MB = 90
RUNS = 3

CHILD_OURS = """
import hashlib, sys, tracemalloc
from datetime import UTC, datetime
import requests
from anninh.tips.media_jobs import MediaJob
from anninh.tips.media_service import MediaService, MediaSettings
from anninh.tips.model import MediaItem, Tip
from tests.memory_repositories import MemoryTips

class ChunkReadingStore:
    # Reads the spooled file back in 8 MB parts, as S3's multipart upload does.
    def put(self, key, body, content_type, sha256):
        body.seek(0)
        while body.read(8 * 1024 * 1024):
            pass

now = datetime.now(UTC)
item = MediaItem("m00", "video", sys.argv[1])
tips = MemoryTips()
tips.create(Tip(tip_id="1", unit_id="u", code="U-1", category="khac", description="d", privacy="anonymous",
                reporter_key="k", reporter_oa_id="o", reporter_user_id="r", created_at=now, updated_at=now,
                media=(item,)))
settings = MediaSettings.from_env({"MEDIA_BUCKET": "b", "MEDIA_KMS_KEY_ARN": "k", "STAGE": "local",
                                   "MEDIA_SOURCE_PREFIXES": sys.argv[1].rsplit("/", 1)[0] + "/"})
service = MediaService(tips, ChunkReadingStore(), requests.Session(), settings)
before = int(open('/proc/self/status').read().split('VmHWM:')[1].split()[0]) * 1024
tracemalloc.start()
outcome = service.process(MediaJob("1", "m00", "video", sys.argv[1]), 1)
_, peak = tracemalloc.get_traced_memory()
after = int(open('/proc/self/status').read().split('VmHWM:')[1].split()[0]) * 1024
assert outcome == "stored", outcome
print(before, after, peak)
"""

CHILD_NAIVE = """
import hashlib, sys, tracemalloc
import requests
session = requests.Session()
before = int(open('/proc/self/status').read().split('VmHWM:')[1].split()[0]) * 1024
tracemalloc.start()
body = session.get(sys.argv[1], timeout=60).content
hashlib.sha256(body).hexdigest()
_, peak = tracemalloc.get_traced_memory()
after = int(open('/proc/self/status').read().split('VmHWM:')[1].split()[0]) * 1024
print(before, after, peak)
"""


def _run(code: str, *args: str, env: dict[str, str] | None = None) -> list[int]:
    out = subprocess.run(
        [sys.executable, "-c", code, *args],
        env=env or {**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if out.returncode != 0:
        raise SystemExit(out.stderr + out.stdout)
    return [int(x) for x in out.stdout.split()[-3:]]


def media() -> tuple[float, float, float, float]:
    from localrun.fake_zalo import serve_in_thread

    from tests.media_cdn import MP4_HEAD, MediaCdn

    cdn = MediaCdn()
    size = VIDEO_MB * 1024 * 1024
    cdn.add("video", MP4_HEAD + os.urandom(size - len(MP4_HEAD)), "video/mp4")
    base_url, stop = serve_in_thread(cdn)
    try:
        url = f"{base_url}/f/video"
        ours = [_run(CHILD_OURS, url) for _ in range(RUNS)]
        naive = [_run(CHILD_NAIVE, url) for _ in range(RUNS)]
    finally:
        stop()
    growth = statistics.median(after - before for before, after, _ in ours)
    growth_naive = statistics.median(after - before for before, after, _ in naive)
    heap = statistics.median(peak for _, _, peak in ours)
    heap_naive = statistics.median(peak for _, _, peak in naive)
    return growth, growth_naive, heap, heap_naive


def row(label: str, ours: float, reference: float) -> str:
    mb = 1024 * 1024
    return f"{label:<52}{ours / mb:>7.1f}MB{reference / mb:>9.1f}MB{ours / reference:>8.2f}"


def main() -> None:
    size = VIDEO_MB * 1024 * 1024
    growth, growth_naive, heap, heap_naive = media()
    print(f"memory benchmark (python {sys.version.split()[0]}), medians of {RUNS} fresh processes")
    print(f"{'measure':<52}{'ours':>9}{'reference':>11}{'ratio':>8}")
    print(row(f"tip media, {VIDEO_MB} MB video: peak RSS growth", growth, growth_naive))
    print(row("  peak Python allocations (tracemalloc)", heap, heap_naive))
    print(row("  ours against the file size", growth, size))
    verdict = "PASS" if growth <= 0.25 * size else "FAIL"
    print(f"{verdict}  media memory does not grow with the file (growth ≤ 0.25 × size)")


if __name__ == "__main__":
    main()
