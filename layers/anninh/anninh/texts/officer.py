"""What officers read in Zalo: alerts, their commands' replies, digests, the weekly picture, tip views and
refusals.

In Vietnamese with full diacritics; format placeholders use str.format names.
"""

from __future__ import annotations

# ------------------------------------------------------------------ officer commands in Zalo
OFFICER_NEW_QUESTION = (
    "Câu hỏi mới {code} tại {unit_name}:\n“{text}”\nTrả lời bằng: #traloi {code} <nội dung trả lời>"
)
OFFICER_HELP = (
    "Lệnh cho cán bộ (gõ trong Zalo OA):\n"
    "#cauhoi — các câu hỏi đang chờ trả lời của đơn vị và đơn vị cấp dưới\n"
    "#traloi MÃ nội dung — trả lời câu hỏi, nội dung được gửi tới công dân\n"
    "#tin — tin báo đang mở · #xem MÃ · #nhan MÃ · #trangthai MÃ TRẠNG_THÁI [kết quả] · "
    "#phanhoi MÃ nội dung · #ghichu MÃ nội dung · #chuyen MÃ MÃ_ĐƠN_VỊ\n"
    "#help — danh sách lệnh"
)
OFFICER_NO_QUESTIONS = "Không có câu hỏi nào đang chờ trả lời."
OFFICER_QUESTION_LINE = "• {code} ({unit_name}, {created}): {text}"
OFFICER_ANSWER_USAGE = "Cú pháp: #traloi MÃ nội dung trả lời (ví dụ: #traloi H-7KQ2M Anh/chị mang theo…)"
OFFICER_QUESTION_NOT_FOUND = "Không tìm thấy câu hỏi {code} trong phạm vi đơn vị của đồng chí."
OFFICER_ALREADY_ANSWERED = "Câu hỏi {code} đã được trả lời trước đó ({answered_by})."
OFFICER_ANSWER_SENT = "Đã gửi câu trả lời cho công dân (câu hỏi {code})."
OFFICER_ANSWER_NOT_DELIVERED = (
    "Đã lưu câu trả lời cho câu hỏi {code}, nhưng Zalo không cho gửi tới công dân lúc này "
    "(quá thời hạn nhắn tin hoặc công dân đã chặn OA)."
)

# ------------------------------------------------------------------ tips: officers in Zalo
OFFICER_NEW_TIP = (
    "{urgent}Tin báo mới {code} — {category} tại {unit_name}\n{description}\nĐịa điểm: {place}\n"
    "Xem: #xem {code} · Tiếp nhận: #nhan {code}"
)
OFFICER_URGENT_MARK = "🚨 KHẨN — "
OFFICER_TIP_HELP = (
    "#tin — tin báo đang mở của đơn vị và cấp dưới\n#xem MÃ — xem tin báo (tệp: đường dẫn 10 phút)\n"
    "#nhan MÃ — tiếp nhận\n#trangthai MÃ TRẠNG_THÁI [kết quả công khai] — trạng thái: dang_xac_minh, "
    "da_xu_ly, khong_du_co_so\n#phanhoi MÃ nội dung — nhắn người báo tin (qua mã, không lộ danh tính)\n"
    "#ghichu MÃ nội dung — ghi chú nội bộ\n#chuyen MÃ MÃ_ĐƠN_VỊ — chuyển đơn vị khác"
)
OFFICER_TIP_NOT_FOUND = "Không tìm thấy tin báo {code} trong phạm vi đơn vị của đồng chí."
OFFICER_NO_TIPS = "Không có tin báo nào đang mở."
OFFICER_TIP_LINE = "• {urgent}{code} — {category} — {status} — {unit_name} ({created})"
OFFICER_TIP_VIEW = (
    "{code} — {category} — {status}{urgent}\nĐơn vị: {unit_name}\nThời điểm gửi: {created}\nMô tả: {description}\n"
    "Địa điểm: {place}\nThời gian xảy ra: {occurred}\nNgười báo tin: {reporter}\nTệp: {media}"
)
OFFICER_REPORTER_HIDDEN = "ẩn danh (liên lạc qua mã tin báo)"
OFFICER_REPORTER_CONFIDENTIAL = "bảo mật — {name}, {phone}"
OFFICER_REPORTER_OPEN = "{name}, {phone}"
OFFICER_TIP_DONE = "Đã cập nhật {code}: {status}."
OFFICER_TIP_REPLIED = "Đã chuyển tin nhắn tới người báo tin ({code})."
OFFICER_TIP_REPLY_NOT_DELIVERED = (
    "Đã lưu tin nhắn cho {code} nhưng Zalo chưa cho gửi tới người báo tin lúc này; họ sẽ thấy khi tra cứu."
)
OFFICER_NOTE_SAVED = "Đã lưu ghi chú nội bộ cho {code}."
OFFICER_TIP_TRANSFERRED = "Đã chuyển {code} tới {unit_name}."
OFFICER_TIP_REFUSED = "Không thực hiện được: {reason}."

