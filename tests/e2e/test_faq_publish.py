"""`anninh faq publish` and `rollback` against the running local stack: a citizen's next question is
answered from the published version, then from the previous one, without restarting anything. The citizen
writes to a unit and OA of this file's own (``local_stack.new_unit``); the knowledge base itself is one for
the whole stack, put back to the built-in one by the rollback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from localrun.citizen import reply_text
from localrun.stack import LOCAL_ADMIN_TOKEN

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
QUESTION = "sinh viên thuê trọ đăng ký tạm trú cần giấy tờ gì"
ENTRY = "dang-ky-tam-tru"
MARKER = "BẢN THỬ NGHIỆM CÔNG BỐ"


def anninh(local_stack, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ANNINH_API_URL": local_stack.base_url, "ANNINH_LOCAL_TOKEN": LOCAL_ADMIN_TOKEN}
    return subprocess.run(
        [sys.executable, "-m", "anninh.cli", *argv], env=env, capture_output=True, text=True, timeout=120
    )


def marked(answer: str) -> str:
    """MARKER first; lines without a date dropped (longest first) until it fits 700 characters again, so
    the answer still states the periods its time-limited facts need."""
    lines = answer.split("\n")
    while len(f"{MARKER}. " + "\n".join(lines)) > 700:
        spare = [line for line in lines if "/20" not in line]
        lines.remove(max(spare, key=len))
    return f"{MARKER}. " + "\n".join(lines)


def marked_seed(tmp_path: Path) -> Path:
    """A copy of the seed files whose tạm trú answer starts with MARKER (still under 700 characters)."""
    seed = tmp_path / "faq"
    shutil.copytree(ROOT / "infra" / "seed" / "faq", seed)
    for path in seed.glob("*.yaml"):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entry in (document or {}).get("entries") or []:
            if isinstance(entry, dict) and entry.get("id") == ENTRY:  # residence.yaml
                entry["answer"] = marked(entry["answer"])
                path.write_text(
                    yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8"
                )
    return seed


@pytest.fixture(scope="module")
def unit_id(local_stack) -> str:
    return local_stack.new_unit("faq-publish").unit_id


def first_answer(local_stack, unit_id: str, user_id: str, after: int) -> str:
    assert local_stack.send(unit_id, user_id, QUESTION).status_code == 200
    calls = local_stack.wait_for_reply(user_id, lambda cs: len(cs) > after)
    return reply_text(calls[after])


def answer_until(local_stack, unit_id: str, user_id: str, wanted: bool) -> str:
    """Ask until the answer does (or does not) carry MARKER: the worker re-reads within a second."""
    deadline = time.monotonic() + 20
    text = ""
    while time.monotonic() < deadline:
        text = first_answer(
            local_stack, unit_id, user_id, len(local_stack.settled_outbox(user_id, quiet_seconds=0.5))
        )
        if (MARKER in text) == wanted:
            return text
        time.sleep(1)
    return text


def test_publish_and_rollback_change_the_answer_without_a_restart(
    local_stack, unit_id, user_id, tmp_path
) -> None:
    baseline = anninh(local_stack, "faq", "publish")  # v1: exactly the built-in knowledge base
    assert baseline.returncode == 0, baseline.stderr
    assert MARKER not in answer_until(local_stack, unit_id, user_id, wanted=False)

    published = anninh(local_stack, "faq", "publish", "--seed-dir", str(marked_seed(tmp_path)))
    assert published.returncode == 0, published.stderr
    assert MARKER in answer_until(local_stack, unit_id, user_id, wanted=True)

    versions = anninh(local_stack, "faq", "versions")
    assert versions.returncode == 0 and versions.stdout.count("\n") >= 2

    rolled = anninh(local_stack, "faq", "rollback")
    assert rolled.returncode == 0, rolled.stderr
    assert MARKER not in answer_until(local_stack, unit_id, user_id, wanted=False)


def test_publish_refuses_a_knowledge_base_that_fails_its_checks(local_stack, tmp_path) -> None:
    seed = tmp_path / "faq"
    shutil.copytree(ROOT / "infra" / "seed" / "faq", seed)
    path = seed / "residence.yaml"  # where dang-ky-tam-tru lives
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    for entry in document["entries"]:
        entry.pop("sources", None)
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    before = anninh(local_stack, "faq", "versions", "--json")
    refused = anninh(local_stack, "faq", "publish", "--seed-dir", str(seed))
    assert refused.returncode == 1
    after = anninh(local_stack, "faq", "versions", "--json")
    assert before.stdout == after.stdout
