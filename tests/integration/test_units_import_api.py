"""`anninh units import` lands on PUT /admin/units (AdminFunction from template.yaml, moto): the whole tree
checked first, nothing written on a bad file, OA ids set by `anninh oa import` kept."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SEED = yaml.safe_load((ROOT / "infra" / "seed" / "units.yaml").read_text(encoding="utf-8"))["units"]


def listed(stack) -> dict[str, dict]:
    status, body = stack.admin("GET", "/admin/units")
    assert status == 200
    return {u["unit_id"]: u for u in body["units"]}


def test_a_bad_tree_changes_nothing(stack) -> None:
    before = listed(stack)
    bad = [*SEED, {"unit_id": "xa-moi", "name": "Xã mới", "level": "commune", "parent_id": "khong-co"}]
    status, body = stack.admin("PUT", "/admin/units", body={"units": bad})
    assert status == 400 and body["code"] == "invalid_units" and "khong-co" in body["message"]
    renamed = [{**SEED[0], "name": "Đổi tên"}, *SEED[1:]]
    status, body = stack.admin("PUT", "/admin/units", body={"units": renamed, "dry_run": True})
    assert status == 200 and body == {"dry_run": True, "units": len(SEED), "oa_ids_kept": 0}
    assert listed(stack) == before


def test_import_keeps_oa_ids_the_file_does_not_give(stack) -> None:
    without_oa = [{k: v for k, v in u.items() if k != "oa_id"} for u in SEED]
    added = {
        "unit_id": "xa-moi",
        "name": "Công an xã Mới",
        "level": "commune",
        "parent_id": SEED[0]["unit_id"],
    }
    status, body = stack.admin("PUT", "/admin/units", body={"units": [*without_oa, added]})
    with_oa = sum(1 for u in SEED if u.get("oa_id"))
    assert status == 200 and body["units"] == len(SEED) + 1 and body["oa_ids_kept"] == with_oa
    units = listed(stack)
    assert units["xa-moi"]["name"] == "Công an xã Mới" and units["xa-moi"]["oa_id"] is None
    assert all(units[u["unit_id"]]["oa_id"] == u.get("oa_id") for u in SEED)
