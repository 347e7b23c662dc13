# ruff: noqa: E501  (pattern tables are data: one alternation per line reads best)
"""What a citizen's free-text message is, before anything answers it.

Lexical and explainable: one pattern table per class, written in Vietnamese with diacritics. Each pattern is
matched on the text as typed (NFC, lower case) and on its folded twin (no diacritics); a folded hit counts
only where the citizen typed that stretch without diacritics, or where the marked pattern matches it too
("bảo mật" is not "báo mất", "bổ sung" is not "súng"), as :func:`anninh.conversation.tip_intake.is_urgent`
has always done; a few short words whose folding is another common word ("bỏng"/"bong", "đấm"/"đám") count
only with their diacritics (:func:`marked_only`). Teen code and shorthand (ko, dc, bj, j, r…) are spelled out
first. The tables hold word families (an offence, a danger by number), not sentences. Order of the decision:

1. ``#…`` → officer command;
2. a tip code, "tin báo của tôi", "bổ sung …" → follow-up, unless the message also names a danger now (a
   word shaped like a code, e.g. a plate or an order number, never holds back an emergency number; a bare
   "cứu", as in "tra cứu", does not count);
3. danger now (fire, drowning, unconscious, a weapon out, "cứu") → emergency, with the number to call first,
   unless it is told as over, habitual or suspected with nothing saying "now" (then a report);
4. wanting to report, or telling of an offence, and not asking *about* reporting → report (category guessed);
5. greetings and small talk → greeting;
6. the FAQ matcher: an entry it accepts → procedure, else off-topic (near-domain topics refused even when
   the matcher leans to an entry with a weak score).

The naive-Bayes opinion (:mod:`anninh.conversation.message_model`) weighs in at a few fixed points: where two
numbers' tables both hit it picks between them; a report read from offence words becomes an emergency when
it is sure of one (and nothing says the danger is over), or a procedure question when it is all but certain of
one; a long message it is sure is a report is not refused for a topic word or a wh-word inside the story; and
where the rules refuse, it may still see a report or an emergency (``_second_opinion``).

Every decision carries ``reason``: the name of the rule that made it (for the eval command and for tests).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from typing import TYPE_CHECKING

from anninh.conversation.message_model import MessageModel, Opinion, shipped_model
from anninh.conversation.regex_literals import compile_with_needles, trigrams
from anninh.conversation.telex import looks_like_vni, untelex
from anninh.faq.engine import FaqMatch as FaqMatchLike

if TYPE_CHECKING:  # pragma: no cover
    from anninh.faq.engine import FaqEngine, FaqMatch


class Kind(Enum):
    REPORT = "report"
    EMERGENCY = "emergency"
    FOLLOWUP = "followup"
    PROCEDURE = "procedure"
    GREETING = "greeting"
    OFF_TOPIC = "off_topic"
    OFFICER_COMMAND = "officer_command"


NUMBERS = ("113", "114", "115")


@dataclass(frozen=True)
class Understanding:
    kind: Kind
    category: str | None = None  # tip category key guessed for a report or a crime emergency
    emergency_number: str | None = None  # "113" | "114" | "115" to call first
    faq: FaqMatch | None = None  # the matcher's answer for procedure / off-topic messages
    near_domain: bool = False  # an off-topic question close to the police's own (land, tax, health…)
    reason: str = ""

    @property
    def other_numbers(self) -> tuple[str, ...]:
        return tuple(n for n in NUMBERS if n != self.emergency_number)

    @property
    def crime_emergency(self) -> bool:
        """A police or fire emergency: kept as an urgent tip for the officers on duty (115 alone is not)."""
        return self.kind is Kind.EMERGENCY and self.emergency_number in ("113", "114")


# ------------------------------------------------------------------ text views


# Teen code and SMS shorthand, spelled out before any table looks (with diacritics when the message has any).
ABBREVIATIONS: dict[str, tuple[str, str]] = {
    **dict.fromkeys(("ko", "k", "hok", "hk", "kh", "khg", "kg", "hông", "hổng", "khum"), ("không", "khong")),
    **dict.fromkeys(("dc", "đc", "dk", "đk", "dx", "đx", "duoc"), ("được", "duoc")),
    **dict.fromkeys(("bj", "bi"), ("bị", "bi")),
    **dict.fromkeys(("j", "ji"), ("gì", "gi")),
    **dict.fromkeys(("r", "rùi", "rui", "oy", "ròi"), ("rồi", "roi")),
    **dict.fromkeys(("vs",), ("với", "voi")),
    **dict.fromkeys(("ng", "ngta"), ("người", "nguoi")),
    **dict.fromkeys(("mn", "mng", "mọi ng"), ("mọi người", "moi nguoi")),
    **dict.fromkeys(("bt", "bik", "bít"), ("biết", "biet")),
    **dict.fromkeys(("trc",), ("trước", "truoc")),
    **dict.fromkeys(("cx", "cg"), ("cũng", "cung")),
    **dict.fromkeys(("mk", "mik"), ("mình", "minh")),
    **dict.fromkeys(("vk",), ("vợ", "vo")),
    **dict.fromkeys(("ck",), ("chồng", "chong")),
    **dict.fromkeys(("đt", "dt", "đthoai", "dthoai"), ("điện thoại", "dien thoai")),
    **dict.fromkeys(("sdt", "sđt"), ("số điện thoại", "so dien thoai")),
    **dict.fromkeys(("ntn",), ("như thế nào", "nhu the nao")),
    **dict.fromkeys(("nhiu",), ("nhiều", "nhieu")),
    **dict.fromkeys(("ae",), ("anh em", "anh em")),
    **dict.fromkeys(("ny", "nyc"), ("người yêu", "nguoi yeu")),
    **dict.fromkeys(("cứu vs", "cuu vs"), ("cứu với", "cuu voi")),
}
_ABBREVIATION = re.compile(
    r"(?<!\w)(" + "|".join(sorted(map(re.escape, ABBREVIATIONS), key=len, reverse=True)) + r")(?!\w)"
)


def _expand_abbreviations(marked: str) -> str:
    with_marks = marked.translate(_FOLD) != marked
    return _ABBREVIATION.sub(lambda m: ABBREVIATIONS[m.group(1)][0 if with_marks else 1], marked)


_ELONGATED = re.compile(
    r"([aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵghmn])\1{2,}"
)
_MASK = "ß"  # a word character no folded pattern contains: word boundaries stay where they were


def _fold_char(ch: str) -> str:
    if ch == "đ":
        return "d"
    base = unicodedata.normalize("NFD", ch)[0]
    return base


_CACHED_BELOW = 0x3000  # Latin, Vietnamese, punctuation: the characters of messages, cached as they are met


class _CharTable(dict[int, str]):
    """A ``str.translate`` table of one character for one, computed on first use: a message folds in C."""

    def __init__(self, map_char: Callable[[str], str]) -> None:
        super().__init__()
        self._map_char = map_char

    def __missing__(self, code: int) -> str:
        mapped = self._map_char(chr(code))
        if code < _CACHED_BELOW:
            self[code] = mapped
        return mapped


_FOLD = _CharTable(_fold_char)  # text.translate(_FOLD) == "".join(_fold_char(ch) for ch in text)
_PLAIN = _CharTable(lambda ch: ch if _fold_char(ch) == ch else _MASK)  # a letter with diacritics masked


@dataclass(frozen=True)
class Text:
    """The two views of a message, aligned character by character."""

    marked: str  # NFC, case-folded, single spaces
    folded: str  # the same without diacritics (same length, same positions)
    plain: str = ""  # the folded view where a letter typed with diacritics is masked (see Table.find)
    # typed in VNI and decoded: the matcher is asked the decoded text (not for Telex, whose slips decode to
    # other words: "luaf ddaor" is "lùa đảo", which the tables miss and the matcher reads as a question)
    vni: bool = False
    hits: dict[int, str | None] = field(default_factory=dict, compare=False)  # Table.find, once per table
    view_grams: dict[str, frozenset[str]] = field(default_factory=dict, compare=False)  # Text.trigrams, once

    @classmethod
    def of(cls, text: str) -> Text:
        marked = " ".join(unicodedata.normalize("NFC", text).casefold().split())
        marked = _ELONGATED.sub(r"\1", marked)  # "ơiiii", "hôngggg": a letter held down
        decoded = untelex(marked)
        vni = decoded != marked and looks_like_vni(marked)
        marked = _expand_abbreviations(decoded)
        folded = marked.translate(_FOLD)
        plain = marked.translate(_PLAIN)  # the folded letter where it is the typed one, else the mask
        return cls(marked, folded, plain, vni=vni)

    def trigrams(self, view: str) -> frozenset[str]:
        """The three-character stretches of one view (marked or plain), computed once per message."""
        found = self.view_grams.get(view)
        if found is None:
            found = self.view_grams[view] = trigrams(view)
        return found

    @property
    def words(self) -> list[str]:
        return re.findall(r"[a-z0-9]+", self.folded)


def _fold_pattern(pattern: str) -> str:
    return unicodedata.normalize("NFC", pattern).translate(_FOLD)


Pattern = str | tuple[str, str]  # one pattern, or (as typed with diacritics, its folded form when it differs)
NEVER = "(?!)"  # the folded form of a pattern whose folding is another word ("bỏng" → "bong", "tát" → "tat")


def marked_only(pattern: str) -> tuple[str, str]:
    """A pattern that counts only when typed with its diacritics (its folded twin is a common other word)."""
    return (pattern, NEVER)


class Table:
    """Named patterns of one class, matched with the diacritics rule above."""

    def __init__(self, name: str, patterns: Iterable[Pattern]) -> None:
        self.name = name
        marked = [p if isinstance(p, str) else p[0] for p in patterns]
        folded = [_fold_pattern(p) if isinstance(p, str) else p[1] for p in patterns]
        self._marked = _compile(marked)
        self._folded = _compile(folded)

    def find(self, text: Text) -> str | None:
        """The first stretch of the message that matches (as typed), or None."""
        if id(self) in text.hits:
            return text.hits[id(self)]
        found: str | None = None
        if text.marked != text.folded:  # typed with diacritics as the pattern has them (or none were needed)
            found = _first(self._marked, text.marked, text.marked, text.trigrams(text.marked))
        if found is None:  # the folded pattern, only over stretches typed without diacritics
            found = _first(self._folded, text.plain, text.marked, text.trigrams(text.plain))
        text.hits[id(self)] = found
        return found

    def searches(self) -> list[tuple[str, _Search]]:
        """(the view it reads: "marked" or "plain", search) of each compiled alternation (for tests)."""
        return [
            (view, rx)
            for view, pair in (("marked", self._marked), ("plain", self._folded))
            for rx in pair
            if rx
        ]


class _Search:
    """One compiled alternation, searched only where a string every match needs occurs (regex_literals)."""

    __slots__ = ("needles", "regex", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        self.regex, self.needles = compile_with_needles(source)  # needles None: always search

    def search(self, view: str, view_grams: frozenset[str]) -> re.Match[str] | None:
        if self.needles is not None and not self.needles.found_in(view, view_grams):
            return None  # none of the strings a match needs is there: the search would fail
        return self.regex.search(view)


_Compiled = tuple[_Search | None, _Search | None]


def _compile(patterns: Sequence[str]) -> _Compiled:
    """Patterns that start a word are tried only where a word starts (about three times faster)."""
    at_word = [p for p in patterns if p.startswith(r"\b")]
    anywhere = [p for p in patterns if not p.startswith(r"\b")]
    words = _Search(r"(?<!\w)(?=\w)(?:" + "|".join(f"(?:{p})" for p in at_word) + ")") if at_word else None
    rest = _Search("|".join(f"(?:{p})" for p in anywhere)) if anywhere else None
    return words, rest


def _first(compiled: _Compiled, view: str, typed: str, view_grams: frozenset[str]) -> str | None:
    hits = [hit for rx in compiled if rx is not None and (hit := rx.search(view, view_grams)) is not None]
    if not hits:
        return None
    first = min(hits, key=lambda hit: hit.start())
    return typed[first.start() : first.end()]


# ------------------------------------------------------------------ tables

OFFICER_PREFIX = "#"
ME = r"(tôi|tui|tao|t|em|e|mình|mik|cháu|con|tớ|nhà tôi|nhà em|nhà mình)"

FOLLOWUP = Table(
    "followup",
    [
        # a tip code (TB7PX4N, BA-7KQ2M): letters, then five letters or digits with at least one digit
        r"(?<![\w-])(?=[a-z]{1,4}-?(?:[a-z0-9]{7}|[a-z0-9]{5})(?![\w-]))(?=[a-z-]*\d)[a-z]{1,4}-?(?:[a-z0-9]{7}|[a-z0-9]{5})(?![\w-])",
        r"(?<![\w-])[a-z]{1,4} (?=[a-z]*\d)(?=\d*[a-z])[a-z0-9]{7}(?![\w-])",
        # six after a hyphen ("BA-3QX7KP"), or after "mã" with a space ("mã số BA 6HH2LQ")
        r"(?<![\w-])[a-z]{1,4}-(?=[a-z]*\d)[a-z0-9]{6}(?![\w-])|\b(mã|mã số|code) [a-z]{1,4} (?=[a-z]*\d)(?=\d*[a-z])[a-z0-9]{5,7}(?![\w-])",
        r"\b(tra cứu|tracuu|kiểm tra|xem|coi) (lại )?((giúp|giùm|dùm) (\w+ )?)?(mã|(mấy |các )?(cái )?tin báo)\b",
        rf"\btb (mà |mô |nào )?(của )?{ME}\b",
        r"\btin báo\b.*\b(không|chưa|chẳng|hổng) (có )?(ai|thấy ai) (trả lời|phản hồi|gọi lại|liên hệ|xử lý|nghe|đọc|hồi âm)\b",
        rf"\btin (báo|bao) (mà |mô |nào )?(của )?{ME}\b",
        r"\btin báo\b.*\b(gửi|gởi) (hôm|từ|ngày|tuần|lúc|bữa)",
        r"\btin báo\b.*\b(xử lý|giải quyết|đọc|nhận|trả lời|liên hệ|gọi lại|phản hồi|tiếp nhận|hồi âm)\b.*\b(chưa|rồi|chậm)\b",
        r"\b(bổ sung|gửi thêm|thêm thông tin|thêm ảnh|thêm clip|thêm hình)\b.*\b(tin báo|mã|vụ (tôi|tui|em|mình) (đã )?báo)\b",
        r"\b(thêm|bổ sung|nói thêm|ghi thêm|gửi|gởi|gộp|nhập) (\w+ )?(vô|vào) tin (báo )?(cũ|trước|hôm trước|lúc nãy|đó)\b|\btin báo\b.*\bcó ai (xem|đọc|xử lý|nhận) (không|ko|hông|chưa)\b",
        rf"\btin báo (\w+ ){{1,6}}{ME} (đã )?(gửi|gởi|báo) (rồi|hôm)\b",
        r"\b(tin báo|mã)\b.*\b(bổ sung|thêm thông tin|gửi thêm)\b",
        r"^(bổ sung|bo sung|bosung)\b",
        r"\b(rút|hủy|huỷ) (lại )?tin báo\b|\btin báo\b.*\bbị (đóng|hủy|từ chối)\b",
        # "vụ cờ bạc tôi báo bữa trước, mấy anh xuống chưa": the subject between, then when it was sent
        rf"\b(vụ|việc|chuyện) (\w+ ){{1,4}}{ME} (đã |vừa |có )?(báo|tố giác|phản ánh|gửi|nhắn|trình báo) (\w+ ){{0,2}}(bữa trước|hôm trước|hôm qua|hôm kia|bữa kia|hôm bữa|tuần trước|tuần rồi|lúc nãy|hồi sáng|hồi chiều|hồi tối|sáng nay|chiều nay|mấy hôm trước|mấy bữa trước)\b",
        rf"\b(vụ|việc|chuyện) {ME} (đã |vừa )?(báo|tố giác|phản ánh|gửi|gởi|nhắn|kể)\b",
        rf"\b(hôm thứ \w+|hôm t\d|thứ \w+ tuần (rồi|trước)|hôm kia|bữa kia|mấy hôm trước|mấy bữa trước|hôm trước|hôm qua|bữa trước|tuần trước|lúc trước|lúc nãy|hồi sáng|hồi chiều|hồi tối|sáng nay|chiều nay|bữa) {ME} (có |đã |vừa )?(báo|gửi tin|tố giác|phản ánh|nhắn báo|nhắn)\b",
        rf"\btin (của )?{ME} (đã |vừa |mới )?(báo|gửi)\b",
        # the code itself forgotten or lost; a tip said to have been sent ("hôm qua gửi tin báo xong …")
        r"\b(quên|mất|không nhớ|chẳng nhớ|thất lạc) (mất |luôn )?(cái )?mã\b(?! (pin|otp|atm|số thuế|bưu|qr|giảm giá|xác nhận|wifi))",
        r"\b(hôm qua|hôm trước|bữa trước|hôm kia|lúc nãy|hồi sáng|hồi chiều|đã|vừa|mới) (\w+ )?(gửi|gởi) (cái )?tin báo (xong|rồi)\b",
        # already told, at a time said before or after: "hôm kia tôi báo vụ…", "tôi báo hôm trước rồi mà…"
        rf"\b(hôm trước|hôm qua|bữa trước|tuần trước|lúc trước|lúc nãy|hồi sáng|hồi chiều|hồi tối|sáng nay|chiều nay|bữa|hôm kia|bữa kia|hôm rồi|bữa rồi|tuần rồi|tháng rồi|mấy hôm trước|mấy bữa trước|mấy ngày trước|thứ \w+ tuần (rồi|trước)) {ME} (có |đã |vừa )?(nhắn |gọi |gửi )?(báo|gửi tin|tố giác|phản ánh|trình báo)\b",
        r"\b(báo|gửi tin|tố giác|phản ánh|trình báo) (\w+ ){0,3}(hôm trước|hôm qua|hôm kia|bữa trước|bữa kia|tuần trước|tuần rồi|mấy hôm trước) rồi\b",
        r"\b(trong|cho|của|vào) (cái )?tin báo (lúc nãy|hôm|vừa|mới|đó|trước|hồi)",
        r"\b(phản hồi|kết quả|trả lời|hồi âm) (gì )?(cho |của |về )?tin báo\b|\btin báo\b.*\b(chưa|chưa có)\s*(ạ|ad|a|anh|chị)?\s*$",
        rf"\b{ME} (đã|vừa|có) (gửi|báo|tố giác|phản ánh) (tin|tin báo|vụ|về)\b.*\b(chưa|sao|thế nào|kết quả|bổ sung|thêm)\b",
        rf"\btin báo (\w+ ){{1,6}}{ME} (đã |có )?(gửi|gởi|báo) rồi\b",
        r"\b(tiến độ|kết quả|tình trạng) (xử lý |giải quyết )?(tin báo|vụ (tôi|em|tui|mình) báo)\b",
        r"\bmã tin báo\b",
        r"\btin báo\b.*\b(có tin gì chưa|có gì chưa|sao rồi|tới đâu rồi|đến đâu rồi|thế nào rồi|ra sao rồi|xuống chưa|biết chưa|xử lý tới đâu)",
        r"\btin báo\b.*\b(hủy|huỷ|rút lại|xóa|xoá|sửa|ghi nhầm|ghi sai|đổi sang)\b",
        rf"\btin báo (\w+ ){{0,5}}(bữa trước|hôm trước|hôm qua|hôm bữa|bữa nọ|tuần trước|lúc nãy|hồi sáng|hồi chiều|hồi tối)\b.{{0,20}}\b({ME} (đã |có )?(gửi|gởi|báo)|đó|rồi|chưa)\b",
        rf"\b{ME} (đã|có|vừa) (báo|trình báo|tố giác) (\w+ ){{0,4}}rồi\b.{{0,40}}\b(biết chưa|chưa|có tìm được|sao rồi)",
        rf"\b(ban nãy|lúc nãy|hồi nãy|khi nãy|hồi sáng|sáng nay|hôm qua) ({ME} )?(có |đã )?(nhắn|báo|gửi|gởi) (vụ|về|tin|cái)\b.{{0,120}}\b(quên (ghi|nói|kể|gửi)|thêm (vô|vào)|bổ sung|ghi thiếu|nói thiếu)\b",
        r"\b(gửi|gởi|báo) (tin báo|tin|đơn)\b.{0,30}\b(\d+ (ngày|tuần|tháng)|rồi mà|mà) (chưa|không|vẫn chưa)\b|\b(gửi|gởi) (tin báo|đơn) (\w+ ){0,4}(rồi )?(mà )?(chưa|không) (thấy|có) (ai|gì|phản hồi|trả lời)",
    ],
)

# A code-shaped word that names something else: a rice variety ("lúa OM5451"), a betting site ("web bong88").
NOT_A_CODE = Table(
    "not_a_code",
    [
        r"\b(lúa|giống lúa|giống|web|website|trang|site|app|nick|nhà cái)( \w+){0,4} [a-z]{1,4}-?[a-z0-9]{5,7}\b"
    ],
)

# "buồn muốn chết", "nóng quá muốn chết": a feeling said to be strong, no threat to one's life (a lookbehind
# set put before "muốn chết"; "chán" is left out: "chán sống" is a threat, and "chán quá muốn chết" may be one).
_MOOD = (
    "".join(
        f"(?<!{w} )(?<!{w} quá )(?<!{w} lắm )"
        for w in (
            "nóng",
            "mệt",
            "đói",
            "lạnh",
            "cười",
            "sợ",
            "nhục",
            "quê",
            "ngại",
            "khát",
            "ngứa",
            "buồn ngủ",
        )
    )
    + "(?<!buồn )"
)

# Said of something that keeps happening, or only suspected: not danger now unless STRONG_NOW says so.
HABITUAL = Table(
    "habitual",
    [
        r"\bcứ (tối|đêm|chiều|sáng|trưa|ngày|tuần|tháng|đến tối|đến đêm|chiều chiều|tối tối) (là|lại)\b|\b(tối tối|đêm đêm)\b",
        r"\b(đêm nào cũng|tối nào cũng|ngày nào cũng|chiều nào cũng|sáng nào cũng|hôm nào cũng|thường xuyên|thường hay|hay (\w+ )?(đến|tới|qua|chặn|đánh|tụ tập|ra vào)|cả ngày|suốt ngày|cả đêm|suốt đêm|nhiều lần|hằng ngày|mỗi (tối|đêm|ngày|lần|năm|mùa)|mấy hôm nay|mấy tháng nay|suốt)\b",
        r"\b(năm|mùa|lần|đợt) (\w+ )?nào (\w+ ){0,3}cũng\b",
        r"\bmấy (đêm|tối|bữa|ngày|tuần|sáng|chiều) (nay|liền)\b|\b(tối|đêm|ngày|chiều|sáng|hôm|tuần) nào (\w+ ){1,3}cũng\b",
        r"\b(nghi|nghi ngờ|nghi là|hình như|có vẻ|có dấu hiệu)\b",
        r"\b(hay|thường|hay bị|thường bị|dễ bị|hay bị lỗi) (kẹt|hỏng|hư|chập|mất điện|rò|xì|tụt|lên cơn)\b",
    ],
)
# an old person or a small child wandering among the traffic of a motorway or on the rails: now, whatever
# "có vẻ" says of their mind
_AMONG_TRAFFIC = r"\b(cụ|ông cụ|bà cụ|cụ già|người già|ông già|bà già|đứa (bé|trẻ|nhỏ)|em bé|cháu bé|trẻ con|con nít)( \w+){0,4} (đi|đứng|ngồi|lang thang|chạy|bò)( \w+){0,2} (giữa|trên|dọc) (làn xe|cao tốc|đường cao tốc|đường ray|đường tàu)\b"


STRONG_NOW = Table(
    "strong_now",
    [
        "\\b(?<!sơ )(?<!trực cấp )(?<!khoa cấp )(?<!phòng cấp )(?<!bác sĩ cấp )(cứu|cíu|sos|help|ngay bây giờ|ngay lúc này|bây giờ(?! (thì |đã |nó |họ |tụi nó )?(đi|hết|về|yên|ổn|xong|không còn|đỡ))|khẩn cấp|gấp(?! (đôi|ba|rưỡi|mấy|nhiều|bội|\\d))|mau|nhanh lên|ngay lập tức)\\b|!!",
        (  # without diacritics "dang ban" is as often "đang bán" (selling): shooting needs its target
            r"\bđang (bị |có )?(đánh|chém|đâm|cháy|bắn|cướp|cạy|phá|đuổi|cầm|dọa|nhốt|chìm|trôi|kẹt|co giật|ngất|bất tỉnh|khó thở|chảy máu)",
            r"\bdang (bi |co )?(danh|chem|dam|chay|ban (nguoi|nhau|sung|chet|loan)|cuop|cay|pha|duoi|cam|doa|nhot|chim|troi|ket|co giat|ngat|bat tinh|kho tho|chay mau)",
        ),
        _AMONG_TRAFFIC,
        # an armed crowd gathering now: what it is waiting for may be a guess ("hình như chờ đánh nhau"), the
        # blades are not
        r"\b(cầm|mang|vác|giắt|xách) (theo )?(\w+ ){0,2}(dao|kiếm|mã tấu|súng|rựa|tuýp|gậy)\b.{0,40}\bđang (tụ tập|tập trung|kéo (đến|tới)|vây)\b|\bđang (tụ tập|tập trung|kéo (đến|tới)|vây)\b.{0,40}\b(cầm|mang|vác|giắt|xách) (theo )?(\w+ ){0,2}(dao|kiếm|mã tấu|súng|rựa|tuýp|gậy)\b",
    ],
)

# A mishap said to be over and mended ("hôm qua chập điện xém cái quạt, giờ ổn rồi"): with no offence and no
# violence named, nothing left to report (what follows is asked of someone else: an electrician, an insurer).
MENDED = Table(
    "mended",
    [
        r"\b(giờ|bây giờ|hiện giờ|giờ thì|nay|hiện tại) (\w+ )?(đã |cũng )?(ổn|không sao|hết sao|bình thường|khỏi|lành|sửa xong|xong|dập (tắt )?xong) (hết )?rồi\b"
    ],
)


def _calm_states(pattern: str) -> tuple[str, str]:
    """The calm states' pattern and its folded twin without "lả đi" ("la di" is "là đi")."""
    return pattern, _fold_pattern(pattern.replace("lả (đi|người)|", ""))


