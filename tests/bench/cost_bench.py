"""Cost bench (make bench): each function's warm duration and AWS requests per event on the local stack, and
what a province pays a month for them.

What runs: the whole local stack in this process (what ``make run`` starts: moto, the template's functions,
the SQS pollers and the scheduler), with each function's handler timed inside the invocation (so the time
another invocation holds the runtime is not counted) and every AWS call the handler makes counted by
service, operation and table (botocore's one entry point, which boto3, Powertools and PynamoDB all use).
Log bytes are what the handlers write (JSON logs and EMF metrics) plus Lambda's START/END/REPORT lines.

The traffic of one unit-month, each part measured warm (after a warm-up that is not counted):

- ``MESSAGES_PER_UNIT`` citizen messages (procedure questions, greetings, off-topic chat from the corpus a
  citizen wrote, and the menu), each from a new citizen: webhook (via the HTTP API) -> inbound FIFO ->
  worker -> Zalo; each followed by the two receipt events Zalo sends back (received, seen);
- the token refresher: every OA refreshed once a day, and the hourly runs of the stack shared by its units;
- the hourly tip digest of the stack, shared by its units.

Cost = units x counts x measured durations and requests x the public prices in infra/cost/prices.yaml
(dated, with their source; Singapore uplift applied). Target: <= $0.05 per unit-month variable at 150 units
and 2,000 messages per unit-month. Broadcasts and media are not in the 2,000 messages (a province's
broadcast volume is its own choice); the fixed cost of the stack is printed apart.

Run: .venv/bin/python tests/bench/cost_bench.py  (BENCH_COST_MESSAGES, BENCH_COST_UNITS,
BENCH_COST_MESSAGES_PER_UNIT override). Local durations are moto's and this machine's, not Lambda's: the
figure is an estimate to compare against the target, not a bill.
"""

from __future__ import annotations

