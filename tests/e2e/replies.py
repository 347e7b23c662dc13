"""What the e2e tests look for in replies, taken from the text constants by key (anninh.texts), never typed
out: a test checks that a reply came from the right constant, with the right code, status or number, and
keeps passing when the wording of a text is improved."""

from __future__ import annotations

import re

from anninh import texts

# The tip intake's prompts, step 1 to 6, as the conversation sends them.
INTAKE_PROMPTS = (
    texts.TIP_START,
    texts.TIP_ASK_DESCRIPTION,
    texts.TIP_ASK_PLACE,
    texts.TIP_ASK_TIME,
    texts.TIP_ASK_MEDIA,
    texts.TIP_ASK_PRIVACY,
)
_STEP_LEAD = re.compile(r"^(\S+ \d+/\d+) — ", re.MULTILINE)


def step(number: int) -> str:
    """The step marker the intake's prompt number ``number`` (1–6) carries, read from its constant (every
    prompt of a step, the category guess of step 1 included, shows it)."""
    found = _STEP_LEAD.search(INTAKE_PROMPTS[number - 1])
    assert found, f"intake prompt {number} has no step marker"
    return found.group(1)


def lead(constant: str) -> str:
    """The fixed start of a text constant, up to its first placeholder: a reply made from it starts so."""
    return constant.split("{", 1)[0].strip()


TIP_FILED = lead(texts.TIP_SUBMITTED)  # the citizen's confirmation that the tip was filed (its code follows)


def status_shown(status: str) -> str:
    """The status line of a tip lookup (``texts.TIP_STATUS``) for the stored status ``status``."""
    line = next(line for line in texts.TIP_STATUS.splitlines() if "{status}" in line)
    return line.format(status=texts.TIP_STATUS_LABELS[status])


def my_tip_line(code: str, category: str, status: str) -> str:
    """A line of the citizen's own tips list for the tip ``code`` (category number, stored status)."""
    line = texts.TIP_MY_TIPS_LINE.split(" ({updated})")[0]
    return line.format(
        code=code, category=texts.TIP_CATEGORY_LABELS[category], status=texts.TIP_STATUS_LABELS[status]
    )


def new_tip_alert(code: str, *, urgent: bool = False) -> str:
    """The start of the alert an officer gets for a new tip (``texts.OFFICER_NEW_TIP``), up to its code."""
    mark = texts.OFFICER_URGENT_MARK if urgent else ""
    return texts.OFFICER_NEW_TIP.split("{code}")[0].format(urgent=mark) + code


def digest_header(start: str, end: str, date: str) -> str:
    """The start of an hourly digest (``texts.OFFICER_DIGEST_HEADER``) for the hour ``start``–``end``."""
    return texts.OFFICER_DIGEST_HEADER.split(": {count}")[0].format(start=start, end=end, date=date)


def digest_line(code: str, category: str) -> str:
    """The start of a digest's line for the tip ``code`` (category key), up to its unit."""
    fixed = texts.OFFICER_DIGEST_LINE.split("{unit_name}")[0]
    return fixed.format(code=code, category=texts.TIP_CATEGORY_LABELS[category])
