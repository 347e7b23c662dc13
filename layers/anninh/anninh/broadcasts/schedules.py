"""EventBridge Scheduler schedules of broadcasts (created, paused, resumed, deleted by the admin API)."""

from __future__ import annotations

import contextlib
import json
from typing import Any

from anninh.broadcasts.model import VIETNAM_TZ, Broadcast

GROUP = "default"


def schedule_name(broadcast_id: str) -> str:
    return f"anninh-broadcast-{broadcast_id}"


class EventBridgeSchedules:
    def __init__(self, client: Any, target_arn: str, role_arn: str) -> None:
        self.client = client
        self.target_arn = target_arn
        self.role_arn = role_arn

    def _definition(self, broadcast: Broadcast, enabled: bool) -> dict[str, Any]:
        definition: dict[str, Any] = {
            "Name": schedule_name(broadcast.broadcast_id),
            "GroupName": GROUP,
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
            self.client.delete_schedule(Name=schedule_name(broadcast_id), GroupName=GROUP)
