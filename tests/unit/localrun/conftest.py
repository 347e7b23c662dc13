"""Fixtures for the local stack's unit tests: the small template and moto in memory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from localrun.cfn_yaml import load_template
from localrun.template import Template
from moto import mock_aws

HERE = Path(__file__).parent
REGION = "ap-southeast-1"


@pytest.fixture
def document() -> dict:
    return load_template(HERE / "template_fixture.yaml")


@pytest.fixture
def template(document: dict) -> Template:
    return Template(document, parameter_overrides={"Stage": "local"}, stack_name="t", region=REGION)


@pytest.fixture
def aws(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for key in ("AWS_ENDPOINT_URL", "AWS_PROFILE"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", REGION)
    with mock_aws():
        yield


def _client(service: str):
    import boto3

    return boto3.client(service, region_name=REGION)


@pytest.fixture
def client(aws: None):
    """boto3 client factory on in-memory moto."""
    return _client


@pytest.fixture
def overlay_environ() -> Iterator[None]:
    """os.environ with per-invocation overlays, as in the local stack; restored after the test."""
    from localrun import environ

    environ.install()
    try:
        yield
    finally:
        environ.uninstall()