# ------------------------------------------------------------------ admin API and its CLI (anninh.admin)
# Keys: the stored identifiers (anninh.officers.roles.AlertMode); tests/unit/test_texts.py checks them.
OFFICER_ALERT_MODES: dict[str, str] = {
    "immediate": "tin báo mới: báo ngay",
    "digest": "tin báo mới: gộp mỗi giờ (tin khẩn báo ngay)",
}

# ------------------------------------------------------------------ tips: media
# Stored as the media item's ``error``: the officer's view and the citizen's lookup show it as it is.
MEDIA_KIND = {"image": "Ảnh", "video": "Video", "audio": "Ghi âm", "file": "Tệp"}
MEDIA_STATUS = {
    "pending": "đang tải về",
    "stored": "đã lưu",
    "failed": "lỗi tải về",
    "refused": "không lưu được",
}

# ------------------------------------------------------------------ tips: admin API and CLI
TIP_AUDIT_ACTION = {
    "created": "gửi tin báo",
    "viewed": "xem",
    "status": "đổi trạng thái",
    "reply": "nhắn người báo tin",
    "note": "ghi chú nội bộ",
    "transfer": "chuyển đơn vị",
    "media": "lưu tệp",
    "media_access": "mở tệp",
    "info_added": "người báo tin bổ sung",
}

# ------------------------------------------------------------------ broadcasts
BROADCAST_PREVIEW_PREFIX = "[Xem trước] "
OFFICER_TIP_TRANSFERRED_IN = (
    "Tin báo {code} được chuyển tới đơn vị từ {from_unit}. Xem: #xem {code} · Tiếp nhận: #nhan {code}"
)

# ------------------------------------------------------------------ `anninh units` (administrators)
# Hourly digest of new non-urgent tips, for officers whose alert setting is "digest" (anninh.tips.digest).
OFFICER_DIGEST_HEADER = "Tổng hợp tin báo mới {start}–{end} ngày {date}: {count} tin chưa khẩn"
OFFICER_DIGEST_LINE = "• {code} — {category} tại {unit_name} ({status}): {description}"
OFFICER_DIGEST_MORE = "… và {count} tin khác: gõ #tin để xem danh sách."
OFFICER_DIGEST_FOOTER = "Xem: #xem MÃ · Tiếp nhận: #nhan MÃ"

# ------------------------------------------------------------------ tips: the wanted notice a tip is about
OFFICER_TIP_NOTICE = "\nThông báo truy nã liên quan: {notice_id}"

