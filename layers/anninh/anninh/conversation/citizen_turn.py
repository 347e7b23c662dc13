"""One citizen message, end to end: the tip intake, urgent help, tip follow-up, menu and FAQ.

Decides the turn (pure modules do the deciding), then does what the turn asks: creates the tip or the pending
question (ids derive from the event, so retries create nothing twice), fills the code into the reply,
queues media downloads, and alerts the officers on duty.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime

from anninh import texts
from anninh.content.views import ContentSource, find_notice
from anninh.conversation import dialogue, merged_unit, tip_followup, tip_intake
from anninh.conversation.menu import HOME_WORDS, Section, fold, section_for
from anninh.conversation.replies import Turn, TurnEffects
from anninh.conversation.service import finish_turn, run_turn
from anninh.conversation.understanding import Kind, understand
from anninh.faq.engine import FaqEngine
from anninh.limits.citizens import CitizenLimits
from anninh.messaging.conversations import ConversationRepository, ConversationState
from anninh.messaging.delivery import ReplySender, deliver
from anninh.messaging.replies import ButtonsReply, Reply, TextReply
from anninh.messaging.state import ConversationData, TipDraft
from anninh.observability import count
from anninh.officers.model import wants_now
from anninh.officers.ports import OfficerRepository
from anninh.questions.model import PendingQuestion
from anninh.questions.ports import QuestionRepository
from anninh.questions.service import hand_over, officers_to_alert
from anninh.stats.counters import tally
from anninh.tips.model import CATEGORIES, MediaItem, Tip
from anninh.tips.ports import TipRepository
from anninh.tips.service import Draft, submit
from anninh.units.model import Unit
from anninh.units.places import suggest_commune
from anninh.units.tree import UnitTree
from anninh.zalo import events as ev
from anninh.zalo.errors import ZaloError

MediaSink = Callable[[Tip, MediaItem], object]


def choices_of(replies: list[Reply]) -> list[str]:
    """The payloads of the last buttons sent, in the order they are numbered (empty for a phone or link
    button, which a typed number cannot stand for)."""
    buttons = next((r.buttons for r in reversed(replies) if isinstance(r, ButtonsReply)), ())
    return [b.value if b.kind == "query" else "" for b in buttons]


def chosen_payload(text: str, choices: list[str]) -> str | None:
    """The payload a typed number picks among the last buttons, else None."""
    number = text.strip().rstrip(".")
    if not number.isdigit():
        return None
    index = int(number)
    if 1 <= index <= len(choices) and choices[index - 1]:
        return str(choices[index - 1])
    return None


@dataclass
class CitizenDeps:
    conversations: ConversationRepository
    sender: ReplySender
    officers: OfficerRepository
    questions: QuestionRepository
    tips: TipRepository
    hash_secret: Callable[[], str]
    media_sink: MediaSink | None = None
    faq: FaqEngine | None = None
    content: ContentSource | None = None
    limits: CitizenLimits | None = None  # per-citizen message allowance and alert coalescing


def _hotline(unit: Unit, tree: UnitTree) -> str:
    for candidate in [unit, *tree.ancestors(unit.unit_id)]:
        if candidate.hotline:
            return candidate.hotline
    return "113"


def decide(
    deps: CitizenDeps,
    unit: Unit,
    tree: UnitTree,
    conversation: ConversationState,
    event: ev.Event,
    now: datetime,
    key: str = "",
) -> Turn:
    """The turn for one citizen event. Reads tips for a lookup; adding to an open tip writes it (ids derive
    from ``key``, the Zalo event, so a redelivery writes nothing new)."""
    text = event.text if isinstance(event, ev.TextMessage) else ""
    chosen = chosen_payload(text, conversation.data.choices)
    if chosen is not None and isinstance(event, ev.TextMessage):
        # A number typed under the last buttons (a text menu where Zalo refused the list, or any list):
        # the same as tapping that button.
        event = replace(event, text=chosen)
        text = chosen
    state = conversation.state
    # A unit merged into another answers with a pointer there (old tips' follow-ups still work).
    merged = merged_unit.pointer_turn(unit, tree, state, text) if unit.merged_into else None
    if merged is not None:
        return merged
    if tip_intake.in_intake(state):
        # Numbers answer the intake's questions; only "menu" or a menu button leaves it (keeping the draft).
        section = (
            section_for(text) if text and (text.startswith("MENU:") or fold(text) in HOME_WORDS) else None
        )
        if section is not None and section is not Section.REPORT:
            return dialogue.open_section(section, unit, tree, deps.content, now)
        return tip_intake.step(unit, state, conversation.data, event, now)
    if state.startswith(tip_followup.ADDING_PREFIX) and not (
        text.startswith("MENU:") or fold(text) in HOME_WORDS
    ):
        replies, next_state, media = tip_followup.continue_adding(
            deps.tips,
            state.removeprefix(tip_followup.ADDING_PREFIX),
            event,
            oa_id=conversation.oa_id,
            user_id=conversation.user_id,
            hash_secret=deps.hash_secret(),
            event_key=key,
            now=now,
        )
        return Turn(replies=replies, state=next_state, effects=TurnEffects(added_media=media))
    if isinstance(event, ev.TextMessage):
        notice = tip_intake.notice_reference(text)
        if notice is not None:  # "Gửi tin về đối tượng này" under a wanted-person broadcast
            if deps.content is not None and find_notice(deps.content, unit, tree, notice) is None:
                # A typed or stale payload: the report is welcome, but it is not linked to a notice.
                count("UnknownNoticeButtons")
                return tip_intake.start(unit, ConversationData(), now)
            return tip_intake.start(unit, ConversationData(), now, prefill=TipDraft(notice_id=notice))
        if section_for(text) is Section.REPORT or tip_intake.wants_to_report(text):
            return tip_intake.start(unit, conversation.data, now)
        followup = tip_followup.respond(
            deps.tips,
            text,
            oa_id=conversation.oa_id,
            user_id=conversation.user_id,
            hash_secret=deps.hash_secret(),
            now=now,
        )
        if followup is not None:
            return Turn(
                replies=followup, state=tip_followup.adding_state(followup) or "menu", data=conversation.data
            )
        if dialogue.is_payload_or_menu(text) or state == "ask_officer":
            return dialogue.respond(unit, tree, state, text, deps.faq, deps.content, now)
        return _understood(deps, unit, tree, state, text, now, conversation.data)
    return dialogue.respond_attachment(unit, tree, state, event)


def _understood(
    deps: CitizenDeps,
    unit: Unit,
    tree: UnitTree,
    state: str,
    text: str,
    now: datetime,
    conversation_data: ConversationData,
) -> Turn:
    """A free-text message outside a form step, answered for what it is (conversation.understanding)."""
    understood = understand(text, deps.faq)
    count("MessagesUnderstood", kind=understood.kind.value)
    if understood.kind is Kind.EMERGENCY:
        number = understood.emergency_number or "113"
        if not understood.crime_emergency:  # medical only: the numbers, no tip
            return Turn(replies=[TextReply(dialogue.emergency_text(unit, tree, number, urgent_tip=False))])
        turn = tip_intake.start_from_message(unit, now, text, understood.category, urgent=True)
        turn.effects.urgent, turn.effects.emergency_number = True, number
        return turn
    if understood.kind is Kind.REPORT:
        return tip_intake.start_from_message(unit, now, text, understood.category, data=conversation_data)
    if understood.kind is Kind.FOLLOWUP:
        return Turn(replies=[TextReply(texts.FOLLOWUP_HELP)], state="menu")
    if understood.kind is Kind.GREETING:
        return dialogue.greet(unit, tree, text, deps.content, now)
    if understood.kind is Kind.OFF_TOPIC and deps.faq is not None:
        return dialogue.refuse(unit, text, understood.faq)
    return dialogue.respond(unit, tree, state, text, deps.faq, deps.content, now, match=understood.faq)


def _alert(
    deps: CitizenDeps,
    tree: UnitTree,
    unit: Unit,
    text: str,
    key: str,
    now: datetime,
    *,
    urgent: bool = True,
    citizen: str | None = None,
) -> int:
    """Send ``text`` once to each officer on duty; one unreachable officer stops nobody. A non-urgent
    alert skips officers whose setting is "digest": the hourly digest (anninh.tips.digest) tells them.
    ``citizen``: the alert is about this citizen's message and is coalesced with their others
    (anninh.limits.citizens): within the window only the first goes out, later ones say how many were held."""
    if citizen is not None and deps.limits is not None and unit.oa_id:
        decision = deps.limits.admit_alert(unit.oa_id, citizen, key, now)
        if not decision.send:
            count("OfficerAlertsCoalesced")
            return 0
        if decision.earlier:
            text = texts.OFFICER_ALERT_MORE.format(count=decision.earlier, minutes=decision.minutes) + text
    sent = 0
    for officer in officers_to_alert(deps.officers, tree, unit, now):
        if not wants_now(officer, urgent):
            continue
        try:
            deliver(
                deps.conversations,
                deps.sender,
                deps.conversations.load(officer.oa_id, officer.user_id),
                key,
                [TextReply(text)],
            )
            sent += 1
        except ZaloError as exc:
            if not exc.window_error:
                raise
            count("OfficerAlertUndeliverable", code=exc.label)
    return sent


@dataclass
class Outcome:
    """A decided turn once carried out: the replies to send and what was filed."""

    turn: Turn
    tip: Tip | None = None
    tip_created: bool = False
    question: PendingQuestion | None = None
    urgent: bool = False
    replies: list[Reply] = field(default_factory=list)


def carry_out(
    deps: CitizenDeps,
    unit: Unit,
    tree: UnitTree,
    conversation: ConversationState,
    event: ev.UserMessage,
    key: str,
    now: datetime,
) -> Outcome:
    """Decide the turn, then file what it asks for (the tip, the pending question) and make the replies
    that name them; what the conversation keeps next is the turn's data with the buttons just sent."""
    assert unit.oa_id is not None
    turn = decide(deps, unit, tree, conversation, event, now, key)
    effects = turn.effects
    outcome = Outcome(turn=turn, replies=list(turn.replies))
    if effects.urgent:
        number = effects.emergency_number
        text = (
            dialogue.emergency_text(unit, tree, number, urgent_tip=True)
            if number
            else texts.URGENT_REPLY.format(unit_name=unit.name, hotline=_hotline(unit, tree))
        )
        outcome.replies.insert(0, TextReply(text))
        outcome.urgent = True
    if effects.submit is not None:
        outcome.tip, outcome.tip_created = submit(
            deps.tips,
            unit,
            effects.submit,
            oa_id=unit.oa_id,
            user_id=event.user_id,
            hash_secret=deps.hash_secret(),
            event_key=key,
            now=now,
            suggested_unit_id=_commune_named(tree, unit, effects.submit),
        )
        outcome.replies = [tip_intake.submitted_reply(outcome.tip, unit)]
    if effects.hand_over is not None:
        outcome.question, _ = hand_over(
            deps.questions,
            unit,
            event.user_id,
            text_of(event),
            key,
            now,
            effects.hand_over.faq_candidate or None,
        )
        code = outcome.question.code
        outcome.replies.insert(0, dialogue.handed_over_reply(effects.hand_over, code, unit, tree))
    # The next message may be one of these buttons' numbers.
    outcome.turn = replace(
        turn, replies=outcome.replies, data=replace(turn.data, choices=choices_of(outcome.replies))
    )
    return outcome


