"""What template.yaml promises about tip media that moto does not simulate (lifecycle, ownership, TLS)."""

from __future__ import annotations

from pathlib import Path

import pytest
from localrun.cfn_yaml import load_template

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def resources() -> dict:
    return load_template(ROOT / "template.yaml")["Resources"]


def test_media_expire_after_the_retention_parameter_and_multipart_leftovers_go(resources) -> None:
    bucket = resources["MediaBucket"]["Properties"]
    (rule,) = bucket["LifecycleConfiguration"]["Rules"]
    assert rule["Status"] == "Enabled" and rule["ExpirationInDays"] == {"Ref": "MediaRetentionDays"}
    assert rule["AbortIncompleteMultipartUpload"]["DaysAfterInitiation"] >= 1
    assert bucket["OwnershipControls"]["Rules"] == [{"ObjectOwnership": "BucketOwnerEnforced"}]
    assert "VersioningConfiguration" not in bucket
    default = bucket["BucketEncryption"]["ServerSideEncryptionConfiguration"][0]
    assert default["ServerSideEncryptionByDefault"]["KMSMasterKeyID"] == {"Fn::GetAtt": ["DataKey", "Arn"]}


def test_the_bucket_refuses_plain_http(resources) -> None:
    (statement,) = resources["MediaBucketPolicy"]["Properties"]["PolicyDocument"]["Statement"]
    assert statement["Effect"] == "Deny" and statement["Action"] == "s3:*"
    assert statement["Condition"] == {"Bool": {"aws:SecureTransport": "false"}}


def test_the_last_delivery_the_function_sees_is_the_queues_redrive_limit(resources) -> None:
    redrive = resources["MediaQueue"]["Properties"]["RedrivePolicy"]
    function = resources["MediaFunction"]["Properties"]
    assert redrive["maxReceiveCount"] == function["Environment"]["Variables"]["MEDIA_MAX_RECEIVE_COUNT"]
    assert resources["MediaQueue"]["Properties"]["VisibilityTimeout"] == 6 * function["Timeout"]
    (event,) = function["Events"].values()
    assert event["Properties"]["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
