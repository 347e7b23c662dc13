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
ADMIN_CLI_BROADCAST_STATUS = (
    "Tin phát {broadcast_id} — {status} — lượt {run_id}: {queued} người nhận đã xếp hàng\n"
    "Đã gửi: {sent} · ngoài khung tương tác: {skipped_out_of_window} · đã bỏ quan tâm: {unfollowed} · "
    "lỗi: {failed} · đang gửi dở: {claimed} · còn chờ: {pending}\nĐã nhận: {delivered} · đã xem: {seen}"
)
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
