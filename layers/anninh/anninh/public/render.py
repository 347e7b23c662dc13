"""The public page as HTML (phones first, no script, one inline SVG chart) and as JSON."""

from __future__ import annotations

from html import escape
from typing import Any

from anninh import texts
from anninh.public.view import PublicView
from anninh.stats.counters import TIP_CATEGORY_KEYS
from anninh.stats.recording import Summary
from anninh.tips.model import CATEGORIES

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;
background:#f4f6f9;color:#1b1b1b}
header{background:#0b4f9c;color:#fff;padding:14px 16px}header h1{font-size:1.25rem;margin:0 0 4px}
header a{color:#fff}main{max-width:760px;margin:0 auto;padding:8px 12px 24px}
section{background:#fff;border-radius:10px;padding:12px 14px;margin:12px 0}
h2{font-size:1.05rem;margin:0 0 8px}.grid{display:grid;grid-template-columns:repeat(2,1fr);gap:8px}
.figure{background:#eef4fb;border-radius:8px;padding:8px}.figure b{display:block;font-size:1.3rem}
.figure span{font-size:.85rem;color:#333}ul{padding-left:18px}li{margin:6px 0}
.muted{color:#555;font-size:.85rem}.sos{font-weight:600;color:#b00020}
@media(min-width:640px){.grid{grid-template-columns:repeat(4,1fr)}}
"""

FIGURES: tuple[tuple[str, str], ...] = (
    ("messages", texts.PUBLIC_FIG_MESSAGES),
    ("faq_answered", texts.PUBLIC_FIG_FAQ_ANSWERED),
    ("questions_answered", texts.PUBLIC_FIG_QUESTIONS_ANSWERED),
    ("tips_submitted", texts.PUBLIC_FIG_TIPS),
    ("tips_resolved", texts.PUBLIC_FIG_TIPS_RESOLVED),
    ("followers_gained", texts.PUBLIC_FIG_FOLLOWERS_GAINED),
)


def _number(n: int) -> str:
    return f"{n:,}".replace(",", ".")  # 12.345, as Vietnamese write it


def _hours(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    if seconds < 3600:
        return texts.PUBLIC_MINUTES.format(n=max(1, round(seconds / 60)))
    return texts.PUBLIC_HOURS.format(n=f"{seconds / 3600:.1f}".replace(".", ","))


def _figures(summary: Summary) -> str:
    cells = "".join(
        f'<div class="figure" data-counter="{key}"><b>{_number(summary.counts[key])}</b>'
        f"<span>{escape(label)}</span></div>"
        for key, label in FIGURES
    )
    medians = texts.PUBLIC_MEDIANS.format(
        ack=_hours(summary.medians.get("ack_seconds")), close=_hours(summary.medians.get("close_seconds"))
    )
    return f'<div class="grid">{cells}</div><p class="muted">{escape(medians)}</p>'


def category_chart(summary: Summary) -> str:
    """Tips by category as horizontal bars (plain SVG; readable on a phone, nothing loaded from elsewhere)."""
    rows = [(CATEGORIES[k], summary.counts.get(f"tips_{k}", 0)) for k in TIP_CATEGORY_KEYS]
    rows = [(label, n) for label, n in rows if n] or [(texts.PUBLIC_NO_TIPS, 0)]
    top = max(n for _, n in rows) or 1
    bar_h, gap, label_w, width = 22, 8, 150, 340
    height = len(rows) * (bar_h + gap)
    bars = []
    for i, (label, n) in enumerate(rows):
        y = i * (bar_h + gap)
        w = round((width - label_w - 40) * n / top)
        bars.append(
            f'<text x="0" y="{y + 16}" font-size="13">{escape(label)}</text>'
            f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar_h}" rx="3" fill="#0b4f9c"></rect>'
            f'<text x="{label_w + w + 6}" y="{y + 16}" font-size="13">{n}</text>'
        )
    title = escape(texts.PUBLIC_CHART_TITLE)
    return (
        f'<svg role="img" aria-label="{title}" viewBox="0 0 {width} {height}" width="100%" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{title}</title>{"".join(bars)}</svg>'
    )


def render_html(view: PublicView) -> str:
    links = ""
    if view.parent:
        links += f'<a href="/public/{escape(view.parent[0])}">← {escape(view.parent[1])}</a>'
    oa = (
        f'<p><a href="{escape(view.oa_link)}">{escape(texts.PUBLIC_FOLLOW_OA)}</a></p>'
        if view.oa_link
        else ""
    )
    results = (
        "".join(
            f'<li class="result"><span class="muted">{r.day.strftime("%d/%m/%Y")} · {escape(r.category)}'
            f" · {escape(r.unit_name)}</span><br>{escape(r.result)}</li>"
            for r in view.results
        )
        or f"<li>{escape(texts.PUBLIC_NO_RESULTS)}</li>"
    )
    children = "".join(
        f'<li><a href="/public/{escape(uid)}">{escape(name)}</a></li>' for uid, name in view.children
    )
    return (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(view.name)}</title><style>{STYLE}</style></head><body>"
        f"<header><h1>{escape(view.name)}</h1>{links}</header><main>"
        f'<section id="contact"><p>{escape(texts.PUBLIC_HOTLINE)} <b>{escape(view.hotline or "113")}</b></p>'
        f'{oa}<p class="sos">{escape(texts.PUBLIC_EMERGENCY)}</p></section>'
        f'<section id="last30"><h2>{escape(texts.PUBLIC_LAST_30)}</h2>{_figures(view.last_30_days)}'
        f"{category_chart(view.last_30_days)}</section>"
        f'<section id="ytd"><h2>{escape(texts.PUBLIC_YTD.format(year=view.today.year))}</h2>'
        f"{_figures(view.year_to_date)}</section>"
        f'<section id="results"><h2>{escape(texts.PUBLIC_RESULTS)}</h2><ul>{results}</ul></section>'
        + (
            f'<section id="units"><h2>{escape(texts.PUBLIC_UNITS)}</h2><ul>{children}</ul></section>'
            if children
            else ""
        )
        + f'<p class="muted">{escape(texts.PUBLIC_UPDATED.format(date=view.today.strftime("%d/%m/%Y")))}</p>'
        + "</main></body></html>"
    )


def _summary_json(summary: Summary) -> dict[str, Any]:
    return {"counts": summary.counts, "median_seconds": summary.medians}


def render_json(view: PublicView) -> dict[str, Any]:
    return {
        "unit_id": view.unit_id,
        "name": view.name,
        "hotline": view.hotline,
        "oa_link": view.oa_link,
        "as_of": view.today.isoformat(),
        "last_30_days": _summary_json(view.last_30_days),
        "year_to_date": _summary_json(view.year_to_date),
        "results": [
            {"date": r.day.isoformat(), "category": r.category, "unit_name": r.unit_name, "result": r.result}
            for r in view.results
        ],
        "parent": {"unit_id": view.parent[0], "name": view.parent[1]} if view.parent else None,
        "units": [{"unit_id": uid, "name": name} for uid, name in view.children],
    }
