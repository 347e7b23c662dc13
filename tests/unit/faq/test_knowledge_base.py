import datetime as dt
import json
import shutil
import time
from pathlib import Path

import pytest
import yaml
from anninh import texts
from anninh.faq.compiler import compile_base, dump, run_check, run_check_report, vietnam_today
from anninh.faq.engine import FaqEngine
from anninh.faq.knowledge_base import COMPILED_PATH, SEED_DIR, catalogue_ids

from tests.shared_data import shared_file


def test_repository_base_passes_check():
    assert run_check() == []


def test_committed_catalogue_matches_shared_catalogue():
    shared = shared_file("faq/intents.yaml")
    assert catalogue_ids(shared) == catalogue_ids(SEED_DIR / "catalogue.yaml")


def test_compiled_file_is_up_to_date_with_yaml():
    committed = COMPILED_PATH.read_text(encoding="utf-8")
    assert dump(compile_base()) == committed, "run `anninh faq compile` and commit the result"


def test_every_catalogue_id_once_in_compiled_base():
    data = json.loads(COMPILED_PATH.read_text(encoding="utf-8"))
    ids = [e["id"] for e in data["entries"]]
    wanted = [i for group in catalogue_ids(SEED_DIR / "catalogue.yaml").values() for i in group]
    assert sorted(ids) == sorted(wanted)
    assert all(len(e["answer"]) <= 700 for e in data["entries"])
    assert all(e["details"] and e["sources"] and e["verified_on"] for e in data["entries"])


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
        first["verified_on"] = "2020-01-01"
        first["related"] = ["khong-co-muc-nay"]
        first["questions"] = first["questions"][:3]
        d["entries"][1]["verified_on"] = "ngày mai"

    _edit(seed_copy / "reporting.yaml", spoil)
    problems = " | ".join(_check(seed_copy))
    for fragment in ("tối đa 700", "cũ hơn", "khong-co-muc-nay", "cần ít nhất 8", "YYYY-MM-DD"):
        assert fragment in problems


TODAY = vietnam_today()  # the repository's own dates must hold today; spoiled dates are relative to it


def _first_entry(seed: Path, group: str, change) -> str:
    """Apply ``change`` to the first entry of ``group``; its id."""
    holder: dict[str, str] = {}

    def edit(d):
        change(d["entries"][0])
        holder["id"] = d["entries"][0]["id"]

    _edit(seed / f"{group}.yaml", edit)
    return holder["id"]


def test_answer_over_700_characters_fails(seed_copy):
    entry_id = _first_entry(seed_copy, "travel", lambda e: e.update(answer="Hộ chiếu. " * 71))  # 710
    problems = run_check(seed_copy, seed_copy / "catalogue.yaml", TODAY)
    assert (
        texts.FAQ_CHECK_ANSWER_TOO_LONG.format(
            where=f"travel.yaml:{entry_id}", length=len(("Hộ chiếu. " * 71).strip()), limit=700
        )
        in problems
    )


@pytest.mark.parametrize("sources", [None, []])
def test_missing_sources_fails(seed_copy, sources):
    def drop(e):
        if sources is None:
            e.pop("sources")
        else:
            e["sources"] = sources

    entry_id = _first_entry(seed_copy, "business", drop)
    problems = run_check(seed_copy, seed_copy / "catalogue.yaml", TODAY)
    assert _about(entry_id, problems) == [
        texts.FAQ_CHECK_NO_SOURCES.format(where=f"business.yaml:{entry_id}")
    ]


def test_source_without_article_and_missing_details_and_date_fail(seed_copy):
    def spoil(e):
        e["sources"] = [{"doc": "Luật Cư trú 2020"}, {"article": "Điều 1", "url": "http://x.vn"}]
        e.pop("details")
        e.pop("verified_on")

    entry_id = _first_entry(seed_copy, "residence", spoil)
    where = f"residence.yaml:{entry_id}"
    problems = run_check(seed_copy, seed_copy / "catalogue.yaml", TODAY)
    assert texts.FAQ_CHECK_SOURCE_FIELDS.format(where=where, index=1, fields="article") in problems
    assert texts.FAQ_CHECK_SOURCE_FIELDS.format(where=where, index=2, fields="doc") in problems
    assert texts.FAQ_CHECK_LINK_NOT_HTTPS.format(where=where, url="http://x.vn") in problems
    assert texts.FAQ_CHECK_NO_DETAILS.format(where=where) in problems
    assert texts.FAQ_CHECK_NO_VERIFIED_ON.format(where=where) in problems


