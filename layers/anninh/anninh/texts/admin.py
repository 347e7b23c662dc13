"""What administrators read: the admin API's refusals and OpenAPI text, and the `anninh` command line's
help and messages (units, officers, FAQ sources and publishing, broadcasts, OA onboarding, flyers).

In Vietnamese with full diacritics; format placeholders use str.format names.
"""

from __future__ import annotations

from anninh.texts.officer import OFFICER_ANSWER_NOT_DELIVERED

# ------------------------------------------------------------------ FAQ engine (anninh.faq)
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

# ------------------------------------------------------------------ units' content
ADMIN_CLI_CONTENT_HEADER = "Nội dung của {unit_id} ({count} mục):"
ADMIN_CLI_CONTENT_LINE = "• [{kind}] {item_id}: {label}"
ADMIN_CLI_CONTENT_EMPTY = "{unit_id} chưa có nội dung."
ADMIN_CLI_CONTENT_SAVED = "Đã lưu {kind} {item_id} của {unit_id}."
ADMIN_CLI_CONTENT_REMOVED = "Đã xóa {kind} {item_id} của {unit_id}."
ADMIN_CLI_CONTENT_IMPORTED = "Đã nạp {count} mục nội dung."
ADMIN_CLI_CONTENT_VALID = "Tệp hợp lệ: {count} mục nội dung."
ADMIN_CONTENT_INVALID = "Nội dung không hợp lệ: {error}"
ADMIN_CONTENT_NOT_FOUND = "Không có {kind} {item_id} của đơn vị {unit_id}."

# ------------------------------------------------------------------ followers sync
ADMIN_FOLLOWERS_NO_OA = "Đơn vị {unit_id} chưa có OA Zalo."
ADMIN_CLI_FOLLOWERS_PROGRESS = "Đã đồng bộ {synced}/{total} người quan tâm của {unit_id}…"
ADMIN_CLI_FOLLOWERS_DONE = "Xong: {synced} người quan tâm của {unit_id} đã được ghi nhận (Zalo báo {total})."
ADMIN_CLI_FOLLOWERS_CAPPED = (
    "Dừng ở vị trí {offset}: Zalo chỉ cho đọc danh sách tới vị trí 9.951. Đã ghi nhận {synced}/{total} "
    "người quan tâm của {unit_id}; những người còn lại sẽ được ghi nhận khi họ nhắn tin hoặc quan tâm lại."
)

# ------------------------------------------------------------------ tips: admin API and CLI
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

# ------------------------------------------------------------------ broadcasts
ADMIN_BROADCAST_INVALID = "Tin phát không hợp lệ: {error}."
ADMIN_BROADCAST_NOT_FOUND = "Không có tin phát {broadcast_id}."
ADMIN_BROADCAST_STATE = "Không thể thực hiện: {error}."
ADMIN_BROADCAST_NO_OFFICERS = "Đơn vị {unit_id} chưa có cán bộ đăng ký để nhận bản xem trước."
ADMIN_CLI_BROADCAST_CREATED = "Đã tạo tin phát {broadcast_id} ({schedule}, giờ Việt Nam) cho {unit_id}."
ADMIN_CLI_BROADCAST_LINE = "• {broadcast_id} [{unit_id}] {schedule} — {audience} — {status}"
ADMIN_CLI_NO_BROADCASTS = "Chưa có tin phát nào."
ADMIN_CLI_BROADCAST_CHANGED = "Tin phát {broadcast_id}: {status}."
ADMIN_CLI_BROADCAST_PREVIEWED = "Đã gửi bản xem trước tới {count} cán bộ của {unit_id}."

# ------------------------------------------------------------------ `anninh units` (administrators)
UNITS_FILE_MISSING = "Không tìm thấy tệp {path}"
UNITS_VALID = "Hợp lệ: {count} đơn vị (chưa ghi gì)."
UNITS_INVALID = "Dữ liệu đơn vị không hợp lệ, không ghi gì: {error}"

