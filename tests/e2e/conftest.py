"""The whole local stack, started once per test session (once per worker under ``pytest -n``: ``make test``
runs two, each with a stack of its own and whole files handed out, ``--dist loadfile``), driven over HTTP as
Zalo and a citizen would.

The stack runs as a subprocess, ``python -m localrun`` (exactly what ``make run`` starts) on a free port,
so the tests see the same process layout, environment handling and shutdown as a user. Its output goes to
a log file shown when start-up fails. Environment given to it:

- ``LOCALRUN_SQS_RETRY_DELAY=1``: failed queue records are retried after 1 s instead of the queue's
  120 s visibility timeout, so a poison event reaches the DLQ in seconds (see localrun.sqs_source);
- ``TOKEN_REFRESH_WITHIN_HOURS=48``: the token refresher (functions/tokens) treats the seeded 25-hour
  tokens as due, so firing its schedule has a visible effect (OAuth calls to the fake Zalo);
- ``FAQ_REFRESH_SECONDS=1``: the worker re-checks the published knowledge base every second (300 on AWS);
- ``PUBLIC_CACHE_SECONDS=0``: public pages are rebuilt at every request (5 minutes on AWS);
- ``PYTHONPATH``: pytest's own ``pythonpath`` entries, so the subprocess imports what the tests import;
- ``LOCALRUN_EXTRA_MEDIA_SOURCES``: the port :data:`MEDIA_CDN_PORT` where tests serve a CDN that fails on
  demand is an allowed attachment source besides the fake Zalo's (nothing else is).
- ``UNITS_CACHE_SECONDS=1``: the worker reads the unit tree again after a second (300 on AWS), so a unit
  merger (test_unit_merger) is seen at once;
- ``ZALO_CAPABILITY_CACHE_SECONDS=1``: what the stack learnt about an OA (a refused menu template) is seen by
  every function within a second, so switching the fake Zalo's profile between tests takes effect at once.

Fake Zalo profiles (docs/zalo-platform.md §8): a module that runs under both marks itself with
``pytest.mark.usefixtures("zalo_profile")``; each of its tests then runs once per profile, the profile set
through ``POST /zalo-api/_profile`` and restored afterwards. After a strict run the OAs' menu decision is
learnt again under the restored profile (``anninh zalo doctor``'s route), as an operator would after a
platform change. ``FAKE_ZALO_PROFILE=strict`` starts the stack strict (then the profile of other modules).

When the session ends, after the stack has stopped, every line of its log (the functions' Powertools logs
and the stack's own) is scanned for each user id the tests made up (``new_user_id``) and for anything
shaped like a phone number: one leak fails the session, whatever test ran last (tests/log_leaks.py).
"""

from __future__ import annotations

import contextlib
import os
import random
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from datetime import time as dt_time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import requests
from localrun import citizen
from localrun.citizen import DemoUnit, LocalStackClient, new_user_id, text_event
from localrun.stack import LOCAL_ADMIN_TOKEN

from tests.log_leaks import scan

ROOT = Path(__file__).resolve().parents[2]
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
# A session starting in this span (Vietnam time) ends well before 22:00: the sender keeps the real time.
DAYTIME_SESSION_START, DAYTIME_SESSION_LATEST = dt_time(6, 30), dt_time(21, 0)
START_TIMEOUT_SECONDS = 90
PROFILES = ("default", "strict")


# Files run in a random order (tests keep their order inside a file), so no file can rely on another's
# leftovers. The seed is printed in the session header; E2E_ORDER_SEED=<seed> replays an order,
# E2E_ORDER_SEED=files keeps the order the files were given in. Under xdist the controller picks the seed
# and hands it to every worker, so all of them collect the same order.
ORDER_SEED_ENV = "E2E_ORDER_SEED"
WEBHOOK_MISS_REFRESH_SECONDS = 1
E2E_DIR = Path(__file__).resolve().parent


