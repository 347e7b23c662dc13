"""The reply sender maps replies onto the Zalo client's calls; the contact form always has a picture: the
reply's, else the unit's, else the deployment's setting, else Zalo's own example picture."""

from datetime import UTC, datetime

from anninh.conversation.zalo_sender import ZaloReplySender
from anninh.messaging.replies import RequestInfoReply, TextReply
from anninh.settings import DEFAULT_REQUEST_INFO_IMAGE_URL
from anninh.zalo.capabilities import InMemoryCapabilityRepository, MenuMemory


class RecordingClient:
    def __init__(self) -> None:
        self.calls: list[tuple[str, str, str, dict[str, str]]] = []
        self.capabilities = InMemoryCapabilityRepository()
        self.menu_memory = MenuMemory(self.capabilities)

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


def test_without_a_setting_zalos_example_picture_is_sent():
    client = RecordingClient()
    ZaloReplySender(client, request_info_image_url="").send("200", "u", RequestInfoReply("Liên hệ", "x"))  # type: ignore[arg-type]
    assert client.calls == [
        ("form", "200", "u", {"title": "Liên hệ", "image_url": DEFAULT_REQUEST_INFO_IMAGE_URL})
    ]
    assert DEFAULT_REQUEST_INFO_IMAGE_URL.startswith("https://")


def test_a_units_own_picture_wins_over_the_setting():
    client = RecordingClient()
    from dataclasses import replace

    from anninh.zalo.capabilities import OaCapabilities

    client.capabilities.items["200"] = replace(
        OaCapabilities("200", checked_at=datetime.now(UTC)), form_image_url="https://unit.example.vn/p.png"
    )
    sender = ZaloReplySender(client, request_info_image_url="https://cdn.example.vn/form.png")  # type: ignore[arg-type]
    sender.send("200", "u", RequestInfoReply(title="Liên hệ", subtitle="x"))
    sender.send("300", "u", RequestInfoReply(title="Liên hệ", subtitle="x"))
    assert [c[3]["image_url"] for c in client.calls] == [
        "https://unit.example.vn/p.png",
        "https://cdn.example.vn/form.png",
    ]
