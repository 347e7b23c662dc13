from pathlib import Path

import pytest
from anninh.units.importer import import_units, load_units_file, parse_units
from anninh.units.model import Unit
from anninh.units.tree import UnitTree, UnitTreeError

from tests.memory_repositories import MemoryUnits

SEED = Path(__file__).resolve().parents[3] / "infra" / "seed" / "units.yaml"


def test_seed_is_a_valid_tree_with_province_departments_and_communes():
    tree = UnitTree.validated(load_units_file(SEED))
    levels = sorted(u.level for u in tree)
    assert levels.count("province") == 1
    assert levels.count("department") == 2
    assert levels.count("commune") == 3
    root = next(u for u in tree if u.parent_id is None)
    assert {u.unit_id for u in tree.descendants(root.unit_id)} == {u.unit_id for u in tree} - {root.unit_id}


def test_tree_of_any_depth_ancestors_descendants_and_scope():
    units = [
        Unit("tinh", "Công an tỉnh", "province"),
        Unit("huyen", "Công an huyện", "district", parent_id="tinh"),
        Unit("xa", "Công an xã", "commune", parent_id="huyen"),
        Unit("xa-khac", "Công an xã khác", "commune", parent_id="tinh"),
    ]
    tree = UnitTree.validated(units)
    assert [u.unit_id for u in tree.ancestors("xa")] == ["huyen", "tinh"]
    assert [u.unit_id for u in tree.descendants("tinh")] == ["huyen", "xa", "xa-khac"]
    assert tree.is_within("xa", "tinh") and tree.is_within("xa", "huyen")
    assert not tree.is_within("xa-khac", "huyen")


@pytest.mark.parametrize(
    ("units", "message"),
    [
        ([Unit("a", "A", "province"), Unit("b", "B", "commune", parent_id="missing")], "parent missing"),
        ([Unit("a", "A", "province", parent_id="b"), Unit("b", "B", "commune", parent_id="a")], "cycle"),
        ([Unit("a", "A", "province", oa_id="1"), Unit("b", "B", "commune", "a", oa_id="1")], "already used"),
        ([Unit("a", "A", "galaxy")], "level must be"),
        ([Unit("A B", "A", "province")], "unit_id must be"),
        ([Unit("a", "A", "province", oa_id="12x")], "digits"),
    ],
)
def test_inconsistent_trees_are_refused_with_the_reason(units, message):
    with pytest.raises(UnitTreeError, match=message.split()[0]):
        UnitTree.validated(units)


def test_import_is_all_or_nothing(tmp_path):
    bad = tmp_path / "units.yaml"
    bad.write_text(
        "units:\n  - {unit_id: tinh, name: Tỉnh, level: province}\n"
        "  - {unit_id: xa, name: Xã, level: commune, parent_id: nowhere}\n",
        encoding="utf-8",
    )
    repo = MemoryUnits()
    with pytest.raises(UnitTreeError, match="parent nowhere does not exist"):
        import_units(repo, bad)
    assert repo.units == {}
    assert import_units(repo, SEED) == 6
    assert repo.by_oa("1234567890123456789").unit_id == "tinh-demo"


def test_parse_reports_every_bad_entry():
    with pytest.raises(UnitTreeError) as info:
        parse_units(
            {"units": [{"unit_id": "a"}, "x", {"unit_id": "b", "name": "B", "level": "commune", "x": 1}]}
        )
    text = str(info.value)
    assert "entry 1: missing name, level" in text
    assert "entry 2: must be a mapping" in text
    assert "unknown fields ['x']" in text
    with pytest.raises(UnitTreeError, match="'units' list"):
        parse_units(["not", "a", "mapping"])


def test_directory_caches_the_tree_and_finds_a_new_oa_without_waiting():
    from anninh.units.directory import UnitDirectory

    repo = MemoryUnits([Unit("tinh", "Công an tỉnh", "province", oa_id="1")])
    now = [0.0]
    directory = UnitDirectory(repo, ttl_seconds=300, clock=lambda: now[0])
    assert directory.by_oa("1").unit_id == "tinh"
    assert directory.by_oa("1").unit_id == "tinh"
    assert repo.scans == 1
    repo.save_all([Unit("xa", "Công an xã", "commune", parent_id="tinh", oa_id="2")])
    assert directory.by_oa("2").unit_id == "xa"  # not in the cached tree: asked the table directly
    assert len(directory.tree()) == 2 and repo.scans == 2  # and the tree is reloaded to include it
    assert directory.by_oa("3") is None and repo.scans == 2
    now[0] = 301.0
    directory.tree()
    assert repo.scans == 3  # expired after ttl_seconds
