# ruff: noqa: E501  (pattern tables are data: one alternation per line reads best)
"""What a citizen's free-text message is, before anything answers it.

Lexical and explainable: one pattern table per class, written in Vietnamese with diacritics. Each pattern is
matched on the text as typed (NFC, lower case) and on its folded twin (no diacritics); a folded hit counts
only where the citizen typed that stretch without diacritics, or where the marked pattern matches it too
("bảo mật" is not "báo mất", "bổ sung" is not "súng"), as :func:`anninh.conversation.tip_intake.is_urgent`
has always done. Order of the decision:

1. ``#…`` → officer command;
2. a tip code, "tin báo của tôi", "bổ sung …" → follow-up;
3. danger now (fire, drowning, unconscious, a weapon out, "cứu") → emergency, with the number to call first;
4. wanting to report, or telling of an offence, and not asking *about* reporting → report (category guessed);
5. greetings and small talk → greeting;
6. the FAQ matcher: an entry it accepts → procedure, else off-topic (near-domain topics refused even when
   the matcher leans to an entry with a weak score).

Every decision carries ``reason``: the name of the rule that made it (for the eval command and for tests).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

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


def _fold_char(ch: str) -> str:
    if ch == "đ":
        return "d"
    base = unicodedata.normalize("NFD", ch)[0]
    return base


@dataclass(frozen=True)
class Text:
    """The two views of a message, aligned character by character."""

    marked: str  # NFC, case-folded, single spaces
    folded: str  # the same without diacritics (same length, same positions)

    @classmethod
    def of(cls, text: str) -> Text:
        marked = " ".join(unicodedata.normalize("NFC", text).casefold().split())
        folded = "".join(_fold_char(ch) for ch in marked)
        return cls(marked, folded)

    @property
    def words(self) -> list[str]:
        return re.findall(r"[a-z0-9]+", self.folded)


def _fold_pattern(pattern: str) -> str:
    return "".join(_fold_char(ch) for ch in unicodedata.normalize("NFC", pattern))


class Table:
    """Named patterns of one class, matched with the diacritics rule above."""

    def __init__(self, name: str, patterns: Iterable[str]) -> None:
        self.name = name
        self.patterns = tuple(patterns)
        self._marked = re.compile("|".join(f"(?:{p})" for p in self.patterns))
        self._folded = re.compile("|".join(f"(?:{_fold_pattern(p)})" for p in self.patterns))

    def find(self, text: Text) -> str | None:
        """The first stretch of the message that matches (as typed), or None."""
        position = 0
        while (hit := self._folded.search(text.folded, position)) is not None:
            start, end = hit.span()
            typed = text.marked[start:end]
            if typed == hit.group(0):
                return typed
            marked = self._marked.match(text.marked, start)
            if marked is not None:
                return marked.group(0)
            position = start + 1  # a folded look-alike ("đám" for "đâm"): look again just after it
        return None

    def __contains__(self, text: object) -> bool:
        return isinstance(text, Text) and self.find(text) is not None


def _w(words: str) -> str:
    """A whole-word alternation of ``|``-separated words."""
    return rf"\b(?:{words})\b"


# ------------------------------------------------------------------ tables

OFFICER_PREFIX = "#"

FOLLOWUP = Table(
    "followup",
    [
        r"\b[a-z]{2}[- ]?[a-z0-9]{5}\b(?=.*\d)|\b[a-z]{2}-[a-z0-9]{5}\b",  # a tip code (BA-7KQ2M)
        r"\btra cứu\b",
        r"\bbổ sung\b",
        r"tin (báo|nhắn) (của )?(tôi|em|mình|cháu|con|tui|tao|t)\b",
        r"\b(tôi|em|mình|cháu|con|tui) (đã|vừa|có) (gửi|báo|tố giác|phản ánh)\b.*\b(chưa|sao rồi|thế nào rồi|kết quả|xử lý|tới đâu|đến đâu)",
        r"\b(đã|vừa) (gửi|báo) (tin|tin báo)\b.*\b(chưa|sao rồi|kết quả|xử lý)",
        r"\bmã (tin báo|tin|hồ sơ)\b",
        r"\b(kết quả|tình trạng|tiến độ) (xử lý |giải quyết )?(tin báo|vụ việc) (của |hôm|mà) ",
        r"\btin báo hôm (qua|trước|bữa)\b",
        r"\bbáo hôm (qua|trước|bữa)\b.*\b(chưa|sao|thế nào|kết quả)",
    ],
)

# 114 — fire, explosion, drowning, people trapped.
FIRE_RESCUE = Table(
    "114",
    [
        r"(?<!chữa )(?<!phòng )(?<!phòng chống )\bcháy\b(?! nổ\b(?! (rồi|to|lớn)))(?!\s*(ở )?(đâu|chỗ nào))",
        r"\bbốc cháy\b|\bcháy rừng\b|\bhỏa hoạn\b|\bhoả hoạn\b|\blửa (bốc|cháy|lan)\b|\bkhói (bốc|đen|mù|nghi ngút)\b",
        r"\b(phát nổ|nổ tung|vừa nổ|bị nổ|nổ bình|nổ lớn|tiếng nổ)\b",
        r"\brò (rỉ )?(gas|ga|khí)\b|\bxì (gas|ga)\b",
        r"\b(đuối nước|chết đuối|sắp chìm|bị chìm|bị lũ cuốn|nước cuốn|lũ cuốn|bị cuốn trôi|nước cuốn trôi)\b",
        r"\b(rơi|ngã|rớt|té|lọt|trượt chân)( xuống)? (ao|sông|hồ|giếng|mương|kênh|suối|biển|hố|hầm|cống)\b",
        r"\b(mắc kẹt|bị kẹt|kẹt trong|kẹt lại|mắc kẹt lại|không ra được|không thoát (ra )?được|nhốt trong)\b",
        r"\b(sập nhà|nhà sập|bị sập|sập (giàn|tường|cầu)|vùi lấp|bị vùi)\b",
        r"\b(trèo lên|đứng trên) (nóc|mái|cầu|lan can)\b",
    ],
)

# 115 — unconscious, not breathing, seizures, serious injury, accident victims.
MEDICAL = Table(
    "115",
    [
        r"\b(bất tỉnh|ngất|ngất xỉu|xỉu|hôn mê|không tỉnh|lịm đi|bất động)\b",
        r"\b(không thở|ngừng thở|tắt thở|khó thở|thở dốc|không còn thở|hết thở|ngạt thở)\b",
        r"\b(co giật|lên cơn|sùi bọt mép|đột quỵ|méo miệng|đau tim|nhồi máu|ngừng tim|tim ngừng đập)\b",
        r"\bchảy (rất )?(nhiều )?máu\b(?! mũi)|\bmất (nhiều )?máu\b|\bmáu chảy\b|\bbê bết máu\b|\bbất tỉnh\b",
        r"\b(gãy (chân|tay|xương|cổ)|vỡ đầu|đập đầu|chấn thương (sọ|đầu)|dập nát|trọng thương|bị thương nặng)\b",
        r"\b(tai nạn|đâm xe|tông xe|va chạm|bị xe (tông|đâm|cán))\b.*\b(bị thương|nằm|bất tỉnh|chảy máu|gãy|nặng|nguy kịch|cấp cứu)\b",
        r"\b(bị thương|nằm) (ra |giữa )?đường\b|\bnạn nhân\b",
        r"\bđiện giật\b|\bgiật điện\b|\bbị điện\b",
        r"\b(ngộ độc|sốc thuốc|sốc phản vệ|uống thuốc (sâu|chuột|trừ sâu)|uống (nhầm|quá liều)|quá liều|rắn cắn|chó dại cắn)\b",
        r"\b(sắp sinh|chuyển dạ|vỡ ối|đẻ rơi|sinh rơi)\b",
        r"\bcấp cứu\b|\bxe cứu thương\b|\bgọi (giúp )?(xe )?115\b",
        r"\b(tím tái|mặt tái|người lạnh ngắt|sốt cao co giật|nôn ra máu)\b",
    ],
)

# 113 — violence, weapons, burglary in progress, kidnapping, threats of suicide.
POLICE = Table(
    "113",
    [
        r"\b(cầm|vác|mang|rút|kề|dí|chĩa|có|dùng) (theo )?(dao|súng|mã tấu|kiếm|rựa|gậy|hung khí|vũ khí|lựu đạn|mìn|bom|xăng)\b",
        r"\b(bắt cóc|bắt đi|bị bắt giữ trái phép|bắt nhốt|giam giữ|bị nhốt)\b",
        r"\b(dọa|đe dọa|doạ|đe doạ|đòi) (giết|chém|đâm|tạt axit|đốt nhà|bắn)\b",
        r"\b(tự tử|tự sát|nhảy cầu|tự vẫn|muốn chết|không muốn sống|kết liễu|quyên sinh|treo cổ|uống thuốc tự|cắt tay)\b",
        r"\b(giết|chém|đâm|bắn|hành hung|đánh|đập|cướp|cưỡng hiếp|hiếp|xâm hại)\b.*\b(đang|ngay|nhanh|gấp|cứu|kìa|ơi)\b",
        r"\b(đang|vừa|đương) (bị |có |diễn ra |xảy ra )?(người |thằng |đứa |nhóm |bọn |mấy )?(giết|chém|đâm|bắn|hành hung|đánh|đập|cướp|cưỡng hiếp|hiếp|xâm hại|đột nhập|cạy cửa|trèo vào|phá cửa|ẩu đả|hỗn chiến|đánh nhau|truy sát|đuổi chém|xô xát|đánh ghen)\b",
        r"\b(đánh nhau|ẩu đả|hỗn chiến|đuổi chém|truy sát|xô xát)\b.*\b(đang|ngay|kìa|lúc này|bây giờ|bây h)\b",
        r"\b(có )?(trộm|kẻ trộm|kẻ gian|người lạ)\b.*\b(đang|trong nhà|vào nhà|ngay lúc này|bây giờ)\b",
        r"\b(đang|vừa) (bị )?(trộm|ăn trộm|giật|cướp giật)\b",
        r"\bbị (đánh|đâm|chém|cướp) (ngay|đang|gấp)\b",
        r"\b(bạo hành|đánh đập) (vợ|con|chồng|mẹ|bố|cha|trẻ).*\b(đang|ngay|cứu)\b",
        r"\bđánh ghen\b.*\b(đang|lột đồ)\b",
        r"\b(gọi|báo) (giúp |hộ )?(công an|cảnh sát|113)\b.*\b(gấp|ngay|nhanh|cứu)\b",
    ],
)

# Danger now, not tied to one number: strengthens the others and catches "cứu với".
NOW = Table(
    "now",
    [
        r"(?<!tra )\bcứu (với|tôi|em|con|cháu|mạng|người|giúp|gấp|tui|bọn)\b|\bcứu\s*(!|$)|^cứu\b|\bcíu\b|\bsos\b",
        r"\b(đang xảy ra|đang diễn ra|ngay bây giờ|ngay lúc này|ngay lập tức|khẩn cấp|nguy hiểm|gấp lắm|nhanh lên|mau lên)\b",
    ],
)

# A question *about* emergencies (which number to call, how to behave): a procedure, not a call for help.
EMERGENCY_QUESTION = Table(
    "emergency_question",
    [
        r"\b(gọi|liên hệ|báo) (số|đầu số) (nào|mấy|gì)\b|\bsố (nào|mấy|gì)\b|\b(113|114|115) (là|có) ",
        r"\b(thì|nên|phải) (làm )?(gì|sao|thế nào|như thế nào)\b(?!.*\b(đang|cứu)\b)",
        r"\b(khi|nếu|lỡ|giả sử|trường hợp)\b(?!.*\b(đang|cứu|kìa)\b)",
        r"\b(kỹ năng|cách (thoát|xử lý|sơ cứu|phòng)|hướng dẫn|kiến thức|diễn tập|huấn luyện|tập huấn|thủ tục|giấy phép|nghiệm thu|thẩm duyệt|chứng nhận|hồ sơ)\b",
    ],
)

# Offences and their places; enough on their own to be a report when nothing asks a question.
CATEGORY_PATTERNS: dict[str, Sequence[str]] = {
    "ma_tuy": [
        r"\bma (túy|tuý)\b|\bmatuy\b|\bmt\b|\bhàng trắng\b|\bhêrôin\b|\bheroin\b|\bthuốc lắc\b|\bke\b|\bketamin\b",
        r"\b(hút|chích|tiêm chích|chơi|sử dụng|bán|buôn|mua bán|tàng trữ|vận chuyển) (ma túy|ma tuý|đá|cỏ|heroin|hàng|thuốc lắc|ke|bóng cười|cần sa|tài mà|hàng đá)\b",
        r"\b(bay lắc|bay phòng|ngáo đá|nghiện|con nghiện|dân nghiện|chích hút|tiêm chích|bóng cười|cần sa|cỏ mỹ|nước vui|kẹo lắc|ống hút thủy tinh|chơi đá|hút đá|xào ke)\b",
    ],
    "co_bac": [
        r"\b(đánh bạc|cờ bạc|bài bạc|sới bạc|sòng bạc|sát phạt|đánh bài ăn tiền|chơi bài ăn tiền|xóc đĩa|xóc đía|tài xỉu|lô đề|số đề|ghi đề|ghi lô|bán đề|cá độ|cá cược|đá gà ăn tiền|chọi gà|đá gà|bầu cua|tá lả|binh xập xám|phỏm ăn tiền|casino|game bài|nhà cái)\b",
    ],
    "trom_cap": [
        r"\b(trộm|ăn trộm|ăn cắp|trộm cắp|kẻ trộm|móc túi|móc ví|đột nhập|bẻ khóa|bẻ khoá|phá khóa|cạy cửa|cắt khóa|giật túi|giật điện thoại|giật dây chuyền|cướp giật|cướp|chôm|thó|mất trộm|bị mất (xe|điện thoại|tiền|ví|tài sản|đồ))\b",
    ],
    "lua_dao": [
        r"\b(lừa|lừa đảo|lừa gạt|bị lừa|chiếm đoạt|giả danh|mạo danh|giả mạo|sàn ảo|việc nhẹ lương cao|làm nhiệm vụ|chạy việc|đa cấp|tiền ảo|app vay|link lạ|hack|chiếm tài khoản|scam)\b",
    ],
    "gay_thuong_tich": [
        r"\b(đánh người|đánh nhau|đánh đập|hành hung|gây thương tích|chém|đâm người|đâm chém|bạo lực|bạo hành|ẩu đả|đánh hội đồng|hỗn chiến|bị đánh|đánh con|đánh vợ|đánh chồng|đánh bố|đánh mẹ|đánh ghen|đánh học sinh|đánh bạn)\b",
    ],
    "an_toan_giao_thong": [
        r"\b(đua xe|lạng lách|đánh võng|bốc đầu|quá tải|chở quá|vượt đèn đỏ|đi ngược chiều|ngược chiều|say rượu lái xe|lái xe say|nồng độ cồn|xe độ|nẹt pô|rú ga|xe không biển|không đội mũ|gây tai nạn|bỏ chạy|tai nạn giao thông|đỗ xe|dừng đỗ|lấn chiếm lòng đường|xe tải|xe ben|xe container|xe khách)\b",
    ],
    "te_nan_xa_hoi": [
        r"\b(mại dâm|bán dâm|mua dâm|gái gọi|gái bán hoa|chứa mại dâm|môi giới mại dâm|massage kích dục|kích dục|tay vịn|karaoke tay vịn|nhà nghỉ|gái mại dâm|sugar baby|dâm ô|khiêu dâm|đồi trụy|phim sex|clip nóng)\b",
    ],
    "an_ninh_trat_tu": [
        r"\b(gây rối|quậy phá|quấy rối|tụ tập|ồn ào|hát karaoke|karaoke|hát hò|mở nhạc|loa kẹo kéo|nhậu|say xỉn|say rượu|chửi bới|chửi nhau|gây gổ|côn đồ|giang hồ|bảo kê|tín dụng đen|cho vay nặng lãi|vay nặng lãi|đòi nợ|xiết nợ|siết nợ|khủng bố tinh thần|ném chất bẩn|tạt sơn|đe dọa|đe doạ|dọa|doạ|pháo|pháo nổ|vũ khí|súng|dao|kiếm|mã tấu|tàng trữ|buôn lậu|hàng cấm|hàng lậu|lấn chiếm|xả rác|đổ trộm|khai thác cát|cát tặc|phá rừng|săn bắt|nuôi nhốt|người lạ|khả nghi|đáng ngờ|cư trú trái phép|không khai báo tạm trú|người nước ngoài|xâm hại|hiếp dâm|dụ dỗ|bỏ trốn|truy nã|trốn truy nã|giấu|chứa chấp|ô nhiễm|xả thải|phá hoại|đốt|đập phá)\b",
    ],
}
CATEGORY_TABLES = {key: Table(key, patterns) for key, patterns in CATEGORY_PATTERNS.items()}

# The citizen says they want to report (or are reporting).
REPORT_INTENT = Table(
    "report_intent",
    [
        r"\b(muốn|cần|xin|định|mún|mong|có việc|có chuyện|có tin|em|tôi|cháu|mình|con|tui|tao|t|e) (được )?(tố giác|tố cáo|báo tin|báo án|trình báo|phản ánh|phản ảnh|báo cáo|khai báo|báo|báo công an|báo cảnh sát|thông báo|cung cấp thông tin|cung cấp tin|gửi tin|tố)\b",
        r"\b(tố giác|tố cáo|trình báo|phản ánh|phản ảnh|báo cáo|báo tin|báo việc|báo vụ|báo chuyện) (về |việc |vụ |chuyện |là |rằng |với |cho |là có |có )",
        r"\b(tố giác|tố cáo|báo|trình báo|phản ánh|báo cáo|thông báo) (cho )?(công an|cảnh sát|các anh|các chú|cơ quan|ad|admin|anh|chị|chú)\b(?! (ở|tại) đâu)",
        r"^(tố giác|tố cáo|trình báo|phản ánh|báo tin|báo cáo|báo án)\b",
        r"\b(nhờ|đề nghị|yêu cầu|kiến nghị|mong|xin) (công an|cơ quan|các anh|các chú|cán bộ|cảnh sát)?\s?(xử lý|kiểm tra|can thiệp|xác minh|vào cuộc|giải quyết|bắt|truy bắt|điều tra|xuống)\b",
    ],
)

# Telling of an event (who, where, when): with an offence named, a report even without "muốn báo".
NARRATIVE = Table(
    "narrative",
    [
        r"\b(nghi|nghi ngờ|nghi là|hình như|có vẻ|thấy|phát hiện|bắt gặp|nhìn thấy|biết)\b.*\b(đang|thường xuyên|hay|có|là)\b",
        r"\b(hàng xóm|nhà bên|nhà đối diện|đầu ngõ|cuối ngõ|đầu hẻm|trong hẻm|trong xóm|khu trọ|phòng trọ|quán|tiệm|chủ nhà|chủ quán|nhóm|thanh niên|đối tượng|bọn|thằng|con mụ|lão|gã|tên)\b",
        r"\b(tôi|em|mình|cháu|con|nhà tôi|nhà em|nhà mình|gia đình tôi|mẹ tôi|bố tôi|vợ tôi|chồng tôi|con tôi|bạn tôi|ông tôi|bà tôi) (vừa |đã |mới |bị )",
        r"\bbị (lừa|trộm|mất trộm|cướp|giật|đánh|hành hung|đe dọa|đe doạ|dọa|quấy rối|xâm hại|hack|chiếm đoạt|đâm|chém|tạt|khủng bố|ném|xiết nợ|siết nợ)\b",
        r"\b(hôm qua|tối qua|đêm qua|sáng nay|chiều nay|tối nay|hôm trước|tuần trước|tháng trước|mấy hôm nay|mấy ngày nay|dạo này|gần đây|thường xuyên|đêm nào cũng|tối nào cũng|ngày nào cũng|suốt|liên tục)\b",
        r"\b(ở|tại) (số nhà|số \d|thôn|xóm|ấp|ngõ|ngách|hẻm|kiệt|đường|phố|tổ|khu phố|chợ|bến|cầu|quán|nhà)\b",
    ],
)

# The message asks *about* reporting or a procedure: how long, is it safe, where, how, may I.
QUESTION = Table(
    "question",
    [
        r"\?$|\?\s",
        r"\b(bao lâu|bao giờ|khi nào|mất mấy ngày|mấy ngày)\b",
        r"\b(có bị|có được|được không|được ko|đc không|đc ko|dc k|đc k|có cần|có phải|có mất|có lộ|bị lộ|lộ (danh tính|thông tin|tên)|có an toàn|có sao không|có bị sao|có bị trả thù|có bị phạt|có tính|có thưởng|được thưởng|có tiền thưởng)\b",
        r"\b(như thế nào|thế nào|ntn|ra sao|làm sao|làm thế nào|làm gì|phải làm gì|cách nào|bằng cách nào|cách (báo|tố giác|gửi|viết|làm)|ở đâu|chỗ nào|nơi nào|đi đâu|số nào|số mấy|gọi ai|liên hệ ai|báo ai|cho ai|gì không|những gì|giấy tờ gì|cần gì|mẫu đơn|mẫu nào|thủ tục|quy trình|hồ sơ|quy định|mức phạt|bị phạt|phạt bao nhiêu|xử phạt|xử lý thế nào|bị xử lý|tội gì|bị tội|đi tù|bị bắt không|bao nhiêu năm)\b",
        r"^(cho (em|tôi|mình|cháu|con|hỏi)|xin hỏi|hỏi|em hỏi|tôi hỏi|mình hỏi|cháu hỏi|ad ơi cho hỏi|làm ơn cho hỏi)\b",
        r"\b(có|có thể|được) (tố giác|báo tin|tố cáo|trình báo|gửi tin|báo) (qua|bằng|online|nặc danh|ẩn danh|giấu tên)\b",
        r"\b(nặc danh|ẩn danh|giấu tên|bí mật danh tính|bảo vệ người|trả thù)\b.*\b(không|ko|k|hok|chứ|được|sao|thế nào)\b",
        r"\b(không|ko|k|hông|hok|hem)\s*\??$",
        r"\b(đăng ký|cấp lại|cấp đổi|làm lại|gia hạn|xin cấp|giao nộp|nộp lại|lệ phí|căn cước|hộ chiếu|tạm trú|thường trú|lưu trú|định danh|vneid|lý lịch tư pháp|biển số|giấy phép|sang tên)\b",
    ],
)

# A report told as a question still is a report: "có ai xử lý giúp không", "sao không ai bắt".
REPORT_DESPITE_QUESTION = Table(
    "report_despite_question",
    [
        r"\b(muốn|cần|xin|định|mún) (được )?(tố giác|tố cáo|báo tin|báo án|trình báo|phản ánh|báo cáo|báo|gửi tin báo|cung cấp thông tin)\b(?!.*\b(bao lâu|lộ|an toàn|trả thù|mất phí|ở đâu|thế nào|như thế nào|ntn|làm sao|cần gì|giấy tờ|hồ sơ|qua zalo|online|được không|có được|đc không|mẫu|cách)\b)",
        r"\b(có ai|sao không|sao ko|sao chưa|bao giờ mới|khi nào mới|ai (xử lý|giải quyết)|công an (có )?(xử lý|giải quyết|xuống)|các anh (xử lý|giải quyết|xuống)|xử lý (giúp|dùm|giùm|hộ|đi)|giải quyết (giúp|dùm|giùm|hộ|đi)|can thiệp (giúp|dùm|giùm|hộ)|bắt (giúp|dùm|giùm|hộ|đi))\b",
    ],
)

_GREETING_WORDS = """
xin chao ban ad admin anh chi em a ah ha hi hello helo alo allo e oi cam on nhieu thanks thank you tks ok oke
okay okie vang da uh um u nhe nha chuc ngay tot lanh buoi sang toi trua chieu tam biet bye bai good morning night
cac bac ca moi nguoi minh day co ai khong ko k hihi haha hehe nhaa ak vay v z roi r duoc dc bot la gi ten may hoi
tham sao khoe the nao rat vui gap lam quen mung nam tet nhiu hen lai lan sau test thu
"""
GREETING_WORDS = frozenset(_GREETING_WORDS.split())
GREETING = Table(
    "greeting",
    [
        r"^(xin )?(chào|hello|hi|alo|hế lô|helo)\b",
        r"\b(cảm ơn|cám ơn|thanks|thank|tks|thank you)\b",
        r"^(ok|oke|okay|vâng|dạ|ừ|uh|ờ|được rồi|đã rõ|rõ rồi|tạm biệt|bye)\b",
        r"\b(bạn là ai|bạn là bot|có ai không|có ai ở đó|ad ơi|admin ơi)\b",
    ],
)

# Near-domain topics the police do not handle: refused even when a police entry scores a little.
NEAR_DOMAIN = Table(
    "near_domain",
    [
        r"\b(kết hôn|ly hôn|khai sinh|khai tử|chứng tử|hộ tịch|tình trạng hôn nhân|độc thân|con nuôi|di chúc|thừa kế|giám hộ|công chứng|chứng thực|trích lục)\b",
        r"\b(sổ đỏ|sổ hồng|đất đai|thửa đất|tách thửa|sang tên (nhà|đất|sổ)|giấy phép xây dựng|xây nhà|tranh chấp đất|địa chính|quy hoạch|đền bù|giải tỏa|mua bán (nhà|đất)|thuê nhà)\b",
        r"\b(thuế|mã số thuế|quyết toán|hoàn thuế|giấy phép kinh doanh|đăng ký kinh doanh|thành lập công ty|hóa đơn|hải quan)\b",
        r"\b(bảo hiểm (y tế|xã hội|thất nghiệp|nhân thọ)|bhyt|bhxh|lương hưu|trợ cấp|thất nghiệp|hợp đồng lao động|tuyển dụng|xin việc|việc làm)\b",
        r"\b(tuyển sinh|điểm chuẩn|học bạ|chuyển trường|học phí|nhập học|thi tốt nghiệp|điểm thi|trường học|giáo viên|học sinh giỏi|đại học|lớp \d+|mầm non)\b",
        r"\b(ngân hàng|lãi suất|gửi tiết kiệm|thẻ atm|thẻ tín dụng|vay vốn|vay tiền|trả góp|giá vàng|tỷ giá|chứng khoán|chuyển khoản nhầm)\b",
        r"\b(bệnh|chữa bệnh|khám bệnh|bệnh viện|bác sĩ|thuốc (gì|nào|trị|chữa)|uống thuốc gì|trị (ho|sốt|mụn|đau|cảm)|hết (ho|sốt|đau|mụn|cảm)|mất ngủ|đau (đầu|bụng|lưng|răng|họng|dạ dày)|tiêm (phòng|chủng|vắc)|vắc xin|vaccine|giảm cân|tăng cân|huyết áp|tiểu đường|ung thư|mang thai|cảm cúm|sổ mũi)\b|\bho\b(?! (chiếu|khẩu|tịch|gia đình|kinh doanh|nghèo|dân))|\bsốt\b",
    ],
)
NEAR_DOMAIN_OVERRIDE = 0.95  # an FAQ answer this sure still wins over a near-domain word

MIN_RICH_WORDS = 12  # a report message this long can stand as its own description


# ------------------------------------------------------------------ the classifier


def _emergency(text: Text) -> tuple[str, str] | None:
    """(number, reason) when danger is now."""
    fire = FIRE_RESCUE.find(text)
    medical = MEDICAL.find(text)
    police = POLICE.find(text)
    now = NOW.find(text)
    if not (fire or medical or police or now):
        return None
    if (fire or medical or (now and not police)) and not police and EMERGENCY_QUESTION.find(text) and not now:
        return None  # "cháy nhà thì gọi số nào", "kỹ năng thoát nạn khi cháy"
    if police and EMERGENCY_QUESTION.find(text) and not now and not MEDICAL.find(text):
        return None
    if fire:
        return "114", f"114:{fire}"
    if police:
        return "113", f"113:{police}"
    if medical:
        return "115", f"115:{medical}"
    assert now is not None
    return "113", f"now:{now}"


def guess_category(text: Text) -> str | None:
    """The tip category the words name (first table in order that hits), else None."""
    for key, table in CATEGORY_TABLES.items():
        if table.find(text) is not None:
            return key
    return None


def is_officer_command(text: str) -> bool:
    return text.lstrip().startswith(OFFICER_PREFIX)


def understand(message: str, faq: FaqEngine | None = None) -> Understanding:
    """Classify one free-text citizen message (see the module's docstring for the order)."""
    if is_officer_command(message):
        return Understanding(Kind.OFFICER_COMMAND, reason="#")
    text = Text.of(message)
    if not text.folded:
        return Understanding(Kind.GREETING, reason="empty")
    followup = FOLLOWUP.find(text)
    if followup is not None:
        return Understanding(Kind.FOLLOWUP, reason=f"followup:{followup}")
    emergency = _emergency(text)
    category = guess_category(text)
    if emergency is not None:
        number, reason = emergency
        crime_category = category if number != "115" else None
        return Understanding(Kind.EMERGENCY, crime_category, number, reason=reason)
    intent = REPORT_INTENT.find(text)
    question = QUESTION.find(text)
    despite = REPORT_DESPITE_QUESTION.find(text)
    if intent and (not question or despite):
        return Understanding(Kind.REPORT, category, reason=f"intent:{intent}")
    if category and (not question or despite):
        return Understanding(Kind.REPORT, category, reason=f"category:{category}")
    if _is_greeting(text):
        return Understanding(Kind.GREETING, reason="greeting")
    near = NEAR_DOMAIN.find(text)
    if faq is None:
        kind = Kind.OFF_TOPIC if near else Kind.PROCEDURE
        return Understanding(kind, near_domain=near is not None, reason=f"near:{near}" if near else "no-faq")
    match = faq.match(message)
    if match.entry is not None and (near is None or match.score >= NEAR_DOMAIN_OVERRIDE):
        return Understanding(Kind.PROCEDURE, faq=match, reason=f"faq:{match.intent}")
    if near is not None:
        return Understanding(Kind.OFF_TOPIC, faq=match, near_domain=True, reason=f"near:{near}")
    return Understanding(Kind.OFF_TOPIC, faq=match, reason="faq-refused")


def _is_greeting(text: Text) -> bool:
    words = text.words
    if not words:
        return True
    if GREETING.find(text) is not None and len(words) <= 8:
        return True
    return all(w in GREETING_WORDS for w in words) and len(words) <= 6


def is_rich(message: str) -> bool:
    """Says enough (what, and where or when) to stand as the tip's description without asking for more."""
    text = Text.of(message)
    return len(text.words) >= MIN_RICH_WORDS
