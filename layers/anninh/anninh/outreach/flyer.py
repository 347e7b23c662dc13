"""A printable flyer per unit: its name, a QR code leading to its Zalo OA, the hotline, what the OA offers
and the emergency numbers.

The QR code comes from ``segno``; the PNG is laid out with Pillow and the PDF with ``fpdf2``. Both use the
DejaVu Sans font shipped inside matplotlib (it covers every Vietnamese letter), so no system font is needed.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import segno

from anninh import texts
from anninh.units.model import Unit

# Paper sizes in millimetres (portrait).
PAPER_MM: dict[str, tuple[float, float]] = {"A5": (148.0, 210.0), "A4": (210.0, 297.0)}
PNG_DPI = 200
MM_PER_INCH = 25.4
OA_LINK_PREFIX = "https://zalo.me/"  # The public follow link of an OA: docs/zalo-platform.md, "OA links"


class FlyerError(ValueError):
    """A flyer that cannot be made (no OA, unknown paper size); message in Vietnamese."""


@dataclass(frozen=True)
class FlyerContent:
    """Everything printed on one flyer, decided once for both formats."""

    title: str
    unit_name: str
    oa_link: str
    hotline: str
    offers: tuple[str, ...]
    emergency: str
    footer: str


def oa_link(unit: Unit) -> str:
    if not unit.oa_id:
        raise FlyerError(texts.FLYER_NO_OA.format(unit_id=unit.unit_id))
    return OA_LINK_PREFIX + unit.oa_id


def content_for(unit: Unit, hotline: str | None) -> FlyerContent:
    """The flyer's text; ``hotline`` is the unit's own or its nearest parent's (the caller decides)."""
    return FlyerContent(
        title=texts.FLYER_TITLE,
        unit_name=unit.name,
        oa_link=oa_link(unit),
        hotline=texts.FLYER_HOTLINE.format(hotline=hotline or "113"),
        offers=texts.FLYER_OFFERS,
        emergency=texts.FLYER_EMERGENCY,
        footer=texts.FLYER_FOOTER,
    )


def _font_path(bold: bool = False) -> Path:
    from matplotlib import get_data_path

    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return Path(get_data_path()) / "fonts" / "ttf" / name


def qr_png(link: str, scale: int) -> bytes:
    """The QR code as PNG bytes (error correction M, the quiet zone of 4 modules the standard asks for)."""
    buffer = io.BytesIO()
    segno.make(link, error="m", micro=False).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


def _paper(size: str) -> tuple[float, float]:
    try:
        return PAPER_MM[size.upper()]
    except KeyError:
        raise FlyerError(texts.FLYER_BAD_SIZE.format(size=size, sizes=", ".join(PAPER_MM))) from None


