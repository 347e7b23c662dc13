"""``python -m localrun`` — what ``make run`` starts. HOST/PORT choose the address (127.0.0.1:3000).

Optional: LOCALRUN_SQS_RETRY_DELAY=N retries failed queue records after N seconds instead of the queue's
visibility timeout; LOCALRUN_SCHEDULE_TICK=S checks schedules every S seconds (default 1).
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
from pathlib import Path
from types import FrameType


def repository_root() -> Path:
    """The checkout holding template.yaml: the current directory or the one this package lives in."""
    for candidate in (Path.cwd(), Path(__file__).resolve().parents[3]):
        if (candidate / "template.yaml").is_file():
            return candidate
    raise SystemExit("template.yaml not found: run from the repository root")


def banner(stack: object) -> str:
    from localrun.stack import LOCAL_ADMIN_TOKEN, LOCAL_VERIFIER_FILE, LocalStack

    assert isinstance(stack, LocalStack)
    lines = [
        "",
        f"Kết nối Zalo an ninh — local stack ready in {stack.started_seconds:.1f}s on {stack.base_url}",
        f"  Webhook (Zalo posts here)   POST {stack.base_url}/zalo/webhook",
        f"  Zalo console                GET /zalo/webhook, GET /{LOCAL_VERIFIER_FILE}",
    ]
    routes = sorted({f"{route.method} {route.path}" for route in stack.routes})
    lines.append(f"  HTTP API routes             {', '.join(routes)}")
    lines.append(f"  Admin/API base URL          {stack.base_url}")
    lines.append(
        f"  Admin CLI (anninh oa status|officers|questions …):  "
        f"export ANNINH_API_URL={stack.base_url} ANNINH_LOCAL_TOKEN={LOCAL_ADMIN_TOKEN}"
    )
    lines.append(
        f"  Fake Zalo OA API            {stack.zalo_base_url}  (outbox: GET {stack.zalo_base_url}/_outbox)"
    )
    lines.append(f"  Demo units and OA secrets   GET {stack.base_url}/_local/units")
    lines.append(f"  Queues / schedules          GET {stack.base_url}/_local/queues · /_local/schedules")
    lines.append(
        f"  Sender clock / faults       GET|POST {stack.base_url}/_local/clock · /_local/faults"
        + (f"  (clock offset {stack.clock.offset_seconds:+.0f} s)" if stack.clock.offset_seconds else "")
    )
    lines.append(
        f"  AWS (moto) endpoint         {os.environ['AWS_ENDPOINT_URL']}  region {os.environ['AWS_REGION']}"
    )
    lines.append("  Demo OAs:")
    for unit in stack.units:
        if unit.oa_id:
            lines.append(f"    {unit.unit_id:<18} OA {unit.oa_id}  {unit.name}")
    first = next((u.unit_id for u in stack.units if u.oa_id), "UNIT")
    lines.append(
        f"  Chat as a citizen:  open {stack.base_url}/  or  .venv/bin/anninh local chat --unit {first}"
    )
    lines.append("  Ctrl-C stops everything.")
    return "\n".join(lines)


def main() -> int:
    level = os.environ.get("LOCALRUN_LOG_LEVEL", "WARNING")
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    # werkzeug logs every request of moto and of this server at INFO: one line per AWS call drowns the
    # functions' own (Powertools) logs, which are what a user wants to watch.
    logging.getLogger("werkzeug").setLevel(max(logging.WARNING, logging.getLevelName(level)))
    from localrun.stack import LocalStack, StackConfig

    stack = LocalStack(StackConfig.from_env(repository_root()))
    stopping = threading.Event()

    def request_stop(signum: int, frame: FrameType | None) -> None:
        stopping.set()

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    stack.start()
    print(banner(stack), flush=True)
    stopping.wait()
    print("Stopping the local stack…", flush=True)
    stack.stop()
    print("Stopped.", flush=True)
    here = threading.current_thread()
    lingering = [t.name for t in threading.enumerate() if t is not here and not t.daemon]
    if lingering:
        # A scheduled run still inside a handler past the stop's grace (its pool's threads are joined at
        # interpreter exit): the stack's state is in memory only, so nothing is lost by not waiting for it.
        logging.getLogger("localrun").warning("exiting with %s still running", ", ".join(lingering))
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