def handle(
    deps: CitizenDeps, unit: Unit, tree: UnitTree, event: ev.UserMessage, key: str, now: datetime
) -> str:
    """Answer one citizen message and carry out what the answer implies; returns an outcome name."""
    assert unit.oa_id is not None
    if deps.limits is not None:  # the citizen's allowance first: a refused message does nothing else
        verdict = deps.limits.take(unit.oa_id, event.user_id, now)
        if not verdict.allowed:
            count("CitizenMessagesRefused")
            if verdict.tell:
                polite: list[Reply] = [TextReply(texts.CITIZEN_RATE_LIMITED)]

                def unchanged(conversation: ConversationState) -> Turn:
                    return Turn(replies=polite, state=conversation.state, data=conversation.data)

                run_turn(deps.conversations, deps.sender, unit, event.user_id, key, now, unchanged)
            return "rate_limited"
    conversation = deps.conversations.load(unit.oa_id, event.user_id)
    outcome = carry_out(deps, unit, tree, conversation, event, key, now)
    finish_turn(deps.conversations, deps.sender, conversation, key, now, outcome.turn)
    if outcome.urgent and outcome.tip is None:
        _alert(
            deps,
            tree,
            unit,
            texts.OFFICER_URGENT_MARK
            + texts.OFFICER_NEW_TIP.format(
                urgent="",
                code=texts.TIP_DRAFT_CODE,
                category="?",
                unit_name=unit.name,
                description=text_of(event)[:1200],
                place=texts.TIP_NOT_REMEMBERED,
            ),
            key,
            now,
            citizen=event.user_id,
        )
        count("UrgentMessages")
    added = outcome.turn.effects.added_media
    if added is not None and deps.media_sink is not None:
        for added_item in added[1:]:  # every attachment of the message, each its own job
            deps.media_sink(added[0], added_item)
    tip = outcome.tip
    if tip is not None:
        if deps.media_sink is not None:
            # Also on a redelivered confirmation: a job lost before the crash is queued again, and the
            # media function ignores media already stored.
            for item in tip.media:
                if item.status == "pending":
                    deps.media_sink(tip, item)
        _alert(
            deps,
            tree,
            unit,
            texts.OFFICER_NEW_TIP.format(
                urgent=texts.OFFICER_URGENT_MARK if tip.urgent else "",
                code=tip.code,
                category=CATEGORIES[tip.category],
                unit_name=unit.name,
                description=tip.description[:1200],
                place=tip.place or texts.TIP_NOT_REMEMBERED,
            )
            + _route_offer(tree, tip),
            f"{key}:tip",
            now,
            urgent=tip.urgent,
        )
        count("TipsSubmitted", urgent=str(tip.urgent).lower())
        tally(unit.unit_id, "tips_submitted")
        tally(unit.unit_id, f"tips_{tip.category}")
        tally(unit.unit_id, "tips_urgent", int(tip.urgent))
        return "tip_submitted"
    question = outcome.question
    if question is not None:
        _alert(
            deps,
            tree,
            unit,
            texts.OFFICER_NEW_QUESTION.format(
                code=question.code, unit_name=unit.name, text=question.text[:1500]
            ),
            key,
            now,
            citizen=event.user_id,
        )
        count("QuestionsHandedOver")
        tally(unit.unit_id, "questions_handed")
    _count_faq(outcome.turn.effects, unit.unit_id)
    return "replied"


