"""Merging one police unit into another (the 2025 reorganisation and any later one), and renaming a unit.

A merger of A into B is a job with a record (:class:`anninh.store.unit_merges.MergeRecord`) and steps run in
order; each step is idempotent, so a merger stopped anywhere (a fault, the admin function's time limit)
is finished by running it again (``anninh units merge --resume``), with nothing moved twice:

``close``      A answers its citizens with a pointer to B from now on (no new tip is filed at A);
``tips``       each tip of A goes to B with its status, code and audit trail (one "merged" entry each);
               its code keeps resolving (codes are reserved per tip, not per unit) and its reporter keeps
               getting replies through the OA they wrote to;
``content``    news, notices, ward officers, patrol schedules (an id B already uses with other content gets
               A's id as suffix);
``officers``   A's officers become B's (an officer registered at both keeps B's record);
``stats``      each day of A's counters is added to B's and emptied at A, one transaction per day;
``followers``  A goes under B in the tree: B's broadcasts and statistics reach A's OA and its followers;
``oa``         A's OA becomes B's (only when B has none): its followers then talk to B directly;
``history``    the merger, with what moved, in both units' history.

Why not one transaction: a unit's tips, content and statistics are thousands of items, a DynamoDB
transaction at most 100; the job record makes the whole resumable instead (README "Units merged or renamed").
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Protocol

from anninh import texts
from anninh.content.model import ContentItem
from anninh.officers.model import Officer
from anninh.tips.model import AuditEntry, Tip
from anninh.tips.ports import TipChanges
from anninh.units.model import HistoryEntry, Unit
from anninh.units.tree import UnitTree

PARTS = ("tips", "content", "officers", "stats", "followers", "oa")
FIRST, LAST = "close", "history"
PAGE = 100


class MergeError(ValueError):
    """A merger or rename that cannot be done as asked; the message (Vietnamese) says why."""


class MergeTips(Protocol):
    def list_unit(self, unit_id: str, status: str | None = None, limit: int = 50) -> list[Tip]: ...
    def get(self, tip_id: str) -> Tip | None: ...
    def save_changes(self, tip: Tip, changes: TipChanges, at: datetime) -> Tip: ...
    def audit_once(self, entry: AuditEntry, key: str) -> bool: ...


class MergeContent(Protocol):
    def list_unit(self, unit_id: str, kind: str | None = None) -> list[ContentItem]: ...
    def put(self, item: ContentItem, at: datetime) -> None: ...
    def delete(self, unit_id: str, kind: str, item_id: str) -> bool: ...


class MergeOfficers(Protocol):
    def list_unit(self, unit_id: str) -> list[Officer]: ...
    def save(self, officer: Officer) -> None: ...
    def remove(self, unit_id: str, user_id: str) -> bool: ...


class MergeJob(Protocol):
    """A merger's job record (``anninh.store.unit_merges.MergeRecord``): which steps are done, the counts."""

    @property
    def merge_id(self) -> str: ...
    @property
    def from_unit(self) -> str: ...
    @property
    def into_unit(self) -> str: ...
    @property
    def parts(self) -> list[str]: ...
    @property
    def steps(self) -> dict[str, str]: ...
    @property
    def counts(self) -> dict[str, int]: ...
    @property
    def started_at(self) -> datetime | None: ...
    @property
    def done(self) -> bool: ...


class MergeStore(Protocol):
    """The job record and the unit/statistics writes (anninh.store.unit_merges.DynamoUnitMergeStore)."""

    def get(self, from_unit: str) -> MergeJob | None: ...
    def create(self, record: MergeJob) -> None: ...
    def step_done(self, from_unit: str, step: str, count: int | None, at: datetime) -> None: ...
    def close(self, from_unit: str, into_unit: str) -> None: ...
    def reparent(self, unit_id: str, parent_id: str) -> None: ...
    def record_history(self, unit_id: str, entry: HistoryEntry) -> bool: ...
    def hand_over_oa(self, from_unit: str, into_unit: str, oa_id: str) -> None: ...
    def stats_days(self, unit_id: str) -> list[str]: ...
    def move_stats_day(self, from_unit: str, into_unit: str, day: str) -> bool: ...
    def rename(self, unit_id: str, name: str, code: str | None, entry: HistoryEntry) -> None: ...