def _order_seed(config: pytest.Config) -> int | None:
    workerinput = getattr(config, "workerinput", None)
    if workerinput is not None and "e2e_order_seed" in workerinput:
        seed = workerinput["e2e_order_seed"]
        return None if seed is None else int(seed)
    cached = getattr(config, "_e2e_order_seed", "unset")
    if cached != "unset":
        return None if cached is None else int(cached)
    raw = os.environ.get(ORDER_SEED_ENV, "").strip()
    if raw == "files":
        seed = None
    elif raw:
        try:
            seed = int(raw)
        except ValueError:
            message = f"{ORDER_SEED_ENV} must be a whole number or 'files', not {raw!r}"
            raise pytest.UsageError(message) from None
    else:
        seed = random.SystemRandom().randrange(10**6)
    config._e2e_order_seed = seed  # type: ignore[attr-defined]
    return seed


def pytest_report_header(config: pytest.Config) -> str:
    seed = _order_seed(config)
    if seed is None:
        return f"e2e file order: as given ({ORDER_SEED_ENV}=files)"
    return f"e2e file order: random, seed {seed} (replay: {ORDER_SEED_ENV}={seed})"


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    """xdist, on the controller: every worker shuffles with the controller's seed."""
    node.workerinput["e2e_order_seed"] = _order_seed(node.config)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    seed = _order_seed(config)
    if seed is None:
        return
    e2e = [item for item in items if E2E_DIR in Path(str(item.path)).parents]
    if not e2e:
        return
    by_file: dict[Path, list[pytest.Item]] = {}
    for item in e2e:
        by_file.setdefault(Path(str(item.path)), []).append(item)
    files = sorted(by_file)
    random.Random(seed).shuffle(files)
    shuffled = iter([item for path in files for item in by_file[path]])
    e2e_ids = {id(item) for item in e2e}
    items[:] = [next(shuffled) if id(item) in e2e_ids else item for item in items]


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: Any) -> None:
    """xdist, on the controller: a worker's log scan figures, printed with the controller's summary."""
    LOG_SCAN.extend(getattr(node, "workeroutput", {}).get("log_scan", []))


def pytest_sessionfinish(session: pytest.Session) -> None:
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:  # an xdist worker: hand the scan figures to the controller
        workeroutput["log_scan"] = list(LOG_SCAN)


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    for line in LOG_SCAN:
        terminalreporter.write_line(line)
    # Printed at the end too: ``-q`` (make test) hides the header.
    terminalreporter.write_line(pytest_report_header(config))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# Where e2e tests serve their own CDN (tests.media_cdn): the one source allowed besides the fake Zalo's.
MEDIA_CDN_PORT = free_port()


@pytest.fixture(scope="session")
def media_cdn_port() -> int:
    """The port to serve a test CDN on (``serve_in_thread(cdn, port=...)``) so the stack downloads from it."""
    return MEDIA_CDN_PORT


ALL_WEEK = [{"days": [0, 1, 2, 3, 4, 5, 6], "start": "00:00", "end": "00:00"}]  # a 24/7 shift


@dataclass(frozen=True)
class StaffedUnit:
    """A unit made for one test file, with its OA, hotline and officers (made-up Zalo ids)."""

    unit: DemoUnit
    hotline: str
    duty_officer: str  # trực ban on duty 24/7
    leader: str | None = None  # lãnh đạo, no shift
    digest_officer: str | None = None  # cán bộ xử lý on the hourly digest, office hours

    @property
    def unit_id(self) -> str:
        return self.unit.unit_id

    @property
    def name(self) -> str:
        return self.unit.name

    @property
    def oa_id(self) -> str:
        return self.unit.oa_id


