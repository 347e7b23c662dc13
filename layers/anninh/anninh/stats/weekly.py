"""Every Monday 07:00 (Vietnam time): each unit's leaders get a picture of the past week for their subtree.

A leader is an active officer with the role ``lanh_dao``. The picture (a chart drawn with matplotlib) shows
tips by stage, procedure questions answered at once / refused / handed to officers, and followers gained /
lost, for the unit and its descendants over Monday–Sunday of the week before the run; three lines of figures
go with it as the caption. Each leader gets one picture per week: ``send_once`` is keyed on (week, leader).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from anninh import texts
from anninh.officers.model import Officer
from anninh.officers.ports import OfficerRepository
from anninh.stats.counters import vietnam_day
from anninh.stats.recording import StatsStore, Summary, gather
from anninh.units.model import Unit
from anninh.units.tree import UnitTree

LEADER_ROLE = "lanh_dao"


@dataclass(frozen=True)
class Week:
    monday: date
    sunday: date

    @property
    def key(self) -> str:
        iso = self.monday.isocalendar()
        return f"{iso.year}-W{iso.week:02d}"


def week_before(now: datetime) -> Week:
    """Monday to Sunday of the last whole week (Vietnam time) that ended before ``now``."""
    today = vietnam_day(now)
    this_monday = today - timedelta(days=today.weekday())
    monday = this_monday - timedelta(days=7)
    return Week(monday, monday + timedelta(days=6))


def _fmt(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def caption(unit: Unit, week: Week, summary: Summary, units: int) -> str:
    c = summary.counts
    return "\n".join(
        [
            texts.WEEKLY_TITLE.format(
                unit_name=unit.name,
                start=week.monday.strftime("%d/%m"),
                end=week.sunday.strftime("%d/%m/%Y"),
                units=units,
            ),
            texts.WEEKLY_LINE_TIPS.format(
                submitted=_fmt(c["tips_submitted"]),
                urgent=_fmt(c["tips_urgent"]),
                resolved=_fmt(c["tips_resolved"]),
                unfounded=_fmt(c["tips_unfounded"]),
            ),
            texts.WEEKLY_LINE_QUESTIONS.format(
                answered=_fmt(c["faq_answered"]),
                refused=_fmt(c["faq_refused"]),
                handed=_fmt(c["questions_handed"]),
                officer_answered=_fmt(c["questions_answered"]),
            ),
            texts.WEEKLY_LINE_FOLLOWERS.format(
                gained=_fmt(c["followers_gained"]),
                lost=_fmt(c["followers_lost"]),
                messages=_fmt(c["messages"]),
            ),
        ]
    )


def chart_png(unit: Unit, week: Week, summary: Summary) -> bytes:
    """Three groups of bars (tips, questions, followers) as a PNG well under Zalo's 1 MB image limit."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    c = summary.counts
    groups = [
        (
            texts.WEEKLY_CHART_TIPS,
            [
                (texts.WEEKLY_BAR_SUBMITTED, c["tips_submitted"]),
                (texts.WEEKLY_BAR_ACKNOWLEDGED, c["tips_acknowledged"]),
                (texts.WEEKLY_BAR_RESOLVED, c["tips_resolved"]),
                (texts.WEEKLY_BAR_UNFOUNDED, c["tips_unfounded"]),
            ],
        ),
        (
            texts.WEEKLY_CHART_QUESTIONS,
            [
                (texts.WEEKLY_BAR_FAQ_ANSWERED, c["faq_answered"]),
                (texts.WEEKLY_BAR_FAQ_REFUSED, c["faq_refused"]),
                (texts.WEEKLY_BAR_HANDED, c["questions_handed"]),
            ],
        ),
        (
            texts.WEEKLY_CHART_FOLLOWERS,
            [(texts.WEEKLY_BAR_GAINED, c["followers_gained"]), (texts.WEEKLY_BAR_LOST, c["followers_lost"])],
        ),
    ]
    figure, axes = plt.subplots(1, 3, figsize=(9, 3.6), dpi=100)
    try:
        for ax, (title, bars) in zip(axes, groups, strict=True):
            labels = [label for label, _ in bars]
            values = [value for _, value in bars]
            drawn = ax.bar(range(len(values)), values, color="#0b4f9c")
            ax.bar_label(drawn, labels=[_fmt(v) for v in values], fontsize=9)
            ax.set_xticks(range(len(labels)), labels, rotation=20, ha="right", fontsize=8)
            ax.set_title(title, fontsize=10)
            ax.set_ylim(0, max([*values, 1]) * 1.25)
            ax.spines[["top", "right"]].set_visible(False)
        figure.suptitle(
            texts.WEEKLY_CHART_TITLE.format(
                unit_name=unit.name, start=week.monday.strftime("%d/%m"), end=week.sunday.strftime("%d/%m/%Y")
            ),
            fontsize=11,
        )
        figure.tight_layout()
        out = io.BytesIO()
        figure.savefig(out, format="png")
        return out.getvalue()
    finally:
        plt.close(figure)


@dataclass(frozen=True)
class Picture:
    leader: Officer
    unit: Unit
    png: bytes
    caption: str


SendOnce = Callable[[str, Picture], None]
"""Send the picture to its leader at most once for the key (the handler makes it idempotent)."""


def leaders(officers: OfficerRepository, tree: UnitTree) -> list[tuple[Unit, Officer]]:
    found: list[tuple[Unit, Officer]] = []
    for unit in tree:
        for officer in officers.list_unit(unit.unit_id):
            if officer.active and officer.role == LEADER_ROLE:
                found.append((unit, officer))
    return found


def send_weekly(
    officers: OfficerRepository,
    stats: StatsStore,
    tree: UnitTree,
    now: datetime,
    send_once: SendOnce,
    on_unreachable: Callable[[Officer, Exception], bool],
) -> tuple[int, Week]:
    """Send last week's picture to every leader; returns how many were handed to ``send_once``.

    As the hourly digest does: a failure ``on_unreachable`` accepts (outside the messaging window) is
    skipped; any other is re-raised after every other leader was served, so the retried run only serves
    the leaders it missed.
    """
    week = week_before(now)
    sent = 0
    failure: Exception | None = None
    summaries: dict[str, tuple[Summary, int]] = {}
    for unit, leader in leaders(officers, tree):
        if unit.unit_id not in summaries:
            members = [unit.unit_id, *(u.unit_id for u in tree.descendants(unit.unit_id))]
            summaries[unit.unit_id] = (gather(stats, members, week.monday, week.sunday), len(members))
        summary, count = summaries[unit.unit_id]
        picture = Picture(leader, unit, chart_png(unit, week, summary), caption(unit, week, summary, count))
        try:
            send_once(f"weekly:{week.key}:{leader.oa_id}:{leader.user_id}", picture)
            sent += 1
        except Exception as exc:
            if not on_unreachable(leader, exc):
                failure = failure or exc
    if failure is not None:
        raise failure
    return sent, week
