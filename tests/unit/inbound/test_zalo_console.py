"""What the Zalo console reads from the webhook's domain: GET on the URL, the verification file; and the
template that routes both and the optional custom domain (conditions evaluated by the local stack's own
template engine, both ways)."""

from __future__ import annotations

from pathlib import Path

import pytest
from anninh.inbound.zalo_console import VerificationFile, root_file, webhook_get
from localrun.cfn_yaml import load_template
from localrun.template import Template

ROOT = Path(__file__).resolve().parents[3]


def test_get_on_the_webhook_url_is_200_and_echoes_only_a_plain_challenge() -> None:
    assert webhook_get(None).status == 200
    assert webhook_get({}).body == '{"status": "ok"}'
    echoed = webhook_get({"challenge": "abc-123"})
    assert (echoed.status, echoed.body, echoed.content_type) == (200, "abc-123", "text/plain; charset=utf-8")
    refused = webhook_get({"challenge": "<script>alert(1)</script>"})
    assert (refused.status, refused.body) == (200, '{"status": "ok"}')


def test_the_verification_file_is_served_at_its_name_only() -> None:
    verification = VerificationFile.from_env(
        {"ZALO_VERIFIER_FILE": "zalo_verifierAbC-12_x.html", "ZALO_VERIFIER_CONTENT": "AbC-12_x"}
    )
    page = root_file("/zalo_verifierAbC-12_x.html", verification)
    assert page.status == 200 and page.content_type.startswith("text/html")
    assert '<meta property="zalo-platform-site-verification" content="AbC-12_x" />' in page.body
    assert root_file("/zalo_verifierOTHER.html", verification).status == 404
    assert root_file("/favicon.ico", verification).status == 404
    assert root_file("/zalo_verifierAbC-12_x.html", VerificationFile()).status == 404


def test_a_whole_file_as_downloaded_is_served_unchanged() -> None:
    downloaded = '<html><head><meta property="zalo-platform-site-verification" content="Q1" /></head></html>'
    verification = VerificationFile.from_env(
        {"ZALO_VERIFIER_FILE": "zalo_verifierQ1.html", "ZALO_VERIFIER_CONTENT": downloaded}
    )
    assert root_file("/zalo_verifierQ1.html", verification).body == downloaded


@pytest.mark.parametrize(
    "env",
    [
        {"ZALO_VERIFIER_FILE": "index.html", "ZALO_VERIFIER_CONTENT": "x"},
        {"ZALO_VERIFIER_FILE": "zalo_verifier../../x.html", "ZALO_VERIFIER_CONTENT": "x"},
        {"ZALO_VERIFIER_FILE": "zalo_verifierX.html", "ZALO_VERIFIER_CONTENT": ""},
        {"ZALO_VERIFIER_FILE": "", "ZALO_VERIFIER_CONTENT": "orphan content"},
    ],
)
def test_a_misconfigured_verification_file_fails_at_start(env) -> None:
    with pytest.raises(ValueError, match="zalo_verifier"):
        VerificationFile.from_env(env)


def _template(**overrides: str) -> Template:
    required = {"ZaloAppId": "4321098765432109876"}  # no default: a real stack must name its Zalo app
    return Template(load_template(ROOT / "template.yaml"), parameter_overrides={**required, **overrides})


def test_the_custom_domain_exists_only_with_both_name_and_certificate() -> None:
    kinds = ("AWS::ApiGatewayV2::DomainName", "AWS::ApiGatewayV2::ApiMapping")
    for overrides in ({}, {"CustomDomainName": "zalo.example.vn"}, {"CustomDomainCertificateArn": "arn:c"}):
        template = _template(**overrides)
        assert not template.condition("HasCustomDomain")
        assert [r for kind in kinds for r in template.active(kind)] == []
    template = _template(CustomDomainName="zalo.example.vn", CustomDomainCertificateArn="arn:aws:acm:x")
    assert template.condition("HasCustomDomain")
    (domain,) = template.active(kinds[0])
    (mapping,) = template.active(kinds[1])
    assert template.resolve(domain.properties["DomainName"]) == "zalo.example.vn"
    (config,) = domain.properties["DomainNameConfigurations"]
    assert template.resolve(config["CertificateArn"]) == "arn:aws:acm:x"
    assert config["EndpointType"] == "REGIONAL"
    assert mapping.properties["ApiId"] == {"Ref": "HttpApi"}
    assert mapping.properties["DomainName"] == {"Ref": "ApiCustomDomain"}
    outputs = load_template(ROOT / "template.yaml")["Outputs"]
    assert outputs["CustomDomainTarget"]["Condition"] == "HasCustomDomain"
    assert outputs["WebhookUrl"]["Value"]["Fn::If"][0] == "HasCustomDomain"


def test_the_webhook_function_serves_the_console_routes_and_reads_oas_by_path() -> None:
    template = _template(Stage="dev", ZaloVerifierFileName="zalo_verifierX.html", ZaloVerifierContent="X")
    function = template.resources["WebhookFunction"].properties
    routes = {(e["Properties"]["Method"], e["Properties"]["Path"]) for e in function["Events"].values()}
    assert routes == {("POST", "/zalo/webhook"), ("GET", "/zalo/webhook"), ("GET", "/{file}")}
    variables = function["Environment"]["Variables"]
    assert template.resolve(variables["ZALO_VERIFIER_FILE"]) == "zalo_verifierX.html"
    assert template.resolve(variables["ZALO_VERIFIER_CONTENT"]) == "X"
    paths = {
        template.resolve(p["SSMParameterReadPolicy"]["ParameterName"])
        for p in function["Policies"]
        if isinstance(p, dict) and "SSMParameterReadPolicy" in p
    }
    prefix = f"anninh/{template.stack_name}"  # the stack's own secrets (two stacks never share them)
    assert {f"{prefix}/oa", f"{prefix}/oa/*", f"{prefix}/app/*"} <= paths
