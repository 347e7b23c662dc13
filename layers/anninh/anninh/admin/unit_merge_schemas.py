"""Request and response bodies of the unit merger and rename routes (anninh.mergers.merger)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from anninh.admin.schemas import UNIT_ID_PATTERN, Strict

Part = Literal["tips", "content", "officers", "stats", "followers", "oa"]


class UnitMergeIn(Strict):
    from_unit: str = Field(pattern=UNIT_ID_PATTERN, description="The unit merged away (A).")
    into_unit: str = Field(pattern=UNIT_ID_PATTERN, description="The unit it joins (B).")
    parts: list[Part] | None = Field(
        default=None, max_length=6, description="What moves; default: all (the OA only when B has none)."
    )
    dry_run: bool = False
    resume: bool = Field(default=False, description="Go on with A's merger started before (after a fault).")


class UnitMergeOut(Strict):
    merge_id: str | None = Field(description="None for a dry run.")
    from_unit: str
    into_unit: str
    dry_run: bool
    parts: list[str]
    counts: dict[str, int] = Field(description="Items per part (counted when the merger was planned).")
    items: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Dry run: what would move per part (tip codes, content kind/id, officers' names, days).",
    )
    steps: dict[str, str] = Field(description="Each step in order: pending or done.")
    complete: bool = Field(description="False: the time budget ran out; call again with resume.")


class UnitRenameIn(Strict):
    name: str = Field(min_length=1, max_length=200)
    code: str | None = Field(
        default=None,
        pattern=r"^[A-Za-z0-9]{1,4}$",
        description="New tip-code prefix; old codes still resolve.",
    )


class UnitRenameOut(Strict):
    unit_id: str
    name: str
    code: str | None
    history: str = Field(description="The entry added to the unit's history.")
