"""Contract tests: each repository protocol, run against the in-memory double (tests/memory_repositories.py)
that unit tests use and against the DynamoDB implementation (moto, tables built from template.yaml by the
local stack's own resource creator). A behaviour the double has and the table has not, or the other way
round, fails here rather than in production.

A test module takes the ``backend`` fixture (``"memory"`` or ``"dynamo"``) and builds its repository from it;
``dynamo`` gives it moto with every table of the template bound to its model, for one test.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import boto3
import pytest
from localrun import environ
from localrun.aws_resources import ResourceCreator
from localrun.cfn_yaml import load_template
from localrun.lambda_runtime import build_functions
from localrun.seed import seed_app_id
from localrun.template import Template
from moto import mock_aws

ROOT = Path(__file__).resolve().parents[2]
REGION = "ap-southeast-1"
BACKENDS = ("memory", "dynamo")


@pytest.fixture(scope="module")
def template_tables() -> Iterator[None]:
    """moto with the template's resources, for one test module (building them takes seconds): every model
    bound to its table, the worker's environment (and the admin function's record key, which seals tips)
    in force. Tests of a module share the tables, so each keys its rows by ids of its own (``fresh``)."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        yield from _template_tables(monkeypatch)


def _template_tables(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for key, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": REGION,
        "AWS_REGION": REGION,
    }.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)
    environ.install()
    with mock_aws():
        template = Template(
            load_template(ROOT / "template.yaml"),
            parameter_overrides={
                "Stage": "local",
                "LogLevel": "WARNING",
                "ZaloAppId": seed_app_id(ROOT / "infra" / "seed" / "units.yaml"),
            },
            region=REGION,
        )
        ResourceCreator(template, lambda service: boto3.client(service, region_name=REGION)).create_all()
        functions = {f.logical_id: f for f in build_functions(template, ROOT, rewrite=lambda value: value)}
        env = {**functions["WorkerFunction"].runtime_environment}
        env.update({k: v for k, v in functions["AdminFunction"].runtime_environment.items() if k not in env})
        with environ.overlay(env):
            from anninh.settings import TableNames
            from anninh.store.models import bind_tables
            from anninh.store.stats import bind_stats_table

            bind_tables(TableNames.from_env(env))
            bind_stats_table(env)  # bound on its own (functions without the table skip it)
            yield


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "dynamo":
        request.getfixturevalue("template_tables")
    return str(request.param)


@pytest.fixture
def fresh() -> Callable[[str], str]:
    """``fresh("oa")``: an id no other test of the session used (the DynamoDB tables live for a module)."""
    import secrets

    return lambda prefix: f"{prefix}{secrets.randbelow(10**15):015d}"
