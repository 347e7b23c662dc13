"""PynamoDB models of the tables defined once in template.yaml.

Table names are not known when this module is imported: :func:`bind_tables` sets them from
:class:`anninh.settings.TableNames` (the template's environment) at a function's cold start, and every
repository refuses to work on an unbound model instead of talking to a wrong table.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from pynamodb.attributes import (
    BooleanAttribute,
    JSONAttribute,
    ListAttribute,
    MapAttribute,
    NumberAttribute,
    TTLAttribute,
    UnicodeAttribute,
    UnicodeSetAttribute,
    UTCDateTimeAttribute,
)
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model

from anninh.settings import ConfigError, DynamoLocation, TableNames, environment

UNBOUND = "__unbound__"


def utcnow() -> datetime:
    return datetime.now(UTC)


class UnitsByOaIndex(GlobalSecondaryIndex["UnitModel"]):
    class Meta:
        index_name = "by_oa"
        projection = AllProjection()

    oa_id = UnicodeAttribute(hash_key=True)


class ContactMap(MapAttribute[str, str]):
    label = UnicodeAttribute()
    phone = UnicodeAttribute(null=True)
    address = UnicodeAttribute(null=True)
    note = UnicodeAttribute(null=True)


class HistoryMap(MapAttribute[str, str]):
    """One entry of a unit's history (anninh.units.model.HistoryEntry)."""

    key = UnicodeAttribute()
    at = UnicodeAttribute()
    kind = UnicodeAttribute()
    detail = UnicodeAttribute()


class UnitModel(Model):
    class Meta:
        table_name = UNBOUND

    unit_id = UnicodeAttribute(hash_key=True)
    name = UnicodeAttribute()
    level = UnicodeAttribute()
    parent_id = UnicodeAttribute(null=True)
    oa_id = UnicodeAttribute(null=True)
    hotline = UnicodeAttribute(null=True)
    address = UnicodeAttribute(null=True)
    office_hours = UnicodeAttribute(null=True)
    code = UnicodeAttribute(null=True)
    contacts = ListAttribute(of=ContactMap, null=True)
    places = ListAttribute(of=UnicodeAttribute, null=True)  # a commune's other names (tips routed by place)
    centre_lat = NumberAttribute(null=True)
    centre_lon = NumberAttribute(null=True)
    area_km2 = NumberAttribute(null=True)
    updated_at = UTCDateTimeAttribute(default=utcnow)
    # Mergers and renames (anninh.mergers.merger): the pointer A's OA answers with, and both units' history;
    # history_keys makes appending an entry a conditional no-op the second time.
    merged_into = UnicodeAttribute(null=True)
    history = ListAttribute(of=HistoryMap, null=True)
    history_keys = UnicodeSetAttribute(null=True)
    by_oa = UnitsByOaIndex()


class FollowerModel(Model):
    class Meta:
        table_name = UNBOUND

    oa_id = UnicodeAttribute(hash_key=True)
    user_id = UnicodeAttribute(range_key=True)
    following = BooleanAttribute(default=False)
    source = UnicodeAttribute(null=True)
    followed_at = UTCDateTimeAttribute(null=True)
    unfollowed_at = UTCDateTimeAttribute(null=True)
    last_interaction_at = UTCDateTimeAttribute(null=True)
    updated_at = UTCDateTimeAttribute(default=utcnow)


class ConversationModel(Model):
    """One citizen's dialogue with one OA: state, scratch data and reply progress of the current event."""

    class Meta:
        table_name = UNBOUND

    conversation_id = UnicodeAttribute(hash_key=True)
    state = UnicodeAttribute(default="menu")
    data = JSONAttribute(default=dict)
    progress_key = UnicodeAttribute(null=True)
    progress_sent = NumberAttribute(default=0)
    updated_at = UTCDateTimeAttribute(default=utcnow)
    expires_at = TTLAttribute(null=True)


class DeliveryModel(Model):
    """Delivery and seen receipts of messages the OA sent (from user_received/seen_message)."""

    class Meta:
        table_name = UNBOUND

    message_id = UnicodeAttribute(hash_key=True)
    oa_id = UnicodeAttribute()
    user_hash = UnicodeAttribute()
    delivered_at = UTCDateTimeAttribute(null=True)
    seen_at = UTCDateTimeAttribute(null=True)
    expires_at = TTLAttribute(null=True)


def bound_models() -> dict[str, type[Model]]:
    """Every model and the TableNames field naming its table (imported here to avoid import cycles)."""
    from anninh.store.content import ContentModel
    from anninh.store.officers import OfficerModel
    from anninh.store.questions import QuestionModel
    from anninh.store.tips import TipAuditModel, TipModel

    return {
        "units": UnitModel,
        "followers": FollowerModel,
        "conversations": ConversationModel,
        "deliveries": DeliveryModel,
        "officers": OfficerModel,
        "questions": QuestionModel,
        "tips": TipModel,
        "tip_audit": TipAuditModel,
        "content": ContentModel,
    }


def bind_model(
    model: type[Model], table_name: str, region: str | None = None, *, env: Mapping[str, str] | None = None
) -> None:
    """Point one model at its table (and at AWS_ENDPOINT_URL when one is set, as in the local stack).

    The one table binder: region and endpoint come from ``env`` (the process environment by default)."""
    location = DynamoLocation.from_env(environment() if env is None else env, region)
    model.Meta.table_name = table_name
    model.Meta.region = location.region
    model.Meta.host = location.host
    # PynamoDB caches its connection per model; drop it so a rebind takes effect.
    model._connection = None


def bind_like(model: type[Model], reference: type[Model]) -> None:
    """Point ``model`` (another kind of item kept in the same table) wherever ``reference`` points."""
    ensure_bound(reference)
    if (model.Meta.table_name, getattr(model.Meta, "host", None)) != (
        reference.Meta.table_name,
        getattr(reference.Meta, "host", None),
    ):
        model.Meta.table_name = reference.Meta.table_name
        model.Meta.region = reference.Meta.region
        model.Meta.host = getattr(reference.Meta, "host", None)
        model._connection = None


def bind_tables(names: TableNames, region: str | None = None) -> None:
    """Point every model at its table (names from the template's environment)."""
    for attr, model in bound_models().items():
        bind_model(model, getattr(names, attr), region)


def ensure_bound(model: type[Model]) -> None:
    if model.Meta.table_name == UNBOUND:
        raise ConfigError(f"{model.__name__} is not bound to a table: call anninh.store.models.bind_tables")
