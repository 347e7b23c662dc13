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

# ------------------------------------------------------------------ tips: intake (issue 5)
TIP_START = (
    "Bạn đang gửi tin báo tới {unit_name}. Thông tin của bạn được giữ bí mật theo quy định của pháp luật. "
    "Gõ “hủy” bất cứ lúc nào để dừng.\nBước 1/6 — Chọn loại vụ việc (gõ số):"
)
TIP_CATEGORY_LINE = "{number}. {label}"
TIP_CATEGORY_RETRY = "Xin chọn một số từ 1 đến {count} trong danh sách trên."
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
TIP_PRIVACY_RETRY = "Xin gõ 1 (ẩn danh), 2 (bảo mật) hoặc 3 (công khai)."
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
TIP_ADD_INFO_USAGE = "Gõ “bổ sung MÃ nội dung” để bổ sung thông tin cho tin báo đang xử lý."
TIP_INFO_ADDED = "Đã bổ sung thông tin cho tin báo {code}. Cảm ơn bạn."
TIP_CLOSED = "Tin báo {code} đã kết thúc xử lý, không bổ sung được. Nếu có sự việc mới, xin gửi tin báo mới."
TIP_STATUS_PUSH = "Cập nhật tin báo {code}: {status}.{result}"
TIP_OFFICER_REPLY = "Cán bộ thụ lý tin báo {code} nhắn:\n{text}\n(Trả lời: gõ “bổ sung {code} nội dung”.)"

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
ADMIN_UNIT_NOT_FOUND = "Không có đơn vị '{unit_id}'."
ADMIN_OFFICER_NOT_FOUND = "Đơn vị {unit_id} không có cán bộ {user_id}."
ADMIN_QUESTION_NOT_FOUND = "Không có câu hỏi {code}."
ADMIN_ALREADY_ANSWERED = "Câu hỏi {code} đã được trả lời trước đó ({answered_by}); không thay đổi gì."
ADMIN_RELAY_FAILED = (
    "Đã lưu câu trả lời nhưng Zalo chưa nhận gửi tới công dân; gửi lại đúng yêu cầu này "
    "(cùng nội dung, cùng người trả lời) để thử gửi lại."
)
ADMIN_INVALID_REQUEST = "Dữ liệu gửi lên không hợp lệ ({where}); không có gì thay đổi."
ADMIN_NO_SUCH_ROUTE = "Không có đường dẫn này trong API quản trị."
ADMIN_MISSING_TOKEN = "Thiếu mã truy cập: hệ thống chạy thử yêu cầu header {header}."  # noqa: S105
ADMIN_INVALID_TOKEN = "Mã truy cập không đúng."  # noqa: S105
ADMIN_IAM_REQUIRED = "Yêu cầu phải được ký bằng thông tin xác thực AWS IAM (SigV4) của người quản trị."
ADMIN_CLI_NO_API_URL = (
    "Chưa có địa chỉ API quản trị: dùng --api URL hoặc đặt ANNINH_API_URL (hệ thống chạy thử in sẵn lệnh "
    "export khi khởi động; trên AWS là output ApiBaseUrl của stack)."
)
ADMIN_CLI_NO_REGION = "Chưa biết vùng AWS: đặt AWS_REGION (ví dụ ap-southeast-1)."
ADMIN_CLI_NO_CREDENTIALS = (
    "Không tìm thấy thông tin xác thực AWS (aws configure, AWS_PROFILE hoặc biến môi trường); "
    "hệ thống chạy thử thì đặt ANNINH_LOCAL_TOKEN."
)
ADMIN_CLI_UNREACHABLE = (
    "Không kết nối được API quản trị tại {url}. Kiểm tra địa chỉ, mạng, hoặc chạy `make run`."
)
ADMIN_CLI_HTTP_ERROR = "API quản trị trả lỗi HTTP {status}."
ADMIN_CLI_ERROR = "Lỗi: {message}"
ADMIN_CLI_FILE_MISSING = "Không tìm thấy tệp {path}"
ADMIN_CLI_OFFICERS_HEADER = "Cán bộ của đơn vị {unit_id} ({count}):"
ADMIN_CLI_NO_OFFICERS = "Đơn vị {unit_id} chưa có cán bộ nào."
ADMIN_CLI_OFFICER_LINE = "• {user_id}  {name} — {role}{inactive}; ca trực: {shifts}; {alerts}"
OFFICER_ALERT_MODES = {
    "immediate": "tin báo mới: báo ngay",
    "digest": "tin báo mới: gộp mỗi giờ (tin khẩn báo ngay)",
}
ADMIN_CLI_OFFICER_INACTIVE = " (tạm ngưng)"
ADMIN_CLI_NO_SHIFTS = "chưa có (trực ban luôn nhận thông báo)"
ADMIN_CLI_OFFICER_SAVED = "Đã lưu cán bộ {name} ({user_id}) của {unit_id}, OA {oa_id}."
ADMIN_CLI_OFFICER_REMOVED = "Đã xóa cán bộ {user_id} khỏi {unit_id}."
ADMIN_CLI_IMPORT_INVALID = "Tệp cán bộ không hợp lệ, chưa ghi gì: {error}"
ADMIN_CLI_IMPORT_VALID = "Hợp lệ: {count} cán bộ (chưa ghi gì)."
ADMIN_CLI_IMPORT_DONE = "Đã nạp {count} cán bộ."
ADMIN_CLI_IMPORT_PARTIAL = (
    "Đã nạp {done}/{count} cán bộ rồi dừng vì lỗi ở cán bộ {user_id} ({unit_id}): {error}"
)
ADMIN_CLI_NO_QUESTIONS = "Không có câu hỏi nào."
ADMIN_CLI_QUESTION_LINE = "• {code} [{unit_id}] {created} — {status}: {text}"
ADMIN_CLI_QUESTION_ANSWER = "    ↳ {answered_by}: {answer}"
ADMIN_CLI_STATUS_OPEN = "chờ trả lời"
ADMIN_CLI_STATUS_ANSWERED = "đã trả lời"
ADMIN_CLI_ANSWER_SENT = "Đã gửi câu trả lời cho công dân (câu hỏi {code})."
ADMIN_CLI_ANSWER_NOT_DELIVERED = OFFICER_ANSWER_NOT_DELIVERED
ADMIN_CLI_OPENAPI_WRITTEN = "Đã ghi {path}."

# ------------------------------------------------------------------ tips: media (issue 5, item 8)
# Stored as the media item's ``error``: the officer's view and the citizen's lookup show it as it is.
MEDIA_KIND = {"image": "Ảnh", "video": "Video", "audio": "Ghi âm", "file": "Tệp"}
MEDIA_STATUS = {
    "pending": "đang tải về",
    "stored": "đã lưu",
    "failed": "lỗi tải về",
    "refused": "không lưu được",
}
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

# ------------------------------------------------------------------ units' content (issue 6)
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
WANTED_TIP_BUTTON = "Gửi tin về đối tượng này"
WANTED_TIP_PROMPT = "Bạn biết thông tin về đối tượng {name}? Hãy gửi tin cho {unit_name}."
PATROL_HEADER = "Lịch tuần tra – {unit_name}"
PATROL_TODAY = "Hôm nay"
PATROL_UPCOMING = "Sắp tới"
PATROL_ITEM = "• {period}, {hours}: {route}"
PATROL_ONE_DAY = "{start}"
PATROL_RANGE = "{start} – {end}"
PATROL_EMPTY = "{unit_name} chưa có lịch tuần tra sắp tới. Cần hỗ trợ ngay, xin gọi {hotline}."
WARD_OFFICERS_HEADER = "Cán bộ phụ trách thôn, tổ dân phố:"
WARD_OFFICER_LINE = "• {ward}: {officer}{phone}"

ADMIN_CLI_CONTENT_HEADER = "Nội dung của {unit_id} ({count} mục):"
ADMIN_CLI_CONTENT_LINE = "• [{kind}] {item_id}: {label}"
ADMIN_CLI_CONTENT_EMPTY = "{unit_id} chưa có nội dung."
ADMIN_CLI_CONTENT_SAVED = "Đã lưu {kind} {item_id} của {unit_id}."
ADMIN_CLI_CONTENT_REMOVED = "Đã xóa {kind} {item_id} của {unit_id}."
ADMIN_CLI_CONTENT_IMPORTED = "Đã nạp {count} mục nội dung."
ADMIN_CLI_CONTENT_VALID = "Tệp hợp lệ: {count} mục nội dung."
ADMIN_CONTENT_INVALID = "Nội dung không hợp lệ: {error}"
ADMIN_CONTENT_NOT_FOUND = "Không có {kind} {item_id} của đơn vị {unit_id}."

# ------------------------------------------------------------------ followers sync (issue 6)
ADMIN_FOLLOWERS_NO_OA = "Đơn vị {unit_id} chưa có OA Zalo."
ADMIN_CLI_FOLLOWERS_PROGRESS = "Đã đồng bộ {synced}/{total} người quan tâm của {unit_id}…"
ADMIN_CLI_FOLLOWERS_DONE = "Xong: {synced} người quan tâm của {unit_id} đã được ghi nhận (Zalo báo {total})."
ADMIN_CLI_FOLLOWERS_CAPPED = (
    "Dừng ở vị trí {offset}: Zalo chỉ cho đọc danh sách tới vị trí 9.951. Đã ghi nhận {synced}/{total} "
    "người quan tâm của {unit_id}; những người còn lại sẽ được ghi nhận khi họ nhắn tin hoặc quan tâm lại."
)