# A grave state of the body said of the present, after a harm told as past ("hôm qua bị chó cắn, giờ sốt cao mê
# man"): the harm is over, the danger is not.
GRAVE_NOW = Table(
    "grave_now",
    [
        r"\b(giờ|bây giờ|hiện giờ|hiện tại|giờ đây|vẫn|vẫn còn|đến giờ|tới giờ|từ sáng|từ tối qua)( \w+){0,3} (mê man|bất tỉnh|lơ mơ|co giật|khó thở|thở (gấp|yếu|không nổi|thoi thóp)|không (tỉnh|dậy nổi|thở)|hôn mê|li bì|tím tái|nôn ra máu)\b",
        # told calmly, states listed: "giờ gọi không thưa, một bên người mềm oặt", "giờ …, nôn, một người lả đi"
        # (without diacritics "la di" is "là đi": its folded twin leaves that state out)
        _calm_states(
            r"\b(giờ|bây giờ|hiện giờ|giờ thì|từ nãy|nãy giờ)(,? \w+){0,8},? (gọi (\w+ )?không (thưa|trả lời|dậy|tỉnh)|lả (đi|người)|mềm oặt|(một bên|nửa) người (mềm|yếu|liệt|tê)|không (còn )?nhận ra (ai|người nhà|tôi|em|con|cháu|vợ|chồng))\b"
        ),
    ],
)

# Said of the moment: with these, danger is now (also when the citizen says "I want to report").
PRESENT = Table(
    "present",
    [
        (
            "\\b(?<!tra )(?<!sơ )cứu\\b|\\bcíu\\b|\\bsos\\b",
            "\\b(?<!tra )(?<!so )cuu (voi|toi|em|con|chau|tui|bon|giup|gap|nguoi|me|ba|bo|nhanh)\\b|\\bcuu\\s*(!|$)|^cuu\\b|\\bciu\\b|\\bsos\\b",
        ),
        r"\bđang\b(?! (ký|ki|kí|ky|kiểm|tải|nhập|xuất)\b)",
        marked_only(r"\bđương (bị |có |xảy ra|diễn ra)"),
        r"\b(chạy|tẩu thoát|bỏ chạy|phóng|trốn|chạy trốn)( xe)? (về |theo |ra )?(hướng|phía)\b|\b(vừa xong|mới xong|vừa mới đây)\b|\b(đuổi theo|chặn lại|bắt lại) (liền|ngay|gấp|đi)\b",
        # a victim heard as it happens: "nghe tiếng bả rên", "nghe tiếng con bé khóc thét"
        r"\bnghe (thấy |có )*tiếng (\w+ ){0,2}(rên|la|khóc|kêu|hét|van xin|van|gào|thét|cầu cứu|kêu cứu)\b",
        r"\b(đổ|tràn|chảy|dội|xối|trút) (\w+ )?(xuống|vào|vô|về) (\w+ ){0,2}(như thác|ào ào|xối xả|cuồn cuộn)\b",
        # hiding from someone now: "hai mẹ con khóa trái trong nhà tắm", "em đang núp dưới gầm giường"
        r"\b(trốn|núp|nấp|khóa trái|khoá trái|chốt cửa|chặn cửa|cố thủ)( \w+){0,3} (trong|dưới|sau|vào) (nhà tắm|phòng|tủ|gầm|wc|toilet|buồng|nhà vệ sinh|bếp|kho|gác|tiệm|quán|cửa hàng|siêu thị|nhà dân|nhà người ta|cây xăng|trạm xăng)\b",
        r"\b(sợ (lắm|quá|chết|hãi)|hoảng (quá|loạn|sợ)|run (quá|lắm|rẩy)|cứu (giùm|dùm|với)|nguy (lắm|rồi|quá)|ở nhà một mình|một mình)\b",
        r"\b(help|ngay bây giờ|ngay lúc này|lúc này|bây giờ(?! (thì |đã |nó |họ |tụi nó )?(đi|hết|về|yên|ổn|xong|không còn|đỡ))|bây h|ngay lập tức|khẩn cấp|gấp lắm|gấp(?! (đôi|ba|rưỡi|mấy|nhiều|bội|\d))|tới mau|đến mau|mau lên|nhanh lên|tới liền|đến ngay|tới ngay|kìa|nãy giờ|giúp với|giúp em với|giúp tôi với)\b",
        r"\b(mau (lên|đi|tới|đến|giùm|giúp|với)|nhanh (đi|với|giùm|giúp|tới|đến)|lẹ (lên|đi|với)|tới lẹ|đến lẹ|ơi ơi|trời ơi|chết rồi|nguy rồi|nguy lắm|nguy hiểm lắm|to lắm|lớn lắm|đang lan|vừa (mới )?xảy ra|vừa mới|vừa nãy|mới xảy ra|ngay trước mặt|trước mắt)\b|\bmn ơi\b|\bmọi người ơi\b",
        r"!!",  # shouted: its own pattern (a "\\b…" pattern is tried only where a word starts)
    ],
)
# A cry for help with nothing else named: the police number first.
CRY = Table(
    "cry",
    [
        (
            "\\bcứu (với|tôi|em|con|cháu|tui|mạng|giúp|gấp|bọn|nhanh)\\b|^cứu\\b|\\bcíu\\b|\\bsos\\b|\\bhelp\\b|\\b(kêu|cầu) cứu\\b",
            "\\bcuu (voi|toi|em|con|chau|tui|mang|giup|gap|bon|nhanh)\\b|^cuu\\b|\\bciu\\b|\\bsos\\b|\\bhelp\\b|\\b(keu|cau) cuu\\b",
        )
    ],
)
PAST = Table(
    "past",
    [
        r"\b(hôm qua|tối qua|đêm qua|khuya qua|chiều qua|sáng qua|trưa qua|hôm trước|bữa trước|tuần trước|tháng trước|năm ngoái|hôm thứ \w+|hôm t\d|hôm chủ nhật|mấy hôm trước|hồi (sáng|chiều|tối|trưa|khuya|đêm|hôm|nãy|tuần|tháng|năm))\b",
        r"\b(hồi xưa|ngày xưa|năm xưa|hồi nhỏ|hồi bé|thời trẻ|hồi còn trẻ|last (night|week|month|year)|yesterday|\d+ (days|weeks|months|years) ago)\b",
        # on the way back: "bị đánh lúc đi học thêm về", "khi tan ca về"
        r"\b(lúc|khi|trên đường|hồi) (\w+ ){0,2}(đi học|đi làm|đi chợ|đi chơi|tan học|tan ca|tan làm|tan trường)( thêm)? về\b",
        r"\b(tối|sáng|chiều|trưa|đêm|hôm|ngày|bữa) (\d{1,2}/\d{1,2}|\d{1,2} tháng|mùng \d+|thứ \w+)|\b\d+ (ngày|hôm|tuần|tháng|năm) (trước|nay|rồi)\b|\b(hôm kia|bữa kia|tuần rồi|tháng rồi|năm rồi|mấy hôm nay|mấy bữa nay|dạo này|gần đây|lâu nay|mấy tháng nay|từ hôm)\b",
        r"\b(hôm|bữa) (\w+ ){0,2}(chợ phiên|phiên chợ|đám giỗ|đám cưới|đám ma|đám tang|ăn giỗ|tiệc|liên hoan|lễ hội|hội làng)\b|\bđã (may|khâu|băng bó|bó bột|ổn|bình phục|lành|xuất viện)( \w+)? rồi\b",
        # already in a doctor's hands: "đang khâu ở bệnh viện", "đang nằm viện"
        r"\b(đang|đã|được) (khâu|băng bó|bó bột|nằm viện|điều trị|theo dõi) (\w+ ){0,2}(ở|tại|trong) (bệnh viện|viện|trạm y tế|phòng khám)\b|\bđang (nằm viện|được khâu|khâu vết thương)\b",
        # found on coming back: "đi học về thì cửa phòng bị cạy", "về tới nhà thì thấy mất xe"
        r"\b(về|đi về|về tới nhà|về đến nhà|về nhà|quay lại|quay về|đi làm về|đi học về|đi chợ về)( \w+){0,2} thì (thấy )?(\w+ ){0,3}(đã )?(bị|mất)\b",
        # a product bought and used that did harm: a complaint about the seller ("mua về dùng bị bỏng da")
        r"\bmua (\w+ ){0,3}(về )?(dùng|xài|bôi|thoa|sử dụng) (\w+ ){0,2}(thì )?bị\b",
        r"\b(xuất viện|đã đi viện|phải đi viện|đã khỏi|làm đơn|viết đơn|có quay (clip|video)|có clip|có biển số|ghi lại biển số|chứng kiến)\b",
        r"\b(không|chẳng|chưa) (chịu )?(nhận lỗi|xin lỗi|bồi thường|đền bù|chịu trách nhiệm)\b|\b(nhà|bên) (ấy|đó|nó|họ|kia) (không|chẳng|chưa) (nhận|chịu)\b",
    ],
)

# Someone overcome by gas down a biogas pit, a septic tank or a well (and those who went down after them): a
# rescue first, 114, whatever the body's words say.
_PIT_GAS = r"\b(xuống|dưới|trong) (\w+ )?(hầm biogas|hầm biogaz|hầm bioga|bể biogas|hầm cầu|bể phốt|hầm phân|hố phân|giếng|bể chứa|bồn chứa|hầm ủ|bể ngầm|cống ngầm|hầm rượu)\b.{0,60}\b(gọi không|không (thưa|trả lời|lên|thấy lên|động)|im (luôn|bặt|re)|ngất|xỉu|bất tỉnh|ngạt)|\bngạt (khí|hơi) (biogas|độc|ga|gas|hầm)\b|\b(hầm biogas|bể phốt|hầm cầu|hố phân|giếng|bể ngầm|cống ngầm)\b.{0,40}\b(đi |leo |trèo |thả dây )?xuống\b.{0,40}\b(không (thấy )?(lên|thưa|trả lời)|gọi không|im (luôn|bặt|re))"
PIT_GAS = Table("pit_gas", [_PIT_GAS])

# 114 — fire, explosion, drowning, people trapped, collapse, a fall into a well or drain.
# a child or someone locked inside a car or its boot (not "chìa khóa để trong xe"): a rescue, not a kidnapping
_LOCKED_IN_CAR = r"\b(bé|cháu|con|em bé|trẻ|đứa nhỏ|đứa bé|người)( \w+){0,4} bị (khóa|khoá|nhốt|kẹt) (\w+ )?(lại )?(trong|ở trong|bên trong) (ô tô|xe hơi|xe|cốp xe|cốp)\b"
FIRE_RESCUE = Table(
    "114",
    [
        # "cháy" folds onto "chạy" (run) and "chảy" (flow): without diacritics it needs fire around it
        (
            r"\b(?<!chữa )(?<!phòng )(?<!chống )(?<!cháy )(?<!báo )cháy\b(?! (nắng|túi|hàng|vé|phòng|nổ))",
            r"\b(dang|bi|bj) chay\b(?! (xe|bo|di|ve|ra|toi|qua|theo|mau|lang|vong|tron|thoat|nhanh|mat|len|xuong|ngang|doc|vao|o|may|viec|tien|hang|an|ngoai))|\b(boc chay|dam chay (lon|to|o|tai|bung|nha|rung|cho)|chay nha|nha (bi |dang )?chay|chay lon|chay rung|chay du doi|chay ngun|dang chay (lon|to|du)|chay (o |tai )?(cho|kho|xuong|chung cu|nha may|quan|tiem|day tro))\b|\bchay\b.*\b(lua|khoi)\b|\b(lua|khoi)\b.*\bchay\b",
        ),
        r"\b(bốc cháy|bốc lửa|hỏa hoạn|hoả hoạn|lửa (bốc|lan|cháy|to|lớn)|tóe lửa|toé lửa|bén lửa|khói (bốc|mù|nghi ngút|lên|xông)|bốc khói|ngạt khói)\b",
        r"\b(rò rỉ (gas|ga|khí)|rò (gas|ga)|xì (gas|ga)|mùi (gas|ga|khí gas))\b",
        r"\b(chết đuối|bị đuối(?! (việc|học|khỏi|ra|đi|về))|sắp chìm|bị chìm|bị lũ cuốn|nước cuốn|lũ cuốn|cuốn trôi|nước lũ|lũ (lên|dâng)|bị cô lập|nước ngập|vỡ đê|đê vỡ|vỡ đập|ngập (tới|đến|lút|ngang) (mái|nóc|cổ|đầu|ngực)|kẹt trên (mái|nóc|cây|gác)|nước lên nhanh|không xuống được|(ca nô|canô|thuyền|ghe|xuồng|đò|tàu|xe) (\w+ ){0,3}(bị )?(?<!suýt )(?<!xém )lật|bám (vào )?phao)\b",
        r"\b(không|chưa|hổng|chẳng) (thấy )?(ngoi|nổi) lên\b|\b(bị |đang )?(ngạt nước|sặc nước)\b",
        r"\b(nằm|chìm|úp mặt) (\w+ )?(dưới )?(đáy )?(hồ bơi|bể bơi|hồ|ao|sông|giếng|bể nước|mương)\b|\bđáy (hồ|ao|bể|sông|giếng)\b",
        marked_only(r"\b(chìm (mất|nghỉm|luôn|xuống)|đuối (sức|nước))\b"),
        marked_only(r"\bkhói\s*!|\bchuông báo cháy (\w+ )?(kêu|reo|réo|hú)|\bbáo cháy (kêu|reo|réo|hú)"),
        r"\b(stuck|trapped)\b.{0,20}\b(elevator|lift|thang máy)\b",
        marked_only(r"\blửa\s*!|\b(bốc|thấy|có) lửa (\w+ )?(to|lớn|cháy|bùng|ngùn ngụt|lan)\b"),
        marked_only(
            r"\b(đuối nước|chìm|đám cháy|(?<!chữa )(?<!phòng )(?<!chống )(?<!báo )cháy(?! (nắng|túi|hàng|vé|phòng|nổ))|(kẹt|mắc kẹt|nhốt) (\w+ ){0,2}thang máy)\b"
        ),
        r"\b(?<!y )(rơi|ngã|rớt|té|lọt|trượt chân|sụp)( chân)?( xuống)? (ao|sông|hồ|giếng|mương|kênh|suối|biển|hố|hầm|cống|hố ga|vực|hố móng)\b(?! chiếu)",
        r"\bthang máy\b.{0,30}\b(kẹt|mắc kẹt|không mở (được|ra)|bị nhốt)\b|\b(kẹt|nhốt) (\w+ ){0,3}thang máy\b",
        r"\b(mắc kẹt|bị kẹt|kẹt (lại )?trong|kẹt ở|kẹt cứng|không thoát (ra )?được|không ra được|chưa đưa ra được)\b",
        r"\b(sập nhà|nhà sập|bị sập|sập (giàn|tường|cầu|mái|công trình)|vùi lấp|bị vùi|vùi (nhà|người|lấp)|lao xuống (vực|sông|hồ|kênh|mương|suối|biển))\b",
        r"\b(lật (thuyền|ghe|xuồng|đò|tàu)|(thuyền|ghe|xuồng|đò|tàu) (bị )?lật|không biết bơi|bị cuốn)\b",
        # a boat turned over by the sea, people clinging to what floats
        r"\b(sóng|gió|lốc|bão) (\w+ )?(đánh )?(lật|chìm)\b|\bbám (vào |lấy )?(can nhựa|can|mạn thuyền|mạn|tấm ván|ván|khúc gỗ|thân cây|phao|thuyền)\b",
        # a fire seen from outside: its glow, smoke growing
        r"\bánh lửa (\w+ ){0,2}(hắt|phụt|bập bùng|lóe|loé|đỏ|rực)\b|\b(khói|lửa)( \w+)? (càng lúc càng|mỗi lúc một|ngày càng|càng ngày càng) (nhiều|to|lớn|dày|đậm|đen|cao)\b|\b(khói|lửa) (\w+ )?(phụt|hắt|tuôn|trào) ra\b",
        # a head, a hand, a child stuck in bars or a gap; told calmly, it "will not come out"
        r"\b(song sắt|chấn song|khe|lan can|lỗ|ống|hàng rào)( \w+){0,4} (giờ |vẫn |mãi )?(không|ko|chẳng) (rút|kéo|lôi|gỡ|lấy|đưa) (\w+ )?ra (được|nổi)\b",
        _LOCKED_IN_CAR,
        # a fire running down at houses, seen from afar: "lửa … đang chạy xuống phía nhà dân"
        r"\b(lửa|đám lửa|khói lửa)(,? \w+){0,5},? (đang )?(chạy|lan|tràn|bò|lấn|tiến) (\w+ )?(xuống|về|sang|tới|đến|gần) (phía|hướng|gần|sát)?\b",
        # with its folded twin only inside a place ("co lua o trong bep to lam"): "có lúa" is rice
        (
            r"\b(thấy|có) lửa (\w+ ){0,3}(to|lớn|bùng) (lắm|quá)\b",
            r"\b(thay|co) lua (o|trong|tu|ben) (\w+ ){0,3}(to|lon) (lam|qua)\b",
        ),
        r"\bkẹt (đầu|tay|chân|cổ|ngón tay|ngón chân|cả người) (\w+ )?(vào|trong|giữa|dưới)\b|\b(đầu|tay|chân|cổ) (\w+ )?(bị )?kẹt (vào|trong|giữa) (song|khe|lan can|cửa|chấn song)",
        r"\b(sóng|xoáy nước|dòng (chảy|nước)|triều) (\w+ )?(cuốn|kéo|đánh|hút) (\w+ ){0,2}(ra xa|ra khơi|đi|trôi|mất|xuống)\b",
        r"\b(kêu cứu|cầu cứu) (\w+ ){0,2}(dưới|trên|giữa|ngoài) (sông|hồ|nước|biển|ao|mái|cây|dòng)\b|\b(sắp|có nguy cơ|có thể) (sập|đổ sập|chìm|sạt lở|bị cuốn)\b",
        r"\b(khói( \w+)? (bốc|bay|tỏa|lên|mù|mịt|cuồn cuộn|nghi ngút|đầy)|khói (dày|đặc|mịt mù|cuồn cuộn)|nhiều khói|đầy khói|cột khói|mùi khét|khét lẹt|chập điện|nổ (điện|tủ điện|trạm biến áp)|tia lửa)\b",
        marked_only(r"\b(lửa (ngùn ngụt|bùng|cháy)|bùng cháy|cháy lan|cháy bùng|chập cháy)\b"),
        r"\b(gas|ga|khí ga|khí gas|bình ga|bình gas)\b.{0,30}\b(rò|rỉ|xì|hở|bốc mùi|mùi)\b|\brò rỉ\b.{0,20}\b(gas|ga|khí|hóa chất|xăng)\b|\b(rò rỉ|tràn|đổ) (hóa chất|xăng dầu|xăng(?! (xong|ở|tại|quay|cho xe|đầy|rồi|về))|axit|khí độc)\b|\bkhí độc\b",
        r"\b(chết đuối|bị đuối(?! (việc|học|khỏi|ra|đi|về))|bị chìm|chìm (nghỉm|xuống)|trôi (sông|theo dòng)|bị trôi|đang trôi|nước xiết|nước cuốn|lũ quét|lũ ống|sạt lở (đất )?(vùi|đè|lấp|sập|trúng)|(đất|núi) (sạt|lở) (vùi|đè|lấp|trúng)|sập (xuống|đổ|hầm|cầu thang|trần|giàn giáo|lò|mỏ)|(hầm|lò|mỏ|giếng|công trình|tường|cầu|giàn giáo|mái|trần|nhà) (\w+ )?(bị |đã )?sập|(còn|kẹt|mắc) (ở |bên )?(dưới|trong) (đống|hầm|lò|đất|bùn)|còn bên dưới|đổ sập|đổ ập|cây (đổ|gãy|ngã)|(?<!sôi )(?<!nóng )(?<!canh )(?<!dầu )đổ (đè|trúng|vào người)|đè (lên|trúng|bẹp) (người|xe|nhà)|bị đè|đè lên|kẹt (dưới|giữa|trong|ở)|mắc (kẹt|lại) (trong|dưới|trên)|kẹt thang máy|thang máy (bị )?kẹt|mắc kẹt|không ra ngoài được|bị kẹt|bị vùi|(ko|không|khong) ra (được|duoc) (cửa|ngoài)|ngã xuống (giếng|hố|ao|sông|cống|mương))\b",
        marked_only(
            r"\b(rơi|ngã|rớt|té|lọt|trượt|trượt chân|lao)\b.{0,25}\b(ao|sông|hồ|giếng|mương|kênh|suối|biển|hố|hầm|cống|hố ga|vực|hố móng|nước|dòng nước)\b(?! hập)"
        ),
        # a lift stopped between floors with people inside
        r"\bthang máy\b.{0,40}\b(dừng|đứng|treo|chết|tắt|kẹt) (lại )?(giữa|lưng chừng|ở giữa)\b|\bthang máy\b.{0,60}\b(có )?(\d+|mấy|vài|nhiều) (người|bé|trẻ|cháu) (ở )?(bên )?trong\b",
        # someone struggling in the water; a boat told at length before it capsized (not "suýt lật": it did not)
        ("\\bchới với\\b", "\\bchoi voi\\s*(giua|duoi|ngoai) (song|ho|bien|dong|nuoc)\\b"),
        r"\b(ghe|thuyền|xuồng|đò|ca nô|canô|sà lan)( \w+){0,8} (bị )?(?<!suýt )(?<!xém )(?<!suýt bị )lật\b",
        # gas escaping from a cylinder, told in that order ("khói trắng xì ra từ bình gas")
        r"\b(xì|rò|rỉ|phụt|thoát) (ra )?(\w+ ){0,2}(bình|ống|van|bếp) (gas|ga)\b",
        # a car in flood water up to its windows, people inside knocking
        r"\b(ngập|nước) (\w+ ){0,3}(tới|đến|lên|ngang|tràn) (cửa kính|kính xe|cửa xe|nóc xe|mui xe|nóc)\b",
        r"\b(nước|lũ) (\w+ )?(tràn|ngập|đổ|dâng) (vào|vô|xuống) (tầng hầm|hầm|nhà|gara)\b.{0,80}\b((còn|vẫn) (\w+ )?(ngồi |kẹt |ở )?(trong|bên trong)|(cửa|cửa xe) (\w+ )?không (mở|mở ra|ra) được|mắc kẹt)\b",
        r"\bnước (\w+ ){0,3}(đổ|tràn|chảy|dội|xối) (\w+ )?(xuống|vào|vô) (\w+ ){0,2}(như thác|ào ào|xối xả|cuồn cuộn)\b.{0,60}\b(nứt toác|nứt|sạt|lở|sập|nghiêng|đổ sập)\b",
        # overcome down a biogas pit, a septic tank, a well: a rescue (see PIT_GAS)
        _PIT_GAS,
        # flood water risen to the roof or the chest: "nước lên tới mái rồi, cả nhà ngồi trên nóc"
        r"\b(nước|lũ) (\w+ ){0,2}(lên|dâng|ngập) (\w+ ){0,2}(tới|đến|lút|ngang|gần|sát|qua) (mái|nóc|cổ|ngực|trần|cửa sổ|tầng (hai|2)|gác)\b(?! (chân|tay|hiên))",
        # fire spreading to the room's things: "lửa xanh lan lên rèm", "tia lửa bén sang nệm"
        r"\b(lửa|tia lửa)( \w+){0,3} (lan|bén|bắt|liếm|bùng) (từ (\w+ ){1,3})?(lên|sang|qua|vào|tới|ra) (\w+ )?(rèm|màn|nệm|tường|mái|trần|đồ|ghế|sofa|tủ|giường|vách|quần áo|chăn|gác|nhà|phòng|tầng|kho|xưởng)\b",
        # a fall into a ravine or a well, someone stuck on a ledge, told in English
        r"\b(fell|fallen|slipped) (in|into|down|off) (a |the )?(ravine|gorge|well|river|lake|pit|cliff|canal|hole|sea)\b|\b(stuck|trapped) (on|in|under) (a |the )?(ledge|cliff|rubble|roof|mud)\b",
        # a fire told in English
        r"\b(fire\s*(!|fire)|on fire|(house|building|apartment|kitchen|room|car|flat) (is )?(burning|on fire)|smoke (everywhere|coming (out|from)|in (the|my|our))|fire in (the|my|our|apartment|building|house|room|kitchen|flat)|flames)\b",
        # a hand, hair, a body caught in a rolling door or a machine
        r"\b(cửa cuốn|thang cuốn|băng chuyền|băng tải|máy (xay|ép|cán|trộn|cắt|tuốt|cày|khoan|nghiền)|dây (curoa|cu roa|xích)|trục (quay|cán)|bánh răng)( \w+){0,3} (kẹp|kẹt|cuốn|nghiến|cán|kéo|hút|cặp) (\w+ ){0,2}(tay|chân|đầu|tóc|ngón|người|áo|cả người)\b|\b(kẹt|kẹp|cuốn|nghiến) (\w+ ){0,2}(tay|chân|đầu|tóc|ngón tay|ngón chân)( \w+){0,3} (vào|trong|dưới) (cửa cuốn|thang cuốn|băng chuyền|máy|bánh răng|dây curoa)\b",
        # people trapped inside or under, counted: "3 người đào đá kẹt bên trong"
        r"\b(\d+|hai|ba|bốn|năm|mấy|nhiều|vài) (người|công nhân|thợ|cháu|học sinh|bé|nạn nhân)( \w+){0,3} (bị )?(kẹt|mắc kẹt|vùi|mắc lại|lấp) (lại )?(ở )?(bên )?(trong|dưới)\b|\bkẹt (lại )?(ở )?bên (trong|dưới)\b",
    ],
)
# Someone trapped inside banging on a door or a window: a rescue, not violence ("người trong xe đang đập cửa").
TRAPPED_KNOCKING = Table(
    "trapped_knocking",
    [
        r"\b(người|ai|bé|cháu|con|mấy người)( \w+)? (ở |kẹt |bị kẹt )?(bên )?trong (xe|ô tô|cabin|thang máy) (\w+ )?(đang )?(đập|gõ|đạp) (cửa|kính)\b",
        _LOCKED_IN_CAR,
    ],
)

# An explosion: 114, unless it is over and someone is hurt (then 115).
EXPLOSION = Table(
    "explosion",
    [
        r"\b(phát nổ|nổ tung|vừa nổ(?! ra)|bị nổ(?! (biết|bắt|đánh|phát hiện|nói|chửi|đuổi|trả thù|lừa|dọa|ghét|thấy|nhìn|theo|báo))|nổ bình|nổ lớn|nổ to|nổ rất to|tiếng nổ|nổ (gas|ga|lò|nồi hơi|xe|pin|kho|trạm)|(bình|lò|nồi|pin|kho|trạm|xe) (\w+ )?(phát )?nổ|đang nổ|nổ liên tục|nổ ầm|nổ đùng)\b",
        # a plant or a store blown up, named first ("nhà xưởng hóa chất khu công nghiệp nổ"); without diacritics
        # "no" is also "nợ" ("công ty nợ lương"): then smoke or fire must follow
        (
            r"\b(nhà xưởng|xưởng|nhà máy|kho|công ty|cây xăng|trạm xăng|bồn chứa|bể chứa|cơ sở|lò hơi|trạm biến áp)( \w+){0,6} (vừa |bị |đã )?(phát )?nổ\b(?! ra)",
            r"\b(nha xuong|xuong|nha may|kho|cong ty|cay xang|tram xang|bon chua|be chua|co so|lo hoi|tram bien ap)( \w+){0,6} (vua |bi |da )?(phat )?no( tung| lon| to| roi| ram| am)?\b.{0,40}\b(khoi|lua|chay|mui|sap)\b",
        ),
    ],
)
# Where fireworks are stored or made, a blast is one ("kho pháo hoa vừa nổ"), not fireworks let off.
BLAST_SITE = Table(
    "blast_site", [r"\b(kho|xưởng|cơ sở|điểm|hầm|nhà) (chứa |sản xuất |làm |tàng trữ |cất )?pháo\b"]
)

