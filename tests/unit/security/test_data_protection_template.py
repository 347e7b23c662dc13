"""What template.yaml promises about data protection: generated secrets, the record key's policy, who may
touch the OA tokens, and which tables expire their items (README, Security model)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from localrun.cfn_yaml import load_template

ROOT = Path(__file__).resolve().parents[3]
USE_ACTIONS = {"kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey", "kms:ReEncrypt*", "kms:*"}


@pytest.fixture(scope="module")
def template() -> dict[str, Any]:
    return load_template(ROOT / "template.yaml")


def functions(template: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        name: r["Properties"]
        for name, r in template["Resources"].items()
        if r["Type"] == "AWS::Serverless::Function"
    }


def token_access(properties: dict[str, Any]) -> set[str]:
    """The DynamoDB actions a function's policies allow on TokensTable (policy templates expanded)."""
    actions: set[str] = set()
    for policy in properties.get("Policies") or []:
        if not isinstance(policy, dict):
            continue
        for kind in ("DynamoDBCrudPolicy", "DynamoDBReadPolicy", "DynamoDBWritePolicy"):
            if policy.get(kind, {}).get("TableName") == {"Ref": "TokensTable"}:
                actions.add(kind)
        for statement in policy.get("Statement") or []:
            if statement.get("Resource") == {"Fn::GetAtt": ["TokensTable", "Arn"]}:
                actions |= set(statement["Action"])
    return actions


def principals(statement: dict[str, Any]) -> set[str]:
    found = statement["Principal"]["AWS"]
    return {item["Fn::GetAtt"][0] for item in (found if isinstance(found, list) else [found])}


def test_the_hash_key_is_generated_at_deploy_and_every_function_may_read_it(template) -> None:
    secret = template["Resources"]["HashKeySecret"]
    assert secret["Type"] == "AWS::SecretsManager::Secret"
    properties = secret["Properties"]
    assert "SecretString" not in properties and properties["GenerateSecretString"]["PasswordLength"] >= 32
    assert properties["Name"] == {"Fn::Sub": "${AWS::StackName}/hash-key"}  # two stacks never collide
    assert (
        template["Globals"]["Function"]["Environment"]["Variables"]["HASH_KEY_SECRET"] == properties["Name"]
    )
    for name, function in functions(template).items():
        assert {"Ref": "HashKeyReadPolicy"} in function["Policies"], name


def test_the_record_key_rotates_and_nobody_outside_the_functions_may_use_it(template) -> None:
    key = template["Resources"]["RecordKey"]["Properties"]
    assert key["EnableKeyRotation"] is True
    statements = key["KeyPolicy"]["Statement"]
    (admin,) = [s for s in statements if s["Sid"] == "KeyAdministrationWithoutUse"]
    assert not USE_ACTIONS & set(admin["Action"])  # administrators manage the key, never decrypt
    for statement in statements:
        if statement is admin:
            continue
        # Every use is bound to one purpose of the encryption context (or one table for sealing).
        (condition,) = statement["Condition"]["StringEquals"].keys()
        assert condition in {"kms:EncryptionContext:purpose", "kms:EncryptionContext:table"}


def test_only_the_code_paths_that_message_a_reporter_may_open_the_address(template) -> None:
    statements = {
        s["Sid"]: s for s in template["Resources"]["RecordKey"]["Properties"]["KeyPolicy"]["Statement"]
    }
    reporter = statements["OpenReporterAddress"]
    assert reporter["Action"] == "kms:Decrypt"
    assert reporter["Condition"]["StringEquals"] == {"kms:EncryptionContext:purpose": "reporter"}
    # The worker (relay, status pushes), the admin API (officers' replies) and the media notice.
    assert principals(reporter) == {"WorkerFunctionRole", "AdminFunctionRole", "MediaFunctionRole"}
    assert principals(statements["SealAndOpenTipContact"]) == {"WorkerFunctionRole", "AdminFunctionRole"}
    assert principals(statements["SealTipFields"]) == {"WorkerFunctionRole"}
    everyone_named = set().union(
        *(
            principals(s)
            for s in statements.values()
            if "Principal" in s and s is not statements["KeyAdministrationWithoutUse"]
        )
    )
    for name, function in functions(template).items():
        has_key = "RECORD_KEY_ID" in ((function.get("Environment") or {}).get("Variables") or {})
        assert has_key == (f"{name}Role" in everyone_named), name


def test_only_functions_that_call_zalo_touch_the_tokens_and_none_but_the_refresher_scans(template) -> None:
    access = {name: token_access(f) for name, f in functions(template).items()}
    assert access["WebhookFunction"] == set() and access["PublicFunction"] == set()
    for name, actions in access.items():
        assert not actions & {"DynamoDBCrudPolicy", "DynamoDBWritePolicy"}, name
        # Only the OAuth callback puts a pair: the OA's first one, after its admin's consent.
        assert ("dynamodb:PutItem" in actions) == (name == "OAuthCallbackFunction"), name
        assert "dynamodb:DeleteItem" not in actions, name
        assert ("dynamodb:Scan" in actions) == (name == "TokensFunction"), name
    users = {name for name, actions in access.items() if actions}
    statement = next(
        s
        for s in template["Resources"]["RecordKey"]["Properties"]["KeyPolicy"]["Statement"]
        if s["Sid"] == "SealAndOpenOaTokens"
    )
    assert principals(statement) == {f"{name}Role" for name in users}


@pytest.mark.parametrize(
    "table",
    ["ConversationsTable", "IdempotencyTable", "DeliveriesTable", "QuestionsTable", "BroadcastResultsTable"],
)
def test_tables_that_would_grow_forever_expire_their_items(template, table) -> None:
    ttl = template["Resources"][table]["Properties"]["TimeToLiveSpecification"]
    assert ttl["Enabled"] is True and ttl["AttributeName"] in {"expires_at", "expiration"}
