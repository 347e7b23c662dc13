"""Request and response bodies of the OA onboarding routes (/admin/oa…) and the unit tree import."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from anninh.admin.schemas import UNIT_ID_PATTERN, Strict


class OaHealthOut(Strict):
    unit_id: str
    unit_name: str
    oa_id: str
    healthy: bool
    reason: str = Field(
        description="ok, secret_missing, not_connected, token_expired, refresh_failed, token_rejected, "
        "quota_exceeded"
    )
    detail: str
    secret_present: bool
    token_expires_at: str | None
    last_refresh_at: str | None
    last_refresh_ok: bool | None
    last_event_at: str | None
    last_error_code: str | None
    last_error_at: str | None
    quota_exceeded_at: str | None = Field(
        description="Zalo's last 'quota exceeded' answer (quotas are daily)"
    )


class OaHealthList(Strict):
    oas: list[OaHealthOut]


class SecretRowIn(BaseModel):
    # Not Strict's whitespace stripping on the key: the value is checked as sent. Never echoed back.
    model_config = ConfigDict(extra="forbid")

    row: int = Field(ge=1, le=100_000)
    oa_id: str = Field(max_length=64)
    unit_id: str = Field(max_length=64)
    oa_secret_key: str = Field(max_length=256, repr=False)


class SecretImportIn(Strict):
    rows: list[SecretRowIn] = Field(min_length=1, max_length=2000)
    dry_run: bool = False


class PlannedRowOut(Strict):
    row: int
    oa_id: str
    unit_id: str
    secret: str = Field(description="new, changed or unchanged (the key itself is never returned)")
    binds_unit: bool


class SecretImportOut(Strict):
    dry_run: bool
    rows: list[PlannedRowOut]
    secrets_written: int
    units_bound: int


class ConnectIn(Strict):
    unit_id: str = Field(pattern=UNIT_ID_PATTERN)


class ConnectOut(Strict):
    unit_id: str
    oa_id: str
    consent_url: str
    redirect_uri: str
    expires_at: str


class UnitsImportIn(Strict):
    units: list[dict[str, Any]] = Field(min_length=1, max_length=5000)
    dry_run: bool = False


class UnitsImportOut(Strict):
    dry_run: bool
    units: int
    oa_ids_kept: int = Field(description="units whose OA id was kept from the table (the file had none)")