# 115 — unconscious, not breathing, seizure, stroke, heavy bleeding, poisoning, electrocution, badly hurt.
MEDICAL = Table(
    "115",
    [
        marked_only(
            r"\b(?<!tài )(?<!muốn )(?<!sợ gần )(?<!sợ suýt )xỉu\b"
        ),  # "sợ muốn xỉu", "nóng quá muốn xỉu": a feeling, not a faint
        r"\b(bất tỉnh|(?<!khóc )ngất|ngất xỉu|(?<!muốn )xỉu (ngang|luôn|rồi|đi)|hôn mê|không tỉnh|lịm đi|nằm lịm|lịm (người|dần)|bất động|nằm im|không cử động|gục xuống|ngã quỵ|lú lẫn|gọi không (trả lời|dậy|biết gì|tỉnh|thưa)|gọi mãi không (dậy|tỉnh))\b",
        r"\b(không thở|ngừng thở|ngưng thở|tắt thở|khó thở|thở dốc|thở yếu|thở rất yếu|thở khò khè|không còn thở|ngạt thở|tím tái)\b",
        r"\b(co giật|lên cơn|sùi bọt mép|đột quỵ|méo miệng|nói ngọng|đau tim|nhồi máu|ngừng tim|đau ngực)\b",
        (
            r"\b(chảy (rất )?(nhiều )?máu|ra (nhiều )?máu|mất (nhiều )?máu|máu chảy|bê bết máu|máu (me )?(đầy|nhiều))\b",
            r"\b(chay (rat )?(nhieu )?mau|ra (nhieu )?mau|mat (nhieu )?mau|mau chay|be bet mau)\b",
        ),
        r"\b(gãy (chân|tay|xương|cổ)|vỡ đầu|đập đầu|chấn thương (sọ|đầu)|dập nát|trọng thương|bị thương nặng|nguy kịch)\b",
        r"\b(tai nạn|đâm xe|tông xe|va chạm|bị xe (tông|đâm|cán))\b.*\b(bị thương|nằm|bất tỉnh|máu|gãy|nặng|nguy kịch|cấp cứu)\b",
        r"\b(điện giật|giật điện(?! thoại)|bị điện (giật|giựt))\b",
        r"\b(ngộ độc|sốc thuốc|sốc phản vệ|uống (nhầm|phải)|quá liều|(uống|nuốt|ăn|nhầm|phải)( \w+){0,3} thuốc (sâu|chuột|trừ sâu)|nước tẩy|rắn cắn|chó dại cắn|ong (vò vẽ |bắp cày )?đốt|phỏng rộp|bỏng nặng)\b",
        r"\b(sắp sinh|chuyển dạ|vỡ ối|đẻ rơi|sinh rơi|băng huyết)\b",
        r"\b(bỏng (nước sôi|nặng|cả người|toàn thân|hết)|hóc (xương|dị vật|đồng xu)|nuốt phải|mắc nghẹn|nghẹn thở|thở không được|không thở được|uống (cả |hết )?(lọ|vỉ|hộp|chai) thuốc|thuốc ngủ|cần (xe )?cứu thương|gọi (xe )?cứu thương)\b",
        r"\b(gọi (giúp |giùm )?(xe )?cấp cứu|cần cấp cứu|đi cấp cứu|gọi (giúp )?(xe )?(115|cứu thương))\b",
        r"\b(tai biến|nói không ra tiếng|liệt nửa người|nôn ói|nôn mửa|quằn quại|ăn phải nấm|ngộ độc thực phẩm|bỏng (nặng|hết|khắp)|phồng rộp)\b",
        r"\b(ngất lịm|(?<!muốn )xỉu (ngang|luôn|rồi)|lăn ra (bất tỉnh|ngất|bất động|sàn|đất)|ngã (lăn|gục|ra)|gục (ngã|xuống|tại chỗ)|nằm (bất động|im|sõng soài|gục|co quắp|giữa đường|dưới đường|bên đường|ra đất)|không (còn )?(tỉnh táo|phản ứng|nhúc nhích|cử động|động đậy|thở nổi|hở|nói được)|mắt trợn|trợn mắt|sùi bọt|bọt mép|giật (giật|liên hồi)|yếu (nửa người|tay chân|tay|chân)|méo (xệch|miệng|mồm)|miệng (méo|lệch)|nói (đớ|lắp|không rõ)|không cầm được|tê (tay|chân)|nằm mê|người lạnh (toát|ngắt)|lạnh toát|ói mửa|nôn (ra máu|liên tục)|nấm (rừng|độc|lạ)|nuốt (mất|phải|nhầm)|nuốt (\w+ ){0,2}(pin|đồng xu|dị vật|kim|thuốc)|xương (lòi|gãy)|lòi xương|cán (qua|lên) (chân|người|tay)|bị (xe )?cán|tê (nửa người|liệt)|(đau|tức) ngực|ôm ngực|lên cơn|cơn (đau tim|hen|suyễn|động kinh)|hen (suyễn|nặng)|khó thở|thở (gấp|khó|không nổi)|tím (tái|môi|người)|môi tím|sốt cao co giật|mê man)\b",
        r"\b(chảy máu|máu (chảy|ra|phun|me)|ra máu|băng huyết|đứt (tay|chân|động mạch|lìa)|vết thương (sâu|lớn|nặng|hở)|gãy (\w+ )?(chân|tay|xương|cổ|lưng|sườn)|trật (khớp|cổ)|chấn thương|dập (đầu|người)|đập (đầu|mặt)|va (đầu|mạnh)|ngã (cầu thang|từ (trên|cao|lầu|tầng|mái|cây|cột|giàn)|xuống|đập)|té (cầu thang|từ (trên|cao|lầu|tầng|mái|cây|cột|giàn)|xuống|đập|ngã)|bị thương|thương tích nặng|điện giật|giật điện(?! thoại)|rắn (độc )?cắn|bị rắn|chó cắn|ong (\w+ ){0,2}(đốt|chích)|ngộ độc|trúng độc|say nắng|sốc nhiệt|say (nặng|bất tỉnh)|uống (nhầm|phải|cả|hết|nguyên)|nuốt (nhầm|phải)|dị ứng nặng|sưng (phù|họng|vù)|sinh non|đẻ non|sắp đẻ|sắp sinh)\b",
        marked_only(r"\bđau đẻ\b"),
        marked_only(r"\b(lả (đi|người)|lơ mơ)\b"),  # "la nguoi" is "là người", "lo mo" is "lò mổ"
        marked_only(r"\bmắc (ở )?(cổ|họng)\b"),
        r"\b(tím ngắt|(mặt|môi) (tím|tái) (ngắt|đen|lại|dần))\b",
        # low sugar, a stroke: cold sweat, words mixed up, cannot stand
        r"\b(vã (mồ hôi|mồ hôi lạnh) (lạnh|như tắm|đầm đìa|ướt)|vã mồ hôi lạnh|nói (lẫn lộn|líu lưỡi|lắp bắp|ú ớ)|(không|chẳng|ko|hổng) (đứng|ngồi) (dậy |vững )?(được|nổi)|đứng không (vững|nổi))\b",
        r"\b(bò cạp|rết|ong|kiến ba khoang|sứa)( \w+){0,2} (chích|đốt|cắn)\b.{0,40}\b(thở|tím|sưng|ngất|xỉu|co giật|tim)\b|\btim đập (loạn|nhanh|thình thịch|mạnh)( xạ)?\b",
        r"\b(nói lảm nhảm|nói nhảm|nói lung tung|không (còn )?nhận ra (ai|người nhà|tôi|em|con|cháu|vợ|chồng)|hạ đường huyết|tụt đường huyết|tụt huyết áp)\b|\b(ngã|té|gục|xỉu|lăn ra)\b.{0,15}\b(không|ko|chẳng) (gọi|lay) (được|dậy|tỉnh)\b",
        r"\brơi từ (tầng|trên|lầu|mái|giàn|cao|cây|cột)\b",
        # found lying down and not answering, said calmly: "bà đang nằm dưới sàn bếp, bà không nói"
        r"\bnằm (\w+ ){0,2}(dưới|trên|giữa|ra) (đất|sàn|nền)\b.{0,40}\b(không|ko|chẳng|hổng) (nói|trả lời|thưa|động đậy|cựa|dậy)( gì| được| nữa)?\s*([,.;]|$)",
        # a limb bent the wrong way; a child choking, no sound coming out
        r"\b(chân|tay|cổ|cẳng chân|cánh tay) (\w+ )?(gập|gãy|vặn|quặt|cong) (sai|ngược) (hướng|chiều)\b",
        r"\b(ho|khóc|kêu) (không|ko|chẳng) ra (tiếng|hơi)\b|\bsặc (\w+ )?(hạt|xương|kẹo|thạch|viên|đồ chơi|đồng xu)\b",
        r"\bthở (hổn hển|gấp|dốc|hắt)\b.{0,40}\b((môi|mặt|da) (tái|tím|xanh)|bệnh tim|đau (ngực|tim)|vã mồ hôi)\b|\b((môi|mặt) (tái|tím)|đau ngực)\b.{0,40}\bthở (hổn hển|gấp|dốc|hắt)\b",
        r"\bnói (câu được câu mất|không (rõ|thành) (lời|câu|tiếng))\b|\b(tay|chân)( phải| trái)? (không|hổng|ko) (cầm|nhấc|giơ|cử động)( \w+){0,3} (nổi|được)\b",
        r"\b(dây điện|điện)\b.{0,80}\bbị (giật|giựt) (nằm|ngã|té|bất tỉnh|xỉu|văng|ngất|chết)\b",
        r"\b(ngã|té|gục|nằm|lăn ra|xỉu)( \w+){0,5} (không|ko|chẳng|hổng|chả) (đứng |ngồi |tự )?dậy (được|nổi)\b|\b(không|ko|chẳng) (gọi|lay|đánh thức) (\w+ )?(dậy|tỉnh) (được|nổi)\b|\b(gọi|lay) (mãi|hoài|mấy|cách mấy) (\w+ )?(cũng )?(không|ko|chẳng|hổng) (dậy|tỉnh)\b",
        r"\b(đứt|cụt|dập) (lìa )?(ngón|bàn tay|bàn chân|cánh tay)\b|\bsay (bí tỉnh|mèm) (\w+ ){0,3}(không|ko) (tỉnh|dậy)\b",
        marked_only(r"\b(thuốc tẩy|nước tẩy)\b"),
        r"\b(rắn( \w+){0,2} (cắn|mổ)|bị rắn|sưng tím|tím bầm)\b",
        marked_only(r"\b(bỏng|phỏng|hóc|nghẹn)\b"),
        marked_only(
            r"\b(mắc (ở )?(cổ|họng)|(mặt|môi) (tím|tái) ngắt|tím ngắt)\b"
        ),  # "mac co" is also "mắc cỡ"
        r"\b(tai nạn|tông|va chạm|lật xe|ngã xe|té xe|bị xe|xe (đâm|tông|cán|lật))\b.{0,60}\b(nằm|bất tỉnh|bất động|chảy máu|máu|gãy|bị thương|nặng|nguy kịch|cấp cứu|không dậy|không tỉnh|kẹt|mê man)\b",
        r"\b((gọi|kêu|cần|đưa đi|chở đi) (xe )?(cấp cứu|cứu thương)|đưa đi viện gấp|đi viện gấp|bác sĩ (tới|đến) (ngay|gấp))\b",
        # stabbed or slashed in the body: "bị thằng cướp đâm vô bụng"
        r"\b(đâm|chém)( \w+){0,2} (vào |vô |trúng )(bụng|ngực|lưng|cổ|đùi|sườn|mạn sườn|bả vai)\b|\bbị (đâm|chém) (\w+ )?(bụng|ngực|lưng|cổ|đùi|sườn)\b",
        # a household poison swallowed: "con 2 tuổi uống nửa chai dầu hỏa" (not "xe ăn xăng")
        r"\b(uống|nuốt|liếm|tu)( \w+){0,4} (dầu hỏa|dầu hoả|dầu lửa|dầu nhớt|nước tẩy|thuốc tẩy|javel|gia ven|nước rửa (chén|bát|bồn cầu|kính)|axit|thuốc (diệt|trừ) (chuột|sâu|cỏ|kiến|gián|muỗi)|thuốc chuột|thuốc sâu|cồn|hóa chất|long não|băng phiến)\b|\b(ăn|nuốt) (\w+ )?(pin (cúc|nút|đồng xu)|long não|băng phiến)\b",
        # a diabetic's sugar fallen; drowsy and not answering
        r"\b(đường huyết|đường máu)( \w+){0,2} (tụt|hạ|xuống thấp|thấp quá)\b|\btụt (đường|đường huyết|đường máu)\b|\b(lơ mơ|lờ đờ|mơ màng|mê man),?( \w+){0,2} (không|ko|chẳng|hổng) (trả lời|nói|biết gì|nhận ra|phản ứng)\b",
        # an overdose, a collapse, shaking, told in English
        r"\b(overdos(e|ed|ing)|(fell|collapsed|passed out|fainted)( down)? (on|to) (the )?(floor|ground)|passed out|collapsed|convuls(ing|ions?)|foaming (at|from) (the )?mouth|shaking (all over|badly|uncontrollably)|(is|he's|she's|keeps) (shaking|vomiting|not moving))\b",
        # written in English by a foreigner or someone abroad
        r"\b(unconscious|not breathing|(doesn'?t|does not|won'?t|can'?t|cannot) (wake up|breathe)|bleeding (a lot|heavily|badly)|blood (behind|on|from|all over|everywhere)|heart attack|seizure|fell (down )?(from|off) (the )?(stairs|roof|tree|ladder))\b",
    ],
)

# Something being done to someone or something as it is told ("đang bị đánh", "vừa cạy cửa").
_DONE_NOW = r"\b(đang|vừa|mới) (bị (\w+ ){0,4})?(đánh|chém|đâm|đập|bắn|cướp|giật (đồ|túi|ví|bóp|điện thoại|dây chuyền|giỏ|giỏ xách|túi xách|xe)|(?<!chặt )(?<!cưa )(?<!hút )(?<!săn )trộm|cạy|phá|đuổi|rượt|ném|đốt|vây|hành hung|bắt|trói|dọa|đe dọa|khống chế|ép(?! tim| ngực)|cưỡng|sàm sỡ|hiếp|gỡ|leo|trèo|đột nhập|lục|khuân|lấy|dắt|bê|khiêng|mở khóa|bẻ khóa|chặn|giữ|kéo|lôi|vây)\b"


# 113 — violence in progress, weapons, robbery or burglary now, kidnapping, threats of suicide or to kill.
def _without_stroll(pattern: str) -> tuple[str, str]:
    """A weapon pattern whose folded twin reads "di dao" only with a target ("di dao vao co", not "di dao pho")."""
    folded = _fold_pattern(pattern).replace("|di|", "|")
    return pattern, folded + r"|\bdi (cai |con )?dao (vao|vo|sat|len|ke|doa)\b"


# someone on an edge who says they will jump: "ngồi ngoài lan can sân thượng, nói ai lại gần sẽ nhảy"
_EDGE_JUMP = r"\b(lan can|sân thượng|mái nhà|nóc nhà|thành cầu|cửa sổ|ban công|bờ tường)\b.{0,80}\b(sẽ|định|đòi|dọa|doạ|muốn|sắp) (\w+ ){0,2}nhảy\b(?! (dây|múa|nhót|đầm|cao|xa|lò cò|hip hop))"
POLICE = Table(
    "113",
    [
        _EDGE_JUMP,
        # a beating heard through the wall: a person screaming, a fight's thuds (not karaoke, not a wall knocked
        # down: "tiếng hét inh ỏi", "tiếng đập tường"; without diacritics "het" is also "hết")
        r"\btiếng (người|đàn bà|phụ nữ|con gái|con trai|chị|cô|bà|vợ|mẹ|trẻ|trẻ con|con nít|em bé|bé|ai|đứa nhỏ|con|thằng bé|con bé)( \w+)? (hét|la hét|thét|gào|gào thét|kêu la|khóc thét|van xin|rên)\b|\btiếng (huỳnh huỵch|uỳnh uỵch|đấm đá|đánh nhau)\b",
        # a door beaten or forced by someone outside, an order to open it
        r"\b(gõ|đập|đạp|phá|xô|tông|húc|đá) (\w+ )?cửa (\w+ ){0,2}(rầm rầm|ầm ầm|rất mạnh|thật mạnh|liên tục|thình thịch|đòi vào)\b|\b(bắt|đòi|ép|quát) (\w+ ){0,2}mở cửa\b|\b(đập|đạp|phá|bẻ|cạy) (\w+ )?cửa (nhà|phòng|buồng)\b",
        # followed: "tôi đang bị theo dõi", "một xe theo tôi từ chợ về tới nhà" (not a patient watched over)
        rf"\b(?<!của )(?<!cua ){ME} (đang )?bị (\w+ ){{0,3}}(theo dõi|bám theo|bám đuôi|đeo bám|rình rập|đi theo|chạy theo)\b(?! (sức khỏe|sức khoẻ|bệnh|sốt|huyết áp|tim|thai|tại|ở (bệnh )?viện|trên mạng|qua mạng|online|trên (facebook|fb|zalo|tiktok)))|\btheo {ME} (từ|suốt|về tới|về đến|tới tận|đến tận)\b",
        # a break-in or a fight watched as it happens: "đang có đứa nó đập kính ô tô lấy đồ"
        r"\b(đang|vừa|mới) có (\w+ ){1,4}(đập (vỡ )?(kính|cửa|phá)|cạy|phá (cửa|khóa|khoá|két)|bẻ (khóa|khoá)|trộm|lấy (đồ|trộm|xe)|khuân|trèo|leo (vào|rào|tường)|đánh|chém|đâm|cướp|giật)\b|\bđập (vỡ )?kính (xe|ô tô|oto|xe hơi|cửa)\b",
        # long blades named otherwise (without diacritics "giao", "mac", "con" are other words)
        marked_only(
            r"\b(cầm|vác|vung|xách|rút|múa) (theo )?(cây |cái |con )?(mác|giáo|lưỡi lê|đao|côn|côn nhị khúc)\b(?! (án|trình|viên|khoa|dục|sư|lý|xứ|phái|hội|hàng|hiệu))"
        ),
        r"\b(đi theo|bám theo|rình rập|theo dõi|theo sau) (em|tôi|tui|mình|cháu|con|chị|bé)\b",
        r"\b(lạ|lạ mặt|lạ hoắc|say rượu) (\w+ )?(theo|đi theo|bám theo|bám) (em|tôi|tui|mình|cháu|con|chị|bé)\b",
        # cars tried door by door, a wheel or a mirror taken off by strangers, while the citizen watches
        r"\b(thử|lần lượt) (mở|giật|kéo|bẻ|cạy) (\w+ )?(cửa|tay nắm|khóa|khoá) (từng|các|mấy|hết) (\w+ )?(xe|ô tô|chiếc|nhà|phòng)\b|\b(thằng|đứa|gã|tên|kẻ|người lạ|thanh niên)( \w+){0,2} (đang )?(tháo|vặt|cạy|bẻ) (trộm )?(bánh|lốp|gương|biển số|logo|ắc quy|bình ắc quy) (\w+ )?(xe|ô tô|xe hơi|oto)\b",
        # a lock being cut, a door forced, while the citizen watches
        r"\bđang (\w+ ){0,3}(cắt|bẻ|phá|cạy|vặn|đục|bẻ gãy) (ổ )?(khóa|khoá|cửa|cốp|két)\b",
        marked_only(r"\bđâm (người|chết|trọng thương|nhau|túi bụi)\b"),
        # without diacritics "di dao" is "đi dạo" (a stroll) far more often than "dí dao": pointed needs its target
        _without_stroll(
            r"\b(cầm|vác|mang|rút|kề|dí|chĩa|dùng|ôm|xách) (theo )?(cái |can |chai |lọ |cây |khẩu |con )?(dao|súng|mã tấu|kiếm|rựa|gậy|hung khí|vũ khí|lựu đạn|mìn|bom|xăng|can xăng|axit)\b"
        ),
        r"\b(bắt cóc|bắt đi mất|bắt nhốt|bị bắt giữ|đòi tiền chuộc|tiền chuộc|khống chế(?! bạt)|bắt làm con tin|con tin)\b",
        r"\b(dọa|đe dọa|doạ|đe doạ|đòi|định) (giết|chém|đâm|tạt axit|đốt|bắn|nhảy(?! (dây|múa|nhót|đầm|cao|xa|lò cò)))\b",
        r"\b(tự tử|tự sát|tự vẫn|"
        + _MOOD
        + r"muốn chết|không muốn sống|quyên sinh|treo cổ|cắt tay|nhảy (cầu|lầu|sông|xuống))\b",
        r"\b(hỗn chiến|đuổi chém|truy sát|đánh hội đồng|ẩu đả|đâm chém|xô xát|đánh nhau|đập phá|hành hung|đánh (vợ|chồng|con|người|mẹ|bố|ba))\b",
        r"\b(bị (chém|bắn|đâm trọng thương)|bị trộm|có trộm|trộm (vào|đột nhập)|đột nhập|cạy cửa|trèo (tường|rào|vào)|phá cửa|cướp|giật đồ|giật túi)\b",
        r"\b(bắt|kéo|lôi|bế|ẵm|dụ|chở) (một |1 |hai |2 |mấy |cái )?(con|cháu|bé|em|vợ|người|đứa|thằng|con gái|con trai|chị|mẹ)( \w+){0,2} (lên|đi|vào) (xe|ô tô|taxi|rừng)\b(?! (đạp|đẩy|nôi)\b)(?!( \w+){0,3} (đi )?(học|chơi|về quê|đi làm|khám|tiêm|chợ)\b)",
        (  # without diacritics "dang ban" is as often "đang bán" (selling): shooting needs its target
            _DONE_NOW,
            _fold_pattern(_DONE_NOW).replace("|ban|", "|ban (nguoi|nhau|sung|chet|loan)|"),
        ),
        # signs of a break-in: with "đang"/"vừa" (PRESENT) it is happening, told afterwards it is a report
        r"\b(cửa|ổ khóa|khóa cửa|song sắt|két sắt) (\w+ ){0,3}(bị )?(cắt|cạy|phá|bẻ|khoét|đục)\b|\btiếng (kính vỡ|vỡ kính|đập cửa|cạy cửa|phá cửa|phá khóa)\b",
        r"\b(trộm|kẻ trộm|kẻ gian|người lạ|thằng lạ|chú lạ|ông lạ) (đang|còn|vẫn|trèo|leo|lẻn|đột nhập|cạy|phá)\b",
        r"\btiếng (đánh đập|la hét|kêu cứu|cầu cứu|súng|đập phá)\b",
        r"\b(vây (đánh|chém|đâm|bắt)|xông (vào|tới)|lao vào (đánh|chém|đâm)|xúm vào đánh|đánh (tới tấp|túi bụi|dã man|hội đồng|chết)|chém (người|nhau|chết|loạn)|bắn (người|nhau|chết|súng)|tiếng súng|súng nổ|nổ súng|có súng|cầm súng|cầm dao|cầm mã tấu|cầm hung khí|vung dao|múa dao|dí dao|kề dao|rượt đuổi|đuổi đánh|đập phá|phá nhà|ném (đá|gạch|chai|bom xăng)|đốt nhà|cướp (xe|tiền|giật|của)|giật (dây chuyền|điện thoại|túi|ví)|ăn cướp|cướp giật)\b",
        r"\b(cưỡng hiếp|hiếp dâm|giở trò đồi bại|bắt ép|giam (giữ|lỏng)|nhốt (con|vợ|người|tôi|em)|bị (nhốt|giam|bắt giữ|bắt ép|khống chế|đe dọa|dọa giết|truy đuổi|bám đuôi))\b",
        r"\b(cầm|lấy|dùng|vác|vung) (cục |viên |cái |cây |mảnh |vỏ )?(gạch|gậy|ghế|chai|búa|tuýp|điếu cày|ly|cốc|mảnh chai|cây sắt|ống sắt)( \w+){0,2} (đập|đánh|phang|chọi|ném|quật|chém|đâm)\b",
        r"\b(uống thuốc (ngủ|chuột|sâu)|uống thuốc (tự tử|để chết)|rạch tay|cứa cổ|treo cổ|định (tự tử|chết|nhảy(?! (dây|múa|nhót|đầm|cao|xa|lò cò))|uống)|đòi (chết|nhảy(?! (dây|múa|nhót|đầm|cao|xa|lò cò))|tự tử)|"
        + _MOOD
        + r"muốn (tự tử|chết|tự sát)|đứng (trên|ở) (cầu|mái|sân thượng|lan can|tầng)|leo (lên )?(cầu(?! thang)|mái|sân thượng|lan can)|nhảy (cầu|lầu|sông|xuống|từ))\b",
    ],
)

# A question *about* emergencies (which number, what to do if…): a procedure, unless something is happening.
EMERGENCY_QUESTION = Table(
    "emergency_question",
    [
        r"\b(gọi|liên hệ|báo) (số|đầu số) (nào|mấy|gì)\b|\bsố (nào|mấy|gì)\b|\b(113|114|115) (là|có) ",
        (  # without diacritics "lo" is also "lở" (sạt lở) or a place name
            r"\b(?<!sau )(?<!trước )(?<!từ )(?<!ngay )(khi|nếu|lỡ|giả sử|trường hợp)\b",
            r"\b(?<!sau )(?<!truoc )(?<!tu )(?<!ngay )(khi|neu|gia su|truong hop)\b",
        ),
        r"\b(kỹ năng|cách (thoát|xử lý|sơ cứu|phòng|chữa)|hướng dẫn|kiến thức|diễn tập|huấn luyện|tập huấn|thủ tục|giấy phép|nghiệm thu|thẩm duyệt|chứng nhận|hồ sơ|bôi gì|uống gì|thuốc gì)\b",
        marked_only(r"\bmẹo\b"),  # "meo" is also "méo" (méo miệng)
        r"\b(bôi|thoa|uống|đắp|chườm|xoa|ăn|kiêng) (\w+ ){0,2}(gì|j)\b|\b(là|bị) bệnh gì\b|\bphục hồi (thế nào|sao|ra sao|được không)\b",
        # advice asked of a case in general ("trẻ sốt cao co giật thì nên làm gì trước khi đưa đi viện"), a folk
        # remedy ("hóc xương cá thì nuốt cơm có hết không"), first aid to learn ("học hô hấp nhân tạo ở đâu")
        r"\bthì (nên|phải|cần) (làm gì|làm sao|xử lý|xử trí|làm thế nào)\b|\bnên làm gì (trước|khi|để)\b|\bthì (\w+ ){1,4}có (hết|khỏi|đỡ|bớt|trôi|tốt) (không|ko|hông|k|hem)\b",
        r"\b(học|khóa học|lớp|dạy|cách) (\w+ ){0,2}(hô hấp nhân tạo|hồi sức tim phổi|cpr|ép tim|sơ cấp cứu)\b|\b(hô hấp nhân tạo|hồi sức tim phổi|cpr|ép tim|sơ cấp cứu)\b.{0,40}\b(học|khóa học|lớp|dạy)\b",
        r"\b(sơ cứu|dấu hiệu|biểu hiện|bài thuốc|bệnh viện nào|phòng khám nào|ở đâu (chữa|trị|khám)|(chữa|trị|khám) (\w+ ){0,3}(tốt|giỏi|uy tín)|phòng (tránh|ngừa)|dấu hiệu (nhận biết|sớm|của)|triệu chứng|nguyên nhân|xử trí (thế nào|ra sao|sao))\b",
    ],
)