@dataclass(frozen=True)
class MergePorts:
    store: MergeStore
    tips: MergeTips
    content: MergeContent | None
    officers: MergeOfficers
    count_followers: Callable[[str], int] | None = None  # an OA's current followers (dry-run figure)


@dataclass(frozen=True)
class MergePlan:
    """What a merger would move: the steps in order and, per part, how many items."""

    from_unit: Unit
    into_unit: Unit
    parts: tuple[str, ...]
    counts: dict[str, int]
    # What exactly would move, per part (tip codes, content kind/id, officers' names, days; none for
    # followers, whose Zalo ids are not shown).
    items: dict[str, list[str]] = field(default_factory=dict)

    @property
    def steps(self) -> list[str]:
        return [FIRST, *self.parts, LAST]


def default_parts(source: Unit, target: Unit) -> tuple[str, ...]:
    """Everything, and the OA too when B has none to keep A's followers on."""
    return tuple(p for p in PARTS if p != "oa" or (source.oa_id and not target.oa_id))


def check(
    tree: UnitTree, from_id: str, into_id: str, parts: Iterable[str] | None
) -> tuple[Unit, Unit, tuple[str, ...]]:
    """The two units and the parts to move, or :class:`MergeError` naming what is wrong."""
    source, target = tree.get(from_id), tree.get(into_id)
    for unit_id, unit in ((from_id, source), (into_id, target)):
        if unit is None:
            raise MergeError(texts.UNIT_MERGE_UNKNOWN.format(unit_id=unit_id))
    assert source is not None and target is not None
    if source.unit_id == target.unit_id:
        raise MergeError(texts.UNIT_MERGE_SAME.format(unit_id=from_id))
    if target.merged_into:
        raise MergeError(texts.UNIT_MERGE_TARGET_MERGED.format(unit_id=into_id, into=target.merged_into))
    if tree.is_within(target.unit_id, source.unit_id):
        raise MergeError(texts.UNIT_MERGE_INTO_OWN_SUBTREE.format(into=into_id, unit_id=from_id))
    children = [u.unit_id for u in tree.children(source.unit_id) if u.merged_into != source.unit_id]
    if children:
        raise MergeError(texts.UNIT_MERGE_HAS_CHILDREN.format(unit_id=from_id, children=", ".join(children)))
    chosen = tuple(parts) if parts is not None else default_parts(source, target)
    unknown = sorted(set(chosen) - set(PARTS))
    if unknown:
        raise MergeError(
            texts.UNIT_MERGE_UNKNOWN_PART.format(parts=", ".join(unknown), known=", ".join(PARTS))
        )
    if "oa" in chosen and not source.oa_id:
        raise MergeError(texts.UNIT_MERGE_NO_OA.format(unit_id=from_id))
    if "oa" in chosen and target.oa_id:
        raise MergeError(texts.UNIT_MERGE_TARGET_HAS_OA.format(into=into_id, oa_id=target.oa_id))
    return source, target, tuple(p for p in PARTS if p in chosen)  # always in step order


def plan(
    tree: UnitTree, ports: MergePorts, from_id: str, into_id: str, parts: Iterable[str] | None
) -> MergePlan:
    """What would move (counted now); reads only."""
    source, target, chosen = check(tree, from_id, into_id, parts)
    items: dict[str, list[str]] = {}
    if "tips" in chosen:
        items["tips"] = sorted(t.code for t in ports.tips.list_unit(source.unit_id, limit=100_000))
    if "content" in chosen:
        content = ports.content.list_unit(source.unit_id) if ports.content else []
        items["content"] = [f"{i.kind}/{i.item_id}" for i in content]
    if "officers" in chosen:
        items["officers"] = sorted(o.name for o in ports.officers.list_unit(source.unit_id))
    if "stats" in chosen:
        items["stats"] = sorted(ports.store.stats_days(source.unit_id))
    if "oa" in chosen:
        items["oa"] = [source.oa_id or ""]
    counts = {part: len(found) for part, found in items.items()}
    if "followers" in chosen:
        counting = ports.count_followers
        counts["followers"] = counting(source.oa_id) if counting and source.oa_id else 0
    return MergePlan(source, target, chosen, {p: counts[p] for p in chosen}, items)


