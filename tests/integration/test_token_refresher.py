"""The scheduled token refresher (functions/tokens) as Lambda runs it: built from template.yaml on moto, OAuth
over real HTTP to FakeZalo. One OA failing fails the run (so it is alarmed and retried), after every due OA
was tried."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from anninh.store.tokens import DynamoTokenRepository
from localrun.lambda_runtime import InvocationError

OAUTH = "/v4/oa/access_token"


@pytest.fixture(autouse=True)
def record_key(stack, monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests seal token pairs as the functions do: with the stack's record key."""
    monkeypatch.setenv(
        "RECORD_KEY_ID", stack.functions["TokensFunction"].runtime_environment["RECORD_KEY_ID"]
    )


def _due(stack, oa_id: str, refresh_token: str | None = None) -> str:
    """Give ``oa_id`` an access token expiring within the hour; returns its refresh token."""
    pair = stack.zalo.issue_token(oa_id)
    now = datetime.now(UTC)
    refresh = refresh_token or pair["refresh_token"]
    DynamoTokenRepository().put(oa_id, pair["access_token"], refresh, now + timedelta(minutes=30), now)
    return refresh


def _oa_ids(stack) -> list[str]:
    return [unit.oa_id for unit in stack.units.values() if unit.oa_id]


def test_one_failed_oa_fails_the_run_after_the_others_are_refreshed(stack) -> None:
    good, bad = _oa_ids(stack)[:2]
    good_refresh = _due(stack, good)
    _due(stack, bad, refresh_token="spent-refresh-token")  # Zalo answers -14020: the OA needs new consent
    tokens = stack.functions["TokensFunction"]

    with pytest.raises(InvocationError, match="TokenRefreshFailed"):
        tokens.invoke({})

    repository = DynamoTokenRepository()
    refreshed = repository.get(good)
    assert refreshed is not None and refreshed.refresh_token != good_refresh  # the good OA was not held back
    assert refreshed.expires_at > datetime.now(UTC) + timedelta(hours=6)
    failed = repository.get(bad)
    assert failed is not None and failed.refresh_token == "spent-refresh-token" and failed.lock_owner is None
    refresh_calls = [c for c in stack.zalo.calls() if c["endpoint"] == OAUTH]
    assert len(refresh_calls) == 2  # both due OAs were tried, each once

    # Once the OA is connected again the next run succeeds and reports it refreshed.
    _due(stack, bad)
    answer = tokens.invoke({})
    assert answer == {"refreshed": [bad], "failed": {}}


def test_a_run_with_nothing_failing_succeeds(stack) -> None:
    oa_id = _oa_ids(stack)[0]
    _due(stack, oa_id)
    assert stack.functions["TokensFunction"].invoke({}) == {"refreshed": [oa_id], "failed": {}}
    assert stack.functions["TokensFunction"].invoke({}) == {"refreshed": [], "failed": {}}  # nothing due
