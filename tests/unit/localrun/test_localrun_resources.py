"""The template's resources created in (in-memory) moto, and the functions' environment resolved."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from localrun.aws_resources import ResourceCreator, register_static_resources
from localrun.lambda_runtime import build_functions, shared_variable_conflicts
from localrun.template import Template

HERE = Path(__file__).parent
BASE = "http://127.0.0.1:9999"


@pytest.fixture
def created(template: Template, client) -> Template:
    register_static_resources(template, BASE)
    ResourceCreator(template, client).create_all()
    return template


def test_table_keys_index_ttl_and_kms(created: Template, client) -> None:
    dynamodb = client("dynamodb")
    table = dynamodb.describe_table(TableName="t-ItemsTable")["Table"]
    assert table["KeySchema"] == [{"AttributeName": "pk", "KeyType": "HASH"}]
    assert [index["IndexName"] for index in table["GlobalSecondaryIndexes"]] == ["by_other"]
    assert table["SSEDescription"]["SSEType"] == "KMS"
    ttl = dynamodb.describe_time_to_live(TableName="t-ItemsTable")["TimeToLiveDescription"]
    assert ttl == {"TimeToLiveStatus": "ENABLED", "AttributeName": "expires_at"}


def test_fifo_queue_with_redrive_and_conditional_queue_skipped(created: Template, client) -> None:
    sqs = client("sqs")
    url = created.physical["Inbound"].ref
    attributes = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
    assert url.endswith("/t-Inbound.fifo")
    assert attributes["FifoQueue"] == "true"
    assert attributes["VisibilityTimeout"] == "30"
    redrive = json.loads(attributes["RedrivePolicy"])
    assert redrive == {
        "deadLetterTargetArn": created.physical["DeadLetters"].attributes["Arn"],
        "maxReceiveCount": 2,
    }
    names = [u.rsplit("/", 1)[1] for u in sqs.list_queues()["QueueUrls"]]
    assert sorted(names) == ["t-DeadLetters.fifo", "t-Inbound.fifo"]


def test_bucket_kms_key_and_parameter(created: Template, client) -> None:
    rules = client("s3").get_bucket_encryption(Bucket="t-media")["ServerSideEncryptionConfiguration"]["Rules"]
    assert (
        rules[0]["ApplyServerSideEncryptionByDefault"]["KMSMasterKeyID"]
        == created.physical["Key"].attributes["Arn"]
    )
    key = client("kms").describe_key(KeyId=created.physical["Key"].ref)["KeyMetadata"]
    assert key["Description"] == "key for local"
    assert client("ssm").get_parameter(Name="/demo/local/setting")["Parameter"]["Value"] == "b-small"


def test_functions_merge_globals_and_resolve_references(created: Template) -> None:
    public = "https://localapi.execute-api.ap-southeast-1.amazonaws.com"
    functions = {f.logical_id: f for f in build_functions(created, HERE, lambda v: v.replace(public, BASE))}
    echo, other = functions["EchoFunction"], functions["OtherFunction"]
    assert (echo.timeout, echo.memory, other.timeout) == (4, 256, 9)
    assert echo.environment["TABLE"] == "t-ItemsTable"
    assert echo.environment["QUEUE_URL"] == created.physical["Inbound"].ref
    assert echo.environment["SELF_URL"] == f"{BASE}/echo"
    assert echo.arn == "arn:aws:lambda:ap-southeast-1:123456789012:function:t-EchoFunction"
    assert shared_variable_conflicts(list(functions.values())) == {"SERVICE": {"echo", "shared"}}


def test_handler_runs_with_its_own_environment(created: Template, overlay_environ) -> None:
    functions = {f.logical_id: f for f in build_functions(created, HERE, str)}
    assert functions["EchoFunction"].invoke({"x": 1}) == {"ok": True}
    functions["OtherFunction"].invoke({"x": 2})
    echo_calls = sys.modules["localrun_function_EchoFunction"].CALLS
    other_calls = sys.modules["localrun_function_OtherFunction"].CALLS
    assert [(c["service"], c["function_name"], c["event"]) for c in echo_calls] == [
        ("echo", "t-EchoFunction", {"x": 1})
    ]
    assert [(c["service"], c["function_name"]) for c in other_calls] == [("shared", "t-OtherFunction")]
    assert 3000 < echo_calls[0]["remaining_ms"] <= 4000
