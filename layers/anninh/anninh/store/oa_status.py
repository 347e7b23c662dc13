"""The OA status table: one item per OA (what the functions saw) and one per pending OAuth consent.

Keys: ``oa#<oa_id>`` holds :class:`anninh.oa.health.OaStatus` facts, each written with an update of its
own attributes only (the worker, the refresher and the callback never overwrite each other's facts);
``consent#<state>`` holds a :class:`anninh.oa.consent.PendingConsent` with ``expires`` (epoch seconds) as
the table's TTL attribute; it is taken with a conditional delete, so it is used at most once.

The table name comes from ``OA_STATUS_TABLE`` (:func:`bind_oa_status_table`); the table is encrypted with
the stack's KMS key (a pending consent holds a PKCE verifier).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from pynamodb.attributes import BooleanAttribute, NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.exceptions import DeleteError
from pynamodb.expressions.update import Action
from pynamodb.models import Model

from anninh.oa.consent import PendingConsent
from anninh.oa.health import QUOTA_ERROR_LABELS, OaStatus
from anninh.settings import environment, require
from anninh.store.models import bind_model

UNBOUND = "__unbound__"
TABLE_ENV = "OA_STATUS_TABLE"
OA_PREFIX = "oa#"
CONSENT_PREFIX = "consent#"


class OaStatusModel(Model):
    class Meta:
        table_name = UNBOUND
        region: str | None = None
        host: str | None = None

    key = UnicodeAttribute(hash_key=True)
    # oa# items
    last_event_at = UTCDateTimeAttribute(null=True)
    last_refresh_at = UTCDateTimeAttribute(null=True)
    last_refresh_ok = BooleanAttribute(null=True)
    last_refresh_error = UnicodeAttribute(null=True)
    refresh_failed_version = NumberAttribute(null=True)
    last_error_code = UnicodeAttribute(null=True)
    last_error_at = UTCDateTimeAttribute(null=True)
    connected_at = UTCDateTimeAttribute(null=True)
    quota_exceeded_at = UTCDateTimeAttribute(null=True)
    # consent# items
    unit_id = UnicodeAttribute(null=True)
    oa_id = UnicodeAttribute(null=True)
    code_verifier = UnicodeAttribute(null=True)
    redirect_uri = UnicodeAttribute(null=True)
    expires_at = UTCDateTimeAttribute(null=True)
    expires = NumberAttribute(null=True)  # TTL


def bind_oa_status_table(table_name: str | None = None, *, env: Mapping[str, str] | None = None) -> None:
    env = environment() if env is None else env
    name = (table_name or "").strip() or require(env, TABLE_ENV, "the OA status table")
    bind_model(OaStatusModel, name, env=env)


def _ensure_bound() -> None:
    if OaStatusModel.Meta.table_name == UNBOUND:
        bind_oa_status_table()


def _status(item: OaStatusModel) -> OaStatus:
    return OaStatus(
        oa_id=item.key.removeprefix(OA_PREFIX),
        last_event_at=item.last_event_at,
        last_refresh_at=item.last_refresh_at,
        last_refresh_ok=item.last_refresh_ok,
        last_refresh_error=item.last_refresh_error,
        refresh_failed_version=int(item.refresh_failed_version)
        if item.refresh_failed_version is not None
        else None,
        last_error_code=item.last_error_code,
        last_error_at=item.last_error_at,
        connected_at=item.connected_at,
        quota_exceeded_at=item.quota_exceeded_at,
    )


class DynamoOaStatusRepository:
    """:class:`anninh.oa.health.OaStatusRepository` and :class:`anninh.oa.consent.ConsentRepository`."""

    def __init__(self) -> None:
        _ensure_bound()

    def get(self, oa_id: str) -> OaStatus | None:
        try:
            return _status(OaStatusModel.get(OA_PREFIX + oa_id))
        except OaStatusModel.DoesNotExist:
            return None

    def all(self) -> dict[str, OaStatus]:
        condition = OaStatusModel.key.startswith(OA_PREFIX)
        return {s.oa_id: s for s in (_status(item) for item in OaStatusModel.scan(condition))}

    def record_event(self, oa_id: str, at: datetime) -> None:
        OaStatusModel(OA_PREFIX + oa_id).update(actions=[OaStatusModel.last_event_at.set(at)])

    def record_error(self, oa_id: str, label: str, at: datetime) -> None:
        actions: list[Action] = [
            OaStatusModel.last_error_code.set(label),
            OaStatusModel.last_error_at.set(at),
        ]
        if label in QUOTA_ERROR_LABELS:
            actions.append(OaStatusModel.quota_exceeded_at.set(at))
        OaStatusModel(OA_PREFIX + oa_id).update(actions=actions)

    def record_refresh(
        self, oa_id: str, ok: bool, error: str | None, token_version: int | None, at: datetime
    ) -> None:
        actions: list[Action] = [OaStatusModel.last_refresh_at.set(at), OaStatusModel.last_refresh_ok.set(ok)]
        if ok:
            actions += [
                OaStatusModel.last_refresh_error.remove(),
                OaStatusModel.refresh_failed_version.remove(),
            ]
        else:
            actions.append(OaStatusModel.last_refresh_error.set(error or "unknown"))
            if token_version is not None:
                actions.append(OaStatusModel.refresh_failed_version.set(token_version))
        OaStatusModel(OA_PREFIX + oa_id).update(actions=actions)

    def record_connected(self, oa_id: str, at: datetime) -> None:
        OaStatusModel(OA_PREFIX + oa_id).update(
            actions=[
                OaStatusModel.connected_at.set(at),
                OaStatusModel.last_refresh_ok.remove(),
                OaStatusModel.last_refresh_error.remove(),
                OaStatusModel.refresh_failed_version.remove(),
            ]
        )

    # ------------------------------------------------------------------ pending consents
    def put_consent(self, consent: PendingConsent) -> None:
        OaStatusModel(
            CONSENT_PREFIX + consent.state,
            unit_id=consent.unit_id,
            oa_id=consent.oa_id,
            code_verifier=consent.code_verifier,
            redirect_uri=consent.redirect_uri,
            expires_at=consent.expires_at,
            expires=int(consent.expires_at.timestamp()),
        ).save(condition=OaStatusModel.key.does_not_exist())

    def take_consent(self, state: str, now: datetime) -> PendingConsent | None:
        try:
            item = OaStatusModel.get(CONSENT_PREFIX + state, consistent_read=True)
        except OaStatusModel.DoesNotExist:
            return None
        try:  # single use: only the caller whose delete succeeds gets the verifier
            item.delete(condition=OaStatusModel.key.exists())
        except DeleteError as exc:
            if exc.cause_response_code == "ConditionalCheckFailedException":
                return None
            raise
        if item.expires_at is None or item.expires_at <= now:  # TTL deletion lags; expiry is checked here
            return None
        return PendingConsent(
            state=state,
            unit_id=str(item.unit_id),
            oa_id=str(item.oa_id),
            code_verifier=str(item.code_verifier),
            redirect_uri=str(item.redirect_uri),
            expires_at=item.expires_at,
        )
