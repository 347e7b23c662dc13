"""`anninh units init`: the skeleton of a real province from the official 2025 list (vietnam-provinces)."""

from __future__ import annotations

import pytest
import yaml
from anninh.cli import main
from anninh.units.importer import load_units_file
from anninh.units.province_skeleton import ProvinceNotFound, find_province, province_skeleton

pytest.importorskip("vietnam_provinces", reason="pinned in requirements-dev.txt")


def test_lao_cai_has_its_99_communes_with_official_codes(tmp_path, capsys) -> None:
    output = tmp_path / "units.yaml"
    assert main(["units", "init", "--province", "Lào Cai", "-o", str(output)]) == 0
    units = load_units_file(output)  # the file is a valid tree for `anninh units import`
    root = units[0]
    assert (root.unit_id, root.name, root.level, root.code) == (
        "ca-lao-cai",
        "Công an tỉnh Lào Cai",
        "province",
        "15",
    )
    communes = [u for u in units if u.level == "commune"]
    assert len(communes) == 99 and all(u.parent_id == "ca-lao-cai" for u in communes)
    assert all(u.code and len(u.code) == 5 and u.code.isdigit() for u in communes)
    assert len({u.code for u in communes}) == 99
    assert any(u.name == "Công an phường Cam Đường" for u in communes)
    document = yaml.safe_load(output.read_text(encoding="utf-8"))
    assert all("oa_id" in u and "hotline" in u for u in document["units"])  # where the admin fills in
    assert main(["units", "init", "--province", "Lào Cai", "-o", str(output)]) == 2  # never overwritten


def test_every_province_gives_a_valid_tree_and_the_country_has_3321_communes() -> None:
    from anninh.units.model import Unit
    from anninh.units.tree import UnitTree
    from vietnam_provinces import Province

    total = 0
    provinces = list(Province.iter_all())
    assert len(provinces) == 34
    for province in provinces:
        skeleton = province_skeleton(province)
        UnitTree.validated([Unit(u.unit_id, u.name, u.level, u.parent_id, code=u.code) for u in skeleton])
        total += len(skeleton) - 1
    assert total == 3321


@pytest.mark.parametrize("query", ["lao cai", "Tỉnh Lào Cai", "LÀO CAI", "15"])
def test_a_province_is_found_by_name_or_code(query) -> None:
    assert find_province(query).codename == "lao_cai"


def test_an_ambiguous_or_unknown_name_is_refused() -> None:
    with pytest.raises(ProvinceNotFound) as ambiguous:
        find_province("Quảng")
    assert ambiguous.value.ambiguous and len(ambiguous.value.candidates) > 1
    with pytest.raises(ProvinceNotFound) as unknown:
        find_province("Atlantis")
    assert not unknown.value.ambiguous and len(unknown.value.candidates) == 34
