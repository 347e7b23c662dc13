"""The webhook's known OAs: every OA secret from one paginated GetParametersByPath, on moto.

SSM calls are counted with botocore's own event hooks on the real client; an SSM outage is injected the
same way (a ``before-call`` handler answering ThrottlingException, as SSM would).
"""

from __future__ import annotations

from collections import Counter

import boto3
import pytest
from anninh.inbound.known_oas import KnownOaSecrets, SecretUnavailable
from botocore.config import Config
from moto import mock_aws

PREFIX = "/anninh/test"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def ssm(monkeypatch):
    monkeypatch.setenv("AWS_DEFAULT_REGION", "ap-southeast-1")
    with mock_aws():
        client = boto3.client("ssm", config=Config(retries={"max_attempts": 1, "mode": "standard"}))
        calls: Counter[str] = Counter()
        client.meta.events.register("before-call.ssm.*", lambda model, **_: calls.update([model.name]))
        client.calls = calls  # type: ignore[attr-defined]
        yield client


def put_oa(ssm, oa_id: str, secret: str) -> None:
    name = f"{PREFIX}/oa/{oa_id}/secret_key"
    ssm.put_parameter(Name=name, Value=secret, Type="SecureString", Overwrite=True)


def throttle(ssm) -> None:
    def refuse(**_):
        from botocore.awsrequest import AWSResponse

        error = {"Error": {"Code": "ThrottlingException", "Message": "Rate exceeded"}}
        return AWSResponse("https://ssm", 400, {}, None), error

    ssm.meta.events.register_first("before-call.ssm.GetParametersByPath", refuse, unique_id="throttle")


def test_every_oa_is_loaded_across_pages_in_one_read(ssm) -> None:
    for index in range(25):  # GetParametersByPath returns at most 10 per page
        put_oa(ssm, str(1234567890123456000 + index), f"secret-{index}")
    ssm.put_parameter(Name=f"{PREFIX}/oa/999/other", Value="x", Type="String")  # not a secret key
    ssm.put_parameter(Name="/anninh/other-stage/oa/777/secret_key", Value="x", Type="SecureString")
    known = KnownOaSecrets(PREFIX, clock=Clock(), client=ssm)
    assert known.find_oa(["1234567890123456024"]) == ("1234567890123456024", "secret-24")
    assert len(known.known_oa_ids()) == 25 and "777" not in known.known_oa_ids()
    assert ssm.calls["GetParametersByPath"] == 3 and ssm.calls["GetParameter"] == 0
    assert known.find_oa(["1234567890123456003"]) == ("1234567890123456003", "secret-3")
    assert ssm.calls["GetParametersByPath"] == 3  # served from the loaded set


def test_a_flood_of_forged_ids_costs_one_read_per_interval_and_no_memory(ssm) -> None:
    put_oa(ssm, "1234567890123456789", "real")
    clock = Clock()
    known = KnownOaSecrets(PREFIX, refresh_seconds=300, miss_refresh_seconds=60, clock=clock, client=ssm)
    assert known.find_oa(["1234567890123456789"]) is not None
    before = ssm.calls["GetParametersByPath"]
    clock.now += 61
    for forged in range(5000):
        assert known.find_oa([str(9000000000000000000 + forged)]) is None
    assert ssm.calls["GetParametersByPath"] - before == 1  # the one reload a miss may trigger per minute
    assert ssm.calls["GetParameter"] == 0
    assert known.known_oa_ids() == {"1234567890123456789"}  # nothing kept per forged id
    clock.now += 30
    assert known.find_oa(["9999"]) is None
    assert ssm.calls["GetParametersByPath"] - before == 1


def test_an_oa_added_since_the_last_load_is_found_on_its_first_event_after_the_interval(ssm) -> None:
    put_oa(ssm, "111", "one")
    clock = Clock()
    known = KnownOaSecrets(PREFIX, refresh_seconds=300, miss_refresh_seconds=60, clock=clock, client=ssm)
    assert known.oa_secret("111") == "one"
    put_oa(ssm, "222", "two")
    assert known.oa_secret("222") is None  # loaded a moment ago: no second read yet
    clock.now += 60
    assert known.oa_secret("222") == "two"
    put_oa(ssm, "111", "rotated")
    clock.now += 300
    assert known.oa_secret("111") == "rotated"  # the periodic refresh picks up a new secret


def test_candidates_are_tried_in_order_and_the_first_known_wins(ssm) -> None:
    put_oa(ssm, "222", "two")
    put_oa(ssm, "333", "three")
    known = KnownOaSecrets(PREFIX, clock=Clock(), client=ssm)
    assert known.find_oa(["111", "333", "222"]) == ("333", "three")
    assert known.find_oa([]) is None


def test_ssm_down_before_any_load_is_unavailable_and_not_hammered(ssm) -> None:
    put_oa(ssm, "111", "one")
    throttle(ssm)
    clock = Clock()
    known = KnownOaSecrets(PREFIX, miss_refresh_seconds=60, clock=clock, client=ssm)
    with pytest.raises(SecretUnavailable):
        known.find_oa(["111"])
    with pytest.raises(SecretUnavailable):
        known.find_oa(["111"])
    assert ssm.calls["GetParametersByPath"] == 1
    ssm.meta.events.unregister("before-call.ssm.GetParametersByPath", unique_id="throttle")
    clock.now += 60
    assert known.find_oa(["111"]) == ("111", "one")


def test_ssm_down_after_a_load_keeps_serving_the_known_oas(ssm) -> None:
    put_oa(ssm, "111", "one")
    clock = Clock()
    known = KnownOaSecrets(PREFIX, refresh_seconds=300, clock=clock, client=ssm)
    assert known.oa_secret("111") == "one"
    throttle(ssm)
    clock.now += 301
    assert known.oa_secret("111") == "one"
    assert known.oa_secret("222") is None


def test_the_app_secret_is_read_once_per_refresh(ssm) -> None:
    clock = Clock()
    known = KnownOaSecrets(PREFIX, refresh_seconds=300, clock=clock, client=ssm)
    assert known.app_secret() is None
    ssm.put_parameter(Name=f"{PREFIX}/app/secret_key", Value="app", Type="SecureString")
    assert known.app_secret() is None  # a miss is remembered until the refresh
    clock.now += 300
    assert known.app_secret() == "app"
    assert ssm.calls["GetParameter"] == 2
