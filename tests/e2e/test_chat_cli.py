"""``anninh local chat``'s session against the running stack: commands become events, replies are shown.
The citizen follows and writes to a unit and OA of this file's own (``local_stack.new_unit``)."""

from __future__ import annotations

import io
import time

import pytest
from anninh import texts
from localrun.commands import ChatSession

pytestmark = pytest.mark.e2e


def wait_printed(session: ChatSession, out: io.StringIO, needle: str, timeout: float = 15) -> str:
    deadline = time.monotonic() + timeout
    while needle not in out.getvalue():
        assert time.monotonic() < deadline, f"{needle!r} never printed; got {out.getvalue()!r}"
        session.print_new_replies()
        time.sleep(0.2)
    return out.getvalue()


def test_chat_session_follow_text_location_and_photo(local_stack, user_id) -> None:
    out = io.StringIO()
    unit = local_stack.new_unit("chat-cli")
    session = ChatSession(local_stack, unit, user_id, out)

    assert session.handle("/follow")
    wait_printed(session, out, texts.WELCOME.format(unit_name=unit.name).split("\n")[0])
    assert session.handle("4")  # "Liên hệ" by its number
    wait_printed(session, out, texts.CONTACT_HEADER.format(unit_name=unit.name))
    assert session.handle("/location 10.7769 106.7009 Chợ Bến Thành")
    assert session.handle("/photo ảnh hiện trường")
    printed = wait_printed(session, out, texts.ATTACHMENT_OUTSIDE_FLOW)
    assert printed.count(texts.LOCAL_CHAT_OA_PREFIX) >= 3
    assert session.handle("/location north") and texts.LOCAL_CHAT_LOCATION_USAGE in out.getvalue()
    assert session.handle("/nope") and "/nope" in out.getvalue()
    assert session.handle("/quit") is False
