"""A citizen's messages over the real path: signed webhook → SQS FIFO → worker → fake Zalo outbox.

The unit and its OA are this file's own (``local_stack.new_unit``, made once for the module)."""

from __future__ import annotations

import time

import pytest
from anninh import texts
from localrun.citizen import follow_event, reply_text, text_event

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("zalo_profile")]

SECTIONS = (
    texts.SECTION_NEWS,
    texts.SECTION_REPORT,
    texts.SECTION_PROCEDURES,
    texts.SECTION_CONTACT,
    texts.SECTION_PATROL,
)


@pytest.fixture(scope="module")
def unit_id(local_stack) -> str:
    return local_stack.new_unit("conversation").unit_id


def shows_menu(calls: list[dict]) -> bool:
    rendered = "\n".join(reply_text(call) for call in calls)
    return all(section in rendered for section in SECTIONS)


def calls_to(local_stack, user_id: str) -> list[dict]:
    """Every call the fake Zalo received for ``user_id`` (errors and injected faults included)."""
    return [c for c in local_stack.calls() if c.get("user_id") == user_id]


def test_follow_then_menu_shows_welcome_and_menu(local_stack, unit_id, user_id) -> None:
    unit = local_stack.unit(unit_id)
    assert local_stack.post_event(unit, follow_event(unit, user_id)).status_code == 200
    calls = local_stack.wait_for_reply(user_id, shows_menu)
    welcome = texts.WELCOME.format(unit_name=unit.name).split("\n")[0]
    assert any(welcome in reply_text(call) for call in calls)
    assert all(call["oa_id"] == unit.oa_id and call["user_id"] == user_id for call in calls)

    after_follow = len(calls)
    assert local_stack.send(unit, user_id, "menu").status_code == 200
    calls = local_stack.wait_for_reply(
        user_id, lambda cs: len(cs) > after_follow and shows_menu(cs[after_follow:])
    )
    assert calls[-1]["endpoint"] == "/v3.0/oa/message/cs"


@pytest.mark.parametrize(
    "headers",
    [
        {"X-ZEvent-Signature": "mac=" + "0" * 64},
        {"X-ZEvent-Signature": ""},
    ],
    ids=["wrong", "missing"],
)
def test_bad_signature_is_refused_and_nothing_is_answered(local_stack, unit_id, user_id, headers) -> None:
    unit = local_stack.unit(unit_id)
    answer = local_stack.post_event(unit, text_event(unit, user_id, "menu"), headers=headers)
    assert answer.status_code == 401
    time.sleep(2)  # two worker polls: anything queued would have been answered by now
    assert local_stack.outbox(user_id) == []


def test_the_same_event_twice_gets_one_reply(local_stack, unit_id, user_id) -> None:
    unit = local_stack.unit(unit_id)
    reference_user = user_id + "1"
    local_stack.send(unit, reference_user, "menu")
    event = text_event(unit, user_id, "menu")
    first = local_stack.post_event(unit, event)
    second = local_stack.post_event(unit, event)
    assert (first.status_code, second.status_code) == (200, 200)
    local_stack.wait_for_reply(user_id, shows_menu)
    local_stack.wait_for_reply(reference_user, shows_menu)
    once = local_stack.settled_outbox(reference_user)
    twice = local_stack.settled_outbox(user_id)
    assert [reply_text(c) for c in twice] == [reply_text(c) for c in once]


@pytest.mark.parametrize(
    "fault", [{"error": -32, "times": 2}, {"http_status": 500, "times": 1}], ids=["rate-limit", "http-500"]
)
def test_send_path_fault_is_retried_and_replied_once(local_stack, unit_id, user_id, fault) -> None:
    unit = local_stack.unit(unit_id)
    reference_user = user_id + "2"
    local_stack.send(unit, reference_user, "menu")
    local_stack.wait_for_reply(reference_user, shows_menu)
    once = local_stack.settled_outbox(reference_user)

    local_stack.add_fault("/v3.0/oa/message/cs", user_id=user_id, **fault)
    local_stack.send(unit, user_id, "menu")
    local_stack.wait_for_reply(user_id, shows_menu, timeout=30)
    replies = local_stack.settled_outbox(user_id)
    assert [reply_text(c) for c in replies] == [reply_text(c) for c in once]
    faulted = [c for c in calls_to(local_stack, user_id) if c.get("fault") is not None]
    assert len(faulted) == fault["times"]


def test_the_menu_reaches_the_citizen_under_each_profile(local_stack, unit_id, user_id, zalo_profile) -> None:
    """Strict (docs/zalo-platform.md §8) refuses the list template with -233: the same turn falls back to
    numbered text, answerable by number; default takes the list."""
    unit = local_stack.unit(unit_id)
    local_stack.send(unit, user_id, "menu")
    calls = local_stack.wait_for_reply(user_id, shows_menu)
    accepted = [c["message"] for c in calls]
    refused = [c.get("error") for c in calls_to(local_stack, user_id) if c.get("error")]
    if zalo_profile == "strict":
        assert all("attachment" not in m for m in accepted)  # numbered text only
        menu = next(m["text"] for m in accepted if texts.SECTION_CONTACT in m["text"])
        lines = [line for line in menu.splitlines() if line[:2] in {f"{n}." for n in range(1, 6)}]
        assert len(lines) == len(SECTIONS)
        assert set(refused) <= {-233}  # refused once, then remembered as text-only
    local_stack.send(unit, user_id, "4")  # the contact section by its number
    local_stack.wait_for_reply(
        user_id,
        lambda cs: any(
            texts.SECTION_CONTACT in reply_text(c) and "113" in reply_text(c) for c in cs[len(calls) :]
        ),
    )
