"""Find personal data in log text: the Zalo user ids and phone numbers a test session used, and any
Vietnamese phone number at all.

Used by the e2e session (every line the local stack wrote, functions' logs included) and by the integration
test of the webhook and worker. A leak is reported with its line number and the kind of value, never the
value itself (the report would otherwise repeat the leak).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

# A Vietnamese phone number (0-, 84- or +84-prefixed, 9 or 10 more digits, spaces allowed between groups),
# standing alone: not inside a longer run of digits (Zalo ids, timestamps) or of letters and digits (hashes).
PHONE = re.compile(r"(?<![\w.+])(?:\+84|84|0)(?: ?\d){9,10}(?!\w)")
# What a Zalo id looks like (user, OA and app ids are strings of 15 to 21 digits).
ZALO_ID = re.compile(r"(?<![\w.])\d{15,21}(?![\w.])")
# Powertools' fields that say where a line comes from, left out of a leak's excerpt.
_BOILERPLATE = ("function_arn", "function_request_id", "timestamp", "function_memory_size", "cold_start")


@dataclass
class LeakReport:
    lines_scanned: int = 0
    leaks: list[tuple[int, str]] = field(default_factory=list)  # (line number, kind)
    excerpts: dict[int, str] = field(default_factory=dict)  # line number -> the line, every number masked

    def describe(self, limit: int = 20) -> str:
        shown = "\n".join(
            f"  line {number}: {kind}: {self.excerpts.get(number, '')}" for number, kind in self.leaks[:limit]
        )
        more = f"\n  … and {len(self.leaks) - limit} more" if len(self.leaks) > limit else ""
        return f"{len(self.leaks)} leak(s) in {self.lines_scanned} log lines:\n{shown}{more}"


def _excerpt(line: str) -> str:
    """The line without Powertools' boilerplate, every run of 8 or more digits masked."""
    text = line.strip()
    try:
        record = json.loads(text)
    except ValueError:
        record = None
    if isinstance(record, dict):
        text = json.dumps({k: v for k, v in record.items() if k not in _BOILERPLATE}, ensure_ascii=False)
    return re.sub(r"\d[\d ]{6,}\d", "<digits>", text)[:400]


def scan(
    lines: Iterable[str],
    user_ids: Iterable[str],
    phones: Iterable[str] = (),
    public_ids: Iterable[str] | None = None,
) -> LeakReport:
    """Every line holding one of ``user_ids`` (or its reversal, Zalo's ``user_id_by_app`` in the local
    events), one of ``phones`` (digits compared), or anything shaped like a Vietnamese phone number.

    With ``public_ids`` (the OA and app ids, which logs may carry), any other Zalo-shaped id is a leak too:
    that catches user ids the caller did not list (seeded officers, ids typed into a test)."""
    public = set(public_ids) if public_ids is not None else None
    ids = {value for user_id in user_ids if user_id for value in (user_id, user_id[::-1])}
    phone_digits = {re.sub(r"\D", "", phone) for phone in phones if phone}
    report = LeakReport()
    for number, line in enumerate(lines, start=1):
        report.lines_scanned += 1
        found = len(report.leaks)
        if any(value in line for value in ids):
            report.leaks.append((number, "Zalo user id"))
        elif public is not None and any(found not in public for found in ZALO_ID.findall(line)):
            report.leaks.append((number, "Zalo id that is not an OA's or the app's"))
        digits_only = line.replace(" ", "")
        if any(phone in digits_only for phone in phone_digits) or PHONE.search(line):
            report.leaks.append((number, "phone number"))
        if len(report.leaks) > found:
            report.excerpts[number] = _excerpt(line)
    return report