import json
import logging
import math
import os
import statistics
import sys
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
for extra in (ROOT, ROOT / "layers" / "anninh", ROOT / "functions", ROOT / "infra" / "local"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

import yaml  # noqa: E402

SAMPLE_MESSAGES = int(os.environ.get("BENCH_COST_MESSAGES", "60"))
UNITS = int(os.environ.get("BENCH_COST_UNITS", "150"))
MESSAGES_PER_UNIT = int(os.environ.get("BENCH_COST_MESSAGES_PER_UNIT", "2000"))
# Zalo's user_received_message and user_seen_message for the replies (the README enables both events).
RECEIPTS = ("user_received_message", "user_seen_message")
TOKEN_REFRESHES_PER_OA = 30  # an access token lives ~25 h: one refresh a day
SCHEDULED_RUNS = 24 * 30  # the hourly token refresh and tip digest of one stack
TARGET_PER_UNIT = 0.05
UNIT_ID = "phuong-trung-tam"
PLATFORM_LOG_BYTES = 300  # Lambda's START, END and REPORT lines of one invocation
PRICES = ROOT / "infra" / "cost" / "prices.yaml"
WRITES = {"PutItem", "UpdateItem", "DeleteItem"}
READS = {"GetItem", "Query", "Scan"}
OUT = sys.__stdout__


@dataclass
class Usage:
    """What one phase of the traffic used, summed over its invocations."""

    invocations: Counter[str] = field(default_factory=Counter)
    durations_ms: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    gb_seconds: float = 0.0
    log_bytes: int = 0
    calls: Counter[tuple[str, str, str]] = field(default_factory=Counter)  # service, operation, resource
    write_units: float = 0.0
    read_units: float = 0.0


class Meter:
    """Times handlers, counts their AWS calls and log bytes, per phase; one invocation runs at a time."""

    def __init__(self, memory_mb: dict[str, int], table_indexes: dict[str, int]) -> None:
        self.memory_mb = memory_mb
        self.table_indexes = table_indexes  # table name -> number of GSIs (each write may update each)
        self.phase = "warm-up"
        self.usage: dict[str, Usage] = defaultdict(Usage)
        self.metrics: set[tuple[str, str]] = set()  # EMF metric name + dimensions seen
        self._local = threading.local()

    @property
    def current(self) -> str | None:
        return getattr(self._local, "function", None)

    def timed(self, logical_id: str, handler: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
        def run(event: Any, context: Any) -> Any:
            self._local.function = logical_id
            started = time.perf_counter()
            try:
                return handler(event, context)
            finally:
                elapsed_ms = (time.perf_counter() - started) * 1000
                self._local.function = None
                usage = self.usage[self.phase]
                usage.invocations[logical_id] += 1
                usage.durations_ms[logical_id].append(elapsed_ms)
                usage.gb_seconds += math.ceil(elapsed_ms) / 1000 * self.memory_mb[logical_id] / 1024
                usage.log_bytes += PLATFORM_LOG_BYTES

        return run

    def aws_call(self, service: str, operation: str, params: dict[str, Any]) -> None:
        if self.current is None:
            return
        usage = self.usage[self.phase]
        resource = str(params.get("TableName") or params.get("QueueUrl") or "")
        usage.calls[(service, operation, resource)] += 1
        if service != "dynamodb":
            return
        if operation in WRITES:
            usage.write_units += 1 + self.table_indexes.get(resource, 0)
        elif operation in READS:
            usage.read_units += 1
        elif operation == "TransactWriteItems":
            usage.write_units += 2 * len(params.get("TransactItems", []))
        elif operation == "TransactGetItems":
            usage.read_units += 2 * len(params.get("TransactItems", []))
        elif operation == "BatchWriteItem":
            usage.write_units += sum(len(items) for items in params.get("RequestItems", {}).values())
        elif operation == "BatchGetItem":
            usage.read_units += sum(len(r.get("Keys", [])) for r in params.get("RequestItems", {}).values())

    def output(self, text: str) -> None:
        if self.current is None:
            return
        self.usage[self.phase].log_bytes += len(text.encode("utf-8"))
        if '"_aws"' in text:
            for line in text.splitlines():
                try:
                    blob = json.loads(line)
                except ValueError:
                    continue
                for directive in blob.get("_aws", {}).get("CloudWatchMetrics", []):
                    for metric in directive.get("Metrics", []):
                        for dimensions in directive.get("Dimensions", []):
                            key = ",".join(f"{d}={blob.get(d)}" for d in dimensions)
                            self.metrics.add((metric["Name"], key))


class CountingStream:
    """sys.stdout for the handlers: counts what they write (logs, EMF) and keeps the terminal quiet."""

    def __init__(self, meter: Meter) -> None:
        self.meter = meter
        self.encoding = "utf-8"

    def write(self, text: str) -> int:
        self.meter.output(text)
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def count_aws_calls(meter: Meter) -> None:
    from botocore.client import BaseClient

    original = BaseClient._make_api_call

    def counted(self: Any, operation_name: str, api_params: dict[str, Any]) -> Any:
        meter.aws_call(self.meta.service_model.service_name, operation_name, api_params)
        return original(self, operation_name, api_params)

    BaseClient._make_api_call = counted  # type: ignore[method-assign]


def say(text: str = "") -> None:
    print(text, file=OUT, flush=True)


# ------------------------------------------------------------------------------------------ traffic


def corpus_messages(count: int) -> list[str]:
    """What citizens write most: procedure questions, greetings, off-topic chat (no tips: ~1 in 175)."""
    texts = ["menu", "4"]
    with (ROOT / "tests" / "corpus" / "validation.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            if row["label"] in ("procedure", "greeting", "off_topic"):
                texts.append(row["text"])
    return [texts[i % len(texts)] for i in range(count)]


def receipt_event(unit: Any, user_id: str, event_name: str) -> dict[str, Any]:
    from localrun.citizen import now_ms

    return {
        "app_id": unit.app_id,
        "event_name": event_name,
        "sender": {"id": unit.oa_id},  # the OA's messages were seen by the citizen
        "recipient": {"id": user_id},
        "user_id_by_app": user_id[::-1],
        "message": {"msg_ids": [os.urandom(16).hex()]},
        "timestamp": now_ms(),
    }


def drain(client: Any, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        queues = client.queues()
        if all(q["visible"] == 0 and q["in_flight"] == 0 for q in queues.values()):
            return
        time.sleep(0.2)
    raise TimeoutError(f"queues did not drain: {client.queues()}")


def make_tokens_due(stack: Any) -> int:
    """Every stored token pair expires within the hour, so the next refresher run refreshes each OA."""
    import boto3

    table = str(stack.template.physical["TokensTable"].ref)
    dynamodb = boto3.client("dynamodb")
    soon = (datetime.now(UTC) + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S.%f+0000")
    items = dynamodb.scan(TableName=table)["Items"]
    for item in items:
        dynamodb.update_item(
            TableName=table,
            Key={"oa_id": item["oa_id"]},
            UpdateExpression="SET expires_at = :soon",
            ExpressionAttributeValues={":soon": {"S": soon}},
        )
    return len(items)


def citizens(client: Any, texts: list[str]) -> None:
    from localrun.citizen import new_user_id, text_event

    unit = client.unit(UNIT_ID)
    for text in texts:
        user_id = new_user_id()
        client.post_event(unit, text_event(unit, user_id, text)).raise_for_status()
        client.wait_for_reply(user_id, timeout=60, interval=0.05)
        for event_name in RECEIPTS:
            client.post_event(unit, receipt_event(unit, user_id, event_name)).raise_for_status()
    drain(client)


# ------------------------------------------------------------------------------------------ cost


def per_event(
    usage: Usage, events: float, prices: dict[str, Any], uplift: float, traced: bool
) -> dict[str, float]:
    """The cost of one event of a phase, by AWS service (usage prices x the region uplift)."""

    def price(name: str) -> float:
        return float(prices[name]["price"]) * uplift

    invocations = sum(usage.invocations.values())
    sqs_fifo = sum(n for (s, _, r), n in usage.calls.items() if s == "sqs" and r.endswith(".fifo"))
    sqs_standard = sum(n for (s, _, r), n in usage.calls.items() if s == "sqs" and not r.endswith(".fifo"))
    # Lambda's SQS event source: a receive and a delete per batch it hands a function (empty polls: fixed).
    polled = usage.invocations["WorkerFunction"] + usage.invocations["MediaFunction"]
    sqs_fifo += 2 * usage.invocations["WorkerFunction"]
    sqs_standard += 2 * (polled - usage.invocations["WorkerFunction"] + usage.invocations["SenderFunction"])
    kms = sum(n for (s, _, _), n in usage.calls.items() if s == "kms")
    costs = {
        "Lambda duration": usage.gb_seconds * price("lambda_arm64_gb_second"),
        "Lambda requests": invocations * price("lambda_request"),
        "HTTP API": usage.invocations["WebhookFunction"] * price("http_api_request"),
        "SQS": sqs_fifo * price("sqs_fifo_request") + sqs_standard * price("sqs_standard_request"),
        "DynamoDB": usage.write_units * price("dynamodb_write_request_unit")
        + usage.read_units * price("dynamodb_read_request_unit"),
        "CloudWatch Logs": usage.log_bytes / 1024**3 * price("cloudwatch_logs_ingested_gb"),
        "X-Ray": invocations * price("xray_trace_recorded") if traced else 0.0,
        "KMS": kms * price("kms_request"),
    }
    return {service: value / events for service, value in costs.items()}


def fixed_per_stack(template: Any, prices: dict[str, Any], metrics: set[tuple[str, str]]) -> dict[str, float]:
    fixed = prices["fixed_monthly"]
    alarm_metrics = 0
    for resource in template.active("AWS::CloudWatch::Alarm"):
        queries = resource.properties.get("Metrics") or []
        alarm_metrics += sum(1 for q in queries if "MetricStat" in q) or 1
    return {
        "KMS key": fixed["kms_key"]["price"],
        f"{alarm_metrics} alarm metrics": alarm_metrics * fixed["cloudwatch_alarm"]["price"],
        "dashboard": fixed["cloudwatch_dashboard"]["price"],
        f"{len(metrics)} custom metrics seen": len(metrics) * fixed["cloudwatch_custom_metric"]["price"],
    }


def main() -> int:
    logging.basicConfig(level=logging.WARNING)
    for name in ("werkzeug", "localrun"):
        logging.getLogger(name).setLevel(logging.ERROR)
    os.environ.setdefault("LOCALRUN_SQS_RETRY_DELAY", "1")
    from localrun.citizen import LocalStackClient
    from localrun.stack import LocalStack, StackConfig

    document = yaml.safe_load(PRICES.read_text(encoding="utf-8"))
    prices, uplift = document["prices"], float(document["region_uplift"])
    meter = Meter({}, {})
    sys.stdout = CountingStream(meter)  # before the functions load: their loggers bind to it
    count_aws_calls(meter)
    stack = LocalStack(StackConfig(root=ROOT, port=0, sqs_wait_seconds=1))
    stack.start()
    try:
        meter.memory_mb.update({f.logical_id: f.memory for f in stack.functions})
        for resource in stack.template.active("AWS::DynamoDB::Table"):
            name = str(stack.template.physical[resource.logical_id].ref)
            meter.table_indexes[name] = len(resource.properties.get("GlobalSecondaryIndexes") or [])
        for function in stack.functions:
            function._callable = meter.timed(function.logical_id, function.load())
        client = LocalStackClient(stack.base_url)
        tracing = str(stack.template.parameters["Tracing"])

        citizens(client, corpus_messages(8))  # warm-up: every function instance and cache is warm after
        meter.phase = "messages"
        citizens(client, corpus_messages(SAMPLE_MESSAGES))
        oas = make_tokens_due(stack)
        meter.phase = "tokens-all-due"
        assert client.fire_schedule("TokensFunctionRefreshSchedule")["last_error"] is None
        meter.phase = "tokens-none-due"
        assert client.fire_schedule("TokensFunctionRefreshSchedule")["last_error"] is None
        meter.phase = "warm-up"
        client.fire_schedule("DigestFunctionHourlyDigest")
        meter.phase = "digest"
        client.fire_schedule("DigestFunctionHourlyDigest")
        template = stack.template
    finally:
        sys.stdout = OUT
        stack.stop()

    messages = meter.usage["messages"]
    say(f"cost bench: {SAMPLE_MESSAGES} citizen messages (+{len(RECEIPTS)} receipts each), warm, local stack")
    say(f"{'function':<20}{'invocations':>12}{'median ms':>11}{'p95 ms':>9}   (per citizen message)")
    for logical_id in sorted(messages.invocations):
        times = sorted(messages.durations_ms[logical_id])
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        per_message = messages.invocations[logical_id] / SAMPLE_MESSAGES
        say(f"{logical_id:<20}{per_message:>12.2f}{statistics.median(times):>11.1f}{p95:>9.1f}")
    tokens_all, tokens_idle = meter.usage["tokens-all-due"], meter.usage["tokens-none-due"]
    for label, usage in (("token run, all due", tokens_all), ("token run, none due", tokens_idle)):
        median = statistics.median(usage.durations_ms["TokensFunction"])
        say(f"{label:<20}{'':>12}{median:>11.1f}  ({oas} OAs)")
    digest_ms = statistics.median(meter.usage["digest"].durations_ms["DigestFunction"])
    say(f"{'digest run':<20}{'':>12}{digest_ms:>11.1f}")
    per_ddb = (messages.write_units / SAMPLE_MESSAGES, messages.read_units / SAMPLE_MESSAGES)
    for (service, operation, resource), n in messages.calls.most_common(14):
        say(f"  {n / SAMPLE_MESSAGES:5.2f} x {service} {operation} {resource.rsplit('/', 1)[-1]}")
    say(
        f"per message: {per_ddb[0]:.1f} DynamoDB write units, {per_ddb[1]:.1f} read units, "
        f"{messages.log_bytes / SAMPLE_MESSAGES / 1024:.1f} KB of logs"
    )

    def unit_month(traced: bool) -> dict[str, float]:
        message = per_event(messages, SAMPLE_MESSAGES, prices, uplift, traced)
        refresh_all = per_event(tokens_all, oas, prices, uplift, traced)
        idle_share = per_event(tokens_idle, oas, prices, uplift, traced)
        idle_run = per_event(tokens_idle, 1, prices, uplift, traced)
        digest_run = per_event(meter.usage["digest"], 1, prices, uplift, traced)
        per_unit: dict[str, float] = defaultdict(float)
        for service in message:
            per_unit[service] += MESSAGES_PER_UNIT * message[service]
            per_unit[service] += TOKEN_REFRESHES_PER_OA * max(0.0, refresh_all[service] - idle_share[service])
            per_unit[service] += SCHEDULED_RUNS * (idle_run[service] + digest_run[service]) / UNITS
        return per_unit

    per_unit = unit_month(traced=tracing == "Active")
    total = sum(per_unit.values())
    say()
    say(
        f"province estimate: {UNITS} units x {MESSAGES_PER_UNIT} messages a month, prices of {PRICES.name} "
        f"x{uplift} (Singapore bound), Tracing={tracing}"
    )
    for service, value in sorted(per_unit.items(), key=lambda item: -item[1]):
        say(f"  {service:<18} ${value:.5f} per unit-month")
    verdict = "within" if total <= TARGET_PER_UNIT else "OVER"
    say(
        f"variable cost: ${total:.4f} per unit-month ({verdict} the ${TARGET_PER_UNIT:.2f} target), "
        f"${total * UNITS:.2f} a month for the province"
    )
    traced_total = sum(unit_month(traced=True).values())
    say(f"with Tracing=Active (X-Ray on every invocation): ${traced_total:.4f} per unit-month")
    fixed = fixed_per_stack(template, document, meter.metrics)
    say(
        "fixed per stack-month: "
        + ", ".join(f"{k} ${v:.2f}" for k, v in fixed.items())
        + f" = ${sum(fixed.values()):.2f} (+ SQS empty polls, DynamoDB's KMS calls; S3 by media volume)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
