"""Tips as CSV for reports: one row per tip, Vietnamese headers and labels, times in Vietnam time.

Only what a report needs: never the description, the reporter's contact, Zalo ids or the reporter hash.
The text starts with a UTF-8 byte order mark so that Excel shows the Vietnamese letters, and cells that a
spreadsheet would read as a formula (typed by citizens: the place) are neutralised with a leading quote.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from datetime import datetime

from anninh import texts
from anninh.officers.model import VIETNAM
from anninh.tips.model import CATEGORIES, STATUSES, Tip

BOM = "\ufeff"
MAX_ROWS = 20000  # about 4 MB of CSV: under the 6 MB a Lambda response may carry
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _when(moment: datetime) -> str:
    return moment.astimezone(VIETNAM).strftime("%d/%m/%Y %H:%M")


def _cell(value: str | None) -> str:
    text = value or ""
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def tips_csv(tips: Iterable[Tip], unit_names: Mapping[str, str]) -> str:
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow((*texts.TIP_CSV_HEADER, texts.TIP_CSV_NOTICE_HEADER))
    for tip in tips:
        writer.writerow(
            [
                tip.code,
                _cell(unit_names.get(tip.unit_id, tip.unit_id)),
                CATEGORIES.get(tip.category, tip.category),
                STATUSES.get(tip.status, tip.status),
                texts.TIP_CSV_YES if tip.urgent else texts.TIP_CSV_NO,
                _when(tip.created_at),
                _when(tip.updated_at),
                _cell(tip.place),
                _cell(tip.public_result),
                len(tip.media),
                tip.notice_id or "",
            ]
        )
    return out.getvalue()
