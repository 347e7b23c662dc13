"""What the worker does with each verified, queued Zalo event.

follow → record the follower, welcome with the main menu; unfollow → mark it; anything the citizen sends
→ last interaction (drives the 48 h / 7 day windows) and the conversation; delivery and seen receipts →
delivery tracking; unknown kinds → counted and ignored. Services only: repositories and the reply sender
come in as arguments.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from anninh.conversation import citizen_turn, menu, officer_commands, officer_tip_commands, tip_intake
from anninh.conversation.citizen_turn import CitizenDeps
from anninh.conversation.officer_tip_commands import Presign
from anninh.conversation.replies import Turn
from anninh.conversation.service import run_turn
from anninh.messaging.conversations import ConversationRepository, ConversationState
from anninh.messaging.delivery import ReplySender
from anninh.messaging.replies import Reply
from anninh.observability import pseudonym
from anninh.officers.ports import OfficerRepository
from anninh.questions.ports import QuestionRepository
from anninh.stats.counters import move, tally
from anninh.store.deliveries import DeliveryRepository
from anninh.store.followers import FollowerRepository
from anninh.units.directory import UnitDirectory
from anninh.zalo import events as ev


@dataclass
class WorkerDeps:
    directory: UnitDirectory
    followers: FollowerRepository
    conversations: ConversationRepository
    deliveries: DeliveryRepository
    sender: ReplySender
    officers: OfficerRepository
    questions: QuestionRepository
    citizen: CitizenDeps
    presign: Presign | None = None


def event_time(event: ev.Event) -> datetime:
    return datetime.fromtimestamp(event.timestamp_ms / 1000, tz=UTC)


def _reply_with(replies: list[Reply], state: str = "menu") -> Callable[[ConversationState], Turn]:
    return lambda conversation: Turn(replies=replies, state=state, data=conversation.data)


def route_event(event: ev.Event, key: str, deps: WorkerDeps) -> str:
    """Handle one event; returns a short outcome name used as a metric and in logs."""
    at = event_time(event)
    if isinstance(event, ev.DeliveryReceipt):
        kind = "seen" if isinstance(event, ev.UserSeenMessage) else "delivered"
        for message_id in event.msg_ids:
            deps.deliveries.record(message_id, event.oa_id, pseudonym(event.user_id), at, kind)
        return f"receipt_{kind}"
    if isinstance(event, ev.ZnsReceived):
        deps.deliveries.record(event.msg_id, event.oa_id, pseudonym(event.user_id), at, "delivered")
        return "receipt_zns"
    if isinstance(event, ev.UnknownEvent):
        return "unknown_kind"
    if isinstance(event, ev.OaEcho):
        return "echo_ignored"

    unit = deps.directory.by_oa(event.oa_id)
    if unit is None:
        return "unknown_oa"

    if isinstance(event, ev.Unfollow):
        if deps.followers.record_unfollow(event.oa_id, event.user_id, at):
            move(unit.unit_id, "followers_total", -1)  # only a real change of state moves the total
        tally(unit.unit_id, "followers_lost")
        return "unfollowed"
    if isinstance(event, ev.Follow):
        if deps.followers.record_follow(event.oa_id, event.user_id, at, event.source):
            move(unit.unit_id, "followers_total", 1)
        tally(unit.unit_id, "followers_gained")
        run_turn(
            deps.conversations,
            deps.sender,
            unit,
            event.user_id,
            key,
            at,
            _reply_with(list(menu.welcome(unit))),
        )
        return "followed"
    if isinstance(event, ev.AnonymousMessage):
        # Anonymous chats have no user id the consultation API can answer; officers see them in Zalo.
        return "anonymous_ignored"

    deps.followers.touch(event.oa_id, event.user_id, at)
    tree = deps.directory.tree()
    if isinstance(event, ev.UserClickChatNow):
        run_turn(
            deps.conversations, deps.sender, unit, event.user_id, key, at, _reply_with([menu.main_menu(unit)])
        )
        return "menu"
    if isinstance(event, ev.TextMessage) and officer_commands.is_command(event.text):
        officer = deps.officers.find(event.oa_id, event.user_id)
        if officer is not None and officer.active:
            replies = officer_tip_commands.run_tip_command(
                officer,
                tree,
                event.text,
                tips=deps.citizen.tips,
                conversations=deps.conversations,
                sender=deps.sender,
                event_key=key,
                now=at,
                presign=deps.presign,
                officers=deps.officers,
            )
            if replies is None:
                replies = officer_commands.run_command(
                    officer,
                    tree,
                    event.text,
                    questions=deps.questions,
                    conversations=deps.conversations,
                    sender=deps.sender,
                    event_key=key,
                    now=at,
                )
            run_turn(deps.conversations, deps.sender, unit, event.user_id, key, at, _reply_with(replies))
            return "officer_command"
    if isinstance(event, ev.UserMessage | ev.UserSubmitInfo):
        tally(unit.unit_id, "messages")
        if isinstance(event, ev.UserSubmitInfo):
            conversation = deps.conversations.load(event.oa_id, event.user_id)
            if not tip_intake.in_intake(conversation.state):
                return "interaction"
        return citizen_turn.handle(deps.citizen, unit, tree, event, key, at)  # type: ignore[arg-type]
    # Reactions: the interaction is recorded; nothing to say.
    return "interaction"
