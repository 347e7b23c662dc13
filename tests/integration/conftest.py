"""Handlers on in-process moto, built from template.yaml, with Zalo calls over real HTTP to FakeZalo.

Tables and queues come from the template through the local stack's own resource creator (never retyped);
each function gets the environment the template gives it; the worker is fed by a real SQS poller that
honours partial batch failures, visibility and the DLQ.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import boto3
import pytest
from anninh.zalo.signature import sign
from localrun import environ
from localrun.aws_resources import ResourceCreator
from localrun.cfn_yaml import load_template
from localrun.fake_zalo import FakeZalo, serve_in_thread
from localrun.lambda_runtime import LocalFunction, build_functions
from localrun.seed import seed_app_id, seed_units
from localrun.sqs_source import SqsEventSource
from localrun.stack import LOCAL_ADMIN_TOKEN, grant_local_admin
from localrun.template import Template
from moto import mock_aws

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "infra" / "seed" / "units.yaml"
REGION = "ap-southeast-1"


@dataclass
class Stack:
    template: Template
    functions: dict[str, LocalFunction]
    zalo: FakeZalo
    zalo_url: str
    units: dict[str, Any]
    app_id: str
    sqs: Any
    clients: dict[str, Any] = field(default_factory=dict)

    def url(self, logical_id: str) -> str:
        return str(self.template.physical[logical_id].ref)

    def arn(self, logical_id: str) -> str:
        return str(self.template.physical[logical_id].attributes["Arn"])

    def signed_request(self, unit_id: str, body: dict[str, Any], secret: str | None = None) -> dict[str, Any]:
        unit = self.units[unit_id]
        raw = json.dumps(body, ensure_ascii=False)
        header = sign(
            raw.encode(),
            app_id=self.app_id,
            timestamp=str(body["timestamp"]),
            secret=secret or unit.oa_secret_key,
        )
        return {
            "version": "2.0",
            "routeKey": "POST /zalo/webhook",
            "rawPath": "/zalo/webhook",
            "rawQueryString": "",
            "headers": {"content-type": "application/json", "x-zevent-signature": header},
            "requestContext": {"http": {"method": "POST", "path": "/zalo/webhook", "sourceIp": "127.0.0.1"}},
            "body": raw,
            "isBase64Encoded": False,
        }

    def text_event(self, unit_id: str, user_id: str, text: str, msg_id: str) -> dict[str, Any]:
        return {
            "app_id": self.app_id,
            "event_name": "user_send_text",
            "timestamp": str(int(time.time() * 1000)),
            "sender": {"id": user_id},
            "recipient": {"id": self.units[unit_id].oa_id},
            "message": {"msg_id": msg_id, "text": text},
        }

    def follow_event(self, unit_id: str, user_id: str) -> dict[str, Any]:
        return {
            "app_id": self.app_id,
            "event_name": "follow",
            "timestamp": str(int(time.time() * 1000)),
            "oa_id": self.units[unit_id].oa_id,
            "follower": {"id": user_id},
            "source": "oa_profile",
        }

    def post(self, unit_id: str, body: dict[str, Any], secret: str | None = None) -> dict[str, Any]:
        return self.functions["WebhookFunction"].invoke(self.signed_request(unit_id, body, secret))

    def source(self, function_id: str, queue_id: str) -> SqsEventSource:
        """``function_id`` polling ``queue_id`` with the batch settings of its SQS event in the template."""
        function = self.functions[function_id]
        event = next(e["Properties"] for e in function.events.values() if e.get("Type") == "SQS")
        return SqsEventSource(
            function=function,
            sqs=self.sqs,
            queue_url=self.url(queue_id),
            queue_arn=self.arn(queue_id),
            region=REGION,
            batch_size=int(event.get("BatchSize", 10)),
            report_batch_item_failures="ReportBatchItemFailures"
            in (event.get("FunctionResponseTypes") or []),
            retry_delay=0,
            wait_seconds=0,
        )

    def worker_source(self) -> SqsEventSource:
        return self.source("WorkerFunction", "InboundQueue")

    def media_source(self) -> SqsEventSource:
        return self.source("MediaFunction", "MediaQueue")

    def drain(self, rounds: int = 10, source: SqsEventSource | None = None) -> int:
        """Run the worker (or ``source``) until its queue is empty (or ``rounds`` polls); records handled."""
        source, handled, idle = source or self.worker_source(), 0, 0
        while idle < 2 and rounds > 0:
            got = source.poll_once()
            handled += got
            idle = idle + 1 if got == 0 else 0
            rounds -= 1
        return handled

    def admin(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        query: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
        token: str | None = LOCAL_ADMIN_TOKEN,
    ) -> tuple[int, Any]:
        """Call the admin API (AdminFunction) as API Gateway would; returns (status, decoded body), the text
        itself for a CSV answer."""
        sent = {"content-type": "application/json", **(headers or {})}
        if token is not None:
            sent["x-anninh-token"] = token
        event: dict[str, Any] = {
            "version": "2.0",
            "routeKey": f"{method} {path}",
            "rawPath": path,
            "rawQueryString": "&".join(f"{k}={v}" for k, v in (query or {}).items()),
            "headers": sent,
            "requestContext": {
                "http": {"method": method, "path": path, "sourceIp": "127.0.0.1"},
                "requestId": f"req-{time.monotonic_ns()}",
                "stage": "$default",
            },
            "isBase64Encoded": False,
        }
        if query:
            event["queryStringParameters"] = dict(query)
        if body is not None:
            event["body"] = json.dumps(body, ensure_ascii=False)
        answer = self.functions["AdminFunction"].invoke(event)
        body = answer.get("body")
        headers = {k.lower(): v for k, v in (answer.get("headers") or {}).items()}
        if body and headers.get("content-type", "").startswith("text/csv"):
            return int(answer["statusCode"]), body  # a CSV export: the text as sent
        return int(answer["statusCode"]), json.loads(body) if body else None

    def queue_depth(self, logical_id: str) -> int:
        attrs = self.sqs.get_queue_attributes(
            QueueUrl=self.url(logical_id),
            AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
        )["Attributes"]
        return int(attrs["ApproximateNumberOfMessages"]) + int(attrs["ApproximateNumberOfMessagesNotVisible"])


def functions_env_secret(template: Template) -> str:
    """The hash key secret's name as the template gives it to every function."""
    return str(template.resolve(template.globals["Function"]["Environment"]["Variables"]["HASH_KEY_SECRET"]))


