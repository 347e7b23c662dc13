"""Unit mergers and renames in DynamoDB: the merger's job record and the writes its steps make.

The job record lives in the units table under ``merge#<from unit>`` (one merger per merged unit; the
repository's ``all()`` never reads it as a unit). It holds the chosen parts and each step's state, so a
merger stopped by a fault or a Lambda timeout resumes where it stopped (``anninh units merge --resume``).

Why a job and not one DynamoDB transaction: a merger moves every tip, content item, officer and day of
statistics of a unit (thousands of items; a transaction takes at most 100). So each step is idempotent on
its own, and where one logical move touches two items it is one small transaction (a day of statistics
leaves A and lands in B together; an OA passes from A to B together), never two separate writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from pynamodb.attributes import JSONAttribute, ListAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.connection import Connection
from pynamodb.exceptions import PutError, TransactWriteError, UpdateError
from pynamodb.expressions.update import Action
from pynamodb.models import Model
from pynamodb.transactions import TransactWrite

from anninh.stats.counters import COUNTERS, DURATIONS
from anninh.store.models import UNBOUND, HistoryMap, UnitModel, bind_like, ensure_bound
from anninh.store.stats import LEVELS_DAY, StatsModel
from anninh.store.units import NOT_A_UNIT_PREFIX
from anninh.units.model import HistoryEntry


class MergeExists(RuntimeError):
    """A merger of this unit was started already (resume it instead)."""


@dataclass
class MergeRecord:
    merge_id: str
    from_unit: str
    into_unit: str
    parts: list[str]
    steps: dict[str, str]  # step → "pending" | "done"
    counts: dict[str, int] = field(default_factory=dict)
    started_at: datetime | None = None
    finished_at: datetime | None = None

    @property
    def done(self) -> bool:
        return all(state == "done" for state in self.steps.values())


class MergeRecordModel(Model):
    class Meta:
        table_name = UNBOUND

    unit_id = UnicodeAttribute(hash_key=True)  # merge#<from unit>
    merge_id = UnicodeAttribute()
    from_unit = UnicodeAttribute()
    into_unit = UnicodeAttribute()
    parts = ListAttribute(of=UnicodeAttribute)
    steps = JSONAttribute()
    counts = JSONAttribute(default=dict)
    started_at = UTCDateTimeAttribute()
    finished_at = UTCDateTimeAttribute(null=True)


def merge_key(from_unit: str) -> str:
    return f"{NOT_A_UNIT_PREFIX}{from_unit}"


def _record(item: MergeRecordModel) -> MergeRecord:
    return MergeRecord(
        merge_id=item.merge_id,
        from_unit=item.from_unit,
        into_unit=item.into_unit,
        parts=[str(p) for p in item.parts],
        steps=dict(item.steps),
        counts={k: int(v) for k, v in dict(item.counts or {}).items()},
        started_at=item.started_at,
        finished_at=item.finished_at,
    )


def _connection(model: type[Model]) -> Connection:
    return Connection(region=getattr(model.Meta, "region", None), host=getattr(model.Meta, "host", None))


def _conditional_failed(exc: Exception) -> bool:
    if isinstance(exc, TransactWriteError):
        return any(r is not None and r.code == "ConditionalCheckFailed" for r in exc.cancellation_reasons)
    return getattr(exc, "cause_response_code", None) == "ConditionalCheckFailedException"


class DynamoUnitMergeStore:
    """What a merger or a rename writes to the units and statistics tables (see the module docstring)."""

    def __init__(self, with_stats: bool = True) -> None:
        ensure_bound(UnitModel)
        bind_like(MergeRecordModel, UnitModel)
        self._with_stats = with_stats
        if with_stats:
            ensure_bound(StatsModel)

    # ------------------------------------------------------------------ the job record
    def get(self, from_unit: str) -> MergeRecord | None:
        try:
            return _record(MergeRecordModel.get(merge_key(from_unit), consistent_read=True))
        except MergeRecordModel.DoesNotExist:
            return None

    def create(self, record: MergeRecord) -> None:
        try:
            MergeRecordModel(
                merge_key(record.from_unit),
                merge_id=record.merge_id,
                from_unit=record.from_unit,
                into_unit=record.into_unit,
                parts=record.parts,
                steps=record.steps,
                counts=record.counts,
                started_at=record.started_at,
            ).save(condition=MergeRecordModel.unit_id.does_not_exist())
        except PutError as exc:
            if _conditional_failed(exc):
                raise MergeExists(record.from_unit) from exc
            raise

    def step_done(self, from_unit: str, step: str, count: int | None, at: datetime) -> None:
        """Record one step's end (its count added to the record), and the whole job's when it was the last."""
        item = MergeRecordModel.get(merge_key(from_unit), consistent_read=True)
        steps = dict(item.steps)
        steps[step] = "done"
        counts = dict(item.counts or {})
        if count is not None:
            counts[step] = count
        actions: list[Action] = [MergeRecordModel.steps.set(steps), MergeRecordModel.counts.set(counts)]
        if all(state == "done" for state in steps.values()):
            actions.append(MergeRecordModel.finished_at.set(at))
        item.update(actions=actions)

    # ------------------------------------------------------------------ units
    def close(self, from_unit: str, into_unit: str) -> None:
        """A answers with the pointer to B from now on (idempotent)."""
        UnitModel(unit_id=from_unit).update(
            actions=[UnitModel.merged_into.set(into_unit)], condition=UnitModel.unit_id.exists()
        )

    def reparent(self, unit_id: str, parent_id: str) -> None:
        UnitModel(unit_id=unit_id).update(
            actions=[UnitModel.parent_id.set(parent_id)], condition=UnitModel.unit_id.exists()
        )

    def record_history(self, unit_id: str, entry: HistoryEntry) -> bool:
        """Append ``entry`` to the unit's history once: False when an entry with its key is there already."""
        value = HistoryMap(key=entry.key, at=entry.at, kind=entry.kind, detail=entry.detail)
        try:
            UnitModel(unit_id=unit_id).update(
                actions=[
                    UnitModel.history.set((UnitModel.history | []).append([value])),
                    UnitModel.history_keys.add({entry.key}),
                ],
                condition=UnitModel.unit_id.exists()
                & (UnitModel.history_keys.does_not_exist() | ~UnitModel.history_keys.contains(entry.key)),
            )
        except UpdateError as exc:
            if _conditional_failed(exc):
                return False
            raise
        return True

    def rename(self, unit_id: str, name: str, code: str | None, entry: HistoryEntry) -> None:
        """New name (and tip-code prefix) and the history entry in one update: both or neither."""
        actions: list[Action] = [
            UnitModel.name.set(name),
            UnitModel.history.set(
                (UnitModel.history | []).append(
                    [HistoryMap(key=entry.key, at=entry.at, kind=entry.kind, detail=entry.detail)]
                )
            ),
            UnitModel.history_keys.add({entry.key}),
        ]
        if code is not None:
            actions.append(UnitModel.code.set(code))
        UnitModel(unit_id=unit_id).update(actions=actions, condition=UnitModel.unit_id.exists())

    def hand_over_oa(self, from_unit: str, into_unit: str, oa_id: str) -> None:
        """The OA leaves A and joins B in one transaction (never on both, never on neither)."""
        try:
            with TransactWrite(connection=_connection(UnitModel)) as transaction:
                transaction.update(
                    UnitModel(unit_id=from_unit),
                    actions=[UnitModel.oa_id.remove()],
                    condition=UnitModel.oa_id == oa_id,
                )
                transaction.update(
                    UnitModel(unit_id=into_unit),
                    actions=[UnitModel.oa_id.set(oa_id)],
                    condition=UnitModel.unit_id.exists() & UnitModel.oa_id.does_not_exist(),
                )
        except TransactWriteError as exc:
            if not _conditional_failed(exc):
                raise
            # Already handed over by an earlier run? Then there is nothing left to do.
            into = UnitModel.get(into_unit, consistent_read=True)
            if into.oa_id != oa_id:
                raise

    # ------------------------------------------------------------------ statistics
    def stats_days(self, unit_id: str) -> list[str]:
        """The days of ``unit_id`` that still hold counts (a moved day is marked and emptied).

        The unit's levels item (the followers total) is not a day and stays: the followers belong to A's OA,
        which stays under B, so B's roll-up counts them there.
        """
        if not self._with_stats:
            return []
        return [
            item.day
            for item in StatsModel.query(
                unit_id, filter_condition=StatsModel.moved_to.does_not_exist(), consistent_read=True
            )
            if item.day != LEVELS_DAY
        ]

    def move_stats_day(self, from_unit: str, into_unit: str, day: str) -> bool:
        """Add A's counts of ``day`` to B's and empty A's day, in one transaction; False when moved before."""
        try:
            item = StatsModel.get(from_unit, day, consistent_read=True)
        except StatsModel.DoesNotExist:
            return False
        if item.moved_to is not None:
            return False
        adds: list[Action] = []
        removes: list[Action] = []
        for name in COUNTERS:
            value = getattr(item, name)
            if value:
                adds.append(getattr(StatsModel, name).add(int(value)))
                removes.append(getattr(StatsModel, name).remove())
        for name in DURATIONS:
            values = getattr(item, name)
            if values:
                attribute = getattr(StatsModel, name)
                adds.append(attribute.set((attribute | []).append([float(v) for v in values])))
                removes.append(attribute.remove())
        try:
            with TransactWrite(connection=_connection(StatsModel)) as transaction:
                transaction.update(
                    StatsModel(from_unit, day),
                    actions=[StatsModel.moved_to.set(into_unit), *removes],
                    condition=StatsModel.moved_to.does_not_exist(),
                )
                if adds:
                    transaction.update(StatsModel(into_unit, day), actions=adds)
        except TransactWriteError as exc:
            if _conditional_failed(exc):
                return False  # moved by an earlier run in between
            raise
        return True
