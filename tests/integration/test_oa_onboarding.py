"""`anninh oa` on the handlers (moto, tables and functions from template.yaml, FakeZalo over HTTP):
secrets import all-or-nothing, status with a revoked OA, and the OAuth consent through the callback."""

from __future__ import annotations

import json
import time
from typing import Any
from urllib.parse import parse_qs, urlsplit

import boto3
import pytest
import requests
from localrun.lambda_runtime import InvocationError

REGION = "ap-southeast-1"
UNIT = "xa-binh-an"
NEW_OA = "4455667788990011223"
SECRET_A = "AbCdEfGh12345678xyz"
SECRET_B = "ZyXwVuTs98765432abc"


def admin(stack: Any, method: str, path: str, body: Any = None, query: dict[str, str] | None = None):
    """AdminFunction as API Gateway calls it (with the domain name a real request carries)."""
    event: dict[str, Any] = {
        "version": "2.0",
        "routeKey": f"{method} {path}",
        "rawPath": path,
        "rawQueryString": "&".join(f"{k}={v}" for k, v in (query or {}).items()),
        "headers": {"content-type": "application/json", "x-anninh-token": "anninh-local-admin-demo"},
        "requestContext": {
            "domainName": "api.example.test",
            "http": {"method": method, "path": path, "sourceIp": "127.0.0.1"},
            "requestId": f"req-{time.monotonic_ns()}",
            "stage": "$default",
        },
        "isBase64Encoded": False,
    }
    if query:
        event["queryStringParameters"] = dict(query)
    if body is not None:
        event["body"] = json.dumps(body)
    answer = stack.functions["AdminFunction"].invoke(event)
    return int(answer["statusCode"]), json.loads(answer["body"])


def status_of(stack: Any) -> dict[str, dict[str, Any]]:
    code, body = admin(stack, "GET", "/admin/oa")
    assert code == 200, body
    return {row["unit_id"]: row for row in body["oas"]}


def ssm_secrets(prefix: str = "/anninh/anninh-local/oa/") -> dict[str, str]:  # the stack's own prefix
    ssm = boto3.client("ssm", region_name=REGION)
    pages = ssm.get_paginator("get_parameters_by_path").paginate(
        Path=prefix, Recursive=True, WithDecryption=True
    )
    return {p["Name"]: p["Value"] for page in pages for p in page["Parameters"]}


def units_table(stack: Any) -> dict[str, Any]:
    code, body = admin(stack, "GET", "/admin/units")
    assert code == 200
    return {u["unit_id"]: u for u in body["units"]}


def test_seeded_oas_are_healthy(stack) -> None:
    rows = status_of(stack)
    oa_units = {u for u, seeded in stack.units.items() if seeded.oa_id}
    assert set(rows) == oa_units
    assert all(r["healthy"] and r["reason"] == "ok" and r["secret_present"] for r in rows.values())


def test_a_bad_row_changes_nothing_and_no_secret_is_echoed(stack) -> None:
    before_secrets, before_units = ssm_secrets(), units_table(stack)
    rows = [
        {"row": 2, "oa_id": NEW_OA, "unit_id": "pc02-demo", "oa_secret_key": SECRET_A},  # a good row
        {
            "row": 3,
            "oa_id": "5566778899",
            "unit_id": "xa-khong-co",
            "oa_secret_key": SECRET_B,
        },  # unknown unit
        {"row": 4, "oa_id": SECRET_B, "unit_id": "xa-hoa-lac", "oa_secret_key": SECRET_B},  # columns swapped
        {"row": 5, "oa_id": NEW_OA, "unit_id": "xa-hoa-lac", "oa_secret_key": SECRET_B},  # oa_id twice
    ]
    code, body = admin(stack, "POST", "/admin/oa/import", {"rows": rows})
    assert code == 400 and body["code"] == "invalid_rows"
    for where in ("row 3", "row 4", "row 5"):
        assert where in body["message"]
    assert SECRET_A not in json.dumps(body) and SECRET_B not in json.dumps(body)
    assert ssm_secrets() == before_secrets
    assert units_table(stack) == before_units


def test_import_writes_binds_and_is_idempotent(stack) -> None:
    rows = [{"row": 2, "oa_id": NEW_OA, "unit_id": "pc02-demo", "oa_secret_key": SECRET_A}]
    code, dry = admin(stack, "POST", "/admin/oa/import", {"rows": rows, "dry_run": True})
    assert code == 200 and dry["rows"][0]["secret"] == "new" and dry["secrets_written"] == 0
    assert f"/anninh/anninh-local/oa/{NEW_OA}/secret_key" not in ssm_secrets()

    code, done = admin(stack, "POST", "/admin/oa/import", {"rows": rows})
    assert code == 200 and done["secrets_written"] == 1 and done["units_bound"] == 1
    assert SECRET_A not in json.dumps(done)
    assert ssm_secrets()[f"/anninh/anninh-local/oa/{NEW_OA}/secret_key"] == SECRET_A
    assert units_table(stack)["pc02-demo"]["oa_id"] == NEW_OA

    code, again = admin(stack, "POST", "/admin/oa/import", {"rows": rows})
    assert code == 200 and again["rows"][0]["secret"] == "unchanged" and again["secrets_written"] == 0
    # the new OA has its secret but no token pair yet: listed, not healthy, told what to do
    row = status_of(stack)["pc02-demo"]
    assert row["healthy"] is False and row["reason"] == "not_connected" and row["secret_present"] is True


