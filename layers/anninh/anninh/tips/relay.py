"""Messages to a tip's reporter, relayed by the unit's OA through the tip: senders never learn who they are.

Both the officers' Zalo commands and the admin API call these. Each send is exactly-once per ``relay_key``
(the Zalo event or the API request's Idempotency-Key): a retry with the same key sends nothing already sent.
Zalo's messaging window (or a block) is not an error: the functions say the message was not delivered and
the reporter sees the state at the next lookup. Any other Zalo error propagates so that the caller retries.
"""

from __future__ import annotations

from datetime import datetime

from anninh import texts
from anninh.messaging.conversations import ConversationRepository
from anninh.messaging.delivery import ReplySender, deliver
from anninh.messaging.replies import TextReply
from anninh.officers.ports import OfficerRepository
from anninh.questions.service import officers_to_alert
from anninh.tips.contact import reporter_address
from anninh.tips.model import STATUSES, AuditEntry, Tip
from anninh.tips.ports import TipRepository
from anninh.units.tree import UnitTree
from anninh.zalo.errors import ZaloError


def _send_once(
    conversations: ConversationRepository, sender: ReplySender, tip: Tip, relay_key: str, message: TextReply
) -> bool:
    try:
        deliver(
            conversations,
            sender,
            conversations.load(tip.reporter_oa_id, reporter_address(tip)),
            relay_key,
            [message],
        )
    except ZaloError as exc:
        if not exc.window_error:
            raise
        return False
    return True


def push_status(tip: Tip, conversations: ConversationRepository, sender: ReplySender, event_key: str) -> bool:
    """Tell the reporter about a status change when Zalo's window allows; False when it does not."""
    result = (
        f" {texts.TIP_PUBLIC_RESULT.strip().format(result=tip.public_result)}" if tip.public_result else ""
    )
    message = TextReply(
        texts.TIP_STATUS_PUSH.format(code=tip.code, status=STATUSES[tip.status], result=result)
    )
    return _send_once(conversations, sender, tip, event_key, message)


def already_relayed(conversations: ConversationRepository, tip: Tip, relay_key: str) -> bool:
    """Whether the message of ``relay_key`` already reached the reporter (a retried request)."""
    conversation = conversations.load(tip.reporter_oa_id, reporter_address(tip))
    return conversation.progress_key == relay_key and conversation.progress_sent >= 1


def relay_reply(
    tips: TipRepository,
    conversations: ConversationRepository,
    sender: ReplySender,
    tip: Tip,
    text: str,
    *,
    actor: str,
    relay_key: str,
    now: datetime,
) -> bool:
    """Audit the officer's message (once) and relay it to the reporter; False when Zalo's window refuses."""
    if already_relayed(conversations, tip, relay_key):
        return True
    tips.audit(AuditEntry(tip.tip_id, now, "reply", actor, text[:500]))
    message = TextReply(texts.TIP_OFFICER_REPLY.format(code=tip.code, text=text))
    return _send_once(conversations, sender, tip, relay_key, message)


def announce_transfer(
    tip: Tip,
    from_unit_name: str,
    tree: UnitTree,
    officers: OfficerRepository,
    conversations: ConversationRepository,
    sender: ReplySender,
    event_key: str,
    now: datetime,
) -> None:
    """After a transfer: the reporter learns where the tip went; the new unit's duty officers are alerted."""
    target = tree.get(tip.unit_id)
    if target is None:
        return
    _send_once(
        conversations,
        sender,
        tip,
        event_key,
        TextReply(texts.TIP_TRANSFER_PUSH.format(code=tip.code, unit_name=target.name)),
    )
    alert = TextReply(texts.OFFICER_TIP_TRANSFERRED_IN.format(code=tip.code, from_unit=from_unit_name))
    for officer in officers_to_alert(officers, tree, target, now):
        try:
            deliver(
                conversations, sender, conversations.load(officer.oa_id, officer.user_id), event_key, [alert]
            )
        except ZaloError as exc:
            if not exc.window_error:
                raise
