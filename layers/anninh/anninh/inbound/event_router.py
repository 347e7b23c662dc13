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

from anninh import texts
from anninh.conversation import dialogue, menu, officer_commands
from anninh.conversation.replies import Reply, TextReply, Turn
from anninh.conversation.service import ReplySender, deliver, run_turn
from anninh.faq.engine import FaqEngine
from anninh.observability import count, pseudonym
from anninh.questions.model import PendingQuestion
from anninh.questions.service import hand_over, officers_to_alert
from anninh.store.conversations import ConversationRepository, ConversationState
from anninh.store.deliveries import DeliveryRepository
from anninh.store.followers import FollowerRepository
from anninh.store.officers import OfficerRepository
from anninh.store.questions import QuestionRepository
from anninh.units.directory import UnitDirectory
from anninh.units.model import Unit
from anninh.units.tree import UnitTree
from anninh.zalo import events as ev
from anninh.zalo.errors import ZaloError


@dataclass
class WorkerDeps:
    directory: UnitDirectory
    followers: FollowerRepository
    conversations: ConversationRepository
    deliveries: DeliveryRepository
    sender: ReplySender
    officers: OfficerRepository
    questions: QuestionRepository
    faq: FaqEngine | None = None


def event_time(event: ev.Event) -> datetime:
    return datetime.fromtimestamp(event.timestamp_ms / 1000, tz=UTC)


def _reply_with(replies: list[Reply], state: str = "menu") -> Callable[[ConversationState], Turn]:
    return lambda conversation: Turn(replies=replies, state=state, data=conversation.data)


def _count_faq(turn: Turn) -> None:
    feedback = turn.data.get("feedback")
    if isinstance(feedback, list):
        count("FaqFeedback", verdict=str(feedback[0]))
    if "last_faq" in turn.data:
        count("FaqAnswered")
    if turn.data.get("faq_abstained"):
        count("FaqAbstained")


def _alert_officers(
    deps: WorkerDeps, tree: UnitTree, unit: Unit, question: PendingQuestion, key: str, at: datetime
) -> None:
    """Tell the officers on duty, each once (retries included); one unreachable officer stops nobody."""
    alert = TextReply(
        texts.OFFICER_NEW_QUESTION.format(code=question.code, unit_name=unit.name, text=question.text[:1500])
    )
    for officer in officers_to_alert(deps.officers, tree, unit, at):
        try:
            deliver(
                deps.conversations,
                deps.sender,
                deps.conversations.load(officer.oa_id, officer.user_id),
                key,
                [alert],
            )
        except ZaloError as exc:
            if not exc.window_error:
                raise
            count("OfficerAlertUndeliverable", code=exc.label)
    count("QuestionsHandedOver")


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
        deps.followers.record_unfollow(event.oa_id, event.user_id, at)
        return "unfollowed"
    if isinstance(event, ev.Follow):
        deps.followers.record_follow(event.oa_id, event.user_id, at, event.source)
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
    if isinstance(event, ev.TextMessage):
        text, decided, handed = event.text, [], []
        if officer_commands.is_command(text):
            officer = deps.officers.find(event.oa_id, event.user_id)
            if officer is not None and officer.active:
                replies = officer_commands.run_command(
                    officer,
                    tree,
                    text,
                    questions=deps.questions,
                    conversations=deps.conversations,
                    sender=deps.sender,
                    event_key=key,
                    now=at,
                )
                run_turn(deps.conversations, deps.sender, unit, event.user_id, key, at, _reply_with(replies))
                return "officer_command"

        def decide(conversation: ConversationState) -> Turn:
            turn = dialogue.respond(unit, tree, conversation.state, text, deps.faq)
            if turn.data.get("hand_over"):
                candidate = turn.data.get("faq_candidate")
                question, _ = hand_over(
                    deps.questions, unit, event.user_id, text, key, at, str(candidate) if candidate else None
                )
                first = turn.replies[0]
                assert isinstance(first, TextReply)
                turn.replies[0] = TextReply(first.text.format(unit_name=unit.name, code=question.code))
                handed.append(question)
            decided.append(turn)
            return turn

        run_turn(deps.conversations, deps.sender, unit, event.user_id, key, at, decide)
        _count_faq(decided[-1])
        if handed:
            _alert_officers(deps, tree, unit, handed[-1], key, at)
        return "replied"
    if isinstance(event, ev.UserMessage):
        run_turn(
            deps.conversations,
            deps.sender,
            unit,
            event.user_id,
            key,
            at,
            lambda conversation: dialogue.respond_attachment(unit, tree, conversation.state, event),
        )
        return "replied"
    # Reactions, submitted info: the interaction is recorded; nothing to say.
    return "interaction"