class E2EClient(LocalStackClient):
    """The local stack client plus the conveniences the tests share."""

    def __init__(self, base_url: str) -> None:
        super().__init__(base_url)
        health = self.session.get(f"{base_url}/_local/health", timeout=5).json()
        self.aws_endpoint_url: str = health["aws_endpoint_url"]
        self.aws_region: str = health["aws_region"]
        # OA and app ids the logs may carry; a test that brings in its own OA adds its id (the log scan
        # takes any other Zalo-shaped id for a leak).
        self.public_ids: set[str] = set()
        self.sender_baseline: float = 0.0  # the sender clock's session offset (keep_sender_in_daytime)
        self.hotlines: dict[str, str] = {}  # of the units this client made
        self.made_officers: list[tuple[str, str]] = []  # (unit_id, user_id) registered by the tests

    def send(
        self, unit: str | DemoUnit, user_id: str, text_or_event: str | dict[str, Any]
    ) -> requests.Response:
        demo = unit if isinstance(unit, DemoUnit) else self.unit(unit)
        event = text_event(demo, user_id, text_or_event) if isinstance(text_or_event, str) else text_or_event
        return self.post_event(demo, event)

    def new_unit(
        self,
        label: str,
        *,
        parent_id: str | None = "tinh-demo",
        level: str = "commune",
        **fields: Any,
    ) -> DemoUnit:
        """A unit with an OA of its own, made for the calling test file (unique id and OA, a token pair):
        no follower, broadcast, token cache or quota is shared with another file's tests. ``fields``: more of
        infra/seed/units.yaml's (``code``, ``hotline``, ``address``...); the hotline is made up by default."""
        suffix = secrets.token_hex(4)
        body = {
            "unit_id": f"e2e-{label}-{suffix}",
            "name": f"Công an thử nghiệm {label} {suffix}",
            "level": level,
            **({"parent_id": parent_id} if parent_id else {}),
            "oa_id": str(secrets.randbelow(9 * 10**18) + 10**18),
            "hotline": f"0200 {secrets.randbelow(9000) + 1000} 113",
            **fields,
        }
        answer = self.session.post(f"{self.base_url}/_local/units", json=body, timeout=30)
        assert answer.status_code == 201, answer.text
        self._units = None  # the next units() sees it
        self.hotlines[body["unit_id"]] = str(body["hotline"])
        # The webhook reloads its set of OAs for an unknown id at most once per WEBHOOK_MISS_REFRESH_SECONDS:
        # past that, the first event for the new OA is accepted.
        time.sleep(WEBHOOK_MISS_REFRESH_SECONDS + 0.2)
        return DemoUnit.from_json(answer.json())

    def new_officer(
        self,
        unit_id: str,
        *,
        role: str = "truc_ban",
        shifts: list[dict[str, Any]] | None = None,
        alerts: str = "immediate",
        name: str = "Cán bộ Thử Nghiệm",
    ) -> str:
        """An officer of ``unit_id`` with a made-up Zalo id (``new_user_id``: the log scan looks for it),
        registered through the admin route an administrator onboards officers with (``anninh officers set``).
        By default a trực ban on duty around the clock; the strict profile's precondition covers it."""
        officer = new_user_id()
        body = {
            "name": name,
            "role": role,
            "shifts": ALL_WEEK if shifts is None else shifts,
            "alerts": alerts,
        }
        answer = self.session.put(
            f"{self.base_url}/admin/officers/{unit_id}/{officer}",
            json=body,
            headers={"x-anninh-token": LOCAL_ADMIN_TOKEN},
            timeout=30,
        )
        assert answer.status_code == 200, answer.text
        self.made_officers.append((unit_id, officer))
        return officer

    def staffed_unit(
        self, label: str, *, leader: bool = False, digest_officer: bool = False, **unit: Any
    ) -> StaffedUnit:
        """``new_unit`` plus its officers: a 24/7 trực ban, optionally a lãnh đạo (no shift) and a case
        officer on the hourly digest (office hours), each with an id of this file's own."""
        made = self.new_unit(label, **unit)
        duty = self.new_officer(made.unit_id, name="Trực Ban Thử Nghiệm")
        chief = (
            self.new_officer(made.unit_id, role="lanh_dao", shifts=[], name="Lãnh Đạo") if leader else None
        )
        digest = (
            self.new_officer(
                made.unit_id,
                role="can_bo_xu_ly",
                shifts=[{"days": [0, 1, 2, 3, 4], "start": "07:30", "end": "17:00"}],
                alerts="digest",
                name="Cán Bộ Xử Lý",
            )
            if digest_officer
            else None
        )
        return StaffedUnit(made, self.hotlines[made.unit_id], duty, chief, digest)

    def keep_sender_in_daytime(self) -> None:
        """Zalo's night rule (22:00–06:00 Vietnam time) holds promotional broadcasts until morning
        (docs/zalo-platform.md). A session that starts near or in the night moves the broadcast sender's clock
        to noon today, so every file's broadcasts go out whenever the suite runs; the night rule's own tests
        set the clock themselves and put back this baseline (``sender_baseline``)."""
        now = datetime.now(VIETNAM)
        if not DAYTIME_SESSION_START <= now.time() <= DAYTIME_SESSION_LATEST:
            self.set_clock(at=now.replace(hour=12, minute=0, second=0, microsecond=0).isoformat())
        self.sender_baseline = float(self.clock()["offset_seconds"])

    def restore_sender_clock(self) -> None:
        """Put the sender's clock back where the session started it (``keep_sender_in_daytime``)."""
        self.set_clock(offset_seconds=self.sender_baseline)

    def profile(self) -> str:
        answer = self.session.get(f"{self.base_url}/zalo-api/_profile", timeout=5)
        answer.raise_for_status()
        return str(answer.json()["name"])

    def set_profile(self, name: str) -> None:
        answer = self.session.post(f"{self.base_url}/zalo-api/_profile", json={"name": name}, timeout=5)
        answer.raise_for_status()

    def note_interaction(self, unit: str, user_id: str, at: str | None = None) -> None:
        """The user wrote to the unit's OA at ``at`` (ISO time with offset; default now), as Zalo saw it."""
        body = {"oa_id": self.unit(unit).oa_id, "user_id": user_id, **({"at": at} if at else {})}
        answer = self.session.post(f"{self.base_url}/zalo-api/_interactions", json=body, timeout=5)
        answer.raise_for_status()

    def officers_write_to_their_oas(self) -> None:
        """Every seeded officer (and every officer a test registered) wrote to the demo OAs just now:
        officers are reached by consultation messages, which Zalo delivers only within 7 days of the
        recipient's last message (docs/zalo-platform.md §2; README "Before launch").
        A precondition of the strict profile's tests."""
        import yaml

        seeded = yaml.safe_load((ROOT / "infra" / "seed" / "officers.yaml").read_text(encoding="utf-8"))
        for officer in seeded["officers"]:
            for unit in self.units():
                self.note_interaction(unit, str(officer["user_id"]))
        for unit_id, user_id in self.made_officers:  # the officers of the units the tests made
            self.note_interaction(unit_id, user_id)

    def relearn_zalo(self) -> None:
        """Ask Zalo again what each OA accepts (the doctor's admin route, a throw-away recipient)."""
        recipient = new_user_id()
        for unit in self.units().values():
            self.note_interaction(unit.unit_id, recipient)
            answer = self.session.post(
                f"{self.base_url}/admin/zalo/{unit.unit_id}/doctor",
                json={"send_test_to": recipient},
                headers={"x-anninh-token": LOCAL_ADMIN_TOKEN},
                timeout=60,
            )
            answer.raise_for_status()

    def boto3_client(self, service: str) -> Any:
        import boto3

        return boto3.client(
            service,
            endpoint_url=self.aws_endpoint_url,
            region_name=self.aws_region,
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )

    def settled_outbox(self, user_id: str, quiet_seconds: float = 2.5) -> list[dict[str, Any]]:
        """The user's outbox once nothing new arrived for ``quiet_seconds`` (late duplicates included)."""
        calls = self.outbox(user_id)
        stable_since = time.monotonic()
        while time.monotonic() - stable_since < quiet_seconds:
            time.sleep(0.25)
            latest = self.outbox(user_id)
            if len(latest) != len(calls):
                calls, stable_since = latest, time.monotonic()
        return calls


