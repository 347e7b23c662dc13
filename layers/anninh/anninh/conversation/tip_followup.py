"""A reporter follows their tips: "tra cứu MÃ", "tin báo của tôi", "bổ sung MÃ nội dung"."""

from __future__ import annotations

import hashlib
import re
from datetime import datetime

from anninh import texts
from anninh.codes import AmbiguousCode, normalise_code
from anninh.conversation import tip_intake
from anninh.conversation.menu import fold
from anninh.messaging.replies import Reply, TextReply
from anninh.officers.model import VIETNAM
from anninh.tips.model import (
    CATEGORIES,
    MAX_DESCRIPTION_CHARS,
    MAX_MEDIA_PER_TIP,
    STATUSES,
    AuditEntry,
    MediaItem,
    Tip,
    TipError,
)
from anninh.tips.ports import TipRepository
from anninh.tips.service import add_information, reporter_key
from anninh.zalo import events as ev

ADDING_PREFIX = "tip_add:"


def adding_state(replies: list[Reply]) -> str | None:
    """After "bổ sung MÃ" with nothing else, the next messages add to that tip until "xong"."""
    first = replies[0].text if replies and isinstance(replies[0], TextReply) else ""
    marker = texts.TIP_ADD_MEDIA_PROMPT.split("{code}")[0]
    if first.startswith(marker):
        return ADDING_PREFIX + first.removeprefix(marker).split(".")[0]
    return None


def _by_code(repo: TipRepository, code: str) -> Tip | None:
    """The tip, or None when no tip or several old tips answer to the code (never "the first")."""
    try:
        return repo.by_code(code)
    except AmbiguousCode:
        return None


def continue_adding(
    repo: TipRepository,
    code: str,
    event: ev.Event,
    *,
    oa_id: str,
    user_id: str,
    hash_secret: str,
    event_key: str,
    now: datetime,
) -> tuple[list[Reply], str, tuple[Tip, *tuple[MediaItem, ...]] | None]:
    """One message while adding to an open tip: (replies, next state, (tip, media to download…) or None).

    Every attachment of the message is kept, each its own item (and media job), up to
    :data:`MAX_MEDIA_PER_TIP` per tip; the reporter is told when some were not taken."""
    tip = _by_code(repo, code)
    if tip is None or tip.reporter_key != reporter_key(hash_secret, oa_id, user_id):
        return [TextReply(texts.TIP_LOOKUP_NOT_FOUND.format(code=code))], "menu", None
    if not tip.open:
        return [TextReply(texts.TIP_CLOSED.format(code=tip.code))], "menu", None
    attachments = tip_intake.attachments_of(event)
    if attachments:
        items: list[MediaItem] = []
        known = {m.media_id for m in tip.media}
        room = MAX_MEDIA_PER_TIP - len(known)
        for index, (kind, url, size) in enumerate(attachments):
            # The id derives from the Zalo message: a redelivered event updates the same entry.
            suffix = "" if index == 0 else f"-{index}"
            media_id = "a" + hashlib.sha256(event_key.encode()).hexdigest()[:8] + suffix
            if media_id not in known:
                if room <= 0:
                    continue
                room -= 1
                item = MediaItem(media_id=media_id, kind=kind, source_url=url, declared_size=size)
                repo.set_media(tip.tip_id, item, now)
                repo.audit(
                    AuditEntry(
                        tip.tip_id, now, "media", "citizen", texts.TIP_AUDIT_MEDIA_ADDED.format(kind=kind)
                    )
                )
            else:
                item = next(m for m in tip.media if m.media_id == media_id)
            items.append(item)
        replies: list[Reply] = []
        if items:
            replies.append(TextReply(texts.TIP_MEDIA_ADDED.format(code=tip.code)))
        if len(items) < len(attachments):
            replies.append(TextReply(texts.TIP_MEDIA_LIMIT.format(limit=MAX_MEDIA_PER_TIP)))
        return replies, ADDING_PREFIX + tip.code, ((tip, *items) if items else None)
    text = event.text if isinstance(event, ev.UserMessage) else ""
    if fold(text) in {"xong", "xong roi", "het", "thoi"} or not text.strip():
        return [TextReply(texts.TIP_ADDING_DONE.format(code=tip.code))], "menu", None
    if len(text.strip()) > MAX_DESCRIPTION_CHARS:
        too_long = texts.TIP_ADDITION_TOO_LONG.format(limit=MAX_DESCRIPTION_CHARS)
        return [TextReply(too_long)], ADDING_PREFIX + tip.code, None
    try:
        add_information(repo, tip, text, now, event_key)
    except TipError:
        return [TextReply(texts.TIP_CLOSED.format(code=tip.code))], "menu", None
    return [TextReply(texts.TIP_INFO_ADDED.format(code=tip.code))], ADDING_PREFIX + tip.code, None


