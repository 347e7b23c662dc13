"""Single fields encrypted at the application level under the stack's record key (KMS).

What DynamoDB's own encryption at rest does not cover: anyone allowed to read a table reads every attribute
in clear. The fields that identify or reach a person, and the OA tokens, are stored sealed instead:

- a tip's ``reporter_user_id`` (the anonymous reporter's relay address), ``contact_name``, ``contact_phone``;
- each OA's ``access_token`` and ``refresh_token``.

Each field is encrypted with KMS ``Encrypt`` directly (values are far below its 4 KB limit, so envelope
encryption would add a data key and a cipher for nothing) under an encryption context naming the table, the
item and the purpose (``reporter``, ``contact``, ``token``). The key policy (template.yaml, ``RecordKey``)
grants each function role only the purposes its code needs, and no human principal may decrypt: a role
that reads the tips table without the ``reporter`` purpose (the digest) sees ciphertext only, and a
ciphertext moved to another item or field does not decrypt.

A sealed value is ``kms1:`` + base64 of the KMS ciphertext. :meth:`FieldCipher.open` returns any other value
as it is: items written before sealing existed (and in-memory test repositories) still read.
"""

from __future__ import annotations

import base64
import binascii
import threading
from collections.abc import Mapping
from typing import Any

from anninh.settings import ConfigError, environment

PREFIX = "kms1:"
KEY_ENV = "RECORD_KEY_ID"

REPORTER = "reporter"
CONTACT = "contact"
TOKEN = "token"  # noqa: S105 - a purpose name, not a credential


class SealError(RuntimeError):
    """A sealed value could not be opened (wrong item, wrong purpose, or a damaged value)."""


def is_sealed(value: str | None) -> bool:
    return bool(value) and str(value).startswith(PREFIX)


def tip_context(tip_id: str, purpose: str, field: str) -> dict[str, str]:
    return {"table": "tips", "tip_id": tip_id, "purpose": purpose, "field": field}


def token_context(oa_id: str, field: str) -> dict[str, str]:
    return {"table": "tokens", "oa_id": oa_id, "purpose": TOKEN, "field": field}


class FieldCipher:
    """Seal and open single fields with KMS; ``key_id`` is the record key (ARN, id or alias)."""

    def __init__(self, key_id: str, client: Any = None) -> None:
        if not key_id:
            raise ConfigError(f"environment variable {KEY_ENV} is required (the record key)")
        self.key_id = key_id
        self._client = client

    @property
    def client(self) -> Any:
        if self._client is None:
            import boto3

            self._client = boto3.client("kms")
        return self._client

    def seal(self, value: str, context: Mapping[str, str]) -> str:
        if is_sealed(value):
            return value
        blob = self.client.encrypt(
            KeyId=self.key_id, Plaintext=value.encode("utf-8"), EncryptionContext=dict(context)
        )["CiphertextBlob"]
        return PREFIX + base64.b64encode(blob).decode("ascii")

    def open(self, value: str, context: Mapping[str, str]) -> str:
        if not is_sealed(value):
            return value  # a clear value written before sealing existed
        try:
            blob = base64.b64decode(value[len(PREFIX) :], validate=True)
        except (binascii.Error, ValueError) as exc:
            raise SealError("a sealed value is not valid base64") from exc
        from botocore.exceptions import ClientError

        try:
            answer = self.client.decrypt(
                KeyId=self.key_id, CiphertextBlob=blob, EncryptionContext=dict(context)
            )
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code", "")
            if code in {"InvalidCiphertextException", "IncorrectKeyException"}:
                raise SealError(f"a sealed value does not open in this context ({code})") from exc
            raise
        return bytes(answer["Plaintext"]).decode("utf-8")


_lock = threading.Lock()
_ciphers: dict[str, FieldCipher] = {}


def record_cipher(env: Mapping[str, str] | None = None) -> FieldCipher:
    """The cipher of the record key named by ``RECORD_KEY_ID`` (one per key and process)."""
    key_id = (environment() if env is None else env).get(KEY_ENV, "").strip()
    if not key_id:
        raise ConfigError(f"environment variable {KEY_ENV} is required (the record key)")
    with _lock:
        cipher = _ciphers.get(key_id)
        if cipher is None:
            cipher = _ciphers[key_id] = FieldCipher(key_id)
    return cipher


def open_field(value: str | None, context: Mapping[str, str]) -> str | None:
    """``value`` in clear: opened with the record key when sealed, as it is otherwise (no key needed)."""
    if value is None or not is_sealed(value):
        return value
    return record_cipher().open(value, context)
