"""Carry the dialogue's replies over the Zalo OA client (consultation messages)."""

from __future__ import annotations

from anninh.conversation.replies import Button, ButtonsReply, Reply, RequestInfoReply, TextReply
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
    def __init__(self, client: ZaloClient, *, request_info_image_url: str = ""):
        self._client = client
        self._request_info_image_url = request_info_image_url

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
                image_url=reply.image_url or self._request_info_image_url,
            )
        else:  # pragma: no cover - Reply is a closed union
            raise TypeError(f"unsupported reply {type(reply).__name__}")
