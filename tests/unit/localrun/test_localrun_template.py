from __future__ import annotations

import pytest
from localrun.template import PhysicalResource, Template, TemplateError


def test_short_tags_become_long_form(document: dict) -> None:
    inbound = document["Resources"]["Inbound"]["Properties"]
    assert inbound["RedrivePolicy"]["deadLetterTargetArn"] == {"Fn::GetAtt": ["DeadLetters", "Arn"]}
    assert document["Conditions"]["NotProd"] == {"Fn::Not": [{"Condition": "IsProd"}]}


def test_overrides_defaults_and_lists(template: Template) -> None:
    assert template.parameters == {
        "Stage": "local",
        "ApiBase": "https://example.invalid",
        "Zones": ["a", "b"],
    }


def test_rejects_unknown_override_and_disallowed_value(document: dict) -> None:
    with pytest.raises(TemplateError, match="undeclared"):
        Template(document, parameter_overrides={"Nope": "x"})
    with pytest.raises(TemplateError, match="not one of"):
        Template(document, parameter_overrides={"Stage": "qa"})


def test_parameter_without_default_needs_an_override() -> None:
    document = {"Parameters": {"Secret": {"Type": "String"}}, "Resources": {}}
    with pytest.raises(TemplateError, match="no Default"):
        Template(document)


def test_conditions_select_resources(template: Template) -> None:
    assert template.condition("NotProd") is True
    assert "ProdOnlyQueue" not in {r.logical_id for r in template.active()}


def test_intrinsics_resolve(template: Template) -> None:
    template.physical["Inbound"] = PhysicalResource(ref="http://q/Inbound.fifo", attributes={"Arn": "arn:q"})
    value = template.resolve(
        {
            "sub": {"Fn::Sub": "${AWS::Region}/${Stage}/${Inbound}/${Inbound.Arn}/${!Literal}"},
            "sub_vars": {"Fn::Sub": ["${A}-${Stage}", {"A": {"Fn::Select": [0, {"Ref": "Zones"}]}}]},
            "join": {
                "Fn::Join": ["-", [{"Fn::Select": [1, {"Ref": "Zones"}]}, {"Fn::If": ["IsProd", "x", "y"]}]]
            },
            "gone": {"Fn::If": ["IsProd", "kept", {"Ref": "AWS::NoValue"}]},
            "split": {"Fn::Split": [",", "p,q"]},
        }
    )
    assert value == {
        "sub": "ap-southeast-1/local/http://q/Inbound.fifo/arn:q/${Literal}",
        "sub_vars": "a-local",
        "join": "b-y",
        "split": ["p", "q"],
    }


def test_unresolvable_references_fail_loudly(template: Template) -> None:
    with pytest.raises(TemplateError, match="not created"):
        template.resolve({"Ref": "Inbound"})
    with pytest.raises(TemplateError, match="unknown name"):
        template.resolve({"Ref": "Missing"})
    with pytest.raises(TemplateError, match="not supported"):
        template.resolve({"Fn::ImportValue": "shared-vpc"})


def test_creation_order_puts_dependencies_first(template: Template) -> None:
    order = template.creation_order(["Inbound", "DeadLetters", "ItemsTable", "Key", "Setting"])
    assert order.index("DeadLetters") < order.index("Inbound")
    assert order.index("Key") < order.index("ItemsTable")


def test_circular_references_are_reported() -> None:
    document = {
        "Resources": {
            "A": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": {"Ref": "B"}}},
            "B": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": {"Ref": "A"}}},
        }
    }
    with pytest.raises(TemplateError, match="circular"):
        Template(document).creation_order(["A", "B"])