def start(store: MergeStore, merge_plan: MergePlan, now: datetime) -> MergeJob:
    """Create the job record (raises MergeExists when A's merger was started before: resume it)."""
    from anninh.store.unit_merges import MergeRecord

    record = MergeRecord(
        merge_id=f"merge-{now.strftime('%Y%m%d%H%M%S')}-{secrets.token_hex(3)}",
        from_unit=merge_plan.from_unit.unit_id,
        into_unit=merge_plan.into_unit.unit_id,
        parts=list(merge_plan.parts),
        steps=dict.fromkeys(merge_plan.steps, "pending"),
        counts=dict(merge_plan.counts),
        started_at=now,
    )
    store.create(record)
    return record


class OutOfTime(Exception):
    """The caller's time budget ran out between two items: run again to go on."""


OutOfTimeCheck = Callable[[], bool]


def _started(record: MergeJob) -> datetime:
    """When the merger began (every record has it: :func:`start` sets it and the table requires it)."""
    if record.started_at is None:
        raise ValueError(f"merger {record.merge_id} has no start time")
    return record.started_at


def run(
    tree: UnitTree,
    ports: MergePorts,
    record: MergeJob,
    *,
    actor: str,
    now: datetime,
    out_of_time: Callable[[], bool] = lambda: False,
) -> bool:
    """Run every pending step of ``record`` in order; True when the merger is complete, False when the time
    budget ran out first (the record says where to go on). A fault propagates and leaves the step pending."""
    for step in [FIRST, *PARTS, LAST]:
        if record.steps.get(step) != "pending":
            continue
        try:
            _STEPS[step](tree, ports, record, actor, now, out_of_time)
        except OutOfTime:
            return False
        ports.store.step_done(record.from_unit, step, None, now)
        record.steps[step] = "done"
    return True


def _check_time(out_of_time: Callable[[], bool]) -> None:
    if out_of_time():
        raise OutOfTime


def _close(
    tree: UnitTree, ports: MergePorts, record: MergeJob, actor: str, now: datetime, _t: OutOfTimeCheck
) -> None:
    ports.store.close(record.from_unit, record.into_unit)


def _tips(
    tree: UnitTree,
    ports: MergePorts,
    record: MergeJob,
    actor: str,
    now: datetime,
    out_of_time: OutOfTimeCheck,
) -> None:
    source, target = record.from_unit, record.into_unit
    detail = texts.UNIT_MERGE_TIP_AUDIT.format(from_unit=source, into_unit=target)
    while True:
        page = ports.tips.list_unit(source, limit=PAGE)
        moved = 0
        for listed in page:
            _check_time(out_of_time)
            tip = ports.tips.get(listed.tip_id)  # the index may lag: the tip itself says where it is
            if tip is None or tip.unit_id != source:
                continue
            ports.tips.audit_once(
                AuditEntry(tip.tip_id, _started(record), "merged", actor, detail), record.merge_id
            )
            ports.tips.save_changes(tip, {"unit_id": target}, now)
            moved += 1
        if not moved:
            return


def _content(
    tree: UnitTree,
    ports: MergePorts,
    record: MergeJob,
    actor: str,
    now: datetime,
    out_of_time: OutOfTimeCheck,
) -> None:
    if ports.content is None:
        return
    source, target = record.from_unit, record.into_unit
    at_target = {(i.kind, i.item_id): i for i in ports.content.list_unit(target)}
    for item in ports.content.list_unit(source):
        _check_time(out_of_time)
        moved = replace(item, unit_id=target)
        same = at_target.get((item.kind, item.item_id))
        if same is not None and dict(same.fields) != dict(item.fields):
            # B has other content under this id: A's keeps its own id with A's name after it.
            moved = replace(moved, item_id=f"{item.item_id}-{source}"[:63])
            same = at_target.get((moved.kind, moved.item_id))
        if same is None or dict(same.fields) != dict(item.fields):
            ports.content.put(moved, now)
        ports.content.delete(source, item.kind, item.item_id)


