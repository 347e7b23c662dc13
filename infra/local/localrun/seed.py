"""Demo data for the local stack: units (through ``anninh.units``), each OA's secret key and the app secret
in SSM SecureString (where the webhook and the token refresh read them), and each OA's token pair.

Secrets are derived from the OA id so they are the same on every run (a trainer's saved requests keep
working); anyone can read them from ``GET /_local/units``, which exists only in the local stack.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SeededUnit:
    unit_id: str
    name: str
    level: str
    parent_id: str | None
    oa_id: str | None
    app_id: str
    oa_secret_key: str | None

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def demo_secret(kind: str, key: str) -> str:
    return hashlib.sha256(f"anninh-local:{kind}:{key}".encode()).hexdigest()[:32]


def seed_app_id(path: Path) -> str:
    """The Zalo app id the seed file declares (the local stack sets the ZaloAppId parameter to it)."""
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    app_id = str((document or {}).get("app_id") or "").strip()
    if not app_id:
        raise ValueError(f"{path}: the seed file must declare the demo Zalo app_id")
    return app_id


def seed_units(path: Path, env: Mapping[str, str], ssm: Any, app_id: str) -> list[SeededUnit]:
    """Import the units file into the units table, then write every OA's secret key and the app secret."""
    from anninh.settings import app_secret_parameter, oa_secret_parameter, require
    from anninh.store.models import UnitModel, bind_model
    from anninh.store.units import DynamoUnitRepository
    from anninh.units.importer import import_units, load_units_file

    bind_model(UnitModel, require(env, "UNITS_TABLE"))
    import_units(DynamoUnitRepository(), path)
    prefix = require(env, "SSM_PREFIX")
    ssm.put_parameter(
        Name=app_secret_parameter(prefix),
        Value=demo_secret("app", app_id),
        Type="SecureString",
        Overwrite=True,
    )
    seeded = []
    for unit in load_units_file(path):
        secret = demo_secret("oa", unit.oa_id) if unit.oa_id else None
        if unit.oa_id and secret:
            ssm.put_parameter(
                Name=oa_secret_parameter(prefix, unit.oa_id),
                Value=secret,
                Type="SecureString",
                Overwrite=True,
            )
        seeded.append(
            SeededUnit(
                unit_id=unit.unit_id,
                name=unit.name,
                level=unit.level,
                parent_id=unit.parent_id,
                oa_id=unit.oa_id,
                app_id=app_id,
                oa_secret_key=secret,
            )
        )
    log.info("seeded %d units (%d with an OA)", len(seeded), sum(1 for u in seeded if u.oa_id))
    return seeded


def seed_tokens(units: list[SeededUnit], env: Mapping[str, str], zalo: Any) -> int:
    """Give every OA a token pair that the fake Zalo accepts, stored where the token manager reads it."""
    from anninh.store.tokens import DynamoTokenRepository, bind_tokens_table

    bind_tokens_table(env=env)
    repository = DynamoTokenRepository()
    now = datetime.now(UTC)
    count = 0
    for unit in units:
        if not unit.oa_id:
            continue
        pair = zalo.issue_token(unit.oa_id)
        expires_at = now + timedelta(seconds=int(pair["expires_in"]))
        repository.put(unit.oa_id, pair["access_token"], pair["refresh_token"], expires_at, now)
        count += 1
    return count


def seed_officers(path: Path, env: Mapping[str, str]) -> int:
    """Import the demo officers through the same service as ``anninh officers import`` (whole file
    validated against the seeded units before any write)."""
    from anninh.officers.importer import import_officers
    from anninh.settings import require
    from anninh.store.models import UnitModel, bind_model
    from anninh.store.officers import DynamoOfficerRepository, OfficerModel
    from anninh.store.units import DynamoUnitRepository

    bind_model(UnitModel, require(env, "UNITS_TABLE"))
    bind_model(OfficerModel, require(env, "OFFICERS_TABLE"))
    count = import_officers(DynamoOfficerRepository(), DynamoUnitRepository().all(), path)
    log.info("seeded %d officers", count)
    return count


def seed_content(path: Path, env: Mapping[str, str]) -> int:
    """Publish the demo content (news, wanted notices, ward officers, patrols) through the same loader as
    ``anninh content import`` (whole file validated against the seeded units before any write)."""
    from anninh.content.importer import import_content, load_content_file
    from anninh.content.model import ContentItem, vietnam_today
    from anninh.settings import require
    from anninh.store.content import ContentModel, DynamoContentRepository
    from anninh.store.models import UnitModel, bind_model
    from anninh.store.units import DynamoUnitRepository

    bind_model(UnitModel, require(env, "UNITS_TABLE"))
    bind_model(ContentModel, require(env, "CONTENT_TABLE"))
    now = datetime.now(UTC)
    items = load_content_file(path, [u.unit_id for u in DynamoUnitRepository().all()], vietnam_today(now))
    repository = DynamoContentRepository()

    class Writer:
        def put_item(self, item: ContentItem) -> None:
            repository.put(item, now)

    count = import_content(Writer(), items)
    log.info("seeded %d content items", count)
    return count


def add_unit(raw: Mapping[str, Any], env: Mapping[str, str], ssm: Any, zalo: Any, app_id: str) -> SeededUnit:
    """One more unit with its own OA while the stack runs (``POST /_local/units``): validated against the
    units already there, saved, its OA secret and a token pair written as at start. A test that owns its unit
    and OA shares no follower, broadcast, token cache or quota with any other test."""
    from anninh.settings import oa_secret_parameter, require
    from anninh.store.models import UnitModel, bind_model
    from anninh.store.units import DynamoUnitRepository
    from anninh.units.importer import parse_units
    from anninh.units.tree import UnitTree

    bind_model(UnitModel, require(env, "UNITS_TABLE"))
    repository = DynamoUnitRepository()
    [unit] = parse_units({"units": [dict(raw)]})
    existing = repository.all()
    if any(known.unit_id == unit.unit_id for known in existing):
        raise ValueError(f"unit {unit.unit_id!r} already exists")
    if unit.oa_id and any(known.oa_id == unit.oa_id for known in existing):
        raise ValueError(f"OA {unit.oa_id!r} already belongs to a unit")
    UnitTree.validated([*existing, unit])
    repository.save_all([unit])
    secret = None
    if unit.oa_id:
        secret = demo_secret("oa", unit.oa_id)
        ssm.put_parameter(
            Name=oa_secret_parameter(require(env, "SSM_PREFIX"), unit.oa_id),
            Value=secret,
            Type="SecureString",
            Overwrite=True,
        )
    seeded = SeededUnit(
        unit_id=unit.unit_id,
        name=unit.name,
        level=unit.level,
        parent_id=unit.parent_id,
        oa_id=unit.oa_id,
        app_id=app_id,
        oa_secret_key=secret,
    )
    seed_tokens([seeded], env, zalo)
    return seeded
