"""Single fields sealed with KMS (anninh.sealed) on in-memory moto."""

from __future__ import annotations

from collections.abc import Iterator

import boto3
import pytest
from anninh import sealed
from anninh.settings import ConfigError
from moto import mock_aws

REGION = "ap-southeast-1"


@pytest.fixture
def cipher(monkeypatch: pytest.MonkeyPatch) -> Iterator[sealed.FieldCipher]:
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)
    for key, value in {
        "AWS_ACCESS_KEY_ID": "t",
        "AWS_SECRET_ACCESS_KEY": "t",
        "AWS_DEFAULT_REGION": REGION,
    }.items():
        monkeypatch.setenv(key, value)
    with mock_aws():
        client = boto3.client("kms", region_name=REGION)
        key = client.create_key(Description="record key")["KeyMetadata"]["Arn"]
        yield sealed.FieldCipher(key, client=client)


def test_a_sealed_field_opens_only_in_its_own_context(cipher) -> None:
    context = sealed.tip_context("tip-1", sealed.REPORTER, "reporter_user_id")
    value = cipher.seal("8765432109876543210", context)
    assert sealed.is_sealed(value) and "8765432109876543210" not in value
    assert cipher.seal(value, context) == value  # sealing twice changes nothing
    assert cipher.open(value, context) == "8765432109876543210"
    for other in (
        sealed.tip_context("tip-2", sealed.REPORTER, "reporter_user_id"),
        sealed.tip_context("tip-1", sealed.CONTACT, "reporter_user_id"),
        sealed.token_context("tip-1", "access_token"),
    ):
        with pytest.raises(sealed.SealError):
            cipher.open(value, other)


def test_clear_legacy_values_read_as_they_are_and_damaged_ones_are_refused(cipher) -> None:
    context = sealed.token_context("oa", "refresh_token")
    assert cipher.open("clear-token", context) == "clear-token"
    assert sealed.open_field(None, context) is None
    assert sealed.open_field("clear-token", context) == "clear-token"  # no key needed for a clear value
    with pytest.raises(sealed.SealError, match="base64"):
        cipher.open(sealed.PREFIX + "not base64!", context)


def test_sealing_without_the_record_key_fails_loudly(monkeypatch) -> None:
    monkeypatch.delenv(sealed.KEY_ENV, raising=False)
    with pytest.raises(ConfigError, match="RECORD_KEY_ID"):
        sealed.record_cipher()
    with pytest.raises(ConfigError, match="RECORD_KEY_ID"):
        sealed.open_field(sealed.PREFIX + "AAAA", sealed.token_context("oa", "access_token"))
