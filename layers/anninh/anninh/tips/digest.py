"""The hourly digest of new non-urgent tips for officers who chose ``alerts: digest``.

Urgent tips always reach every officer on duty at once (see anninh.conversation.citizen_turn); a non-urgent
tip reaches "immediate" officers at once and "digest" officers here, in one message per officer per window.
The officers chosen are the ones the immediate alert would have chosen (the tip's unit's duty officers, or
the nearest parent's), on duty when the digest runs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from anninh import texts
from anninh.officers.model import VIETNAM, Officer, wants_now
from anninh.officers.ports import OfficerRepository
from anninh.questions.service import officers_to_alert
from anninh.tips.model import CATEGORIES, STATUSES, Tip
from anninh.tips.ports import TipRepository
from anninh.units.model import Unit
from anninh.units.tree import UnitTree

PERIOD = timedelta(hours=1)
MAX_LINES = 15  # more than this and the officer is pointed at #tin
DESCRIPTION_CHARS = 100


@dataclass(frozen=True)
class Window:
    start: datetime
    end: datetime

    @property
    def key(self) -> str:
        return self.start.astimezone(UTC).strftime("%Y%m%dT%H%MZ")


@dataclass
class Digest:
    officer: Officer
    entries: list[tuple[Tip, Unit]] = field(default_factory=list)


def window_before(now: datetime, period: timedelta = PERIOD) -> Window:
    """The last whole period that ended at or before ``now`` (aligned on the epoch, so on the hour)."""
    seconds = int(period.total_seconds())
    epoch = int(now.timestamp())
    end = datetime.fromtimestamp(epoch - epoch % seconds, UTC)
    return Window(end - period, end)


def collect(
    tips: TipRepository, officers: OfficerRepository, tree: UnitTree, window: Window, now: datetime
) -> list[Digest]:
    """One digest per "digest" officer who has new non-urgent tips in ``window``; oldest tips first."""
    digests: dict[tuple[str, str], Digest] = {}
    for unit in tree:
        fresh = [t for t in tips.list_created(unit.unit_id, window.start, window.end) if not t.urgent]
        if not fresh:
            continue
        for officer in officers_to_alert(officers, tree, unit, now):
            if wants_now(officer, urgent=False):
                continue  # already alerted when the tip was filed
            digest = digests.setdefault((officer.oa_id, officer.user_id), Digest(officer))
            digest.entries.extend((tip, unit) for tip in fresh)
    for digest in digests.values():
        digest.entries.sort(key=lambda entry: entry[0].tip_id)
    return [digests[key] for key in sorted(digests)]


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= DESCRIPTION_CHARS else flat[: DESCRIPTION_CHARS - 1] + "…"


def render(digest: Digest, window: Window) -> str:
    start, end = window.start.astimezone(VIETNAM), window.end.astimezone(VIETNAM)
    lines = [
        texts.OFFICER_DIGEST_HEADER.format(
            start=start.strftime("%H:%M"),
            end=end.strftime("%H:%M"),
            date=start.strftime("%d/%m/%Y"),
            count=len(digest.entries),
        )
    ]
    for tip, unit in digest.entries[:MAX_LINES]:
        lines.append(
            texts.OFFICER_DIGEST_LINE.format(
                code=tip.code,
                category=CATEGORIES[tip.category],
                unit_name=unit.name,
                status=STATUSES[tip.status],
                description=_short(tip.description),
            )
        )
    if len(digest.entries) > MAX_LINES:
        lines.append(texts.OFFICER_DIGEST_MORE.format(count=len(digest.entries) - MAX_LINES))
    lines.append(texts.OFFICER_DIGEST_FOOTER)
    return "\n".join(lines)


SendOnce = Callable[[str, Officer, str], None]
"""Send ``text`` to the officer at most once for the given key (the handler makes it idempotent)."""


def send_digests(
    tips: TipRepository,
    officers: OfficerRepository,
    tree: UnitTree,
    now: datetime,
    send_once: SendOnce,
    on_unreachable: Callable[[Officer, Exception], bool],
) -> tuple[int, Window]:
    """Send the digests of the window before ``now``; returns how many officers got one.

    ``on_unreachable`` decides per failure: True = counted and skipped (e.g. the officer is outside the
    messaging window), False = re-raised after the other officers were served, so the run is retried and
    the officers already served are skipped by ``send_once``'s key.
    """
    window = window_before(now)
    sent = 0
    failure: Exception | None = None
    for digest in collect(tips, officers, tree, window, now):
        key = f"digest:{window.key}:{digest.officer.oa_id}:{digest.officer.user_id}"
        try:
            send_once(key, digest.officer, render(digest, window))
            sent += 1
        except Exception as exc:
            if not on_unreachable(digest.officer, exc):
                failure = failure or exc
    if failure is not None:
        raise failure
    return sent, window
