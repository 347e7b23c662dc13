"""Ctrl-C stops the local stack even while it is busy (``make run``, ``make bench`` and this suite need it).

A stack of its own (not the session's): started, loaded with a burst of citizens' messages still being
posted, then sent SIGINT while its worker has a queue to drain. It must exit by itself, cleanly; the bound
below is only how long to wait before calling it hung (it once took more than 30 s), not a speed check.
The seeded unit it writes to is that stack's own: no other test talks to it.
"""

from __future__ import annotations

import signal
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from localrun.citizen import LocalStackClient, new_user_id, text_event

from tests.e2e.conftest import start_local_stack

pytestmark = pytest.mark.e2e

UNIT = "phuong-trung-tam"
HUNG_AFTER_SECONDS = 15
CITIZENS = 8


def test_sigint_under_load_stops_the_stack(pytestconfig, tmp_path) -> None:
    log_path = tmp_path / "localrun.log"
    process, base_url = start_local_stack(pytestconfig, log_path)
    stop_posting = threading.Event()
    try:
        client = LocalStackClient(base_url)
        unit = client.unit(UNIT)

        def citizen_keeps_writing() -> int:
            session_client = LocalStackClient(base_url)  # a session per thread
            posted = 0
            while not stop_posting.is_set():
                try:
                    session_client.post_event(unit, text_event(unit, new_user_id(), "menu"))
                except requests.RequestException:  # the stack is going away: expected once stopping
                    break
                posted += 1
            return posted

        with ThreadPoolExecutor(CITIZENS) as pool:
            posting = [pool.submit(citizen_keeps_writing) for _ in range(CITIZENS)]
            try:
                deadline = time.monotonic() + 60
                while True:  # the worker has a backlog: it is loaded
                    inbound = client.queues()["InboundQueue"]
                    if inbound["visible"] + inbound["in_flight"] >= 10:
                        break
                    assert time.monotonic() < deadline, f"the burst never made a backlog: {inbound}"
                    time.sleep(0.2)
                process.send_signal(signal.SIGINT)
                try:
                    process.wait(timeout=HUNG_AFTER_SECONDS)
                except subprocess.TimeoutExpired:
                    pytest.fail(
                        f"the local stack was still running {HUNG_AFTER_SECONDS}s after SIGINT under load:\n"
                        + log_path.read_text()[-3000:]
                    )
            finally:
                stop_posting.set()  # before the pool waits for the writers, whatever happened
        assert sum(f.result() for f in posting) >= 10
        assert process.returncode == 0, log_path.read_text()[-3000:]
        assert "Stopped." in log_path.read_text()
    finally:
        stop_posting.set()
        if process.poll() is None:
            process.kill()
            process.wait()
