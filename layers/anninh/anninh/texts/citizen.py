"""What citizens read: the menu, answers, the tip intake and follow-up, replies and pages they see.

In Vietnamese with full diacritics; format placeholders use str.format names.
"""

from __future__ import annotations

# ------------------------------------------------------------------ main menu
WELCOME = (
    "Chào mừng bạn đến với kênh Zalo chính thức của {unit_name}. Tại đây bạn có thể gửi tin báo, "
    "phản ánh về an ninh trật tự, hỏi thủ tục hành chính và nhận tin tức, cảnh báo từ Công an.\n"
    "Trường hợp khẩn cấp, hãy gọi ngay 113."
)
MENU_PROMPT = "Bạn cần hỗ trợ gì? Chọn một mục bên dưới hoặc gõ số thứ tự (1–5):"
MENU_TITLE = "{unit_name}"
SECTION_NEWS = "Tin tức"
SECTION_REPORT = "Gửi tin báo"
SECTION_PROCEDURES = "Thủ tục hành chính"
SECTION_CONTACT = "Liên hệ"
SECTION_PATROL = "Lịch tuần tra"
MENU_FALLBACK_HINT = "Gõ “menu” bất cứ lúc nào để quay lại danh sách này."
NOT_UNDERSTOOD = "Xin lỗi, tôi chưa hiểu yêu cầu của bạn."
# Sections that later releases fill: said plainly, with what the citizen can do today.
NEWS_COMING = (
    "Mục Tin tức của {unit_name} đang được cập nhật trên kênh này. Tin mới, cảnh báo thủ đoạn lừa đảo "
    "và thông báo truy nã sẽ được gửi tới bạn khi có."
)
REPORT_COMING = (
    "Chức năng gửi tin báo qua Zalo đang được hoàn thiện. Để tố giác, báo tin về tội phạm ngay bây giờ, "
    "xin gọi đường dây nóng {hotline} hoặc 113, hoặc đến trực tiếp trụ sở {unit_name}."
)
PROCEDURES_PROMPT = (
    "Bạn hãy gõ câu hỏi về thủ tục hành chính (ví dụ: “làm căn cước cho con cần gì”, "
    "“đăng ký tạm trú ở đâu”), tôi sẽ trả lời ngay."
)
PATROL_COMING = (
    "Lịch tuần tra của {unit_name} đang được cập nhật trên kênh này. Cần hỗ trợ ngay, xin gọi {hotline}."
)

# ------------------------------------------------------------------ contacts (Liên hệ)
CONTACT_HEADER = "Liên hệ {unit_name}"
CONTACT_HOTLINE = "• Đường dây nóng: {hotline}"
CONTACT_ADDRESS = "• Địa chỉ: {address}"
CONTACT_HOURS = "• Giờ làm việc: {office_hours}"
CONTACT_EXTRA = "• {label}: {details}"
CONTACT_CHILDREN_HEADER = "Các đơn vị trực thuộc:"
CONTACT_CHILD = "• {name}: {hotline}{address}"
CONTACT_PARENT = "Cấp trên: {name}, đường dây nóng {hotline}."
EMERGENCY_NUMBERS = "Khẩn cấp: 113 (Công an), 114 (Cứu nạn, cứu hộ, chữa cháy), 115 (Cấp cứu y tế)."
CALL_HOTLINE_BUTTON = "Gọi đường dây nóng"
NOT_AVAILABLE = "chưa cập nhật"
BACK_TO_MENU_BUTTON = "Quay lại menu"
ATTACHMENT_OUTSIDE_FLOW = (
    "Đã nhận tệp/vị trí bạn gửi. Nếu bạn muốn gửi tin báo kèm hình ảnh, video hoặc vị trí, "
    "hãy chọn “Gửi tin báo” trong menu để cán bộ tiếp nhận đầy đủ."
)

# ------------------------------------------------------------------ Zalo client menus (anninh.zalo.client)
MENU_NUMBER_HINT = "Nhắn số thứ tự của mục bạn cần (ví dụ: 1)."
MENU_CHOOSE = "Mời bạn chọn một mục bên dưới."

# ------------------------------------------------------------------ FAQ engine (anninh.faq)
FAQ_UNIT_PLACE = "Nơi tiếp nhận tại đơn vị: {place}"
FAQ_UNIT_HOURS = "Giờ làm việc: {hours}"
FAQ_UNIT_HOTLINE = "Đường dây nóng: {hotline}"
FAQ_TRIMMED = "…"

