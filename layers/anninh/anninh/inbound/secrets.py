"""OA secret keys from SSM Parameter Store (SecureString) through Powertools Parameters, cached.

Parameter names: ``{SSM_PREFIX}/oa/{oa_id}/secret_key`` for each OA and ``{SSM_PREFIX}/app/secret_key``
for the Zalo app's App Secret. An OA with no parameter is unknown (401); any other SSM failure
(throttling, an outage) is raised as :class:`SecretUnavailable`.

The webhook does not use this class: it knows the OAs in bulk (:mod:`anninh.inbound.known_oas`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from aws_lambda_powertools.utilities import parameters
from aws_lambda_powertools.utilities.parameters.exceptions import GetParameterError

from anninh.inbound.known_oas import SecretUnavailable
from anninh.settings import app_secret_parameter, oa_secret_parameter


def _is_not_found(exc: GetParameterError) -> bool:
    cause = exc.__cause__ or exc.__context__
    code = getattr(cause, "response", {}).get("Error", {}).get("Code") if cause is not None else None
    return code == "ParameterNotFound" or "ParameterNotFound" in str(exc)


class SsmSecretStore:
    def __init__(
        self,
        ssm_prefix: str,
        max_age_seconds: int = 300,
        miss_ttl_seconds: float = 60,
        clock: Callable[[], float] = time.monotonic,
        client: Any = None,
        session: Any = None,
    ):
        if client is None:
            import boto3
            from botocore.config import Config

            # A client from ``session`` (a boto3.Session; boto3's default session when None), shared with
            # the SQS client: one loader, one set of endpoint data. Timeouts fit Zalo's 2 s budget.
            client = (session or boto3).client(
                "ssm",
                config=Config(
                    connect_timeout=1, read_timeout=1, retries={"max_attempts": 3, "mode": "standard"}
                ),
            )
        self._provider = parameters.SSMProvider(boto3_client=client)
        self._prefix = ssm_prefix
        self._max_age = max_age_seconds
        self._miss_ttl = miss_ttl_seconds
        self._clock = clock
        # Unknown OA ids are remembered briefly so a flood of forged events does not hammer SSM.
        self._misses: dict[str, float] = {}

    def _get(self, name: str) -> str | None:
        missed_at = self._misses.get(name)
        if missed_at is not None and self._clock() - missed_at < self._miss_ttl:
            return None
        try:
            value = self._provider.get(name, decrypt=True, max_age=self._max_age)
        except GetParameterError as exc:
            if _is_not_found(exc):
                self._misses[name] = self._clock()
                return None
            raise SecretUnavailable(str(exc)) from exc
        return str(value) if value else None

    def get(self, name: str) -> str | None:
        """Any SecureString under the stage's prefix (None when it does not exist)."""
        return self._get(name)

    def oa_secret(self, oa_id: str) -> str | None:
        return self._get(oa_secret_parameter(self._prefix, oa_id))

    def app_secret(self) -> str | None:
        return self._get(app_secret_parameter(self._prefix))
