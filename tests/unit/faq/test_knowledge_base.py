import json
import shutil
import time
from pathlib import Path

import pytest
import yaml
from anninh import texts
from anninh.faq.compiler import compile_base, dump, run_check
from anninh.faq.engine import FaqEngine
from anninh.faq.knowledge_base import COMPILED_PATH, SEED_DIR, catalogue_ids

SHARED = Path(__file__).resolve().parents[4] / "shared" / "faq" / "intents.yaml"


def test_repository_base_passes_check():
    assert run_check() == []


def test_committed_catalogue_matches_shared_catalogue():
    if not SHARED.exists():
        pytest.skip("../shared/faq/intents.yaml is not checked out next to the repository")
    assert catalogue_ids(SHARED) == catalogue_ids(SEED_DIR / "catalogue.yaml")


def test_compiled_file_is_up_to_date_with_yaml():
    committed = COMPILED_PATH.read_text(encoding="utf-8")
    assert dump(compile_base()) == committed, "run `anninh faq compile` and commit the result"


def test_every_catalogue_id_once_in_compiled_base():
    data = json.loads(COMPILED_PATH.read_text(encoding="utf-8"))
    ids = [e["id"] for e in data["entries"]]
    wanted = [i for group in catalogue_ids(SEED_DIR / "catalogue.yaml").values() for i in group]
    assert sorted(ids) == sorted(wanted)
    assert all(len(e["answer"]) <= 2000 for e in data["entries"])


def test_cold_load_is_fast():
    FaqEngine.load.__func__  # noqa: B018  (the classmethod exists)
    data = COMPILED_PATH.read_text(encoding="utf-8")
    start = time.perf_counter()
    FaqEngine.from_data(json.loads(data))
    assert time.perf_counter() - start < 0.3  # target 0.1 s, measured by tests/bench/faq_bench.py


@pytest.fixture
def seed_copy(tmp_path):
    target = tmp_path / "faq"
    shutil.copytree(SEED_DIR, target)
    return target


def _edit(path: Path, change):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _check(seed: Path) -> list[str]:
    return run_check(seed, seed / "catalogue.yaml")


def test_check_reports_missing_and_duplicate_ids(seed_copy):
    _edit(seed_copy / "travel.yaml", lambda d: d["entries"].pop())  # drop tam-tru-nguoi-nuoc-ngoai
    _edit(seed_copy / "business.yaml", lambda d: d["entries"].append(dict(d["entries"][0])))
    problems = _check(seed_copy)
    assert texts.FAQ_CHECK_MISSING_ENTRY.format(entry_id="tam-tru-nguoi-nuoc-ngoai") in problems
    assert texts.FAQ_CHECK_DUPLICATE_ID.format(entry_id="chung-nhan-antt", count=2) in problems


def test_check_reports_lengths_dates_related_and_questions(seed_copy):
    def spoil(d):
        first = d["entries"][0]
        first["answer"] = "Quá dài. " * 300
        first["updated"] = "2020-01-01"
        first["related"] = ["khong-co-muc-nay"]
        first["questions"] = first["questions"][:3]
        d["entries"][1]["updated"] = "ngày mai"

    _edit(seed_copy / "reporting.yaml", spoil)
    problems = " | ".join(_check(seed_copy))
    for fragment in ("tối đa 2000", "cũ hơn", "khong-co-muc-nay", "cần ít nhất 8", "YYYY-MM-DD"):
        assert fragment in problems


def test_check_reports_bad_overrides(seed_copy):
    def spoil(d):
        d["entries"]["khong-ton-tai"] = {"place": "x"}
        d["default"]["fax"] = "123"
        d["default"]["hotline"] = "1" * 80

    _edit(seed_copy / "overrides" / "phuong-trung-tam.yaml", spoil)
    problems = " | ".join(_check(seed_copy))
    assert "khong-ton-tai" in problems and "'fax'" in problems and "hotline" in problems


@pytest.mark.parametrize(
    ("spoil", "where"),
    [
        (lambda d: d["entries"].update({"cccd-cap-moi": "text"}), "cccd-cap-moi"),
        (lambda d: d.update({"entries": ["cccd-cap-moi"]}), "entries"),
        (lambda d: d.update({"default": "Phường Trung Tâm"}), "default"),
    ],
)
def test_check_reports_overrides_of_the_wrong_shape_without_crashing(seed_copy, spoil, where):
    _edit(seed_copy / "overrides" / "phuong-trung-tam.yaml", spoil)
    problems = _check(seed_copy)
    assert problems == [
        texts.FAQ_CHECK_OVERRIDE_BLOCK.format(where=f"overrides/phuong-trung-tam.yaml:{where}")
    ]


def test_check_reports_broken_yaml_without_crashing(seed_copy):
    (seed_copy / "identity.yaml").write_text("group: identity\nentries: [\n", encoding="utf-8")
    problems = _check(seed_copy)
    assert len(problems) == 1 and "identity.yaml" in problems[0]