# ------------------------------------------------------------------ tips: admin API and CLI (issue 5)
ADMIN_TIP_NOT_FOUND = "Không có tin báo {code}."
ADMIN_TIP_REFUSED = "Không thực hiện được: {reason}; không có gì thay đổi."
ADMIN_TIP_CONCURRENT = (
    "Tin báo {code} vừa được người khác cập nhật; xin xem lại rồi thử lại. Không có gì thay đổi."
)
ADMIN_TIP_RELAY_FAILED = (
    "Đã lưu thay đổi của tin báo {code} nhưng Zalo chưa nhận gửi tới người báo tin; gửi lại đúng yêu cầu "
    "này (cùng Idempotency-Key) để thử gửi lại."
)
ADMIN_TIP_PERIOD_INVALID = "Ngày bắt đầu ({start}) sau ngày kết thúc ({end}); không có gì được xuất."
ADMIN_TIP_EXPORT_TOO_LARGE = (
    "Có {count} tin báo, quá {limit} tin cho một tệp; xin thu hẹp khoảng thời gian (--from, --to)."
)
TIP_CSV_HEADER = (
    "Mã tin báo",
    "Đơn vị",
    "Loại",
    "Tình trạng",
    "Khẩn",
    "Thời điểm gửi",
    "Cập nhật lần cuối",
    "Địa điểm",
    "Kết quả công khai",
    "Số tệp",
)
TIP_CSV_YES = "Có"
TIP_CSV_NO = "Không"
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
ADMIN_CLI_NO_TIPS = "Không có tin báo nào."
ADMIN_CLI_TIP_LINE = "• {urgent}{code} [{unit_id}] {created} — {category} — {status}{media}"
ADMIN_CLI_TIP_MEDIA = " — {count} tệp"
ADMIN_CLI_TIP_VIEW = (
    "{code} — {category} — {status}{urgent}\nĐơn vị: {unit_name} ({unit_id})\n"
    "Thời điểm gửi: {created} · cập nhật lần cuối: {updated}\nMô tả: {description}\nĐịa điểm: {place}\n"
    "Thời gian xảy ra: {occurred}\nNgười báo tin: {reporter}\nKết quả công khai: {result}"
)
ADMIN_CLI_TIP_MEDIA_HEADER = "Tệp ({count}; đường dẫn dùng được đến {expires}):"
ADMIN_CLI_TIP_MEDIA_LINE = "  • {kind}: {state}"
ADMIN_CLI_TIP_HISTORY_HEADER = "Nhật ký:"
ADMIN_CLI_TIP_HISTORY_LINE = "  • {at} {action} — {actor}{detail}"
ADMIN_CLI_TIP_UPDATED = "Đã cập nhật {code}: {status}."
ADMIN_CLI_TIP_PUSHED = "Đã báo cho người báo tin qua Zalo."
ADMIN_CLI_TIP_NOT_PUSHED = "Zalo chưa cho gửi tới người báo tin lúc này; họ sẽ thấy khi tra cứu mã."
ADMIN_CLI_TIPS_EXPORTED = "Đã ghi {count} tin báo vào {path}."

# ------------------------------------------------------------------ tips: adding media to an open tip
TIP_ADD_MEDIA_PROMPT = (
    "Gửi ảnh, video, ghi âm, tệp hoặc nội dung bổ sung cho tin báo {code}. Gõ “xong” khi đã gửi hết."
)
TIP_MEDIA_ADDED = "Đã nhận tệp bổ sung cho tin báo {code}. Gửi tiếp hoặc gõ “xong”."
TIP_ADDING_DONE = "Cảm ơn bạn đã bổ sung cho tin báo {code}. Gõ “tra cứu {code}” để xem tình trạng xử lý."

# ------------------------------------------------------------------ broadcasts (issue 6)
BROADCAST_TIP_BUTTON = "Gửi tin về đối tượng này"
BROADCAST_LINK_BUTTON = "Xem chi tiết"
BROADCAST_PREVIEW_PREFIX = "[Xem trước] "
TIP_NOTICE_PREFILL = "Tin báo về đối tượng truy nã “{notice}”."
ADMIN_BROADCAST_INVALID = "Tin phát không hợp lệ: {error}."
ADMIN_BROADCAST_NOT_FOUND = "Không có tin phát {broadcast_id}."
ADMIN_BROADCAST_STATE = "Không thể thực hiện: {error}."
ADMIN_BROADCAST_NO_OFFICERS = "Đơn vị {unit_id} chưa có cán bộ đăng ký để nhận bản xem trước."
ADMIN_CLI_BROADCAST_CREATED = "Đã tạo tin phát {broadcast_id} ({schedule}, giờ Việt Nam) cho {unit_id}."
ADMIN_CLI_BROADCAST_LINE = "• {broadcast_id} [{unit_id}] {schedule} — {audience} — {status}"
ADMIN_CLI_NO_BROADCASTS = "Chưa có tin phát nào."
ADMIN_CLI_BROADCAST_CHANGED = "Tin phát {broadcast_id}: {status}."
ADMIN_CLI_BROADCAST_PREVIEWED = "Đã gửi bản xem trước tới {count} cán bộ của {unit_id}."
TIP_TRANSFER_PUSH = (
    "Tin báo {code} đã được chuyển tới {unit_name} để xử lý theo thẩm quyền. Mã tin báo giữ nguyên."
)
OFFICER_TIP_TRANSFERRED_IN = (
    "Tin báo {code} được chuyển tới đơn vị từ {from_unit}. Xem: #xem {code} · Tiếp nhận: #nhan {code}"
)

# ------------------------------------------------------------------ tips: labels (keys are stored identifiers)
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

TIP_PRIVACY_LABELS: dict[str, str] = {
    "anonymous": "Ẩn danh",
    "confidential": "Bảo mật danh tính",
    "open": "Công khai danh tính",
}

TIP_STATUS_LABELS: dict[str, str] = {
    "moi": "Mới",
    "da_tiep_nhan": "Đã tiếp nhận",
    "dang_xac_minh": "Đang xác minh",
    "da_xu_ly": "Đã xử lý",
    "khong_du_co_so": "Không đủ cơ sở",
    "da_chuyen": "Đã chuyển đơn vị",
}

# ------------------------------------------------------------------ `anninh units` (administrators)
UNITS_FILE_MISSING = "Không tìm thấy tệp {path}"
UNITS_VALID = "Hợp lệ: {count} đơn vị (chưa ghi gì)."
UNITS_INVALID = "Dữ liệu đơn vị không hợp lệ, không ghi gì: {error}"
UNITS_IMPORTED = "Đã nạp {count} đơn vị."

# Hourly digest of new non-urgent tips, for officers whose alert setting is "digest" (anninh.tips.digest).
OFFICER_DIGEST_HEADER = "Tổng hợp tin báo mới {start}–{end} ngày {date}: {count} tin chưa khẩn"
OFFICER_DIGEST_LINE = "• {code} — {category} tại {unit_name} ({status}): {description}"
OFFICER_DIGEST_MORE = "… và {count} tin khác: gõ #tin để xem danh sách."
OFFICER_DIGEST_FOOTER = "Xem: #xem MÃ · Tiếp nhận: #nhan MÃ"

# ------------------------------------------------------------------ broadcasts: reasons people read (issue 6)
BROADCAST_ERROR_REQUIRED = "cần có {field}"
BROADCAST_ERROR_NOT_TEXT = "{field} phải là văn bản"
BROADCAST_ERROR_TOO_LONG = "{field} dài quá {limit} ký tự"
BROADCAST_ERROR_NOT_HTTPS = "{field} phải là một đường dẫn https://"
BROADCAST_ERROR_AT_OR_CRON = "cần đúng một trong hai: at (gửi một lần) hoặc cron (gửi định kỳ)"
BROADCAST_ERROR_AT_FORMAT = "at phải có dạng YYYY-MM-DDTHH:MM[:SS] (giờ Việt Nam)"
BROADCAST_ERROR_AT_PAST = "thời điểm gửi (at) phải ở tương lai"
BROADCAST_ERROR_CRON_FORMAT = "cron cần đủ 6 trường: phút, giờ, ngày trong tháng, tháng, thứ trong tuần, năm"
BROADCAST_ERROR_BUTTONS_LIST = "buttons phải là một danh sách"
BROADCAST_ERROR_BUTTON_SHAPE = "nút thứ {number} cần tiêu đề và một đường dẫn (url) hoặc một lệnh (payload)"
BROADCAST_ERROR_BUTTON_TARGET = "nút thứ {number} cần đúng một trong hai: url hoặc payload"
BROADCAST_ERROR_TOO_MANY_BUTTONS = "tối đa {limit} nút (thông báo truy nã thêm một nút)"
BROADCAST_ERROR_AUDIENCE = "đối tượng nhận (audience) phải là một trong: {choices}"
BROADCAST_ERROR_NOTICE_ID = "notice_id phải là mã của một thông báo truy nã (chữ thường, số, dấu gạch ngang)"
BROADCAST_ERROR_NO_UNIT = "không có đơn vị {unit_id}"
BROADCAST_ERROR_NO_OA = "đơn vị {unit_id} chưa có OA Zalo"
BROADCAST_ERROR_TRANSITION = "không thể {action} tin phát đang ở trạng thái “{status}”"
BROADCAST_ERROR_BUTTON_ARGUMENT = "nút phải có dạng TIÊU_ĐỀ=https://… hoặc TIÊU_ĐỀ=LỆNH, nhận được “{value}”"
ADMIN_BROADCASTS_UNAVAILABLE = "Chức năng tin phát chưa được cấu hình trên hệ thống này."
ADMIN_BROADCAST_PREVIEW_REFUSED = "Zalo không nhận gửi bản xem trước (mã lỗi {code}); xin thử lại sau."
ADMIN_BROADCAST_PREVIEW_NO_ANSWER = (
    "Không nhận được câu trả lời của Zalo khi gửi bản xem trước; xin thử lại sau."
)
BROADCAST_STATUS_LABELS: dict[str, str] = {
    "scheduled": "đã lên lịch",
    "paused": "tạm dừng",
    "cancelled": "đã hủy",
    "running": "đang gửi",
    "done": "đã gửi xong",
}
BROADCAST_ACTION_LABELS: dict[str, str] = {
    "cancel": "hủy",
    "pause": "tạm dừng",
    "resume": "tiếp tục",
    "preview": "gửi xem trước",
}
BROADCAST_AUDIENCE_LABELS: dict[str, str] = {
    "all": "mọi người quan tâm",
    "48h": "tương tác trong 48 giờ",
    "7d": "tương tác trong 7 ngày",
}
# Why a recipient is "in doubt" (maybe received, never re-sent) or "expired" (waited too long, not sent).
BROADCAST_REASON_LABELS: dict[str, str] = {
    "answer_lost": "đã gửi tới Zalo nhưng không nhận được câu trả lời",
    "sender_stopped": "bộ gửi dừng giữa lúc gửi cho người này",
    "night": "chờ hết giờ cấm gửi tin truyền thông ban đêm (22:00–06:00)",
    "paused": "tin phát bị tạm dừng",
    "rate_limited": "Zalo liên tục báo vượt tốc độ gửi (-32)",
    "zalo_unreachable": "không kết nối được tới Zalo",
}
ADMIN_CLI_BROADCAST_PROGRESS = (
    "Tin phát {broadcast_id} — {status} — lượt {run_id}: {queued} người nhận đã xếp hàng\n"
    "Đã gửi: {sent} · ngoài khung tương tác: {skipped_out_of_window} · đã bỏ quan tâm: {unfollowed} · "
    "lỗi: {failed} · không rõ đã nhận chưa (không gửi lại): {in_doubt} · chờ quá hạn, không gửi: {expired} · "
    "đã hủy, không gửi: {cancelled} · đang gửi dở: {claimed} · còn chờ: {pending}\nĐã nhận: {delivered} · đã xem: {seen}"
)
ADMIN_CLI_BROADCAST_REASONS = "Lý do:"
BROADCAST_ERROR_NO_NOTICE = "không có thông báo truy nã {notice_id} của {unit_id} hoặc đơn vị cấp trên (thêm bằng anninh content trước)"
ADMIN_CLI_BROADCAST_REASON_LINE = "  • {reason}: {count}"