# ------------------------------------------------------------------ officers: refusals (anninh.officers)
# Keys: the stored identifiers (anninh.officers.roles.Role); tests/unit/test_texts.py checks them.
OFFICER_ROLE_TITLES: dict[str, str] = {
    "truc_ban": "Trực ban",
    "can_bo_xu_ly": "Cán bộ xử lý",
    "lanh_dao": "Lãnh đạo",
}
OFFICER_ERROR_TIME = "giờ phải có dạng HH:MM, nhận được {value!r}"
OFFICER_ERROR_SHIFT_DAYS = "ngày trực phải trong 0 (Thứ Hai) … 6 (Chủ nhật)"
OFFICER_ERROR_ROLE = "vai trò phải là một trong {choices}"
OFFICER_ERROR_ALERTS = "cách nhận thông báo phải là một trong {choices}"
OFFICER_ERROR_USER_ID = "user_id Zalo phải là dãy chữ số"
OFFICER_ERROR_NAME = "cần họ tên cán bộ"
OFFICER_ERROR_DAY_RANGE = "khoảng ngày {part!r} phải tăng dần (0 = Thứ Hai … 6 = Chủ nhật)"
OFFICER_ERROR_SHIFT_FORMAT = (
    "ca trực {text!r} phải có dạng NGÀY GIỜ_BẮT_ĐẦU-GIỜ_KẾT_THÚC, ví dụ 0-4 07:30-17:00"
)
OFFICER_ERROR_UNIT_WITHOUT_OA = (
    "đơn vị {unit_id} chưa có Zalo OA: cán bộ chỉ đăng ký được ở đơn vị có OA "
    "(cán bộ nhận cảnh báo và gõ lệnh qua OA của đơn vị mình)"
)
# The officers' YAML file (anninh officers import, the local stack's seed).
OFFICER_ERROR_SHIFT_DAY_NUMBERS = "ngày trực phải là số 0…6, nhận được {days!r}"
OFFICER_ERROR_SHIFT_SHAPE = "ca trực {shift!r} phải là chuỗi như '0-4 07:30-17:00' hoặc {{days, start, end}}"
OFFICER_ERROR_ENTRY_SHAPE = "phải là một mapping (unit_id, user_id, name, role, …)"
OFFICER_ERROR_UNKNOWN_FIELDS = "trường không hợp lệ {fields}"
OFFICER_ERROR_MISSING_FIELDS = "thiếu {fields}"
OFFICER_ERROR_ACTIVE = "active phải là true hoặc false"
OFFICER_ERROR_SHIFTS_LIST = "shifts phải là một danh sách ca trực"
OFFICER_ERROR_FILE_SHAPE = "tệp phải là một mapping có danh sách 'officers'"
OFFICER_ERROR_ENTRY = "mục {index}: {error}"
OFFICER_ERROR_DUPLICATE = "mục {index}: cán bộ {user_id} của {unit_id} bị lặp"
OFFICER_ERROR_FILE_YAML = "{path}: không phải YAML hợp lệ ({error})"
OFFICER_ERROR_FILE_READ = "không đọc được {path}: {error}"

# ------------------------------------------------------------------ tips: refusals and what officers read
TIP_ERROR_INCOMPLETE = "tin báo chưa đủ thông tin"
TIP_ERROR_NO_DESCRIPTION = "tin báo cần phần mô tả"
TIP_ERROR_SAME_UNIT = "tin báo đã thuộc đơn vị này"
TIP_ERROR_CLOSED = "tin báo đã kết thúc xử lý, không bổ sung được"
TIP_ERROR_UNKNOWN_STATUS = "trạng thái không hợp lệ: {status}"
TIP_ERROR_TRANSITION = "không thể chuyển từ “{current}” sang “{new}”"
TIP_ERROR_RESULT_REQUIRED = "trạng thái “{status}” cần kết quả công khai cho người báo tin"
TIP_ERROR_CONCURRENT = "tin báo vừa được người khác cập nhật, xin thử lại"
# Audit-log details (the history of `anninh tips show` and GET /admin/tips/{code}).
TIP_AUDIT_MEDIA_ACCESS = "{count} tệp"
TIP_AUDIT_MEDIA_ADDED = "{kind} bổ sung"
# After the status in an officer's (#xem) or administrator's (anninh tips show) view of an urgent tip.
TIP_URGENT_SUFFIX = " — KHẨN"
# The code shown in the officers' alert about an urgent message sent while the tip is still being written.
TIP_DRAFT_CODE = "(đang soạn)"

