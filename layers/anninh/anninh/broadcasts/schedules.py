"""EventBridge Scheduler schedules of broadcasts (created, paused, resumed, deleted by the admin API)."""

from __future__ import annotations

import contextlib
import json
from typing import Any

from anninh.broadcasts.model import VIETNAM_TZ, Broadcast

# EventBridge Scheduler's own group; a deployed stack passes its own (template SchedulesGroup), so two stacks
# in one account never see, or manage, each other's broadcast schedules.
DEFAULT_GROUP = "default"


def schedule_name(broadcast_id: str) -> str:
    return f"anninh-broadcast-{broadcast_id}"


class EventBridgeSchedules:
    def __init__(
        self,
        client: Any,
        target_arn: str,
        role_arn: str,
        *,
        group: str = DEFAULT_GROUP,
        dead_letter_arn: str | None = None,
    ) -> None:
        self.client = client
        self.target_arn = target_arn
        self.role_arn = role_arn
        self.group = group
        # Where the scheduler parks a firing it could not deliver after its retries (never silently lost).
        self.dead_letter_arn = dead_letter_arn

    def _definition(self, broadcast: Broadcast, enabled: bool) -> dict[str, Any]:
        definition: dict[str, Any] = {
            "Name": schedule_name(broadcast.broadcast_id),
            "GroupName": self.group,
            "ScheduleExpression": broadcast.schedule,
            "ScheduleExpressionTimezone": VIETNAM_TZ,
            "FlexibleTimeWindow": {"Mode": "OFF"},
            "State": "ENABLED" if enabled else "DISABLED",
            "Target": {
                "Arn": self.target_arn,
                "RoleArn": self.role_arn,
                "Input": json.dumps({"broadcast_id": broadcast.broadcast_id}),
                "RetryPolicy": {"MaximumRetryAttempts": 3},
            },
        }
        if self.dead_letter_arn:
            definition["Target"]["DeadLetterConfig"] = {"Arn": self.dead_letter_arn}
        if broadcast.one_time:
            definition["ActionAfterCompletion"] = "DELETE"
        return definition

    def create(self, broadcast: Broadcast) -> None:
        self.client.create_schedule(**self._definition(broadcast, True))

    def set_enabled(self, broadcast: Broadcast, enabled: bool) -> None:
        self.client.update_schedule(**self._definition(broadcast, enabled))

    def delete(self, broadcast_id: str) -> None:
        # An at() schedule deletes itself after firing: already gone is fine.
        with contextlib.suppress(self.client.exceptions.ResourceNotFoundException):
            self.client.delete_schedule(Name=schedule_name(broadcast_id), GroupName=self.group)
