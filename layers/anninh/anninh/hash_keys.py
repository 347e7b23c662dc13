"""Keys of the stack's keyed hashes, derived from one secret the stack generates at deploy.

The template's ``HashKeySecret`` (Secrets Manager, ``GenerateSecretString``, named after the stack) is the
one root; each use gets its own key, ``HMAC-SHA256(root, purpose)``, so a key leaked from one use (say a log
pseudonym reversed by brute force on one purpose) says nothing about another:

- ``log-pseudonym``: :func:`anninh.observability.pseudonym` and the correlation id of events whose business
  key holds a user id (logs, metrics dimensions, the deliveries table's ``user`` field);
- ``reporter-key``: the keyed hash that finds a reporter's tips (``tips.service.reporter_key``).

The root is read once per cold start (then kept for the process) through Parameter Store's reference to
Secrets Manager, ``/aws/reference/secretsmanager/<name>``: the same ``GetParameter`` call the webhook already
makes for OA secrets, so its cold start loads no Secrets Manager client. ``HASH_KEY_SECRET`` (the secret's
name, set by the template for every function) is required: a function without it fails loudly instead of
falling back to an unkeyed, reversible hash.
"""

from __future__ import annotations

import hashlib
import hmac
import threading
from typing import Any

from anninh.settings import ConfigError, environment, require

SECRET_ENV = "HASH_KEY_SECRET"  # noqa: S105 - the name of an environment variable
LOG_PSEUDONYM = "log-pseudonym"
REPORTER_KEY = "reporter-key"

_lock = threading.Lock()
_roots: dict[str, bytes] = {}
_session: Any = None


def reference_parameter(secret_name: str) -> str:
    """The Parameter Store name that reads the Secrets Manager secret ``secret_name``."""
    return f"/aws/reference/secretsmanager/{secret_name}"


def use_session(session: Any) -> None:
    """Read the root with an SSM client of this boto3 session (the webhook's: its trimmed SSM model)."""
    global _session
    _session = session


def _fetch_root(secret_name: str) -> bytes:
    import boto3
    from aws_lambda_powertools.utilities import parameters

    client = (_session or boto3).client("ssm")
    value = parameters.SSMProvider(boto3_client=client).get(reference_parameter(secret_name), decrypt=True)
    text = str(value or "").strip()
    if len(text) < 32:
        raise ConfigError(f"secret {secret_name} must hold at least 32 characters")
    return text.encode("utf-8")


def _root() -> bytes:
    secret_name = require(environment(), SECRET_ENV, "the stack's hash key secret")
    root = _roots.get(secret_name)
    if root is None:
        with _lock:
            root = _roots.get(secret_name)
            if root is None:
                root = _roots[secret_name] = _fetch_root(secret_name)
    return root


def derived_key(purpose: str) -> bytes:
    """The key of one use, derived from the stack's root secret."""
    return hmac.new(_root(), purpose.encode("utf-8"), hashlib.sha256).digest()


def keyed_hash(purpose: str, value: str) -> str:
    """HMAC-SHA256 of ``value`` under the key of ``purpose``, in hex."""
    return hmac.new(derived_key(purpose), value.encode("utf-8"), hashlib.sha256).hexdigest()


def preload(secret_name: str, root: str) -> None:
    """Hold ``root`` as the value of ``secret_name`` without reading AWS (unit tests, which have none)."""
    if len(root) < 32:
        raise ConfigError(f"secret {secret_name} must hold at least 32 characters")
    with _lock:
        _roots[secret_name] = root.encode("utf-8")


def forget(secret_name: str | None = None) -> None:
    """Drop the cached root of ``secret_name`` (every root when None): a new stack in the same process
    (the integration tests' fresh moto) generates a new secret under the same name."""
    with _lock:
        if secret_name is None:
            _roots.clear()
        else:
            _roots.pop(secret_name, None)
