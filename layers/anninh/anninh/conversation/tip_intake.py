"""The guided tip intake: category → description → place → time → media → privacy (→ contact) → confirm.

Pure: takes the conversation state and data and one citizen event, returns the turn. The draft lives in
``data.draft``; a confirmed draft comes back as ``effects.submit`` for the caller to create the tip
(:func:`submitted_reply` then tells the citizen its code). "hủy" cancels at any step; a draft left
unfinished is kept (the conversation lives 30 days) and offered again when the citizen comes back
within ``RESUME_HOURS``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import datetime, timedelta

from anninh import texts
from anninh.conversation.choices import Option, choose
from anninh.conversation.menu import fold
from anninh.conversation.replies import Turn, TurnEffects
from anninh.messaging.replies import Button, ButtonsReply, Reply, RequestInfoReply, TextReply
from anninh.messaging.state import ConversationData, MediaRef, TipDraft
from anninh.tips.model import (
    CATEGORIES,
    MAX_DESCRIPTION_CHARS,
    MAX_MEDIA_PER_TIP,
    NOTICE_PAYLOAD_PREFIX,
    PRIVACY,
    Tip,
)
from anninh.tips.service import Draft
from anninh.units.model import Unit
from anninh.zalo import events as ev

PREFIX = "tip:"
RESUME_HOURS = 24
MIN_DESCRIPTION = 15
MAX_WISH_WORDS = 4  # a report message this short only says "I want to report"
CATEGORY_KEYS = list(CATEGORIES)
PRIVACY_KEYS = ["anonymous", "confidential", "open"]

CANCEL_WORDS = frozenset({"huy", "huy bo", "thoi", "dung", "khong gui nua", "cancel"})
DONE_WORDS = frozenset({"xong", "xong roi", "het", "khong", "khong co", "bo qua", "ko", "k", "khong co anh"})
UNKNOWN_WORDS = frozenset({"khong nho", "khong ro", "khong biet", "ko nho", "k nho", "ko biet", "k biet"})
CONFIRM_WORDS = frozenset({"gui", "gui di", "dong y", "xac nhan", "ok", "co", "TIP:CONFIRM"})
START_WORDS = frozenset({"to giac", "bao tin", "phan anh", "gui tin bao", "tin bao", "trinh bao", "to cao"})
# Matched on the text as typed when it has diacritics ("bổ sung" is not "súng"), folded when it has none.
URGENT_MARKED = (
    r"đang (xảy ra|diễn ra|đánh|cháy|cướp|đâm)",
    r"ngay bây giờ",
    r"(?<!tra )\bcứu( với| tôi| em| con| mạng)?\b",
    r"cháy (nhà|lớn|to)",
    r"hỏa hoạn|hoả hoạn",
    r"\b(dao|súng|kiếm|mã tấu)\b",
    r"bắt cóc",
    r"\bgiết\b",
    r"đâm (chết|người)",
    r"\bcướp\b",
    r"bị đánh",
    r"đánh nhau",
    r"d[ọo]ạ giết",
)
URGENT_FOLDED = (
    r"\bdang (xay ra|dien ra|danh|chay|cuop|dam)\b",
    r"\bngay bay gio\b",
    r"\bcuu (voi|toi|em|con|mang)\b",
    r"\bchay (nha|lon|to)\b",
    r"\bhoa hoan\b",
    r"\b(sung|ma tau)\b",
    r"\bbat coc\b",
    r"\bgiet\b",
    r"\bdam (chet|nguoi)\b",
    r"\bcuop\b",
    r"\bbi danh\b",
    r"\bdanh nhau\b",
    r"\bdoa giet\b",
)
_URGENT_MARKED = re.compile("|".join(URGENT_MARKED))
_URGENT_FOLDED = re.compile("|".join(URGENT_FOLDED))
_PHONE = re.compile(r"(\+?84|0)\d{9,10}")


def is_urgent(text: str) -> bool:
    """Something is happening now, or names violence, fire, weapons or kidnapping."""
    folded = fold(text)
    lowered = " ".join(text.casefold().split())
    if folded != lowered:  # the citizen typed diacritics: trust them
        return bool(_URGENT_MARKED.search(unicodedata.normalize("NFC", lowered)))
    return bool(_URGENT_FOLDED.search(folded))


def wants_to_report(text: str) -> bool:
    return fold(text) in START_WORDS


def in_intake(state: str) -> bool:
    return state.startswith(PREFIX)


def _category_prompt(unit: Unit) -> TextReply:
    lines = [texts.TIP_START.format(unit_name=unit.name)]
    lines += [
        texts.TIP_CATEGORY_LINE.format(number=i, label=CATEGORIES[k]) for i, k in enumerate(CATEGORY_KEYS, 1)
    ]
    return TextReply("\n".join(lines))


def notice_reference(text: str) -> str | None:
    """The wanted notice a broadcast button refers to ("TIP:NOTICE:<notice_id>"), else None."""
    text = text.strip()
    notice = text.removeprefix(NOTICE_PAYLOAD_PREFIX) if text.startswith(NOTICE_PAYLOAD_PREFIX) else ""
    return notice if notice and len(notice) <= 63 and notice.replace("-", "").isalnum() else None


CATEGORY_OPTIONS = tuple(Option(key, label) for key, label in CATEGORIES.items())
PRIVACY_OPTIONS = tuple(Option(key, PRIVACY[key], texts.TIP_PRIVACY_ALIASES[key]) for key in PRIVACY_KEYS)
GUESS_OPTIONS = (
    Option("yes", texts.TIP_CATEGORY_GUESS_YES, ("có", "phải", "vâng", "ok", "chính xác", "dạ đúng", "ừ")),
    Option("other", texts.TIP_CATEGORY_GUESS_OTHER, ("loại khác", "khác", "không", "sai", "không phải")),
)
CONFIRM_OPTIONS = (
    Option("send", texts.TIP_CONFIRM_BUTTON, texts.TIP_CONFIRM_ALIASES),
    Option("cancel", texts.TIP_CANCEL_BUTTON),
)
RESUME_OPTIONS = (
    Option("continue", texts.TIP_RESUME_CONTINUE, texts.TIP_RESUME_CONTINUE_ALIASES),
    Option("new", texts.TIP_RESUME_NEW, texts.TIP_RESUME_NEW_ALIASES),
)


def _category_typed(text: str) -> str | None:
    """A category by number, name or part of it, or by the offence the words name ("đánh bạc")."""
    from anninh.conversation.understanding import Text, guess_category

    if fold(text).isdigit():
        return choose(text, CATEGORY_OPTIONS)
    return choose(text, CATEGORY_OPTIONS) or guess_category(Text.of(text))


def start_from_message(
    unit: Unit,
    now: datetime,
    message: str,
    category: str | None,
    *,
    urgent: bool = False,
    data: ConversationData | None = None,
) -> Turn:
    """Begin an intake from what the citizen already said: their words start the description, and the
    category the words suggest is offered for confirmation. A bare wish to report ("tôi muốn báo tin")
    offers to resume an unfinished draft (``data``), as the menu's "Gửi tin báo" does."""
    told = message.strip()
    # "tôi muốn báo tin", "Gửi tin báo ngay": a wish to report, not yet a description of anything
    prefill = TipDraft(description=told) if len(told.split()) > MAX_WISH_WORDS or urgent else TipDraft()
    if urgent:
        prefill.urgent = True
    if prefill.is_empty() and category is None:
        return start(unit, data or ConversationData(), now)
    turn = start(unit, ConversationData(), now, prefill=prefill)
    if category is None or category not in CATEGORIES:
        return turn
    assert turn.data.draft is not None
    turn.data.draft.category_guess = category
    text = texts.TIP_CATEGORY_GUESS.format(unit_name=unit.name, label=CATEGORIES[category].lower())
    return Turn(replies=[TextReply(text)], state=PREFIX + "category_guess", data=turn.data)


