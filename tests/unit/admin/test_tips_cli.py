"""`anninh tips …` against the admin API served over real HTTP (in-memory repositories)."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta

import pytest
from anninh.cli import main

from tests.unit.admin.conftest import NOW
from tests.unit.admin.test_admin_cli import run, served  # noqa: F401 - the fixture, shared
from tests.unit.admin.test_admin_tips import CITIZEN, file_tip


def test_list_show_update_reply_note_transfer(served, capsys):  # noqa: F811
    admin, _ = served
    code = file_tip(admin, "xa", "e1", urgent=True)
    file_tip(admin, "xa-b", "e2", at=NOW - timedelta(hours=1))

    status, out, _ = run(capsys, "tips", "list", "--unit", "xa")
    assert status == 0 and out.startswith("• 🚨 KHẨN — " + code + " [xa] 09:30 23/11/2026 — Ma túy — Mới")
    assert len(out.splitlines()) == 1 and CITIZEN not in out
    status, out, _ = run(capsys, "tips", "list", "--urgent", "--json")
    assert [t["code"] for t in json.loads(out)] == [code]

    status, out, _ = run(capsys, "tips", "show", code.lower())
    assert status == 0 and "Người báo tin: ẩn danh" in out and "Mô tả: Có nhóm thanh niên" in out
    assert "xem — local-admin" in out and CITIZEN not in out

    status, out, _ = run(capsys, "tips", "update", code, "--status", "da_tiep_nhan")
    assert (status, out.splitlines()[-2:]) == (  # (the in-process API prints its metrics before)
        0,
        [f"Đã cập nhật {code}: Đã tiếp nhận.", "Đã báo cho người báo tin qua Zalo."],
    )
    assert len(admin.sender.sent) == 1
    status, _, err = run(capsys, "tips", "update", code, "--status", "da_tiep_nhan")
    assert status == 6 and "không thể chuyển" in err
    status, _, err = run(capsys, "tips", "update", code, "--status", "dang_xac_minh")
    status, _, err = run(capsys, "tips", "update", code, "--status", "da_xu_ly")
    assert status == 2 and "kết quả công khai" in err

    status, out, _ = run(capsys, "tips", "reply", code, "Anh/chị nhớ biển số xe không?")
    assert status == 0 and out.splitlines()[-1] == f"Đã chuyển tin nhắn tới người báo tin ({code})."
    status, out, _ = run(capsys, "tips", "note", code, "Đã cử tổ xác minh")
    assert status == 0 and "ghi chú nội bộ" in out
    status, out, _ = run(capsys, "tips", "transfer", code, "tinh")
    assert status == 0 and out.splitlines()[-1] == f"Đã chuyển {code} tới Công an tỉnh."
    status, _, err = run(capsys, "tips", "show", "XA-ZZZZZ")
    assert status == 5 and "Không có tin báo XA-ZZZZZ" in err


def test_export_writes_the_csv_with_its_bom(served, capsys, tmp_path):  # noqa: F811
    admin, _ = served
    first = file_tip(admin, "xa", "e1")
    file_tip(admin, "xa-b", "e2")
    target = tmp_path / "bao-cao.csv"
    status, out, _ = run(
        capsys, "tips", "export", "--unit", "tinh", "--from", "2026-11-01", "-o", str(target)
    )
    assert status == 0 and out.splitlines()[-1] == f"Đã ghi 2 tin báo vào {target}."
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][0] == "Mã tin báo" and first in [r[0] for r in rows[1:]]
    with pytest.raises(SystemExit) as refused:
        main(["tips", "export", "--unit", "xa", "--from", "01/11/2026"])
    assert refused.value.code == 2 and "YYYY-MM-DD" in capsys.readouterr().err
    status, _, err = run(
        capsys, "tips", "export", "--unit", "xa", "--from", "2026-11-02", "--to", "2026-11-01"
    )
    assert status == 2 and "sau ngày kết thúc" in err
    assert not (tmp_path / "other.csv").exists()
