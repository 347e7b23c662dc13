"""Every string a citizen, an officer or an administrator reads, in Vietnamese, for review; one module per
audience: :mod:`.citizen`, :mod:`.officer`, :mod:`.admin` (admin API and the `anninh` command line) and
:mod:`.local` (the local stack's citizen simulator).

Knowledge-base answers live in infra/seed/faq/ (compiled into anninh/faq/data/); everything else that is
shown to people is in these modules. Keep full diacritics. Format placeholders use str.format names; a test
checks that every call site fills them and that every text is used. ``from anninh import texts`` then
``texts.NAME`` keeps working for every text of every audience.
"""

from __future__ import annotations

from anninh.texts import admin, citizen, local, officer
from anninh.texts.admin import *  # noqa: F403
from anninh.texts.citizen import *  # noqa: F403
from anninh.texts.local import *  # noqa: F403
from anninh.texts.officer import *  # noqa: F403

__all__ = [*citizen.__all__, *officer.__all__, *admin.__all__, *local.__all__]