# ------------------------------------------------------------------ broadcasts: reasons people read
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
# Keys: the stored identifiers (anninh.broadcasts.identifiers.Status); tests/unit/test_texts.py checks them.
BROADCAST_STATUS_LABELS: dict[str, str] = {
    "scheduled": "đã lên lịch",
    "paused": "tạm dừng",
    "cancelled": "đã hủy",
    "running": "đang gửi",
    "done": "đã gửi xong",
}
# Keys: the stored identifiers (anninh.broadcasts.identifiers.Action); tests/unit/test_texts.py checks them.
BROADCAST_ACTION_LABELS: dict[str, str] = {
    "cancel": "hủy",
    "pause": "tạm dừng",
    "resume": "tiếp tục",
    "preview": "gửi xem trước",
}
# Keys: the stored identifiers (anninh.broadcasts.identifiers.Audience); tests/unit/test_texts.py checks them.
BROADCAST_AUDIENCE_LABELS: dict[str, str] = {
    "all": "mọi người quan tâm",
    "48h": "tương tác trong 48 giờ",
    "7d": "tương tác trong 7 ngày",
}
# Why a recipient is "in doubt" (maybe received, never re-sent) or "expired" (waited too long, not sent).
# Keys: the stored identifiers (anninh.broadcasts.identifiers.Reason); tests/unit/test_texts.py checks them.
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
ADMIN_CLI_TIP_NOTICE = "Thông báo truy nã liên quan: {notice_id}"
TIP_CSV_NOTICE_HEADER = "Thông báo truy nã"

# ------------------------------------------------------------------ officers: refusals (anninh.officers)
# An officer or a tip names a unit that does not exist.
UNKNOWN_UNIT = "không có đơn vị {unit_id}"

# ------------------------------------------------------------------ tips: refusals and what officers read
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

# ------------------------------------------------------------------ citizens' own words: understanding a message
CLI_HELP_FAQ_EVAL_SPLIT = (
    "phần của bộ câu nhắn có nhãn (tests/corpus) để đánh giá bộ phân loại: %(choices)s "
    "(extra, voices, writerN đọc tệp train_<tên>.jsonl)"
)
FAQ_EVAL_NEEDS_INPUT = "Cần một tệp câu hỏi hoặc --split train|validation|extra|test."
CLI_FAQ_ANY_UNIT = "đơn vị Công an"

