"""How a broadcast's content goes to one person over the consultation API (one message when possible)."""

from __future__ import annotations

from typing import Protocol

from anninh import texts
from anninh.broadcasts.model import BroadcastContent, is_article_recipient
from anninh.settings import DEFAULT_REQUEST_INFO_IMAGE_URL
from anninh.zalo.client import Button, MenuSent, SentMessage


class ContentSender(Protocol):
    def send_text(self, oa_id: str, user_id: str, text: str) -> list[SentMessage]: ...
    def send_image(self, oa_id: str, user_id: str, *, url: str, caption: str | None) -> SentMessage: ...
    def send_buttons(self, oa_id: str, user_id: str, text: str, buttons: list[Button]) -> MenuSent: ...
    def publish_article(
        self,
        oa_id: str,
        *,
        title: str,
        text: str,
        cover_url: str,
        author: str,
        image_url: str | None = None,
        link: str | None = None,
    ) -> SentMessage: ...


def buttons_of(content: BroadcastContent) -> list[Button]:
    buttons = [Button.url(texts.BROADCAST_LINK_BUTTON, content.link)] if content.link else []
    for b in content.buttons:
        buttons.append(
            Button.url(b.title, b.url) if b.url else Button.query(b.title, b.payload or "", hidden=True)
        )
    return buttons


def send_content(
    client: ContentSender, oa_id: str, user_id: str, content: BroadcastContent, prefix: str = ""
) -> str:
    """Send and return the Zalo message id of the first message (the one receipts are joined on).

    Text only: one text. Image without buttons: the image with the text as its caption. Buttons (or a
    link): the text with its buttons, after the image when there is one.
    """
    text = prefix + content.text
    if is_article_recipient(user_id):
        return send_article(client, oa_id, content)
    buttons = buttons_of(content)
    if not buttons:
        if content.image_url:
            return client.send_image(oa_id, user_id, url=content.image_url, caption=text).message_id
        return client.send_text(oa_id, user_id, text)[0].message_id
    first = None
    if content.image_url:
        first = client.send_image(oa_id, user_id, url=content.image_url, caption=None).message_id
    menu = client.send_buttons(oa_id, user_id, text, buttons)
    return first or menu.messages[0].message_id


def send_article(client: ContentSender, oa_id: str, content: BroadcastContent) -> str:
    """The "all" audience: the content as an article broadcast to every follower (docs/zalo-platform.md §4).
    Title: the text's first line; cover: the broadcast's picture, else the default form picture; buttons
    cannot ride on an article, so their links (and the broadcast's link) are listed in it."""
    first_line = content.text.strip().splitlines()[0]
    links = [content.link] if content.link else []
    links += [b.url for b in content.buttons if b.url]
    sent = client.publish_article(
        oa_id,
        title=first_line,
        text=content.text,
        cover_url=content.image_url or DEFAULT_REQUEST_INFO_IMAGE_URL,
        author=texts.BROADCAST_ARTICLE_AUTHOR,
        image_url=content.image_url,
        link="\n".join(links) or None,
    )
    return sent.message_id
