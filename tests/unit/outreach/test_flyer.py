"""The QR flyer: the printed code leads back to the unit's OA, in PNG and PDF, for one unit and a subtree."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import zxingcpp
from anninh.cli import main
from anninh.outreach.flyer import FlyerError, content_for, oa_link, render_pdf, render_png
from anninh.units.importer import load_units_file
from anninh.units.model import Unit
from PIL import Image

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "infra" / "seed" / "units.yaml"


def decoded(png: bytes) -> list[str]:
    return [result.text for result in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


def seeded(unit_id: str) -> Unit:
    return next(u for u in load_units_file(SEED) if u.unit_id == unit_id)


def test_png_flyer_qr_decodes_to_the_oa_follow_link() -> None:
    unit = seeded("tinh-demo")
    png = render_png(content_for(unit, unit.hotline), "A5")
    assert decoded(png) == [f"https://zalo.me/{unit.oa_id}"]
    image = Image.open(io.BytesIO(png))
    assert image.size == (1165, 1654)  # A5 at 200 dpi


def test_a4_is_larger_and_still_decodes() -> None:
    unit = seeded("tinh-demo")
    png = render_png(content_for(unit, None), "A4")
    assert Image.open(io.BytesIO(png)).size == (1654, 2339)
    assert decoded(png) == [oa_link(unit)]


def test_pdf_flyer_is_one_page_with_the_unit_name_and_link(tmp_path: Path) -> None:
    unit = seeded("tinh-demo")
    pdf = render_pdf(content_for(unit, unit.hotline), "A5")
    assert pdf.startswith(b"%PDF-")
    # The link annotation carries the OA link, and the font is embedded (Vietnamese prints anywhere).
    assert f"https://zalo.me/{unit.oa_id}".encode() in pdf
    assert b"/FontFile2" in pdf
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) == 1


def test_unit_without_oa_is_refused_with_a_clear_message() -> None:
    unit = Unit(unit_id="xa-moi", name="Công an xã Mới", level="commune")
    with pytest.raises(FlyerError, match="xa-moi"):
        content_for(unit, None)


def test_cli_single_png_from_the_units_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "tinh.png"
    code = main(["flyer", "--unit", "tinh-demo", "-o", str(out), "--units-file", str(SEED)])
    assert code == 0, capsys.readouterr().err
    assert decoded(out.read_bytes()) == [oa_link(seeded("tinh-demo"))]


def test_cli_all_writes_one_flyer_per_unit_with_an_oa(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    units = load_units_file(SEED)
    with_oa = sorted(u.unit_id for u in units if u.oa_id)
    without = sorted(u.unit_id for u in units if not u.oa_id)
    out = str(tmp_path / "png" / "x.png")
    code = main(["flyer", "--unit", "tinh-demo", "--all", "-o", out, "--units-file", str(SEED)])
    assert code == 0
    written = sorted(p.stem for p in (tmp_path / "png").glob("*.png"))
    assert written == with_oa
    err = capsys.readouterr().err
    for unit_id in without:
        assert unit_id in err
    sample = next((tmp_path / "png").glob("*.png"))
    assert decoded(sample.read_bytes()) == [f"https://zalo.me/{seeded(sample.stem).oa_id}"]


def test_cli_unknown_unit_and_bad_suffix_fail_without_writing(tmp_path: Path) -> None:
    seed = ["--units-file", str(SEED)]
    assert main(["flyer", "--unit", "nope", "-o", str(tmp_path / "a.png"), *seed]) == 2
    assert main(["flyer", "--unit", "tinh-demo", "-o", str(tmp_path / "a.txt"), *seed]) == 2
    assert list(tmp_path.iterdir()) == []