# ------------------------------------------------------------------ FAQ in the conversation
FAQ_HELPFUL_PROMPT = "Câu trả lời có hữu ích không? Bạn có thể xem thêm thủ tục liên quan:"
FAQ_HELPFUL_YES = "Có, cảm ơn"
FAQ_HELPFUL_NO = "Chưa rõ"
FAQ_ASK_OFFICER = "Hỏi cán bộ"
FAQ_THANKS = "Cảm ơn bạn đã phản hồi. Gõ “menu” nếu cần hỗ trợ thêm."
FAQ_NOT_HELPFUL = (
    "Xin lỗi vì câu trả lời chưa giúp được bạn. Bạn có thể gõ lại câu hỏi cụ thể hơn, "
    "hoặc chọn “Hỏi cán bộ” để được hướng dẫn trực tiếp."
)
FAQ_ABSTAIN = (
    "Tôi chưa chắc câu hỏi của bạn thuộc thủ tục nào của Công an. Tôi có thể giải đáp về cư trú "
    "(thường trú, tạm trú, lưu trú), căn cước, đăng ký xe, giấy phép lái xe, hộ chiếu, phòng cháy chữa cháy "
    "và ngành nghề kinh doanh có điều kiện về an ninh trật tự. Bạn hãy hỏi lại cụ thể hơn, "
    "hoặc chọn một mục trong menu."
)

# ------------------------------------------------------------------ questions handed to officers
ASK_OFFICER_PROMPT = (
    "Bạn hãy gõ câu hỏi của mình trong một tin nhắn, câu hỏi sẽ được chuyển tới cán bộ {unit_name} "
    "và câu trả lời sẽ được gửi lại cho bạn qua Zalo. Cần gấp, xin gọi {hotline}."
)
QUESTION_HANDED_OVER = (
    "Câu hỏi của bạn đã được chuyển tới cán bộ {unit_name} (mã {code}). Câu trả lời sẽ được gửi tới bạn "
    "qua Zalo trong giờ làm việc. Trường hợp khẩn cấp, gọi 113."
)
FAQ_ABSTAIN_HANDED_OVER = FAQ_ABSTAIN + (
    "\nCâu hỏi của bạn cũng đã được chuyển tới cán bộ {unit_name} (mã {code}) để trả lời sau."
)
CITIZEN_ANSWER = "Cán bộ {unit_name} trả lời câu hỏi {code} của bạn:\n{answer}"

# ------------------------------------------------------------------ tips: intake
TIP_START = (
    "Bạn đang gửi tin báo tới {unit_name}. Nếu đang nguy hiểm, gọi ngay 113 (cháy, cứu nạn: 114; cấp cứu: "
    "115). Thông tin của bạn được giữ bí mật theo quy định của pháp luật. "
    "Gõ “hủy” bất cứ lúc nào để dừng.\nBước 1/6 — Chọn loại vụ việc (gõ số):"
)
TIP_CATEGORY_LINE = "{number}. {label}"
TIP_ASK_DESCRIPTION = (
    "Bước 2/6 — Mô tả sự việc: chuyện gì đã xảy ra, ai liên quan, phương tiện, đặc điểm nhận dạng… "
    "(viết trong một tin nhắn)."
)
TIP_DESCRIPTION_TOO_SHORT = "Mô tả còn quá ngắn, xin viết rõ hơn (ít nhất vài câu)."
TIP_ASK_PLACE = (
    "Bước 3/6 — Địa điểm: gửi vị trí qua nút “Vị trí” của Zalo, hoặc gõ địa chỉ; gõ “không nhớ” nếu không rõ."
)
TIP_ASK_TIME = "Bước 4/6 — Thời gian xảy ra (ví dụ “khoảng 21 giờ tối qua”, “đang diễn ra”); gõ “không nhớ” nếu không rõ."
TIP_ASK_MEDIA = (
    "Bước 5/6 — Gửi ảnh, video, ghi âm hoặc tệp làm bằng chứng (gửi bao nhiêu cũng được). "
    "Gõ “xong” khi đã gửi hết, hoặc “không” nếu không có."
)
TIP_MEDIA_RECEIVED = "Đã nhận {count} tệp. Gửi tiếp hoặc gõ “xong”."
TIP_ASK_PRIVACY = (
    "Bước 6/6 — Bạn muốn gửi tin báo theo cách nào? (gõ số)\n"
    "1. Ẩn danh: không lưu danh tính của bạn; cán bộ chỉ trao đổi với bạn qua mã tin báo. "
    "Lưu ý: tin ẩn danh khó xác minh có thể không xử lý được.\n"
    "2. Bảo mật: bạn cung cấp họ tên, số điện thoại; chỉ cán bộ thụ lý được biết.\n"
    "3. Công khai: bạn đồng ý cung cấp danh tính để cán bộ liên hệ trực tiếp."
)
TIP_CONTACT_FORM_TITLE = "Thông tin liên hệ cho tin báo"
TIP_CONTACT_FORM_SUBTITLE = "Chỉ cán bộ thụ lý tin báo được xem thông tin này."
TIP_ASK_CONTACT = (
    "Xin điền họ tên và số điện thoại trong biểu mẫu Zalo vừa gửi, hoặc gõ theo mẫu: Họ tên, số điện thoại."
)
TIP_CONTACT_RETRY = "Chưa đọc được số điện thoại. Xin gõ theo mẫu: Nguyễn Văn A, 0912345678."
TIP_SUMMARY = (
    "Xin kiểm tra lại tin báo:\n• Loại: {category}\n• Mô tả: {description}\n• Địa điểm: {place}\n"
    "• Thời gian: {occurred}\n• Tệp đính kèm: {media}\n• Hình thức: {privacy}\n"
    "Gõ “gửi” để gửi tin báo, hoặc “hủy” để bỏ."
)
TIP_CONFIRM_BUTTON = "Gửi tin báo"
TIP_CANCEL_BUTTON = "Hủy"
TIP_CONFIRM_RETRY = "Gõ “gửi” để gửi tin báo, hoặc “hủy” để bỏ."
TIP_SUBMITTED = (
    "Đã gửi tin báo tới {unit_name}. Mã tin báo của bạn: {code}\n"
    "Hãy lưu mã này. Gõ “tra cứu {code}” để xem tình trạng xử lý; cán bộ có thể trao đổi với bạn qua mã này."
)
TIP_CANCELLED = "Đã hủy tin báo đang soạn. Gõ “menu” để xem các mục khác."
TIP_RESUME = "Bạn có một tin báo đang soạn dở. Gõ “tiếp” để tiếp tục hoặc “mới” để làm lại từ đầu."
TIP_NOT_REMEMBERED = "không rõ"
TIP_NONE = "không có"

