"""Broadcast send-rate bench (make bench): achieved send rate against the configured rate, 5,000 recipients.

What runs: the real :class:`anninh.broadcasts.sender.BroadcastSender` and :class:`SlotLimiter` (with its
in-memory compare-and-set store instead of DynamoDB, and an in-memory results table: moto would measure
moto), sending every recipient over real HTTP to FakeZalo's consultation endpoint with the real
``ZaloClient`` (max_attempts=1), the real clock and real sleeps, in batches of 50 as the fan-out makes them.
Achieved rate = recipients Zalo accepted / wall time from the first batch to the last answer. Slots are
1/rate apart and the first is at once, so n sends can take (n-1)/rate: the ceiling is rate * n/(n-1).
Target: between 0.9 and 1.0 of the configured rate (the limiter never allows more).
"""

from __future__ import annotations

import logging
import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
os.environ.setdefault("POWERTOOLS_LOG_LEVEL", "WARNING")  # per-send INFO lines would measure logging
logging.getLogger("werkzeug").setLevel(logging.WARNING)
for extra in (ROOT, ROOT / "layers" / "anninh", ROOT / "infra" / "local"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

from anninh import hash_keys  # noqa: E402
from anninh.broadcasts.limiter import MemorySlotStore, SlotLimiter  # noqa: E402
from anninh.broadcasts.model import new_broadcast  # noqa: E402
from anninh.broadcasts.sender import Batch, BroadcastSender  # noqa: E402
from anninh.zalo.client import ZaloClient  # noqa: E402
from localrun.fake_zalo import FakeZalo, serve_in_thread  # noqa: E402

from tests.broadcast_fakes import MemoryBroadcasts, MemoryResults  # noqa: E402

# No AWS here: the client's log pseudonyms use a fixed key instead of the stack's generated secret.
os.environ.setdefault(hash_keys.SECRET_ENV, "bench/hash-key")
hash_keys.preload(os.environ[hash_keys.SECRET_ENV], "bench-root-key-" + "0" * 32)

RECIPIENTS = int(os.environ.get("BENCH_BROADCAST_RECIPIENTS", "5000"))
RATE_PER_SECOND = float(os.environ.get("BENCH_BROADCAST_RATE", "100"))
OA_ID = "1234567890123456789"
DAYTIME = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)  # 10:00 Vietnam time: the night rule never applies


class StaticTokens:
    def __init__(self, token: str) -> None:
        self.token = token

    def access_token(self, oa_id: str) -> str:
        return self.token

    def refresh(self, oa_id: str, stale_access_token: str) -> str:
        return self.token


def main() -> int:
    zalo = FakeZalo()
    base_url, stop = serve_in_thread(zalo)
    try:
        token = zalo.issue_token(OA_ID)["access_token"]
        client = ZaloClient(base_url, StaticTokens(token), max_attempts=1)
        broadcasts, results = MemoryBroadcasts(), MemoryResults()
        broadcast = new_broadcast(
            {"unit_id": "bench", "text": "Cảnh báo lừa đảo", "at": "2030-01-01T08:00"}, DAYTIME, "bench"
        )
        broadcasts.save(broadcast)
        limiter = SlotLimiter(MemorySlotStore(), RATE_PER_SECOND, clock=time.time)
        sender = BroadcastSender(
            broadcasts, results, client, limiter, clock=lambda: DAYTIME, sleep=time.sleep
        )
        users = [f"user-{i}" for i in range(RECIPIENTS)]
        started = time.time()
        for i in range(0, RECIPIENTS, 50):
            report = sender.process(
                Batch(broadcast.broadcast_id, "once", OA_ID, tuple(users[i : i + 50])), lambda: 900
            )
            assert report.requeue is None, report.requeue
        elapsed = time.time() - started
    finally:
        stop()
    sent = len(zalo.outbox())
    achieved = sent / elapsed
    ratio = achieved / RATE_PER_SECOND
    ok = 0.9 <= ratio <= RECIPIENTS / (RECIPIENTS - 1) and sent == RECIPIENTS
    print(
        f"broadcast send rate: {sent} sent in {elapsed:.2f}s = {achieved:.1f}/s "
        f"against {RATE_PER_SECOND:.1f}/s configured: ratio {ratio:.3f} (target 0.9-1.0) "
        f"{'OK' if ok else 'OUT OF TARGET'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