def stack_environment(port: int, pytestconfig: pytest.Config) -> dict[str, str]:
    """The environment the e2e suite starts ``python -m localrun`` with (see the module docstring)."""
    pythonpath = [str(ROOT / entry) for entry in pytestconfig.getini("pythonpath")]
    env = {
        **os.environ,
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "LOCALRUN_SQS_RETRY_DELAY": "1",
        "TOKEN_REFRESH_WITHIN_HOURS": "48",
        # A knowledge base published with `anninh faq publish` reaches the warm worker within a second.
        "FAQ_REFRESH_SECONDS": "1",
        # Public pages are rebuilt at every request (5 minutes on AWS) so a test sees what it just changed.
        "PUBLIC_CACHE_SECONDS": "0",
        "ZALO_CAPABILITY_CACHE_SECONDS": "1",
        "UNITS_CACHE_SECONDS": "1",  # a unit merger's pointer reaches the warm worker within a second
        # The webhook finds a unit made by a test (POST /_local/units) within a second (60 s on AWS).
        "SECRET_MISS_REFRESH_SECONDS": str(WEBHOOK_MISS_REFRESH_SECONDS),
        "PYTHONPATH": os.pathsep.join([*pythonpath, os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep),
        "PYTHONUNBUFFERED": "1",
        "LOCALRUN_EXTRA_MEDIA_SOURCES": f"http://127.0.0.1:{MEDIA_CDN_PORT}/",
    }
    env.pop("AWS_ENDPOINT_URL", None)
    return env


def start_local_stack(pytestconfig: pytest.Config, log_path: Path) -> tuple[subprocess.Popen[bytes], str]:
    """``python -m localrun`` on a free port, its output in ``log_path``; returns once it serves."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "localrun"],
            cwd=ROOT,
            env=stack_environment(port, pytestconfig),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_ready(process, base_url, log_path)
    except BaseException:
        process.kill()
        process.wait()
        raise
    return process, base_url


@pytest.fixture(scope="session")
def local_stack(tmp_path_factory: pytest.TempPathFactory, pytestconfig: pytest.Config) -> Iterator[E2EClient]:
    log_path = tmp_path_factory.mktemp("local-stack") / "localrun.log"
    process, base_url = start_local_stack(pytestconfig, log_path)
    public_ids: set[str] = set()
    try:
        client = E2EClient(base_url)
        public_ids = client.public_ids
        public_ids.update(value for unit in client.units().values() for value in (unit.oa_id, unit.app_id))
        client.keep_sender_in_daytime()
        yield client
        client._units = None  # the units the tests made are public too (their OA ids are in logs by design)
        with contextlib.suppress(requests.RequestException):
            public_ids |= {value for unit in client.units().values() for value in (unit.oa_id, unit.app_id)}
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    _fail_on_leaks(log_path, public_ids)


LOG_SCAN: list[str] = []  # the scan's figures, printed in the terminal summary


def _fail_on_leaks(log_path: Path, public_ids: set[str]) -> None:
    """No raw Zalo user id or phone number in any line the stack logged during the whole session."""
    with log_path.open(encoding="utf-8", errors="replace") as lines:
        report = scan(lines, citizen.ISSUED_USER_IDS, public_ids=public_ids)
    LOG_SCAN.append(
        f"log scan: {report.lines_scanned} lines of {log_path}, {len(citizen.ISSUED_USER_IDS)} user ids "
        f"made up by the tests, {len(report.leaks)} leak(s)"
    )
    if report.leaks:
        pytest.fail(f"personal data in the local stack's log {log_path}: {report.describe()}", pytrace=False)


def _wait_ready(process: subprocess.Popen[bytes], base_url: str, log_path: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the local stack exited with {process.returncode}:\n{log_path.read_text()[-4000:]}")
        try:
            if requests.get(f"{base_url}/_local/health", timeout=1).ok:
                return
        except (requests.ConnectionError, requests.Timeout):  # bound but not serving yet
            pass
        time.sleep(0.2)
    pytest.fail(
        f"the local stack was not ready within {START_TIMEOUT_SECONDS}s:\n{log_path.read_text()[-4000:]}"
    )


@pytest.fixture
def user_id() -> str:
    return new_user_id()


@pytest.fixture(params=PROFILES)
def zalo_profile(request: pytest.FixtureRequest, local_stack: E2EClient) -> Iterator[str]:
    """Run the test under each fake Zalo profile, then restore the stack's profile."""
    previous = local_stack.profile()
    local_stack.set_profile(request.param)
    if request.param == "strict":
        local_stack.officers_write_to_their_oas()
    try:
        yield str(request.param)
    finally:
        local_stack.set_profile(previous)
        if request.param != previous:
            local_stack.relearn_zalo()