CATEGORY_PATTERNS: dict[str, Sequence[Pattern]] = {
    "ma_tuy": [
        marked_only(r"\b(rao bán|bán|mua) (cần|kẹo|cỏ)( vs| với| và|,|$)"),
        r"\b(ma túy|ma tuý|matuy|hàng trắng|hêrôin|heroin|thuốc lắc|ketamin|kẹo lạ|kẹo lắc|nước vui|bay lắc|bay phòng|ngáo đá|nghiện|ổ nghiện|con nghiện|dân nghiện|chích hút|tiêm chích|hút chích|kim tiêm|bóng cười|cần sa|cỏ mỹ|ống hút thủy tinh|chơi đá|hút đá|xào ke|chất cấm|thuốc lá điện tử|vape|pod có chất|giấy bạc|đờ đẫn|drug|drugs|tụ điểm)\b",
        r"\b(hút|chích|sử dụng|bán|buôn|mua bán|tàng trữ|vận chuyển|giao) (ma túy|ma tuý|đá|heroin|hàng|thuốc lắc|ke|bóng cười|cần sa)\b",
        r"\b(ma tuy|hút (chích|đá|cỏ|bồ đà|thuốc phiện|heroin|hàng)|chích (choác|hút)|thuốc phiện|bồ đà|nghiện (ngập|hút|ma túy|đá)|phê (pha|thuốc|cỏ|đá)|bay (lắc|phòng|cỏ)|đập đá|ngáo|hàng (đá|trắng|cấm)|bán (hàng|thuốc|kẹo) (trắng|lắc|lạ|cấm)|cắm (kim|tiêm)|nước vui|nước lạ|tem giấy|bùa lưỡi|cỏ mỹ|shisha|ma túy đá|tiệc (ma túy|bay|lắc))\b",
        marked_only(r"\b(hút cỏ|cỏ khô|bán cỏ|chơi cỏ)\b"),
        r"\b(nấu|luyện|chế|điều chế) (đá|ma túy|ma tuý|hàng đá|ke|thuốc lắc)\b",
        # the dealer's kit found: packets of white powder, a pocket scale
        r"\b(gói|túi|bịch|tép) (bột|bột màu) (trắng|lạ)\b|\bcân tiểu ly\b",
        r"\b(chất kích thích|chích (cái |thứ )?(gì|gì đó|thuốc)?( \w+){0,2} (vô|vào) (tay|người|ven|mạch)|viên (lạ|màu (hồng|xanh|tím)))\b",
    ],
    "co_bac": [
        r"\b(đánh bạc|cờ bạc|bài bạc|chiếu bạc|sới bạc|sòng bạc|sòng bài|sát phạt|ăn tiền|xóc đĩa|xóc đía|tài xỉu|lô đề|số đề|đánh đề|đánh lô|ghi đề|ghi lô|bán đề|cá độ|cá cược|ghi kèo|đá gà|chọi gà|bầu cua|tá lả|binh xập xám|casino|game bài|nhà cái)\b",
        r"\b(đánh bài|chơi bài ăn tiền|đánh (phỏm|tiến lên|sâm|xì dách|xì lát|bi-a ăn tiền|bida ăn tiền)|bán (lô|đề|số đề|vé số lậu)|ghi (số|lô|đề)|xổ số (lậu|online)|game (bài|đổi thưởng)|đổi thưởng|nổ hũ|bắn cá (ăn tiền|đổi thưởng)|casino online|cá độ|cá cược|cờ bạc|sát phạt|xóc (dĩa|đĩa)|đá gà (ăn tiền|cựa sắt)|gà (cựa|đá ăn tiền)|app (cá độ|đánh bài|cờ bạc)|web (cá độ|cờ bạc)|lô đề online)\b",
        marked_only(
            r"\b(?<!a )(?<!hê )(?<!hế )(?<!hí )(?<!hi )(?<!hé )(lô|đề)\b(?! (xuất|nghị|tài|cương|án|bài|thi|cập|ra|đất|hàng|nghị|cử|tên|cao|án|kiểm tra|thi|văn|toán|ôn))"
        ),
        marked_only(r"\bsòng\b"),  # bare "song" is "sông" (river) or "song sắt" (bars)
        r"\b(gambling|betting|bookie|slot machines?)\b",
        r"\b(poker|đặt tiền (\w+ ){0,4}(bóng đá|cá|kèo|trận|web|trang|app|nhà cái)|(web|trang|app) (\w+ ){0,2}(bóng đá|cá cược|đánh bài))\b",
    ],
    "trom_cap": [
        # the thing first, then its loss ("xe máy để trước cửa bị mất"), not a paper of the thing (a procedure)
        r"\b(?<!ký )(?<!giấy )(?<!vẹt )(?<!số )(xe máy|xe đạp|xe điện|ô tô|điện thoại|laptop|máy tính|ví|bóp|dây chuyền|nhẫn vàng|két sắt|tiền mặt)( \w+){0,5} (bị|đã bị) (mất|lấy mất|trộm|lấy trộm|lấy)\b(?! (giấy|đăng ký|cà vẹt|biển))",
        r"\b(trộm(?! vía)|ăn trộm|ăn cắp|lấy cắp|lấy trộm|trộm cắp|móc túi|móc ví|đột nhập|bẻ khóa|bẻ khoá|phá khóa|cạy cửa|cắt khóa|(?<!co )(?<!điện )giật(?! (mình|điện(?! thoại)|nảy|lag|lác|giật|liên hồi))|cướp giật|chôm|thó|mất trộm|stolen|cầm đồ|xe trộm|tiêu thụ (đồ|xe) (gian|trộm))\b",
        r"\b(lấy (mất|trộm|cắp|đi mất|luôn)|bị lấy( mất)?|cạy (cốp|két|tủ|khóa|khoá|cửa|ổ)|bị móc|móc (mất|trộm|luôn)|bẻ (khóa|khoá|cổ)|đánh cắp|chôm chỉa|đạo chích|trộm chó|bắt trộm|câu trộm|kẻ gian|bị (cuỗm|khoắng|chôm|thó)|cuỗm|khoắng|tháo trộm|tháo (mất|trộm) (gương|bánh|pin|bình)|hút trộm|mất (cắp|trộm))\b",
        r"\b(lấy|dắt|khiêng|khuân|ôm|cướp)( mất| đi| luôn)?( cái| chiếc| con| mấy| hết| của)? (xe|xe máy|xe đạp|điện thoại|đt|ví|bóp|tiền|vàng|dây chuyền|laptop|máy tính|đồ|tài sản|gà|chó|bò|heo|lợn|trâu|vịt|ti vi|tivi|tủ lạnh|máy giặt|đồ đạc|két sắt)\b",
        r"\b(bị|đã bị) mất (trộm )?(cả |hết |mấy )?(\w+ ){0,2}(sắt|thép|dây điện|cáp điện|vật tư|vật liệu|đồ nghề|tôn|máy móc|máy bơm)\b|\b(bắt chó|bắt trộm chó|cẩu tặc)\b",
        r"\b(bị|đã bị) mất (cái |chiếc |con |mấy |hết )?(xe|xe máy|xe đạp|điện thoại|ví|bóp|tiền|vàng|laptop|máy tính|gà|chó|bò|heo|lợn|trâu)\b",
        r"\b(biển thủ|tham ô|chiếm dụng|ăn chặn|rút (trộm )?tiền (két|quỹ)|tiền (két|quỹ)|thiếu (khoảng |mất )?\d+ ?(triệu|tr|củ)|hụt (tiền|quỹ|két))\b",
    ],
    "lua_dao": [
        r"\b(nhận|lấy|cầm|thu) (tiền )?cọc (rồi |xong )?(chặn|block|lặn|bỏ trốn|biến|trốn)\b|\b(rồi|xong) (chặn|block) (luôn|mất|liên lạc|số|zalo|fb|facebook)\b",
        r"\b(lấy|dùng|mượn|sử dụng) (tên|thông tin|căn cước|cccd|cmnd|ảnh|giấy tờ) (của )?(tôi|em|tui|mình|bố|mẹ|con|cháu)\b( \w+){0,4} (đăng ký|vay|mở|lập|làm|mua)\b",
        r"\b(bơm (nước|tạp chất|thuốc|chất)|hàn the|chất tăng trọng|tẩy trắng (thịt|lòng|măng)|thịt (heo|lợn|bò|gà) (bơm|ôi|bẩn)|phẩm màu (độc|cấm|công nghiệp))\b",
        marked_only(r"\blừa\b"),  # "lua" is as often "lúa" (rice) or "lụa": bare, only with diacritics
        r"\b(lừa đảo|lừa gạt|lừa (tiền|mất|chuyển|tôi|em|mình|người)|bị lừa|chiếm đoạt|giả danh|mạo danh|giả mạo|tự xưng|làm giả|sàn ảo|việc nhẹ lương cao|làm nhiệm vụ|nạp tiền|đa cấp|tiền ảo|app vay|link lạ|hack|chiếm tài khoản|scam|vỡ hụi|giật hụi|chủ hụi|ôm tiền|bỏ trốn|bỏ trốn|giá cắt cổ|chữa bách bệnh|đặt cọc|lấy tiền cọc|tiền cọc)\b",
        r"\b(chặn (liên lạc|zalo|facebook|fb|số|sđt|hết|luôn|tôi|em|mình)|block|bùng (tiền|hàng|nợ|luôn)|quỵt|ăn quỵt|không (giao|trả) (hàng|tiền|lại)|mất trắng|gian lận|ăn gian|cân điêu|cân thiếu|đong thiếu|vàng non tuổi|bơm thiếu|lường gạt|gạt tiền|dụ (nạp|chuyển|đầu tư|góp|mua)|đầu tư (tiền ảo|sàn|forex|chứng khoán ảo)|lãi khủng|giả làm|đóng giả|bị hack|hack (nick|facebook|fb|zalo|tài khoản)|mượn tiền|thực phẩm chức năng|mua hàng online|chuyển khoản (\w+ ){0,4}(mất|không|bị|xong)|tài khoản lạ|mã otp|otp|lừa đảo|lừa tiền|cho vay (qua )?app|sàn (ảo|forex|đầu tư)|tuyển (ctv|cộng tác viên) online)\b",
        r"\b(xưng là|tự xưng|biến mất|mất hút|lặn mất|không giải ngân|đóng phí|thu phí|phí (bảo hiểm|hồ sơ|giải ngân|kích hoạt)|rửa tiền|tài khoản (tạm giữ|an toàn)|mượn (danh|tên|danh nghĩa) (công an|cán bộ|cảnh sát|ngân hàng|nhà nước|cơ quan)|(vào|tới) (số )?(tk|tài khoản) (cá nhân|riêng)|chuyển (\d+ ?(triệu|tr|củ|nghìn|k)|hết tiền|mất)|giả (làm )?(công an|cán bộ|nhân viên|shipper|ngân hàng)|trúng thưởng|sập sàn|không rút được|mất (liên lạc|hút))\b",
        marked_only(r"\bnhận quà\b"),  # "nhan qua" is "nhận qua" (received by post)
        # a link pressed, then the account emptied: "bấm vào đường link lạ, tài khoản mất sạch 80 triệu"
        r"\b(bấm|nhấn|click|ấn|vào) (vào )?(đường |cái )?link\b.{0,80}\b(mất (sạch|hết|trắng)|bị (trừ|rút|chuyển) (sạch|hết|mất)|bay (sạch|hết))\b",
        r"\b(giả tên|mạo tên|giả (zalo|facebook|fb|nick|tài khoản|giọng)|(zalo|facebook|fb|nick|tài khoản|trang) giả|vay tiền người quen|nhắn tin vay tiền)\b",
        r"\b(gửi|nhận) quà\b.{0,60}\b(nộp|đóng) (thêm )?(phí|tiền)\b|\b(nói là|bảo là|tự nhận là|nhận là|xưng) (người |cán bộ |nhân viên )?(của |bên )?(trạm y tế|bệnh viện|phường|xã|điện lực|công ty điện|cấp nước|nhà nước|bảo hiểm|ngân hàng)\b|\bgiá gấp (\w+ )?lần\b",
        r"\b((hóa đơn|hoá đơn|chuyển khoản|biên lai|hợp đồng|bill) (\w+ ){0,2}giả|(gom|thu|giữ|chơi) hụi|(ôm|cầm|lấy|gom) (hết|sạch|cả)( \w+){0,3} (trốn|bỏ trốn|biến|lặn|chạy mất|bỏ đi))\b",
        r"\b(thu tiền (rồi )?(trốn|bỏ trốn|biến mất|bỏ đi|lặn)|(ôm|cầm|lấy) tiền (rồi )?(trốn|bỏ trốn|chạy|biến|lặn)|rồi (bỏ )?trốn|xuất khẩu lao động (lừa|chui)|thầy bói|cúng giải hạn|giải hạn)\b",
        r"\b(lấy|nhận|cầm|thu) của (\w+ ){0,3}\d+ ?(triệu|tr|củ)\b.{0,40}\b(không|chẳng|hổng) (còn )?thấy (đâu|tăm hơi|mặt)\b|\b(biệt tăm|mất tăm|bặt vô âm tín)\b|\b(gọi|nhắn)( \w+){0,3} (nói|bảo) (là )?(con|cháu|chồng|vợ|bố|mẹ)( \w+){0,2} (bị bắt|bị tai nạn|đang cấp cứu)\b|\btiền bảo lãnh\b",
    ],
    "gay_thuong_tich": [
        # dragged by the hair: "túm tóc em lôi đi"
        r"\b(túm|nắm|giật|kéo|níu) tóc\b",
        r"\bbị (\w+ ){1,3}(đánh|đấm|tát|đạp|hành hung)\b(?! (giá|thuế|rơi|mất|dấu|số|máy|thức|bài|bạc|cá|răng|phấn|vần|đề|lô))",
        r"\b(đánh người|đánh nhau|đánh đập|đánh bầm|hành hung|gây thương tích|chém|đâm (người|bằng|vào)|đâm chém|bạo lực|bạo hành|ẩu đả|đánh hội đồng|hỗn chiến|bị đánh|đánh (con|vợ|chồng|bố|mẹ|ba|má|bé|trẻ|học sinh|bạn|tôi|em|cháu)|đánh ghen|vỡ đầu|bầm tím|chặn đường đánh|rượt (đánh|chém)|đánh cả nhà|bị thương)\b",
        r"\bbị (\w+ ){0,2}nhốt (\w+ ){0,2}(trong|ở) (phòng|nhà|kho|buồng)\b",  # children locked in all day
        r"\bđánh bằng (gậy|dao|gạch|roi|cây|búa|tuýp|ghế|chai|dây|thắt lưng|dép|điếu cày)\b|\b(cầm|lấy|dùng|vác) (cục |viên |cái |cây )?(gạch|gậy|ghế|chai|búa|tuýp|điếu cày)( \w+){0,2} (đập|đánh|phang|chọi|ném|quật|chém)\b",
        r"\b(đánh (khách|người ta|ông|bà|anh|chị|thằng|cậu|bạn|nhau|con|vợ|chồng|hàng xóm|bảo vệ|tài xế|shipper|nhân viên|học sinh|em|tôi|tui|mình|cháu|bé)|bóp cổ|đánh đập|bạo hành|hành hạ|ngược đãi|xô ngã|chảy máu mũi|sưng (mặt|mắt|đầu)|rách (đầu|mặt|môi)|bầm (dập|tím|mặt)|ném (đá|gạch|chai) (vào|trúng) (người|đầu)|bị đánh|bị chém|bị đâm|đâm (trọng thương|bị thương)|gây thương tích|ẩu đả|hành hung)\b",
        marked_only(
            r"\b(đấm|tát|đạp|đá) (vào |thẳng |liên tục )?(mặt|đầu|bụng|người|ngực|tôi|em|con|vợ|chồng|nó|bé|cháu)\b"
        ),
        r"\bđánh( \w+){0,3} (chảy máu|bầm|gãy|sưng|nhập viện|bất tỉnh|vỡ|rách|thâm)\b",
        (
            r"\bđánh (\w+ )?(người|khách|công nhân|nhân viên|học sinh|học trò|trẻ|bé|vợ|chồng|con|cha|mẹ|bố|ông|bà|anh|chị|em|cháu|bạn|hàng xóm|bảo vệ|tài xế|shipper|thợ|người làm|giúp việc|osin)\b",
            r"\b(?<!dinh )danh (nguoi|khach|cong nhan|nhan vien|hoc sinh|tre|be|vo|chong|bao ve|tai xe|shipper|tho|giup viec|osin)\b",
        ),
    ],
    "an_toan_giao_thong": [
        r"\b(chạy|phóng|lái)( \w+){0,2} quá tốc\b|\bquá tốc\b",
        r"\b(đua xe|lạng lách|đánh võng|bốc đầu|quá tải|chở quá|vượt đèn đỏ|ngược chiều|nồng độ cồn|say rượu lái|lái xe say|say xỉn (lái|chạy)|xe độ|nẹt pô|nổ pô|rú ga|phóng như điên|không biển|không đội mũ|gây tai nạn|tông xe|đâm xe|bỏ chạy|tai nạn giao thông|lấn chiếm lòng đường|(lấn|chiếm|lấn chiếm) (hết |cả |nửa )?(lòng đường|vỉa hè|lề đường)|giữ xe (trái phép|tự phát)|rải đinh|xe container|xe ben|xe tải|xe khách|vừa chạy vừa|quá tốc độ|đậu xe|đỗ xe)\b",
        r"\b(rơi vãi|chạy ẩu|phóng nhanh|vượt ẩu|lái (xe )?ẩu|chở (đất|cát|vật liệu|quá)|xe (chở )?quá tải|say rượu (lái|chạy)|lái xe (khi )?say|không bằng lái|dàn hàng|đi hàng (ba|bốn)|tụ tập đua|bốc đầu|lạng lách|nẹt pô|đua xe|chạy xe (lạng lách|bạt mạng|như điên)|bạt mạng|xe (không chính chủ|gắn biển giả|biển giả)|biển số giả|chắn (hết )?(đường|lối đi)|họp chợ (lấn|dưới lòng đường)|đậu (xe )?(chắn|trái phép|lấn)|đỗ (xe )?(chắn|trái phép|lấn))\b",
        r"\b((đậu|đỗ|dừng)( \w+){0,4} (trên|giữa|lấn|chiếm) (làn|lòng|giữa) đường|(không|khong) (bật|có) đèn|chưa (ai |có ai )?rào chắn|không (ai )?rào chắn|hố (to|sâu|lớn|tử thần)|ổ gà|đèn (giao thông|tín hiệu|đỏ) (bị )?(hỏng|hư|tắt)|biển báo (bị )?(mất|che|đổ)|cành cây (chắn|che)|dây điện (võng|rủ|đứt))\b",
        r"\b(đậu|đỗ)( \w+){0,3} (2|hai) bên (đường|lề)|xe (cứu thương|cứu hỏa|chữa cháy) (không|khong) (vào|qua) (được|duoc)\b",
    ],
    "te_nan_xa_hoi": [
        r"\b(sugar baby|sugar daddy|bảng giá (\w+ ){0,2}(gái|em|sinh viên|tình|qua đêm)|tìm sinh viên (\w+ ){0,4}(giá|bảng giá)|app hẹn hò (\w+ ){0,4}(giá|tiền))\b",
        r"\b(mại dâm|bán dâm|mua dâm|rao bán dâm|gái gọi|gái bán hoa|kích dục|tay vịn|dâm ô|khiêu dâm|đồi trụy|đồi truỵ|phim sex|chat sex|sex|clip nóng|dịch vụ đặc biệt|ăn xin|thâu đêm|quán net|cho thuê trẻ em|ép trẻ|mê tín|dị đoan|bói toán|lên đồng)\b",
        r"\b(bán dâm|mua dâm|mại dâm|gái (gọi|bán hoa|bán dâm)|chứa (gái|mại dâm|chấp)|nhà nghỉ (chứa|cho gái)|massage (kích dục|trá hình|kiểu|đặc biệt)|kích dục|kích dục|khỏa thân|live (sex|show)|đồi trụy|ăn xin (chuyên nghiệp|có tổ chức)|cho thuê (trẻ|con nít)|hội (thánh|đạo) lạ|đạo lạ|tà đạo|truyền đạo (trái phép|lạ))\b",
        r"\b(bia ôm|nhậu ôm|karaoke ôm|cà phê ôm|cafe ôm|tiếp viên|dắt mối|đứng đón khách|đón khách (ở|dưới|trước)|gội đầu thư giãn|thư giãn (đèn mờ|kín)|đèn mờ|đủ giá|gái xinh|phòng theo giờ|thuê phòng theo giờ|bán (rượu|bia|thuốc lá) cho (trẻ|học sinh|tụi nhỏ|con nít|cả tụi|trẻ em|tui nhỏ)|cho (trẻ|học sinh|trẻ em)( \w+){0,3} (vào|uống|nhậu)|vị thành niên)\b",
        # children put to work: "xưởng thuê trẻ em 12-13 tuổi làm ca đêm"
        r"\b(thuê|bắt|sử dụng|dùng|ép|nhận) (\w+ )?(trẻ em|trẻ con|con nít|trẻ vị thành niên|học sinh)( \S+ tuổi| dưới \d+ tuổi)? (làm|lao động|bưng bê|bưng|phụ|khuân|bốc vác|may|đứng máy)\b",
        r"\b(em út|album (ảnh )?(các|mấy|những) (em|cô|bé)|chọn (em|hàng) (trong|qua) (album|ảnh)|hàng (mới|non|tươi) (về|lắm)|chòi kín|võng kín|kéo rèm (kín|lại)|cà phê (võng|chòi) (kín|trá hình|đèn mờ)|mặc đồ mát (ngồi|đứng|mời|chèo kéo))\b",
    ],
    "an_ninh_trat_tu": [
        r"\b(hò hét|la hét|tới khuya|đến khuya|nửa đêm|gây rối|quậy phá|quấy rối|tụ tập|ồn ào|hát karaoke|karaoke|loa kẹo kéo|nhậu nhẹt|say xỉn|chửi bới|chửi nhau|gây gổ|côn đồ|giang hồ|bảo kê|tín dụng đen|đòi nợ|xiết nợ|siết nợ|ném chất bẩn|chất bẩn|tạt sơn|khủng bố|xuyên tạc|kích động|tờ rơi|phản động|người lạ|khả nghi|đáng ngờ|lén lút|khu quân sự|drone|flycam|lạ mặt|chụp lén|quay lén|chụp ảnh trụ sở|tranh chấp|inh ỏi|đập phá|mang dao|dao rựa|gậy gộc)\b",
        r"\b(nặng lãi|vay lãi|lãi (cao|cắt cổ|ngày|suất cắt cổ)|tín dụng đen|đòi nợ|siết nợ|khủng bố (điện thoại|tin nhắn|gia đình)|ném (mắm tôm|chất bẩn|sơn|phân|dầu nhớt)|tạt (sơn|mắm tôm|chất bẩn|xăng|dầu nhớt)|ầm ĩ|om sòm|hát hò|loa (kéo|to|thùng)|mở nhạc (to|lớn)|nhạc (to|lớn|xập xình)|xập xình|quậy|phá làng|gây mất trật tự|mất trật tự|gây náo loạn|náo loạn|chửi (bậy|tục|nhau|bới)|chửi|say xỉn|say rượu|nhậu (say|xỉn)|thách thức|đe dọa|đe doạ|uy hiếp|trấn lột|bắt nạt|bảo kê|thu tiền bảo kê|thanh niên lạ|người lạ mặt|đối tượng lạ|theo dõi nhà)\b",
        marked_only(r"\b(ồn|quá ồn|ồn quá)\b"),
        r"\b(thấy|thấy có gì đó|thấy có vẻ) (không ổn|bất thường|mờ ám|khuất tất)\b",
        r"\b((xe|vật|đồ|túi|gói|vali|hộp|balo|thùng|kiện|bao|bình)( sắt| nhựa| gỗ| thiếc)? (lạ|khả nghi|vô chủ)(?! (hôm nay|hôm qua|mỹ|úc|bao nhiêu|giá))|vô chủ|bỏ lại (túi|vali|gói|xe))\b",
    ],
    "khac": [
        r"\b(đổ|xả|thải) (trộm |lén |bừa )?(nước thải|rác thải|chất thải|hóa chất|bùn thải|phế thải|dầu thải|xác (heo|lợn|gà))( \w+){0,3} (ra|xuống|vào|tràn)\b",
        r"\b(giữ|thu|cầm|giam|tịch thu) (luôn |mất |lại )?(cái )?(căn cước|cccd|cmnd|giấy tờ|hộ chiếu|passport|bằng lái|giấy phép lái xe|cà vẹt|thẻ)( \w+){0,4} (không|ko|chẳng|hổng|chưa) (chịu )?(trả|đưa|cho lấy)\b",
        r"\b(súng|vũ khí|pháo|thuốc nổ|tàng trữ|buôn lậu|hàng lậu|hàng cấm|hàng giả|mua bán người|buôn người|nuôi nhốt|động vật hoang dã|tê tê|săn bắt|xả thải|phá rừng|khai thác cát|cát tặc|nhận tiền|hối lộ|tham nhũng|không phép|hành nghề|dụ dỗ|xâm hại|hiếp dâm|ô nhiễm|hút cát|trái phép|rao bán|bán thông tin|dữ liệu cá nhân)\b",
        marked_only(r"\bbán thận\b"),
        # an official asking money to sign: "cán bộ địa chính xã đòi 20 triệu mới ký"
        r"\b(cán bộ|công chức|cb) (\w+ ){0,3}(đòi|vòi|bắt nộp|bắt đưa) (\d+ ?(triệu|tr|củ|nghìn|k)|tiền)\b",  # "ban than" is "bạn thân"
        r"\b(sàm sỡ|sờ mó|động chạm (cơ thể|vùng kín)|quấy rối tình dục|gạ gẫm|gạ tình|dâm ô|xâm hại|hiếp|chụp lén|quay lén|lén (chụp|quay)|camera (lén|quay lén)|buôn lậu|hàng (giả|nhái|lậu|cấm|kém chất lượng|trôi nổi)|pháo (nổ|hoa nổ|tự chế)|súng (tự chế|hơi|cồn|côn|bắn đạn)|dao kiếm|mã tấu|buôn người|mua bán người|bán (người|trẻ em|nội tạng|con)|đẻ thuê|khai thác (cát|khoáng sản|đất)|chặt phá rừng|phá rừng|săn (bắt|trộm)|bẫy (chim|thú)|hối lộ|vòi tiền|làm luật|xả (rác|thải|nước thải)|đốt rác|ô nhiễm|xây (dựng )?(trái phép|không phép)|lấn chiếm|trốn truy nã|truy nã|người nước ngoài (cư trú|ở) (trái phép|chui)|nhập cảnh (trái phép|chui)|vượt biên|lao động chui|làm giả (giấy tờ|bằng|con dấu)|bằng giả|giấy tờ giả|mua bán (dữ liệu|thông tin cá nhân|tài khoản ngân hàng|sim)|(bán|rao bán|bán lại) (\w+ ){0,2}(dữ liệu|thông tin) (cá nhân|khách hàng|căn cước|cccd)|sim rác|bán sim)\b",
        r"\b(ở chui|làm chui|ở lậu|không (thấy )?khai báo (tạm trú|lưu trú|gì)|gỗ (lậu|rừng|quý)|vác gỗ|chở gỗ|rừng phòng hộ|khai thác gỗ|chặt (gỗ|cây rừng|trộm)|bẫy điện|bẫy (chim|thú)|bắt chim trời|chích điện|rà điện|xung điện|kích điện|(heo|lợn|gà|bò|gia cầm) (bệnh|chết)|lò mổ lậu|mổ lậu|giết mổ (lậu|trái phép)|thịt (bẩn|ôi|thối)|bỏ đói|xích (\w+ ){0,6}(không|khong) cho ăn|ngược đãi (chó|mèo|động vật|con vật))\b",
        r"\b(sờ soạng|sờ mó|sàm sỡ|xúc phạm|bôi nhọ|vu khống|làm nhục|tung (ảnh|clip|hình) (nóng|nhạy cảm|riêng tư)|phát tán (ảnh|clip|hình|video)|ảnh nóng|clip nóng|tin (giả|sai sự thật)|chặt chém|ép giá|bán (quá|cắt cổ) giá)\b",
        r"\b((hết|quá) (hạn|date)( sử dụng)? (\w+ ){0,4}(bán|về bán|đem bán|bỏ mối)|(bán|về bán|đem bán)( \w+){0,6} (hết hạn|quá hạn)|(không|hổng|chẳng) (có )?nhãn mác)\b",
        r"\b(cồn công nghiệp|bị giữ (hết )?(giấy tờ|hộ chiếu|passport|căn cước)|(ép|bắt|buộc) (\w+ )?tiếp khách)\b",
        r"\b(không rõ nguồn gốc|không nguồn gốc|không có hóa đơn chứng từ|(không|chưa) (đăng ký|khai báo) (tạm trú|lưu trú|tạm vắng))\b",
        r"\b((rượu|thuốc|sữa|xăng|phân bón|mỹ phẩm|tiền|bằng|giấy tờ|thực phẩm|bia|thuốc lá|hàng|nước mắm|dầu ăn) giả|sản xuất (giả|trái phép|lậu)|hàng nhái|giả nhãn|nhái nhãn)\b",
    ],
}
CATEGORY_TABLES = {key: Table(key, patterns) for key, patterns in CATEGORY_PATTERNS.items()}