def _after_category(draft: TipDraft, data: ConversationData, unit: Unit) -> Turn:
    """The step after the category: the description, more details for a short one, or the place."""
    told = draft.description
    if not told:
        return _ask("description", data, unit)
    if draft.urgent or draft.more_asked or _rich(told):
        return _ask("place", data, unit)
    draft.more_asked = True
    prompt = texts.TIP_ASK_MORE_DETAILS.format(told=told[:300])
    return Turn(replies=[TextReply(prompt)], state=PREFIX + "description", data=data)


def _rich(description: str) -> bool:
    from anninh.conversation.understanding import is_rich

    return is_rich(description)


def start(unit: Unit, data: ConversationData, now: datetime, prefill: TipDraft | None = None) -> Turn:
    """Begin (or offer to resume) an intake."""
    draft = data.draft
    started = data.draft_started
    if (
        draft is not None
        and not draft.is_empty()
        and started
        and (prefill is None or prefill.is_empty())
        and now - datetime.fromisoformat(started) < timedelta(hours=RESUME_HOURS)
    ):
        return Turn(replies=[TextReply(texts.TIP_RESUME)], state=PREFIX + "resume", data=data)
    new_data = ConversationData(draft=(prefill or TipDraft()).copy(), draft_started=now.isoformat())
    return Turn(replies=[_category_prompt(unit)], state=PREFIX + "category", data=new_data)