# ------------------------------------------------------------------ tips: the wanted notice a tip is about
OFFICER_TIP_NOTICE = "\nThông báo truy nã liên quan: {notice_id}"
ADMIN_CLI_TIP_NOTICE = "Thông báo truy nã liên quan: {notice_id}"
TIP_CSV_NOTICE_HEADER = "Thông báo truy nã"

# ================================================================== admins' and officers' texts moved from code
# What administrators and officers read that used to sit inline beside its code: refusals (officers, tips,
# FAQ sources), the admin API's OpenAPI summaries, and the `anninh` command line's help.

# ------------------------------------------------------------------ officers: refusals (anninh.officers)
# An officer or a tip names a unit that does not exist.
UNKNOWN_UNIT = "không có đơn vị {unit_id}"
# Keys are the stored role identifiers.
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
# What the reporter adds later is appended to the description officers read.
TIP_DESCRIPTION_ADDITION = "{description}\n[Bổ sung {stamp}] {text}"
# Audit-log details (the history of `anninh tips show` and GET /admin/tips/{code}).
TIP_AUDIT_MEDIA_ACCESS = "{count} tệp"
TIP_AUDIT_MEDIA_ADDED = "{kind} bổ sung"
# After the status in an officer's (#xem) or administrator's (anninh tips show) view of an urgent tip.
TIP_URGENT_SUFFIX = " — KHẨN"
# The code shown in the officers' alert about an urgent message sent while the tip is still being written.
TIP_DRAFT_CODE = "(đang soạn)"
ADMIN_CLI_DATE_INVALID = "ngày không hợp lệ: {value} (dạng YYYY-MM-DD)"

# ------------------------------------------------------------------ FAQ sources: problems `anninh faq check` lists
FAQ_CHECK_MISSING_GROUP_FILE = "thiếu tệp cho nhóm '{group}' (mỗi nhóm của danh mục một tệp YAML)"
FAQ_CHECK_GROUP_NOT_IN_CATALOGUE = "{file}: nhóm '{group}' không có trong danh mục"
FAQ_CHECK_ID_NOT_IN_CATALOGUE = "{where}: id không có trong danh mục"
FAQ_CHECK_ID_IN_OTHER_GROUP = "{where}: id thuộc nhóm '{group}' trong danh mục"
FAQ_CHECK_FEW_QUESTIONS = "{where}: chỉ có {count} câu hỏi, cần ít nhất {minimum}"
FAQ_CHECK_DUPLICATE_QUESTIONS = "{where}: câu hỏi bị trùng"
FAQ_CHECK_NO_KEYWORDS = "{where}: thiếu từ khóa"
FAQ_CHECK_EMPTY_ANSWER = "{where}: câu trả lời trống"
FAQ_CHECK_ANSWER_TOO_LONG = "{where}: câu trả lời dài {length} ký tự (tối đa {limit})"
FAQ_CHECK_NOT_VIETNAMESE = "{where}: tiêu đề/câu trả lời phải viết tiếng Việt có dấu"
FAQ_CHECK_UPDATED_FUTURE = "{where}: ngày cập nhật {updated} ở tương lai"
FAQ_CHECK_UPDATED_TOO_OLD = "{where}: ngày cập nhật {updated} cũ hơn {oldest}"
FAQ_CHECK_UPDATED_FORMAT = "{where}: ngày cập nhật '{updated}' không đúng dạng YYYY-MM-DD"
FAQ_CHECK_LINK_NOT_HTTPS = "{where}: liên kết phải dùng https: {url}"
FAQ_CHECK_RELATED_SELF = "{where}: related trỏ về chính nó"
FAQ_CHECK_RELATED_UNKNOWN = "{where}: related '{related}' không tồn tại"
FAQ_CHECK_DUPLICATE_ID = "id '{entry_id}' xuất hiện {count} lần"
FAQ_CHECK_MISSING_ENTRY = "thiếu mục cho id '{entry_id}'"
FAQ_CHECK_OUT_OF_SCOPE_ID = "out_of_scope.yaml: id '{entry_id}' phải bắt đầu bằng 'oos-' và khác id thủ tục"
FAQ_CHECK_OVERRIDE_UNIT_ID = "{where}: unit_id phải trùng tên tệp"
FAQ_CHECK_OVERRIDE_KEYS = "{where}: khóa không hợp lệ {keys}"
FAQ_CHECK_OVERRIDE_BLOCK = "{where}: cần một bảng place/hours/hotline"
FAQ_CHECK_OVERRIDE_UNKNOWN_ID = "{where}: id '{entry_id}' không tồn tại"
FAQ_CHECK_OVERRIDE_FIELD = "{where}: trường '{key}' không hợp lệ (chỉ {fields})"
FAQ_CHECK_OVERRIDE_TOO_LONG = "{where}: '{key}' dài quá {limit} ký tự"
FAQ_CHECK_OVERRIDE_ANSWER_TOO_LONG = "{where}: câu trả lời kèm thông tin đơn vị dài {length} ký tự"
FAQ_CHECK_NO_VALIDATION = "validation.tsv trống: không hiệu chỉnh được độ tin cậy"
# Structural problems met while reading the sources (anninh.faq.knowledge_base).
FAQ_SOURCE_YAML_INVALID = "{file}: YAML không hợp lệ: {error}"
FAQ_SOURCE_STRING_LIST = "{where}: cần một danh sách chuỗi"
FAQ_SOURCE_LIST = "{where}: cần một danh sách"
FAQ_SOURCE_ENTRY_SHAPE = "{where}: mỗi mục phải là một bảng (mapping)"
FAQ_SOURCE_MISSING_FIELDS = "{where}: thiếu trường {fields}"
FAQ_SOURCE_LINKS_SHAPE = "{where}: links phải là danh sách {{title, url}}"
FAQ_SOURCE_NO_DIRECTORY = "không tìm thấy thư mục nguồn {path}"
FAQ_SOURCE_GROUP_KEYS = "{file}: cần các khóa group, title, entries"
FAQ_SOURCE_OVERRIDE_SHAPE = "overrides/{file}: cần một bảng (mapping)"
FAQ_SOURCE_VALIDATION_LINE = "{file}:{line}: cần 'intent<TAB>câu hỏi'"
FAQ_SOURCE_JSON_INVALID = "{file}:{line}: JSON không hợp lệ: {error}"
FAQ_SOURCE_JSON_SHAPE = '{file}:{line}: cần {{"q": ..., "intent": ...}}'
FAQ_SOURCE_CATALOGUE_INVALID = "{path}: danh mục không hợp lệ"
FAQ_BATCH_WITH_QUESTION = "--batch đọc câu hỏi từ stdin, không nhận câu hỏi trên dòng lệnh"

