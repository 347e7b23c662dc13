"""Who is calling the admin API.

On AWS, API Gateway's IAM authorizer has already checked the caller's SigV4 signature; the handler still
refuses a request that carries no IAM identity (a route deployed without its authorizer must not become an
open door). In the local stack (STAGE=local) there is no IAM: the caller sends the header
``x-anninh-token`` equal to LOCAL_ADMIN_TOKEN, a variable only the local stack sets.
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from anninh import texts
from anninh.settings import ConfigError, environment, optional, require

LOCAL_STAGE = "local"
TOKEN_HEADER = "x-anninh-token"  # noqa: S105 - a header name


@dataclass(frozen=True)
class Actor:
    """The authenticated caller: an IAM principal ARN, or ``local-admin`` in the local stack."""

    id: str

    @property
    def display_name(self) -> str:
        """The last part of an ARN (user or role session name), shown as who answered."""
        return self.id.rsplit("/", 1)[-1] if self.id.startswith("arn:") else self.id


@dataclass(frozen=True)
class Refusal:
    status: int
    code: str
    message: str


@dataclass(frozen=True)
class AuthSettings:
    stage: str
    local_token: str | None

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> AuthSettings:
        env = environment() if env is None else env
        stage = require(env, "STAGE")
        token = optional(env, "LOCAL_ADMIN_TOKEN")
        if stage == LOCAL_STAGE and not token:
            raise ConfigError("STAGE=local needs LOCAL_ADMIN_TOKEN (the local stack sets it)")
        if stage != LOCAL_STAGE and token:
            raise ConfigError("LOCAL_ADMIN_TOKEN is only for the local stack; remove it outside STAGE=local")
        return cls(stage=stage, local_token=token)


MISSING_TOKEN = Refusal(401, "missing_token", texts.ADMIN_MISSING_TOKEN.format(header=TOKEN_HEADER))
INVALID_TOKEN = Refusal(403, "invalid_token", texts.ADMIN_INVALID_TOKEN)
IAM_REQUIRED = Refusal(403, "iam_required", texts.ADMIN_IAM_REQUIRED)


def authenticate(event: Mapping[str, Any], settings: AuthSettings) -> Actor | Refusal:
    """The caller of an API Gateway HTTP API (payload 2.0) event, or why it is refused."""
    if settings.stage == LOCAL_STAGE:
        headers = {str(k).lower(): str(v) for k, v in (event.get("headers") or {}).items()}
        given = headers.get(TOKEN_HEADER, "")
        if not given:
            return MISSING_TOKEN
        assert settings.local_token is not None
        if not hmac.compare_digest(given.encode(), settings.local_token.encode()):
            return INVALID_TOKEN
        return Actor("local-admin")
    authorizer = (event.get("requestContext") or {}).get("authorizer") or {}
    arn = ((authorizer.get("iam") or {}).get("userArn") or "").strip()
    if not arn:
        return IAM_REQUIRED
    return Actor(arn)