# ------------------------------------------------------------------ tips: urgent, lookup, follow-up
URGENT_REPLY = (
    "Nếu sự việc đang xảy ra hoặc có nguy hiểm đến tính mạng, hãy GỌI NGAY:\n"
    "• 113 — Cảnh sát\n• 114 — Cứu nạn, cứu hộ, chữa cháy\n• 115 — Cấp cứu y tế\n"
    "• Đường dây nóng {unit_name}: {hotline}\n"
    "Tin nhắn của bạn đã được đánh dấu KHẨN và báo ngay cho cán bộ trực."
)
TIP_LOOKUP_USAGE = "Gõ “tra cứu MÃ” (ví dụ: tra cứu BA-7KQ2M) hoặc “tin báo của tôi”."
TIP_LOOKUP_NOT_FOUND = "Không tìm thấy tin báo có mã {code}. Xin kiểm tra lại mã."
TIP_STATUS = "Tin báo {code} ({category}) gửi lúc {created}:\n• Tình trạng: {status}\n• Cập nhật lần cuối: {updated}{result}"
TIP_PUBLIC_RESULT = "\n• Kết quả: {result}"
TIP_MEDIA_FAILED_MARK = (
    "\n• Lưu ý: có tệp đính kèm chưa lưu được ({count}); bạn có thể gửi lại qua “bổ sung {code}”."
)
TIP_MY_TIPS_NONE = "Bạn chưa gửi tin báo nào qua kênh này."
TIP_MY_TIPS_LINE = "• {code} — {category} — {status} ({updated})"
TIP_INFO_ADDED = "Đã bổ sung thông tin cho tin báo {code}. Cảm ơn bạn."
TIP_CLOSED = "Tin báo {code} đã kết thúc xử lý, không bổ sung được. Nếu có sự việc mới, xin gửi tin báo mới."
TIP_STATUS_PUSH = "Cập nhật tin báo {code}: {status}.{result}"
TIP_OFFICER_REPLY = "Cán bộ thụ lý tin báo {code} nhắn:\n{text}\n(Trả lời: gõ “bổ sung {code} nội dung”.)"

