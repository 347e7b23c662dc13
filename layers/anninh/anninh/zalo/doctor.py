"""`anninh zalo doctor`: ask a real OA's Zalo what it accepts, record it per OA, and use it.

Public API::

    run_doctor(client, oa_id, *, test_user=None, picture_url, repository, memory=None, now) -> dict

Checks, in order (docs/zalo-platform.md; README "Before launch" names the open question each answers):

1. ``token``: the OA's profile (``GET /v2.0/oa/getoa``) proves the access token works (refreshed once if not).
2. ``profile``: name, verified or not, follower count, as Zalo reports them.
3. ``quota`` (with a test recipient): the consultation quota towards that user (§3; "unknown" if refused).
   ``article_quota``: the OA's article broadcasts this month against its allowance, from our own ledger (§4:
   Zalo exposes no broadcast quota), when the caller passes it.
4. With a test recipient (an officer who wrote to the OA within 7 days), one message of each kind the product
   sends: ``text``, ``list`` (the menu template, no fallback), ``request_user_info`` (with its picture),
   ``image`` (by URL). Each is ``accepted`` or ``refused`` with Zalo's code and our handling (§6).

The menu decision is recorded per OA and used at once by every function (:class:`MenuMemory`): a refused
list → text-only menus; an accepted list → list menus (where ButtonsMode is ``list``). A check that could not
run says why (``skipped``). The whole report is saved with the OA's capabilities.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime

from anninh import texts
from anninh.zalo.capabilities import CapabilityRepository, MenuMemory
from anninh.zalo.client import Button, ListElement, ZaloClient
from anninh.zalo.errors import ZaloError

ACCEPTED = "accepted"
REFUSED = "refused"
SKIPPED = "skipped"
KINDS = ("text", "list", "request_user_info", "image")


def _refusal(error: ZaloError) -> dict[str, object]:
    return {"status": REFUSED, "code": error.code, "label": error.label, "handling": error.handling}


def _attempt(action: Callable[[], object]) -> dict[str, object]:
    try:
        action()
    except ZaloError as error:
        return _refusal(error)
    return {"status": ACCEPTED}


def run_doctor(
    client: ZaloClient,
    oa_id: str,
    *,
    test_user: str | None = None,
    picture_url: str,
    repository: CapabilityRepository,
    memory: MenuMemory | None = None,
    now: datetime,
    article_quota: Mapping[str, object] | None = None,
) -> dict[str, object]:
    report: dict[str, object] = {
        "oa_id": oa_id,
        "checked_at": now.isoformat(),
        "test_recipient": bool(test_user),
    }
    if article_quota is not None:
        report["article_quota"] = {"status": ACCEPTED, **article_quota}
    try:
        profile: Mapping[str, object] = client.get_oa_profile(oa_id)
    except ZaloError as error:
        report["token"] = _refusal(error)
        report["profile"] = {"status": SKIPPED}
        report["messages"] = {kind: {"status": SKIPPED} for kind in KINDS}
        report["menu_mode"] = None
        repository.save_doctor(oa_id, report, now)
        return report
    report["token"] = {"status": ACCEPTED}
    report["profile"] = {
        "status": ACCEPTED,
        "name": profile.get("name"),
        "is_verified": profile.get("is_verified"),
        "num_follower": profile.get("num_follower"),
        # The OA's package and its linked Zalo Cloud Account (billing, -320/-321), where Zalo reports them
        # (docs/zalo-platform.md §4, low confidence on the field names).
        "package_name": profile.get("package_name"),
        "package_valid_through_date": profile.get("package_valid_through_date"),
        "linked_zca": profile.get("linked_ZCA"),
    }
    if not test_user:
        report["quota"] = {"status": SKIPPED}
        report["messages"] = {kind: {"status": SKIPPED} for kind in KINDS}
        report["menu_mode"] = None
        repository.save_doctor(oa_id, report, now)
        return report

    try:
        quota = client.get_quota(oa_id, test_user)
        report["quota"] = {"status": ACCEPTED, "remain": quota.remain, "total": quota.total}
    except ZaloError as error:
        report["quota"] = _refusal(error)

    menu = [
        ListElement(
            texts.DOCTOR_MENU_TITLE,
            texts.DOCTOR_MENU_SUBTITLE,
            action=Button.query(texts.DOCTOR_MENU_TITLE, "#doctor", hidden=True),
        )
    ]
    messages = {
        "text": _attempt(lambda: client.send_text(oa_id, test_user, texts.DOCTOR_TEXT)),
        "list": _attempt(lambda: client.try_template(oa_id, test_user, menu)),
        "request_user_info": _attempt(
            lambda: client.request_user_info(
                oa_id,
                test_user,
                title=texts.DOCTOR_FORM_TITLE,
                subtitle=texts.DOCTOR_FORM_SUBTITLE,
                image_url=picture_url,
            )
        ),
        "image": _attempt(
            lambda: client.send_image(oa_id, test_user, url=picture_url, caption=texts.DOCTOR_IMAGE_CAPTION)
        ),
    }
    report["messages"] = messages
    report["picture_url"] = picture_url
    memory = memory or MenuMemory(repository)
    listed = messages["list"]
    if listed["status"] == ACCEPTED:
        memory.remember_list_ok(oa_id, "doctor")
        report["menu_mode"] = "list"
    elif messages["text"]["status"] == ACCEPTED:  # the list alone was refused: a platform answer
        memory.remember_text_only(oa_id, f"doctor:{listed.get('label')}")
        report["menu_mode"] = "text"
    else:  # nothing reached the recipient (window, token…): no conclusion about menus
        report["menu_mode"] = None
    repository.save_doctor(oa_id, report, now)
    return report
