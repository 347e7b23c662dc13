"""Test handler for tests/unit/localrun: records what it was called with; fails records asked to fail."""

import json
import os

CALLS: list[dict] = []


def lambda_handler(event, context):
    CALLS.append(
        {
            "event": event,
            "service": os.environ.get("SERVICE"),
            "function_name": context.function_name,
            "remaining_ms": context.get_remaining_time_in_millis(),
        }
    )
    if isinstance(event, dict) and "Records" in event:
        if any(json.loads(r["body"]).get("crash") for r in event["Records"]):
            raise RuntimeError("asked to crash")
        failed = [r["messageId"] for r in event["Records"] if json.loads(r["body"]).get("fail")]
        return {"batchItemFailures": [{"itemIdentifier": m} for m in failed]}
    if isinstance(event, dict) and event.get("version") == "2.0":
        return {
            "statusCode": 201,
            "headers": {"content-type": "application/json", "x-service": os.environ.get("SERVICE", "")},
            "cookies": ["a=1", "b=2"],
            "body": json.dumps({"path": event["rawPath"], "params": event.get("pathParameters")}),
        }
    return {"ok": True}