# ------------------------------------------------------------------ tips: media
MEDIA_REFUSED_TOO_LARGE = "{kind} quá lớn (tối đa {limit_mb} MB), không lưu được; tin báo vẫn được giữ."
MEDIA_REFUSED_TYPE = "{kind} không đúng định dạng được chấp nhận, không lưu được; tin báo vẫn được giữ."
MEDIA_REFUSED_EMPTY = "{kind} không có nội dung, không lưu được; tin báo vẫn được giữ."
MEDIA_GONE = (
    "{kind} không tải được từ Zalo (liên kết đã hết hạn hoặc tệp đã bị gỡ); tin báo vẫn được giữ, "
    "có thể gửi bổ sung sau."
)
MEDIA_FAILED = (
    "{kind} không tải được từ Zalo sau {attempts} lần thử; tin báo vẫn được giữ, có thể gửi bổ sung sau."
)
TIP_MEDIA_NOT_KEPT = "Tin báo {code}: {reason} Bạn có thể gửi lại tệp bằng “bổ sung {code}”."

# ------------------------------------------------------------------ units' content
NEWS_HEADER = "Tin tức – {unit_name}"
NEWS_ITEM = "📰 {title} ({date})\n{summary}"
NEWS_LINK = "Xem thêm: {link}"
NEWS_SOURCE = "Nguồn: {unit_name}"
NEWS_EMPTY = (
    "{unit_name} chưa có tin mới. Tin mới, cảnh báo thủ đoạn lừa đảo và thông báo truy nã sẽ được gửi "
    "tới bạn khi có."
)
WANTED_HEADER = "Thông báo truy nã:"
WANTED_ITEM = "⚠️ {name} ({date})\n{summary}"
PATROL_HEADER = "Lịch tuần tra – {unit_name}"
PATROL_TODAY = "Hôm nay"
PATROL_UPCOMING = "Sắp tới"
PATROL_ITEM = "• {period}, {hours}: {route}"
PATROL_ONE_DAY = "{start}"
PATROL_RANGE = "{start} – {end}"
PATROL_EMPTY = "{unit_name} chưa có lịch tuần tra sắp tới. Cần hỗ trợ ngay, xin gọi {hotline}."
WARD_OFFICERS_HEADER = "Cán bộ phụ trách thôn, tổ dân phố:"
WARD_OFFICER_LINE = "• {ward}: {officer}{phone}"

# ------------------------------------------------------------------ tips: adding media to an open tip
TIP_ADD_MEDIA_PROMPT = (
    "Gửi ảnh, video, ghi âm, tệp hoặc nội dung bổ sung cho tin báo {code}. Gõ “xong” khi đã gửi hết."
)
TIP_MEDIA_ADDED = "Đã nhận tệp bổ sung cho tin báo {code}. Gửi tiếp hoặc gõ “xong”."
TIP_ADDING_DONE = "Cảm ơn bạn đã bổ sung cho tin báo {code}. Gõ “tra cứu {code}” để xem tình trạng xử lý."

# ------------------------------------------------------------------ broadcasts
BROADCAST_TIP_BUTTON = "Gửi tin về đối tượng này"
BROADCAST_LINK_BUTTON = "Xem chi tiết"
TIP_NOTICE_PREFILL = "Tin báo về đối tượng truy nã “{notice}”."
TIP_TRANSFER_PUSH = (
    "Tin báo {code} đã được chuyển tới {unit_name} để xử lý theo thẩm quyền. Mã tin báo giữ nguyên."
)

# ------------------------------------------------------------------ tips: labels (keys are stored identifiers)
# Keys: the stored identifiers (anninh.tips.identifiers.Category, in this order); tests/unit/test_texts.py checks them.
TIP_CATEGORY_LABELS: dict[str, str] = {
    "ma_tuy": "Ma túy",
    "co_bac": "Cờ bạc",
    "trom_cap": "Trộm cắp",
    "lua_dao": "Lừa đảo",
    "gay_thuong_tich": "Cố ý gây thương tích",
    "an_ninh_trat_tu": "An ninh trật tự",
    "an_toan_giao_thong": "An toàn giao thông",
    "te_nan_xa_hoi": "Tệ nạn xã hội",
    "khac": "Khác",
}
# Keys: the stored identifiers (anninh.tips.identifiers.Privacy); tests/unit/test_texts.py checks them.
TIP_PRIVACY_LABELS: dict[str, str] = {
    "anonymous": "Ẩn danh",
    "confidential": "Bảo mật danh tính",
    "open": "Công khai danh tính",
}
# Keys: the stored identifiers (anninh.tips.identifiers.Status); tests/unit/test_texts.py checks them.
TIP_STATUS_LABELS: dict[str, str] = {
    "moi": "Mới",
    "da_tiep_nhan": "Đã tiếp nhận",
    "dang_xac_minh": "Đang xác minh",
    "da_xu_ly": "Đã xử lý",
    "khong_du_co_so": "Không đủ cơ sở",
    "da_chuyen": "Đã chuyển đơn vị",
}

