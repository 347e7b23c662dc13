"""In-memory broadcasts, results and a fake Zalo content sender for the broadcast tests and bench."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime

from anninh.broadcasts.model import Broadcast
from anninh.broadcasts.ports import CLAIMED, Outcome, ResultRow
from anninh.zalo.client import Button, MenuSent, SentMessage


class MemoryBroadcasts:
    def __init__(self) -> None:
        self.items: dict[str, Broadcast] = {}

    def save(self, broadcast: Broadcast) -> None:
        self.items[broadcast.broadcast_id] = broadcast

    def get(self, broadcast_id: str) -> Broadcast | None:
        return self.items.get(broadcast_id)

    def all(self) -> list[Broadcast]:
        return list(self.items.values())

    def set_status(self, broadcast_id: str, status: str, at: datetime) -> None:
        self.items[broadcast_id] = self.items[broadcast_id].with_status(status, at)

    def start_run(self, broadcast_id: str, run_id: str, queued: int, status: str, at: datetime) -> None:
        b = self.items[broadcast_id]
        self.items[broadcast_id] = replace(
            b, runs={**b.runs, run_id: queued}, last_run_id=run_id, status=status
        )


@dataclass
class MemoryResults:
    rows: dict[tuple[str, str], dict[str, object]] = field(default_factory=dict)

    def claim(self, run: str, user_id: str, claim: str, at: datetime) -> bool:
        if (run, user_id) in self.rows:
            return False
        self.rows[(run, user_id)] = {"status": CLAIMED, "claim": claim, "updated_at": at}
        return True

    def release(self, run: str, user_id: str, claim: str) -> None:
        row = self.rows.get((run, user_id))
        if row and row["status"] == CLAIMED and row["claim"] == claim:
            del self.rows[(run, user_id)]

    def finish(self, run: str, user_id: str, claim: str, outcome: Outcome, at: datetime) -> None:
        row = self.rows[(run, user_id)]
        assert row["claim"] == claim
        self._final(row, outcome, at)

    @staticmethod
    def _final(row: dict[str, object], outcome: Outcome, at: datetime) -> None:
        row.update(
            status=outcome.status,
            message_id=outcome.message_id,
            code=outcome.code,
            reason=outcome.reason,
            updated_at=at,
        )

    def get(self, run: str, user_id: str) -> ResultRow | None:
        row = self.rows.get((run, user_id))
        if row is None:
            return None
        updated_at = row["updated_at"]
        assert isinstance(updated_at, datetime)
        return ResultRow(str(row["status"]), str(row["claim"]) if row.get("claim") else None, updated_at)

    def resolve_claim(self, run: str, user_id: str, claim: str, outcome: Outcome, at: datetime) -> bool:
        row = self.rows.get((run, user_id))
        if row is None or row["status"] != CLAIMED or row["claim"] != claim:
            return False
        self._final(row, outcome, at)
        return True

    def settle(self, run: str, user_id: str, outcome: Outcome, at: datetime) -> bool:
        if (run, user_id) in self.rows:
            return False
        self.rows[(run, user_id)] = {"claim": None}
        self._final(self.rows[(run, user_id)], outcome, at)
        return True

    def counts(self, run: str) -> Counter[str]:
        return Counter(str(r["status"]) for (k, _), r in self.rows.items() if k == run)

    def reasons(self, run: str) -> Counter[str]:
        return Counter(str(r["reason"]) for (k, _), r in self.rows.items() if k == run and r.get("reason"))

    def message_ids(self, run: str) -> list[str]:
        return [str(r["message_id"]) for (k, _), r in self.rows.items() if k == run and r.get("message_id")]


class FakeContentSender:
    """Records sends; ``errors`` maps a user id to a list of exceptions raised on its next sends."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []
        self.errors: dict[str, list[Exception]] = {}

    def _take(self, oa_id: str, user_id: str) -> SentMessage:
        queue = self.errors.get(user_id)
        if queue:
            raise queue.pop(0)
        self.sent.append((oa_id, user_id))
        return SentMessage(f"m{len(self.sent)}", user_id, "text")

    def send_text(self, oa_id: str, user_id: str, text: str) -> list[SentMessage]:
        return [self._take(oa_id, user_id)]

    def send_image(self, oa_id: str, user_id: str, *, url: str, caption: str | None) -> SentMessage:
        return self._take(oa_id, user_id)

    def send_buttons(self, oa_id: str, user_id: str, text: str, buttons: list[Button]) -> MenuSent:
        return MenuSent("list", (self._take(oa_id, user_id),))

    def publish_article(self, oa_id: str, **_article: object) -> SentMessage:
        """An article broadcast: recorded as sent to the OA's reserved article recipient."""
        return self._take(oa_id, f"article#{oa_id}")
