"""A tip's reporter address and contact, stored sealed under the record key (:mod:`anninh.sealed`) and
opened only where needed: to message the reporter, or to show officers a contact."""

from __future__ import annotations

from anninh import sealed
from anninh.tips.model import Tip

CONTACT_FIELDS = ("contact_name", "contact_phone")


def reporter_address(tip: Tip) -> str:
    """The reporter's Zalo user id in clear, for messaging them (needs the record key's reporter purpose)."""
    context = sealed.tip_context(tip.tip_id, sealed.REPORTER, "reporter_user_id")
    return sealed.open_field(tip.reporter_user_id, context) or ""


def tip_contact(tip: Tip) -> tuple[str | None, str | None]:
    """A confidential or open tip's contact (name, phone) in clear, for officers."""
    name, phone = (
        sealed.open_field(getattr(tip, field), sealed.tip_context(tip.tip_id, sealed.CONTACT, field))
        for field in CONTACT_FIELDS
    )
    return name, phone