# ------------------------------------------------------------------ `anninh` command line: help (argparse)
# A message whose content the system cannot read (parked for the operators; inbound/parking.py).
MESSAGE_UNREADABLE = (
    "Xin lỗi, hệ thống chưa đọc được tin nhắn bạn vừa gửi. Bạn vui lòng gửi lại bằng chữ; "
    "nếu cần giúp ngay, hãy gọi {hotline} (khẩn cấp: 113)."
)

# ------------------------------------------------------------------ FAQ legal sources and short answers (law review)
FAQ_DETAILS_BUTTON = "Xem chi tiết"
FAQ_DETAILS_SOURCES_HEADER = "Căn cứ pháp lý:"
FAQ_DETAILS_LINKS_HEADER = "Liên kết:"
FAQ_DETAILS_VERIFIED = "Kiểm tra ngày {date}"

# ---------------------------------------------------------------------------------------------------------
# Flyers (anninh flyer): what a citizen reads on the printed sheet, and the CLI's messages to the admin.
FLYER_TITLE = "QUAN TÂM ZALO OFFICIAL ACCOUNT"
FLYER_HOTLINE = "Đường dây nóng: {hotline}"
FLYER_OFFERS: tuple[str, ...] = (
    "Nhận tin tức, cảnh báo thủ đoạn lừa đảo, thông báo truy nã",
    "Gửi tin báo, tố giác tội phạm, phản ánh về an ninh trật tự (có thể ẩn danh), theo dõi kết quả bằng mã tin báo",
    "Hỏi thủ tục hành chính: cư trú, căn cước, xe, hộ chiếu, phòng cháy chữa cháy…",
    "Danh bạ, số điện thoại các đơn vị",
    "Lịch tuần tra, kiểm soát giao thông",
)
FLYER_EMERGENCY = "Khẩn cấp: 113 Công an · 114 Cứu nạn, cứu hộ · 115 Cấp cứu"
FLYER_FOOTER = "Quét mã QR bằng ứng dụng Zalo, bấm “Quan tâm” để bắt đầu."

# ---------------------------------------------------------------------------------------------------------
# Public page per unit (GET /public/{unit_id}): what any citizen reads. Nothing here names a reporter.
PUBLIC_FIG_MESSAGES = "tin nhắn của người dân"
PUBLIC_FIG_FAQ_ANSWERED = "câu hỏi thủ tục được trả lời ngay"
PUBLIC_FIG_QUESTIONS_ANSWERED = "câu hỏi được cán bộ trả lời"
PUBLIC_FIG_TIPS = "tin báo, tố giác tiếp nhận"
PUBLIC_FIG_TIPS_RESOLVED = "tin báo đã xử lý xong"
PUBLIC_FIG_FOLLOWERS_GAINED = "người quan tâm mới"
PUBLIC_MINUTES = "{n} phút"
PUBLIC_HOURS = "{n} giờ"
PUBLIC_MEDIANS = "Thời gian tiếp nhận tin báo (trung vị): {ack}; thời gian xử lý xong (trung vị): {close}."
PUBLIC_NO_TIPS = "Chưa có tin báo"
PUBLIC_CHART_TITLE = "Tin báo theo lĩnh vực, 30 ngày qua"
PUBLIC_FOLLOW_OA = "Quan tâm Zalo OA của đơn vị"
PUBLIC_NO_RESULTS = "Chưa có kết quả công khai."
PUBLIC_HOTLINE = "Đường dây nóng:"
PUBLIC_EMERGENCY = "Khẩn cấp: 113 Công an · 114 Cứu nạn, cứu hộ · 115 Cấp cứu"
PUBLIC_LAST_30 = "30 ngày qua"
PUBLIC_YTD = "Từ đầu năm {year}"
PUBLIC_RESULTS = "Kết quả xử lý tin báo"
PUBLIC_UNITS = "Các đơn vị trực thuộc"
PUBLIC_UPDATED = "Số liệu tính đến ngày {date}; cập nhật vài phút một lần."
PUBLIC_NOT_FOUND = "Không có đơn vị này."
PUBLIC_NOT_FOUND_HTML = '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Không tìm thấy</title></head><body><p>Không có đơn vị này.</p></body></html>'