@pytest.fixture(scope="session")
def fake_zalo() -> Iterator[tuple[FakeZalo, str]]:
    from localrun.seed import demo_secret

    app_id = seed_app_id(SEED)
    app = FakeZalo(app_secrets={app_id: demo_secret("app", app_id)})
    base_url, stop = serve_in_thread(app)
    yield app, base_url
    stop()


@pytest.fixture
def stack(fake_zalo, monkeypatch) -> Iterator[Stack]:
    zalo, zalo_url = fake_zalo
    zalo.reset(everything=True)
    for key, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": REGION,
        "AWS_REGION": REGION,
    }.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)
    environ.install()
    app_id = seed_app_id(SEED)
    with mock_aws():
        template = Template(
            load_template(ROOT / "template.yaml"),
            parameter_overrides={
                "Stage": "local",
                "ZaloApiBaseUrl": zalo_url,
                "ZaloOAuthBaseUrl": zalo_url,
                "ZaloAppId": app_id,
                "LogLevel": "WARNING",
                "MediaSourcePrefixes": zalo_url + "/_media/",
            },
            region=REGION,
        )
        ResourceCreator(template, lambda service: boto3.client(service, region_name=REGION)).create_all()
        from anninh import hash_keys

        # Each test's moto generates the stack's hash key anew, under the same name.
        hash_keys.forget(functions_env_secret(template))
        functions = {f.logical_id: f for f in build_functions(template, ROOT, rewrite=lambda value: value)}
        grant_local_admin(list(functions.values()))
        env = functions["WorkerFunction"].runtime_environment
        with environ.overlay(env):
            seeded = seed_units(SEED, env, boto3.client("ssm", region_name=REGION), app_id)
            from anninh.store.tokens import DynamoTokenRepository, bind_tokens_table

            bind_tokens_table()
            from anninh.settings import TableNames
            from anninh.store.models import bind_tables

            bind_tables(TableNames.from_env(env))  # tests read and seed tables before any handler runs
            tokens = DynamoTokenRepository()
            now = datetime.now(UTC)
            for unit in seeded:
                if unit.oa_id:
                    pair = zalo.issue_token(unit.oa_id)
                    tokens.put(
                        unit.oa_id,
                        pair["access_token"],
                        pair["refresh_token"],
                        now + timedelta(hours=25),
                        now,
                    )
        yield Stack(
            template=template,
            functions=functions,
            zalo=zalo,
            zalo_url=zalo_url,
            units={u.unit_id: u for u in seeded},
            app_id=app_id,
            sqs=boto3.client("sqs", region_name=REGION),
        )
