"""`anninh stats` (followers total, broadcasts tried and reached) and `anninh zalo quota` against the admin
API served over real HTTP, with in-memory repositories."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Iterator
from datetime import datetime

import pytest
from anninh.admin.api import AdminApi, openapi_json
from anninh.broadcasts.quota import ArticleQuota, InMemoryAllowances, InMemoryQuotaLedger
from anninh.cli import main
from anninh.stats.counters import collecting, move, tally
from localrun.fake_zalo import serve_in_thread
from localrun.http_gateway import HttpApiGateway, Route

from tests.memory_repositories import MemoryStats
from tests.unit.admin.conftest import NOW, TOKEN, harness
from tests.unit.admin.test_admin_cli import ApiFunction


@pytest.fixture
def served(monkeypatch) -> Iterator[tuple[MemoryStats, ArticleQuota]]:
    admin = harness()
    stats = MemoryStats()
    quota = ArticleQuota(InMemoryQuotaLedger(), InMemoryAllowances(), 4)
    admin.api = AdminApi(
        dataclasses.replace(admin.api.deps, stats=stats, article_quota=quota), admin.api.auth
    )
    document = json.loads(openapi_json())
    routes = [
        Route(method.upper(), path, "local", ApiFunction(admin))  # type: ignore[arg-type]
        for path, operations in document["paths"].items()
        for method in operations
    ]
    base_url, stop = serve_in_thread(HttpApiGateway(routes, "123456789012"))
    monkeypatch.setenv("ANNINH_API_URL", base_url)
    monkeypatch.setenv("ANNINH_LOCAL_TOKEN", TOKEN)
    yield stats, quota
    stop()


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def counted(stats: MemoryStats, at: datetime) -> None:
    with collecting(at) as collected:
        move("xa", "followers_total", 120)
        move("xa-b", "followers_total", 30)
        move("xa-b", "followers_total", -1)
        tally("xa", "broadcast_messages_sent", 5)
        tally("xa", "broadcasts_reached_consultation", 4)
        tally("xa-b", "broadcast_messages_sent", 1)
        tally("xa-b", "broadcasts_reached_article", 1)
    stats.add(collected, "test")


def test_stats_show_the_followers_total_and_reach_rolled_up_in_every_form(served, capsys) -> None:
    stats, _ = served
    counted(stats, NOW)
    code, out, err = run(capsys, "stats", "--unit", "tinh", "--descendants", "--json")
    assert code == 0, err
    answer = json.loads(out)
    assert answer["levels"] == {"followers_total": 149}
    assert answer["counts"]["broadcast_messages_sent"] == 6
    assert answer["counts"]["broadcasts_reached_consultation"] == 4
    assert answer["counts"]["broadcasts_reached_article"] == 1
    alone = json.loads(run(capsys, "stats", "--unit", "xa-b", "--json")[1])
    assert alone["levels"] == {"followers_total": 29} and alone["counts"]["broadcast_messages_sent"] == 1

    code, out, _ = run(capsys, "stats", "--unit", "tinh", "--descendants", "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows[-1]["day"] == "total" and rows[-1]["followers_total"] == "149"
    assert rows[-1]["broadcasts_reached_article"] == "1"
    assert all(row["followers_total"] == "" for row in rows[:-1])  # a level is not per day

    code, out, _ = run(capsys, "stats", "--unit", "tinh", "--descendants")
    lines = {line.split("  ")[1].strip(): line.split()[-1] for line in out.splitlines()[1:] if "  " in line}
    assert code == 0 and "149" in lines.values() and "4" in lines.values()


def test_zalo_quota_reads_and_sets_the_oas_allowance(served, capsys) -> None:
    _, quota = served
    quota.reserve("200", "b1#once", NOW)
    code, out, err = run(capsys, "zalo", "quota", "--unit", "xa", "--json")
    assert code == 0, err
    assert json.loads(out) == {
        "unit_id": "xa",
        "month": "2026-11",
        "broadcasts_per_month": 4,
        "source": "default",
        "used": 1,
        "remaining": 3,
        "exhausted": False,
    }
    code, out, err = run(capsys, "zalo", "quota", "--unit", "xa", "--broadcasts-per-month", "1")
    assert code == 0 and "1/1" in out and "còn 0" in out, err
    assert quota.allowance_of("200") == 1 and not quota.reserve("200", "b2#once", NOW).granted
    code, _, err = run(capsys, "zalo", "quota", "--unit", "xa", "--broadcasts-per-month", "-3")
    assert code != 0 and quota.allowance_of("200") == 1  # refused, nothing changed
    code, _, err = run(capsys, "zalo", "quota", "--unit", "phong")  # a unit without an OA
    assert code != 0 and "phong" in err