# ------------------------------------------------------------------ abuse: codes, media sources, limits per citizen
TIP_DESCRIPTION_TOO_LONG = (
    "Nội dung quá dài (tối đa {limit} ký tự). Xin gửi phần chính trước; phần còn lại có thể gửi sau "
    "bằng “bổ sung MÃ nội dung” khi đã có mã tin báo."
)
TIP_ADDITION_TOO_LONG = (
    "Nội dung bổ sung quá dài (tối đa {limit} ký tự mỗi lần). Xin chia thành nhiều lần gửi."
)
TIP_MEDIA_LIMIT = (
    "Mỗi tin báo nhận tối đa {limit} tệp đính kèm; các tệp vượt quá không được lưu. "
    "Nếu cần gửi thêm, xin liên hệ đơn vị qua đường dây nóng."
)
MEDIA_REFUSED_SOURCE = "{kind} không đến từ máy chủ tệp của Zalo nên không được tải về; tin báo vẫn được giữ."
CITIZEN_RATE_LIMITED = (
    "Bạn đã gửi nhiều tin nhắn trong thời gian ngắn. Xin vui lòng chờ ít phút rồi gửi tiếp. "
    "Nếu đang gặp nguy hiểm, hãy gọi ngay 113."
)

# ---------------------------------------------------------------- Zalo platform: doctor, form picture (zalo)
BROADCAST_ARTICLE_AUTHOR = "Công an"

# ------------------------------------------------------------------ citizens' own words: understanding a message
EMERGENCY_CALL_FIRST: dict[str, str] = {
    "113": "GỌI NGAY 113 — Cảnh sát.",
    "114": "GỌI NGAY 114 — Cứu nạn, cứu hộ, chữa cháy.",
    "115": "GỌI NGAY 115 — Cấp cứu y tế.",
}
EMERGENCY_NUMBER_NAMES: dict[str, str] = {
    "113": "113 Cảnh sát",
    "114": "114 Cứu nạn, cứu hộ, chữa cháy",
    "115": "115 Cấp cứu",
}
EMERGENCY_OTHERS = "Số khác: {others}. Đường dây nóng {unit_name}: {hotline}."
EMERGENCY_MARKED_URGENT = "Tin nhắn của bạn đã được đánh dấu KHẨN và báo ngay cho cán bộ trực."
EMERGENCY_MEDICAL_ONLY = (
    "Ở bên người bị nạn và làm theo hướng dẫn của tổng đài 115. Nếu có hành vi phạm tội liên quan, "
    "gõ “báo tin” sau khi đã an toàn."
)
TIP_CATEGORY_GUESS = (
    "Bạn đang gửi tin báo tới {unit_name}. Nếu đang nguy hiểm, gọi ngay 113 (cháy, cứu nạn: 114; cấp cứu: "
    "115). Thông tin của bạn được giữ bí mật theo quy định của pháp luật. "
    "Gõ “hủy” bất cứ lúc nào để dừng.\nBước 1/6 — Có phải về {label}?\n1. Đúng\n2. Chọn loại khác"
)
TIP_CATEGORY_GUESS_YES = "Đúng"
TIP_CATEGORY_GUESS_OTHER = "Chọn loại khác"
TIP_CATEGORY_GUESS_RETRY = "Xin gõ 1 (đúng là {label}) hoặc 2 (chọn loại khác)."
TIP_CATEGORY_RETRY_NAMES = "Xin chọn một số từ 1 đến {count} hoặc gõ tên loại vụ việc trong danh sách trên."
TIP_ASK_MORE_DETAILS = (
    "Bước 2/6 — Đã ghi lại lời bạn kể: “{told}”\n"
    "Xin kể thêm chi tiết nếu có (ai, phương tiện, đặc điểm nhận dạng…), không cần gõ lại; "
    "gõ “xong” nếu đã đủ."
)
TIP_PRIVACY_RETRY_NAMES = "Xin gõ 1 hoặc “ẩn danh”, 2 hoặc “bảo mật”, 3 hoặc “công khai”."
TIP_PRIVACY_ALIASES: dict[str, tuple[str, ...]] = {
    "anonymous": ("ẩn danh", "nặc danh", "giấu tên", "không tên", "ẩn"),
    "confidential": ("bảo mật", "bí mật", "bảo mật thông tin"),
    "open": ("công khai", "công khai tên", "công khai thông tin"),
}
TIP_CONFIRM_ALIASES = ("gửi", "gửi đi", "gửi luôn", "đồng ý", "xác nhận", "ok", "có", "đúng", "được")
TIP_RESUME_CONTINUE = "Tiếp tục"
TIP_RESUME_CONTINUE_ALIASES = ("tiếp", "có", "ok")
TIP_RESUME_NEW = "Làm mới"
TIP_RESUME_NEW_ALIASES = ("mới", "làm lại", "tin mới")
FOLLOWUP_HELP = (
    "Để xem tin báo đã gửi, gõ “tra cứu MÃ” (ví dụ: tra cứu BA-7KQ2M) hoặc “tin báo của tôi”; "
    "để bổ sung, gõ “bổ sung MÃ nội dung”."
)
GREETING_REPLY = "Xin chào, {unit_name} luôn sẵn sàng hỗ trợ bạn."
FAQ_REPORT_NOW = "Gửi tin báo ngay"

