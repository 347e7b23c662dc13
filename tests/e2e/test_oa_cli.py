"""`anninh oa` against the running local stack, as a province's admin runs it.

The listing and import tests are about the seeded OAs themselves (infra/seed/units.yaml): they read every OA
and write back only the keys already stored. The OAuth flow runs on a unit and OA of this file's own
(``local_stack.new_unit``), so no seeded OA's tokens are replaced."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
import yaml
from localrun.citizen import reply_text
from localrun.stack import LOCAL_ADMIN_TOKEN

pytestmark = pytest.mark.e2e

SEED = Path(__file__).resolve().parents[2] / "infra" / "seed" / "units.yaml"


@pytest.fixture(scope="module")
def connected_unit(local_stack) -> str:
    return local_stack.new_unit("oa-connect").unit_id


def anninh(local_stack, *argv: str) -> subprocess.CompletedProcess[str]:
    """The CLI as an admin runs it: the API's URL and credentials, no table names, region or endpoint."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_") and not k.endswith("_TABLE")}
    env.update({"ANNINH_API_URL": local_stack.base_url, "ANNINH_LOCAL_TOKEN": LOCAL_ADMIN_TOKEN})
    return subprocess.run(
        [sys.executable, "-m", "anninh.cli", *argv], env=env, capture_output=True, text=True, timeout=60
    )


def demo_oa_units(local_stack) -> dict[str, object]:
    return {unit_id: unit for unit_id, unit in local_stack.units().items() if unit.oa_id}


def oa_secrets(local_stack) -> dict[str, str]:
    ssm = local_stack.boto3_client("ssm")
    pages = ssm.get_paginator("get_parameters_by_path").paginate(
        Path="/anninh/local/oa/", Recursive=True, WithDecryption=True
    )
    return {p["Name"]: p["Value"] for page in pages for p in page["Parameters"]}


def test_status_lists_every_demo_oa_as_healthy(local_stack, connected_unit) -> None:
    done = anninh(local_stack, "oa", "status", "--json")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert isinstance(rows, list)
    by_unit = {row["unit_id"]: row for row in rows}
    demo = demo_oa_units(local_stack)
    assert set(demo) <= set(by_unit)  # other tests may bring in OAs of their own (test_tip_routing.py)
    for unit_id, unit in demo.items():
        assert by_unit[unit_id]["oa_id"] == unit.oa_id
        assert by_unit[unit_id]["healthy"] is True, by_unit[unit_id]
    one = anninh(local_stack, "oa", "status", "--unit", connected_unit)
    assert one.returncode == 0 and connected_unit in one.stdout and "xa-binh-an" not in one.stdout


def test_import_checks_every_row_and_never_prints_a_secret(local_stack, tmp_path) -> None:
    demo = demo_oa_units(local_stack)
    good = tmp_path / "oas.csv"
    with good.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["oa_id", "unit_id", "oa_secret_key"])
        for unit_id, unit in demo.items():
            writer.writerow([unit.oa_id, unit_id, unit.oa_secret_key])
    before = oa_secrets(local_stack)

    bad = tmp_path / "bad.csv"
    rows = good.read_text(encoding="utf-8").splitlines()
    bad.write_text(
        "\n".join([*rows, "99887766554433, xa-khong-co, SomeNewKey1234567"]) + "\n", encoding="utf-8"
    )
    refused = anninh(local_stack, "oa", "import", str(bad))
    assert refused.returncode == 2 and "xa-khong-co" in refused.stderr
    assert oa_secrets(local_stack) == before

    dry = anninh(local_stack, "oa", "import", "--dry-run", "--json", str(good))
    assert dry.returncode == 0, dry.stderr
    assert {r["secret"] for r in json.loads(dry.stdout)["rows"]} == {"unchanged"}
    again = anninh(local_stack, "oa", "import", str(good))  # the stored keys: idempotent, nothing rewritten
    assert again.returncode == 0, again.stderr
    assert oa_secrets(local_stack) == before
    for output in (refused, dry, again):
        for unit in demo.values():
            assert unit.oa_secret_key not in output.stdout + output.stderr
        assert "SomeNewKey1234567" not in output.stdout + output.stderr


def test_connect_runs_the_oauth_flow_headless_and_the_oa_answers(
    local_stack, connected_unit, user_id
) -> None:
    unit = local_stack.unit(connected_unit)
    started = anninh(local_stack, "oa", "connect", "--unit", connected_unit, "--json")
    assert started.returncode == 0, started.stderr
    consent = json.loads(started.stdout)["consent_url"]
    query = parse_qs(urlsplit(consent).query)
    assert set(query) == {"app_id", "redirect_uri", "code_challenge", "state"}
    calls_before = len(local_stack.calls())

    # the OA's admin approves on the (fake) Zalo page, which sends the browser on to the callback
    page = requests.get(consent + f"&oa_id={unit.oa_id}", timeout=20)
    assert page.status_code == 200 and unit.oa_id in page.text
    exchanges = [c for c in local_stack.calls()[calls_before:] if c["endpoint"] == "/v4/oa/access_token"]
    assert len(exchanges) == 1 and exchanges[0]["error"] == 0
    replay = requests.get(consent + f"&oa_id={unit.oa_id}", timeout=20)  # state is single use
    assert replay.status_code == 400

    status = json.loads(anninh(local_stack, "oa", "status", "--unit", connected_unit, "--json").stdout)
    assert status[0]["healthy"] is True
    assert local_stack.send(connected_unit, user_id, "menu").status_code == 200
    calls = local_stack.wait_for_reply(user_id, timeout=20)
    assert reply_text(calls[0]) and calls[0]["oa_id"] == unit.oa_id


def test_units_import_and_list_go_through_the_api_without_table_names(local_stack) -> None:
    env_free = anninh(local_stack, "units", "import", "--dry-run", str(SEED))
    assert env_free.returncode == 0, env_free.stderr
    done = anninh(local_stack, "units", "import", str(SEED))  # the seed again: no change
    assert done.returncode == 0, done.stderr
    listed = json.loads(anninh(local_stack, "units", "list", "--json").stdout)
    seed = yaml.safe_load(SEED.read_text(encoding="utf-8"))["units"]
    # The seed's units as the file says (other tests may add units of their own, test_tip_routing.py).
    expected = {u["unit_id"]: u.get("oa_id") for u in seed}
    assert {u["unit_id"]: u["oa_id"] for u in listed if u["unit_id"] in expected} == expected
