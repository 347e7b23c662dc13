"""Officers handle tips from Zalo: #tin, #xem, #nhan, #trangthai, #phanhoi, #ghichu, #chuyen.

Every command is authorised against the officer's unit: a unit sees and acts on its own tips and its
descendants', never a sibling's. The reporter's identity is never shown for anonymous tips; replies to the
reporter are relayed by the OA through the tip, so the officer never learns who they are.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from anninh import texts
from anninh.codes import AmbiguousCode, normalise_code
from anninh.messaging.conversations import ConversationRepository
from anninh.messaging.delivery import ReplySender
from anninh.messaging.replies import Reply, TextReply
from anninh.officers.model import VIETNAM, Officer
from anninh.officers.ports import OfficerRepository
from anninh.tips.contact import tip_contact
from anninh.tips.model import CATEGORIES, STATUSES, AuditEntry, Tip, TipError
from anninh.tips.ports import ConcurrentUpdate, TipRepository
from anninh.tips.relay import announce_transfer, push_status, relay_reply
from anninh.tips.service import addition_lines, change_status, transfer, visible_to
from anninh.units.tree import UnitTree

Presign = Callable[[str], str]
COMMANDS = frozenset({"tin", "xem", "nhan", "trangthai", "phanhoi", "ghichu", "chuyen"})


def _when(moment: datetime) -> str:
    return moment.astimezone(VIETNAM).strftime("%H:%M %d/%m")


def _unit_name(tree: UnitTree, unit_id: str) -> str:
    unit = tree.get(unit_id)
    return unit.name if unit else unit_id


def _reporter(tip: Tip) -> str:
    if tip.privacy == "anonymous":
        return texts.OFFICER_REPORTER_HIDDEN
    template = (
        texts.OFFICER_REPORTER_CONFIDENTIAL if tip.privacy == "confidential" else texts.OFFICER_REPORTER_OPEN
    )
    name, phone = tip_contact(tip)
    return template.format(name=name or "?", phone=phone or "?")


def _media(tip: Tip, presign: Presign | None) -> str:
    if not tip.media:
        return texts.TIP_NONE
    lines = []
    for item in tip.media:
        kind = texts.MEDIA_KIND.get(item.kind, item.kind)
        if item.status == "stored" and item.s3_key and presign is not None:
            lines.append(f"{kind}: {presign(item.s3_key)}")
        else:
            status = texts.MEDIA_STATUS.get(item.status, item.status)
            lines.append(f"{kind}: {status}{' — ' + item.error if item.error else ''}")
    return "\n" + "\n".join(lines)


def _additions(tips: TipRepository, tip: Tip) -> list[Reply]:
    """The reporter's additions, oldest first, as one more message (the last ones when there are many)."""
    additions = tips.additions(tip.tip_id)
    if not additions:
        return []
    return [TextReply(addition_lines(additions[-10:]).strip()[:1800])]


def _suggestion(tree: UnitTree, tip: Tip) -> str:
    """The commune the tip's place names, as #xem shows it while the tip waits at the unit it was sent to."""
    commune = tree.get(tip.suggested_unit_id) if tip.suggested_unit_id else None
    if commune is None or commune.unit_id == tip.unit_id:
        return ""
    return texts.ROUTE_VIEW_SUGGESTION.format(unit_name=commune.name, code=tip.code)


def _tip_in_scope(tips: TipRepository, tree: UnitTree, officer: Officer, code_text: str) -> Tip | None:
    tip = tips.by_code(normalise_code(code_text)) if code_text else None
    return tip if tip is not None and visible_to(tree, tip, officer.unit_id) else None


