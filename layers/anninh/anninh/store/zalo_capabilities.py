"""Per-OA Zalo capabilities (docs/zalo-platform.md §1) as one small item per OA in the OA token table.

Why that table: every function that talks to Zalo (worker, sender, digest, media, admin) already reads and
writes it, and it is keyed by ``oa_id``. The item's key is ``zalo-capabilities#<oa_id>`` so it can never be
taken for a token (OA ids are digits) and it has no ``expires_at``, so the token refresher's scan for expiring
tokens never sees it.

Public API: ``OaCapabilityItem``, ``capability_key(oa_id)``, ``DynamoCapabilityRepository()`` (a
:class:`anninh.zalo.capabilities.CapabilityRepository`; ``set_form_image(oa_id, url, now)`` too).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from pynamodb.attributes import UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.exceptions import DoesNotExist
from pynamodb.models import Model

from anninh.settings import environment, require
from anninh.store.models import bind_model
from anninh.zalo.capabilities import MENU_MODES, OaCapabilities

KEY_PREFIX = "zalo-capabilities#"
TABLE_ENV = "TOKENS_TABLE"
UNBOUND = "__unbound__"


def capability_key(oa_id: str) -> str:
    return KEY_PREFIX + oa_id


class OaCapabilityItem(Model):
    class Meta:
        table_name = UNBOUND
        region: str | None = None
        host: str | None = None

    oa_id = UnicodeAttribute(hash_key=True)  # capability_key(real oa_id)
    menu_mode = UnicodeAttribute(null=True)
    menu_reason = UnicodeAttribute(null=True)
    doctor_report = UnicodeAttribute(null=True)  # JSON
    form_image_url = UnicodeAttribute(null=True)
    checked_at = UTCDateTimeAttribute(null=True)


def _bind(env: Mapping[str, str] | None = None) -> None:
    env = environment() if env is None else env
    bind_model(OaCapabilityItem, require(env, TABLE_ENV, "Zalo capabilities live there"), env=env)


class DynamoCapabilityRepository:
    def __init__(self, env: Mapping[str, str] | None = None) -> None:
        _bind(env)

    def get(self, oa_id: str) -> OaCapabilities | None:
        try:
            item = OaCapabilityItem.get(capability_key(oa_id), consistent_read=True)
        except DoesNotExist:
            return None
        report = json.loads(item.doctor_report) if item.doctor_report else None
        return OaCapabilities(
            oa_id=oa_id,
            menu_mode=item.menu_mode,
            reason=item.menu_reason,
            checked_at=item.checked_at,
            doctor=report,
            form_image_url=item.form_image_url,
        )

    def _update(self, oa_id: str, actions: list[Any]) -> None:
        OaCapabilityItem(capability_key(oa_id)).update(actions=actions)

    def save_menu_mode(self, oa_id: str, mode: str, reason: str, now: datetime) -> None:
        if mode not in MENU_MODES:
            raise ValueError(f"menu mode must be one of {sorted(MENU_MODES)}, got {mode!r}")
        self._update(
            oa_id,
            [
                OaCapabilityItem.menu_mode.set(mode),
                OaCapabilityItem.menu_reason.set(reason),
                OaCapabilityItem.checked_at.set(now),
            ],
        )

    def save_doctor(self, oa_id: str, report: Mapping[str, Any], now: datetime) -> None:
        self._update(
            oa_id,
            [
                OaCapabilityItem.doctor_report.set(json.dumps(report, ensure_ascii=False, default=str)),
                OaCapabilityItem.checked_at.set(now),
            ],
        )

    def set_form_image(self, oa_id: str, url: str | None, now: datetime) -> None:
        if url is not None and not url.startswith("https://"):
            raise ValueError("the form picture must be an https:// URL")
        action = OaCapabilityItem.form_image_url.set(url) if url else OaCapabilityItem.form_image_url.remove()
        self._update(oa_id, [action, OaCapabilityItem.checked_at.set(now)])
