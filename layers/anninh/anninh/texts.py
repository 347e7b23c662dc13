"""Every string a citizen or an officer reads, in Vietnamese, in one place for review.

Knowledge-base answers live in infra/seed/faq/ (compiled into anninh/faq/data/); everything else that
is shown to people is here. Keep full diacritics. Format placeholders use str.format names.
"""

from __future__ import annotations

# ------------------------------------------------------------------ main menu (issue 2)
WELCOME = (
    "Chào mừng bạn đến với kênh Zalo chính thức của {unit_name}. Tại đây bạn có thể gửi tin báo, "
    "phản ánh về an ninh trật tự, hỏi thủ tục hành chính và nhận tin tức, cảnh báo từ Công an.\n"
    "Trường hợp khẩn cấp, hãy gọi ngay 113."
)
MENU_PROMPT = "Bạn cần hỗ trợ gì? Chọn một mục bên dưới hoặc gõ số thứ tự (1–5):"
MENU_TITLE = "{unit_name}"
MENU_SUBTITLE = "Kênh tiếp nhận tin báo, phản ánh và giải đáp thủ tục của Công an. Khẩn cấp: gọi 113."
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

# ------------------------------------------------------------------ FAQ engine (issue 4, anninh.faq)
FAQ_UNIT_PLACE = "Nơi tiếp nhận tại đơn vị: {place}"
FAQ_UNIT_HOURS = "Giờ làm việc: {hours}"
FAQ_UNIT_HOTLINE = "Đường dây nóng: {hotline}"
FAQ_TRIMMED = "…"
# What `anninh faq ask` prints (and `--json`/`--batch` put in "answer") when the engine abstains.
FAQ_REFUSAL = (
    "Xin lỗi, câu hỏi này không thuộc các thủ tục mà Công an hướng dẫn qua kênh này, hoặc tôi chưa hiểu rõ. "
    "Tôi có thể giải đáp các thủ tục về cư trú, căn cước, VNeID, đăng ký xe, giấy phép lái xe, hộ chiếu, "
    "phòng cháy chữa cháy, con dấu, lý lịch tư pháp và cách trình báo, tố giác. Câu hỏi của bạn sẽ được "
    "chuyển cho cán bộ. Trường hợp khẩn cấp, hãy gọi 113."
)
FAQ_COMPILED_NOTICE = "Tệp sinh tự động bởi `anninh faq compile` từ infra/seed/faq/ — không sửa tay."
FAQ_CHECK_OK = "Cơ sở tri thức hợp lệ: {entries} mục, {groups} nhóm, {units} đơn vị có thông tin riêng."
FAQ_CHECK_FAILED = "Cơ sở tri thức có {count} lỗi:"
FAQ_COMPILE_DONE = "Đã biên dịch {entries} mục vào {path}."
FAQ_COMPILE_REFUSED = "Không biên dịch vì cơ sở tri thức có lỗi (chạy `anninh faq check`)."
FAQ_UNKNOWN_UNIT = "Không có thông tin riêng cho đơn vị '{unit_id}'; trả lời theo nội dung chung."
FAQ_EVAL_FILE_ERROR = "Không đọc được tệp đánh giá: {error}"
FAQ_EMPTY_QUESTION = "Câu hỏi trống."

# ------------------------------------------------------------------ FAQ in the conversation (issue 4)
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
ASK_OFFICER = (
    "Để hỏi trực tiếp cán bộ {unit_name}, xin gọi {hotline} trong giờ làm việc ({office_hours}) "
    "hoặc đến trụ sở tại {address}. Trường hợp khẩn cấp, gọi 113."
)

# ------------------------------------------------------------------ local stack: citizen simulator (issue 3)
LOCAL_CHAT_TITLE = "Giả lập người dân nhắn tin Zalo OA"
LOCAL_CHAT_INTRO = (
    "Bạn đang nhắn tin với OA {oa_id} của {unit_name} với vai trò người dân (mã người dùng {user_id}).\n"
    "Lệnh: /follow (quan tâm OA), /unfollow, /location VĨ_ĐỘ KINH_ĐỘ [tên địa điểm], /photo [chú thích], "
    "/quit để thoát. Mọi dòng khác được gửi như tin nhắn."
)
LOCAL_CHAT_OA_PREFIX = "OA ›"
LOCAL_CHAT_SENT = "(đã gửi, webhook trả {status})"
LOCAL_CHAT_REJECTED = "Webhook từ chối sự kiện: HTTP {status} {answer}"
LOCAL_CHAT_UNKNOWN_UNIT = "Không có đơn vị '{unit_id}' có OA. Các đơn vị có OA: {units}"
LOCAL_CHAT_NO_STACK = "Không kết nối được hệ thống chạy thử tại {base_url}. Hãy chạy `make run` trước."
LOCAL_CHAT_LOCATION_USAGE = (
    "Cú pháp: /location VĨ_ĐỘ KINH_ĐỘ [tên địa điểm], ví dụ /location 10.7769 106.7009 Chợ Bến Thành"
)
LOCAL_CHAT_UNKNOWN_COMMAND = "Lệnh không rõ: {command}. Lệnh: /follow, /unfollow, /location, /photo, /quit"
LOCAL_CHAT_BYE = "Kết thúc phiên nhắn tin."
LOCAL_PAGE_UNIT_LABEL = "Đơn vị (OA)"
LOCAL_PAGE_USER_LABEL = "Mã người dùng Zalo"
LOCAL_PAGE_NEW_USER = "Người dùng mới"
LOCAL_PAGE_FOLLOW = "Quan tâm OA"
LOCAL_PAGE_LOCATION = "Gửi vị trí"
LOCAL_PAGE_PHOTO = "Gửi ảnh mẫu"
LOCAL_PAGE_PLACEHOLDER = "Nhập tin nhắn rồi nhấn Enter…"
LOCAL_PAGE_SEND = "Gửi"
LOCAL_PAGE_HINT = (
    "Mỗi tin đi đúng đường thật: webhook có chữ ký → hàng đợi SQS → worker → Zalo giả lập → hiện ở đây."
)
LOCAL_PAGE_DEMO_PLACE = "Vị trí thử nghiệm"
LOCAL_PAGE_PHOTO_CAPTION = "Ảnh gửi thử"

# ------------------------------------------------------------------ questions handed to officers (issue 4)
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

# ------------------------------------------------------------------ officer commands in Zalo
OFFICER_NEW_QUESTION = (
    "Câu hỏi mới {code} tại {unit_name}:\n“{text}”\nTrả lời bằng: #traloi {code} <nội dung trả lời>"
)
OFFICER_HELP = (
    "Lệnh cho cán bộ (gõ trong Zalo OA):\n"
    "#cauhoi — các câu hỏi đang chờ trả lời của đơn vị và đơn vị cấp dưới\n"
    "#traloi MÃ nội dung — trả lời câu hỏi, nội dung được gửi tới công dân\n"
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