def test_verified_on_in_the_future_fails_and_updated_is_refused(seed_copy):
    def spoil(e):
        e["verified_on"] = TODAY + dt.timedelta(days=1)
        e["updated"] = "2026-11-20"

    entry_id = _first_entry(seed_copy, "fire-safety", spoil)
    where = f"fire-safety.yaml:{entry_id}"
    problems = run_check(seed_copy, seed_copy / "catalogue.yaml", TODAY)
    tomorrow = (TODAY + dt.timedelta(days=1)).isoformat()
    assert texts.FAQ_CHECK_UPDATED_FUTURE.format(where=where, updated=tomorrow) in problems
    assert texts.FAQ_CHECK_UPDATED_REPLACED.format(where=where) in problems


def _limited_fact(until: dt.date, answer_states_it: bool = True):
    def change(e):
        e["valid_until"] = [{"fact": "Lệ phí giảm 50%", "until": until, "source": "Thông tư 64/2025/TT-BTC"}]
        if answer_states_it:
            e["answer"] = f"Lệ phí giảm 50% đến hết ngày {until.strftime('%d/%m/%Y')}."

    return change


def _about(entry_id: str, lines: list[str]) -> list[str]:
    return [line for line in lines if f":{entry_id}:" in line]


def test_expired_fact_fails(seed_copy):
    until = TODAY - dt.timedelta(days=1)
    entry_id = _first_entry(seed_copy, "vehicles", _limited_fact(until))
    report = run_check_report(seed_copy, seed_copy / "catalogue.yaml", TODAY)
    assert _about(entry_id, report.problems) == [
        texts.FAQ_CHECK_FACT_EXPIRED.format(
            where=f"vehicles.yaml:{entry_id}", fact="Lệ phí giảm 50%", until=until.strftime("%d/%m/%Y")
        )
    ]


def test_fact_ending_within_30_days_warns_without_failing(seed_copy):
    until = TODAY + dt.timedelta(days=30)
    entry_id = _first_entry(seed_copy, "vehicles", _limited_fact(until))
    report = run_check_report(seed_copy, seed_copy / "catalogue.yaml", TODAY)
    assert _about(entry_id, report.problems) == []
    assert _about(entry_id, report.warnings) == [
        texts.FAQ_CHECK_FACT_EXPIRING.format(
            where=f"vehicles:{entry_id}", fact="Lệ phí giảm 50%", until=until.strftime("%d/%m/%Y"), days=30
        )
    ]


def test_fact_ending_in_31_days_does_not_warn_yet(seed_copy):
    entry_id = _first_entry(seed_copy, "vehicles", _limited_fact(TODAY + dt.timedelta(days=31)))
    report = run_check_report(seed_copy, seed_copy / "catalogue.yaml", TODAY)
    assert _about(entry_id, report.problems) == [] and _about(entry_id, report.warnings) == []


def test_fact_must_be_stated_with_its_period_and_complete(seed_copy):
    until = TODAY + dt.timedelta(days=90)
    entry_id = _first_entry(seed_copy, "vehicles", _limited_fact(until, answer_states_it=False))
    where = f"vehicles.yaml:{entry_id}"
    problems = run_check(seed_copy, seed_copy / "catalogue.yaml", TODAY)
    assert _about(entry_id, problems) == [
        texts.FAQ_CHECK_FACT_PERIOD.format(where=where, until=until.strftime("%d/%m/%Y"))
    ]
    _first_entry(seed_copy, "vehicles", lambda e: e["valid_until"][0].pop("source"))
    problems = run_check(seed_copy, seed_copy / "catalogue.yaml", TODAY)
    assert texts.FAQ_CHECK_FACT_FIELDS.format(where=where, index=1, fields="source") in problems


def test_sources_of_the_wrong_shape_are_a_clear_error(seed_copy):
    _first_entry(seed_copy, "travel", lambda e: e.update(sources="Luật Cư trú"))
    problems = run_check(seed_copy, seed_copy / "catalogue.yaml", TODAY)
    assert len(problems) == 1 and "sources" in problems[0] and "doc, article, url" in problems[0]


def test_pending_review_entries_are_counted(seed_copy):
    def count() -> int:
        return run_check_report(seed_copy, seed_copy / "catalogue.yaml", TODAY).pending_review

    _first_entry(seed_copy, "identity", lambda e: e.update(notes="Đã đối chiếu."))
    without = count()
    _first_entry(seed_copy, "identity", lambda e: e.update(notes=texts.FAQ_PENDING_REVIEW_NOTE))
    assert count() == without + 1
