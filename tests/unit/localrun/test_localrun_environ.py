"""Functions sharing a process each see their own environment."""

from __future__ import annotations

import os
import threading

from localrun import environ


def test_overlay_is_per_thread_and_restored(monkeypatch, overlay_environ) -> None:
    monkeypatch.setenv("LOCALRUN_BASE_ONLY", "base")
    seen: dict[str, tuple[str | None, str | None]] = {}
    inside = threading.Event()
    release = threading.Event()

    def other_function() -> None:
        with environ.overlay({"LOCALRUN_SERVICE": "worker"}):
            inside.set()
            release.wait(5)
            seen["worker"] = (os.getenv("LOCALRUN_SERVICE"), os.environ.get("LOCALRUN_BASE_ONLY"))

    thread = threading.Thread(target=other_function)
    thread.start()
    inside.wait(5)
    with environ.overlay({"LOCALRUN_SERVICE": "webhook"}):
        seen["webhook"] = (os.getenv("LOCALRUN_SERVICE"), os.environ["LOCALRUN_BASE_ONLY"])
        assert "LOCALRUN_SERVICE" in dict(os.environ)
    release.set()
    thread.join()
    assert seen == {"webhook": ("webhook", "base"), "worker": ("worker", "base")}
    assert os.getenv("LOCALRUN_SERVICE") is None