# The citizen says they want to report, or opens with the report itself.
REPORT_INTENT = Table(
    "report_intent",
    [
        rf"\b(muốn|mún|cần|xin|định|mong|có việc|có chuyện|có tin|{ME}|cho {ME}) (được )?(tố giác|tố zác|tố cáo|báo tin|báo án|trình báo|phản ánh|phản ảnh|báo cáo|khai báo|báo|báo công an|báo cảnh sát|cung cấp thông tin|cung cấp tin|gửi tin|làm đơn|report)\b",
        r"\b(tố giác|tố cáo|trình báo|phản ánh|phản ảnh|báo cáo|báo tin|báo|report) (về |việc |vụ |chuyện |là |rằng |có |nhóm |người |đối tượng |tụ điểm |đường dây |cái |ông |bà |tiệm |quán |cty |công ty |cán bộ |chủ |hàng xóm )",
        r"\b(tố giác|tố cáo|báo|trình báo|phản ánh|báo cáo|thông báo) (cho )?(công an|cảnh sát|các anh|các chú|mấy anh|mấy chú|anh chị|các anh chị|cơ quan chức năng|ad|admin)( biết)?\b(?! (ở|tại|chỗ) (đâu|nào))",
        r"^(gửi tin báo|gửi tin báo ngay|báo tin ngay|tố giác|tố cáo|trình báo|phản ánh|phản ảnh|báo tin|báo cáo|báo án|baocongan|reporting|report|i want to report|xin báo cáo|xin phản ánh|kính gửi)\b",
        r"\b(tố giác|tố cáo|phản ánh|báo tin|báo cáo)\s*:",
        (
            r"\b(các anh|các chú|mấy anh|mấy chú|công an|cán bộ|ad|admin)? ?(xử lý|kiểm tra|can thiệp|xác minh|vào cuộc|giải quyết|xem|xuống) (giúp|giùm|dùm|hộ|với|đi|nhé|nha)\b",
            _fold_pattern(
                r"\b(các anh|các chú|mấy anh|mấy chú|công an|cán bộ|ad|admin)? ?(xử lý|kiểm tra|can thiệp|xác minh|vào cuộc|giải quyết|xem|xuống) (giúp|giùm|dùm|với|đi|nhé|nha)\b"
            ),
        ),
        r"\b(phản ánh|báo) (giúp|giùm|dùm|hộ)\b|\b(muốn|mún) (gửi|đưa) (cho )?công an\b",
        r"\b(muốn|mong|nhờ|đề nghị|yêu cầu) (các anh|các chú|mấy anh|mấy chú|công an|cơ quan chức năng|chính quyền|cán bộ)( \w+){0,2} (kiểm tra|xử lý|điều tra|làm rõ|xác minh|can thiệp|xuống)\b|\b(yêu cầu|đề nghị|kiến nghị) (\w+ ){0,2}(xử lý|làm rõ|điều tra|xử phạt|truy cứu)\b",
        r"\b(có|có chút|có ít|có mấy|có một số) (thông tin|tin tức|bằng chứng|chứng cứ|clip|video|hình ảnh|ảnh|file ghi âm) (\w+ ){0,3}(muốn|cần|xin|định) (cung cấp|gửi|nộp|đưa|báo)\b",
        r"\b(muốn|mún|cần|xin|xin phép|định) (được )?(kể|trình bày|báo cáo|trình báo|khiếu nại|tố cáo|tố giác|gửi đơn|nộp đơn|gửi đơn tố cáo|gửi đơn tố giác) (lại |rõ )?(về )?(một |1 |cái |mấy |vài )?(chuyện|việc|vụ|vụ việc|sự việc|sự vụ|đơn)\b(?! (cười|vui|tình|ma))",
        r"\b(muốn|mún|cần|xin) (gửi|nộp|làm) đơn (tố cáo|tố giác|trình báo|khiếu nại)\b",
        r"\b(nhờ|mong|xin|cần) (công an|các anh|các chú|mấy anh|mấy chú|cơ quan chức năng|chính quyền) (\w+ ){0,2}(giải quyết|can thiệp|xử lý|giúp đỡ|vào cuộc|xuống kiểm tra)\b",
        r"\bgặp (người|cán bộ|anh|chú|đồng chí|công an|cảnh sát|chiến sĩ) (\w+ )?(trực|phụ trách|khu vực) (để )?(báo|trình báo|tố giác|phản ánh|trình bày|báo tin)\b",
        r"\b(cần|muốn|mún|phải|xin) (nói|kể|báo|thưa|trình bày) (với|cho) (công an|các anh|các chú|mấy anh|mấy chú|cán bộ|ad|admin)( \w+){0,2} (một |1 |mấy |vài |cái )?(chuyện|việc|vụ)\b",
        # something to tell, said without a report verb: "tôi có chuyện muốn nói với công an"
        r"\b(có|có một|có 1|có chút|có cái) (chuyện|việc|vụ|tin|điều) (\w+ ){0,2}(muốn|mún|cần|định|phải|xin) (nói|kể|báo|khai báo|trình bày|trình báo|report|thưa)\b(?! (chuyện )?(vui|cười|tình))",
        r"\b(muốn|mún|cần|xin|cho (tôi|em|tui|mình|cháu|con|ngộ|tớ)) (được )?(gặp|nói chuyện với|nói với|kể với|kể cho|liên lạc với) (công an|cảnh sát|police|cán bộ công an|chú công an|anh công an|các anh công an|người trực ban|cán bộ trực)\b(?! (để )?(làm|hỏi|xin|cấp|đăng ký|nộp))",
    ],
)

# The message asks *about* reporting or a procedure: how long, is it safe, where, how, may I.
QUESTION = Table(
    "question",
    [
        r"\?",
        r"\b(bao lâu|bao giờ|khi nào|là sao|thì sao|rồi sao|tại sao|vì sao|sao (vậy|dzậy|z|v|ta))\b",
        r"\b(có bị|có được|được không|được ko|được hông|(được|đc|dc) (chứ|chớ|hem|hăm)|đc không|đc ko|dc k|đc k|có cần|có phải|có mất|có lộ|bị lộ|có an toàn|có sao không|có bị trả thù|có bị phạt|có tính|có thưởng|khen thưởng|được thưởng|có giá trị|có thật không|có đúng không)\b",
        r"\b(?<!biết )(?<!biet )(?<!hiểu )(như thế nào|thế nào|ntn|ra sao|làm sao|lam sao|làm thế nào|phải làm gì|(?<!chưa )làm gì|cách nào|bằng cách nào|kiểu gì|mần sao|ở đâu(?! (về|tới|đến|hẻm|ngõ|làng|xóm|đường|cầu|chợ|phố|kiệt|ngách|dốc|bến|bãi|cổng|ấp))|ở mô|chỗ nào|nơi nào|đi đâu(?! (mất|rồi|hết|luôn))|số nào|số mấy|gọi ai|liên hệ ai|hỏi ai|báo ai|những gì|giấy tờ gì|cần gì|cần mang|mang theo gì|mẫu nào|mức phạt|bị phạt|phạt bao nhiêu|xử phạt|tội gì|bị tội|đi tù|bao nhiêu năm|hay là|hay không)\b",
        r"\b(phải|cần|nên) (đi )?(\w+ ){0,2}(gì|j)\b(?! (cả|hết|đâu))",
        r"\b(những|các) \w+( \w+)? (gì|j)\b|(?<!biết )(?<!biet )(?<!thua )(?<!chẳng )\b(gì|j)\s*(vậy|v|z|ạ|ad|nhỉ|nhé|không|ko)?\s*$",
        r"\bcó (giữ kín|bảo mật|giấu|lộ|để lộ)( \w+){0,6} (không|hông|ko|k|hok)\b",
        r"\b(cho (em|tôi|tui|mình|cháu|con|anh|chị) hỏi|cho hỏi|xin hỏi|hỏi chút|hỏi xíu|muốn hỏi|(em|tôi|mình) hỏi(?! (thì|thi|lại|nó|họ|mấy)))\b",
        r"\b(có|có thể|được) (tố giác|báo tin|tố cáo|trình báo|gửi tin|báo) (qua|bằng|online|nặc danh|ẩn danh|giấu tên)\b",
        r"\b(tố giác|báo tin|báo|trình báo) (thì|xong)\b",
        r"\b(không|ko|k|hông|hok|chưa)\s*(ạ|a|ad|vậy|v|z|nhỉ)?\s*$",
        r"\b(thì|thi) (cần|phải|làm|báo|trình báo|nộp|đi|lên|gọi|liên hệ|có(?! (người|đứa|thằng|mấy|một|1|hai|nhiều|xe|tiếng))|được|xử lý)\b(?! rồi)",
        # which comes first: "báo ngân hàng trước hay báo công an trước"
        r"\btrước hay (\w+ ){1,4}trước\b",
        # which office or which site: "công an huyện hay tỉnh", "khai báo trên trang web nào"
        r"\b(xã|phường|quận|huyện|tỉnh|thành phố) hay (công an )?(xã|phường|quận|huyện|tỉnh|thành phố)\b|\b(trang web|trang|web|website|app|ứng dụng|phần mềm|cổng|cơ quan|bộ phận) nào\b",
        r"\b(có )?(biết|lộ) (được )?(là )?(ai|người|tôi|em|tui|mình|cháu) (là người )?(báo|tố giác|tố cáo)\b",
        r"\b(nếu|lỡ|giả sử) (\w+ ){0,2}(tố giác|tố cáo|báo tin|báo|trình báo)\b.{0,80}\bthì\b",
        # what it costs, what to use, what time: "án phí bao nhiêu", "xịt thuốc gì hiệu quả", "mấy giờ triều lên"
        r"\b(cần|tốn|hết|phí|lệ phí|án phí|giá|tiền) (\w+ )?bao nhiêu\b|\b(thuốc|loại|giống|phân|xịt|bón|dùng|mua) (gì|j|nào) (\w+ )?(hiệu quả|tốt|được|ổn|nhất)\b|(?<!tới )(?<!đến )\b(lúc |vào )?mấy (giờ|h)\b(?! (sáng|chiều|tối|đêm|trưa) (rồi|nay|hôm|qua))",
        # asked mid-message, then a reason: "tối nay có bão không, ghe tui tính ra khơi"
        r"^\W*(\w+ ){0,3}(?<!biết )có (\w+ ){1,4}(không|ko|hông|hok)\s*,",
        r"\b(gửi|nộp|báo|đi|lên|làm|hỏi|liên hệ|gặp) (ở )?(đâu(?! (mất|rồi|hết|luôn))|chỗ nào|nơi nào)\b|\bcần (\w+ ){0,3}(gì|j)\b|\bcó ai\b.*\b(không|ko|hông|hok)\b",
        r"\b(không|ko|k) hay (là )?\w+|\bcó (\w+ ){1,3}(không|ko|hông|hok) (hay|vậy|ạ|a|ad|nhỉ|anh|chị)\b|\b(có|thì) (bị )?(sao|gì) (không|ko)\b|\bcó (bị )?(phạt|xử lý|tội) (không|ko)\b|\b(có|bị) phải (ra )?(làm chứng|hầu tòa|lên)\b",
    ],
)

# Words of a procedure rather than of a question: they make a short message a question, not a long story.
_TOPIC_WORDS = r"\b(?<!không )(?<!khong )(?<!chưa )(?<!chua )(mất mấy ngày|mấy ngày|mấy tháng(?! nay| rồi| trước| liền)|thủ tục|giấy phép|xin phép(?! (được )?(báo|trình|kể|cung cấp|phản ánh|tố))|điều kiện|quy trình|hồ sơ|mẫu đơn|đăng ký(?! (theo dõi|follow|quan tâm))|cấp lại|cấp đổi|làm lại|gia hạn|xin cấp|giao nộp|nộp lại|lệ phí|sang tên|nộp phạt|khai báo tạm)\b"
QUESTION_TOPIC = Table(
    "question_topic",
    [
        (  # without diacritics "cap doi" is also "cặp đôi" (a couple): "cho cặp đôi học sinh thuê phòng"
            _TOPIC_WORDS,
            _fold_pattern(_TOPIC_WORDS).replace(
                "|cap doi|",
                "|(?<!cho )(?<!mot )(?<!1 )(?<!may )(?<!cac )(?<!nhung )cap doi(?! (hoc sinh|sinh vien|yeu|tre|vo chong|nam nu|dong tinh|nay|kia|do|ay|nhau|hen ho|thue|vao|ngoai tinh))|",
            ),
        ),
    ],
)
MAX_TOPIC_QUESTION_WORDS = 14  # longer, a procedure word is part of a story ("thu phí hồ sơ rồi biến mất")


# "không biết người ở mô tới", "em không biết làm sao": a wh-word after "don't know" tells, it does not ask.
NOT_KNOWING = Table("not_knowing", [r"\b(không|chẳng|chả) (biết|rõ|hiểu)\b"])
WH_WORDS = frozenset(
    ("ở đâu", "ở mô", "làm sao", "thế nào", "như thế nào", "ra sao", "chỗ nào", "nơi nào", "đi đâu")
)
_FOLDED_WH = frozenset(_fold_pattern(w) for w in WH_WORDS)


# "không có nhãn mác gì", "chẳng nói gì": a "gì" after a negation closes a statement.
NOTHING_AT_ALL = Table(
    "nothing_at_all",
    [
        r"\b(không|hổng|chẳng|chả|chưa|ko|k) (có |thấy |làm |nói |để lại |ghi )?(\w+ ){0,3}(gì|j)\s*(cả|hết|luôn|sất)?\W*$"
    ],
)
QUESTION_END = Table("question_end", [r"\b(gì|j)\s*(cả|hết|luôn|sất|vậy|v|z|ạ|ad|nhỉ|nhé|không|ko)?\W*$"])


def _question(text: Text) -> str | None:
    found = QUESTION.find(text)
    if (
        found is not None
        and _fold_pattern(found) in _FOLDED_WH
        and NOT_KNOWING.find(text)
        and "?" not in text.marked
    ):
        found = None
    if found is not None and "?" not in text.marked and QUESTION_END.find(text) and NOTHING_AT_ALL.find(text):
        found = None  # "hổng có nhãn mác gì": nothing at all, not "what?"
    if found is None and len(text.words) <= MAX_TOPIC_QUESTION_WORDS:
        found = QUESTION_TOPIC.find(text)
    return found


# A report asked as a question still is one: "các anh xử lý giúp được không", "sao không ai bắt".
REPORT_DESPITE_QUESTION = Table(
    "report_despite_question",
    [
        # a question dropped for the story itself: "cho mình hỏi báo chỗ nào... thôi mình kể luôn: …"
        r"\b(thôi|vậy thì|thôi thì) (\w+ )?(kể|nói|báo|gửi|tả|trình bày) (luôn|ở đây|tại đây|đây|trước)\b",
        # the only doubt is whether this is the place to tell it: "ko biết nhắn ở đây đc k", "đúng chỗ không"
        r"\b(không|ko|k|chẳng|hổng) (biết|bít|bik) (\w+ ){0,4}(đây|chỗ này|zalo này)( \w+){0,2} (được|đc|dc|ok|đúng)\b|\b(đúng chỗ|phải chỗ|right place)\b",
        r"\b(không|ko|chẳng|hổng) (biết|rõ) (có )?(giấy( tờ| phép)?|phép|hợp pháp|đúng luật|legal)( \w+)? (không|ko|hông)\b|\bcó (ai|anh nào|chú nào|đồng chí nào) (nghe máy|nghe điện|nghe|đọc tin|đọc|trực)( \w+)? (không|ko|hông|k)\b",
        # a hedge, then the story: "không biết có phải lừa không, nhưng …", "ko chắc đây là cờ bạc ko mà …"
        r"\b(không|ko|k|chẳng|hổng|chả) (biết|chắc|rõ)\b( \w+){1,12}\W*,? (nhưng|nhưng mà)\b|\b(không|ko|k|chẳng|hổng|chả) (biết|chắc|rõ) (\w+ ){0,3}(có )?(phải|đúng)( \w+){0,6} (không|ko|hông|hok|k)\W*,? (mà|nhưng)\b",
        r"\b(có )?(cán bộ|anh|chú|đồng chí) nào (xuống|tới|đến|qua) (\w+ ){0,2}(được|dc|đc) (không|ko|hông|k)\b",
        r"\b(báo|tố giác|trình báo|phản ánh|gửi tin|nhờ|nói|kể|nhắn)( cho| với)? (ở đây|qua đây|chỗ này|tại đây|qua zalo này|công an|mấy anh|các anh|mấy chú|các chú|ad|admin)( \w+){0,2} (được|dc|đc) (không|hông|ko|hk|k|hok|chứ|chăng)\b",
        rf"\b(muốn|mún|cần|xin|cho {ME}) (được )?(tố giác|tố zác|tố cáo|báo tin|báo án|trình báo|phản ánh|báo cáo|báo|gửi tin báo|cung cấp thông tin) ((với |cho )?(công an|các anh|các chú|mấy anh|mấy chú) )?((một|1) (chuyện|việc|vụ)\b|vụ|việc|chuyện|về|nhóm|người|ông|bà|thằng|con|bọn|tụi|đối tượng|ổ|tụ điểm|đường dây|cái|tiệm|quán|số)\b",
        # or whether anyone is there to hear it: "có chuyện muốn nói với công an, có ai nghe máy không"
        r"\bcó (ai|người|anh nào|chú nào|đồng chí nào) (đang )?(nghe máy|trực|ở đó|đọc tin|đọc|online|nghe)\b",
        r"\b(dán|gửi|chụp|chuyển|forward|share) (lại )?(cho )?(ad|admin|các anh|mấy anh|các chú|mấy chú|công an) (coi|xem)\b|\bis (it|this|that) legal\b|\bai (nghe|đọc|trực|online) (được |đc |dc )?(không|ko|hông|k)\b",
        rf"\b{ME} (đã |lỡ )?(chuyển|bị lừa|mất|nộp|gửi)( \w+){{0,4}} rồi\b.{{0,40}}\b(giờ|bây giờ) (\w+ )?(làm sao|phải làm sao|tính sao|làm gì)\b",
        r"\b(có ai (xử lý|giải quyết|xuống|bắt|kiểm tra|can thiệp)|sao (không|ko|chưa) (ai|có ai|bắt|xử|giải|xuống|can|dẹp|kiểm tra|xử lý)|bao giờ mới|khi nào mới|ai (xử lý|giải quyết)|xử lý (giúp|dùm|giùm|hộ|đi)|giải quyết (giúp|dùm|giùm|hộ|đi)|can thiệp (giúp|dùm|giùm|hộ)|bắt (giúp|dùm|giùm|hộ|đi)|kiểm tra (giúp|giùm|dùm|hộ))\b",
    ],
)

# How to report, asked: "báo tin qua zalo này thì …", "… hay phải đem usb lên": the FAQ, not a form.
ASKED_HOW = Table(
    "asked_how",
    [
        r"\bhay (là )?(phải|cần|nên) (\w+ ){0,2}(lên|ra|tới|đến|đem|mang|nộp|gửi|đi|làm đơn)\b|\b(báo tin|tố giác|tố cáo|báo|trình báo|gửi tin|nhắn) (qua|bằng|trên) (\w+ ){0,3}thì\b"
    ],
)

# A song to sing, a game, a report for school: the words of an offence or of reporting, used for something else.
LEISURE = Table(
    "leisure",
    [
        r"\b(phim( \w+){0,3} (nào|gì) hay|netflix|truyện (\w+ )?(nào|gì) hay|tiến lên|mẹo (gì )?(để )?thắng|cách (chơi|thắng)|luật chơi|chơi với bạn bè|chơi cho vui|cho vui thôi)\b",
        r"\bphim\b.{0,40}\b(chiếu|rạp|xem ở đâu)\b|\brạp (phim|nào)\b|\bgame (\w+ ){0,3}(nào|gì)\b|\bsúng (nước|đồ chơi|nhựa|bắn bi|bắn nước)\b|\b(đề|bài) (kiểm tra|thi)\b",
        r"\b(bài hát|hát (bài|gì)|bài (gì|nào) (\w+ ){0,2}(hay|dễ|hát)|trong game|chơi game|vào game|ban (acc|nick)|free fire|pubg|liên quân mobile|chơi liên quân|báo cáo (thực tập|tốt nghiệp|môn|thí nghiệm|bài tập|tổng kết|thực hành))\b",
    ],
)

# A report put as a question: nobody acts, reported again and again, evidence offered, "I want to tell you".
COMPLAINT = Table(
    "complaint",
    [
        r"\b(bao|mấy|nhiều|biết bao|cả chục) (lần|bận) (báo|phản ánh|gọi|nhắn)( rồi)? (mà|vẫn|nhưng)\b|\bbáo lại lần nữa\b",
        r"\blần thứ (\d+|hai|ba|bốn|năm|mấy|n) (\w+ )?(nhắn|báo|phản ánh|gọi|gửi)\b|\b(có )?(làm gì|làm|xử lý|dẹp) (\w+ )?(không|ko) hay (để (đấy|đó|vậy|yên)|bỏ mặc|làm ngơ|mặc kệ)\b",
        r"\bmà (không|chẳng|chả|chưa|hổng) (có )?(ai|thấy ai|cơ quan nào) (dẹp|xử|xử lý|xử phạt|phạt|bắt|quản|làm gì|can thiệp|kiểm tra|giải quyết|nhắc|xuống)\b",
        r"\b(báo|phản ánh|gọi|nhắn) (mấy|nhiều|bao nhiêu|cả chục|hai|ba|mấy chục) (lần|bận) (rồi )?(mà|vẫn|nhưng)\b",
        rf"\b{ME} (có|đã|đang) (\w+ ){{0,2}}(clip|video|screenshot|ảnh chụp màn hình|chụp màn hình|tin nhắn|bằng chứng|ghi âm|file ghi âm)\b.{{0,40}}\b(gửi|nộp|cung cấp|đưa)\b",
        r"\b(muốn|mún|xin) (báo|tố giác|trình báo|phản ánh) (cho )?(các anh|các chú|mấy anh|mấy chú|công an|cảnh sát|ad)\b",
    ],
)

# Who did what where, again and again: with no question and no FAQ entry, someone is telling of an event.
NARRATIVE = Table(
    "narrative",
    [
        # without diacritics "tui" is also "I" and "thang" also "month": bare, they need a group after them
        (
            r"\b(hàng xóm|nhà bên|nhà kế|nhà đối diện|phòng trọ|nhà trọ|khu trọ|đầu ngõ|cuối ngõ|đầu hẻm|cuối hẻm|trong xóm|đối tượng|tụi nó|bọn nó|bọn|tụi|mấy thằng|thằng|đám|nhóm (người|thanh niên)|thanh niên|ông kia|bà kia|chủ (nhà|quán|tiệm|trọ))\b",
            r"\b(hang xom|nha ben|nha ke|nha doi dien|phong tro|nha tro|khu tro|dau ngo|cuoi ngo|dau hem|cuoi hem|trong xom|doi tuong|tui no|bon no|bon (no|chung|nhoc|tre|trom|lua|cuop|thanh nien|con do|giang ho|nghien|xi ke|choai)|tui (nhoc|choai|trom|nghien|thanh nien|con do|giang ho|no)|may thang|thang (nhoc|cha|kia|do|oat|trom|nghien|con)|dam (nguoi|thanh nien|con do|nhoc|tre|giang ho|xi ke|nghien|choai|thanh nien)|nhom (nguoi|thanh nien)|thanh nien|ong kia|ba kia|chu (nha|quan|tiem|tro))\b",
        ),
        r"\b(đêm nào cũng|tối nào cũng|ngày nào cũng|chiều nào cũng|thường xuyên|liên tục|nhiều lần|hằng ngày|suốt|mỗi (tối|đêm|ngày)|từ tháng trước)\b",
        (
            r"\b(nghi|nghi ngờ|nghi là|có dấu hiệu|phát hiện|bắt gặp|thấy (có|họ|nó|mấy))\b",
            r"\b(nghi(?! (huu|viec|le|phep|hoc|tet|ngoi|trua|dem|lam|mat|om|thai san|duong))|nghi ngo|nghi la|co dau hieu|phat hien|bat gap|thay (co|ho|no|may))\b",
        ),
    ],
)

