"""Local stack benchmarks (make bench): start-up time and citizen-perceived reply time.

1. Start: ``python -m localrun`` (what ``make run`` runs, the environment already installed) from process
   start to ``GET /_local/health`` answering; median of STARTS runs.
2. Reply time: a citizen's signed "menu" message posted to the webhook until the OA's reply is in the fake
   Zalo outbox (webhook → SQS FIFO → worker → Zalo API), over MESSAGES messages sent by CITIZENS citizens
   at once (each waits for its reply before sending the next). Median and p95.

Run: .venv/bin/python tests/bench/local_stack_bench.py  (BENCH_LOCAL_MESSAGES, BENCH_LOCAL_CITIZENS,
BENCH_LOCAL_STARTS override the counts). The figures depend on the machine; moto dominates.
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
MESSAGES = int(os.environ.get("BENCH_LOCAL_MESSAGES", "200"))
CITIZENS = int(os.environ.get("BENCH_LOCAL_CITIZENS", "4"))
STARTS = int(os.environ.get("BENCH_LOCAL_STARTS", "3"))
UNIT = "phuong-trung-tam"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_stack() -> tuple[subprocess.Popen[bytes], str, float]:
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    pythonpath = os.pathsep.join(str(ROOT / p) for p in ("layers/anninh", "functions", "infra/local", "."))
    env = {**os.environ, "PORT": str(port), "HOST": "127.0.0.1", "PYTHONPATH": pythonpath}
    env.pop("AWS_ENDPOINT_URL", None)
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "localrun"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    while True:
        if process.poll() is not None:
            raise SystemExit(f"the local stack exited with {process.returncode}")
        try:
            if requests.get(f"{base_url}/_local/health", timeout=1).ok:
                return process, base_url, time.perf_counter() - started
        except (requests.ConnectionError, requests.Timeout):
            time.sleep(0.05)


def stop_stack(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    process.wait(timeout=30)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def reply_times(base_url: str, messages: int, citizens: int) -> list[float]:
    from localrun.citizen import LocalStackClient, new_user_id, text_event

    def citizen(count: int) -> list[float]:
        client = LocalStackClient(base_url)
        unit = client.unit(UNIT)
        times = []
        for _ in range(count):
            user_id = new_user_id()  # a new citizen each time: no Zalo quota or conversation state in play
            event = text_event(unit, user_id, "menu")
            sent = time.perf_counter()
            answer = client.post_event(unit, event)
            answer.raise_for_status()
            client.wait_for_reply(user_id, timeout=60, interval=0.01)
            times.append(time.perf_counter() - sent)
        return times

    shares = [messages // citizens + (1 if i < messages % citizens else 0) for i in range(citizens)]
    with ThreadPoolExecutor(citizens) as pool:
        return [t for chunk in pool.map(citizen, shares) for t in chunk]


def main() -> int:
    starts = []
    for _ in range(STARTS):
        process, _, seconds = start_stack()
        starts.append(seconds)
        stop_stack(process)
    print(
        f"local stack start → ready: median {statistics.median(starts):.2f} s over {STARTS} starts "
        f"(min {min(starts):.2f}, max {max(starts):.2f})"
    )

    process, base_url, _ = start_stack()
    try:
        reply_times(base_url, 3, 1)  # warm-up: cold caches (token, units) are not what a citizen sees
        began = time.perf_counter()
        times = reply_times(base_url, MESSAGES, CITIZENS)
        elapsed = time.perf_counter() - began
    finally:
        stop_stack(process)
    print(
        f"citizen-perceived reply time (webhook in → reply in outbox), {len(times)} messages, "
        f"{CITIZENS} citizens at once: median {statistics.median(times) * 1000:.0f} ms, "
        f"p95 {percentile(times, 0.95) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms; "
        f"{len(times) / elapsed:.1f} messages/s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