# Codes: a 1–4 character prefix, then 7 characters (5 for codes issued before).
_CODE = r"(?P<code>[a-z0-9]{1,4}[- _]?(?:[a-z0-9]{7}|[a-z0-9]{5}))"
_LOOKUP = re.compile(r"^(tra cuu|tracuu|kiem tra|xem)\s+(?:ma\s+)?" + _CODE + "$")
_ADD = re.compile(r"^(bo sung|bosung)\s+" + _CODE + r"(?:\s+(?P<rest>.*))?$", re.S)
MY_TIPS = frozenset({"tin bao cua toi", "tin cua toi", "cac tin bao cua toi", "tra cuu"})


def is_followup(text: str) -> bool:
    """Whether ``text`` follows up a tip ("tra cứu MÃ", "bổ sung MÃ …", "tin báo của tôi"), without
    answering it: a merged unit's OA still answers these (anninh.conversation.merged_unit)."""
    folded = fold(text)
    return folded in MY_TIPS or bool(_LOOKUP.match(folded) or _ADD.match(folded))


def _when(moment: datetime) -> str:
    return moment.astimezone(VIETNAM).strftime("%H:%M %d/%m/%Y")


def status_text(tip: Tip) -> str:
    result = texts.TIP_PUBLIC_RESULT.format(result=tip.public_result) if tip.public_result else ""
    failed = [m for m in tip.media if m.status in {"failed", "refused"}]
    if failed:
        result += texts.TIP_MEDIA_FAILED_MARK.format(count=len(failed), code=tip.code)
        # Each item's own reason (worded for the reporter): "too large (max 100 MB)" is not "try again".
        result += "".join(f"\n  – {m.error}" for m in failed if m.error)
    return texts.TIP_STATUS.format(
        code=tip.code,
        category=CATEGORIES.get(tip.category, tip.category),
        created=_when(tip.created_at),
        status=STATUSES.get(tip.status, tip.status),
        updated=_when(tip.updated_at),
        result=result,
    )


def respond(
    repo: TipRepository, text: str, *, oa_id: str, user_id: str, hash_secret: str, now: datetime
) -> list[Reply] | None:
    """The replies to a follow-up message, or None when the message is not one."""
    folded = fold(text)
    mine = reporter_key(hash_secret, oa_id, user_id)
    if folded in MY_TIPS:
        tips = repo.by_reporter(mine, limit=10)
        if not tips:
            return [TextReply(texts.TIP_MY_TIPS_NONE)]
        lines = [
            texts.TIP_MY_TIPS_LINE.format(
                code=t.code,
                category=CATEGORIES.get(t.category, t.category),
                status=STATUSES.get(t.status, t.status),
                updated=_when(t.updated_at),
            )
            for t in tips
        ]
        return [TextReply("\n".join(lines) + "\n" + texts.TIP_LOOKUP_USAGE)]
    lookup = _LOOKUP.match(folded)
    if lookup:
        code = normalise_code(lookup.group("code"))
        tip = _by_code(repo, code)
        if tip is None:
            return [TextReply(texts.TIP_LOOKUP_NOT_FOUND.format(code=code))]
        # Status and the public result only: never the content, whoever holds the code.
        return [TextReply(status_text(tip))]
    addition = _ADD.match(folded)
    if addition:
        code = normalise_code(addition.group("code"))
        tip = _by_code(repo, code)
        if tip is None or tip.reporter_key != mine:
            return [TextReply(texts.TIP_LOOKUP_NOT_FOUND.format(code=code))]
        words = text.split()
        skip = 2 if fold(words[0]) == "bo" else 1  # "bổ sung" or "bosung", then the code
        rest = " ".join(words[skip + 1 :])
        if not rest.strip():
            if not tip.open:
                return [TextReply(texts.TIP_CLOSED.format(code=tip.code))]
            return [TextReply(texts.TIP_ADD_MEDIA_PROMPT.format(code=tip.code))]
        if len(rest.strip()) > MAX_DESCRIPTION_CHARS:
            return [TextReply(texts.TIP_ADDITION_TOO_LONG.format(limit=MAX_DESCRIPTION_CHARS))]
        try:
            # The event's time and the citizen name the message: a redelivery adds nothing twice.
            add_information(repo, tip, rest, now, f"{oa_id}:{user_id}:{now.isoformat()}")
        except TipError:
            return [TextReply(texts.TIP_CLOSED.format(code=tip.code))]
        return [TextReply(texts.TIP_INFO_ADDED.format(code=tip.code))]
    return None