_GREETING_WORDS = """
xin chao ban ad admin anh chi em a ah ha hi hello helo alo allo e oi cam on nhieu thanks thank you tks ok oke
okay okie vang da uh um u uk nhe nha chuc ngay tot lanh buoi sang toi trua chieu tam biet bye bai good morning
night evening afternoon cac bac ca moi nguoi minh day co ai khong ko k hihi haha hehe nhaa ak vay v z roi r duoc dc bot la gi ten
may hoi tham sao khoe the nao rat vui gap lam quen mung nam tet nhiu hen lai lan sau test thu dong chi chu cong
an chien si oiii oii oki tkss thx hong hông sticker
"""
GREETING_WORDS = frozenset(_GREETING_WORDS.split())
GREETING = Table(
    "greeting",
    [
        r"^\W*(xin |kính )?(chào|hello|hi|alo+|a lô|hế lô|helo)\b|\b(chào (nha|nhé|nhe|nghen)|bye|bai bai|kính chào)\b|\bchào (mn|mọi người|ad|admin|anh|chị|các|cả nhà|bạn|cháu|con|bác|chú|cô|đồng chí)\b",
        r"\b(cảm ơn|cám ơn|thanks|thank|tks|tkss|thks|thx|thank you)\b",
        r"^\W*(ok|oke|okay|oki|okie|okela|oke la|vâng|dạ|ừ|uk|uh|ờ|được rồi|đã rõ|rõ rồi|tạm biệt|bye|hihi|hehe|haha)\b",
        r"\b(chúc mừng năm mới|happy new year|merry christmas)\b|\[sticker\]",
        r"\b(sáng|trưa|chiều|tối|ngày|buổi|cuối tuần|năm mới|tết|giáng sinh|noel|trung thu) (\w+ )?(tốt lành|vui vẻ|an lành)\b|\bcó (ai |ad |admin |anh nào |chú nào |đồng chí nào )?(ở )?(đó|trực|online) (không|hông|ko|k|hok|nhỉ|ạ)\b|\b(đồng chí|anh|chú|ad) nào (trực|online)\b",
        r"^(ad|admin|anh|chị|chú) (ơi|oi|ui)+\W*$",
        r"\b((ad|admin|anh|chị|chú) (còn )?(on|online|thức)( không| hông| ko| k)?\s*$|(ad|admin|anh|chị|chú) (ngủ|nghỉ) chưa|^\W*(hê lô|hế lô|hê nhô|hí lô|hi lô|hé lô)\b|còn thức|trực đêm|trực (khuya|đêm|tết|muộn|cả đêm|xuyên đêm)?( \w+){0,2} (có )?mệt|test thử|thử (xem )?(có )?(trả lời|rep)|máy trả lời|trả lời tự động|có người trực|ai trực|sức khỏe dồi dào)\b",
        # asking whether this account is the police's own: "trang này của công an thật hả"
        r"\b(trang|page|fanpage|kênh|tài khoản|zalo|oa) (này|nay) (\w+ ){0,3}(thật|chính chủ|chính thức) (hả|hông|không|ko|k|à|ha|ư|chứ|sao|hở)\b",
        r"\b(bạn là ai|là bot|bot hay người|người thật|có ai (không|ko|trực|ở đó|đó)|dễ thương|chúc (các|mừng|anh|chị|chú|ad))\b",
        r"^\W*(ủa |ơ |ủa vậy )?(là )?(bot|robot|người máy) (hả|à|hở|ư|ha|sao|phải không)\b|\b(rep|trả lời|phản hồi) (\w+ )?(nhanh|lẹ|sớm) (ghê|quá|thế|vậy|thật|dữ)\b",
        # small talk: "ăn cơm chưa ad", "dạo này khỏe không"
        r"\b(ăn (cơm|sáng|trưa|tối) chưa|ngủ chưa|(có )?khỏe không|dạo này (thế nào|sao|khỏe))\b",
        r"\bchúc (\w+ ){0,5}(ngủ ngon|good night|bình an|mạnh khỏe|mạnh khoẻ|sức khỏe|sức khoẻ|an lành|vui vẻ|thành công|may mắn|an khang|thịnh vượng|vạn sự như ý)\b",
    ],
)

# Someone who has just followed the page and says who they are: a greeting however long the introduction.
NEW_FOLLOWER = Table(
    "new_follower",
    [r"\b(mới|vừa|vừa mới) (đăng ký|bấm|nhấn) (theo dõi|quan tâm|follow)\b|\b(mới|vừa|vừa mới) quét mã\b"],
)

# Topics next to the police's own that the police do not handle: refused unless a police word is there too.
NEAR_DOMAIN = Table(
    "near_domain",
    [
        # a purchase delivered fake or broken, asked where to complain: consumer protection (a shop that took
        # the money and never delivered is a fraud, told as a report before this table is asked)
        r"\b(mua|đặt|order)( \w+){0,5} (bị )?(giao|gửi|nhận)( \w+){0,2} (giả|lỗi|hư|sai|nhầm|kém chất lượng|không đúng (mẫu|hàng))\b",
        r"\b(kết hôn|ly hôn|khai sinh|giấy khai sinh|khai tử|chứng tử|hộ tịch|tình trạng hôn nhân|độc thân|con nuôi|di chúc|thừa kế|giám hộ|công chứng|chứng thực|trích lục)\b",
        r"\b(sổ đỏ|sổ hồng|đất đai|thửa đất|tách thửa|mảnh đất|nhà đất|thổ cư|đất vườn|sử dụng đất|giấy phép xây dựng|xây nhà|tranh chấp đất|địa chính|quy hoạch|đền bù|giải tỏa|trước bạ)\b",
        # without diacritics "thue" is also "thuê" (to rent: thuê trọ, cho thuê nhà)
        (
            "\\bthuế\\b",
            "\\b(?<!cho )(?<!di )(?<!dang )thue\\b(?! (tro|nha|phong|xe|can ho|mat bang|dat|nguoi|lao dong|o|tai|ben|lai|duoc|cho|them))",
        ),
        r"\b(mã số thuế|quyết toán|hoàn thuế|giấy phép kinh doanh|đăng ký kinh doanh|hộ kinh doanh|thành lập công ty|hóa đơn|hoá đơn|hải quan|giấy phép lao động|an toàn thực phẩm|attp|hàng (nhập|xuất) khẩu|(nhập|xuất) khẩu hàng|xuất nhập khẩu hàng)\b",
        r"\b(bảo hiểm (y tế|xã hội|thất nghiệp|nhân thọ)|bhyt|bhxh|lương hưu|trợ cấp|thai sản|thất nghiệp|hợp đồng lao động|tuyển dụng|xin việc|việc làm|nghỉ việc|bỏ việc|hộ nghèo|học bổng)\b",
        r"\b(nghỉ hưu|tuổi hưu|hưu trí|nhà ở xã hội|thi đại học|đỗ đại học|xét tuyển|mấy điểm thì (đỗ|đậu))\b",
        r"\b(tuyển sinh|điểm chuẩn|học bạ|chuyển trường|học phí|nhập học|thi tốt nghiệp|điểm thi|giáo viên|bằng đại học|bằng tốt nghiệp|dự thi|sở giáo dục)\b",
        r"\b(ngân hàng|lãi suất|tiết kiệm|thẻ atm|thẻ tín dụng|mã pin|vay vốn|trả góp|giá vàng|tỷ giá|chứng khoán|mở tài khoản)\b",
        r"\b(bệnh viện|khám bệnh|lịch khám|bác sĩ|trạm y tế|tiêm chủng|tiêm phòng|vắc xin|vaccine|cắt điện|mất điện(?! thoại)|tiền điện(?! thoại)|tiền nước|cắt nước|cúp nước|cúp điện|mất nước|đồng hồ nước|điện lực|cấp nước|visa|thị thực|đại sứ quán|đăng kiểm)\b",
        # courts, mediation and the commune's other offices
        r"\b(tòa án|ra tòa|khởi kiện|đi kiện|kiện ra|thi hành án|luật sư|trợ giúp pháp lý|hòa giải|ranh đất|lấn đất|lấn ranh|xây lấn|sở tư pháp|tư pháp xã|đổi họ tên|đổi tên cho con|cải chính)\b",
        # military service (the commune's military command, not the police)
        r"\b(nghĩa vụ quân sự|nghĩa vụ qs|nvqs|quân sự xã|ban chỉ huy quân sự|nhập ngũ|đi bộ đội|khám tuyển quân)\b",
        # building permits, utilities, waste, telecoms
        r"\b(xin phép (xây|sửa|cơi nới)|giấy phép sửa chữa|sửa chữa nhà|sửa nhà|cơi nới|quản lý đô thị|nước máy|đường ống nước|ống nước|cấp điện|lắp điện|đồng hồ điện|công tơ điện|thu gom rác|rác thải|công ty môi trường|nhà mạng|cáp quang|mạng internet|cước internet|wifi)\b",
        # labour, wages, pensions
        r"\b(nợ lương|tăng lương|lương tối thiểu|bảng lương|sa thải|đuổi việc|liên đoàn lao động|phòng lao động|công đoàn|người có công|thương binh|liệt sĩ|chế độ chính sách)\b",
        # wages unpaid or docked, dismissal, suing an employer: the labour inspectorate, the union, the court
        r"\b(quỵt lương|(không|chưa|chẳng|chậm|trễ|chịu) trả lương|trả lương (chậm|trễ|thiếu)|chậm lương|trễ lương|giam lương|giữ lương|trừ lương|khấu trừ lương|tiền công (\w+ ){0,2}(không|chưa|chẳng) trả|tranh chấp lao động|thanh tra lao động|chấm dứt hợp đồng|cho (\w+ )?(nghỉ|thôi) việc|kiện (công ty|chủ (xưởng|quán|công ty|doanh nghiệp|nhà máy)|giám đốc|doanh nghiệp|xí nghiệp|nhà máy))\b",
        # electricity and water bills, as billed and as complained of
        r"\b(giá điện|hóa đơn (tiền )?(điện|nước)|hoá đơn (tiền )?(điện|nước)|chỉ số (điện|nước|công tơ|đồng hồ)|điện nhà (\w+ )?(lên|tăng)|ghi (số )?điện)\b",
        # other ministries' licences: boats, fishing, aviation, rail; digital signatures; consumer disputes
        marked_only(r"\bhàng không\b"),  # folded, "hang khong" is "hàng không rõ nguồn gốc"
        r"\b(tàu cá|thủy sản|thuyền trưởng|máy trưởng|bằng (lái )?(tàu|thuyền|ca nô|máy bay)|đường sắt|chữ ký số|bảo hành|đổi trả|hàng lỗi)\b",
        # cards other offices issue (the police's is the căn cước)
        r"\b(thẻ (công chức|viên chức|sinh viên|học sinh|nhà báo|đảng viên|đảng|thư viện|bhyt|bảo hiểm|xe buýt|tàu|thành viên|hội viên|cào|sim)|công chức|viên chức|biên chế)\b",
        # schools
        r"\b(nội trú|thi lại|thi vào lớp|vào lớp (1|6|10)|lớp (1|6|10) (đúng tuyến|trái tuyến)|đúng tuyến|trái tuyến|sổ liên lạc)\b",
    ],
)
# Another office's own procedure or the office itself, named: refused even beside a police word ("đăng ký kết
# hôn với người nước ngoài", "chứng thực bản sao cccd", "hộ chiếu vắc xin", "bằng lái tàu cá", "mở tài khoản
# ngân hàng cho người nước ngoài"), unless a police procedure or a crime is named too (POLICE_PROCEDURE:
# "đăng ký tạm trú cho vợ", "làm căn cước", "bị lừa"). A police word there is the subject or a document of
# that procedure, not what is asked.
OTHER_OFFICE_PROCEDURE = Table(
    "other_office_procedure",
    [
        r"\b(kết hôn|ly hôn|khai sinh|khai tử|chứng thực|công chứng|trích lục|xác nhận tình trạng hôn nhân|tình trạng hôn nhân|giấy độc thân)\b",
        r"\b(hộ chiếu (vắc xin|vaccine|vaccin|vacxin)|giấy phép lao động|bằng (lái )?(tàu|thuyền|ca nô|máy bay)|lái máy bay|tuyển sinh|nghĩa vụ quân sự|sổ đỏ|sổ hồng|mã số thuế|bảo hiểm (y tế|xã hội))\b",
        # another office named as the one asked
        r"\b(ngân hàng|bệnh viện|tòa án|ủy ban|ubnd|chi cục thuế|cơ quan thuế|sở (giáo dục|lao động|tư pháp|tài nguyên|y tế|xây dựng)|điện lực|nhà mạng|đại sứ quán|lãnh sự quán)\b",
        # a police word only spelled or said: a language question ("passport phát âm thế nào")
        r"\b(phát âm|đánh vần)\b",
        # wages unpaid: the labour inspectorate even where the employer is a foreigner ("chủ người nước ngoài")
        r"\b(nợ lương|quỵt lương|(không|chưa|chậm) trả lương)\b",
        # a toy named by a police word: "súng" there is the toy's name, not a weapon
        r"\b(súng (bắn )?(nước|bong bóng|bóng bay|xà phòng))\b",
    ],
)
# A police procedure named by its action, or a crime: with one, a question naming another office is ours too.
POLICE_PROCEDURE = Table(
    "police_procedure",
    [
        r"\b(đăng ký|đăng kí|đk|khai báo|khai|làm|gia hạn|xóa|nhập|chuyển|cắt) (\w+ )?(tạm trú|thường trú|tạm vắng|lưu trú|hộ khẩu)\b|\b(tách hộ|tách khẩu|nhập hộ|cắt khẩu)\b|\bnhập khẩu (cho )?(\w+ ){0,2}(vào|vô) (sổ )?hộ\b",
        r"\b(làm|cấp|cấp lại|cấp đổi|đổi|xin|gia hạn|báo mất|mất) (\w+ )?(thẻ )?(căn cước|cccd|cmnd|hộ chiếu|passport|lý lịch tư pháp|llttp|lltp|bằng lái|gplx|giấy phép lái xe)\b",
        r"\b(xác nhận (nơi ở|nơi cư trú|cư trú|thông tin cư trú|thường trú|tạm trú)|ct07|lý lịch tư pháp|llttp|trình báo|tố giác|báo mất|xác nhận mất|đăng ký xe|sang tên xe|rút hồ sơ gốc|định danh|vneid)\b",
        r"\b(lừa đảo|bị lừa|bọn lừa|lừa (mất|chuyển|tiền)|chiếm đoạt|giả danh|mạo danh)\b",
        # the card updated after a change of name (not a bank asking for the card: another office's business)
        r"\b(đổi|thay đổi|sửa) (họ tên|họ|tên)\b.{0,40}\b(cập nhật|update|điều chỉnh|sửa|đổi|làm lại) (lại )?(thông tin )?(trên )?(thẻ )?(căn cước|cccd|cmnd)\b",
        # moving one's registration, updating residence records, a guest who stays the night
        r"\b(chuyển khẩu|chuyển hộ khẩu|(cập nhật|điều chỉnh|sửa|thay đổi) (lại )?(thông tin )?(cư trú|nơi cư trú|trên vneid))\b",
        r"\b(tá túc|(ngủ lại|ở lại|ngủ nhờ|ở nhờ) (\w+ ){0,2}nhà (tôi|tui|em|mình|con|cháu|tao)\b[^.?!]{0,40}\b(báo|khai))\b",
        # a theft or robbery named: what was taken is no topic of its own ("bị trộm iphone thì báo ai")
        r"\b(bị (trộm|móc túi|móc|giật|cướp|mất trộm)|mất trộm|kẻ trộm|trộm (mất|cắp)|cướp giật)\b",
    ],
)
# Far topics that borrow a police word ("ho" and "hộ chiếu", "chữa" as in chữa cháy): refused outright.
FAR_DOMAIN = Table(
    "far_domain",
    [
        # body care and home remedies: hair, skin, teeth, breath, weight, fitness, minor ailments
        marked_only(r"\b(nám|tóc)\b"),
        r"\b(mất (\d+ )?(ký|kí|kg|cân)|sụt (cân|ký|kí)|mơ thấy|nằm mơ|giấc mơ|giải mộng|điềm (gì|báo|lành|dữ)|tầng cao hay (tầng )?thấp|loại nào tốt)\b",
        r"\b(rụng tóc|tóc rụng|nhuộm tóc|gội đầu|dầu gội|hôi miệng|hơi thở có mùi|sâu răng|niềng răng|trắng răng|ê buốt|nhiệt miệng|tàn nhang|trắng da|dưỡng da|da (khô|dầu|mụn|nhờn)|mỡ bụng|giảm mỡ|tập gym|tập thể dục|ăn kiêng|tăng chiều cao|chiều cao|vitamin|canxi|táo bón|đầy hơi|viêm (họng|xoang|mũi|da)|cảm lạnh|cảm sốt|nghẹt mũi|hắt hơi|say xe|say tàu|trúng gió|cạo gió|mụn (nhọt|trứng cá)|chóng mặt)\b",
        r"\b(cách|mẹo|bí quyết|làm sao|làm thế nào|bài thuốc) (để )?(chữa|trị|hết|giảm|bớt|làm (trắng|đẹp|mờ|hết|giảm)|tăng|ngủ ngon)\b|\b(chữa|trị) (dứt điểm|tận gốc|tại nhà)\b",
        r"\b(bệnh|chữa bệnh|chữa (đau|ho|sốt|mụn|mất ngủ)|đau (đầu|bụng|lưng|răng|họng|dạ dày)|mất ngủ|không ngủ được|giảm cân|tăng cân|huyết áp|tiểu đường|ung thư|cảm cúm|sổ mũi|tiêu chảy|nấc cụt|trị mụn|mụn|kem chống nắng|cháy nắng|da mặt|biếng ăn|muỗi đốt|sốt|thuốc (gì|nào|trị|chữa)|tuổi (tý|sửu|dần|mão|mẹo|thìn|tỵ|ngọ|mùi|thân|dậu|tuất|hợi)|phong thủy|tử vi|xem ngày)\b",
        (
            "\\bho\\b(?! (chiếu|khẩu|tịch|gia đình|kinh doanh|nghèo|dân))",
            "(?<!phong )(?<!dong )(?<!tach )(?<!chu )(?<!nhap )(?<!xoa )(?<!so )(?<!1 )(?<!mot )(?<!rieng )(?<!\\w)ho(?! (chieu|khau|tich|gia dinh|kinh doanh|ngheo|dan|so|cua|ten))(?!\\w)",
        ),
        r"\b(game|free fire|pubg|liên quân mobile|chơi liên quân|trộm vía|báo cáo (thực tập|tốt nghiệp|môn|thí nghiệm|bài tập)|vàng (nhẫn|miếng|sjc|9999|24k|18k|tây)|mua vào bán ra)\b",
        # "ngon" is food, not "ngủ ngon" (a wish): "(?<!ng. )" also where the plain view masks the "ủ"
        # everyday life asked of anyone, family by family: schoolwork, play, weather, sport, prices, farming and
        # pets, feelings, devices, the calendar (nothing a report says: "trồng cây" may be cannabis, "nuôi gà" a
        # cockfight, and a report only the model recognises comes after this table)
        r"\b(đề kiểm tra|bài kiểm tra|kiểm tra (15 phút|1 tiết|giữa kỳ|cuối kỳ)|bài tập (về nhà|toán|văn)|làm bài tập|môn (toán|văn|sử|địa|lý|hóa|sinh|anh)|giải (bài|phương trình)|nhân \d+ bằng|cộng \d+ bằng)\b",
        r"\b(trò chơi|chơi trò|trốn tìm|đồ chơi|chơi (gì|với bé|với con) cho vui)\b",
        # weather, only as typed: folded, "có mua" is "to buy"
        marked_only(r"\b(có tuyết|nắng hay mưa|mưa hay nắng|có mưa|mưa không|có lạnh|trời nóng)\b"),
        r"\b(world cup|ngoại hạng|vô địch|đội tuyển|đá mấy (giờ|h)|mấy giờ đá|kênh nào (trực tiếp|chiếu))\b",
        r"\b(giá (xăng|lúa|gạo|cà phê|tiêu|heo|cá|rau|đô|usd|bitcoin|vàng)|lên hay xuống|tăng hay giảm)\b",
        r"\b(bón phân|vàng lá|rụng (lá|trái|quả)|trồng (rau|hoa|lúa|sầu riêng)|cá cảnh|thú cưng)\b",
        r"\b(crush|tỏ tình|thất tình|người yêu cũ|chuyện tình|hẹn hò)\b",
        # advice on feelings: "em buồn quá, có nên nhắn cho người cũ không"
        r"\bcó nên (\w+ ){0,4}(với|cho) (bạn cũ|người cũ|tình cũ|bồ cũ)\b|\b(buồn|chán|cô đơn|nhớ (anh|em|chồng|vợ))( quá| lắm)?\b.{0,30}\bcó nên\b",
        r"\b(báo thức|pass wifi|mật khẩu wifi|sạc pin|hết pin)\b",
        # a slow connection ("cứu net với, wifi chậm như rùa")
        r"\b(wifi|wi fi|net|internet|mạng|4g|5g)( \w+){0,3} (chậm|lag|giật lag|yếu|rớt|chập chờn|mất sóng)\b",
        r"\b(âm lịch|lịch âm|rằm tháng|mùng \d+ tết|ngày lễ|tết (âm|dương)|chuyện tiếu lâm|kể chuyện|hát bài|nghe bài|bài gì)\b",
        r"\b(thời tiết|trời (có )?mưa|xổ số|xo so|bóng đá|v-league|mấy giờ đá|trận|phim|bài hát|ca sĩ|concert|món|nấu|công thức|bánh|trà sữa|quán (bún|phở|ăn|cà phê|cafe)|(?<!ng. )ngon|người yêu|chia tay|tâm sự|chuyện cười|bài toán|bài văn|tiếng anh|giải giúp|iphone|điện thoại bị đơ|máy giặt|bonsai|trồng rau|con mèo|con chó|cá koi|du lịch|đi đà lạt|kính cận|cắt kính)\b",
        # children's and household medicines (never the poisons, drugs or explosives that share "thuốc")
        r"\b(xổ giun|tẩy giun|giun kim|siro|thuốc (hạ sốt|cảm|ho|nhỏ (mắt|mũi))|men (vi sinh|tiêu hóa)|hăm tã|mọc răng)\b",
        # quitting smoking or drinking (selling smuggled cigarettes is a report)
        r"\b(cai (thuốc lá|thuốc|rượu|bia)|bỏ hút thuốc|bỏ rượu)\b",
        # crops and farming: pests, diseases, care
        r"\b(thối (rễ|thân|gốc|trái|quả)|rầy nâu|sâu (bệnh|cuốn lá|đục thân)|đạo ôn|nấm (hồng|lá)|(không )?ra (nụ|bông|hoa|trái)|đậu (trái|quả)|chiết cành|ghép cành|tưới (cây|rau|lúa)|năng suất|trồng (cà phê|tiêu|bưởi|cam|mít))\b",
        # produce prices and selling a harvest
        r"\b(thương lái (\w+ )?(thu mua|mua|trả)|thu mua (\w+ )?bao nhiêu|bao nhiêu (một|1|mỗi) (ký|kí|kg|cân|tạ|tấn|yến)|(bán|tiêu thụ) (giúp|dùm|giùm|hộ)( \w+){0,4} (tấn|tạ|yến|ký|kg|kí)|nông sản|đầu ra cho|giá (heo|lợn|bò|gà|sầu riêng|bưởi|thanh long|mít|khoai|sắn|cao su|điều|ớt|dừa|thu mua))\b",
        # phone charging and batteries
        r"\b(sạc (\w+ ){0,2}(qua đêm|cả đêm|nhanh)|sạc dự phòng|(cục|củ|dây) sạc|pin (\w+ ){0,2}(nóng|phồng|chai|yếu)|(chai|phồng) pin|điện thoại (\w+ )?nóng)\b",
        # pronunciation, spelling, languages
        r"\b(phát âm|đánh vần|chính tả|từ vựng|ngữ pháp|dịch (\w+ )?sang tiếng)\b",
        # water guns and bubble guns, toys ("súng" alone is a police word: see OTHER_OFFICE_PROCEDURE)
        r"\b(súng (bắn )?(nước|bong bóng|bóng bay|xà phòng))\b",
        # a small child's sleep, growth and lessons ("bé", "con" also name the children's căn cước)
        # swimming and first-aid lessons: "tập bơi cho bé ở đâu", "cách hô hấp nhân tạo học ở đâu"
        r"\b(học|lớp|khóa|khoá|dạy|tập) (\w+ ){0,2}(bơi|hô hấp nhân tạo|hồi sức tim phổi|cpr|ép tim|sơ cấp cứu)\b|\b(hô hấp nhân tạo|hồi sức tim phổi|cpr|ép tim|sơ cấp cứu)\b.{0,40}\b(học|khóa học|khoá học|lớp|dạy)\b",
        r"\b(ngủ sớm|chưa biết (đi|nói|bò)|chậm (biết đi|nói)|tập (đi|nói|bò)|học bơi|lớp bơi|biếng ăn|khóc đêm|quấy khóc|mấy tháng (biết|thì)|phát triển chiều cao)\b",
        # football pitches and renting one
        r"\b(sân bóng (mini|đá|cỏ)|cỏ nhân tạo|thuê sân|đặt sân|sân (cầu lông|tennis|pickleball))\b",
        # wedding and party gifts
        r"\b(mừng cưới|tiền mừng|quà cưới|đi (đám )?cưới (\w+ )?bao nhiêu|mừng (\w+ ){0,2}bao nhiêu|quà (tân gia|sinh nhật|đầy tháng))\b",
        # hair care ("gàu" and "hói" fold onto "gấu" and "hỏi")
        r"\b(uốn tóc|duỗi tóc|cắt tóc|ủ tóc|dưỡng tóc|mọc tóc|tóc (khô|xơ|gãy|bạc|chẻ ngọn|mỏng|dầu)|bạc tóc|chẻ ngọn)\b",
        marked_only(r"\b(gàu|hói|hói đầu)\b"),
    ],
)
# Words only police procedures use: with one of these, a near-domain word does not refuse the question.
POLICE_ANCHOR = Table(
    "police_anchor",
    [
        r"\b(nhập (\w+ )?vào hộ|vào hộ (khẩu|của)|xác nhận (nơi ở|nơi cư trú|cư trú|thường trú|tạm trú)|criminal record|police check|phiếu lý lịch)\b",
        r"\b(căn cước|cccd|cmnd|chứng minh nhân dân|hộ chiếu|passport|tạm trú|thường trú|hộ khẩu|tách hộ|chủ hộ|nhập hộ|tạm vắng|lưu trú|cư trú|ct07|con dấu|khắc dấu|pccc|phòng cháy|chữa cháy(?! nắng)|biển số|đăng ký xe|cà vẹt|gplx|bằng lái|lái xe|vneid|định danh|lý lịch tư pháp|tiền án|tiền sự|súng|vũ khí|vật liệu nổ|tố giác|trình báo|tin báo|phạt nguội|an ninh trật tự|xuất nhập cảnh|người nước ngoài|lừa đảo|bị lừa|bọn lừa|kẻ gian|báo mất|xác nhận mất|giấy báo mất)\b",
        # the same families' other words: criminal-record abbreviations, ammunition handed in, reporting
        r"\b(llttp|lltp|police report|báo (cho )?(công an|cơ quan chức năng|cơ quan nào))\b",
        marked_only(r"\b(đạn|lựu đạn|bom|mìn|thuốc nổ|kíp nổ)\b"),
    ],
)