def _officers(
    tree: UnitTree,
    ports: MergePorts,
    record: MergeJob,
    actor: str,
    now: datetime,
    out_of_time: OutOfTimeCheck,
) -> None:
    source, target = record.from_unit, record.into_unit
    at_target = {o.user_id for o in ports.officers.list_unit(target)}
    for officer in ports.officers.list_unit(source):
        _check_time(out_of_time)
        if officer.user_id not in at_target:
            ports.officers.save(replace(officer, unit_id=target))
        ports.officers.remove(source, officer.user_id)


def _stats(
    tree: UnitTree,
    ports: MergePorts,
    record: MergeJob,
    actor: str,
    now: datetime,
    out_of_time: OutOfTimeCheck,
) -> None:
    for day in ports.store.stats_days(record.from_unit):
        _check_time(out_of_time)
        ports.store.move_stats_day(record.from_unit, record.into_unit, day)


def _followers(
    tree: UnitTree, ports: MergePorts, record: MergeJob, actor: str, now: datetime, _t: OutOfTimeCheck
) -> None:
    ports.store.reparent(record.from_unit, record.into_unit)


def _oa(
    tree: UnitTree, ports: MergePorts, record: MergeJob, actor: str, now: datetime, _t: OutOfTimeCheck
) -> None:
    source = tree.get(record.from_unit)
    target = tree.get(record.into_unit)
    oa_id = (source.oa_id if source else None) or (target.oa_id if target else None)
    if oa_id:
        ports.store.hand_over_oa(record.from_unit, record.into_unit, oa_id)


def _history(
    tree: UnitTree, ports: MergePorts, record: MergeJob, actor: str, now: datetime, _t: OutOfTimeCheck
) -> None:
    moved = summary(record.counts)
    source, target = tree.get(record.from_unit), tree.get(record.into_unit)
    source_name = source.name if source else record.from_unit
    target_name = target.name if target else record.into_unit
    at = _started(record).isoformat()
    ports.store.record_history(
        record.from_unit,
        HistoryEntry(
            record.merge_id,
            at,
            "merged_into",
            texts.UNIT_HISTORY_MERGED_INTO.format(unit=target_name, moved=moved),
        ),
    )
    ports.store.record_history(
        record.into_unit,
        HistoryEntry(
            record.merge_id,
            at,
            "merged_from",
            texts.UNIT_HISTORY_MERGED_FROM.format(unit=source_name, moved=moved),
        ),
    )


_STEPS: dict[str, Callable[..., None]] = {
    FIRST: _close,
    "tips": _tips,
    "content": _content,
    "officers": _officers,
    "stats": _stats,
    "followers": _followers,
    "oa": _oa,
    LAST: _history,
}


def summary(counts: dict[str, int]) -> str:
    """``tips 3, content 2, …`` in Vietnamese, for the history and the CLI."""
    labels = texts.UNIT_MERGE_PART_LABELS
    return ", ".join(f"{labels.get(part, part)} {count}" for part, count in counts.items()) or "-"


def rename_entry(unit: Unit, name: str, code: str | None, now: datetime) -> HistoryEntry:
    """The history entry of a rename (the old name and code kept there)."""
    if not name.strip():
        raise MergeError(texts.UNIT_RENAME_EMPTY)
    old_code = f" ({unit.code})" if unit.code else ""
    new_code = f" ({code})" if code else old_code
    detail = texts.UNIT_HISTORY_RENAMED.format(old=f"{unit.name}{old_code}", new=f"{name.strip()}{new_code}")
    return HistoryEntry(
        f"rename-{now.strftime('%Y%m%d%H%M%S')}-{secrets.token_hex(3)}", now.isoformat(), "renamed", detail
    )