# ------------------------------------------------------------------ admin API: the OpenAPI document
ADMIN_OPENAPI_TITLE = "Kết nối Zalo an ninh — admin API"
ADMIN_OPENAPI_DESCRIPTION = (
    "Quản trị đơn vị, cán bộ, câu hỏi chuyển cán bộ và tin báo. Trên AWS: ký SigV4 (IAM, dịch vụ "
    "execute-api). Trong hệ thống chạy thử: header x-anninh-token."
)
# How each refusal status is described in every route's responses.
ADMIN_DOC_REFUSALS: dict[int, str] = {
    400: "Yêu cầu không thực hiện được với dữ liệu hiện có",
    401: "Thiếu thông tin xác thực",
    403: "Không có quyền",
    404: "Không tìm thấy",
    409: "Xung đột với trạng thái hiện tại",
    422: "Dữ liệu không hợp lệ",
    502: "Zalo không nhận yêu cầu lúc này",
}
ADMIN_DOC_DAY = "0 = Thứ Hai … 6 = Chủ nhật"
ADMIN_DOC_UNITS = "Cây đơn vị"
ADMIN_DOC_OFFICER_UNIT_ID = "Mã đơn vị, ví dụ xa-binh-an"
ADMIN_DOC_OFFICER_USER_ID = "User id Zalo của cán bộ trong OA đơn vị"
ADMIN_DOC_OFFICERS_LIST = "Cán bộ của một đơn vị"
ADMIN_DOC_OFFICERS_LIST_OK = "Danh sách cán bộ"
ADMIN_DOC_OFFICER_PUT = "Thêm hoặc cập nhật cán bộ (OA lấy theo đơn vị)"
ADMIN_DOC_OFFICER_PUT_OK = "Cán bộ đã lưu"
ADMIN_DOC_OFFICER_DELETE = "Xóa cán bộ khỏi danh sách của đơn vị"
ADMIN_DOC_OFFICER_DELETE_OK = "Đã xóa"
ADMIN_DOC_QUESTIONS_LIST = "Câu hỏi chuyển cán bộ (mọi đơn vị, hoặc một đơn vị và cấp dưới)"
ADMIN_DOC_QUESTIONS_LIST_OK = "Danh sách câu hỏi"
ADMIN_DOC_QUESTION_ANSWER = "Trả lời câu hỏi; câu trả lời được gửi tới công dân qua OA của đơn vị"
ADMIN_DOC_QUESTION_ANSWER_DETAIL = (
    "Ghi câu trả lời một lần (ghi có điều kiện) rồi gửi tới công dân. Gửi lại cùng "
    "Idempotency-Key (và cùng nội dung) không gửi trùng tin nhắn."
)
ADMIN_DOC_QUESTION_ANSWER_OK = "Đã ghi câu trả lời"
ADMIN_DOC_QUESTION_CODE = "Mã câu hỏi, ví dụ H-7KQ2M"
ADMIN_DOC_CONTENT_UNIT_ID = "Mã đơn vị"
ADMIN_DOC_CONTENT_ITEM_ID = "Mã mục nội dung, ví dụ canh-bao-lua-dao"
ADMIN_DOC_CONTENT_DATE = "YYYY-MM-DD (giờ Việt Nam)"
ADMIN_DOC_CONTENT_LIST = "Nội dung của một đơn vị"
ADMIN_DOC_CONTENT_LIST_OK = "Các mục"
ADMIN_DOC_CONTENT_PUT = "Đăng hoặc thay một mục nội dung"
ADMIN_DOC_CONTENT_PUT_OK = "Đã lưu"
ADMIN_DOC_CONTENT_DELETE = "Gỡ một mục nội dung"
ADMIN_DOC_CONTENT_DELETE_OK = "Đã gỡ"
ADMIN_DOC_FOLLOWERS_SYNC = "Đồng bộ người quan tâm từ Zalo (một phần mỗi lần gọi)"
ADMIN_DOC_FOLLOWERS_SYNC_OK = "Kết quả đồng bộ"
ADMIN_DOC_TIP_CODE = "Mã tin báo, ví dụ BA-7KQ2M (không phân biệt hoa thường)"
ADMIN_DOC_TIP_IDEMPOTENCY_KEY = "Gửi lại cùng khóa: không ghi và không nhắn người báo tin lần nữa."
ADMIN_DOC_TIPS_CSV = "Tệp CSV (UTF-8 có BOM để Excel hiển thị đúng tiếng Việt), mỗi tin báo một dòng"
ADMIN_DOC_TIPS_LIST = "Tin báo (mọi đơn vị, hoặc một đơn vị và cấp dưới)"
ADMIN_DOC_TIPS_LIST_DETAIL = (
    "Không bao giờ có user id Zalo của người báo tin; liên hệ chỉ có với tin bảo mật hoặc công khai."
)
ADMIN_DOC_TIPS_LIST_OK = "Danh sách tin báo"
ADMIN_DOC_TIPS_URGENT = "true: chỉ tin khẩn; false: chỉ tin thường"
ADMIN_DOC_TIPS_EXPORT = "Xuất tin báo của một đơn vị (và cấp dưới) ra CSV để làm báo cáo"
ADMIN_DOC_TIPS_EXPORT_DETAIL = "Ngày theo giờ Việt Nam, gồm cả hai đầu. Không có mô tả, liên hệ hay user id."
ADMIN_DOC_TIPS_EXPORT_FROM = "YYYY-MM-DD, mặc định: từ đầu"
ADMIN_DOC_TIPS_EXPORT_TO = "YYYY-MM-DD, mặc định: hôm nay"
ADMIN_DOC_TIP_GET = "Chi tiết tin báo, nhật ký và đường dẫn tệp (tối đa 10 phút)"
ADMIN_DOC_TIP_GET_DETAIL = "Ghi nhật ký “xem” (và “mở tệp” khi có đường dẫn) với danh tính người gọi."
ADMIN_DOC_TIP_GET_OK = "Tin báo"
ADMIN_DOC_TIP_STATUS = "Đổi trạng thái (kèm kết quả công khai); người báo tin được báo qua Zalo khi được phép"
ADMIN_DOC_TIP_STATUS_DETAIL = (
    "Vòng đời: mới → đã tiếp nhận → đang xác minh → đã xử lý / không đủ cơ sở (hai trạng "
    "thái cuối cần kết quả công khai). Chuyển sai vòng đời: 409; thiếu kết quả công khai: 422."
)
ADMIN_DOC_TIP_STATUS_OK = "Đã cập nhật"
ADMIN_DOC_TIP_REPLY = "Nhắn người báo tin qua mã tin báo (không lộ danh tính hai phía)"
ADMIN_DOC_TIP_REPLY_OK = "Đã ghi tin nhắn"
ADMIN_DOC_TIP_TRANSFER = "Chuyển tin báo sang đơn vị khác (tin báo bắt đầu lại là “mới” ở đơn vị nhận)"
ADMIN_DOC_TIP_TRANSFER_OK = "Đã chuyển"
ADMIN_DOC_TIP_NOTE = "Ghi chú nội bộ (người báo tin không thấy)"
ADMIN_DOC_TIP_NOTE_OK = "Đã ghi chú"