# A question about reporting itself: answered from the reporting entries even when the matcher abstains.
REPORTING_QUESTION = Table(
    "reporting_question",
    [
        r"\b(tố giác|tố cáo|báo tin|trình báo|gửi tin báo|tin báo|báo công an|báo mất|báo cho công an|làm đơn|nộp đơn|viết đơn|giấu tên|nặc danh|ẩn danh|giữ kín|bảo mật (thông tin|danh tính|số))\b",
        r"\b(muốn|mún|định) (báo|tố giác|trình báo|tố cáo) (\w+ ){0,2}(thì|phải|cần)\b",
        r"\b(có )?(biết|lộ|phát hiện) (được )?(là )?(ai|người|tôi|em|tui|mình|cháu) (là người )?(báo|tố giác|tố cáo)\b",
        r"\b(gửi|nộp|đưa) (bằng chứng|chứng cứ)\b",
        # a record of what was reported, for insurance or a file: "muốn có biên bản để báo bảo hiểm thì làm sao"
        r"\b(muốn|xin|cần|lấy|làm|có) (\w+ )?(biên bản|giấy xác nhận) (\w+ ){0,3}(trình báo|sự việc|vụ việc|vụ trộm|bị mất|mất trộm|(để |cho )?(báo|làm|nộp|bổ sung|gửi) (\w+ )?(bảo hiểm|hồ sơ))\b",
    ],
)
REPORTING_ENTRIES = (
    (
        Table(
            "lost",
            [
                (
                    r"\b(mất(?! (việc|ngủ|lòng|mặt|thời gian|công|uy tín))|đánh rơi|rớt|bị trộm|bị móc|thất lạc)\b",
                    r"\b((?<!bao )mat(?! (viec|ngu|long|thoi gian|cong|uy tin))|danh roi|rot|bi trom|bi moc|that lac)\b",
                )
            ],
        ),
        "trinh-bao-mat-tai-san",
    ),
    (Table("fraud", [r"\b(lừa|lừa đảo|chiếm đoạt|giả danh|mạo danh|hack|scam)\b"]), "lua-dao-qua-mang"),
)

GENERAL_REPORTING_ENTRY = "to-giac-toi-pham"


def _narrower_reporting_entry(text: Text, match: FaqMatch, faq: FaqEngine | None) -> FaqMatch | None:
    """Asked how to report a fraud or a loss, the narrower entry answers better than reporting in general."""
    if faq is None or match.intent != GENERAL_REPORTING_ENTRY:
        return None
    for table, entry_id in reversed(REPORTING_ENTRIES):  # a fraud that cost money is a fraud before a loss
        if table.find(text):
            return FaqMatchLike(entry_id, match.score, faq.entry(entry_id), False, entry_id)
    return None


MIN_RICH_WORDS = 12  # a report message this long can stand as its own description
MAX_GREETING_WORDS = 12
# Where the matcher and the model have found nothing, a greeting or thanks with a longer introduction is one too
# ("em chào các anh chị trực ban, em là sinh viên năm 2 ạ").
MAX_LONG_GREETING_WORDS = 16


# ------------------------------------------------------------------ the classifier


def _emergency(text: Text, model: MessageModel | None = None) -> tuple[str, str] | None:
    """(number, reason) when danger is now; where two numbers' tables both hit, the model chooses."""
    fire = FIRE_RESCUE.find(text)
    medical = MEDICAL.find(text)
    explosion = EXPLOSION.find(text)
    # "đốt pháo… nổ đùng đùng": an offence, no blast (unless where fireworks are stored or made)
    if explosion and not fire and FIREWORKS.find(text) and not BLAST_SITE.find(text):
        explosion = None
    if explosion and BOMB_THREAT.find(text):
        explosion = None  # threatened, not gone off: the police
    if explosion and not fire and not GUNFIRE.find(text):  # "súng nổ liên tục": shots, the police
        fire = None if medical else explosion
    if medical and not fire and ANIMAL_PATIENT.find(text):
        medical = None
    if fire and medical and OVERTURNED.find(text) and not TRAPPED.find(text):
        fire = None  # "xe khách lật, nhiều người bị thương": the injured first, 115
    alone = _POLICE_ALONE.find(text) or BOMB_THREAT.find(text)
    if alone and ABROAD.find(text):
        alone = None  # held for ransom across the border: a report, not a patrol
    police = POLICE.find(text) or alone
    if police and medical and FLED.find(text):
        police = None  # the attacker gone, someone wounded: the ambulance first
    elif medical and (
        attack := ATTACK_NOW.find(text)
    ):  # asked only with a wound named: most messages name none
        police, medical = police or attack, None  # the attacker still at it: stop the blows first
    if fire and police and ARSON.find(text) and not FEARED.find(text):
        police = None  # the house already burning: the fire brigade first
    if fire and medical and PIT_GAS.find(text):
        medical = None  # overcome down a pit: a rescue first
    if fire and police and TRAPPED_KNOCKING.find(text):
        police = None  # "người trong xe đang đập cửa": trapped, not attacked
    if not (fire or medical or police):
        cry = CRY.find(text)
        if (
            cry and not _question(text) and not (FAR_DOMAIN.find(text) or LEISURE.find(text))
        ):  # "cứu em, bài toán…"
            return "113", f"cry:{cry}"
        return None
    # (asked only once a danger is named: most messages name none)
    figurative = FIGURATIVE.find(text) and not SUICIDE_THREAT.find(text)
    if (PRETEND.find(text) or figurative) and (not CRY.find(text) or _question(text)):
        return None  # a game, a film, or asked about ("cháy trong game thì cứu kiểu gì"): nobody in danger
    # a grave state said of now counts as now, even after a harm told as past ("bị đánh lúc đi học về, giờ bất tỉnh")
    present = PRESENT.find(text) or GRAVE_NOW.find(text)
    if (HABITUAL.find(text) or PAST.find(text)) and not STRONG_NOW.find(text) and not _SEVERE.find(text):
        return None  # it keeps happening, is only suspected, or is over: a report
    feared = FEARED.find(text)
    if feared and not present and not STRONG_NOW.find(text):
        start = text.marked.find(feared)
        if all(text.marked.find(hit) >= start for hit in (fire, medical, police) if hit):
            return None  # "tôi sợ rơi xuống vực": the only danger named is one feared, not happening
    if not present:
        # Told afterwards ("tối qua … vỡ đầu, muốn trình báo") or asked about ("cháy thì gọi số nào").
        if PAST.find(text) or REPORT_INTENT.find(text) or EMERGENCY_QUESTION.find(text):
            return None
        if _question(text) and (POLICE_ANCHOR.find(text) or QUESTION_TOPIC.find(text)):
            return None  # "thẻ căn cước bị cháy xém, làm lại ở đâu": a damaged paper, asked about
        if police and not (fire or medical) and not alone:
            return None  # a weapon or a theft named with nothing happening now: a report
    suicide = SUICIDE_THREAT.find(text)
    if suicide and not fire:  # a threat to take one's life: the police first, even when the means is poison
        return "113", f"113:{suicide}"
    named = {n: hit for n, hit in (("114", fire), ("115", medical), ("113", police)) if hit}
    if len(named) > 1 and model is not None:  # two numbers' words: the model picks between them only
        posterior = _opinion(model, text).posterior
        first, second, *_ = sorted(named, key=lambda n: posterior[n], reverse=True)
        if posterior[first] > posterior[second]:  # no preference at all: the fixed order below
            return first, f"{first}:{named[first]}+model"
    if fire:
        return "114", f"114:{fire}"
    if police and (present or not medical):
        return "113", f"113:{police}"
    if medical:
        return "115", f"115:{medical}"
    return "113", f"113:{police}"


# A house set alight on purpose: once it burns, the fire is the danger first ("châm lửa đốt nhà, lửa cháy phừng phừng").
ARSON = Table(
    "arson",
    [r"\b(đốt nhà|châm lửa|phóng hỏa|phóng hoả|tưới xăng|ném bom xăng|đổ xăng (\w+ )?đốt)\b"],
)
# A bomb threatened, not gone off: the police ("có người nói sẽ nổ bom ở chợ").
BOMB_THREAT = Table(
    "bomb_threat",
    [
        r"\b(sẽ (cho )?nổ (\w+ )?bom|(đặt|gài|cài|giấu|để) (\w+ )?(quả |trái )?bom|bom (\w+ ){0,2}(sẽ nổ|hẹn giờ)|(dọa|đe dọa|doạ|đe doạ) (\w+ ){0,2}bom|bomb threat)\b(?! tấn)"
    ],
)
# The attacker gone and someone wounded: the ambulance first ("nó chạy rồi, tôi đang ôm bụng").
FLED = Table(
    "fled",
    [
        r"\b(nó|tụi nó|bọn nó|hắn|chúng nó|tụi|bọn|thằng \w+|kẻ \w+|tên \w+)( \w+)? (chạy|trốn|đi|phóng xe đi) (rồi|mất)\b|\b(bỏ chạy|tẩu thoát|chạy mất|trốn mất|phóng (xe )?(đi|chạy) mất)\b"
    ],
)
# The attacker still at it, a weapon in hand, while the victim bleeds: the police first, whatever the model says
# ("thằng cha đang cầm cây đập đầu ông già, ông chảy máu rồi").
ATTACK_NOW = Table(
    "attack_now",
    [
        r"\bđang (\w+ ){0,2}(cầm|vung|vác|dùng) (cây|gậy|búa|dao|gạch|ghế|tuýp|mã tấu|kiếm|rựa|chai|ống sắt)( \w+)? (đập|đánh|chém|đâm|phang|quật|bổ)\b"
    ],
)
# Abroad: a ransom asked from a scam compound across the border is a report to the police, no patrol can go.
ABROAD = Table(
    "abroad",
    [
        r"\b(campuchia|cam pu chia|căm pu chia|cambodia|myanmar|miến điện|bên kia biên giới|nước ngoài)\b",
        marked_only(
            r"\b(lào|thái lan|trung quốc|malaysia)\b"
        ),  # "lao" is "lao vào", "trung quoc" rare folded
    ],
)


# A danger feared rather than happening: "xe khách vẫn chạy qua, tôi sợ rơi xuống vực".
FEARED = Table(
    "feared",
    [
        r"\b(sợ|lo|e là|e rằng|ngại) (là |rằng )?(sẽ |có ngày |lỡ |bị )?(\w+ ){0,2}(rơi|rớt|ngã|té|sập|đổ|cháy|chìm|lật|nổ|sạt|lở)\b"
    ],
)
FIREWORKS = Table("fireworks", [marked_only(r"\bpháo\b")])  # without diacritics "phao" is a lifebuoy
GUNFIRE = Table(
    "gunfire",
    [
        r"\b(súng nổ|tiếng súng|nổ súng|xả súng|bắn (súng|nhau|loạn|chỉ thiên))\b",
        r"\bnổ (\w+ ){0,3}(như|giống) (tiếng )?súng\b|\b(đoàng đoàng|đùng đoàng|pằng pằng|pằng chíu)\b",
    ],
)
OVERTURNED = Table(
    "overturned",
    [
        r"\b((xe|ô tô|xe khách|xe tải|xe buýt|xe máy|xe container|xe đò)( \w+){0,2} (bị )?lật|lật xe|tai nạn)\b"
    ],
)
TRAPPED = Table(
    "trapped",
    [
        r"\b(kẹt|mắc kẹt|bị kẹp|không ra được|không thoát|chìm|rơi xuống|lao xuống|cháy|bốc cháy|khói|lửa|ngập|cuốn)\b"
    ],
)
# An animal is the one taken ill ("con mèo nhà em bị co giật"): a vet, not 115 (a dog that bites is no patient).
ANIMAL_PATIENT = Table(
    "animal_patient",
    [
        marked_only(  # without diacritics "bo", "ga", "meo" are "bố", "ga", "méo"
            r"^\W*(con |em |bé |mấy con |đàn |bầy )?(mèo|chó|cún|gà|vịt|heo|lợn|bò|trâu|dê|vẹt|chim|thỏ|hamster)\b(?!.*\b(cắn|mổ|húc|cào|đá) (người|tôi|em|con|cháu|bé|anh|chị|mẹ|bố|ba|ông|bà)\b)"
        ),
        r"\bthú y\b",
    ],
)
# Words of harm said of food, love or a dream ("nướng thịt bị cháy", "thất tình đau tim", "mơ thấy chết đuối").
FIGURATIVE = Table(
    "figurative",
    [
        r"\b(nướng|nấu|chiên|rán|xào) (thịt|cá|cơm|bánh|trứng|khoai|gà|tôm|mực|đồ ăn|món)( \w+){0,2} (bị )?cháy\b|\b(cơm|thịt|bánh|cá|nồi cơm|chảo|đồ ăn|lẩu|canh|cháo|nồi|xoong|ấm) (\w+ )?(bị )?cháy (khét|khê|đen|xém|đáy)\b",
        r"\b(thất tình|crush)\b.{0,20}\b(đau tim|tim đau|đau lòng)\b|\b(mơ thấy|nằm mơ|giấc mơ|điềm (gì|báo|lành|dữ)|giải mộng)\b",
        r"\b(gà|tôm|mực|sườn|cá|đậu|bò|heo|mì|cơm|ba chỉ) cháy (tỏi|sả|mắm|tỏi ớt|cạnh)\b",
        r"\b(uốn|duỗi|nhuộm|tẩy|ép|sấy) (tóc )?(\w+ ){0,3}(bị )?(cháy|xém|khét)\b|\btóc (\w+ ){0,2}(bị )?cháy\b.{0,30}\b(uốn|duỗi|nhuộm|tẩy|ép|sấy|phục hồi|dưỡng)\b",
        # a vehicle that drinks fuel, a habit likened to drinking water ("xe uống xăng như uống nước")
        r"\b(xe|ô tô|con xe|xe máy|máy)( \w+){0,2} (ăn|uống|hao|tốn|hút) xăng\b|\b(uống|tiêu|xài|ăn) (\w+ ){0,2}như (uống nước|ăn kẹo|nước)\b",
        # out of breath from exercise: "chạy bộ xong thở dốc", "leo cầu thang thở hổn hển"
        r"\b(chạy bộ|chạy|leo (cầu thang|núi|dốc|lầu)|tập (gym|thể dục|thể hình|aerobic)|đạp xe|bơi|đá bóng|đánh cầu|nhảy dây)( \w+){0,4} (thở dốc|thở hổn hển|hụt hơi|thở không ra hơi)\b",
        # work said to be on fire: "deadline cháy nhà rồi"
        r"\b(deadline|dl|kpi|task|bài tập|đồ án|luận văn|tiến độ)( \w+){0,2} (cháy|dí)\b",
        r"\bđốt (rác|dây điện|lốp|vỏ dây|rơm|rạ|nhựa|phế liệu|vàng mã|dây đồng)\b(?!.{0,40}\b(cháy lan|bén|bùng|lan sang|cháy (nhà|lớn|to))\b)",
    ],
)
# Danger that is played or watched, not lived.
PRETEND = Table(
    "pretend",
    [
        r"\b(trong game|chơi game|game|free fire|pubg|liên quân mobile|chơi liên quân|trong phim|phim hành động|diễn tập|tập huấn)\b"
    ],
)


# Someone says they will take their own life.
SUICIDE_THREAT = Table(
    "suicide_threat",
    [
        _EDGE_JUMP,
        r"\b(chán sống|sống không nổi|không thiết sống|hết muốn sống|thắt cổ|buộc dây (\w+ )?(lên|vào) (xà|cổ|cây|quạt))\b",
        r"\b(nhắn (tin )?(tạm biệt|vĩnh biệt|trăn trối)|thư (tuyệt mệnh|vĩnh biệt)|lời trăn trối)\b",
        r"\b(sẽ|định|"
        + _MOOD
        + r"muốn|đòi|dọa|doạ|tính|sắp) (\w+ ){0,2}(uống (hết |cả )?(lọ |vỉ |hộp )?thuốc|nhảy (cầu|lầu|sông|xuống)|treo cổ|tự tử|tự sát|tự vẫn|chết|cắt tay|rạch tay)\b|\b(tự tử|tự sát|tự vẫn|quyên sinh|"
        + _MOOD
        + r"muốn chết|không muốn sống)\b",
        # an overdose announced by the one who took it: "nó nói uống hết vỉ thuốc ngủ" (not "thuốc hạ sốt")
        r"\b(nói|bảo|nhắn|kêu) (là |rằng )?(đã |vừa |mới )?(uống|nuốt) (hết|cả|nguyên) (\w+ )?(lọ|vỉ|hộp|chai) thuốc (ngủ|an thần|chuột|sâu|trừ sâu|diệt cỏ)\b",
    ],
)

# Danger that no habit or suspicion makes less urgent.
_SEVERE = Table(
    "severe",
    [
        r"\b(bất tỉnh|không thở|ngừng thở|co giật|đột quỵ|chết đuối|mắc kẹt|bắt cóc|con tin|tự tử|tự sát|treo cổ|thắt cổ|chán sống|nổ súng|xả súng|cháy nhà|nhà (bị |đang )?cháy)\b",
        r"\b(lửa (bốc|bùng) (cao|lớn|to|ngùn ngụt)|còn (người|công nhân|ông bà|cụ|trẻ|em bé|cháu|con)( \w+){0,3} (ở )?(bên )?trong)\b",
    ],
)


# Police emergencies that need no "now": a kidnapping, a threat to kill, a suicide announced.
_POLICE_ALONE = Table(
    "113_alone",
    [
        marked_only(
            r"\b(cầm|vác|vung|xách|rút|múa) (theo )?(cây |cái |con )?(mác|giáo|lưỡi lê|đao|côn nhị khúc)\b(?! (án|trình|viên|khoa|dục|sư|lý|xứ|phái|hội|hàng|hiệu))"
        ),
        # a door being broken in, told in English ("somebody is breaking my door")
        r"\b(is|are|'s|'re|keeps?) (breaking|kicking|banging( on)?|smashing|forcing|trying to (open|break))( in(to)?)? (my|our|the) (door|window|gate|house|room)\b|\bbreaking (into|in) (my|our|the)\b|\bsomeone (is )?(in|inside) (my|our|the) (house|room|apartment|flat)\b",
        # a minor lured out to meet someone, now gone or unreachable
        r"\b(con|cháu|bé|em gái|em trai|con gái|con trai|đứa|nó|con bé|thằng bé)( \w+){0,6} bị (\w+ ){0,4}(rủ|dụ|hẹn|dụ dỗ|lôi kéo) (\w+ ){0,2}(ra |đi )?(gặp|đi chơi|ra ngoài|đi gặp|bỏ nhà)\b.{0,60}\b(biến mất|mất liên lạc|không liên lạc được|tắt máy|máy tắt|không (thấy )?về|chưa (thấy )?về|không thấy (đâu|tăm hơi))\b",
        # a burglar heard inside the house: a safe, a lock, drawers worked at
        r"\bnghe (thấy |có )*tiếng (\w+ )?(cạy|phá|bẻ|khoét|lục lọi|lục (đồ|tủ)|mở (két|tủ|ngăn kéo)|khui két|cắt khóa|cắt khoá|cưa song sắt)\b",
        # a blade at the wrist shown online, a farewell posted
        (
            r"\b(dao lam|lưỡi lam|dao|dao rọc giấy|mảnh chai|mảnh kính)( \w+){0,2} (kề |để |trên |với |vào |cứa )?cổ tay\b|\b(story|status|stt|đăng|post|live)( \w+){0,5} (vĩnh biệt|từ biệt|trăn trối|xin lỗi (ba mẹ|bố mẹ|cả nhà|gia đình))\b",
            r"\b(dao lam|luoi lam|dao|dao roc giay|manh chai|manh kinh)( \w+){0,2} (ke |de |tren |voi |vao |cua )?co tay\b(?! cam)|\b(story|status|stt|dang|post|live)( \w+){0,5} (vinh biet|tu biet|tran troi|xin loi (ba me|bo me|ca nha|gia dinh))\b",
        ),
        r"\b(bắt cóc|tiền chuộc|con tin|khống chế(?! bạt)|bắt nhốt|bị nhốt|bị bắt đi|bị dẫn đi|bị đưa lên (xe|ô tô))\b",
        _without_stroll(
            r"\b(cầm|vác|rút|kề|dí|chĩa|xách) (theo )?(cái |can |chai |lọ |cây |khẩu |con )?(dao|súng|mã tấu|kiếm|rựa|hung khí|vũ khí|lựu đạn|axit|xăng)\b"
        ),
        r"\b(đánh nhau|ẩu đả|hỗn chiến|xô xát|đánh lộn|đập nhau)\b.{0,40}\b(súng|dao|mã tấu|kiếm|rựa|gậy|hung khí)\b|\b(súng|dao|mã tấu|kiếm|rựa)\b.{0,40}\b(đánh nhau|ẩu đả|hỗn chiến|xô xát|đánh lộn)\b",
        r"\b(nhốt (con|vợ|chồng|người|tôi|em|cháu|bé|mẹ|bố|ba|chị|anh|nó|cô)( \w+){0,2} trong|bị (\w+ ){0,3}nhốt|nhốt trong (phòng|nhà|kho|xe|buồng|hầm|căn)|bị giam|giam (lỏng|giữ))\b",
        # someone taken onto a vehicle, a child gone off with a stranger, a robbery shouted
        r"\b(kéo|lôi|bắt|bế|ẵm|dụ|chở|đẩy|ép) (\w+ ){1,4}(lên|vào) (xe|ô tô|taxi)\b(?! (đạp|đẩy|nôi)\b)(?!( \w+){0,3} (đi )?(học|làm|chơi|về quê|khám|tiêm|chợ)\b)",
        r"\b(con|cháu|bé|đứa nhỏ|đứa bé|thằng bé|con bé)( \w+){0,4} (đi theo|theo|bị dụ theo|bị dụ đi theo) (\w+ ){0,4}lạ\b",
        _AMONG_TRAFFIC,
        # told in short pieces: "người lạ. bế lên xe máy. hướng ra quốc lộ"
        r"\b(người lạ|kẻ lạ|ông lạ|bà lạ|thằng lạ|gã lạ)\b.{0,20}\b(bế|ẵm|bắt|kéo|lôi|dụ|chở) (\w+ ){0,3}(lên|vào) (xe|ô tô|taxi)\b(?! (đạp|đẩy|nôi)\b)",
        # a shop's counter smashed by armed or masked men: "kín mặt vừa vào đập tủ kính, có khẩu giống súng"
        r"\b(đập|phá|cạy) (vỡ )?(tủ kính|quầy|tủ vàng|két)\b.{0,60}\b(súng|dao|mã tấu|kiếm|rựa)\b|\b(súng|dao|mã tấu|kiếm|rựa|kín mặt|bịt mặt)\b.{0,60}\b(đập|phá|cạy) (vỡ )?(tủ kính|quầy|tủ vàng|két)\b",
        r"\b(is|are|he's|she's|they're|keeps?) (hitting|beating|punching|kicking|stabbing|attacking|dragging|choking|strangling|robbing) (a|an|the|my|our|his|her|him|me|us|them|someone|somebody|people)\b",
        marked_only(r"\b(cướp|trộm|cháy)\s*!"),
        r"\b(tụi nó|bọn nó|chúng nó|bọn chúng|tụi|bọn|mấy thằng|đám|nhóm) (\w+ )?(có|mang|cầm|vác|giắt) (theo )?(dao|súng|mã tấu|kiếm|rựa|hung khí|gậy|cây sắt)\b",
        r"\b(bị (\w+ ){0,5}(đưa|bắt|kéo|lôi|bế|ẵm|dụ|chở) (lên|đi|vào) (xe|ô tô|taxi|mất)|(bế|ẵm|dụ|bắt) (mất|đi mất)|(kéo|lôi|bắt) lên (xe|ô tô)|(con|cháu|bé|em|người|mẹ|bố|ba|ông|bà|vợ|chồng|đứa)( \w+){0,2} (bị )?mất tích)\b",
        marked_only(r"\b(bế|ẵm|dụ|bắt|dắt)( \w+){0,3} (đi )?mất\b"),
        r"\b(bắn loạn xạ|nổ súng|xả súng|bắn chết|xông vào|lao vào chém|đuổi đánh|đuổi chém|truy sát)\b",
        r"\b(đến|tới|kéo đến|kéo tới|xông vào|xông tới) (\w+ )?(phá|đập|đập phá) (nhà|cửa|cổng)\b",
        # shots told by their sound
        r"\bnổ (\w+ ){0,3}(như|giống) (tiếng )?súng\b|\b(đoàng đoàng|đùng đoàng|pằng pằng|pằng chíu)\b",
        r"\b(trộm|kẻ trộm|kẻ gian|người lạ|nó|tụi nó|bọn nó)\b.*\b(còn|vẫn|đang) (ở |núp |trốn )?trong nhà\b",
        # blows heard through a wall: "nghe tiếng đánh bốp bốp", "nghe tiếng tát vợ chan chát"
        r"\bnghe (thấy |có )*tiếng (đánh|đấm|tát|đạp|đá) (người|vợ|chồng|con|nhau|bốp|chát|chan chát|bộp|huỳnh huỵch|bình bịch|uỳnh uỵch)\b",
        # a farewell sent, then unreachable or gone with the means: "nhắn 'đừng tìm', giờ không nghe máy"
        r"\b(nhắn|viết|để lại|dặn|gửi)\b.{0,40}\b(đừng (ai )?(đi )?(tìm|kiếm)|vĩnh biệt|tạm biệt mọi người)\b.{0,60}\b((không|hổng|chẳng|ko) (nghe|bắt) máy|tắt máy|(không|hổng|ko) liên lạc được|dây thừng|thuốc ngủ|thuốc chuột|thuốc sâu)\b",
        r"\b(tự tử|tự sát|tự vẫn|"
        + _MOOD
        + r"muốn chết|không muốn sống|quyên sinh|treo cổ|nhảy (cầu|lầu|sông|xuống))\b",
        r"\b(chán sống|sống không nổi|không thiết sống|hết muốn sống|thắt cổ|buộc dây (\w+ )?(lên|vào) (xà|cổ|cây|quạt)|tìm đến cái chết|kết liễu)\b",
        r"\b(ngồi|đứng|trèo|leo) (\w+ )?(trên|ở|ra|lên) (lan can|mái nhà|sân thượng|thành cầu|cầu|nóc)\b.{0,60}\b(nhảy|chết)\b|\b(nói|dọa|đòi|bảo) (là )?(sẽ |sắp |muốn )?nhảy\b(?! (dây|múa|đầm|nhót|cao|xa|việc))",
        r"\b(ngồi|đứng|trèo|leo|đu|vắt vẻo) (\w+ )?(trên|ra|ngoài|qua|lên) (lan can|thành cầu|mép (sân thượng|mái|cầu)|bậu cửa sổ)\b.{0,60}\b(khóc|gào|chân (thòng|thõng|buông|đung đưa)|không chịu (vào|xuống)|(không|đừng) (cho )?(ai )?(được )?(lại|đến|tới|lết) gần)\b|\bchân (thòng|thõng|buông|đung đưa) (\w+ )?ra ngoài (lan can|thành cầu|cửa sổ|mép)\b",
        r"\b(con|bé|cháu|đứa nhỏ|đứa bé|thằng bé|con bé|thằng cu|con gái|con trai)( \w+){0,10} (đi lạc|bị lạc|lạc mất|mất tích|không thấy đâu|hổng thấy đâu|chẳng thấy đâu|chưa thấy về)|\blạc mất (con|cháu|bé)|\bmất con rồi|\b(tìm|kiếm) (khắp|hoài|mãi|cả)( \w+){0,3} (không|hổng|chẳng|chả) thấy\b",
        r"\b(dọa|đe dọa|doạ|đe doạ|đòi|định) (giết|chém|đâm|tạt axit|đốt|bắn|nhảy(?! (dây|múa|nhót|đầm|cao|xa|lò cò)))\b",
        marked_only(r"\bđâm (người|chết|nhau|loạn)\b"),
        r"\b(tiếng súng|súng nổ|nổ súng|bắn (người|nhau|chết|loạn)|cầm (súng|dao|mã tấu|hung khí|kiếm)|vung (dao|mã tấu|kiếm)|múa (dao|mã tấu)|chém (người|chết|nhau|loạn)|vây (đánh|chém|đâm)|xông (vào|tới) (đánh|chém|đâm|nhà)|lao vào (đánh|chém|đâm)|ném bom xăng|đốt nhà|(phá|cạy|đạp) cửa (xông )?vào)\b",
        # held against one's will, a knife, told in English
        r"\b(being held|held (captive|hostage)|won'?t let (her|him|me|us|them) (leave|go|out)|locked (her|him|me|us|them) (in|up)|(has|have|with|holding|carrying|pulled) (a )?(knife|gun|machete)|kidnapp?(ed|ing))\b",
        # a plea or a scream heard through a wall, then silence
        r"\b(đừng|xin đừng) (đánh|giết|chém|đâm|bắn) (nữa|tôi|em|con|cháu|mà)\b|\b(la hét|kêu cứu|gào thét|khóc thét|(đánh|đập|đấm) (\w+ ){0,2}(vợ|chồng|con|nhau|người)( \w+){0,2} (la|hét|kêu|khóc))\b.{0,80}\b(im bặt|im lặng hẳn|tắt lịm|không còn nghe|im re|im ru|im thin thít|không (nghe|còn) (tiếng|thấy tiếng)( \w+)?( gì)? nữa)\b",
        # someone who says life is not worth living ("nói sống làm chi nữa")
        r"\b(nói|bảo|kêu|than|nhắn|khóc|la) (là |rằng )?(\w+ )?sống (\w+ )?(làm chi|làm gì|để làm gì|mần chi|có ích gì) nữa\b|\b(nói|bảo|kêu|than|nhắn|khóc|la) (là |rằng )?(\w+ )?sống (như |thế |vậy |nhiêu đó |bấy nhiêu )+(là |thế là |vậy là )?đủ( lắm)?( rồi)?(?! \w)",
        _EDGE_JUMP,
        r"\b(uống thuốc (ngủ|chuột|sâu|tự tử)|rạch tay|cứa cổ|định (tự tử|chết|nhảy(?! (dây|múa|nhót|đầm|cao|xa|lò cò)))|đòi (chết|nhảy(?! (dây|múa|nhót|đầm|cao|xa|lò cò))|tự tử)|đứng (trên|ở) (cầu|mái nhà|sân thượng|lan can)|leo (lên )?(cầu(?! thang)|sân thượng|lan can)|nhảy (cầu|lầu|sông|xuống|từ))\b",
    ],
)


