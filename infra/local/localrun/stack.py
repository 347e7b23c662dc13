"""The local stack: moto, the template's resources and functions, the HTTP server, pollers and schedules.

Start order: moto (a free port) → the HTTP socket (so the base URL is known) → the template's resources →
functions (environment resolved, handlers imported: configuration errors fail here, at start) → demo
data → HTTP serving, queue pollers and the scheduler. ``stop()`` stops them in reverse and joins every
thread.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from werkzeug.serving import BaseWSGIServer, make_server

from localrun import environ
from localrun.http_server import UnderscoreHeadersRequestHandler

log = logging.getLogger(__name__)

REGION = "ap-southeast-1"
ACCOUNT_ID = "123456789012"
STACK_NAME = "anninh-local"
ZALO_PREFIX = "/zalo-api"
HTTP_THREAD = "localrun-http"
STOP_GRACE_SECONDS = 5.0  # how long a stop waits for the invocation already running
WEBHOOK_PATH = "/zalo/webhook"
# The admin API's token in the local stack (no IAM here): a fixed demo value, printed in the banner.
LOCAL_ADMIN_TOKEN = "anninh-local-admin-demo"  # noqa: S105 - a public demo value, local stack only
ADMIN_PATH_PREFIX = "/admin/"
# The Zalo console's domain-verification file, served locally as the template serves it on AWS.
LOCAL_VERIFIER_FILE = "zalo_verifierLocalDemo.html"
LOCAL_VERIFIER_CODE = "LocalDemo"


def grant_local_admin(functions: list[Any], token: str = LOCAL_ADMIN_TOKEN) -> None:
    """Give the functions serving /admin routes the local token (their STAGE=local authentication)."""
    for function in functions:
        paths = [
            str((event.get("Properties") or {}).get("Path", ""))
            for event in function.events.values()
            if event.get("Type") == "HttpApi"
        ]
        if any(path.startswith(ADMIN_PATH_PREFIX) for path in paths):
            function.environment["LOCAL_ADMIN_TOKEN"] = token


@dataclass
class StackConfig:
    root: Path
    host: str = "127.0.0.1"
    port: int = 3000
    sqs_retry_delay: int | None = None
    schedule_tick: float = 1.0
    sqs_wait_seconds: int = 1
    clock_offset_seconds: float = 0.0
    template_file: str = "template.yaml"
    seed_file: str = "infra/seed/units.yaml"
    officers_file: str = "infra/seed/officers.yaml"
    content_file: str = "infra/seed/content.yaml"

    @classmethod
    def from_env(cls, root: Path, env: dict[str, str] | os._Environ[str] = os.environ) -> StackConfig:
        retry = env.get("LOCALRUN_SQS_RETRY_DELAY", "").strip()
        return cls(
            root=root,
            host=env.get("HOST", "127.0.0.1"),
            port=int(env.get("PORT", "3000")),
            sqs_retry_delay=int(retry) if retry else None,
            schedule_tick=float(env.get("LOCALRUN_SCHEDULE_TICK", "1")),
            clock_offset_seconds=float(env.get("LOCALRUN_CLOCK_OFFSET_SECONDS", "").strip() or "0"),
        )


@dataclass
class LocalStack:
    config: StackConfig
    base_url: str = ""
    units: list[Any] = field(default_factory=list)
    functions: list[Any] = field(default_factory=list)
    queues: dict[str, dict[str, str]] = field(default_factory=dict)  # logical id -> url, arn, name
    _moto: Any = None
    _server: BaseWSGIServer | None = None
    _threads: list[threading.Thread] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)
    started_seconds: float = 0.0
    _seed_env: dict[str, str] = field(default_factory=dict)
    _app_id: str = ""
    _units_lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> None:
        started = time.monotonic()
        if "anninh.settings" in sys.modules:
            log.warning("anninh.settings was imported before the local stack: per-function settings may leak")
        environ.install()
        from localrun.lambda_runtime import accept_invocations

        accept_invocations()  # a stack stopped earlier in this process refused them
        self._start_moto()
        self._server = make_server(
            self.config.host,
            self.config.port,
            self._dispatch,
            threaded=True,
            request_handler=UnderscoreHeadersRequestHandler,
        )
        self.base_url = f"http://{self.config.host}:{self._server.server_port}"
        try:
            self._build()
        except BaseException:
            self._server.server_close()
            self._moto.stop()
            raise
        self._spawn(HTTP_THREAD, self._server.serve_forever)
        for source in self.sqs_sources:
            self._spawn(f"localrun-sqs-{source.function.logical_id}", lambda s=source: s.run(self._stop))
        self._spawn("localrun-scheduler", lambda: self.scheduler.run(self._stop))
        self.started_seconds = time.monotonic() - started

    def _start_moto(self) -> None:
        from moto.server import ThreadedMotoServer

        self._moto = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        self._moto.start()
        host, port = self._moto.get_host_and_port()
        os.environ.update(
            {
                "AWS_ENDPOINT_URL": f"http://{host}:{port}",
                "AWS_ACCESS_KEY_ID": "testing",
                "AWS_SECRET_ACCESS_KEY": "testing",
                "AWS_SESSION_TOKEN": "testing",
                "AWS_REGION": REGION,
                "AWS_DEFAULT_REGION": REGION,
            }
        )

    def client(self, service: str) -> Any:
        import boto3

        return boto3.client(service, region_name=REGION)

    def _build(self) -> None:
        from localrun.aws_resources import ResourceCreator, register_static_resources
        from localrun.cfn_yaml import load_template
        from localrun.clock import LocalClock, attach
        from localrun.fake_zalo import FakeZalo
        from localrun.http_gateway import HttpApiGateway, routes_from_functions
        from localrun.lambda_runtime import build_functions
        from localrun.local_api import LocalApi
        from localrun.schedules import Scheduler
        from localrun.seed import (
            demo_secret,
            seed_app_id,
            seed_content,
            seed_officers,
            seed_tokens,
            seed_units,
        )
        from localrun.template import Template

        root = self.config.root
        seed_file = root / self.config.seed_file
        self.zalo_base_url = self.base_url + ZALO_PREFIX
        overrides = {
            "Stage": "local",
            "ZaloApiBaseUrl": self.zalo_base_url,
            "ZaloOAuthBaseUrl": self.zalo_base_url,
            "ZaloZnsBaseUrl": self.zalo_base_url,
            # The deployed default is "text" (docs/zalo-platform.md §1); locally the list is tried so the
            # chat page shows buttons and the strict profile exercises the fallback to numbered text.
            "ButtonsMode": os.environ.get("BUTTONS_MODE", "list"),
            "ZaloAppId": seed_app_id(seed_file),
            "ZaloVerifierFileName": LOCAL_VERIFIER_FILE,
            "ZaloVerifierContent": LOCAL_VERIFIER_CODE,
            # Attachments come from the fake Zalo's CDN only (an attacker's URL to this stack is refused).
            # LOCALRUN_EXTRA_MEDIA_SOURCES (comma-separated) adds a test CDN that fails on demand.
            "MediaSourcePrefixes": ",".join([self.zalo_base_url + "/_media/", *_extra_media_sources()]),
        }
        document = load_template(root / self.config.template_file)
        declared = document.get("Parameters") or {}
        self.template = Template(
            document,
            parameter_overrides={k: v for k, v in overrides.items() if k in declared},
            stack_name=STACK_NAME,
            region=REGION,
            account_id=ACCOUNT_ID,
        )
        register_static_resources(self.template, self.base_url)
        ResourceCreator(self.template, self.client).create_all()
        for resource in self.template.active("AWS::SQS::Queue"):
            physical = self.template.physical[resource.logical_id]
            self.queues[resource.logical_id] = {
                "url": physical.ref,
                "arn": physical.attributes["Arn"],
                "name": physical.attributes["QueueName"],
            }
        self.functions = build_functions(self.template, root, self._localise)
        grant_local_admin(self.functions)
        for function in self.functions:
            function.load()
        self.clock = LocalClock(self.config.clock_offset_seconds)
        self.clock_users = attach(self.clock, self.functions)
        implicit_api = self.template.physical.get("ServerlessHttpApi")
        self.routes = routes_from_functions(
            self.functions, str(implicit_api.ref) if implicit_api else "local"
        )
        self.gateway = HttpApiGateway(self.routes, ACCOUNT_ID)
        scheduler_client = self.client("scheduler")
        rules = []
        for function in self.functions:
            for event_name, event in function.events.items():
                props = event.get("Properties") or {}
                if event.get("Type") == "ScheduleV2":
                    self._create_schedule_v2(scheduler_client, function, event_name, props)
                elif event.get("Type") == "Schedule":
                    rules.append(self._rule_entry(function, event_name, props))
        self.sqs_sources = self._sqs_sources()
        self.scheduler = Scheduler(
            functions_by_arn={f.arn: f for f in self.functions},
            sqs=self.client("sqs"),
            scheduler_client=scheduler_client,
            queue_urls_by_arn={q["arn"]: q["url"] for q in self.queues.values()},
            region=REGION,
            account_id=ACCOUNT_ID,
            rules=rules,
            tick_seconds=self.config.schedule_tick,
        )
        self.scheduler.refresh()
        app_id = overrides["ZaloAppId"]
        self.zalo = FakeZalo(
            prefix=ZALO_PREFIX,
            app_secrets={app_id: demo_secret("app", app_id)},
            profile=os.environ.get("FAKE_ZALO_PROFILE", "").strip() or "default",
        )
        # Seeding writes tokens, which are sealed with the record key: the environment of a function that
        # has both the tables and the key (the token service's), else any with the tables.
        with_tables = [f for f in self.functions if "UNITS_TABLE" in f.environment]
        seeder = next((f for f in with_tables if "RECORD_KEY_ID" in f.environment), with_tables[0])
        seed_env = {**os.environ, **seeder.runtime_environment}
        self._seed_env, self._app_id = seed_env, app_id
        with environ.overlay(seed_env):
            self.units = seed_units(seed_file, seed_env, self.client("ssm"), app_id)
            seed_tokens(self.units, seed_env, self.zalo)
            seed_officers(root / self.config.officers_file, seed_env)
            seed_content(root / self.config.content_file, seed_env)
        self.local_api = LocalApi(self)

    def add_unit(self, raw: dict[str, Any]) -> Any:
        """A new unit in the running stack (an ``oa_id`` in ``raw`` gets its secret and a token pair)."""
        from localrun.seed import add_unit

        with self._units_lock, environ.overlay(self._seed_env):
            unit = add_unit(raw, self._seed_env, self.client("ssm"), self.zalo, self._app_id)
            self.units.append(unit)
        return unit

    def _create_schedule_v2(
        self, scheduler_client: Any, function: Any, event_name: str, props: dict[str, Any]
    ) -> None:
        """What SAM makes of a ScheduleV2 event: an EventBridge Scheduler schedule targeting the function."""
        from localrun.aws_resources import create_schedule

        role = f"arn:aws:iam::{ACCOUNT_ID}:role/{function.logical_id}{event_name}Role"
        target: dict[str, Any] = {"Arn": function.arn, "RoleArn": props.get("RoleArn") or role}
        for key in ("Input", "RetryPolicy", "DeadLetterConfig"):
            if props.get(key):
                target[key] = props[key]
        name = str(props.get("Name") or f"{function.logical_id}{event_name}")
        create_schedule(scheduler_client, name, {**props, "Target": target})

    def _localise(self, value: str) -> str:
        """execute-api URLs of the template's APIs point at the local server."""
        for physical in self.template.physical.values():
            if "ApiEndpoint" in physical.attributes:
                public = f"https://{physical.ref}.execute-api.{REGION}.amazonaws.com"
                value = value.replace(public, self.base_url)
        return value

    def _rule_entry(self, function: Any, event_name: str, props: dict[str, Any]) -> Any:
        from localrun.schedules import ScheduleEntry, validate_expression

        expression = str(props["Schedule"])
        validate_expression(expression)
        enabled = props.get("Enabled", True) is not False and props.get("State", "ENABLED") == "ENABLED"
        target: dict[str, Any] = {"Arn": function.arn}
        if props.get("Input"):
            target["Input"] = props["Input"]
        return ScheduleEntry(
            key=f"rule/{props.get('Name') or function.logical_id + event_name}",
            expression=expression,
            timezone="UTC",
            target=target,
            enabled=enabled,
            rule_event=True,
        )

    def _sqs_sources(self) -> list[Any]:
        from localrun.sqs_source import SqsEventSource

        by_arn = {q["arn"]: q for q in self.queues.values()}
        sources = []
        for function in self.functions:
            for event_name, event in function.events.items():
                if event.get("Type") != "SQS":
                    continue
                props = event.get("Properties") or {}
                if props.get("Enabled", True) is False:
                    continue
                queue = by_arn.get(str(props["Queue"]))
                if queue is None:
                    raise ValueError(
                        f"{function.logical_id}.{event_name}: queue {props['Queue']} is not in the template"
                    )
                if props.get("FilterCriteria"):
                    log.warning(
                        "%s.%s: FilterCriteria is not applied locally", function.logical_id, event_name
                    )
                sources.append(
                    SqsEventSource(
                        function=function,
                        sqs=self.client("sqs"),
                        queue_url=queue["url"],
                        queue_arn=queue["arn"],
                        region=REGION,
                        batch_size=int(props.get("BatchSize", 10)),
                        report_batch_item_failures="ReportBatchItemFailures"
                        in (props.get("FunctionResponseTypes") or []),
                        retry_delay=self.config.sqs_retry_delay,
                        wait_seconds=self.config.sqs_wait_seconds,
                    )
                )
        return sources

    def _dispatch(self, environ_: dict[str, Any], start_response: Any) -> Any:
        path = environ_.get("PATH_INFO", "")
        if path == ZALO_PREFIX or path.startswith(ZALO_PREFIX + "/"):
            return self.zalo(environ_, start_response)
        if path == "/" or path.startswith("/_local/"):
            return self.local_api(environ_, start_response)
        if path == WEBHOOK_PATH and environ_.get("REQUEST_METHOD") == "POST":
            return self._webhook_seen_by_zalo(environ_, start_response)
        return self.gateway(environ_, start_response)

    def _webhook_seen_by_zalo(self, environ_: dict[str, Any], start_response: Any) -> Any:
        """Zalo knows what a user did before it posts the event: once the webhook accepted a signed event
        (200), the fake Zalo learns the user's interaction (its strict profile refuses consultation messages
        to users idle for 7 days, docs/zalo-platform.md §8)."""
        import contextlib
        import io
        import json

        try:
            length = int(environ_.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        raw = environ_["wsgi.input"].read(length) if length > 0 else b""
        environ_["wsgi.input"] = io.BytesIO(raw)
        status: list[str] = []

        def remember_status(code: str, headers: Any, exc_info: Any = None) -> Any:
            status.append(code)
            return start_response(code, headers, exc_info) if exc_info else start_response(code, headers)

        body = self.gateway(environ_, remember_status)
        if status and status[0].startswith("200"):
            with contextlib.suppress(ValueError):
                self.zalo.note_event(json.loads(raw))
        return body

    def _spawn(self, name: str, target: Any) -> None:
        thread = threading.Thread(target=target, name=name, daemon=True)
        thread.start()
        self._threads.append(thread)

    def stop(self, grace_seconds: float = STOP_GRACE_SECONDS) -> None:
        """Stop within ``grace_seconds`` (plus moto's own shutdown), however busy the stack is.

        Order matters: first nothing new starts (pollers and the scheduler stop, an invocation waiting for
        its turn gives up), then the invocation already running finishes while the fake Zalo and moto still
        answer it (shut them first and it retries against a closed port for many seconds), then the HTTP
        server and moto stop. One deadline bounds every wait; the threads are daemons, so whatever still runs
        after it ends with the process.
        """
        from localrun.lambda_runtime import refuse_invocations

        deadline = time.monotonic() + grace_seconds
        self._stop.set()
        refuse_invocations()
        workers = [t for t in self._threads if t.name != HTTP_THREAD]
        for thread in workers:
            thread.join(timeout=max(0.0, deadline - time.monotonic()))
        if getattr(self, "scheduler", None) is not None:
            self.scheduler.shutdown(timeout=max(0.0, deadline - time.monotonic()))
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._moto is not None:
            self._moto.stop()
        still_running = [t.name for t in workers if t.is_alive()]
        if still_running:
            log.warning("stopped with work still running in %s (abandoned)", ", ".join(still_running))


def _extra_media_sources() -> list[str]:
    """Test-only: more allowed attachment sources, e.g. the e2e suite's CDN that fails on demand."""
    raw = os.environ.get("LOCALRUN_EXTRA_MEDIA_SOURCES", "")
    return [item.strip() for item in raw.split(",") if item.strip()]
