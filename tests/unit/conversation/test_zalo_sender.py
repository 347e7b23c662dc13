"""The reply sender maps replies onto the Zalo client's calls; the contact form's picture is a setting."""

from anninh.conversation.replies import RequestInfoReply, TextReply
from anninh.conversation.zalo_sender import ZaloReplySender


class RecordingClient:
    def __init__(self) -> None:
        self.calls: list[tuple[str, str, str, dict[str, str]]] = []

    def send_text(self, oa_id: str, user_id: str, text: str) -> None:
        self.calls.append(("text", oa_id, user_id, {"text": text}))

    def request_user_info(
        self, oa_id: str, user_id: str, *, title: str, subtitle: str, image_url: str
    ) -> None:
        self.calls.append(("form", oa_id, user_id, {"title": title, "image_url": image_url}))


def test_the_contact_form_carries_the_configured_picture_unless_the_reply_names_one():
    client = RecordingClient()
    sender = ZaloReplySender(client, request_info_image_url="https://cdn.example.vn/form.png")  # type: ignore[arg-type]
    sender.send("200", "u", RequestInfoReply(title="Liên hệ", subtitle="Chỉ cán bộ xử lý thấy"))
    sender.send("200", "u", RequestInfoReply(title="Liên hệ", subtitle="x", image_url="https://other/p.png"))
    sender.send("200", "u", TextReply("Xin chào"))
    assert [c[3].get("image_url") for c in client.calls] == [
        "https://cdn.example.vn/form.png",
        "https://other/p.png",
        None,
    ]


def test_without_a_setting_no_picture_is_sent():
    client = RecordingClient()
    ZaloReplySender(client).send("200", "u", RequestInfoReply(title="Liên hệ", subtitle="x"))  # type: ignore[arg-type]
    assert client.calls == [("form", "200", "u", {"title": "Liên hệ", "image_url": ""})]
