"""The committed OpenAPI document is exactly what the code generates."""

from __future__ import annotations

import json
from pathlib import Path

from anninh.admin.api import OPENAPI_TITLE, openapi_json
from anninh.cli import main

COMMITTED = Path(__file__).resolve().parents[3] / "functions" / "admin" / "openapi.json"


def test_committed_openapi_matches_the_code():
    assert COMMITTED.read_text(encoding="utf-8") == openapi_json(), (
        "functions/admin/openapi.json is stale: run `anninh admin openapi --write` and commit it"
    )


def test_openapi_documents_every_admin_route_with_validation_and_auth():
    document = json.loads(openapi_json())
    assert document["info"]["title"] == OPENAPI_TITLE
    operations = {(m.upper(), p) for p, ops in document["paths"].items() for m in ops}
    assert operations == {
        ("GET", "/admin/units"),
        ("PUT", "/admin/units"),
        ("GET", "/admin/oa"),
        ("POST", "/admin/oa/import"),
        ("POST", "/admin/oa/connect"),
        ("GET", "/admin/officers"),
        ("PUT", "/admin/officers/{unit_id}/{user_id}"),
        ("DELETE", "/admin/officers/{unit_id}/{user_id}"),
        ("GET", "/admin/questions"),
        ("POST", "/admin/questions/{code}/answer"),
        ("GET", "/admin/tips"),
        ("GET", "/admin/tips/export.csv"),
        ("GET", "/admin/tips/{code}"),
        ("PATCH", "/admin/tips/{code}"),
        ("POST", "/admin/tips/{code}/reply"),
        ("POST", "/admin/tips/{code}/transfer"),
        ("POST", "/admin/tips/{code}/notes"),
        ("GET", "/admin/content"),
        ("PUT", "/admin/content/{unit_id}/{kind}/{item_id}"),
        ("DELETE", "/admin/content/{unit_id}/{kind}/{item_id}"),
        ("POST", "/admin/followers/{unit_id}/sync"),
        ("POST", "/admin/broadcasts"),
        ("GET", "/admin/broadcasts"),
        ("GET", "/admin/broadcasts/{broadcast_id}/status"),
        ("POST", "/admin/broadcasts/{broadcast_id}/{action}"),
        ("GET", "/admin/faq"),
        ("PUT", "/admin/faq"),
        ("POST", "/admin/faq/rollback"),
        ("GET", "/admin/stats"),
        ("POST", "/admin/zalo/{unit_id}/doctor"),
        ("PUT", "/admin/zalo/{unit_id}/form-image"),
        ("GET", "/admin/zalo/{unit_id}/quota"),
        ("PUT", "/admin/zalo/{unit_id}/quota"),
        ("POST", "/admin/units/merge"),
        ("POST", "/admin/units/{unit_id}/rename"),
    }
    answer = document["paths"]["/admin/questions/{code}/answer"]["post"]
    assert {"200", "401", "403", "404", "409", "422"} <= set(answer["responses"])
    assert document["components"]["securitySchemes"]["localToken"]["name"] == "x-anninh-token"


def test_cli_prints_and_writes_the_document(tmp_path, capsys):
    assert main(["admin", "openapi"]) == 0
    assert capsys.readouterr().out == openapi_json()
    target = tmp_path / "openapi.json"
    assert main(["admin", "openapi", "--write", "--output", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == openapi_json()


def test_template_routes_match_the_api_and_only_admin_routes_need_iam():
    from localrun.cfn_yaml import load_template

    template = load_template(COMMITTED.parents[2] / "template.yaml")
    resources = template["Resources"]
    assert resources["HttpApi"]["Properties"]["Auth"]["EnableIamAuthorizer"] is True
    routes = {}
    for logical_id, resource in resources.items():
        for event in (resource.get("Properties") or {}).get("Events", {}).values():
            if event["Type"] == "HttpApi":
                props = event["Properties"]
                routes[(props["Method"], props["Path"])] = (
                    logical_id,
                    (props.get("Auth") or {}).get("Authorizer"),
                )
    document = json.loads(openapi_json())
    documented = {(m.upper(), p) for p, ops in document["paths"].items() for m in ops}
    admin_routes = {key: value for key, value in routes.items() if key[1].startswith("/admin/")}
    assert set(admin_routes) == documented
    assert set(admin_routes.values()) == {("AdminFunction", "AWS_IAM")}
    assert routes[("POST", "/zalo/webhook")] == ("WebhookFunction", None)
