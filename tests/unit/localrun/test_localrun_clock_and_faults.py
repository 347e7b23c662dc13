"""The local stack's sender clock and its injected crashes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from anninh.broadcasts.limiter import MemorySlotStore, SlotLimiter
from anninh.broadcasts.sender import BroadcastSender
from localrun.clock import LocalClock, attach
from localrun.lambda_runtime import InvocationError, LocalFunction

REAL = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # 15:00 in Vietnam


def test_the_clock_is_set_to_a_time_and_runs_on_from_there() -> None:
    real = [REAL]
    clock = LocalClock(real=lambda: real[0])
    assert clock.now() == REAL
    clock.update({"at": "2026-11-23T23:00:00+07:00"})
    assert clock.now() == datetime(2026, 11, 23, 16, 0, tzinfo=UTC)
    real[0] += timedelta(seconds=5)
    assert clock.now() == datetime(2026, 11, 23, 16, 0, 5, tzinfo=UTC)
    assert clock.as_json()["now_vietnam"] == "2026-11-23T23:00:05+07:00"
    clock.update({"offset_seconds": -60})
    assert clock.now() == REAL + timedelta(seconds=5 - 60)
    clock.update({"reset": True})
    assert clock.offset_seconds == 0


@pytest.mark.parametrize(
    "body",
    [
        None,
        {},
        {"at": "2026-11-23T23:00:00"},  # no offset: which zone?
        {"at": "tonight"},
        {"offset_seconds": "3600"},
        {"offset_seconds": 400 * 86400},
        {"reset": False},
        {"at": "2026-11-23T23:00:00+07:00", "offset_seconds": 5},
        {"speed": 2},
    ],
)
def test_bad_clock_changes_are_refused_and_change_nothing(body) -> None:
    clock = LocalClock(offset_seconds=30, real=lambda: REAL)
    with pytest.raises(ValueError):
        clock.update(body)
    assert clock.offset_seconds == 30


def test_the_clock_reaches_every_sender_a_handler_built() -> None:
    clock = LocalClock(offset_seconds=3600, real=lambda: REAL)
    limiter = SlotLimiter(MemorySlotStore(), 1.0, clock=lambda: 0.0)
    sender = BroadcastSender(None, None, None, limiter, clock=lambda: REAL, sleep=lambda s: None)  # type: ignore[arg-type]
    functions = [
        SimpleNamespace(logical_id="SenderFunction", module=SimpleNamespace(sender=sender, queue=object())),
        SimpleNamespace(logical_id="WorkerFunction", module=SimpleNamespace(deps=object())),
        SimpleNamespace(logical_id="NotLoaded", module=None),
    ]
    assert attach(clock, functions) == ["SenderFunction.sender"]
    assert sender.clock() == REAL + timedelta(hours=1)
    clock.update({"reset": True})
    assert sender.clock() == REAL


def test_an_injected_crash_comes_after_the_handler_ran(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(
        "calls = []\ndef lambda_handler(event, context):\n    calls.append(event)\n    return {'ok': True}\n"
    )
    function = LocalFunction(
        logical_id="CrashProbe",
        name="crash-probe",
        arn="arn:aws:lambda:ap-southeast-1:123456789012:function:crash-probe",
        code_dir=tmp_path,
        handler="app.lambda_handler",
        timeout=3,
        memory=128,
        environment={},
        events={},
    )
    function.inject_crash_after(1)
    with pytest.raises(InvocationError, match="injected crash"):
        function.invoke({"n": 1})
    assert function.module is not None and function.module.calls == [{"n": 1}]  # the work was done
    assert function.invoke({"n": 2}) == {"ok": True}
    assert function.faults() == {"crash_after_pending": 0, "crashes_injected": 1}
    with pytest.raises(ValueError):
        function.inject_crash_after(0)
