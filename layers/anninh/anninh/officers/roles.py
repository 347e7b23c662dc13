"""An officer's stored identifiers: the role and how they hear of new non-urgent tips.

The titles people read are keyed by them in anninh.texts.officer; imports nothing, so the texts can import it.
"""

from __future__ import annotations

from typing import Literal, get_args

Role = Literal["truc_ban", "can_bo_xu_ly", "lanh_dao"]
# At once, or in the hourly digest. Urgent tips always at once.
AlertMode = Literal["immediate", "digest"]

ROLES: tuple[Role, ...] = get_args(Role)
ALERT_MODES: tuple[AlertMode, ...] = get_args(AlertMode)