__all__ = [
    "ADMIN_ALREADY_ANSWERED",
    "ADMIN_BROADCASTS_UNAVAILABLE",
    "ADMIN_BROADCAST_INVALID",
    "ADMIN_BROADCAST_NOT_FOUND",
    "ADMIN_BROADCAST_NO_OFFICERS",
    "ADMIN_BROADCAST_PREVIEW_NO_ANSWER",
    "ADMIN_BROADCAST_PREVIEW_REFUSED",
    "ADMIN_BROADCAST_STATE",
    "ADMIN_CLI_ANSWER_NOT_DELIVERED",
    "ADMIN_CLI_ANSWER_SENT",
    "ADMIN_CLI_BROADCAST_CHANGED",
    "ADMIN_CLI_BROADCAST_CREATED",
    "ADMIN_CLI_BROADCAST_LINE",
    "ADMIN_CLI_BROADCAST_PREVIEWED",
    "ADMIN_CLI_BROADCAST_PROGRESS",
    "ADMIN_CLI_BROADCAST_REASONS",
    "ADMIN_CLI_BROADCAST_REASON_LINE",
    "ADMIN_CLI_CONTENT_EMPTY",
    "ADMIN_CLI_CONTENT_HEADER",
    "ADMIN_CLI_CONTENT_IMPORTED",
    "ADMIN_CLI_CONTENT_LINE",
    "ADMIN_CLI_CONTENT_REMOVED",
    "ADMIN_CLI_CONTENT_SAVED",
    "ADMIN_CLI_CONTENT_VALID",
    "ADMIN_CLI_DATE_INVALID",
    "ADMIN_CLI_ERROR",
    "ADMIN_CLI_FILE_MISSING",
    "ADMIN_CLI_FOLLOWERS_CAPPED",
    "ADMIN_CLI_FOLLOWERS_DONE",
    "ADMIN_CLI_FOLLOWERS_PROGRESS",
    "ADMIN_CLI_HTTP_ERROR",
    "ADMIN_CLI_IMPORT_DONE",
    "ADMIN_CLI_IMPORT_INVALID",
    "ADMIN_CLI_IMPORT_PARTIAL",
    "ADMIN_CLI_IMPORT_VALID",
    "ADMIN_CLI_NO_API_URL",
    "ADMIN_CLI_NO_BROADCASTS",
    "ADMIN_CLI_NO_CREDENTIALS",
    "ADMIN_CLI_NO_OFFICERS",
    "ADMIN_CLI_NO_QUESTIONS",
    "ADMIN_CLI_NO_REGION",
    "ADMIN_CLI_NO_SHIFTS",
    "ADMIN_CLI_NO_TIPS",
    "ADMIN_CLI_OFFICERS_HEADER",
    "ADMIN_CLI_OFFICER_INACTIVE",
    "ADMIN_CLI_OFFICER_LINE",
    "ADMIN_CLI_OFFICER_REMOVED",
    "ADMIN_CLI_OFFICER_SAVED",
    "ADMIN_CLI_OPENAPI_WRITTEN",
    "ADMIN_CLI_QUESTION_ANSWER",
    "ADMIN_CLI_QUESTION_LINE",
    "ADMIN_CLI_STATUS_ANSWERED",
    "ADMIN_CLI_STATUS_OPEN",
    "ADMIN_CLI_TIPS_EXPORTED",
    "ADMIN_CLI_TIP_HISTORY_HEADER",
    "ADMIN_CLI_TIP_HISTORY_LINE",
    "ADMIN_CLI_TIP_LINE",
    "ADMIN_CLI_TIP_MEDIA",
    "ADMIN_CLI_TIP_MEDIA_HEADER",
    "ADMIN_CLI_TIP_MEDIA_LINE",
    "ADMIN_CLI_TIP_NOTICE",
    "ADMIN_CLI_TIP_NOT_PUSHED",
    "ADMIN_CLI_TIP_PUSHED",
    "ADMIN_CLI_TIP_UPDATED",
    "ADMIN_CLI_TIP_VIEW",
    "ADMIN_CLI_UNREACHABLE",
    "ADMIN_CONTENT_INVALID",
    "ADMIN_CONTENT_NOT_FOUND",
    "ADMIN_DOC_BROADCAST_ACTION",
    "ADMIN_DOC_BROADCAST_ACTION_OK",
    "ADMIN_DOC_BROADCAST_AT",
    "ADMIN_DOC_BROADCAST_CREATE",
    "ADMIN_DOC_BROADCAST_CREATE_OK",
    "ADMIN_DOC_BROADCAST_CRON",
    "ADMIN_DOC_BROADCAST_ID",
    "ADMIN_DOC_BROADCAST_LIST",
    "ADMIN_DOC_BROADCAST_LIST_OK",
    "ADMIN_DOC_BROADCAST_NOTICE",
    "ADMIN_DOC_BROADCAST_PROMOTIONAL",
    "ADMIN_DOC_BROADCAST_STATUS",
    "ADMIN_DOC_BROADCAST_STATUS_OK",
    "ADMIN_DOC_CONTENT_DATE",
    "ADMIN_DOC_CONTENT_DELETE",
    "ADMIN_DOC_CONTENT_DELETE_OK",
    "ADMIN_DOC_CONTENT_ITEM_ID",
    "ADMIN_DOC_CONTENT_LIST",
    "ADMIN_DOC_CONTENT_LIST_OK",
    "ADMIN_DOC_CONTENT_PUT",
    "ADMIN_DOC_CONTENT_PUT_OK",
    "ADMIN_DOC_CONTENT_UNIT_ID",
    "ADMIN_DOC_DAY",
    "ADMIN_DOC_FAQ_BODY",
    "ADMIN_DOC_FAQ_LIST",
    "ADMIN_DOC_FAQ_PUBLISH",
    "ADMIN_DOC_FAQ_ROLLBACK",
    "ADMIN_DOC_FAQ_VERSIONS_ORDER",
    "ADMIN_DOC_FOLLOWERS_SYNC",
    "ADMIN_DOC_FOLLOWERS_SYNC_OK",
    "ADMIN_DOC_OA_CONNECT",
    "ADMIN_DOC_OA_CONNECT_OK",
    "ADMIN_DOC_OA_IMPORT",
    "ADMIN_DOC_OA_IMPORT_OK",
    "ADMIN_DOC_OA_STATUS",
    "ADMIN_DOC_OA_STATUS_OK",
    "ADMIN_DOC_OFFICERS_LIST",
    "ADMIN_DOC_OFFICERS_LIST_OK",
    "ADMIN_DOC_OFFICER_DELETE",
    "ADMIN_DOC_OFFICER_DELETE_OK",
    "ADMIN_DOC_OFFICER_PUT",
    "ADMIN_DOC_OFFICER_PUT_OK",
    "ADMIN_DOC_OFFICER_UNIT_ID",
    "ADMIN_DOC_OFFICER_USER_ID",
    "ADMIN_DOC_QUESTIONS_LIST",
    "ADMIN_DOC_QUESTIONS_LIST_OK",
    "ADMIN_DOC_QUESTION_ANSWER",
    "ADMIN_DOC_QUESTION_ANSWER_DETAIL",
    "ADMIN_DOC_QUESTION_ANSWER_OK",
    "ADMIN_DOC_QUESTION_CODE",
    "ADMIN_DOC_REFUSALS",
    "ADMIN_DOC_STATS",
    "ADMIN_DOC_TIPS_CSV",
    "ADMIN_DOC_TIPS_EXPORT",
    "ADMIN_DOC_TIPS_EXPORT_DETAIL",
    "ADMIN_DOC_TIPS_EXPORT_FROM",
    "ADMIN_DOC_TIPS_EXPORT_TO",
    "ADMIN_DOC_TIPS_LIST",
    "ADMIN_DOC_TIPS_LIST_DETAIL",
    "ADMIN_DOC_TIPS_LIST_OK",
    "ADMIN_DOC_TIPS_URGENT",
    "ADMIN_DOC_TIP_CODE",
    "ADMIN_DOC_TIP_GET",
    "ADMIN_DOC_TIP_GET_DETAIL",
    "ADMIN_DOC_TIP_GET_OK",
    "ADMIN_DOC_TIP_IDEMPOTENCY_KEY",
    "ADMIN_DOC_TIP_NOTE",
    "ADMIN_DOC_TIP_NOTE_OK",
    "ADMIN_DOC_TIP_REPLY",
    "ADMIN_DOC_TIP_REPLY_OK",
    "ADMIN_DOC_TIP_STATUS",
    "ADMIN_DOC_TIP_STATUS_DETAIL",
    "ADMIN_DOC_TIP_STATUS_OK",
    "ADMIN_DOC_TIP_TRANSFER",
    "ADMIN_DOC_TIP_TRANSFER_OK",
    "ADMIN_DOC_UNITS",
    "ADMIN_DOC_UNITS_IMPORT",
    "ADMIN_DOC_UNITS_IMPORT_OK",
    "ADMIN_DOC_ZALO_DOCTOR",
    "ADMIN_DOC_ZALO_DOCTOR_OK",
    "ADMIN_DOC_ZALO_FORM_IMAGE",
    "ADMIN_DOC_ZALO_FORM_IMAGE_OK",
    "ADMIN_FAQ_STORE_MISSING",
    "ADMIN_FOLLOWERS_NO_OA",
    "ADMIN_IAM_REQUIRED",
    "ADMIN_INVALID_REQUEST",
    "ADMIN_INVALID_TOKEN",
    "ADMIN_MISSING_TOKEN",
    "ADMIN_NO_SUCH_ROUTE",
    "ADMIN_OFFICER_NOT_FOUND",
    "ADMIN_OPENAPI_DESCRIPTION",
    "ADMIN_OPENAPI_TITLE",
    "ADMIN_QUESTION_NOT_FOUND",
    "ADMIN_RELAY_FAILED",
    "ADMIN_STATS_BAD_RANGE",
    "ADMIN_STATS_MISSING",
    "ADMIN_TIP_CONCURRENT",
    "ADMIN_TIP_EXPORT_TOO_LARGE",
    "ADMIN_TIP_NOT_FOUND",
    "ADMIN_TIP_PERIOD_INVALID",
    "ADMIN_TIP_REFUSED",
    "ADMIN_TIP_RELAY_FAILED",
    "ADMIN_UNIT_NOT_FOUND",
    "ADMIN_ZALO_BAD_PICTURE",
    "ADMIN_ZALO_NO_OA",
    "BROADCAST_ACTION_LABELS",
    "BROADCAST_AUDIENCE_LABELS",
    "BROADCAST_ERROR_AT_FORMAT",
    "BROADCAST_ERROR_AT_OR_CRON",
    "BROADCAST_ERROR_AT_PAST",
    "BROADCAST_ERROR_AUDIENCE",
    "BROADCAST_ERROR_BUTTONS_LIST",
    "BROADCAST_ERROR_BUTTON_ARGUMENT",
    "BROADCAST_ERROR_BUTTON_SHAPE",
    "BROADCAST_ERROR_BUTTON_TARGET",
    "BROADCAST_ERROR_CRON_FORMAT",
    "BROADCAST_ERROR_NOTICE_ID",
    "BROADCAST_ERROR_NOT_HTTPS",
    "BROADCAST_ERROR_NOT_TEXT",
    "BROADCAST_ERROR_NO_NOTICE",
    "BROADCAST_ERROR_NO_OA",
    "BROADCAST_ERROR_NO_UNIT",
    "BROADCAST_ERROR_REQUIRED",
    "BROADCAST_ERROR_TOO_LONG",
    "BROADCAST_ERROR_TOO_MANY_BUTTONS",
    "BROADCAST_ERROR_TRANSITION",
    "BROADCAST_REASON_LABELS",
    "BROADCAST_STATUS_LABELS",
    "CLI_DESCRIPTION",
    "CLI_FAQ_ANY_UNIT",
    "CLI_HELP_ADMIN",
    "CLI_HELP_ADMIN_OPENAPI",
    "CLI_HELP_ADMIN_OPENAPI_OUTPUT",
    "CLI_HELP_ADMIN_OPENAPI_WRITE",
    "CLI_HELP_API",
    "CLI_HELP_BROADCAST",
    "CLI_HELP_BROADCAST_ACTIONS",
    "CLI_HELP_BROADCAST_AT",
    "CLI_HELP_BROADCAST_CREATE",
    "CLI_HELP_BROADCAST_CRON",
    "CLI_HELP_BROADCAST_DESCENDANTS",
    "CLI_HELP_BROADCAST_LIST",
    "CLI_HELP_BROADCAST_NOTICE",
    "CLI_HELP_BROADCAST_NOT_PROMOTIONAL",
    "CLI_HELP_BROADCAST_STATUS",
    "CLI_HELP_CONTENT",
    "CLI_HELP_CONTENT_FIELD",
    "CLI_HELP_CONTENT_IMPORT",
    "CLI_HELP_CONTENT_LIST",
    "CLI_HELP_CONTENT_REMOVE",
    "CLI_HELP_CONTENT_SET",
    "CLI_HELP_DESCENDANTS",
    "CLI_HELP_DRY_RUN",
    "CLI_HELP_FAQ",
    "CLI_HELP_FAQ_ASK",
    "CLI_HELP_FAQ_BATCH",
    "CLI_HELP_FAQ_CATALOGUE",
    "CLI_HELP_FAQ_CHECK",
    "CLI_HELP_FAQ_CHECK_TODAY",
    "CLI_HELP_FAQ_COMPILE",
    "CLI_HELP_FAQ_EVAL",
    "CLI_HELP_FAQ_EVAL_FILE",
    "CLI_HELP_FAQ_EVAL_JSON",
    "CLI_HELP_FAQ_EVAL_SPLIT",
    "CLI_HELP_FAQ_JSON",
    "CLI_HELP_FAQ_PUBLISH",
    "CLI_HELP_FAQ_PUBLISH_DRY_RUN",
    "CLI_HELP_FAQ_QUESTION",
    "CLI_HELP_FAQ_REVIEW",
    "CLI_HELP_FAQ_REVIEW_HTML",
    "CLI_HELP_FAQ_ROLLBACK",
    "CLI_HELP_FAQ_SEED_DIR",
    "CLI_HELP_FAQ_UNIT",
    "CLI_HELP_FAQ_VERSIONS",
    "CLI_HELP_FLYER",
    "CLI_HELP_FLYER_ALL",
    "CLI_HELP_FLYER_OUTPUT",
    "CLI_HELP_FLYER_SIZE",
    "CLI_HELP_FLYER_UNIT",
    "CLI_HELP_FLYER_UNITS_FILE",
    "CLI_HELP_FOLLOWERS",
    "CLI_HELP_FOLLOWERS_SYNC",
    "CLI_HELP_JSON",
    "CLI_HELP_LOCAL",
    "CLI_HELP_LOCAL_BASE_URL",
    "CLI_HELP_LOCAL_CHAT",
    "CLI_HELP_LOCAL_CHAT_UNIT",
    "CLI_HELP_LOCAL_RUN",
    "CLI_HELP_LOCAL_USER",
    "CLI_HELP_OA",
    "CLI_HELP_OA_CONNECT",
    "CLI_HELP_OA_IMPORT",
    "CLI_HELP_OA_STATUS",
    "CLI_HELP_OA_UNIT",
    "CLI_HELP_OFFICERS",
    "CLI_HELP_OFFICERS_IMPORT",
    "CLI_HELP_OFFICERS_LIST",
    "CLI_HELP_OFFICERS_REMOVE",
    "CLI_HELP_OFFICERS_SET",
    "CLI_HELP_OFFICER_ALERTS",
    "CLI_HELP_OFFICER_INACTIVE",
    "CLI_HELP_OFFICER_SHIFT",
    "CLI_HELP_OFFICER_USER_ID",
    "CLI_HELP_ONLY_UNIT",
    "CLI_HELP_QUESTIONS",
    "CLI_HELP_QUESTIONS_ANSWER",
    "CLI_HELP_QUESTIONS_LIST",
    "CLI_HELP_QUESTIONS_STATUS",
    "CLI_HELP_QUESTION_AS",
    "CLI_HELP_QUESTION_CODE",
    "CLI_HELP_QUESTION_TEXT",
    "CLI_HELP_STATS",
    "CLI_HELP_STATS_DESCENDANTS",
    "CLI_HELP_TIPS",
    "CLI_HELP_TIPS_EXPORT",
    "CLI_HELP_TIPS_FROM",
    "CLI_HELP_TIPS_LIST",
    "CLI_HELP_TIPS_NOTE",
    "CLI_HELP_TIPS_ONLY_UNIT",
    "CLI_HELP_TIPS_OUTPUT",
    "CLI_HELP_TIPS_REPLY",
    "CLI_HELP_TIPS_SHOW",
    "CLI_HELP_TIPS_STATUS",
    "CLI_HELP_TIPS_TO",
    "CLI_HELP_TIPS_TRANSFER",
    "CLI_HELP_TIPS_UPDATE",
    "CLI_HELP_TIPS_URGENT",
    "CLI_HELP_TIP_CODE",
    "CLI_HELP_TIP_RESULT",
    "CLI_HELP_UNITS",
    "CLI_HELP_UNITS_FORCE",
    "CLI_HELP_UNITS_IMPORT",
    "CLI_HELP_UNITS_INIT",
    "CLI_HELP_UNITS_LIST",
    "CLI_HELP_UNITS_OUTPUT",
    "CLI_HELP_UNITS_PROVINCE",
    "CLI_HELP_ZALO",
    "CLI_HELP_ZALO_DOCTOR",
    "CLI_HELP_ZALO_FORM_IMAGE",
    "CLI_HELP_ZALO_SEND_TEST_TO",
    "CLI_METAVAR_SHIFT",
    "DOCTOR_FORM_IMAGE_SAVED",
    "DOCTOR_FORM_SUBTITLE",
    "DOCTOR_FORM_TITLE",
    "DOCTOR_HEADER",
    "DOCTOR_IMAGE_CAPTION",
    "DOCTOR_KIND",
    "DOCTOR_LINE",
    "DOCTOR_MENU_MODE",
    "DOCTOR_MENU_SUBTITLE",
    "DOCTOR_MENU_TITLE",
    "DOCTOR_STATUS",
    "DOCTOR_TEXT",
    "FAQ_BATCH_WITH_QUESTION",
    "FAQ_CHECK_ANSWER_TOO_LONG",
    "FAQ_CHECK_DETAILS_TOO_LONG",
    "FAQ_CHECK_DUPLICATE_ID",
    "FAQ_CHECK_DUPLICATE_QUESTIONS",
    "FAQ_CHECK_EMPTY_ANSWER",
    "FAQ_CHECK_FACT_EXPIRED",
    "FAQ_CHECK_FACT_EXPIRING",
    "FAQ_CHECK_FACT_FIELDS",
    "FAQ_CHECK_FACT_PERIOD",
    "FAQ_CHECK_FAILED",
    "FAQ_CHECK_FEW_QUESTIONS",
    "FAQ_CHECK_GROUP_NOT_IN_CATALOGUE",
    "FAQ_CHECK_ID_IN_OTHER_GROUP",
    "FAQ_CHECK_ID_NOT_IN_CATALOGUE",
    "FAQ_CHECK_LINK_NOT_HTTPS",
    "FAQ_CHECK_MISSING_ENTRY",
    "FAQ_CHECK_MISSING_GROUP_FILE",
    "FAQ_CHECK_NOT_VIETNAMESE",
    "FAQ_CHECK_NO_DETAILS",
    "FAQ_CHECK_NO_KEYWORDS",
    "FAQ_CHECK_NO_SOURCES",
    "FAQ_CHECK_NO_VALIDATION",
    "FAQ_CHECK_NO_VERIFIED_ON",
    "FAQ_CHECK_OK",
    "FAQ_CHECK_OUT_OF_SCOPE_ID",
    "FAQ_CHECK_OVERRIDE_ANSWER_TOO_LONG",
    "FAQ_CHECK_OVERRIDE_BLOCK",
    "FAQ_CHECK_OVERRIDE_FIELD",
    "FAQ_CHECK_OVERRIDE_KEYS",
    "FAQ_CHECK_OVERRIDE_TOO_LONG",
    "FAQ_CHECK_OVERRIDE_UNIT_ID",
    "FAQ_CHECK_OVERRIDE_UNKNOWN_ID",
    "FAQ_CHECK_PENDING_REVIEW",
    "FAQ_CHECK_RELATED_SELF",
    "FAQ_CHECK_RELATED_UNKNOWN",
    "FAQ_CHECK_SOURCE_FIELDS",
    "FAQ_CHECK_TODAY_INVALID",
    "FAQ_CHECK_UPDATED_FORMAT",
    "FAQ_CHECK_UPDATED_FUTURE",
    "FAQ_CHECK_UPDATED_REPLACED",
    "FAQ_CHECK_UPDATED_TOO_OLD",
    "FAQ_CHECK_WARNINGS",
    "FAQ_COMPILED_BAD_FORMAT",
    "FAQ_COMPILED_NOTICE",
    "FAQ_COMPILED_UNREADABLE",
    "FAQ_COMPILE_DONE",
    "FAQ_COMPILE_REFUSED",
    "FAQ_EMPTY_QUESTION",
    "FAQ_EVAL_FILE_ERROR",
    "FAQ_EVAL_NEEDS_INPUT",
    "FAQ_NO_VERSIONS",
    "FAQ_PENDING_REVIEW_NOTE",
    "FAQ_PUBLISHED",
    "FAQ_PUBLISH_API_ERROR",
    "FAQ_PUBLISH_DRY_RUN",
    "FAQ_PUBLISH_INVALID",
    "FAQ_PUBLISH_REFUSED",
    "FAQ_REFUSAL",
    "FAQ_REVIEW_CONTENTS",
    "FAQ_REVIEW_DETAILS",
    "FAQ_REVIEW_FACT",
    "FAQ_REVIEW_FIRST_MESSAGE",
    "FAQ_REVIEW_MADE_ON",
    "FAQ_REVIEW_NOTES",
    "FAQ_REVIEW_PERIOD_FACTS",
    "FAQ_REVIEW_SIGNOFF",
    "FAQ_REVIEW_SOURCE",
    "FAQ_REVIEW_SOURCES",
    "FAQ_REVIEW_SUMMARY",
    "FAQ_REVIEW_TITLE",
    "FAQ_REVIEW_UNTIL",
    "FAQ_REVIEW_VERIFIED_ON",
    "FAQ_REVIEW_WRITTEN",
    "FAQ_ROLLBACK_NOTHING",
    "FAQ_ROLLED_BACK",
    "FAQ_SOURCE_CATALOGUE_INVALID",
    "FAQ_SOURCE_ENTRY_SHAPE",
    "FAQ_SOURCE_GROUP_KEYS",
    "FAQ_SOURCE_JSON_INVALID",
    "FAQ_SOURCE_JSON_SHAPE",
    "FAQ_SOURCE_LINKS_SHAPE",
    "FAQ_SOURCE_LIST",
    "FAQ_SOURCE_MAPPING_LIST",
    "FAQ_SOURCE_MISSING_FIELDS",
    "FAQ_SOURCE_NO_DIRECTORY",
    "FAQ_SOURCE_OVERRIDE_SHAPE",
    "FAQ_SOURCE_STRING_LIST",
    "FAQ_SOURCE_VALIDATION_LINE",
    "FAQ_SOURCE_YAML_INVALID",
    "FAQ_UNKNOWN_UNIT",
    "FLYER_BAD_FORMAT",
    "FLYER_BAD_SIZE",
    "FLYER_NO_OA",
    "FLYER_SKIPPED_NO_OA",
    "FLYER_UNITS_UNAVAILABLE",
    "FLYER_UNKNOWN_UNIT",
    "FLYER_WRITTEN",
    "FLYER_WRITTEN_MANY",
    "OA_CLI_BAD_CSV",
    "OA_CLI_CONNECT_OPEN",
    "OA_CLI_CONNECT_REDIRECT",
    "OA_CLI_DRY_RUN",
    "OA_CLI_FILE_MISSING",
    "OA_CLI_HEALTHY",
    "OA_CLI_IMPORTED",
    "OA_CLI_SUMMARY",
    "OA_CLI_UNHEALTHY",
    "OA_CONNECT_NO_HOST",
    "OA_CONNECT_NO_OA",
    "OA_CONSENT_DONE",
    "OA_CONSENT_DONE_TITLE",
    "OA_CONSENT_FAILED_TITLE",
    "OA_CONSENT_MISSING",
    "OA_CONSENT_UNKNOWN_STATE",
    "OA_CONSENT_WRONG_OA",
    "OA_CONSENT_ZALO_DOWN",
    "OA_CONSENT_ZALO_REFUSED",
    "OA_IMPORT_REFUSED",
    "OA_NOT_CONFIGURED",
    "STATS_LABELS",
    "TIP_CSV_HEADER",
    "TIP_CSV_NO",
    "TIP_CSV_NOTICE_HEADER",
    "TIP_CSV_YES",
    "UNITS_CLI_IMPORTED_API",
    "UNITS_CLI_INIT_AMBIGUOUS",
    "UNITS_CLI_INIT_EXISTS",
    "UNITS_CLI_INIT_NO_PACKAGE",
    "UNITS_CLI_INIT_UNKNOWN",
    "UNITS_CLI_INIT_WRITTEN",
    "UNITS_FILE_MISSING",
    "UNITS_INIT_HEADER",
    "UNITS_INVALID",
    "UNITS_VALID",
    "UNKNOWN_UNIT",
]

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
STATS_LABELS.update(
    {
        "followers_total": "Tổng số người quan tâm",
        "broadcasts_reached_consultation": "Thông báo Zalo nhận gửi: tin tư vấn",
        "broadcasts_reached_article": "Thông báo Zalo nhận gửi: bài viết tới mọi người quan tâm",
    }
)
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