def _ask(step: str, data: ConversationData, unit: Unit) -> Turn:
    prompts: dict[str, Reply] = {
        "category": _category_prompt(unit),
        "description": TextReply(texts.TIP_ASK_DESCRIPTION),
        "place": TextReply(texts.TIP_ASK_PLACE),
        "time": TextReply(texts.TIP_ASK_TIME),
        "media": TextReply(texts.TIP_ASK_MEDIA),
        "privacy": TextReply(texts.TIP_ASK_PRIVACY),
    }
    if step == "contact":
        replies: list[Reply] = [
            RequestInfoReply(title=texts.TIP_CONTACT_FORM_TITLE, subtitle=texts.TIP_CONTACT_FORM_SUBTITLE),
            TextReply(texts.TIP_ASK_CONTACT),
        ]
        return Turn(replies=replies, state=PREFIX + step, data=data)
    if step == "confirm":
        return Turn(replies=_summary(data.draft or TipDraft()), state=PREFIX + step, data=data)
    return Turn(replies=[prompts[step]], state=PREFIX + step, data=data)


def _summary(draft: TipDraft) -> list[Reply]:
    media = draft.media
    notice = draft.notice_id
    about = texts.TIP_NOTICE_PREFILL.format(notice=notice) + "\n" if notice else ""
    text = about + texts.TIP_SUMMARY.format(
        category=CATEGORIES[draft.category or ""],
        description=(draft.description or "")[:600],
        place=draft.place or texts.TIP_NOT_REMEMBERED,
        occurred=draft.occurred or texts.TIP_NOT_REMEMBERED,
        media=len(media) if media else texts.TIP_NONE,
        privacy=PRIVACY[draft.privacy or ""],
    )
    buttons = (Button(texts.TIP_CONFIRM_BUTTON, "TIP:CONFIRM"), Button(texts.TIP_CANCEL_BUTTON, "TIP:CANCEL"))
    return [TextReply(text), ButtonsReply(text=texts.TIP_CONFIRM_RETRY, buttons=buttons)]


Attachment = MediaRef  # (kind, url, declared size)


def attachments_of(event: ev.Event) -> list[Attachment]:
    """Every attachment of the message: Zalo sends several photos of one message as several entries of
    ``message.attachments`` (``event.urls``), not as several events."""
    if isinstance(event, ev.ImageMessage | ev.GifMessage):
        kind = "image"
    elif isinstance(event, ev.VideoMessage):
        kind = "video"
    elif isinstance(event, ev.AudioMessage):
        kind = "audio"
    elif isinstance(event, ev.FileMessage):
        return [("file", event.url, event.size)]
    else:
        return []
    return [(kind, url, None) for url in (event.urls or (event.url,))]


def _parse_contact(text: str) -> tuple[str, str] | None:
    phone = _PHONE.search(text.replace(" ", "").replace(".", ""))
    if not phone:
        return None
    name = re.sub(r"[\d+.\s,;:-]+$", "", text.split(",")[0]).strip() or text.split()[0]
    return name, phone.group(0)


def submitted_reply(tip: Tip, unit: Unit) -> TextReply:
    """The reply once the confirmed draft is filed: the tip's code, to keep."""
    return TextReply(texts.TIP_SUBMITTED.format(code=tip.code, unit_name=unit.name))


def step(unit: Unit, state: str, data: ConversationData, event: ev.Event, now: datetime) -> Turn:
    """One citizen event during the intake. A message that newly marks the draft urgent asks the caller to
    act at once (``effects.urgent``), unless it also submits the tip (the new tip's alert says it then)."""
    was_urgent = data.draft is not None and data.draft.urgent
    turn = _step(unit, state, data, event, now)
    now_urgent = turn.data.draft is not None and turn.data.draft.urgent
    if not was_urgent and now_urgent and turn.effects.submit is None:
        turn.effects.urgent = True
    return turn