# ---------------------------------------------------------------------------------------------------------
# The weekly picture for leaders (Monday 07:00): caption lines and chart labels, read by lãnh đạo in Zalo.
WEEKLY_TITLE = "Tuần {start}–{end}: {unit_name} ({units} đơn vị)"
WEEKLY_LINE_TIPS = (
    "Tin báo: {submitted} tiếp nhận ({urgent} khẩn), {resolved} đã xử lý, {unfounded} không đủ cơ sở."
)
WEEKLY_LINE_QUESTIONS = "Hỏi thủ tục: {answered} trả lời ngay, {refused} ngoài phạm vi, {handed} chuyển cán bộ ({officer_answered} đã trả lời)."
WEEKLY_LINE_FOLLOWERS = "Người quan tâm: +{gained} / −{lost}; {messages} tin nhắn của người dân."
WEEKLY_CHART_TITLE = "{unit_name} · tuần {start}–{end}"
WEEKLY_CHART_TIPS = "Tin báo"
WEEKLY_CHART_QUESTIONS = "Câu hỏi thủ tục"
WEEKLY_CHART_FOLLOWERS = "Người quan tâm"
WEEKLY_BAR_SUBMITTED = "Tiếp nhận"
WEEKLY_BAR_ACKNOWLEDGED = "Đã xử lý bước đầu"
WEEKLY_BAR_RESOLVED = "Đã xử lý"
WEEKLY_BAR_UNFOUNDED = "Không đủ cơ sở"
WEEKLY_BAR_FAQ_ANSWERED = "Trả lời ngay"
WEEKLY_BAR_FAQ_REFUSED = "Ngoài phạm vi"
WEEKLY_BAR_HANDED = "Chuyển cán bộ"
WEEKLY_BAR_GAINED = "Mới"
WEEKLY_BAR_LOST = "Bỏ quan tâm"

# ------------------------------------------------------------------ abuse: codes, media sources, limits per citizen
CODE_AMBIGUOUS = (
    "Mã {code} trùng với nhiều hồ sơ cũ nên không thể xử lý qua mã này. "
    "Xin liên hệ đơn vị qua đường dây nóng hoặc dùng danh sách trên hệ thống quản trị."
)
TIP_ADDITION_LINE = "\n[Bổ sung {stamp}] {text}"
OFFICER_ALERT_MORE = (
    "[Người dân này đã gửi thêm {count} tin nhắn cần báo trong vòng {minutes} phút; các tin đó được gộp, "
    "không báo riêng từng tin. Xem đầy đủ trong hội thoại Zalo OA.]\n"
)