# ------------------------------------------------------------------ `anninh` command line: help (argparse)
CLI_DESCRIPTION = "Kết nối Zalo an ninh — công cụ quản trị"
# Options several commands share.
CLI_HELP_API = "địa chỉ API quản trị (mặc định: $ANNINH_API_URL)"
CLI_HELP_JSON = "in JSON cho chương trình khác đọc"
CLI_HELP_DRY_RUN = "chỉ kiểm tra, không ghi"
CLI_HELP_ONLY_UNIT = "chỉ đơn vị này"
CLI_HELP_DESCENDANTS = "cùng --unit: gồm cả đơn vị cấp dưới"
# anninh units
CLI_HELP_UNITS = "quản lý đơn vị (cây đơn vị, OA, đường dây nóng)"
CLI_HELP_UNITS_IMPORT = "nạp đơn vị từ tệp YAML (kiểm tra cả cây trước khi ghi)"
CLI_HELP_UNITS_LIST = "liệt kê cây đơn vị"
# anninh officers
CLI_HELP_OFFICERS = "danh sách cán bộ của đơn vị (qua API quản trị)"
CLI_HELP_OFFICERS_LIST = "liệt kê cán bộ của một đơn vị"
CLI_HELP_OFFICERS_SET = "thêm hoặc cập nhật một cán bộ (OA lấy theo đơn vị)"
CLI_HELP_OFFICER_USER_ID = "user id Zalo của cán bộ trong OA của đơn vị"
CLI_METAVAR_SHIFT = '"NGÀY HH:MM-HH:MM"'
CLI_HELP_OFFICER_SHIFT = (
    'ca trực, lặp lại được: "0-4 07:30-17:00" (0 = Thứ Hai … 6 = Chủ nhật); "0-6 00:00-00:00" = 24/7'
)
CLI_HELP_OFFICER_ALERTS = (
    "tin báo mới không khẩn: immediate = báo ngay (mặc định), digest = gộp mỗi giờ; tin khẩn luôn báo ngay"
)
CLI_HELP_OFFICER_INACTIVE = "tạm ngưng (không nhận thông báo, không gõ lệnh)"
CLI_HELP_OFFICERS_REMOVE = "xóa một cán bộ khỏi đơn vị"
CLI_HELP_OFFICERS_IMPORT = "nạp cán bộ từ tệp YAML (kiểm tra cả tệp trước khi ghi)"
# anninh questions
CLI_HELP_QUESTIONS = "câu hỏi công dân chuyển cán bộ (qua API quản trị)"
CLI_HELP_QUESTIONS_LIST = "liệt kê câu hỏi (mặc định: mọi đơn vị)"
CLI_HELP_QUESTIONS_STATUS = "open = chờ trả lời"
CLI_HELP_QUESTIONS_ANSWER = "trả lời một câu hỏi; câu trả lời được gửi tới công dân qua Zalo"
CLI_HELP_QUESTION_CODE = "mã câu hỏi, ví dụ H-7KQ2M"
CLI_HELP_QUESTION_TEXT = "nội dung trả lời"
CLI_HELP_QUESTION_AS = "tên người trả lời (mặc định: tài khoản gọi API)"
# anninh tips
CLI_HELP_TIPS = "tin báo của công dân (qua API quản trị)"
CLI_HELP_TIPS_LIST = "liệt kê tin báo (mặc định: mọi đơn vị), tin khẩn trước"
CLI_HELP_TIPS_STATUS = "chỉ tin báo ở trạng thái này"
CLI_HELP_TIPS_URGENT = "chỉ tin khẩn"
CLI_HELP_TIPS_SHOW = "chi tiết, nhật ký và đường dẫn tệp (10 phút); được ghi nhật ký “xem”"
CLI_HELP_TIP_CODE = "mã tin báo, ví dụ BA-7KQ2M"
CLI_HELP_TIPS_UPDATE = "đổi trạng thái; người báo tin được báo qua Zalo khi được phép"
CLI_HELP_TIP_RESULT = "kết quả công khai (bắt buộc với da_xu_ly, khong_du_co_so)"
CLI_HELP_TIPS_REPLY = "nhắn người báo tin qua mã tin báo (không lộ danh tính)"
CLI_HELP_TIPS_TRANSFER = "chuyển tin báo sang đơn vị khác"
CLI_HELP_TIPS_NOTE = "ghi chú nội bộ (người báo tin không thấy)"
CLI_HELP_TIPS_EXPORT = "xuất CSV để làm báo cáo (đơn vị và cấp dưới)"
CLI_HELP_TIPS_FROM = "từ ngày (YYYY-MM-DD)"
CLI_HELP_TIPS_TO = "đến hết ngày (YYYY-MM-DD)"
CLI_HELP_TIPS_ONLY_UNIT = "không gồm đơn vị cấp dưới"
CLI_HELP_TIPS_OUTPUT = "ghi vào tệp (mặc định: in ra màn hình)"
# anninh followers
CLI_HELP_FOLLOWERS = "người quan tâm OA của đơn vị"
CLI_HELP_FOLLOWERS_SYNC = "đồng bộ danh sách người quan tâm từ Zalo"
# anninh admin
CLI_HELP_ADMIN = "API quản trị: tài liệu OpenAPI"
CLI_HELP_ADMIN_OPENAPI = "in tài liệu OpenAPI sinh từ mã nguồn"
CLI_HELP_ADMIN_OPENAPI_WRITE = "ghi vào functions/admin/openapi.json"
CLI_HELP_ADMIN_OPENAPI_OUTPUT = "ghi vào tệp khác (cùng --write)"
# anninh faq
CLI_HELP_FAQ = "hỏi đáp thủ tục: hỏi thử, đánh giá, kiểm tra, biên dịch"
CLI_HELP_FAQ_ASK = "trả lời một câu hỏi (hoặc từng dòng stdin với --batch)"
CLI_HELP_FAQ_QUESTION = "câu hỏi của người dân"
CLI_HELP_FAQ_UNIT = "mã đơn vị: thêm nơi tiếp nhận, giờ làm việc, đường dây nóng của đơn vị"
CLI_HELP_FAQ_JSON = "in một đối tượng JSON"
CLI_HELP_FAQ_BATCH = "đọc mỗi dòng stdin một câu hỏi, in JSON từng dòng"
CLI_HELP_FAQ_EVAL = "độ chính xác, tỷ lệ từ chối, nhầm lẫn, độ trễ trên tệp JSONL"
# Not a template: the braces are shown as they are.
CLI_HELP_FAQ_EVAL_FILE = 'tệp JSONL: {"q": "...", "intent": id hoặc null}'
CLI_HELP_FAQ_EVAL_JSON = "in kết quả dạng JSON"
CLI_HELP_FAQ_CHECK = "kiểm tra cơ sở tri thức YAML (mã lỗi khác 0 nếu có lỗi)"
CLI_HELP_FAQ_SEED_DIR = "thư mục nguồn (mặc định infra/seed/faq)"
CLI_HELP_FAQ_CATALOGUE = "danh mục id (mặc định intents.yaml)"
CLI_HELP_FAQ_COMPILE = "biên dịch YAML thành anninh/faq/data/knowledge_base.json"
# anninh local (the local stack)
CLI_HELP_LOCAL = "hệ thống chạy thử trên máy (không cần AWS, không cần Internet)"
CLI_HELP_LOCAL_RUN = "khởi động toàn bộ hệ thống (như `make run`)"
CLI_HELP_LOCAL_CHAT = "nhắn tin với OA của một đơn vị với vai trò người dân"
CLI_HELP_LOCAL_CHAT_UNIT = "mã đơn vị, ví dụ phuong-trung-tam"
CLI_HELP_LOCAL_BASE_URL = "địa chỉ hệ thống chạy thử"
CLI_HELP_LOCAL_USER = "mã người dùng Zalo (mặc định: tạo mới)"

# A message whose content the system cannot read (parked for the operators; inbound/parking.py).
MESSAGE_UNREADABLE = (
    "Xin lỗi, hệ thống chưa đọc được tin nhắn bạn vừa gửi. Bạn vui lòng gửi lại bằng chữ; "
    "nếu cần giúp ngay, hãy gọi {hotline} (khẩn cấp: 113)."
)

# ------------------------------------------------------------------ broadcasts and content: CLI help, OpenAPI
CLI_HELP_BROADCAST = "tin phát theo lịch tới người quan tâm"
CLI_HELP_BROADCAST_CREATE = "tạo tin phát (một lần --at hoặc định kỳ --cron, giờ Việt Nam)"
CLI_HELP_BROADCAST_DESCENDANTS = "gồm cả các đơn vị cấp dưới"
CLI_HELP_BROADCAST_AT = "YYYY-MM-DDTHH:MM (giờ Việt Nam)"
CLI_HELP_BROADCAST_CRON = '6 trường cron của EventBridge, ví dụ "0 8 ? * MON *"'
CLI_HELP_BROADCAST_NOTICE = "mã thông báo truy nã (thêm nút gửi tin báo)"
CLI_HELP_BROADCAST_NOT_PROMOTIONAL = "tin không mang tính truyền thông"
CLI_HELP_BROADCAST_LIST = "các tin phát"
CLI_HELP_BROADCAST_STATUS = "tiến độ một tin phát"
CLI_HELP_CONTENT = "tin tức, truy nã, cán bộ phụ trách, lịch tuần tra"
CLI_HELP_CONTENT_LIST = "liệt kê nội dung của một đơn vị"
CLI_HELP_CONTENT_SET = "đăng hoặc thay một mục (các trường NAME=VALUE)"
CLI_HELP_CONTENT_FIELD = "lặp lại được, ví dụ --field title=... --field date=2026-01-31"
CLI_HELP_CONTENT_REMOVE = "gỡ một mục"
CLI_HELP_CONTENT_IMPORT = "nạp nội dung từ tệp YAML (kiểm tra cả tệp trước khi ghi)"
ADMIN_DOC_BROADCAST_ID = "Mã tin phát"
ADMIN_DOC_BROADCAST_AT = "Một lần: YYYY-MM-DDTHH:MM (giờ Việt Nam)"
ADMIN_DOC_BROADCAST_CRON = "Định kỳ: 6 trường cron của EventBridge (giờ Việt Nam)"
ADMIN_DOC_BROADCAST_PROMOTIONAL = "Tin truyền thông: không gửi 22:00–06:00"
ADMIN_DOC_BROADCAST_NOTICE = "Thông báo truy nã: thêm nút gửi tin báo"
ADMIN_DOC_BROADCAST_CREATE = "Tạo tin phát theo lịch"
ADMIN_DOC_BROADCAST_CREATE_OK = "Đã tạo"
ADMIN_DOC_BROADCAST_LIST = "Các tin phát"
ADMIN_DOC_BROADCAST_LIST_OK = "Danh sách"
ADMIN_DOC_BROADCAST_STATUS = "Tiến độ: số người nhận theo kết quả, đã nhận, đã xem"
ADMIN_DOC_BROADCAST_STATUS_OK = "Tiến độ"
ADMIN_DOC_BROADCAST_ACTION = "Hủy, tạm dừng, tiếp tục hoặc gửi xem trước cho cán bộ"
ADMIN_DOC_BROADCAST_ACTION_OK = "Đã thực hiện"
CLI_HELP_BROADCAST_ACTIONS: dict[str, str] = {
    "cancel": "hủy",
    "pause": "tạm dừng",
    "resume": "tiếp tục",
    "preview": "gửi xem trước cho cán bộ của đơn vị",
}
FAQ_COMPILED_BAD_FORMAT = "tệp cơ sở tri thức đã biên dịch không đúng định dạng"
FAQ_COMPILED_UNREADABLE = "không đọc được cơ sở tri thức đã biên dịch {path}: {error}"

