"""Secrets the template generates at deploy are generated locally too, read as the functions read them."""

from __future__ import annotations

import hashlib
import hmac
import json

import pytest
from anninh import hash_keys
from localrun.aws_resources import ResourceCreator
from localrun.template import Template, TemplateError

REGION = "ap-southeast-1"


def _template(resources: dict) -> Template:
    return Template({"Resources": resources}, stack_name="t", region=REGION)


def test_generated_secret_follows_the_options_and_differs_per_stack(client) -> None:
    secret = {
        "Type": "AWS::SecretsManager::Secret",
        "Properties": {
            "Name": {"Fn::Sub": "${AWS::StackName}/hash-key"},
            "GenerateSecretString": {"PasswordLength": 64, "ExcludePunctuation": True},
        },
    }
    first = _template({"HashKeySecret": secret})
    ResourceCreator(first, client).create_all()
    arn = first.physical["HashKeySecret"].ref
    assert arn.startswith(f"arn:aws:secretsmanager:{REGION}:")
    value = client("secretsmanager").get_secret_value(SecretId="t/hash-key")["SecretString"]
    assert len(value) == 64 and value.isalnum()
    # Functions read it through Parameter Store's reference to Secrets Manager.
    name = hash_keys.reference_parameter("t/hash-key")
    reference = client("ssm").get_parameter(Name=name, WithDecryption=True)
    assert reference["Parameter"]["Value"] == value

    other = Template({"Resources": {"HashKeySecret": secret}}, stack_name="u", region=REGION)
    ResourceCreator(other, client).create_all()
    assert client("secretsmanager").get_secret_value(SecretId="u/hash-key")["SecretString"] != value


def test_generated_string_inside_a_json_template(client) -> None:
    template = _template(
        {
            "Login": {
                "Type": "AWS::SecretsManager::Secret",
                "Properties": {
                    "GenerateSecretString": {
                        "SecretStringTemplate": '{"user": "admin"}',
                        "GenerateStringKey": "password",
                        "PasswordLength": 20,
                    }
                },
            }
        }
    )
    ResourceCreator(template, client).create_all()
    document = json.loads(client("secretsmanager").get_secret_value(SecretId="t-Login")["SecretString"])
    assert document["user"] == "admin" and len(document["password"]) == 20


def test_a_secret_without_a_value_or_a_generator_is_refused(client) -> None:
    template = _template({"Empty": {"Type": "AWS::SecretsManager::Secret", "Properties": {"Name": "x"}}})
    with pytest.raises(TemplateError, match="SecretString or GenerateSecretString"):
        ResourceCreator(template, client).create_all()


def test_the_hash_root_is_read_from_the_generated_secret(client, monkeypatch) -> None:
    template = _template(
        {
            "HashKeySecret": {
                "Type": "AWS::SecretsManager::Secret",
                "Properties": {"Name": "t/hash-key", "GenerateSecretString": {"PasswordLength": 48}},
            }
        }
    )
    ResourceCreator(template, client).create_all()
    monkeypatch.setenv(hash_keys.SECRET_ENV, "t/hash-key")
    hash_keys.forget()
    value = client("secretsmanager").get_secret_value(SecretId="t/hash-key")["SecretString"]
    expected = hmac.new(value.encode(), b"log-pseudonym", hashlib.sha256).digest()
    assert hash_keys.derived_key(hash_keys.LOG_PSEUDONYM) == expected
