"""Webhook benchmarks (make bench): cold start and warm cost, as ratios against references run alongside.

1. Cold start: a fresh Python process imports functions/webhook/app.py and handles one signed event
   (SSM secret read + SQS send over HTTP to a moto server), against the floor of a fresh process that only
   imports boto3 and creates one SQS client. Median of RUNS each, interleaved. Target ≤ 1.3×.
2. Warm cost per event: the real handler against a minimal reference handler (parse JSON, SHA-256 verify,
   SendMessage with a plain boto3 client) on the same moto server, interleaved. Target ≤ 1.5×.
3. Memory: the peak resident memory of those cold processes against the floor's (the Lambda has 512 MB).

Machines here are noisy: only the ratios measured in one run are meaningful.

Bytecode: `make build` ships compiled bytecode for everything deployed (Lambda's file system is read-only,
so a module without it is compiled again at every cold start), and the installed libraries of both sides
here already have theirs; so the bench compiles the project's own sources first (timestamp-checked
__pycache__, as Python itself would write them), instead of charging only our side for compiling.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUNS = int(os.environ.get("BENCH_RUNS", "11"))
WARM_EVENTS = int(os.environ.get("BENCH_WARM_EVENTS", "300"))
APP_ID = "4321098765432109876"
OA_ID = "1234567890123456789"
SECRET = "bench-oa-secret"

FLOOR = """
import time
t0 = time.perf_counter()
import boto3
boto3.client("sqs")
elapsed = time.perf_counter() - t0
print(elapsed, int(open('/proc/self/status').read().split('VmHWM:')[1].split()[0]) * 1024)
"""

COLD = """
import importlib.util, json, sys, time
t0 = time.perf_counter()
spec = importlib.util.spec_from_file_location("webhook_app", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
imported = time.perf_counter()
class Context:
    function_name = "webhook"; memory_limit_in_mb = 512; aws_request_id = "cold"
    invoked_function_arn = "arn:aws:lambda:ap-southeast-1:123456789012:function:webhook"
answer = module.lambda_handler(json.loads(sys.argv[2]), Context())
elapsed = time.perf_counter() - t0
assert answer["statusCode"] == 200, answer
print(imported - t0, elapsed, int(open('/proc/self/status').read().split('VmHWM:')[1].split()[0]) * 1024)
"""


def signed_event(msg_id: str) -> dict:
    from anninh.zalo.signature import sign

    body = json.dumps(
        {
            "app_id": APP_ID,
            "event_name": "user_send_text",
            "timestamp": str(int(time.time() * 1000)),
            "sender": {"id": "8765432109876543210"},
            "recipient": {"id": OA_ID},
            "message": {"msg_id": msg_id, "text": "menu"},
        }
    )
    header = sign(body.encode(), app_id=APP_ID, timestamp=json.loads(body)["timestamp"], secret=SECRET)
    return {
        "version": "2.0",
        "routeKey": "POST /zalo/webhook",
        "rawPath": "/zalo/webhook",
        "headers": {"x-zevent-signature": header, "content-type": "application/json"},
        "body": body,
        "isBase64Encoded": False,
    }


def main() -> None:
    import logging

    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # moto server access lines
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    env = {
        **os.environ,
        "AWS_ENDPOINT_URL": endpoint,
        "AWS_ACCESS_KEY_ID": "bench",
        "AWS_SECRET_ACCESS_KEY": "bench",
        "AWS_DEFAULT_REGION": "ap-southeast-1",
        "AWS_REGION": "ap-southeast-1",
        "POWERTOOLS_METRICS_NAMESPACE": "Bench",
        "POWERTOOLS_SERVICE_NAME": "webhook",
        "POWERTOOLS_LOG_LEVEL": os.environ.get("BENCH_LOG_LEVEL", "ERROR"),
        "SSM_PREFIX": "/anninh/bench",
        "ZALO_APP_ID": APP_ID,
        "STAGE": "bench",
        "HASH_KEY_SECRET": "bench/hash-key",  # the log pseudonym's key, as the template names it
    }
    os.environ.update(env)
    import boto3

    # As generated at deploy; the webhook reads it once per process through Parameter Store's reference.
    boto3.client("secretsmanager").create_secret(Name="bench/hash-key", SecretString="bench-root-" + "0" * 32)

    sqs = boto3.client("sqs")
    queue_url = sqs.create_queue(QueueName="bench.fifo", Attributes={"FifoQueue": "true"})["QueueUrl"]
    boto3.client("ssm").put_parameter(
        Name=f"/anninh/bench/oa/{OA_ID}/secret_key", Value=SECRET, Type="SecureString"
    )
    env["INBOUND_QUEUE_URL"] = os.environ["INBOUND_QUEUE_URL"] = queue_url
    app_path = str(ROOT / "functions" / "webhook" / "app.py")
    import compileall

    for source in (ROOT / "layers" / "anninh" / "anninh", ROOT / "functions" / "webhook"):
        compileall.compile_dir(source, quiet=1)

    floors, colds, imports, floor_rss, cold_rss = [], [], [], [], []
    for run in range(RUNS):
        floor_out = subprocess.run(
            [sys.executable, "-c", FLOOR], env=env, capture_output=True, text=True, check=True
        ).stdout.split()
        floors.append(float(floor_out[-2]))
        floor_rss.append(int(floor_out[-1]))
        out = subprocess.run(
            [sys.executable, "-c", COLD, app_path, json.dumps(signed_event(f"cold-{run}"))],
            env=env,
            capture_output=True,
            text=True,
        )
        if out.returncode != 0:
            raise SystemExit(out.stderr + out.stdout)
        import_part, total, rss = out.stdout.split()[-3:]
        colds.append(float(total))
        imports.append(float(import_part))
        cold_rss.append(int(rss))
    floor, cold = statistics.median(floors), statistics.median(colds)

    import hashlib
    import hmac
    import importlib.util

    spec = importlib.util.spec_from_file_location("webhook_app", app_path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    class Context:
        function_name = "webhook"
        memory_limit_in_mb = 512
        aws_request_id = "warm"
        invoked_function_arn = "arn:aws:lambda:ap-southeast-1:123456789012:function:webhook"

    def reference(event: dict) -> dict:
        raw = event["body"].encode()
        body = json.loads(raw)
        want = hashlib.sha256(body["app_id"].encode() + raw + body["timestamp"].encode() + SECRET.encode())
        if not hmac.compare_digest(want.hexdigest(), event["headers"]["x-zevent-signature"][4:]):
            return {"statusCode": 401}
        sqs.send_message(
            QueueUrl=queue_url,
            MessageBody=event["body"],
            MessageGroupId=OA_ID,
            MessageDeduplicationId=body["message"]["msg_id"],
        )
        return {"statusCode": 200}

    import logging

    logging.disable(logging.CRITICAL)
    ours, refs = [], []
    events = [signed_event(f"warm-{i}") for i in range(2 * WARM_EVENTS + 20)]
    for i in range(10):  # warm both paths
        with contextlib.redirect_stdout(io.StringIO()):
            module.lambda_handler(events[i], Context())
        reference(events[10 + i])
    sink = io.StringIO()  # the handler prints its EMF metrics to stdout, as in Lambda
    for i in range(WARM_EVENTS):
        a, b = events[20 + 2 * i], events[21 + 2 * i]
        with contextlib.redirect_stdout(sink):
            t = time.perf_counter()
            assert module.lambda_handler(a, Context())["statusCode"] == 200
            ours.append(time.perf_counter() - t)
        sink.seek(0)
        sink.truncate()
        t = time.perf_counter()
        assert reference(b)["statusCode"] == 200
        refs.append(time.perf_counter() - t)
    server.stop()
    warm, ref = statistics.median(ours), statistics.median(refs)
    print("webhook benchmark (moto server on loopback, python", sys.version.split()[0] + ")")
    print(f"{'measure':<44}{'ours':>10}{'reference':>12}{'ratio':>8}{'target':>8}")
    print(
        f"{'cold start: import + first event (median ' + str(RUNS) + ')':<44}{cold * 1000:>8.0f}ms"
        f"{floor * 1000:>10.0f}ms{cold / floor:>8.2f}{'≤1.30':>8}"
    )
    print(f"{'  of which import (median)':<44}{statistics.median(imports) * 1000:>8.0f}ms")
    print(
        f"{'warm: per event (median of ' + str(WARM_EVENTS) + ')':<44}{warm * 1000:>8.2f}ms"
        f"{ref * 1000:>10.2f}ms{warm / ref:>8.2f}{'≤1.50':>8}"
    )
    mb = 1024 * 1024
    rss, rss_floor = statistics.median(cold_rss), statistics.median(floor_rss)
    print(
        f"{'cold process peak RSS (median ' + str(RUNS) + ')':<44}{rss / mb:>8.1f}MB"
        f"{rss_floor / mb:>10.1f}MB{rss / rss_floor:>8.2f}{'(512 MB)':>9}"
    )


if __name__ == "__main__":
    main()