# ------------------------------------------------------------------ FAQ legal sources and short answers (law review)
# The note an entry carries until its second legal review; `anninh faq check` counts the entries that have it.
FAQ_PENDING_REVIEW_NOTE = "Chưa rà soát pháp lý lần 2 (đang chờ)"
FAQ_DETAILS_BUTTON = "Xem chi tiết"
FAQ_DETAILS_SOURCES_HEADER = "Căn cứ pháp lý:"
FAQ_DETAILS_LINKS_HEADER = "Liên kết:"
FAQ_DETAILS_VERIFIED = "Kiểm tra ngày {date}"
FAQ_CHECK_UPDATED_REPLACED = (
    "{where}: trường 'updated' đã được thay bằng 'verified_on' (ngày đối chiếu nguồn)"
)
FAQ_CHECK_NO_DETAILS = "{where}: thiếu 'details' (tin nhắn thứ hai khi bấm “Xem chi tiết”)"
FAQ_CHECK_NO_SOURCES = "{where}: thiếu 'sources' (cần ít nhất một văn bản có doc và article)"
FAQ_CHECK_SOURCE_FIELDS = "{where}: nguồn thứ {index} thiếu {fields}"
FAQ_CHECK_NO_VERIFIED_ON = "{where}: thiếu 'verified_on' (ngày đối chiếu với nguồn, YYYY-MM-DD)"
FAQ_CHECK_FACT_FIELDS = "{where}: valid_until thứ {index} thiếu {fields}"
FAQ_CHECK_FACT_EXPIRED = "{where}: nội dung “{fact}” đã hết hiệu lực từ sau ngày {until}: sửa câu trả lời"
FAQ_CHECK_FACT_PERIOD = "{where}: câu trả lời phải nêu thời hạn áp dụng (đến hết ngày {until})"
FAQ_CHECK_DETAILS_TOO_LONG = "{where}: tin nhắn “Xem chi tiết” dài {length} ký tự (tối đa {limit})"
FAQ_CHECK_FACT_EXPIRING = "{where}: nội dung “{fact}” hết hiệu lực sau ngày {until} (còn {days} ngày)"
FAQ_CHECK_WARNINGS = "Cảnh báo ({count}):"
FAQ_CHECK_PENDING_REVIEW = "{count} mục chưa rà soát pháp lý lần 2 (ghi chú “Chưa rà soát pháp lý lần 2”)."
FAQ_CHECK_TODAY_INVALID = "ngày '{value}' không đúng dạng YYYY-MM-DD"
FAQ_SOURCE_MAPPING_LIST = "{where}: cần một danh sách các bảng ({keys})"
CLI_HELP_FAQ_CHECK_TODAY = "kiểm tra như vào ngày này (YYYY-MM-DD, mặc định hôm nay giờ Việt Nam)"
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
FLYER_NO_OA = "Đơn vị {unit_id} chưa có Zalo OA (oa_id): không thể làm tờ rơi có mã QR."
FLYER_BAD_SIZE = "Khổ giấy “{size}” không hỗ trợ; chọn một trong: {sizes}."
FLYER_BAD_FORMAT = "Tệp {path}: chỉ hỗ trợ .png hoặc .pdf."
FLYER_UNITS_UNAVAILABLE = "Không đọc được danh sách đơn vị: {error}"
FLYER_UNKNOWN_UNIT = "Không có đơn vị {unit_id}."
FLYER_WRITTEN = "Đã tạo tờ rơi: {path}"
FLYER_WRITTEN_MANY = "Đã tạo {count} tờ rơi trong {directory} (bỏ qua {skipped} đơn vị chưa có OA)."
FLYER_SKIPPED_NO_OA = "Bỏ qua {unit_id}: chưa có Zalo OA."
CLI_HELP_FLYER = "tạo tờ rơi có mã QR dẫn tới Zalo OA của đơn vị (PNG hoặc PDF)"
CLI_HELP_FLYER_UNIT = "mã đơn vị (unit_id)"
CLI_HELP_FLYER_OUTPUT = "tệp .png hoặc .pdf; với --all: thư mục (hoặc thư mục/x.pdf để chọn định dạng)"
CLI_HELP_FLYER_SIZE = "khổ giấy (mặc định A5)"
CLI_HELP_FLYER_ALL = "mỗi đơn vị trong cây (đơn vị và các đơn vị trực thuộc) một tờ"
CLI_HELP_FLYER_UNITS_FILE = "đọc đơn vị từ tệp YAML (như infra/seed/units.yaml) thay vì API quản trị"

