"""The webhook's trimmed SSM service model is exactly botocore's for the calls it makes, and it reads with it.

functions/webhook/botocore_models/ holds an SSM model with only GetParametersByPath (every OA secret, in
bulk) and GetParameter (the App Secret) (see functions/webhook/app.py: loading botocore's full SSM model was
the largest part of the webhook's cold start). After a botocore upgrade that changes them, regenerate it
with:

    .venv/bin/python tests/unit/inbound/test_webhook_ssm_model.py
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import boto3
import botocore.session
import pytest
from moto import mock_aws

ROOT = Path(__file__).resolve().parents[3]
APP = ROOT / "functions" / "webhook" / "app.py"
MODELS = ROOT / "functions" / "webhook" / "botocore_models"
OPERATIONS = ("GetParameter", "GetParametersByPath")


def _without_docs(node: Any) -> Any:
    if isinstance(node, dict):
        return {key: _without_docs(value) for key, value in node.items() if key != "documentation"}
    if isinstance(node, list):
        return [_without_docs(value) for value in node]
    return node


def trimmed_ssm_model() -> dict[str, Any]:
    """botocore's SSM model reduced to OPERATIONS and the shapes they reach, without documentation."""
    loader = botocore.session.get_session().get_component("data_loader")
    full = loader.load_service_model("ssm", "service-2")
    shapes: dict[str, Any] = {}

    def reach(name: str) -> None:
        if name in shapes:
            return
        shape = full["shapes"][name]
        shapes[name] = shape
        for ref in ("member", "key", "value"):
            if ref in shape:
                reach(shape[ref]["shape"])
        for member in shape.get("members", {}).values():
            reach(member["shape"])

    operations = {name: full["operations"][name] for name in OPERATIONS}
    for operation in operations.values():
        for ref in ("input", "output"):
            if ref in operation:
                reach(operation[ref]["shape"])
        for error in operation.get("errors", []):
            reach(error["shape"])
    return {
        "version": full["version"],
        "metadata": full["metadata"],
        "operations": _without_docs(operations),
        "shapes": _without_docs(shapes),
    }


def model_file(model: dict[str, Any]) -> Path:
    return MODELS / "ssm" / model["metadata"]["apiVersion"] / "service-2.json"


REGENERATE = f"regenerate it with .venv/bin/python {Path(__file__).relative_to(ROOT)}"


def test_the_trimmed_model_is_botocores_for_the_calls_made() -> None:
    expected = trimmed_ssm_model()
    path = model_file(expected)
    assert path.is_file(), f"{path} is missing: {REGENERATE}"
    assert json.loads(path.read_text(encoding="utf-8")) == expected, f"botocore's model changed: {REGENERATE}"


@pytest.fixture
def webhook_app(monkeypatch):
    monkeypatch.setenv("AWS_DEFAULT_REGION", "ap-southeast-1")
    monkeypatch.setenv("SSM_PREFIX", "/anninh/test")
    monkeypatch.setenv("INBOUND_QUEUE_URL", "https://sqs.ap-southeast-1.amazonaws.com/123456789012/in.fifo")
    with mock_aws():
        spec = importlib.util.spec_from_file_location("webhook_app_under_test", APP)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        yield module


def test_the_webhook_reads_oa_secrets_through_the_trimmed_model(webhook_app) -> None:
    boto3.client("ssm").put_parameter(
        Name="/anninh/test/oa/123/secret_key", Value="oa-secret", Type="SecureString"
    )
    boto3.client("ssm").put_parameter(
        Name="/anninh/test/app/secret_key", Value="app-secret", Type="SecureString"
    )
    ssm = webhook_app.session.client("ssm")
    assert sorted(ssm.meta.service_model.operation_names) == sorted(OPERATIONS)
    assert {"SendMessage", "ReceiveMessage"} <= set(
        webhook_app.session.client("sqs").meta.service_model.operation_names
    )
    assert webhook_app.secrets.find_oa(["456", "123"]) == ("123", "oa-secret")
    assert webhook_app.secrets.oa_secret("456") is None  # not among the OAs loaded in bulk
    assert webhook_app.secrets.app_secret() == "app-secret"


if __name__ == "__main__":
    model = trimmed_ssm_model()
    target = model_file(model)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT)} ({', '.join(OPERATIONS)})")