def _commune_named(tree: UnitTree, unit: Unit, draft: Draft) -> str | None:
    """The commune below ``unit`` that the tip's place names (anninh.units.places), offered to officers."""
    commune = suggest_commune(tree, unit.unit_id, draft.place, draft.latitude, draft.longitude)
    return commune.unit_id if commune is not None else None


def _route_offer(tree: UnitTree, tip: Tip) -> str:
    """The line under a new-tip alert that offers the tip to the commune its place names."""
    commune = tree.get(tip.suggested_unit_id) if tip.suggested_unit_id else None
    if commune is None or commune.unit_id == tip.unit_id:
        return ""
    return texts.ROUTE_OFFER.format(unit_name=commune.name, code=tip.code)


def text_of(event: ev.Event) -> str:
    return event.text if isinstance(event, ev.UserMessage) else ""


def _count_faq(effects: TurnEffects, unit_id: str) -> None:
    if effects.feedback is not None:
        verdict = effects.feedback[0]
        count("FaqFeedback", verdict=verdict)
        tally(unit_id, "faq_helpful" if verdict == "yes" else "faq_not_helpful")
    if effects.faq_answered is not None:
        count("FaqAnswered")
        tally(unit_id, "faq_answered")
    if effects.faq_abstained:
        count("FaqAbstained")
        tally(unit_id, "faq_refused")
