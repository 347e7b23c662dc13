"""`anninh units import` against DynamoDB (moto), the table built from template.yaml."""

from __future__ import annotations

from pathlib import Path

import boto3
from anninh.cli import main
from localrun.aws_resources import ResourceCreator
from localrun.cfn_yaml import load_template
from localrun.template import Template
from moto import mock_aws

ROOT = Path(__file__).resolve().parents[2]


def test_import_then_list_units(monkeypatch, tmp_path, capsys):
    for key, value in {
        "AWS_ACCESS_KEY_ID": "t",
        "AWS_SECRET_ACCESS_KEY": "t",
        "AWS_DEFAULT_REGION": "ap-southeast-1",
        "AWS_REGION": "ap-southeast-1",
    }.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)
    with mock_aws():
        template = Template(load_template(ROOT / "template.yaml"), region="ap-southeast-1")
        ResourceCreator(template, lambda service: boto3.client(service)).create_all()
        monkeypatch.setenv("UNITS_TABLE", str(template.physical["UnitsTable"].ref))

        bad = tmp_path / "bad.yaml"
        bad.write_text(
            "units:\n  - {unit_id: xa, name: Xã, level: commune, parent_id: none}\n", encoding="utf-8"
        )
        assert main(["units", "import", str(bad)]) == 1
        assert "không ghi gì" in capsys.readouterr().err
        assert main(["units", "import", "--dry-run", str(ROOT / "infra/seed/units.yaml")]) == 0
        assert main(["units", "list", "--json"]) == 0
        assert capsys.readouterr().out.count("unit_id") == 0  # nothing written by the dry run or the bad file

        assert main(["units", "import", str(ROOT / "infra/seed/units.yaml")]) == 0
        assert "Đã nạp 6 đơn vị" in capsys.readouterr().out
        assert main(["units", "list"]) == 0
        listing = capsys.readouterr().out
        assert listing.splitlines()[0].startswith("Công an tỉnh Demo")
        assert "  Công an xã Bình An [xa-binh-an]" in listing