__all__ = [
    "BROADCAST_PREVIEW_PREFIX",
    "CODE_AMBIGUOUS",
    "MEDIA_KIND",
    "MEDIA_STATUS",
    "OFFICER_ALERT_MODES",
    "OFFICER_ALERT_MORE",
    "OFFICER_ALREADY_ANSWERED",
    "OFFICER_ANSWER_NOT_DELIVERED",
    "OFFICER_ANSWER_SENT",
    "OFFICER_ANSWER_USAGE",
    "OFFICER_DIGEST_FOOTER",
    "OFFICER_DIGEST_HEADER",
    "OFFICER_DIGEST_LINE",
    "OFFICER_DIGEST_MORE",
    "OFFICER_ERROR_ACTIVE",
    "OFFICER_ERROR_ALERTS",
    "OFFICER_ERROR_DAY_RANGE",
    "OFFICER_ERROR_DUPLICATE",
    "OFFICER_ERROR_ENTRY",
    "OFFICER_ERROR_ENTRY_SHAPE",
    "OFFICER_ERROR_FILE_READ",
    "OFFICER_ERROR_FILE_SHAPE",
    "OFFICER_ERROR_FILE_YAML",
    "OFFICER_ERROR_MISSING_FIELDS",
    "OFFICER_ERROR_NAME",
    "OFFICER_ERROR_ROLE",
    "OFFICER_ERROR_SHIFTS_LIST",
    "OFFICER_ERROR_SHIFT_DAYS",
    "OFFICER_ERROR_SHIFT_DAY_NUMBERS",
    "OFFICER_ERROR_SHIFT_FORMAT",
    "OFFICER_ERROR_SHIFT_SHAPE",
    "OFFICER_ERROR_TIME",
    "OFFICER_ERROR_UNIT_WITHOUT_OA",
    "OFFICER_ERROR_UNKNOWN_FIELDS",
    "OFFICER_ERROR_USER_ID",
    "OFFICER_HELP",
    "OFFICER_NEW_QUESTION",
    "OFFICER_NEW_TIP",
    "OFFICER_NOTE_SAVED",
    "OFFICER_NO_QUESTIONS",
    "OFFICER_NO_TIPS",
    "OFFICER_QUESTION_LINE",
    "OFFICER_QUESTION_NOT_FOUND",
    "OFFICER_REPORTER_CONFIDENTIAL",
    "OFFICER_REPORTER_HIDDEN",
    "OFFICER_REPORTER_OPEN",
    "OFFICER_ROLE_TITLES",
    "OFFICER_TIP_DONE",
    "OFFICER_TIP_HELP",
    "OFFICER_TIP_LINE",
    "OFFICER_TIP_NOTICE",
    "OFFICER_TIP_NOT_FOUND",
    "OFFICER_TIP_REFUSED",
    "OFFICER_TIP_REPLIED",
    "OFFICER_TIP_REPLY_NOT_DELIVERED",
    "OFFICER_TIP_TRANSFERRED",
    "OFFICER_TIP_TRANSFERRED_IN",
    "OFFICER_TIP_VIEW",
    "OFFICER_URGENT_MARK",
    "TIP_ADDITION_LINE",
    "TIP_AUDIT_ACTION",
    "TIP_AUDIT_MEDIA_ACCESS",
    "TIP_AUDIT_MEDIA_ADDED",
    "TIP_DRAFT_CODE",
    "TIP_ERROR_CLOSED",
    "TIP_ERROR_CONCURRENT",
    "TIP_ERROR_INCOMPLETE",
    "TIP_ERROR_NO_DESCRIPTION",
    "TIP_ERROR_RESULT_REQUIRED",
    "TIP_ERROR_SAME_UNIT",
    "TIP_ERROR_TRANSITION",
    "TIP_ERROR_UNKNOWN_STATUS",
    "TIP_URGENT_SUFFIX",
    "WEEKLY_BAR_ACKNOWLEDGED",
    "WEEKLY_BAR_FAQ_ANSWERED",
    "WEEKLY_BAR_FAQ_REFUSED",
    "WEEKLY_BAR_GAINED",
    "WEEKLY_BAR_HANDED",
    "WEEKLY_BAR_LOST",
    "WEEKLY_BAR_RESOLVED",
    "WEEKLY_BAR_SUBMITTED",
    "WEEKLY_BAR_UNFOUNDED",
    "WEEKLY_CHART_FOLLOWERS",
    "WEEKLY_CHART_QUESTIONS",
    "WEEKLY_CHART_TIPS",
    "WEEKLY_CHART_TITLE",
    "WEEKLY_LINE_FOLLOWERS",
    "WEEKLY_LINE_QUESTIONS",
    "WEEKLY_LINE_TIPS",
    "WEEKLY_TITLE",
]

# ------------------------------------------------------------------ tips routed by place (anninh.units.places)
ROUTE_OFFER = (
    "\n📍 Nơi xảy ra thuộc {unit_name}. Đề xuất chuyển cho đơn vị này: gõ “#chuyen {code}” để đồng ý, "
    "hoặc “#chuyen {code} MÃ_ĐƠN_VỊ” để chuyển nơi khác."
)
ROUTE_NO_SUGGESTION = (
    "Tin báo {code} không có đề xuất chuyển. Gõ “#chuyen {code} MÃ_ĐƠN_VỊ” (mã đơn vị, ví dụ xa-binh-an)."
)
ROUTE_VIEW_SUGGESTION = "\nĐề xuất chuyển cho: {unit_name} (“#chuyen {code}” để đồng ý)"
ROUTE_HELP = "#chuyen MÃ — chuyển theo đề xuất (nơi xảy ra thuộc xã, phường cấp dưới)"

__all__ += [
    "ROUTE_HELP",
    "ROUTE_NO_SUGGESTION",
    "ROUTE_OFFER",
    "ROUTE_VIEW_SUGGESTION",
]
