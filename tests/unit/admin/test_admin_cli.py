"""`anninh officers|questions …` against the admin API served over real HTTP (in-memory repositories)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from anninh import texts
from anninh.admin.api import openapi_json
from anninh.admin.client import AdminClient, SigV4Signer, region_for
from anninh.cli import main
from anninh.officers.roles import ROLES
from localrun.fake_zalo import serve_in_thread
from localrun.http_gateway import HttpApiGateway, Route

from tests.unit.admin.conftest import TOKEN, AdminHarness, LambdaContext, harness

ROOT = Path(__file__).resolve().parents[3]


@dataclass
class ApiFunction:
    """What the gateway invokes: the admin API's handler, as Lambda would call it."""

    admin: AdminHarness
    name: str = "AdminFunction"

    def invoke(self, event: dict[str, Any]) -> dict[str, Any]:
        return self.admin.api.handle(event, LambdaContext())


@pytest.fixture
def served(monkeypatch) -> Iterator[tuple[AdminHarness, str]]:
    admin = harness()
    function = ApiFunction(admin)
    document = json.loads(openapi_json())
    routes = [
        Route(method.upper(), path, "local", function)  # type: ignore[arg-type]
        for path, operations in document["paths"].items()
        for method in operations
    ]
    base_url, stop = serve_in_thread(HttpApiGateway(routes, "123456789012"))
    monkeypatch.setenv("ANNINH_API_URL", base_url)
    monkeypatch.setenv("ANNINH_LOCAL_TOKEN", TOKEN)
    yield admin, base_url
    stop()


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_officers_set_list_remove(served, capsys):
    admin, _ = served
    code, out, _ = run(
        capsys,
        "officers",
        "set",
        "xa",
        "501",
        "--name",
        "Nguyễn Văn An",
        "--role",
        "truc_ban",
        "--shift",
        "0-4 07:30-17:00",
        "--shift",
        "5,6 00:00-00:00",
    )
    assert code == 0 and "Đã lưu cán bộ Nguyễn Văn An (501) của xa, OA 200" in out
    assert [s.days for s in admin.officers.find("200", "501").shifts] == [(0, 1, 2, 3, 4), (5, 6)]
    code, out, _ = run(capsys, "officers", "list", "--unit", "xa")
    line = texts.ADMIN_CLI_OFFICER_LINE.format(
        user_id="501",
        name="Nguyễn Văn An",
        role=texts.OFFICER_ROLE_TITLES["truc_ban"],
        inactive="",
        shifts="0-4 07:30-17:00, 5-6 00:00-00:00",
        alerts=texts.OFFICER_ALERT_MODES["immediate"],
    )
    assert code == 0 and line in out
    code, out, _ = run(capsys, "officers", "list", "--unit", "xa", "--json")
    assert json.loads(out)[0]["user_id"] == "501"
    assert admin.officers.find("200", "501").alerts == "immediate"
    code, _, _ = run(
        capsys, "officers", "set", "xa", "501", "--name", "An", "--role", "truc_ban", "--alerts", "digest"
    )
    assert code == 0 and admin.officers.find("200", "501").alerts == "digest"
    code, out, _ = run(capsys, "officers", "list", "--unit", "xa")
    assert texts.OFFICER_ALERT_MODES["digest"] in out
    code, out, _ = run(capsys, "officers", "remove", "xa", "501")
    assert code == 0 and admin.officers.officers == {}


def test_cli_errors_have_clear_messages_and_exit_codes(served, capsys, monkeypatch):
    code, _, err = run(capsys, "officers", "remove", "xa", "501")
    assert code == 5 and "không có cán bộ 501" in err
    code, _, err = run(capsys, "officers", "set", "phong", "501", "--name", "A", "--role", "truc_ban")
    assert code == 2 and texts.OFFICER_ERROR_UNIT_WITHOUT_OA.format(unit_id="phong") in err
    code, _, err = run(capsys, "officers", "list", "--unit", "Bad Unit")
    assert code == 2 and "query.unit_id" in err
    monkeypatch.setenv("ANNINH_LOCAL_TOKEN", "wrong")
    code, _, err = run(capsys, "officers", "list", "--unit", "xa")
    assert code == 4 and "Mã truy cập không đúng" in err
    code, _, err = run(capsys, "officers", "list", "--unit", "xa", "--api", "http://127.0.0.1:9")
    assert code == 3 and "Không kết nối được" in err
    monkeypatch.delenv("ANNINH_API_URL")
    code, _, err = run(capsys, "officers", "list", "--unit", "xa")
    assert code == 3 and "ANNINH_API_URL" in err