__all__ += [
    "ADMIN_CLI_BROADCAST_CHANNELS",
    "ADMIN_CLI_BROADCAST_HELD",
    "ADMIN_CLI_BROADCAST_QUOTA_WARNING",
    "ADMIN_DOC_UNITS_MERGE",
    "ADMIN_DOC_UNITS_MERGE_OK",
    "ADMIN_DOC_UNITS_RENAME",
    "ADMIN_DOC_ZALO_QUOTA",
    "ADMIN_DOC_ZALO_QUOTA_OK",
    "ADMIN_DOC_ZALO_QUOTA_SET",
    "ADMIN_UNIT_MERGE_INTERRUPTED",
    "CLI_HELP_UNITS_MERGE",
    "CLI_HELP_UNITS_MERGE_FROM",
    "CLI_HELP_UNITS_MERGE_INTO",
    "CLI_HELP_UNITS_MERGE_MOVE",
    "CLI_HELP_UNITS_MERGE_RESUME",
    "CLI_HELP_UNITS_MERGE_SUGGEST",
    "CLI_HELP_UNITS_RENAME",
    "CLI_HELP_UNITS_RENAME_CODE",
    "CLI_HELP_UNITS_RENAME_NAME",
    "CLI_HELP_UNITS_RENAME_UNIT",
    "CLI_HELP_ZALO_QUOTA",
    "CLI_HELP_ZALO_QUOTA_PER_MONTH",
    "DOCTOR_KIND_ARTICLE_QUOTA",
    "UNITS_CLI_MERGE_DONE",
    "UNITS_CLI_MERGE_NEEDS",
    "UNITS_CLI_MERGE_PLAN",
    "UNITS_CLI_MERGE_PLAN_LINE",
    "UNITS_CLI_MERGE_STEPS",
    "UNITS_CLI_MERGE_STOPPED",
    "UNITS_CLI_RENAMED",
    "UNITS_CLI_SUGGEST_HEADER",
    "UNITS_CLI_SUGGEST_LINE",
    "UNITS_CLI_SUGGEST_NONE",
    "UNITS_CLI_SUGGEST_NO_TARGET",
    "UNITS_CLI_SUGGEST_PARTLY",
    "UNIT_HISTORY_MERGED_FROM",
    "UNIT_HISTORY_MERGED_INTO",
    "UNIT_HISTORY_RENAMED",
    "UNIT_MERGE_ALREADY_MERGED",
    "UNIT_MERGE_HAS_CHILDREN",
    "UNIT_MERGE_INTO_OWN_SUBTREE",
    "UNIT_MERGE_NOTHING_TO_RESUME",
    "UNIT_MERGE_NO_OA",
    "UNIT_MERGE_SAME",
    "UNIT_MERGE_STARTED_BEFORE",
    "UNIT_MERGE_TARGET_HAS_OA",
    "UNIT_MERGE_TARGET_MERGED",
    "UNIT_MERGE_TIP_AUDIT",
    "UNIT_MERGE_UNKNOWN",
    "UNIT_MERGE_UNKNOWN_PART",
    "UNIT_RENAME_EMPTY",
    "ZALO_QUOTA_EXHAUSTED",
    "ZALO_QUOTA_LINE",
    "ZALO_QUOTA_SOURCE",
]
__all__ += ["UNIT_MERGE_PART_LABELS"]
