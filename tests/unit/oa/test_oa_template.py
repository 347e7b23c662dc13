"""What template.yaml promises for OA onboarding that moto does not check (IAM scope, auth, TTL)."""

from __future__ import annotations

from pathlib import Path

import pytest
from localrun.cfn_yaml import load_template

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def resources() -> dict:
    return load_template(ROOT / "template.yaml")["Resources"]


def test_the_callback_route_has_no_iam_and_its_own_function(resources) -> None:
    function = resources["OAuthCallbackFunction"]["Properties"]
    (event,) = function["Events"].values()
    props = event["Properties"]
    assert (props["Method"], props["Path"]) == ("GET", "/zalo/oauth/callback")
    assert "Auth" not in props  # a browser follows Zalo's redirect: no SigV4 possible
    assert function["CodeUri"] == "functions/oauth/"
    assert (ROOT / "functions" / "oauth" / "app.py").is_file()


def test_status_table_expires_pending_consents_and_is_encrypted(resources) -> None:
    table = resources["OaStatusTable"]["Properties"]
    assert table["TimeToLiveSpecification"] == {"AttributeName": "expires", "Enabled": True}
    assert table["SSESpecification"]["KMSMasterKeyId"] == {"Ref": "DataKey"}


def test_the_admin_function_writes_only_oa_secrets_of_its_own_stage(resources) -> None:
    policy = resources["AdminOaOnboardingPolicy"]["Properties"]
    assert policy["Roles"] == [{"Ref": "AdminFunctionRole"}]
    ssm = [s for s in policy["PolicyDocument"]["Statement"] if any(a.startswith("ssm:") for a in s["Action"])]
    (statement,) = ssm
    assert sorted(statement["Action"]) == ["ssm:GetParametersByPath", "ssm:PutParameter"]
    resources_ = [r["Fn::Sub"] for r in statement["Resource"]]
    assert all(":parameter/anninh/${AWS::StackName}/oa" in r for r in resources_)
    assert not any(r.endswith("parameter/*") or "/app" in r for r in resources_)


def test_every_function_knows_the_status_table(resources) -> None:
    from localrun.cfn_yaml import load_template as load

    globals_ = load(ROOT / "template.yaml")["Globals"]["Function"]["Environment"]["Variables"]
    assert globals_["OA_STATUS_TABLE"] == {"Ref": "OaStatusTable"}
    writers = resources["OaStatusWritePolicy"]["Properties"]["Roles"]
    assert {"Ref": "WorkerFunctionRole"} in writers and {"Ref": "TokensFunctionRole"} in writers