# ---------------------------------------------------------------------------------------------------------
# FAQ publishing without a redeploy (anninh faq publish / rollback / versions) and the legal review page.
CLI_HELP_FAQ_PUBLISH = "kiểm tra, biên dịch và công bố cơ sở tri thức (các hàm dùng bản mới trong vài phút, không cần triển khai lại)"
CLI_HELP_FAQ_PUBLISH_DRY_RUN = "chỉ kiểm tra và biên dịch, không công bố"
CLI_HELP_FAQ_ROLLBACK = "quay về phiên bản đã công bố trước đó"
CLI_HELP_FAQ_VERSIONS = "liệt kê các phiên bản đã công bố (mới nhất trước)"
CLI_HELP_FAQ_REVIEW = "tạo trang rà soát cho cán bộ pháp chế: câu trả lời, chi tiết, căn cứ, ngày kiểm tra, nội dung sắp hết hiệu lực"
CLI_HELP_FAQ_REVIEW_HTML = "tệp HTML sẽ ghi ra"
FAQ_PUBLISH_INVALID = "Cơ sở tri thức không hợp lệ, không công bố: {error}"
FAQ_ROLLBACK_NOTHING = "Chưa có phiên bản trước để quay lại."
FAQ_PUBLISH_API_ERROR = "Không thực hiện được: {error}"
FAQ_PUBLISH_REFUSED = "Không công bố: {count} lỗi trong cơ sở tri thức:"
FAQ_PUBLISH_DRY_RUN = "Hợp lệ: {entries} mục. Chưa công bố (--dry-run)."
FAQ_PUBLISHED = "Đã công bố {entries} mục, phiên bản {version}. Các hàm dùng bản mới trong vài phút."
FAQ_ROLLED_BACK = "Đã quay về phiên bản {version}."
FAQ_NO_VERSIONS = "Chưa công bố phiên bản nào: đang dùng bản đóng gói sẵn."
FAQ_REVIEW_WRITTEN = "Đã ghi trang rà soát {entries} mục: {path}"
FAQ_REVIEW_TITLE = "Rà soát cơ sở tri thức thủ tục hành chính"
FAQ_REVIEW_MADE_ON = "Lập ngày {date}"
FAQ_REVIEW_SUMMARY = "{entries} mục · {pending} mục chờ rà soát pháp lý · {warnings} nội dung sắp hết hiệu lực · {problems} lỗi"
FAQ_REVIEW_CONTENTS = "Mục lục"
FAQ_REVIEW_FIRST_MESSAGE = "Tin nhắn đầu tiên ({chars} ký tự)"
FAQ_REVIEW_DETAILS = "Xem chi tiết"
FAQ_REVIEW_SOURCES = "Căn cứ pháp lý"
FAQ_REVIEW_VERIFIED_ON = "Ngày kiểm tra đối chiếu văn bản:"
FAQ_REVIEW_PERIOD_FACTS = "Nội dung có thời hạn"
FAQ_REVIEW_FACT = "Nội dung"
FAQ_REVIEW_UNTIL = "Đến hết ngày"
FAQ_REVIEW_SOURCE = "Căn cứ"
FAQ_REVIEW_NOTES = "Ghi chú (chưa xác nhận được)"
FAQ_REVIEW_SIGNOFF = "Ý kiến cán bộ pháp chế: ☐ Đồng ý  ☐ Cần sửa — Họ tên, ngày: ……………………"
ADMIN_DOC_FAQ_BODY = "Cơ sở tri thức đã biên dịch (anninh faq compile), định dạng hiện hành."
ADMIN_DOC_FAQ_VERSIONS_ORDER = "Mới nhất trước; is_latest là phiên bản đang dùng."
ADMIN_DOC_FAQ_LIST = "Các phiên bản cơ sở tri thức đã công bố"
ADMIN_DOC_FAQ_PUBLISH = "Công bố cơ sở tri thức mới (hiệu lực trong vài phút, không cần triển khai lại)"
ADMIN_DOC_FAQ_ROLLBACK = "Quay về phiên bản công bố trước đó"
ADMIN_FAQ_STORE_MISSING = "Chưa cấu hình nơi lưu cơ sở tri thức (FAQ_BUCKET)."

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
ADMIN_DOC_STATS = "Số liệu theo ngày của một đơn vị (và các đơn vị trực thuộc)"
ADMIN_STATS_MISSING = "Chưa cấu hình bảng số liệu (STATS_TABLE)."
ADMIN_STATS_BAD_RANGE = "Khoảng ngày không hợp lệ: từ ngày phải trước đến ngày, tối đa {days} ngày."
CLI_HELP_STATS = "số liệu của đơn vị: người quan tâm, tin nhắn, câu hỏi, tin báo, thời gian xử lý"
CLI_HELP_STATS_DESCENDANTS = "cộng cả các đơn vị trực thuộc"
STATS_LABELS: dict[str, str] = {
    "followers_gained": "Người quan tâm mới",
    "followers_lost": "Bỏ quan tâm",
    "messages": "Tin nhắn của người dân",
    "faq_answered": "Câu hỏi thủ tục trả lời ngay",
    "faq_refused": "Câu hỏi ngoài phạm vi",
    "faq_helpful": "Đánh giá hữu ích",
    "faq_not_helpful": "Đánh giá chưa hữu ích",
    "questions_handed": "Câu hỏi chuyển cán bộ",
    "questions_answered": "Câu hỏi cán bộ đã trả lời",
    "tips_submitted": "Tin báo tiếp nhận",
    "tips_urgent": "Tin báo khẩn",
    "tips_acknowledged": "Tin báo đã tiếp nhận xử lý",
    "tips_resolved": "Tin báo đã xử lý",
    "tips_unfounded": "Tin báo không đủ cơ sở",
    "tips_transferred": "Tin báo chuyển đơn vị khác",
    "broadcast_messages_sent": "Tin nhắn thông báo đã gửi",
    "ack_seconds": "Thời gian tiếp nhận (trung vị)",
    "close_seconds": "Thời gian xử lý xong (trung vị)",
    "answer_seconds": "Thời gian trả lời câu hỏi (trung vị)",
}

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
OFFICER_ALERT_MORE = (
    "[Người dân này đã gửi thêm {count} tin nhắn cần báo trong vòng {minutes} phút; các tin đó được gộp, "
    "không báo riêng từng tin. Xem đầy đủ trong hội thoại Zalo OA.]\n"
)
# ------------------------------------------------------------------ OA onboarding (anninh oa): CLI, admin API, OAuth
CLI_HELP_OA = "đưa OA của các đơn vị vào hệ thống và theo dõi tình trạng"
CLI_HELP_OA_STATUS = "tình trạng từng OA: khóa bí mật, token, lần làm mới, sự kiện, lỗi Zalo"
CLI_HELP_OA_UNIT = "chỉ một đơn vị"
CLI_HELP_OA_IMPORT = "nạp khóa bí mật OA từ tệp CSV (oa_id, unit_id, oa_secret_key)"
CLI_HELP_OA_CONNECT = "tạo đường dẫn cấp quyền OA cho ứng dụng (OAuth v4, PKCE)"
CLI_HELP_UNITS_INIT = "tạo khung cây đơn vị của một tỉnh theo danh mục hành chính sau sắp xếp 2025"
CLI_HELP_UNITS_PROVINCE = "tên hoặc mã tỉnh, ví dụ 'Lào Cai' hoặc 15"
CLI_HELP_UNITS_OUTPUT = "tệp YAML ghi ra"
OA_NOT_CONFIGURED = "Chức năng quản lý OA chưa được cấu hình cho API này."
OA_IMPORT_REFUSED = "Không nạp dòng nào, tệp có lỗi: {problems}"
OA_CONNECT_NO_OA = "Đơn vị {unit_id} chưa có OA: nạp oa_id bằng `anninh oa import` trước."
OA_CONSENT_MISSING = "Thiếu mã cấp quyền hoặc tham số state."
OA_CONSENT_UNKNOWN_STATE = (
    "Đường dẫn cấp quyền không hợp lệ, đã dùng hoặc đã hết hạn: chạy lại `anninh oa connect`."
)
OA_CONSENT_WRONG_OA = (
    "OA vừa cấp quyền không phải OA của đơn vị {unit_id} ({expected}): đăng nhập đúng OA rồi thử lại."
)
OA_CONSENT_ZALO_REFUSED = "Zalo không chấp nhận mã cấp quyền (lỗi {code}): chạy lại `anninh oa connect`."
OA_CONSENT_ZALO_DOWN = "Không liên lạc được với Zalo lúc này, xin thử lại sau ít phút."
OA_CONSENT_DONE_TITLE = "Đã kết nối OA"
OA_CONSENT_DONE = (
    "OA {oa_id} của đơn vị {unit_id} đã được kết nối. Token hết hạn lúc {expires} (giờ Việt Nam)."
)
OA_CONSENT_FAILED_TITLE = "Chưa kết nối được OA"
OA_CLI_CONNECT_OPEN = (
    "Mở đường dẫn sau bằng tài khoản quản trị OA {oa_id} của {unit_id} (hết hạn lúc {expires}):"
)
OA_CLI_CONNECT_REDIRECT = "Địa chỉ callback (khai báo trong ứng dụng Zalo): {redirect_uri}"
OA_CLI_FILE_MISSING = "Không tìm thấy tệp {path}"
OA_CLI_BAD_CSV = "Tệp CSV phải có đúng các cột {columns} (dòng đầu là tên cột)"
OA_CLI_IMPORTED = "Đã nạp {rows} dòng: {written} khóa ghi mới/thay, {bound} đơn vị được gắn OA."
OA_CLI_DRY_RUN = "Kiểm tra xong {rows} dòng, không ghi gì (--dry-run)."
OA_CLI_HEALTHY = "khỏe"
OA_CLI_UNHEALTHY = "LỖI"
OA_CLI_SUMMARY = "{healthy}/{total} OA hoạt động bình thường."
UNITS_CLI_IMPORTED_API = "Đã nạp {count} đơn vị qua API ({kept} giữ nguyên oa_id đã có)."
UNITS_CLI_INIT_WRITTEN = (
    "Đã ghi {count} đơn vị ({unit} và cấp xã) vào {path}: điền oa_id và số đường dây nóng."
)
UNITS_CLI_INIT_UNKNOWN = "Không tìm thấy tỉnh {province}; các tỉnh, thành: {known}"
UNITS_CLI_INIT_AMBIGUOUS = "'{province}' khớp nhiều tỉnh: {matches}"
UNITS_CLI_INIT_NO_PACKAGE = (
    "Cần gói vietnam-provinces (requirements-dev.txt): pip install -r requirements-dev.txt"
)
UNITS_CLI_INIT_EXISTS = "Tệp {path} đã có; xóa hoặc chọn tên khác"
ADMIN_DOC_OA_STATUS = "Tình trạng từng OA: khóa bí mật, token, làm mới, sự kiện cuối, lỗi Zalo, healthy"
ADMIN_DOC_OA_STATUS_OK = "Một dòng cho mỗi đơn vị có OA"
ADMIN_DOC_OA_IMPORT = "Nạp khóa bí mật OA (SSM SecureString) và gắn oa_id vào đơn vị; kiểm tra mọi dòng trước"
ADMIN_DOC_OA_IMPORT_OK = "Kế hoạch hoặc kết quả, không bao giờ có khóa"
ADMIN_DOC_OA_CONNECT = "Đường dẫn cấp quyền OAuth v4 (PKCE) cho OA của một đơn vị"
ADMIN_DOC_OA_CONNECT_OK = "Đường dẫn cấp quyền, dùng một lần trong 10 phút"
ADMIN_DOC_UNITS_IMPORT = "Nạp cây đơn vị (cả cây được kiểm tra trước khi ghi)"
ADMIN_DOC_UNITS_IMPORT_OK = "Số đơn vị đã nạp"
OA_CONNECT_NO_HOST = "Không xác định được địa chỉ API để làm địa chỉ callback."
CLI_HELP_UNITS_FORCE = "ghi đè tệp đã có"
UNITS_INIT_HEADER = (
    "# Khung cây đơn vị {unit} và {count} đơn vị cấp xã theo danh mục hành chính sau sắp xếp 2025\n"
    "# (mã chính thức trong 'code'). Điền oa_id và hotline, thêm các phòng (level: department) rồi chạy\n"
    "# `anninh units import` và `anninh oa import`.\n"
)
# ---------------------------------------------------------------- Zalo platform: doctor, form picture (zalo)
DOCTOR_TEXT = "Kiểm tra kết nối Zalo của đơn vị: tin nhắn văn bản."
DOCTOR_MENU_TITLE = "Kiểm tra danh sách lựa chọn"
DOCTOR_MENU_SUBTITLE = "Kiểm tra kết nối Zalo của đơn vị: danh sách lựa chọn."
DOCTOR_FORM_TITLE = "Kiểm tra biểu mẫu liên hệ"
DOCTOR_FORM_SUBTITLE = "Kiểm tra kết nối Zalo của đơn vị: biểu mẫu xin thông tin liên hệ (không cần gửi)."
DOCTOR_IMAGE_CAPTION = "Kiểm tra kết nối Zalo của đơn vị: hình ảnh."
CLI_HELP_ZALO = "kiểm tra nền tảng Zalo của một OA"
CLI_HELP_ZALO_DOCTOR = "kiểm tra token, hồ sơ, hạn mức và các loại tin Zalo nhận cho OA của đơn vị"
CLI_HELP_ZALO_SEND_TEST_TO = "user_id Zalo của một cán bộ đã nhắn OA trong 7 ngày: nhận một tin mỗi loại"
CLI_HELP_ZALO_FORM_IMAGE = "đặt hình https:// trên biểu mẫu liên hệ của đơn vị (bỏ trống để dùng hình chung)"
ADMIN_DOC_ZALO_DOCTOR = "Kiểm tra OA của đơn vị với Zalo; ghi nhận kết quả cho OA"
ADMIN_DOC_ZALO_DOCTOR_OK = "Kết quả kiểm tra"
ADMIN_DOC_ZALO_FORM_IMAGE = "Đặt hình trên biểu mẫu liên hệ của đơn vị"
ADMIN_DOC_ZALO_FORM_IMAGE_OK = "Đã lưu"
ADMIN_ZALO_NO_OA = "Đơn vị {unit_id} chưa có OA Zalo."
ADMIN_ZALO_BAD_PICTURE = "Hình phải là địa chỉ https://."
DOCTOR_STATUS: dict[str, str] = {
    "accepted": "Zalo nhận",
    "refused": "Zalo từ chối",
    "skipped": "chưa kiểm tra",
}
DOCTOR_KIND: dict[str, str] = {
    "token": "Token truy cập",
    "profile": "Hồ sơ OA",
    "quota": "Hạn mức tin tư vấn",
    "text": "Tin văn bản",
    "list": "Danh sách lựa chọn (menu)",
    "request_user_info": "Biểu mẫu xin thông tin liên hệ",
    "image": "Tin hình ảnh",
}
DOCTOR_MENU_MODE: dict[str, str] = {
    "list": "Menu: gửi dạng danh sách lựa chọn của Zalo.",
    "text": "Menu: gửi dạng văn bản đánh số (Zalo không nhận danh sách).",
    "none": "Menu: chưa kết luận (cần --send-test-to với một cán bộ đã nhắn OA trong 7 ngày).",
}
DOCTOR_LINE = "{kind}: {status}{detail}"
DOCTOR_HEADER = "Kiểm tra Zalo cho đơn vị {unit_id} (OA {oa_id}):"
DOCTOR_FORM_IMAGE_SAVED = "Đã lưu hình biểu mẫu liên hệ cho đơn vị {unit_id}."
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
    "Bạn đang gửi tin báo tới {unit_name}. Thông tin của bạn được giữ bí mật theo quy định của pháp luật. "
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
CLI_HELP_FAQ_EVAL_SPLIT = "phần của bộ câu nhắn có nhãn (tests/corpus) để đánh giá bộ phân loại: train, validation, extra (train_extra), voices (train_voices), test"
FAQ_EVAL_NEEDS_INPUT = "Cần một tệp câu hỏi hoặc --split train|validation|extra|test."
CLI_FAQ_ANY_UNIT = "đơn vị Công an"