def guess_category(text: Text) -> str | None:
    """The tip category the words name (first table in order that hits), else None."""
    for key, table in CATEGORY_TABLES.items():
        if table.find(text) is not None:
            return key
    return None


def is_officer_command(text: str) -> bool:
    return text.lstrip().startswith(OFFICER_PREFIX)


def understand(
    message: str, faq: FaqEngine | None = None, model: MessageModel | None = None
) -> Understanding:
    """Classify one free-text citizen message (see the module's docstring for the order)."""
    if is_officer_command(message):
        return Understanding(Kind.OFFICER_COMMAND, reason="#")
    text = Text.of(message)
    if not text.words:
        return Understanding(Kind.GREETING, reason="no words")
    followup = FOLLOWUP.find(text)
    if followup is not None and followup in (NOT_A_CODE.find(text) or ""):
        followup = None  # the code-shaped word is a rice variety or a website's name
    emergency = _emergency(text, model or shipped_model())
    # A danger named (a weapon, fire, a body in trouble) outweighs a code-shaped word; a bare cry does not
    # ("tra cứu giúp mã …" holds "cứu giúp").
    if followup is not None and (emergency is None or emergency[1].startswith("cry:")):
        return Understanding(Kind.FOLLOWUP, reason=f"followup:{followup}")
    category = guess_category(text)
    if emergency is not None:
        number, reason = emergency
        return Understanding(Kind.EMERGENCY, category if number != "115" else None, number, reason=reason)
    intent = REPORT_INTENT.find(text)
    violence = POLICE.find(text)
    if (intent or category or violence) and LEISURE.find(text):  # a song, a game, a school report
        intent = category = violence = None
    question = _question(text)
    asked_how = ASKED_HOW.find(text) if question else None
    despite = REPORT_DESPITE_QUESTION.find(text) if question and not asked_how else None
    complaint = COMPLAINT.find(text) if question and not asked_how else None
    if complaint:  # "sao … mà không ai dẹp?", "báo mấy lần rồi mà vẫn …", "em có ảnh, gửi được không"
        return Understanding(Kind.REPORT, category, reason=f"complaint:{complaint}")
    if intent and (not question or despite):
        asked = None if despite else _asked_after_all(text, message, faq, model or shipped_model())
        return asked or Understanding(Kind.REPORT, category, reason=f"intent:{intent}")
    if category and (not question or despite):
        asked = None if despite else _asked_after_all(text, message, faq, model or shipped_model())
        if asked is not None:  # "quên mật khẩu vneid rồi, ko nhận otp, giờ sao ad": a question typed loosely
            return asked
        return _unless_now(text, Understanding(Kind.REPORT, category, reason=f"category:{category}"), model)
    if violence and not question:  # a weapon, a theft, a fight told afterwards
        told = Understanding(Kind.REPORT, category or "an_ninh_trat_tu", reason=f"113-past:{violence}")
        return _unless_now(text, told, model)
    harm = MEDICAL.find(text) or FIRE_RESCUE.find(text)
    told_past = PAST.find(text) or HABITUAL.find(text)
    if harm and not question and told_past and not MENDED.find(text):  # a hazard that hurt someone, told
        grave = GRAVE_NOW.find(text)
        if grave is not None:
            return Understanding(Kind.EMERGENCY, None, "115", reason=f"grave-now:{grave}")
        told = Understanding(Kind.REPORT, category or "khac", reason=f"harm-told:{harm}")
        return _unless_now(text, told, model)
    if _is_greeting(text, question is not None) and not (NEAR_DOMAIN.find(text) or FAR_DOMAIN.find(text)):
        return Understanding(Kind.GREETING, reason="greeting")
    near = NEAR_DOMAIN.find(text)
    far = FAR_DOMAIN.find(text)
    procedure_named = POLICE_PROCEDURE.find(text) is not None
    anchored = procedure_named or POLICE_ANCHOR.find(text) is not None
    if anchored and not procedure_named and OTHER_OFFICE_PROCEDURE.find(text):
        anchored = False  # a police word as the subject of another office's procedure
    query = text.marked if text.vni else message  # typed in VNI: the matcher reads it decoded
    match = faq.match(query) if faq is not None else None
    if (near or far) and not anchored:
        urgent = _second_opinion(text, question is not None, model or shipped_model(), now_only=True)
        if urgent is not None:  # "đưa đi bệnh viện gấp": a hospital named in an emergency is no topic
            return urgent
        why = f"near:{near}" if near else f"far:{far}"
        story = _told_at_length(text, model or shipped_model(), why)
        if story is not None:  # "…quán cà phê… có phòng sau chơi poker ăn tiền…": a story, not a topic
            return story
        return Understanding(Kind.OFF_TOPIC, faq=match, near_domain=near is not None, reason=why)
    if match is not None and match.entry is not None:
        narrower = _narrower_reporting_entry(text, match, faq)
        if narrower is not None:
            return Understanding(Kind.PROCEDURE, faq=narrower, reason=f"faq:{match.intent}>{narrower.intent}")
        return Understanding(Kind.PROCEDURE, faq=match, reason=f"faq:{match.intent}")
    if not question and NARRATIVE.find(text):
        told = Understanding(Kind.REPORT, category, reason=f"narrative:{NARRATIVE.find(text)}")
        return _unless_now(text, told, model)
    if faq is None:
        return Understanding(Kind.PROCEDURE, reason="no-faq")
    about = REPORTING_QUESTION.find(text)
    if question and about:  # a question about reporting the matcher could not place: the reporting answer
        entry_id = next((eid for table, eid in REPORTING_ENTRIES if table.find(text)), "to-giac-toi-pham")
        reporting = FaqMatchLike(entry_id, 0.0, faq.entry(entry_id), False, entry_id)
        return Understanding(Kind.PROCEDURE, faq=reporting, reason=f"reporting:{about}")
    if GREETING.find(text) is not None and len(text.words) <= MAX_GREETING_WORDS:
        return Understanding(Kind.GREETING, faq=match, reason="greeting-question")
    model = model or shipped_model()
    second = _second_opinion(text, question is not None, model) or _procedure_opinion(text, match, faq, model)
    if second is not None:
        return second
    if GREETING.find(text) is not None and len(text.words) <= MAX_LONG_GREETING_WORDS:
        return Understanding(Kind.GREETING, faq=match, reason="greeting-long")
    story = _told_at_length(text, model, "faq-refused") if question else None
    if story is not None:  # "…quay lại thì có người đã mở cửa lấy mất…": a wh-word inside a long story
        return story
    return Understanding(Kind.OFF_TOPIC, faq=match, reason="faq-refused")


@lru_cache(maxsize=4)
def _opinion(model: MessageModel, text: Text) -> Opinion:
    """The model's opinion of one message, asked once however many rules consult it."""
    return model.opinion(text.marked, text.folded)


MODEL_PROCEDURE_SURE = 0.99  # the model's share for a procedure that outweighs a report read from words
# A question the QUESTION table does not take for one: "được khôg" typed in a hurry, a message ending in "sao
# ad" or "đâu". Alone it asks nothing ("đâu" also closes "chẳng thấy đâu"); with a model all but certain of a
# procedure, it does. Plain patterns over the typed view (shorthand already spelled out), the end one over the
# last characters only: it is asked of every report read from words.
_LOOSE_ASKED = re.compile(r"\b(được|duoc) (khôg|khog|không|khong|hok|hem|hăm|hơm)\b")
_LOOSE_END = re.compile(
    r"\b(sao|đâu|dau|chưa|chua|hả|hở|chăng|khôg|khog|hăm|hơm)\s*(ad|ạ|a|anh|chị|vậy|ta|nhỉ|đây)?\W*$"
)
_LOOSE_TAIL = 24


def _loose_question(text: Text) -> bool:
    return bool(_LOOSE_END.search(text.marked[-_LOOSE_TAIL:]) or _LOOSE_ASKED.search(text.marked))


def _asked_after_all(
    text: Text, message: str, faq: FaqEngine | None, model: MessageModel | None
) -> Understanding | None:
    """A report read from an offence or report word, that the model is all but certain is a procedure question
    the rules did not see asked ("nôpj phạt online đc khôg", "báo tin giấu tên được khôg"): the matcher's entry.
    """
    if model is None or faq is None or not _loose_question(text):
        return None
    if _opinion(model, text).posterior["procedure"] < MODEL_PROCEDURE_SURE:
        return None
    match = faq.match(text.marked if text.vni else message)
    entry = match.intent if match.entry is not None else match.candidate
    if entry is None:
        return None
    answer = (
        match if match.entry is not None else FaqMatchLike(entry, match.score, faq.entry(entry), False, entry)
    )
    narrower = _narrower_reporting_entry(text, answer, faq)
    return Understanding(Kind.PROCEDURE, faq=narrower or answer, reason=f"model:procedure>faq:{entry}")


MODEL_PROCEDURE_SHARE = 0.9  # the model is sure it is a procedure question…
MODEL_PROCEDURE_SCORE = 0.3  # …and the matcher's own leaning entry, though refused, is not far off


def _procedure_opinion(
    text: Text, match: FaqMatch | None, faq: FaqEngine, model: MessageModel | None
) -> Understanding | None:
    """Two weak signals that agree: the matcher's best entry (below its own bar) and the model's "procedure"."""
    if model is None or match is None or match.candidate is None or match.score < MODEL_PROCEDURE_SCORE:
        return None
    if _opinion(model, text).posterior["procedure"] < MODEL_PROCEDURE_SHARE:
        return None
    leaning = FaqMatchLike(match.candidate, match.score, faq.entry(match.candidate), False, match.candidate)
    return Understanding(Kind.PROCEDURE, faq=leaning, reason=f"model:procedure+faq:{match.candidate}")


# Said only when something is wrong right now (a cry, a hurry, "đang bị …"); "bây giờ" alone is not enough.
DANGER_NOW = Table(
    "danger_now",
    [
        (
            "\\b(?<!tra )(?<!sơ )cứu\\b|\\bcíu\\b|\\bsos\\b|\\bhelp\\b",
            "\\b(?<!tra )(?<!so )cuu (voi|toi|em|con|chau|tui|bon|giup|gap|nguoi|me|ba|bo|nhanh)\\b|\\bcuu\\s*(!|$)|^cuu\\b|\\bciu\\b|\\bsos\\b|\\bhelp\\b",
        ),
        (
            r"\b(khẩn cấp|gấp lắm|gấp(?! (đôi|ba|rưỡi|mấy|nhiều|bội|\d))|mau lên|nhanh lên|lẹ lên|tới ngay|đến ngay|tới liền|đến liền|tới mau|đến mau|tới lẹ|đến lẹ|ngay lập tức|giúp (\w+ )?với|nguy (lắm|rồi|quá)|trời ơi|chết rồi)\b",
            # without diacritics "toi" is also "tôi" (toi lien quan, toi ngay mai): only the unambiguous ones
            r"\b(khan cap|gap lam|gap(?! (doi|ba|ruoi|may|nhieu|boi|\d))|mau len|nhanh len|le len|den ngay|den lien|den mau|den le|ngay lap tuc|giup (\w+ )?voi|nguy (lam|roi|qua)|troi oi|chet roi)\b",
        ),
        r"!!",
        (  # "dang ban" is also "đang bán": see STRONG_NOW
            r"\bđang (bị |có )?(\w+ )?(đánh|chém|đâm|cháy|bắn|cướp|cạy|phá|đuổi|cầm|dọa|nhốt|chìm|trôi|kẹt|co giật|ngất|bất tỉnh|khó thở|chảy máu|đè|sập|lan|bốc|nổ|giật|lật|rơi|ngã|nằm)\b",
            r"\bdang (bi |co )?(\w+ )?(danh|chem|dam|chay|ban (nguoi|nhau|sung|chet|loan)|cuop|cay|pha|duoi|cam|doa|nhot|chim|troi|ket|co giat|ngat|bat tinh|kho tho|chay mau|de|sap|lan|boc|no|giat|lat|roi|nga|nam)\b",
        ),
    ],
)
# Words of harm, loose on purpose (the model has already leant to an emergency): without one, "xe đang chạy
# trên đường" stays a plain sentence however much its grams look like "đang cháy".
HARM_HINT = Table(
    "harm_hint",
    [
        (
            r"\b(máu|chết|thương|nguy|đau|ngất|xỉu|tỉnh|thở|không dậy|nằm (im|bất động|một chỗ|gục|co quắp)|giật|co|sùi|méo|liệt|tím|lạnh|mê|nôn|ói|độc|bỏng|phỏng|gãy|vỡ|dập|kẹt|mắc|sập|đổ|đè|vùi|ngã|té|rơi|rớt|lọt|trượt|chìm|đuối|trôi|cuốn|lũ|ngập|cháy|lửa|khói|khét|nổ|gas|ga|điện|dao|súng|mã tấu|kiếm|rựa|gậy|axit|xăng|đánh|đâm|chém|bắn|đuổi|rượt|cướp|trộm|dọa|giết|nhốt|bắt|la|hét|kêu|khóc)\b",
            # without diacritics, only the words whose folding is not a common other word
            r"\b(chet|nguy hiem|ngat|xiu|bat tinh|kho tho|khong tho|khong day|nam (im|bat dong|mot cho|guc)|ngung tho|co giat|gay (chan|tay|xuong|co)|mat mau|chay mau|mau (chay|me)|mac ket|bi ket|(nha|tuong|cau|mai|ham) (bi )?sap|sap (nha|tuong|cau|mai|ham)|nga (xuong|lan|quy|guc)|te (xuong|nga)|(roi|rot|lot) xuong|chim (xuong|nghim|mat)|duoi nuoc|chet duoi|(bi|dang) troi|troi (song|theo dong)|bi cuon|ngap (nha|het|toi|den)|chay (nha|lon|to|rung)|lua (chay|bung|to|lon|boc)|(boc|bay|day|mu) khoi|khoi (den|bay|boc|mu|day)|khet|phat no|no (tung|lon|to)|cam dao|dao (kiem|phay|rua)|sung (no|ban)|ban (chet|nguoi|sung)|ma tau|axit|danh (nhau|nguoi|dap|chet|vo|con)|dam (nguoi|chet)|chem|ruot|cuop|doa giet|giet|nhot|bat coc|la het|keu cuu)\b",
        ),
    ],
)
# Something went wrong for someone, loose on purpose (the model has already leant to a report): without one,
# a long happy story ("trời đẹp quá rủ cả nhà đi chơi") is no report however its grams look.
GRIEVANCE_HINT = Table(
    "grievance_hint",
    [
        (
            r"\b(bị|không|chẳng|chả|chưa|lo|sợ|bức xúc|phiền|khổ|mất|trái phép|lén|dọa|ép|đòi|giữ|chiếm|lấy|nghi|lạ|đáng ngờ|bậy|nguy|ảnh hưởng|ô nhiễm|ồn|hôi|thối|quản|xử lý|can thiệp|kiểm tra|giúp|dùm|giùm|tiền|nợ|đánh|chửi|trộm|lừa|hại|hư|phá)\b",
            r"\b(bi|khong|chang|cha|chua|lo lam|so lam|buc xuc|phien|kho qua|mat|trai phep|len lut|doa|ep|doi|giu|chiem|lay|nghi|dang ngo|bay ba|nguy|anh huong|o nhiem|on ao|hoi thoi|thoi|quan ly|xu ly|can thiep|kiem tra|giup|dum|gium|tien|no nan|danh|chui|trom|lua|hai|pha)\b",
        ),
    ],
)
# A body in trouble, said in plain words: with no weapon and no fire named, the number is 115 whatever the
# model's grams lean to.
BODY_STATE = Table(
    "body_state",
    [
        r"\b(nằm (im|bất động|một chỗ|gục|co quắp|lịm|mê)|mắt (nhắm|trợn|lờ đờ)|không (nói|cử động|nhúc nhích|thở|dậy|tỉnh)|nói không ra (hơi|tiếng)|tay chân (lạnh|tê|co)|lạnh ngắt|thở (yếu|khò khè|dốc|gấp|không nổi)|môi tím|tím tái|ngất|xỉu|co giật|sùi bọt|méo miệng|nôn|ói|lên cơn)\b",
    ],
)
EMERGENCY_CLASSES = ("113", "114", "115")
INTAKE_CLASSES = ("report", *EMERGENCY_CLASSES)
MODEL_MIN_EMERGENCY_WORDS = 4  # "ad ơi", an emoji: too few grams for the model to say anything
# Shorter, an off-topic remark and a report look alike to the model. The gate (this floor and the shares below)
# is chosen by leave-one-writer-out, the rules fixed: tests/bench/model_compare.py --gate.
MODEL_MIN_WORDS = 8
MODEL_MIN_SHARE = 0.8  # the model's share for report + emergencies before it overrules a refusal…
MODEL_SURE = 0.95  # …with a grievance word, or this share without one
MODEL_EMERGENCY_SHARE = 0.5  # the emergencies' share that gives the number (recall over precision)
MODEL_NOW_SHARE = 0.25  # the same with danger said to be now ("cứu", "gấp", "đang bị …")


def _second_opinion(
    text: Text, question: bool, model: MessageModel | None, now_only: bool = False
) -> Understanding | None:
    """Where the rules found nothing: the n-gram model may still see a report or an emergency now.

    ``now_only``: only an emergency said to be happening now (where a topic word would refuse the message).
    """
    if model is None or question or len(text.words) < MODEL_MIN_EMERGENCY_WORDS:
        return None
    now = DANGER_NOW.find(text)
    if now_only and not now:
        return None
    opinion = _opinion(model, text)
    danger = opinion.share(EMERGENCY_CLASSES)
    played = (PRETEND.find(text) or FIGURATIVE.find(text)) and not CRY.find(text)
    harm = HARM_HINT.find(text) if not played else None
    # a game, a film, a figure of speech ("trời ơi bài tập cháy nhà rồi"): no emergency, as in _emergency
    if not played and (
        (now and (danger >= MODEL_NOW_SHARE or harm)) or (danger >= MODEL_EMERGENCY_SHARE and harm)
    ):
        number = max(EMERGENCY_CLASSES, key=lambda n: opinion.posterior[n])
        if number != "115" and BODY_STATE.find(text) and not (POLICE.find(text) or FIRE_RESCUE.find(text)):
            number = "115"  # someone lies still or cannot breathe, no weapon and no fire: the ambulance first
        category = guess_category(text) if number != "115" else None
        why = f"model:{number}" + (f"+now:{now}" if now else "")
        return Understanding(Kind.EMERGENCY, category, number, reason=why)
    if now_only:
        return None
    intake = opinion.share(INTAKE_CLASSES)
    grievance = GRIEVANCE_HINT.find(text)
    if (
        len(text.words) >= MODEL_MIN_WORDS
        and intake >= MODEL_MIN_SHARE
        and (grievance or intake >= MODEL_SURE)
    ):
        why = f"model:report+{grievance}" if grievance else "model:report"
        return Understanding(Kind.REPORT, guess_category(text), reason=why)
    return None


MODEL_EMERGENCY_SURE = 0.8  # the model's emergencies' share that outweighs a report read from offence words
MODEL_LONG_WORDS = 15  # a message this long that the model is sure is a report is a story told…
MODEL_LONG_SHARE = 0.9  # …even with a topic word or a wh-word the rules refused it for


def _told_at_length(text: Text, model: MessageModel | None, refused: str) -> Understanding | None:
    """A long message the rules refused (a topic word, a wh-word inside a story) that the model reads as a report.

    Not when it asks outright ("?") or asks about reporting itself ("có giữ kín số của tui không"): those are
    the questions about reporting a report form must never answer.
    """
    if (
        model is None
        or len(text.words) < MODEL_LONG_WORDS
        or "?" in text.marked
        or REPORTING_QUESTION.find(text)
    ):
        return None
    if _opinion(model, text).posterior["report"] < MODEL_LONG_SHARE:
        return None
    return Understanding(Kind.REPORT, guess_category(text), reason=f"model:report-long>{refused}")


def _unless_now(text: Text, report: Understanding, model: MessageModel | None) -> Understanding:
    """A report read from offence words alone, unless danger is said to be now: then the number first.

    Recall before precision for emergencies: a hurry or a cry, a harm word and a model leaning to an
    emergency turn it into one (an explicit "tôi muốn tố giác" never reaches here). Without a word of "now",
    a harm word and a model sure of an emergency do it too, unless the message says it is over or habitual
    ("nhóm người lạ đến phá nhà tôi, cầm gậy… tôi và con ở trong nhà", "nuốt hột nhãn mắc cổ, mặt tím ngắt").
    """
    now = DANGER_NOW.find(text)
    if not now and not (POLICE.find(text) or MEDICAL.find(text)):  # neither violence nor a body in trouble
        return report
    if not now and (PAST.find(text) or HABITUAL.find(text)):  # told as over or habitual: no model asked
        return report
    harm = HARM_HINT.find(text) if not (PRETEND.find(text) or FIGURATIVE.find(text)) else None
    if not harm:
        return report
    model = model or shipped_model()
    if model is None:
        return report
    opinion = _opinion(model, text)
    danger = opinion.share(EMERGENCY_CLASSES)
    if now:
        if danger < MODEL_NOW_SHARE:
            return report
    elif danger < MODEL_EMERGENCY_SURE:
        return report
    number = max(EMERGENCY_CLASSES, key=lambda n: opinion.posterior[n])
    category = report.category if number != "115" else None
    why = f"model:{number}+now:{now}" if now else f"model:{number}+sure"
    return Understanding(Kind.EMERGENCY, category, number, reason=f"{why}>{report.reason}")


def _is_greeting(text: Text, question: bool) -> bool:
    words = text.words
    if GREETING.find(text) is not None and len(words) <= MAX_GREETING_WORDS and not question:
        return True
    if NEW_FOLLOWER.find(text) is not None and not question:
        return True
    return all(w in GREETING_WORDS for w in words) and len(words) <= 6


def is_rich(message: str) -> bool:
    """Says enough to stand as the tip's description without asking for more."""
    return len(Text.of(message).words) >= MIN_RICH_WORDS