def test_a_revoked_oa_is_unhealthy_after_the_refresher_fails(stack, monkeypatch) -> None:
    oa_id = stack.units[UNIT].oa_id
    stack.zalo.revoke_oa(oa_id)  # the OA's admin withdrew the app's permission on Zalo
    monkeypatch.setenv("TOKEN_REFRESH_WITHIN_HOURS", "48")  # every seeded 25 h token is due
    stack.functions["TokensFunction"].load()
    with pytest.raises(InvocationError, match="TokenRefreshFailed"):  # the run fails loudly (alarmed)
        stack.functions["TokensFunction"].invoke({})
    rows = status_of(stack)
    assert rows[UNIT]["healthy"] is False
    assert rows[UNIT]["reason"] == "refresh_failed" and rows[UNIT]["last_refresh_ok"] is False
    healthy = [u for u, r in rows.items() if u != UNIT]
    assert healthy and all(rows[u]["healthy"] for u in healthy)


def test_consent_through_the_callback_stores_a_working_pair(stack) -> None:
    oa_id = stack.units[UNIT].oa_id
    stack.zalo.revoke_oa(oa_id)
    code, started = admin(stack, "POST", "/admin/oa/connect", {"unit_id": UNIT})
    # the API's own host (Stage=local here: plain http, as the local stack serves)
    assert code == 200 and started["redirect_uri"] == "http://api.example.test/zalo/oauth/callback"
    consent = urlsplit(started["consent_url"])
    assert consent.path == "/v4/oa/permission"
    params = {k: v[0] for k, v in parse_qs(consent.query).items()}
    assert set(params) == {"app_id", "redirect_uri", "code_challenge", "state"}
    assert params["app_id"] == stack.app_id

    # the OA's admin approves on (fake) Zalo, which redirects the browser to the callback
    approved = requests.get(started["consent_url"] + f"&oa_id={oa_id}", allow_redirects=False, timeout=5)
    assert approved.status_code == 302
    redirect = urlsplit(approved.headers["Location"])
    query = {k: v[0] for k, v in parse_qs(redirect.query).items()}
    assert query["state"] == params["state"] and query["oa_id"] == oa_id

    callback = stack.functions["OAuthCallbackFunction"]
    event = {
        "version": "2.0",
        "routeKey": "GET /zalo/oauth/callback",
        "rawPath": "/zalo/oauth/callback",
        "rawQueryString": redirect.query,
        "queryStringParameters": query,
        "headers": {},
        "requestContext": {"http": {"method": "GET", "path": "/zalo/oauth/callback"}},
        "isBase64Encoded": False,
    }
    answer = callback.invoke(event)
    assert answer["statusCode"] == 200
    assert query["code"] not in answer["body"]
    # the stored pair works: a citizen's message gets its reply from the reconnected OA
    user = "7000000000000000101"
    stack.post(UNIT, stack.text_event(UNIT, user, "menu", f"m-{time.monotonic_ns()}"))
    stack.drain()
    assert stack.zalo.outbox(user_id=user)
    assert status_of(stack)[UNIT]["healthy"] is True

    replay = callback.invoke(event)  # the same state again: refused, nothing changes
    assert replay["statusCode"] == 400
    forged = callback.invoke({**event, "queryStringParameters": {**query, "state": "forged"}})
    assert forged["statusCode"] == 400


def test_the_worker_reports_an_oa_whose_tokens_zalo_refuses(stack) -> None:
    oa_id = stack.units[UNIT].oa_id
    stack.zalo.revoke_oa(oa_id)  # access token refused (-216), refresh token unknown (-14014)
    user = "7000000000000000202"
    stack.post(UNIT, stack.text_event(UNIT, user, "menu", f"m-{time.monotonic_ns()}"))
    stack.drain(rounds=3)
    assert stack.zalo.outbox(user_id=user) == []
    row = status_of(stack)[UNIT]
    assert row["healthy"] is False and row["reason"] == "token_rejected", row
    assert row["last_event_at"] is not None and row["last_error_code"] == "-14014"


def test_a_quota_refusal_seen_by_the_worker_makes_the_oa_unhealthy_today(stack) -> None:
    user = "7000000000000000303"
    stack.zalo.add_fault("/v3.0/oa/message/cs", error=-211, times=20, user_id=user)
    stack.post(UNIT, stack.text_event(UNIT, user, "menu", f"m-{time.monotonic_ns()}"))
    stack.drain(rounds=3)
    row = status_of(stack)[UNIT]
    assert row["healthy"] is False and row["reason"] == "quota_exceeded" and row["quota_exceeded_at"]