def render_png(content: FlyerContent, size: str = "A5") -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    width_mm, height_mm = _paper(size)
    px = PNG_DPI / MM_PER_INCH  # pixels per millimetre

    def mm(value: float) -> int:
        return round(value * px)

    image = Image.new("RGB", (mm(width_mm), mm(height_mm)), "white")
    draw = ImageDraw.Draw(image)
    unit = width_mm / 148.0  # scale type with the paper

    def font(points: float, bold: bool = False) -> ImageFont.FreeTypeFont:
        return ImageFont.truetype(str(_font_path(bold)), round(points * unit * PNG_DPI / 72))

    margin = mm(10 * unit)
    y = margin

    def centred(text: str, fnt: ImageFont.FreeTypeFont, fill: str = "black") -> None:
        nonlocal y
        for line in _wrap(draw, text, fnt, image.width - 2 * margin):
            box = draw.textbbox((0, 0), line, font=fnt)
            draw.text(((image.width - (box[2] - box[0])) // 2, y), line, font=fnt, fill=fill)
            y += int(box[3] - box[1]) + mm(1.8 * unit)

    draw.rectangle((0, 0, image.width, mm(8 * unit)), fill="#0b4f9c")
    y = mm(12 * unit)
    centred(content.title, font(15, bold=True), "#0b4f9c")
    centred(content.unit_name, font(13, bold=True))
    qr_side = mm(70 * unit)
    qr = Image.open(io.BytesIO(qr_png(content.oa_link, scale=10))).convert("RGB")
    qr = qr.resize((qr_side, qr_side), Image.Resampling.NEAREST)
    image.paste(qr, ((image.width - qr_side) // 2, y))
    y += qr_side + mm(2 * unit)
    centred(content.oa_link, font(9))
    centred(content.hotline, font(12, bold=True), "#b00020")
    y += mm(2 * unit)
    body = font(9.5)
    for offer in content.offers:
        for line in _wrap(draw, "• " + offer, body, image.width - 2 * margin):
            draw.text((margin, y), line, font=body, fill="black")
            y += int(draw.textbbox((0, 0), line, font=body)[3]) + mm(1.2 * unit)
    y += mm(3 * unit)
    centred(content.emergency, font(9.5, bold=True), "#b00020")
    y = image.height - mm(14 * unit)
    centred(content.footer, font(8), "#555555")
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(PNG_DPI, PNG_DPI))
    return out.getvalue()


def _wrap(draw: object, text: str, fnt: object, width: int) -> list[str]:
    """Greedy word wrap by rendered width."""
    from PIL import ImageDraw

    assert isinstance(draw, ImageDraw.ImageDraw)
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        box = draw.textbbox((0, 0), candidate, font=fnt)  # type: ignore[arg-type]
        if box[2] - box[0] <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def render_pdf(content: FlyerContent, size: str = "A5") -> bytes:
    from fpdf import FPDF

    width_mm, height_mm = _paper(size)
    unit = width_mm / 148.0
    pdf = FPDF(orientation="portrait", unit="mm", format=(width_mm, height_mm))
    pdf.set_auto_page_break(auto=False)
    pdf.set_margins(10 * unit, 10 * unit)
    pdf.add_page()
    pdf.add_font("DejaVu", "", str(_font_path()))
    pdf.add_font("DejaVu", "B", str(_font_path(bold=True)))
    pdf.set_fill_color(11, 79, 156)
    pdf.rect(0, 0, width_mm, 8 * unit, style="F")
    pdf.set_y(12 * unit)
    full = width_mm - 20 * unit

    def centred(text: str, points: float, bold: bool = False, rgb: tuple[int, int, int] = (0, 0, 0)) -> None:
        pdf.set_font("DejaVu", "B" if bold else "", points * unit)
        pdf.set_text_color(*rgb)
        pdf.multi_cell(full, points * unit * 0.5, text, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5 * unit)

    centred(content.title, 15, bold=True, rgb=(11, 79, 156))
    centred(content.unit_name, 13, bold=True)
    qr_side = 70 * unit
    qr_x, qr_y = (width_mm - qr_side) / 2, pdf.get_y()
    pdf.image(io.BytesIO(qr_png(content.oa_link, scale=10)), x=qr_x, y=qr_y, w=qr_side)
    pdf.link(x=qr_x, y=qr_y, w=qr_side, h=qr_side, link=content.oa_link)
    pdf.set_y(qr_y + qr_side + 2 * unit)
    centred(content.oa_link, 9)
    centred(content.hotline, 12, bold=True, rgb=(176, 0, 32))
    pdf.set_font("DejaVu", "", 9.5 * unit)
    pdf.set_text_color(0, 0, 0)
    for offer in content.offers:
        pdf.multi_cell(full, 9.5 * unit * 0.5, "• " + offer, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(0.8 * unit)
    pdf.ln(3 * unit)
    centred(content.emergency, 9.5, bold=True, rgb=(176, 0, 32))
    pdf.set_y(height_mm - 14 * unit)
    centred(content.footer, 8, rgb=(85, 85, 85))
    return bytes(pdf.output())


def render(content: FlyerContent, path: Path, size: str = "A5") -> Path:
    """Write the flyer to ``path``; its suffix (.png or .pdf) chooses the format."""
    suffix = path.suffix.lower()
    if suffix == ".png":
        data = render_png(content, size)
    elif suffix == ".pdf":
        data = render_pdf(content, size)
    else:
        raise FlyerError(texts.FLYER_BAD_FORMAT.format(path=path))
    path.write_bytes(data)
    return path