def test_import_validates_the_whole_file_before_writing(served, capsys, tmp_path):
    admin, _ = served
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "officers:\n"
        "  - {unit_id: xa, user_id: '501', name: A, role: truc_ban}\n"
        "  - {unit_id: phong, user_id: '502', name: B, role: truc_ban}\n"
        "  - {unit_id: xa, user_id: '503', name: C, role: boss}\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "officers", "import", str(bad))
    without_oa = texts.OFFICER_ERROR_UNIT_WITHOUT_OA.format(unit_id="phong")
    bad_role = texts.OFFICER_ERROR_ROLE.format(choices=", ".join(ROLES))
    assert code == 2 and texts.OFFICER_ERROR_ENTRY.format(index=2, error=without_oa) in err
    assert texts.OFFICER_ERROR_ENTRY.format(index=3, error=bad_role) in err
    assert admin.officers.officers == {}
    code, _, err = run(capsys, "officers", "import", str(tmp_path / "missing.yaml"))
    assert code == 2 and "Không tìm thấy tệp" in err


def test_seed_officers_file_imports_through_the_api(served, capsys, tmp_path):
    admin, _ = served
    good = tmp_path / "officers.yaml"
    good.write_text(
        "officers:\n"
        "  - {unit_id: xa, user_id: '501', name: A, role: truc_ban, shifts: ['0-6 00:00-00:00'],\n"
        "     alerts: digest}\n"
        "  - {unit_id: tinh, user_id: '601', name: B, role: lanh_dao, active: false,\n"
        "     shifts: [{days: [0, 1], start: '19:00', end: '07:00'}]}\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "officers", "import", str(good), "--dry-run")
    assert code == 0 and "2 cán bộ" in out and admin.officers.officers == {}
    code, out, _ = run(capsys, "officers", "import", str(good))
    assert code == 0 and "Đã nạp 2 cán bộ" in out
    assert admin.officers.find("100", "601").active is False
    assert admin.officers.find("200", "501").shifts[0].start == "00:00"
    assert admin.officers.find("200", "501").alerts == "digest"
    assert admin.officers.find("100", "601").alerts == "immediate"


def test_questions_list_and_answer(served, capsys):
    admin, _ = served
    code_text = admin.ask("xa", "citizen-1", "nhà hàng xóm mở nhạc to quá khuya thì làm sao", "e1")
    code, out, _ = run(capsys, "questions", "list", "--status", "open")
    assert code == 0 and code_text in out and "chờ trả lời" in out and "nhạc to" in out
    code, out, _ = run(
        capsys, "questions", "answer", code_text, "Gọi trực ban 0200 3830 113", "--as", "Trực ban"
    )
    assert code == 0 and f"câu hỏi {code_text}" in out
    assert len(admin.sender.sent) == 1
    code, _, err = run(capsys, "questions", "answer", code_text, "Lần nữa")
    assert code == 6 and "đã được trả lời" in err
    code, out, _ = run(capsys, "questions", "list", "--unit", "tinh", "--descendants", "--json")
    assert json.loads(out)[0]["answered_by"] == "Trực ban"
    code, _, err = run(capsys, "questions", "answer", "H-ZZZZZ", "x")
    assert code == 5


def test_sigv4_client_signs_for_execute_api(monkeypatch):
    from botocore.credentials import Credentials

    signer = SigV4Signer("ap-southeast-1", Credentials("AKIDEXAMPLE", "secret", "session-token"))
    headers = signer.sign(
        "GET", "https://abc123.execute-api.ap-southeast-1.amazonaws.com/admin/units?x=1", None, {}
    )
    assert headers["Authorization"].startswith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
    assert "/ap-southeast-1/execute-api/aws4_request" in headers["Authorization"]
    assert headers["X-Amz-Security-Token"] == "session-token"
    assert region_for("https://abc123.execute-api.eu-west-1.amazonaws.com", {}) == "eu-west-1"
    assert region_for(
        "https://abc123.execute-api.eu-west-1.amazonaws.com", {"AWS_REGION": "ap-southeast-1"}
    ) == ("ap-southeast-1")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "secret")
    client = AdminClient.from_env("https://abc123.execute-api.ap-southeast-1.amazonaws.com", {})
    assert client.signer is not None and client.local_token is None
