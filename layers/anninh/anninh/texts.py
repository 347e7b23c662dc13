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
