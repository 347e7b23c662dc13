"""What the local stack's citizen simulator (terminal chat and page) shows.

In Vietnamese with full diacritics; format placeholders use str.format names.
"""

from __future__ import annotations

# ------------------------------------------------------------------ local stack: citizen simulator
LOCAL_CHAT_TITLE = "Giả lập người dân nhắn tin Zalo OA"
LOCAL_CHAT_INTRO = (
    "Bạn đang nhắn tin với OA {oa_id} của {unit_name} với vai trò người dân (mã người dùng {user_id}).\n"
    "Lệnh: /follow (quan tâm OA), /unfollow, /location VĨ_ĐỘ KINH_ĐỘ [tên địa điểm], /photo [chú thích], "
    "/quit để thoát. Mọi dòng khác được gửi như tin nhắn."
)
LOCAL_CHAT_OA_PREFIX = "OA ›"
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

__all__ = [
    "LOCAL_CHAT_BYE",
    "LOCAL_CHAT_INTRO",
    "LOCAL_CHAT_LOCATION_USAGE",
    "LOCAL_CHAT_NO_STACK",
    "LOCAL_CHAT_OA_PREFIX",
    "LOCAL_CHAT_REJECTED",
    "LOCAL_CHAT_TITLE",
    "LOCAL_CHAT_UNKNOWN_COMMAND",
    "LOCAL_CHAT_UNKNOWN_UNIT",
    "LOCAL_PAGE_DEMO_PLACE",
    "LOCAL_PAGE_FOLLOW",
    "LOCAL_PAGE_HINT",
    "LOCAL_PAGE_LOCATION",
    "LOCAL_PAGE_NEW_USER",
    "LOCAL_PAGE_PHOTO",
    "LOCAL_PAGE_PHOTO_CAPTION",
    "LOCAL_PAGE_PLACEHOLDER",
    "LOCAL_PAGE_SEND",
    "LOCAL_PAGE_UNIT_LABEL",
    "LOCAL_PAGE_USER_LABEL",
]
