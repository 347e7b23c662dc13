"""The OA token table: PynamoDB model ``OaToken`` and ``DynamoTokenRepository`` (a TokenRepository).

One item per OA: ``oa_id`` (hash key), ``access_token``, ``refresh_token``, ``expires_at`` (UTC),
``version`` (bumped by every new pair; the save of a refreshed pair is conditional on it), ``lock_owner`` and
``lock_expires_at`` (the refresh lock, taken with a conditional write when free or expired), ``updated_at``.
The table must be encrypted with the stack's customer-managed KMS key (tokens are credentials), and both
tokens are sealed again at the application level under the record key (:mod:`anninh.sealed`, purpose
``token``, context = the OA id and the field): reading the table is not reading the tokens.

The table name is read from the environment variable ``TOKENS_TABLE`` the first time the model is used
(unless :func:`bind_tokens_table` was called); a missing name raises :class:`anninh.settings.ConfigError`
instead of silently talking to a default table.

Public API: ``OaToken``, ``bind_tokens_table(table_name=None, *, region=None, env=None)``,
``DynamoTokenRepository()`` (get, acquire_lock, save_refreshed, release_lock, put, expiring_before).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from pynamodb.attributes import NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.exceptions import DoesNotExist, PutError, UpdateError
from pynamodb.models import Model

from anninh import sealed
from anninh.settings import environment, require
from anninh.store.models import bind_model
from anninh.zalo.tokens import OAuthTokens, TokenRecord

UNBOUND = "__unbound__"
TABLE_ENV = "TOKENS_TABLE"


class OaToken(Model):
    class Meta:
        table_name = UNBOUND
        region: str | None = None  # set by bind_tokens_table
        host: str | None = None

    oa_id = UnicodeAttribute(hash_key=True)
    access_token = UnicodeAttribute()
    refresh_token = UnicodeAttribute()
    expires_at = UTCDateTimeAttribute()
    version = NumberAttribute(default=0)
    lock_owner = UnicodeAttribute(null=True)
    lock_expires_at = UTCDateTimeAttribute(null=True)
    updated_at = UTCDateTimeAttribute(null=True)


def bind_tokens_table(
    table_name: str | None = None, *, region: str | None = None, env: Mapping[str, str] | None = None
) -> None:
    """Point :class:`OaToken` at ``table_name`` or ``$TOKENS_TABLE``; region and endpoint from env."""
    env = environment() if env is None else env  # at call time: tests and the local stack change it
    name = (table_name or "").strip() or require(env, TABLE_ENV, "the OA token table")
    bind_model(OaToken, name, region, env=env)


def _ensure_bound() -> None:
    if OaToken.Meta.table_name == UNBOUND:
        bind_tokens_table()


def _conditional_failed(exc: UpdateError | PutError) -> bool:
    return exc.cause_response_code == "ConditionalCheckFailedException"


def _seal(oa_id: str, field: str, value: str) -> str:
    return sealed.record_cipher().seal(value, sealed.token_context(oa_id, field))


def _open(oa_id: str, field: str, value: str) -> str:
    return sealed.open_field(value, sealed.token_context(oa_id, field)) or ""


def _record(item: OaToken) -> TokenRecord:
    return TokenRecord(
        oa_id=item.oa_id,
        access_token=_open(item.oa_id, "access_token", item.access_token),
        refresh_token=_open(item.oa_id, "refresh_token", item.refresh_token),
        expires_at=item.expires_at,
        version=int(item.version or 0),
        lock_owner=item.lock_owner,
        lock_expires_at=item.lock_expires_at,
    )


class DynamoTokenRepository:
    """:class:`anninh.zalo.tokens.TokenRepository` on DynamoDB with conditional writes."""

    def get(self, oa_id: str) -> TokenRecord | None:
        _ensure_bound()
        try:
            return _record(OaToken.get(oa_id, consistent_read=True))
        except DoesNotExist:
            return None

    def acquire_lock(self, oa_id: str, owner: str, now: datetime, until: datetime) -> bool:
        _ensure_bound()
        free = OaToken.lock_owner.does_not_exist() | OaToken.lock_expires_at.does_not_exist()
        try:
            OaToken(oa_id).update(
                actions=[OaToken.lock_owner.set(owner), OaToken.lock_expires_at.set(until)],
                condition=OaToken.oa_id.exists() & (free | (OaToken.lock_expires_at < now)),
            )
        except UpdateError as exc:
            if _conditional_failed(exc):
                return False
            raise
        return True

    def save_refreshed(
        self, oa_id: str, expected_version: int, tokens: OAuthTokens, expires_at: datetime, now: datetime
    ) -> bool:
        _ensure_bound()
        try:
            OaToken(oa_id).update(
                actions=[
                    OaToken.access_token.set(_seal(oa_id, "access_token", tokens.access_token)),
                    OaToken.refresh_token.set(_seal(oa_id, "refresh_token", tokens.refresh_token)),
                    OaToken.expires_at.set(expires_at),
                    OaToken.version.set(expected_version + 1),
                    OaToken.updated_at.set(now),
                    OaToken.lock_owner.remove(),
                    OaToken.lock_expires_at.remove(),
                ],
                condition=OaToken.oa_id.exists() & (OaToken.version == expected_version),
            )
        except UpdateError as exc:
            if _conditional_failed(exc):
                return False
            raise
        return True

    def release_lock(self, oa_id: str, owner: str) -> None:
        _ensure_bound()
        try:
            OaToken(oa_id).update(
                actions=[OaToken.lock_owner.remove(), OaToken.lock_expires_at.remove()],
                condition=OaToken.lock_owner == owner,
            )
        except UpdateError as exc:
            if not _conditional_failed(exc):
                raise

    def put(
        self, oa_id: str, access_token: str, refresh_token: str, expires_at: datetime, now: datetime
    ) -> TokenRecord:
        """Seed or replace an OA's pair (administrators); bumps the version and clears any lock."""
        _ensure_bound()
        if not (oa_id and access_token and refresh_token):
            raise ValueError("oa_id, access_token and refresh_token are required")
        item = OaToken(oa_id)
        item.update(
            actions=[
                OaToken.access_token.set(_seal(oa_id, "access_token", access_token)),
                OaToken.refresh_token.set(_seal(oa_id, "refresh_token", refresh_token)),
                OaToken.expires_at.set(expires_at),
                OaToken.version.add(1),
                OaToken.updated_at.set(now),
                OaToken.lock_owner.remove(),
                OaToken.lock_expires_at.remove(),
            ]
        )
        return _record(item)

    def expiring_before(self, when: datetime) -> list[str]:
        _ensure_bound()
        return sorted(
            item.oa_id for item in OaToken.scan(OaToken.expires_at < when, attributes_to_get=["oa_id"])
        )
