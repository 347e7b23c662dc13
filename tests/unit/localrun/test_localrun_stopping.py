"""Stopping the local stack: an invocation waiting for its turn gives up once the stack stops, the one
running finishes; a stack started again in the same process accepts invocations again."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from localrun import lambda_runtime
from localrun.lambda_runtime import InvocationError, LocalFunction


@pytest.fixture(autouse=True)
def accepting() -> Iterator[None]:
    lambda_runtime.accept_invocations()
    yield
    lambda_runtime.accept_invocations()


def probe(tmp_path: Path) -> LocalFunction:
    (tmp_path / "app.py").write_text(
        "import threading\n"
        "started, release, calls = threading.Event(), threading.Event(), []\n"
        "def lambda_handler(event, context):\n"
        "    calls.append(event)\n"
        "    started.set()\n"
        "    release.wait(10)\n"
        "    return {'ok': event}\n"
    )
    return LocalFunction(
        logical_id="StopProbe",
        name="stop-probe",
        arn="arn:aws:lambda:ap-southeast-1:123456789012:function:stop-probe",
        code_dir=tmp_path,
        handler="app.lambda_handler",
        timeout=30,
        memory=128,
        environment={},
        events={},
    )


def test_a_waiting_invocation_gives_up_on_stop_and_the_running_one_finishes(tmp_path: Path) -> None:
    function = probe(tmp_path)
    function.load()
    module = function.module
    assert module is not None
    results: dict[str, object] = {}

    def call(name: str) -> None:
        try:
            results[name] = function.invoke(name)
        except InvocationError as exc:
            results[name] = exc

    running = threading.Thread(target=call, args=("running",))
    running.start()
    assert module.started.wait(5)
    waiting = threading.Thread(target=call, args=("waiting",))
    waiting.start()
    lambda_runtime.refuse_invocations()
    waiting.join(5)
    assert not waiting.is_alive()
    assert isinstance(results["waiting"], InvocationError) and "stopping" in str(results["waiting"])
    module.release.set()
    running.join(5)
    assert results["running"] == {"ok": "running"}
    assert module.calls == ["running"]  # the refused one never reached the handler


def test_no_invocation_starts_while_refusing_and_all_do_again_once_accepting(tmp_path: Path) -> None:
    function = probe(tmp_path)
    function.load()
    assert function.module is not None
    function.module.release.set()
    lambda_runtime.refuse_invocations()
    with pytest.raises(InvocationError, match="stopping"):
        function.invoke("refused")
    lambda_runtime.accept_invocations()
    assert function.invoke("accepted") == {"ok": "accepted"}
    assert function.module.calls == ["accepted"]
