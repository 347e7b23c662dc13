"""The merger's plan and steps on in-memory repositories: what is refused, what is counted, and that every
step run again (after a fault anywhere, or a whole second run) moves nothing twice."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from anninh.content.model import ContentItem
from anninh.mergers import merger
from anninh.officers.model import Officer
from anninh.store.unit_merges import MergeExists, MergeRecord
from anninh.tips.model import AuditEntry, Tip
from anninh.units.model import HistoryEntry, Unit
from anninh.units.tree import UnitTree

from tests.memory_repositories import MemoryOfficers, MemoryTips

NOW = datetime(2026, 7, 1, 3, 0, tzinfo=UTC)


class MergeTips(MemoryTips):
    def __init__(self) -> None:
        super().__init__()
        self.audit_keys: set[tuple[str, str]] = set()

    def audit_once(self, entry: AuditEntry, key: str) -> bool:
        if (entry.tip_id, key) in self.audit_keys:
            return False
        self.audit_keys.add((entry.tip_id, key))
        self.entries.append(entry)
        return True


class MemoryContent:
    def __init__(self, items=()):  # type: ignore[no-untyped-def]
        self.items = {(i.unit_id, i.kind, i.item_id): i for i in items}

    def list_unit(self, unit_id, kind=None):  # type: ignore[no-untyped-def]
        return [i for (u, k, _), i in sorted(self.items.items()) if u == unit_id and kind in (None, k)]

    def put(self, item, at):  # type: ignore[no-untyped-def]
        self.items[(item.unit_id, item.kind, item.item_id)] = item

    def delete(self, unit_id, kind, item_id):  # type: ignore[no-untyped-def]
        return self.items.pop((unit_id, kind, item_id), None) is not None


class MemoryMergeStore:
    def __init__(self, units: list[Unit], stats: dict[tuple[str, str], dict[str, int]]) -> None:
        self.units = {u.unit_id: u for u in units}
        self.stats = {key: {"counts": dict(counts), "moved_to": None} for key, counts in stats.items()}
        self.records: dict[str, MergeRecord] = {}

    def tree(self) -> UnitTree:
        return UnitTree(self.units.values())

    def get(self, from_unit: str) -> MergeRecord | None:
        return self.records.get(from_unit)

    def create(self, record: MergeRecord) -> None:
        if record.from_unit in self.records:
            raise MergeExists(record.from_unit)
        self.records[record.from_unit] = replace(record, steps=dict(record.steps))

    def step_done(self, from_unit: str, step: str, count: int | None, at: datetime) -> None:
        self.records[from_unit].steps[step] = "done"

    def close(self, from_unit: str, into_unit: str) -> None:
        self.units[from_unit] = replace(self.units[from_unit], merged_into=into_unit)

    def reparent(self, unit_id: str, parent_id: str) -> None:
        self.units[unit_id] = replace(self.units[unit_id], parent_id=parent_id)

    def record_history(self, unit_id: str, entry: HistoryEntry) -> bool:
        unit = self.units[unit_id]
        if any(h.key == entry.key for h in unit.history):
            return False
        self.units[unit_id] = replace(unit, history=(*unit.history, entry))
        return True

    def hand_over_oa(self, from_unit: str, into_unit: str, oa_id: str) -> None:
        if self.units[into_unit].oa_id == oa_id:
            return
        assert self.units[from_unit].oa_id == oa_id and self.units[into_unit].oa_id is None
        self.units[from_unit] = replace(self.units[from_unit], oa_id=None)
        self.units[into_unit] = replace(self.units[into_unit], oa_id=oa_id)

    def stats_days(self, unit_id: str) -> list[str]:
        return sorted(d for (u, d), s in self.stats.items() if u == unit_id and s["moved_to"] is None)

    def move_stats_day(self, from_unit: str, into_unit: str, day: str) -> bool:
        source = self.stats[(from_unit, day)]
        if source["moved_to"] is not None:
            return False
        target = self.stats.setdefault((into_unit, day), {"counts": {}, "moved_to": None})
        for name, value in source["counts"].items():
            target["counts"][name] = target["counts"].get(name, 0) + value
        self.stats[(from_unit, day)] = {"counts": {}, "moved_to": into_unit}
        return True


def unit(unit_id: str, parent: str | None = "tinh", oa: str | None = None, **more: object) -> Unit:
    return Unit(unit_id, f"Công an {unit_id}", "commune" if parent else "province", parent, oa, **more)  # type: ignore[arg-type]


def tip(tip_id: str, unit_id: str) -> Tip:
    return Tip(
        tip_id, unit_id, f"HL-{tip_id}", "trom_cap", "mô tả", "anonymous", "k", "oa-a", "sealed", NOW, NOW
    )


@pytest.fixture
def world():  # type: ignore[no-untyped-def]
    units = [
        unit("tinh", None, "100", hotline="113"),
        unit("xa-a", oa="201"),
        unit("xa-b", oa="202", hotline="0200 1"),
        unit("xa-c"),
    ]
    store = MemoryMergeStore(
        units, {("xa-a", "2026-06-30"): {"tips_submitted": 2}, ("xa-b", "2026-06-30"): {"tips_submitted": 1}}
    )
    tips = MergeTips()
    for t in (tip("0001", "xa-a"), tip("0002", "xa-a"), tip("0003", "xa-b")):
        tips.create(t)
    content = MemoryContent(
        [
            ContentItem("xa-a", "news", "canh-bao", {"title": "A"}),
            ContentItem("xa-a", "news", "chung", {"title": "giống"}),
            ContentItem("xa-b", "news", "chung", {"title": "giống"}),
            ContentItem("xa-a", "patrol", "tuan-tra", {"route": "A"}),
            ContentItem("xa-b", "patrol", "tuan-tra", {"route": "B"}),
        ]
    )
    officers = MemoryOfficers(
        [
            Officer("xa-a", "1001", "Một", "truc_ban", "201"),
            Officer("xa-a", "1002", "Hai", "truc_ban", "201"),
            Officer("xa-b", "1002", "Hai ở B", "lanh_dao", "202"),
        ]
    )
    ports = merger.MergePorts(store, tips, content, officers, count_followers=lambda oa: 7)
    return store, ports


def merged(store: MemoryMergeStore, ports: merger.MergePorts) -> dict[str, object]:
    """Everything a merger changes, to compare two runs."""
    return {
        "units": dict(store.units),
        "stats": {k: (dict(v["counts"]), v["moved_to"]) for k, v in store.stats.items()},
        "tips": {t.tip_id: t.unit_id for t in ports.tips.tips.values()},  # type: ignore[attr-defined]
        "audit": list(ports.tips.entries),  # type: ignore[attr-defined]
        "content": dict(ports.content.items),  # type: ignore[union-attr]
        "officers": dict(ports.officers.officers),  # type: ignore[attr-defined]
    }


@pytest.mark.parametrize(
    ("source", "target", "parts", "refusal"),
    [
        ("xa-x", "xa-b", None, "Không có đơn vị xa-x"),
        ("xa-a", "xa-a", None, "chính nó"),
        ("tinh", "xa-b", None, "xa-b nằm trong cây của tinh"),
        ("xa-a", "xa-b", ["oa"], "đã có OA 202"),
        ("xa-c", "xa-b", ["oa"], "không có OA"),
        ("xa-a", "xa-b", ["tips", "mọi thứ"], "Phần không có: mọi thứ"),
    ],
)
def test_refusals_name_the_problem(world, source, target, parts, refusal) -> None:  # type: ignore[no-untyped-def]
    store, _ = world
    with pytest.raises(merger.MergeError, match=refusal):
        merger.check(store.tree(), source, target, parts)


def test_no_merger_into_a_merged_unit_or_into_ones_own_subtree(world) -> None:  # type: ignore[no-untyped-def]
    store, _ = world
    store.close("xa-c", "xa-b")
    with pytest.raises(merger.MergeError, match="đã được sáp nhập vào xa-b"):
        merger.check(store.tree(), "xa-a", "xa-c", None)
    store.units["xa-c"] = replace(store.units["xa-c"], merged_into=None, parent_id="xa-a")
    with pytest.raises(merger.MergeError, match="xa-c nằm trong cây của xa-a"):
        merger.check(store.tree(), "xa-a", "xa-c", None)
    with pytest.raises(merger.MergeError, match=r"xa-a còn đơn vị cấp dưới \(xa-c\)"):
        merger.check(store.tree(), "xa-a", "xa-b", None)
    store.close("xa-c", "xa-a")  # a unit merged into A earlier does not hold A's merger back
    assert merger.check(store.tree(), "xa-a", "xa-b", None)[1].unit_id == "xa-b"


def test_the_plan_counts_what_would_move_and_changes_nothing(world) -> None:  # type: ignore[no-untyped-def]
    store, ports = world
    before = merged(store, ports)
    plan = merger.plan(store.tree(), ports, "xa-a", "xa-b", None)
    assert plan.parts == ("tips", "content", "officers", "stats", "followers")  # B keeps its own OA
    assert plan.counts == {"tips": 2, "content": 3, "officers": 2, "stats": 1, "followers": 7}
    assert plan.items["tips"] == ["HL-0001", "HL-0002"] and plan.items["officers"] == ["Hai", "Một"]
    assert plan.items["content"] == ["news/canh-bao", "news/chung", "patrol/tuan-tra"]
    assert plan.items["stats"] == ["2026-06-30"] and "followers" not in plan.items  # no Zalo ids shown
    assert plan.steps[0] == "close" and plan.steps[-1] == "history"
    assert merged(store, ports) == before
    to_c = merger.plan(store.tree(), ports, "xa-a", "xa-c", ["officers", "oa"])
    assert to_c.parts == ("officers", "oa") and to_c.counts == {"officers": 2, "oa": 1}


def test_a_merger_moves_everything_once_and_a_second_run_changes_nothing(world) -> None:  # type: ignore[no-untyped-def]
    store, ports = world
    record = merger.start(store, merger.plan(store.tree(), ports, "xa-a", "xa-b", None), NOW)
    assert merger.run(store.tree(), ports, record, actor="admin", now=NOW) is True
    after = merged(store, ports)
    assert after["tips"] == {"0001": "xa-b", "0002": "xa-b", "0003": "xa-b"}
    assert [e.action for e in ports.tips.entries] == ["merged", "merged"]  # type: ignore[attr-defined]
    content = {(u, k, i): c.fields for (u, k, i), c in ports.content.items.items()}  # type: ignore[union-attr]
    assert content == {
        ("xa-b", "news", "canh-bao"): {"title": "A"},
        ("xa-b", "news", "chung"): {"title": "giống"},  # the same item at both: kept once
        ("xa-b", "patrol", "tuan-tra"): {"route": "B"},
        ("xa-b", "patrol", "tuan-tra-xa-a"): {"route": "A"},  # B's id taken by other content
    }
    officers = ports.officers.officers  # type: ignore[attr-defined]
    assert (
        set(officers) == {("xa-b", "1001"), ("xa-b", "1002")} and officers[("xa-b", "1002")].name == "Hai ở B"
    )
    assert store.stats[("xa-b", "2026-06-30")]["counts"] == {"tips_submitted": 3}
    assert store.stats[("xa-a", "2026-06-30")] == {"counts": {}, "moved_to": "xa-b"}
    a, b = store.units["xa-a"], store.units["xa-b"]
    assert a.merged_into == "xa-b" and a.parent_id == "xa-b" and a.oa_id == "201" and b.oa_id == "202"
    assert [h.kind for h in a.history] == ["merged_into"] and [h.kind for h in b.history] == ["merged_from"]
    assert "tin báo 2" in a.history[0].detail and "cán bộ 2" in b.history[0].detail

    # Every step again (as if each had failed just before recording its end): nothing changes.
    record.steps = dict.fromkeys(record.steps, "pending")
    assert merger.run(store.tree(), ports, record, actor="admin", now=NOW) is True
    assert merged(store, ports) == after
    with pytest.raises(MergeExists):  # one merger per merged unit: the second start is refused
        merger.start(store, merger.MergePlan(store.units["xa-a"], store.units["xa-c"], ("tips",), {}), NOW)


def test_a_fault_inside_a_step_leaves_it_pending_and_a_rerun_completes_it(world) -> None:  # type: ignore[no-untyped-def]
    store, ports = world
    record = merger.start(store, merger.plan(store.tree(), ports, "xa-a", "xa-c", None), NOW)
    assert record.parts == ["tips", "content", "officers", "stats", "followers", "oa"]  # C has no OA
    real_save, calls = ports.officers.save, []

    def save_once_then_fail(officer: Officer) -> None:
        calls.append(officer.user_id)
        if len(calls) == 2:
            raise ConnectionError("DynamoDB unreachable")
        real_save(officer)

    ports.officers.save = save_once_then_fail  # type: ignore[method-assign]
    with pytest.raises(ConnectionError):
        merger.run(store.tree(), ports, record, actor="admin", now=NOW)
    assert (
        store.records["xa-a"].steps["officers"] == "pending" and store.records["xa-a"].steps["tips"] == "done"
    )
    assert len(ports.officers.list_unit("xa-a")) == 1 and len(ports.officers.list_unit("xa-c")) == 1
    ports.officers.save = real_save  # type: ignore[method-assign]
    assert merger.run(store.tree(), ports, store.records["xa-a"], actor="admin", now=NOW) is True
    assert {o.user_id for o in ports.officers.list_unit("xa-c")} == {"1001", "1002"}
    assert ports.officers.list_unit("xa-a") == []
    assert store.units["xa-c"].oa_id == "201" and store.units["xa-a"].oa_id is None  # the OA went to C
    assert [e.action for e in ports.tips.entries] == ["merged", "merged"]  # type: ignore[attr-defined]


def test_out_of_time_stops_between_items_and_goes_on_later(world) -> None:  # type: ignore[no-untyped-def]
    store, ports = world
    record = merger.start(store, merger.plan(store.tree(), ports, "xa-a", "xa-b", None), NOW)
    budget = iter([False, True])  # one tip, then the time is up
    assert (
        merger.run(store.tree(), ports, record, actor="a", now=NOW, out_of_time=lambda: next(budget, True))
        is False
    )
    assert sorted(t.unit_id for t in ports.tips.tips.values()) == ["xa-a", "xa-b", "xa-b"]  # type: ignore[attr-defined]
    assert record.steps["close"] == "done" and record.steps["tips"] == "pending"
    assert merger.run(store.tree(), ports, record, actor="a", now=NOW) is True
    assert {t.unit_id for t in ports.tips.tips.values()} == {"xa-b"}  # type: ignore[attr-defined]


def test_a_rename_keeps_the_old_name_and_code_in_its_history() -> None:
    entry = merger.rename_entry(unit("xa-a", code="HL"), "Công an xã Hòa Lạc Mới", "HM", NOW)
    assert (
        entry.kind == "renamed" and "Công an xa-a (HL)" in entry.detail and "Hòa Lạc Mới (HM)" in entry.detail
    )
    with pytest.raises(merger.MergeError):
        merger.rename_entry(unit("xa-a"), "  ", None, NOW)


def test_a_unit_merged_with_its_followers_is_part_of_the_new_units_broadcast_audience() -> None:
    from anninh.broadcasts.fanout import scope_oas
    from anninh.broadcasts.model import Broadcast, BroadcastContent

    from tests.memory_repositories import MemoryUnits

    units = MemoryUnits(
        [
            unit("tinh", None, "100"),
            unit("xa-a", parent="xa-b", oa="201", merged_into="xa-b"),  # merged, followers moved
            unit("xa-b", oa="202"),
            unit("xa-c", parent="xa-b", oa="203"),  # an ordinary sub-unit: only with descendants
            unit("xa-d", oa="204", merged_into="xa-b"),  # merged, followers not moved
        ]
    )
    alone = Broadcast(
        "b1", "xa-b", False, "48h", BroadcastContent("Cảnh báo lừa đảo"), "at(2026-07-01T08:00:00)"
    )
    assert scope_oas(alone, units) == ["201", "202"]
    assert scope_oas(replace(alone, include_descendants=True), units) == ["201", "202", "203"]
