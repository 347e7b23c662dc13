"""The secret keys of every OA of the stage, loaded from SSM in bulk: the webhook's view of "known OAs".

Parameter names: ``{SSM_PREFIX}/oa/{oa_id}/secret_key`` for each OA (SecureString) and
``{SSM_PREFIX}/app/secret_key`` for the Zalo app's App Secret.

Why in bulk: the webhook must find an event's OA before it can check the signature, so a per-id read let
anyone make it call SSM (5,000 forged ids were 5,000 GetParameter calls, enough to throttle SSM and turn
real events into 503s). Here every OA secret comes from ``GetParametersByPath`` (paginated) on the
``/oa`` path; the set is refreshed every ``refresh_seconds``, and an id that is not in it triggers at most
one extra reload per ``miss_refresh_seconds`` (a unit added a minute ago is found without waiting for the
next refresh). Nothing is remembered per unknown id, so a flood of forged ids costs no memory and at most
one SSM call a minute.

When SSM cannot be read: the last loaded set keeps serving (an outage of SSM does not stop events of known
OAs); with nothing loaded yet, :class:`SecretUnavailable` is raised and the webhook answers 503 so that
Zalo delivers the event again.

Only botocore is imported here (the webhook's cold start is measured): no Powertools Parameters.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any

from anninh.settings import app_secret_parameter

OA_SECRET_LEAF = "secret_key"  # noqa: S105 - a parameter name, not a secret


class SecretUnavailable(RuntimeError):
    """SSM could not be read (not a missing parameter): the caller should answer 5xx."""


def _ssm_client(session: Any) -> Any:
    import boto3
    from botocore.config import Config

    # A client from ``session`` (a boto3.Session; boto3's default session when None), shared with the SQS
    # client: one loader, one set of endpoint data. Timeouts fit Zalo's 2 s budget.
    return (session or boto3).client(
        "ssm",
        config=Config(connect_timeout=1, read_timeout=1, retries={"max_attempts": 3, "mode": "standard"}),
    )


class KnownOaSecrets:
    """``find_oa(candidates)`` → the first candidate that is a known OA, with its secret; ``app_secret()``."""

    def __init__(
        self,
        ssm_prefix: str,
        refresh_seconds: float = 300,
        miss_refresh_seconds: float = 60,
        clock: Callable[[], float] = time.monotonic,
        client: Any = None,
        session: Any = None,
    ) -> None:
        self._client = client if client is not None else _ssm_client(session)
        self._path = f"{ssm_prefix.rstrip('/')}/oa"
        self._app_parameter = app_secret_parameter(ssm_prefix)
        self._refresh = refresh_seconds
        self._miss_refresh = miss_refresh_seconds
        self._clock = clock
        self._secrets: dict[str, str] = {}
        self._loaded = False
        self._attempted_at = float("-inf")  # the last load, successful or not
        self._app: tuple[float, str | None] | None = None
        self.loads = 0  # SSM reads of the OA set (tests and logs)

    # ------------------------------------------------------------------------------------------ loading

    def _read_all(self) -> dict[str, str]:
        from botocore.exceptions import BotoCoreError, ClientError

        secrets: dict[str, str] = {}
        request: dict[str, Any] = {"Path": self._path, "Recursive": True, "WithDecryption": True}
        prefix = self._path + "/"
        try:
            while True:
                page = self._client.get_parameters_by_path(**request)
                for parameter in page.get("Parameters", []):
                    name = str(parameter.get("Name", ""))
                    parts = name.removeprefix(prefix).split("/") if name.startswith(prefix) else []
                    value = parameter.get("Value")
                    if len(parts) == 2 and parts[1] == OA_SECRET_LEAF and parts[0] and value:
                        secrets[parts[0]] = str(value)
                token = page.get("NextToken")
                if not token:
                    return secrets
                request["NextToken"] = token
        except (BotoCoreError, ClientError) as exc:
            raise SecretUnavailable(f"GetParametersByPath {self._path}: {type(exc).__name__}") from exc

    def _load(self) -> None:
        self._attempted_at = self._clock()
        self.loads += 1
        try:
            self._secrets = self._read_all()
        except SecretUnavailable:
            if not self._loaded:
                raise
            return  # keep serving the last set; the next attempt waits for miss_refresh_seconds
        self._loaded = True

    def _due(self, interval: float) -> bool:
        return self._clock() - self._attempted_at >= interval

    # ------------------------------------------------------------------------------------------ lookups

    def find_oa(self, candidates: Iterable[str]) -> tuple[str, str] | None:
        """``(oa_id, secret)`` of the first candidate that is a known OA, else ``None``.

        Raises :class:`SecretUnavailable` only when SSM has never been read successfully.
        """
        ids = list(candidates)
        if not self._loaded or self._due(self._refresh):
            if not self._loaded and not self._due(self._miss_refresh):
                raise SecretUnavailable("the OA secrets could not be loaded recently")
            self._load()
        found = self._first_known(ids)
        if found is None and ids and self._due(self._miss_refresh):
            self._load()  # an OA added since the last load is found at once, at most once per interval
            found = self._first_known(ids)
        return found

    def _first_known(self, ids: list[str]) -> tuple[str, str] | None:
        for oa_id in ids:
            secret = self._secrets.get(oa_id)
            if secret:
                return oa_id, secret
        return None

    def oa_secret(self, oa_id: str) -> str | None:
        found = self.find_oa([oa_id])
        return found[1] if found else None

    def known_oa_ids(self) -> frozenset[str]:
        return frozenset(self._secrets)

    def app_secret(self) -> str | None:
        """The Zalo app's App Secret (only read when the ``app_secret`` signature variant is enabled)."""
        from botocore.exceptions import BotoCoreError, ClientError

        now = self._clock()
        if self._app is not None and now - self._app[0] < self._refresh:
            return self._app[1]
        try:
            answer = self._client.get_parameter(Name=self._app_parameter, WithDecryption=True)
            value: str | None = str(answer["Parameter"]["Value"]) or None
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") != "ParameterNotFound":
                raise SecretUnavailable(f"GetParameter: {type(exc).__name__}") from exc
            value = None
        except BotoCoreError as exc:
            raise SecretUnavailable(f"GetParameter: {type(exc).__name__}") from exc
        self._app = (now, value)
        return value
