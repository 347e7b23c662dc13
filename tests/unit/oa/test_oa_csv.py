"""`anninh oa import` reads an admin's CSV (spreadsheet exports: BOM, blank lines, any column order)."""

from __future__ import annotations

import pytest
from anninh.cli import main
from anninh.cli.oa import read_rows


def test_rows_keep_their_line_numbers_and_skip_blank_lines(tmp_path) -> None:
    path = tmp_path / "oas.csv"
    path.write_text(
        "\ufeffunit_id,oa_secret_key,oa_id\nxa-a, KeyOne1234567890 ,200\n\n,,\nxa-b,KeyTwo0987654321,300\n",
        encoding="utf-8",
    )
    assert read_rows(path) == [
        {"row": 2, "oa_id": "200", "unit_id": "xa-a", "oa_secret_key": "KeyOne1234567890"},
        {"row": 5, "oa_id": "300", "unit_id": "xa-b", "oa_secret_key": "KeyTwo0987654321"},
    ]


@pytest.mark.parametrize(
    "header", ["oa_id,unit_id", "oa_id,unit_id,secret", "oa_id,unit_id,oa_secret_key,note"]
)
def test_a_wrong_header_is_refused_before_any_request(tmp_path, capsys, monkeypatch, header) -> None:
    monkeypatch.setenv("ANNINH_API_URL", "http://127.0.0.1:9")  # nothing listens: a request would exit 3
    monkeypatch.setenv("ANNINH_LOCAL_TOKEN", "t")
    path = tmp_path / "oas.csv"
    path.write_text(f"{header}\n1,xa-a,KeyOne1234567890,x\n", encoding="utf-8")
    assert main(["oa", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "oa_id, unit_id, oa_secret_key" in err and "KeyOne1234567890" not in err