def _step(unit: Unit, state: str, data: ConversationData, event: ev.Event, now: datetime) -> Turn:
    current = state.removeprefix(PREFIX)
    draft = (data.draft or TipDraft()).copy()
    data = replace(data, draft=draft)
    text = event.text if isinstance(event, ev.UserMessage) else ""
    folded = fold(text) if text else ""
    # "đúng" folds to "dung" like "dừng": typed with its diacritics, or answering "Có phải về …?", it is yes.
    as_typed = unicodedata.normalize("NFC", text).casefold().strip()
    said_right = as_typed == "đúng" or (current == "category_guess" and folded == "dung")
    if (folded in CANCEL_WORDS and not said_right) or text.strip() == "TIP:CANCEL":
        return Turn(replies=[TextReply(texts.TIP_CANCELLED)], state="menu")
    if text and is_urgent(text) and not draft.urgent:
        draft.urgent = True

    if current == "resume":
        if choose(text, RESUME_OPTIONS) == "continue":
            return _ask(_next_missing(draft), data, unit)
        return start(unit, ConversationData(), now)
    if current == "category_guess":
        guess = draft.category_guess
        answer = choose(text, GUESS_OPTIONS)
        if answer == "yes" and guess in CATEGORIES:
            draft.category = guess
            return _after_category(draft, data, unit)
        if answer == "other":
            return _ask("category", data, unit)
        typed = _category_typed(text) if not fold(text).isdigit() else None
        if typed is not None:  # the citizen named another category straight away
            draft.category = typed
            return _after_category(draft, data, unit)
        label = CATEGORIES.get(guess or "", "").lower()
        return Turn(
            replies=[TextReply(texts.TIP_CATEGORY_GUESS_RETRY.format(label=label))], state=state, data=data
        )
    if current == "category":
        chosen = _category_typed(text)
        if chosen is None:
            return Turn(
                replies=[TextReply(texts.TIP_CATEGORY_RETRY_NAMES.format(count=len(CATEGORY_KEYS)))],
                state=state,
                data=data,
            )
        draft.category = chosen
        return _after_category(draft, data, unit)
    if current == "description":
        told = draft.description or ""
        if told and draft.more_asked:
            # What the citizen said first stays; a new message adds to it ("xong": nothing to add).
            if folded not in DONE_WORDS and text.strip() and fold(text) != fold(told):
                told = draft.description = f"{told}\n{text.strip()}"
            if len(told) < MIN_DESCRIPTION:
                return Turn(replies=[TextReply(texts.TIP_DESCRIPTION_TOO_SHORT)], state=state, data=data)
            return _ask("place", data, unit)
        if len(text.strip()) < MIN_DESCRIPTION:
            return Turn(replies=[TextReply(texts.TIP_DESCRIPTION_TOO_SHORT)], state=state, data=data)
        if len(text.strip()) > MAX_DESCRIPTION_CHARS:
            too_long = texts.TIP_DESCRIPTION_TOO_LONG.format(limit=MAX_DESCRIPTION_CHARS)
            return Turn(replies=[TextReply(too_long)], state=state, data=data)
        draft.description = text.strip()  # the notice it is about stays a field: draft.notice_id
        return _ask("place", data, unit)
    if current == "place":
        if isinstance(event, ev.LocationMessage):
            draft.latitude, draft.longitude = event.latitude, event.longitude
            draft.place = event.text or f"{event.latitude:.5f}, {event.longitude:.5f}"
        elif folded in UNKNOWN_WORDS:
            draft.place = None
        elif text.strip():
            draft.place = text.strip()
        else:
            return _ask("place", data, unit)
        draft.place_answered = True
        return _ask("time", data, unit)
    if current == "time":
        if not text.strip():
            return _ask("time", data, unit)
        draft.occurred = None if folded in UNKNOWN_WORDS else text.strip()
        draft.occurred_answered = True
        return _ask("media", data, unit)
    if current == "media":
        attachments = attachments_of(event)
        if attachments:
            kept = draft.media
            room = max(0, MAX_MEDIA_PER_TIP - len(kept))
            kept.extend(attachments[:room])
            replies: list[Reply] = []
            if room:
                replies.append(TextReply(texts.TIP_MEDIA_RECEIVED.format(count=len(kept))))
            if len(attachments) > room:
                replies.append(TextReply(texts.TIP_MEDIA_LIMIT.format(limit=MAX_MEDIA_PER_TIP)))
            return Turn(replies=replies, state=state, data=data)
        if folded in DONE_WORDS:
            return _ask("privacy", data, unit)
        return _ask("media", data, unit)
    if current == "privacy":
        privacy = choose(text, PRIVACY_OPTIONS)
        if privacy is not None:
            draft.privacy = privacy
            return _ask("confirm" if privacy == "anonymous" else "contact", data, unit)
        return Turn(replies=[TextReply(texts.TIP_PRIVACY_RETRY_NAMES)], state=state, data=data)
    if current == "contact":
        if isinstance(event, ev.UserSubmitInfo):
            draft.contact_name, draft.contact_phone = event.info.name, event.info.phone
        else:
            parsed = _parse_contact(text)
            if parsed is None:
                return Turn(replies=[TextReply(texts.TIP_CONTACT_RETRY)], state=state, data=data)
            draft.contact_name, draft.contact_phone = parsed
        return _ask("confirm", data, unit)
    if current == "confirm":
        confirmed = folded in CONFIRM_WORDS or text.strip() == "TIP:CONFIRM"
        if confirmed or choose(text, CONFIRM_OPTIONS) == "send":
            return Turn(replies=[], state="menu", effects=TurnEffects(submit=Draft.from_intake(draft)))
        return Turn(replies=[TextReply(texts.TIP_CONFIRM_RETRY)], state=state, data=data)
    return start(unit, ConversationData(), now)


def _next_missing(draft: TipDraft) -> str:
    if not draft.category:
        return "category"
    if not draft.description:
        return "description"
    if draft.privacy is None:
        return "place" if not draft.place_answered and draft.place is None else "media"
    return "confirm"
