"""The legal officer's review page: every entry as a citizen reads it, with its sources and expiring facts.

``anninh faq review --html FILE`` writes one self-contained HTML file (no script, no remote asset) from the
seed files, so what is signed off is exactly what ``anninh faq publish`` would send. Each entry shows its
first message, the "Xem chi tiết" details, legal sources with links, the verification date, notes on facts
not confirmed, and facts that hold for a period (marked when they end within 30 days or have ended).
"""

from __future__ import annotations

import datetime as dt
from html import escape

from anninh import texts
from anninh.faq.compiler import check_sources, check_warnings, vietnam_today
from anninh.faq.knowledge_base import EXPIRY_WARNING_DAYS, SourceEntry, Sources

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0;color:#1b1b1b;
background:#f5f6f8;line-height:1.45}
header{background:#0b4f9c;color:#fff;padding:16px 20px}header h1{margin:0;font-size:1.3rem}
main{max-width:960px;margin:0 auto;padding:12px}
.summary{background:#fff;border-radius:8px;padding:12px 16px;margin:12px 0}
.problems{color:#b00020}
article{background:#fff;border-radius:8px;padding:12px 16px;margin:12px 0;border-left:6px solid #0b4f9c}
article.pending{border-left-color:#c77700}
h2{font-size:1.1rem;margin:.2rem 0}.id{color:#666;font-family:monospace;font-size:.85rem}
.msg{white-space:pre-wrap;background:#eef4fb;border-radius:8px;padding:8px 10px}
.details{white-space:pre-wrap;background:#f3f3f3;border-radius:8px;padding:8px 10px}
.expiring{color:#c77700;font-weight:600}.expired{color:#b00020;font-weight:600}
.signoff{margin-top:8px;border-top:1px dashed #999;padding-top:6px;color:#444}
table{border-collapse:collapse}td,th{padding:2px 8px;text-align:left;vertical-align:top}
@media print{body{background:#fff}article{break-inside:avoid}}
"""


def _date(text: str) -> str:
    try:
        return dt.date.fromisoformat(text).strftime("%d/%m/%Y")
    except ValueError:
        return text or "—"


def _fact_class(until_text: str, today: dt.date) -> str:
    try:
        until = dt.date.fromisoformat(until_text)
    except ValueError:
        return "expired"
    if until < today:
        return "expired"
    if until <= today + dt.timedelta(days=EXPIRY_WARNING_DAYS):
        return "expiring"
    return ""


def _entry_html(entry: SourceEntry, today: dt.date) -> str:
    pending = texts.FAQ_PENDING_REVIEW_NOTE in entry.notes
    sources = "".join(
        "<li>{doc}{article}{link}</li>".format(
            doc=escape(s.get("doc", "")),
            article=f", {escape(s['article'])}" if s.get("article") else "",
            link=f' — <a href="{escape(s["url"])}">{escape(s["url"])}</a>' if s.get("url") else "",
        )
        for s in entry.sources
    )
    facts = "".join(
        '<tr class="{cls}"><td>{fact}</td><td>{until}</td><td>{source}</td></tr>'.format(
            cls=_fact_class(f.get("until", ""), today),
            fact=escape(f.get("fact", "")),
            until=_date(f.get("until", "")),
            source=escape(f.get("source", "")),
        )
        for f in entry.valid_until
    )
    parts = [
        f'<article id="{escape(entry.id)}" class="{"pending" if pending else ""}"'
        f' data-entry="{escape(entry.id)}">',
        f'<h2>{escape(entry.title)}</h2><div class="id">{escape(entry.group)} · {escape(entry.id)}</div>',
        f"<h3>{texts.FAQ_REVIEW_FIRST_MESSAGE.format(chars=len(entry.answer))}</h3>",
        f'<div class="msg">{escape(entry.answer)}</div>',
        f'<h3>{texts.FAQ_REVIEW_DETAILS}</h3><div class="details">{escape(entry.details) or "—"}</div>',
        f"<h3>{texts.FAQ_REVIEW_SOURCES}</h3><ul>{sources or '<li>—</li>'}</ul>",
        f'<p>{texts.FAQ_REVIEW_VERIFIED_ON} <strong class="verified">{_date(entry.verified_on)}</strong></p>',
    ]
    if facts:
        parts.append(
            f"<h3>{texts.FAQ_REVIEW_PERIOD_FACTS}</h3><table><tr><th>{texts.FAQ_REVIEW_FACT}</th>"
            f"<th>{texts.FAQ_REVIEW_UNTIL}</th><th>{texts.FAQ_REVIEW_SOURCE}</th></tr>{facts}</table>"
        )
    if entry.notes:
        parts.append(f'<h3>{texts.FAQ_REVIEW_NOTES}</h3><p class="notes">{escape(entry.notes)}</p>')
    parts.append(f'<div class="signoff">{texts.FAQ_REVIEW_SIGNOFF}</div></article>')
    return "".join(parts)


def render_review(sources: Sources, catalogue: dict[str, list[str]], today: dt.date | None = None) -> str:
    today = today or vietnam_today()
    problems = check_sources(sources, catalogue, today)
    warnings = check_warnings(sources, today)
    entries = sources.entries
    pending = sum(1 for e in entries if texts.FAQ_PENDING_REVIEW_NOTE in e.notes)
    summary = texts.FAQ_REVIEW_SUMMARY.format(
        entries=len(entries), pending=pending, warnings=len(warnings), problems=len(problems)
    )
    listing = "".join(f'<li class="problem">{escape(p)}</li>' for p in problems + warnings)
    toc = "".join(f'<li><a href="#{escape(e.id)}">{escape(e.title)}</a></li>' for e in entries)
    return (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{texts.FAQ_REVIEW_TITLE}</title><style>{STYLE}</style></head><body>"
        f"<header><h1>{texts.FAQ_REVIEW_TITLE}</h1><div>{texts.FAQ_REVIEW_MADE_ON.format(date=today.strftime('%d/%m/%Y'))}</div></header>"
        f'<main><section class="summary" id="summary" data-entries="{len(entries)}"'
        f' data-problems="{len(problems)}">'
        f"<p>{summary}</p>"
        + (f'<ul class="problems">{listing}</ul>' if listing else "")
        + f"<details><summary>{texts.FAQ_REVIEW_CONTENTS}</summary><ol>{toc}</ol></details></section>"
        + "".join(_entry_html(e, today) for e in entries)
        + "</main></body></html>"
    )