def run_tip_command(
    officer: Officer,
    tree: UnitTree,
    text: str,
    *,
    tips: TipRepository,
    conversations: ConversationRepository,
    sender: ReplySender,
    event_key: str,
    now: datetime,
    presign: Presign | None = None,
    officers: OfficerRepository | None = None,
) -> list[Reply] | None:
    """The officer's replies, or None when ``text`` is not a tip command."""
    command, _, arguments = text.strip().removeprefix("#").partition(" ")
    command = command.casefold()
    if command not in COMMANDS:
        return None
    actor = f"{officer.name} ({officer.unit_id})"
    if command == "tin":
        scope = [officer.unit_id, *(u.unit_id for u in tree.descendants(officer.unit_id))]
        found = [t for uid in scope for t in tips.list_unit(uid) if t.open]
        if not found:
            return [TextReply(texts.OFFICER_NO_TIPS)]
        found.sort(key=lambda t: (not t.urgent, t.tip_id))
        lines = [
            texts.OFFICER_TIP_LINE.format(
                urgent=texts.OFFICER_URGENT_MARK if t.urgent else "",
                code=t.code,
                category=CATEGORIES[t.category],
                status=STATUSES[t.status],
                unit_name=_unit_name(tree, t.unit_id),
                created=_when(t.created_at),
            )
            for t in found[:20]
        ]
        return [TextReply("\n".join(lines))]
    code_text, _, rest = arguments.strip().partition(" ")
    try:
        tip = _tip_in_scope(tips, tree, officer, code_text)
    except AmbiguousCode as exc:  # two old tips share it: acting on "the first" could reach the wrong one
        return [TextReply(texts.CODE_AMBIGUOUS.format(code=exc.code))]
    if tip is None:
        return [TextReply(texts.OFFICER_TIP_NOT_FOUND.format(code=normalise_code(code_text or "?")))]
    rest = rest.strip()
    try:
        if command == "xem":
            tips.audit(AuditEntry(tip.tip_id, now, "viewed", actor))
            if tip.media:
                detail = texts.TIP_AUDIT_MEDIA_ACCESS.format(count=len(tip.media))
                tips.audit(AuditEntry(tip.tip_id, now, "media_access", actor, detail))
            unit = tree.get(tip.unit_id)
            return [
                TextReply(
                    texts.OFFICER_TIP_VIEW.format(
                        code=tip.code,
                        category=CATEGORIES[tip.category],
                        status=STATUSES[tip.status],
                        urgent=texts.TIP_URGENT_SUFFIX if tip.urgent else "",
                        unit_name=unit.name if unit else tip.unit_id,
                        created=_when(tip.created_at),
                        description=tip.description[:1200],
                        place=tip.place or texts.TIP_NOT_REMEMBERED,
                        occurred=tip.occurred or texts.TIP_NOT_REMEMBERED,
                        reporter=_reporter(tip),
                        media=_media(tip, presign),
                    )
                    + (texts.OFFICER_TIP_NOTICE.format(notice_id=tip.notice_id) if tip.notice_id else "")
                    + _suggestion(tree, tip)
                ),
                *_additions(tips, tip),
            ]
        if command in {"nhan", "trangthai"}:
            if command == "nhan":
                new_status, result = "da_tiep_nhan", None
            else:
                new_status, _, result_text = rest.partition(" ")
                result = result_text.strip() or None
            updated = change_status(tips, tip, new_status, result, actor, now)
            push_status(updated, conversations, sender, event_key)
            return [TextReply(texts.OFFICER_TIP_DONE.format(code=tip.code, status=STATUSES[updated.status]))]
        if command == "phanhoi":
            if not rest:
                return [TextReply(texts.OFFICER_TIP_HELP)]
            delivered = relay_reply(
                tips, conversations, sender, tip, rest, actor=actor, relay_key=event_key, now=now
            )
            done = texts.OFFICER_TIP_REPLIED if delivered else texts.OFFICER_TIP_REPLY_NOT_DELIVERED
            return [TextReply(done.format(code=tip.code))]
        if command == "ghichu":
            if not rest:
                return [TextReply(texts.OFFICER_TIP_HELP)]
            tips.audit(AuditEntry(tip.tip_id, now, "note", actor, rest[:1000]))
            return [TextReply(texts.OFFICER_NOTE_SAVED.format(code=tip.code))]
        # chuyen: to the unit named, or with none to the commune the tip's place names (its suggestion)
        target = rest.split()[0] if rest else (tip.suggested_unit_id or "")
        if not target:
            return [TextReply(texts.ROUTE_NO_SUGGESTION.format(code=tip.code))]
        updated = transfer(tips, tree, tip, target, actor, now)
        if officers is not None:
            announce_transfer(
                updated, _unit_name(tree, tip.unit_id), tree, officers, conversations, sender, event_key, now
            )
        target_unit = tree.get(updated.unit_id)
        return [
            TextReply(
                texts.OFFICER_TIP_TRANSFERRED.format(
                    code=tip.code, unit_name=target_unit.name if target_unit else target
                )
            )
        ]
    except TipError as exc:
        return [TextReply(texts.OFFICER_TIP_REFUSED.format(reason=str(exc)))]
    except ConcurrentUpdate:
        return [TextReply(texts.OFFICER_TIP_REFUSED.format(reason=texts.TIP_ERROR_CONCURRENT))]