# ------------------------------------------------------------------ article-broadcast quota and reach statistics
BROADCAST_REASON_LABELS["quota"] = (
    "hết lượt gửi bài viết tới mọi người quan tâm trong tháng (anninh zalo quota), không gửi"
)
ADMIN_CLI_BROADCAST_HELD = (
    "Hết lượt: {held} bài viết không gửi vì OA đã dùng hết lượt gửi tới mọi người quan tâm trong tháng. "
    "Có thể gửi lại cho người tương tác trong 7 ngày (--audience 7d) hoặc nâng lượt (anninh zalo quota)."
)
ADMIN_CLI_BROADCAST_QUOTA_WARNING = (
    "Lưu ý: OA của {unit_id} đã hết lượt gửi bài viết tới mọi người quan tâm trong tháng này; tin này sẽ "
    "không được gửi (hết lượt) trừ khi nâng hạn mức (anninh zalo quota) hoặc sang tháng mới."
)
ADMIN_CLI_BROADCAST_CHANNELS = "Theo kênh: tin tư vấn đã gửi {consultation} · bài viết đã gửi {article}"
CLI_HELP_ZALO_QUOTA = "xem hoặc đặt số bài viết OA được gửi tới mọi người quan tâm mỗi tháng (giờ Việt Nam)"
CLI_HELP_ZALO_QUOTA_PER_MONTH = "số bài viết gửi tới mọi người quan tâm mỗi tháng (0–1000)"
ADMIN_DOC_ZALO_QUOTA = "Lượt gửi bài viết tới mọi người quan tâm của OA trong tháng"
ADMIN_DOC_ZALO_QUOTA_OK = "Hạn mức và số lượt đã dùng trong tháng"
ADMIN_DOC_ZALO_QUOTA_SET = "Đặt hạn mức gửi bài viết tới mọi người quan tâm mỗi tháng của OA"
ZALO_QUOTA_LINE = (
    "{unit_id} · tháng {month}: đã gửi {used}/{broadcasts_per_month} bài viết tới mọi người quan tâm, "
    "còn {remaining}{exhausted} ({source})"
)
ZALO_QUOTA_SOURCE = {"configured": "hạn mức riêng của OA", "default": "hạn mức mặc định"}
ZALO_QUOTA_EXHAUSTED = " — Zalo báo đã hết hạn mức"
DOCTOR_KIND_ARTICLE_QUOTA = "Lượt bài viết tới mọi người quan tâm"
STATS_LABELS_REACH: dict[str, str] = {
    "followers_total": "Tổng số người quan tâm",
    "broadcasts_reached_consultation": "Thông báo Zalo nhận gửi: tin tư vấn",
    "broadcasts_reached_article": "Thông báo Zalo nhận gửi: bài viết tới mọi người quan tâm",
}
STATS_LABELS.update(STATS_LABELS_REACH)
# ---------------------------------------------------------------- units merged or renamed (anninh.mergers.merger)
UNIT_MERGE_UNKNOWN = "Không có đơn vị {unit_id}."
UNIT_MERGE_SAME = "Không thể sáp nhập {unit_id} vào chính nó."
UNIT_MERGE_TARGET_MERGED = "{unit_id} đã được sáp nhập vào {into}: hãy sáp nhập vào {into}."
UNIT_MERGE_INTO_OWN_SUBTREE = (
    "{into} nằm trong cây của {unit_id}: không thể sáp nhập vào đơn vị cấp dưới của mình."
)
UNIT_MERGE_HAS_CHILDREN = (
    "{unit_id} còn đơn vị cấp dưới ({children}): hãy sáp nhập hoặc chuyển các đơn vị đó trước."
)
UNIT_MERGE_UNKNOWN_PART = "Phần không có: {parts}. Các phần chuyển được: {known}."
UNIT_MERGE_NO_OA = "{unit_id} không có OA để chuyển."
UNIT_MERGE_TARGET_HAS_OA = "{into} đã có OA {oa_id}: OA của đơn vị cũ được giữ lại và trả lời người dân kèm địa chỉ đơn vị mới (bỏ 'oa' khỏi --move)."
UNIT_MERGE_STARTED_BEFORE = (
    "Việc sáp nhập {unit_id} vào {into} đã bắt đầu trước đó: chạy lại với --resume để làm tiếp."
)
UNIT_MERGE_NOTHING_TO_RESUME = "Không có việc sáp nhập nào của {unit_id} để làm tiếp."
UNIT_MERGE_ALREADY_MERGED = "{unit_id} đã được sáp nhập vào {into}."
UNIT_MERGE_TIP_AUDIT = "Chuyển theo việc sáp nhập đơn vị: {from_unit} → {into_unit} (mã tin báo giữ nguyên)"
UNIT_MERGE_PART_LABELS: dict[str, str] = {
    "tips": "tin báo",
    "content": "nội dung",
    "officers": "cán bộ",
    "stats": "ngày thống kê",
    "followers": "người quan tâm",
    "oa": "OA",
}
UNIT_HISTORY_MERGED_INTO = "Sáp nhập vào {unit}; đã chuyển: {moved}."
UNIT_HISTORY_MERGED_FROM = "Tiếp nhận {unit} sáp nhập; đã chuyển: {moved}."
UNIT_HISTORY_RENAMED = "Đổi tên: {old} → {new}."
UNIT_RENAME_EMPTY = "Tên mới không được để trống."
# What a citizen writing to a merged unit's OA reads (the OA keeps answering old tips' follow-ups).
UNIT_MERGED_POINTER = (
    "{old_name} đã sáp nhập vào {new_name}. Xin liên hệ {new_name}{where}.\n"
    "Tin báo đã gửi trước đây vẫn được xử lý: gõ “tra cứu MÃ” để xem, “bổ sung MÃ nội dung” để bổ sung."
)
UNIT_MERGED_POINTER_OA = " qua Zalo OA: {link}"
UNIT_MERGED_POINTER_HOTLINE = ", đường dây nóng {hotline}"
ADMIN_DOC_UNITS_MERGE = "Sáp nhập một đơn vị vào đơn vị khác (chạy thử, làm tiếp sau sự cố)"
ADMIN_DOC_UNITS_MERGE_OK = "Kế hoạch (chạy thử) hoặc trạng thái từng bước"
ADMIN_DOC_UNITS_RENAME = "Đổi tên (và tiền tố mã tin báo) của một đơn vị"
CLI_HELP_UNITS_MERGE = (
    "sáp nhập một đơn vị vào đơn vị khác (--dry-run trước; --suggest: gợi ý theo sắp xếp 2025)"
)
CLI_HELP_UNITS_MERGE_FROM = "đơn vị bị sáp nhập (A)"
CLI_HELP_UNITS_MERGE_INTO = "đơn vị tiếp nhận (B)"
CLI_HELP_UNITS_MERGE_MOVE = "các phần chuyển, cách nhau dấu phẩy: tips,content,officers,stats,followers,oa (mặc định: tất cả; oa khi B chưa có OA)"
CLI_HELP_UNITS_MERGE_RESUME = "làm tiếp việc sáp nhập đã bắt đầu (sau sự cố); không chuyển gì hai lần"
CLI_HELP_UNITS_MERGE_SUGGEST = (
    "liệt kê các xã/phường trong cây mà đợt sắp xếp 2025 đã gộp vào nhau (để người quản trị xác nhận)"
)
CLI_HELP_UNITS_RENAME = "đổi tên một đơn vị (và tiền tố mã tin báo mới)"
CLI_HELP_UNITS_RENAME_UNIT = "mã đơn vị (unit_id)"
CLI_HELP_UNITS_RENAME_NAME = "tên mới"
CLI_HELP_UNITS_RENAME_CODE = "tiền tố mã tin báo mới (1–4 chữ/số); mã cũ vẫn tra cứu được"
UNITS_CLI_MERGE_NEEDS = "Cần --from và --into (hoặc --suggest)."
UNITS_CLI_MERGE_PLAN = "Chạy thử: sáp nhập {from_name} [{from_id}] vào {into_name} [{into_id}]; chưa ghi gì."
UNITS_CLI_MERGE_PLAN_LINE = "  {label}: {count}"
UNITS_CLI_MERGE_STEPS = "Các bước: {steps}"
UNITS_CLI_MERGE_DONE = "Đã sáp nhập {from_id} vào {into_id}: {moved}."
UNITS_CLI_MERGE_STOPPED = (
    "Việc sáp nhập dừng giữa chừng ({error}); chạy lại với --resume để làm tiếp, không chuyển gì hai lần."
)
UNITS_CLI_RENAMED = "Đã đổi tên {unit_id}: {detail}"
UNITS_CLI_SUGGEST_NONE = (
    "Không thấy xã/phường nào trong cây được đợt sắp xếp 2025 gộp vào đơn vị khác trong cây."
)
UNITS_CLI_SUGGEST_LINE = (
    "  anninh units merge --from {from_id} --into {into_id} --dry-run   # {from_name} → {new_name}{note}"
)
UNITS_CLI_SUGGEST_HEADER = "Gợi ý sáp nhập theo danh mục đơn vị hành chính 2025 (kiểm tra rồi chạy):"
UNITS_CLI_SUGGEST_PARTLY = " (chỉ một phần của xã cũ)"
UNITS_CLI_SUGGEST_NO_TARGET = '  {from_name} [{from_id}] → {new_name}: chưa có đơn vị này trong cây; đổi tên: anninh units rename --unit {from_id} --name "Công an {new_name}"'
ADMIN_DOC_REFUSALS[503] = "Dừng giữa chừng vì sự cố; làm tiếp được (không chuyển gì hai lần)"
ADMIN_UNIT_MERGE_INTERRUPTED = "Việc sáp nhập dừng ở bước {step} vì sự cố; chạy lại với --resume để làm tiếp."
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
