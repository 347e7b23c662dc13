"""Carry the dialogue's replies over the Zalo OA client (consultation messages)."""

from __future__ import annotations

from anninh.messaging.replies import Button, ButtonsReply, Reply, RequestInfoReply, TextReply
from anninh.settings import DEFAULT_REQUEST_INFO_IMAGE_URL
from anninh.zalo.client import Button as ZaloButton
from anninh.zalo.client import ZaloClient


def zalo_button(button: Button) -> ZaloButton:
    if button.kind == "phone":
        return ZaloButton.phone(button.title, button.value)
    if button.kind == "url":
        return ZaloButton.url(button.title, button.value)
    # Hidden query: the payload comes back as a user_send_text the citizen does not see typed.
    return ZaloButton.query(button.title, button.value, hidden=True)


class ZaloReplySender:
    """Menus go as Zalo templates or numbered text (the client decides per OA, falling back in the same turn
    when Zalo refuses a template); the contact form always carries a picture: the reply's own, else the
    unit's (``anninh zalo form-image``), else the deployment's ``RequestInfoImageUrl``
    (docs/zalo-platform.md §1)."""

    def __init__(self, client: ZaloClient, *, request_info_image_url: str = DEFAULT_REQUEST_INFO_IMAGE_URL):
        self._client = client
        self._request_info_image_url = request_info_image_url or DEFAULT_REQUEST_INFO_IMAGE_URL

    def form_image_url(self, oa_id: str, own: str | None = None) -> str:
        return own or self._client.menu_memory.form_image_url(oa_id) or self._request_info_image_url

    def send(self, oa_id: str, user_id: str, reply: Reply) -> None:
        if isinstance(reply, TextReply):
            self._client.send_text(oa_id, user_id, reply.text)
        elif isinstance(reply, ButtonsReply):
            self._client.send_buttons(oa_id, user_id, reply.text, [zalo_button(b) for b in reply.buttons])
        elif isinstance(reply, RequestInfoReply):
            self._client.request_user_info(
                oa_id,
                user_id,
                title=reply.title,
                subtitle=reply.subtitle,
                image_url=self.form_image_url(oa_id, reply.image_url),
            )
        else:  # pragma: no cover - Reply is a closed union
            raise TypeError(f"unsupported reply {type(reply).__name__}")