__all__ = [
    "ASK_OFFICER_PROMPT",
    "ATTACHMENT_OUTSIDE_FLOW",
    "BACK_TO_MENU_BUTTON",
    "BROADCAST_ARTICLE_AUTHOR",
    "BROADCAST_LINK_BUTTON",
    "BROADCAST_TIP_BUTTON",
    "CALL_HOTLINE_BUTTON",
    "CITIZEN_ANSWER",
    "CITIZEN_RATE_LIMITED",
    "CONTACT_ADDRESS",
    "CONTACT_CHILD",
    "CONTACT_CHILDREN_HEADER",
    "CONTACT_EXTRA",
    "CONTACT_HEADER",
    "CONTACT_HOTLINE",
    "CONTACT_HOURS",
    "CONTACT_PARENT",
    "EMERGENCY_CALL_FIRST",
    "EMERGENCY_MARKED_URGENT",
    "EMERGENCY_MEDICAL_ONLY",
    "EMERGENCY_NUMBERS",
    "EMERGENCY_NUMBER_NAMES",
    "EMERGENCY_OTHERS",
    "FAQ_ABSTAIN",
    "FAQ_ABSTAIN_HANDED_OVER",
    "FAQ_ASK_OFFICER",
    "FAQ_DETAILS_BUTTON",
    "FAQ_DETAILS_LINKS_HEADER",
    "FAQ_DETAILS_SOURCES_HEADER",
    "FAQ_DETAILS_VERIFIED",
    "FAQ_HELPFUL_NO",
    "FAQ_HELPFUL_PROMPT",
    "FAQ_HELPFUL_YES",
    "FAQ_NOT_HELPFUL",
    "FAQ_REPORT_NOW",
    "FAQ_THANKS",
    "FAQ_TRIMMED",
    "FAQ_UNIT_HOTLINE",
    "FAQ_UNIT_HOURS",
    "FAQ_UNIT_PLACE",
    "FLYER_EMERGENCY",
    "FLYER_FOOTER",
    "FLYER_HOTLINE",
    "FLYER_OFFERS",
    "FLYER_TITLE",
    "FOLLOWUP_HELP",
    "GREETING_REPLY",
    "MEDIA_FAILED",
    "MEDIA_GONE",
    "MEDIA_REFUSED_EMPTY",
    "MEDIA_REFUSED_SOURCE",
    "MEDIA_REFUSED_TOO_LARGE",
    "MEDIA_REFUSED_TYPE",
    "MENU_CHOOSE",
    "MENU_FALLBACK_HINT",
    "MENU_NUMBER_HINT",
    "MENU_PROMPT",
    "MENU_TITLE",
    "MESSAGE_UNREADABLE",
    "NEWS_COMING",
    "NEWS_EMPTY",
    "NEWS_HEADER",
    "NEWS_ITEM",
    "NEWS_LINK",
    "NEWS_SOURCE",
    "NOT_AVAILABLE",
    "NOT_UNDERSTOOD",
    "PATROL_COMING",
    "PATROL_EMPTY",
    "PATROL_HEADER",
    "PATROL_ITEM",
    "PATROL_ONE_DAY",
    "PATROL_RANGE",
    "PATROL_TODAY",
    "PATROL_UPCOMING",
    "PROCEDURES_PROMPT",
    "PUBLIC_CHART_TITLE",
    "PUBLIC_EMERGENCY",
    "PUBLIC_FIG_FAQ_ANSWERED",
    "PUBLIC_FIG_FOLLOWERS_GAINED",
    "PUBLIC_FIG_MESSAGES",
    "PUBLIC_FIG_QUESTIONS_ANSWERED",
    "PUBLIC_FIG_TIPS",
    "PUBLIC_FIG_TIPS_RESOLVED",
    "PUBLIC_FOLLOW_OA",
    "PUBLIC_HOTLINE",
    "PUBLIC_HOURS",
    "PUBLIC_LAST_30",
    "PUBLIC_MEDIANS",
    "PUBLIC_MINUTES",
    "PUBLIC_NOT_FOUND",
    "PUBLIC_NOT_FOUND_HTML",
    "PUBLIC_NO_RESULTS",
    "PUBLIC_NO_TIPS",
    "PUBLIC_RESULTS",
    "PUBLIC_UNITS",
    "PUBLIC_UPDATED",
    "PUBLIC_YTD",
    "QUESTION_HANDED_OVER",
    "REPORT_COMING",
    "SECTION_CONTACT",
    "SECTION_NEWS",
    "SECTION_PATROL",
    "SECTION_PROCEDURES",
    "SECTION_REPORT",
    "TIP_ADDING_DONE",
    "TIP_ADDITION_TOO_LONG",
    "TIP_ADD_MEDIA_PROMPT",
    "TIP_ASK_CONTACT",
    "TIP_ASK_DESCRIPTION",
    "TIP_ASK_MEDIA",
    "TIP_ASK_MORE_DETAILS",
    "TIP_ASK_PLACE",
    "TIP_ASK_PRIVACY",
    "TIP_ASK_TIME",
    "TIP_CANCELLED",
    "TIP_CANCEL_BUTTON",
    "TIP_CATEGORY_GUESS",
    "TIP_CATEGORY_GUESS_OTHER",
    "TIP_CATEGORY_GUESS_RETRY",
    "TIP_CATEGORY_GUESS_YES",
    "TIP_CATEGORY_LABELS",
    "TIP_CATEGORY_LINE",
    "TIP_CATEGORY_RETRY_NAMES",
    "TIP_CLOSED",
    "TIP_CONFIRM_ALIASES",
    "TIP_CONFIRM_BUTTON",
    "TIP_CONFIRM_RETRY",
    "TIP_CONTACT_FORM_SUBTITLE",
    "TIP_CONTACT_FORM_TITLE",
    "TIP_CONTACT_RETRY",
    "TIP_DESCRIPTION_TOO_LONG",
    "TIP_DESCRIPTION_TOO_SHORT",
    "TIP_INFO_ADDED",
    "TIP_LOOKUP_NOT_FOUND",
    "TIP_LOOKUP_USAGE",
    "TIP_MEDIA_ADDED",
    "TIP_MEDIA_FAILED_MARK",
    "TIP_MEDIA_LIMIT",
    "TIP_MEDIA_NOT_KEPT",
    "TIP_MEDIA_RECEIVED",
    "TIP_MY_TIPS_LINE",
    "TIP_MY_TIPS_NONE",
    "TIP_NONE",
    "TIP_NOTICE_PREFILL",
    "TIP_NOT_REMEMBERED",
    "TIP_OFFICER_REPLY",
    "TIP_PRIVACY_ALIASES",
    "TIP_PRIVACY_LABELS",
    "TIP_PRIVACY_RETRY_NAMES",
    "TIP_PUBLIC_RESULT",
    "TIP_RESUME",
    "TIP_RESUME_CONTINUE",
    "TIP_RESUME_CONTINUE_ALIASES",
    "TIP_RESUME_NEW",
    "TIP_RESUME_NEW_ALIASES",
    "TIP_START",
    "TIP_STATUS",
    "TIP_STATUS_LABELS",
    "TIP_STATUS_PUSH",
    "TIP_SUBMITTED",
    "TIP_SUMMARY",
    "TIP_TRANSFER_PUSH",
    "URGENT_REPLY",
    "WANTED_HEADER",
    "WANTED_ITEM",
    "WARD_OFFICERS_HEADER",
    "WARD_OFFICER_LINE",
    "WELCOME",
]

# ---------------------------------------------------------------- a merged unit's OA points to the unit it joined (anninh.mergers.merger)
UNIT_MERGED_POINTER = (
    "{old_name} đã sáp nhập vào {new_name}. Xin liên hệ {new_name}{where}.\n"
    "Tin báo đã gửi trước đây vẫn được xử lý: gõ “tra cứu MÃ” để xem, “bổ sung MÃ nội dung” để bổ sung."
)
UNIT_MERGED_POINTER_OA = " qua Zalo OA: {link}"
UNIT_MERGED_POINTER_HOTLINE = ", đường dây nóng {hotline}"

__all__ += [
    "UNIT_MERGED_POINTER",
    "UNIT_MERGED_POINTER_HOTLINE",
    "UNIT_MERGED_POINTER_OA",
]
