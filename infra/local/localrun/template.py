"""A CloudFormation/SAM template as the local stack reads it: parameters, conditions, intrinsics, order.

Only what a single-region, single-stack deployment uses is resolved; anything else (``Fn::ImportValue``,
``Fn::GetAZs`` …) raises ``TemplateError`` naming the construct, so a template change that the local stack
cannot follow fails loudly at start instead of running on a guess.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from graphlib import CycleError, TopologicalSorter
from typing import Any

PSEUDO_PARAMETERS = (
    "AWS::Region",
    "AWS::AccountId",
    "AWS::StackName",
    "AWS::StackId",
    "AWS::Partition",
    "AWS::URLSuffix",
    "AWS::NoValue",
    "AWS::NotificationARNs",
)
_SUB_VARIABLE = re.compile(r"\$\{([^}]*)\}")


class TemplateError(ValueError):
    """The template asks for something the local stack cannot resolve."""


class _NoValue:
    """``AWS::NoValue``: the enclosing property is removed."""

    def __repr__(self) -> str:
        return "AWS::NoValue"


NO_VALUE = _NoValue()


@dataclass
class Resource:
    logical_id: str
    type: str
    properties: dict[str, Any]
    condition: str | None = None
    depends_on: tuple[str, ...] = ()
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass
class PhysicalResource:
    """What ``Ref`` and ``Fn::GetAtt`` return for one created (or simulated) resource."""

    ref: Any
    attributes: dict[str, Any] = field(default_factory=dict)


class Template:
    """A parsed template with its parameters fixed; resolves intrinsics against known physical resources."""

    def __init__(
        self,
        document: Mapping[str, Any],
        *,
        parameter_overrides: Mapping[str, str] | None = None,
        stack_name: str = "anninh-local",
        region: str = "ap-southeast-1",
        account_id: str = "123456789012",
    ) -> None:
        self.document = document
        self.stack_name = stack_name
        self.region = region
        self.account_id = account_id
        self.parameters = self._resolve_parameters(
            document.get("Parameters") or {}, parameter_overrides or {}
        )
        self._raw_conditions: dict[str, Any] = dict(document.get("Conditions") or {})
        self._conditions: dict[str, bool] = {}
        self.globals: dict[str, Any] = dict(document.get("Globals") or {})
        self.mappings: dict[str, Any] = dict(document.get("Mappings") or {})
        self.resources = self._read_resources(document["Resources"])
        self.physical: dict[str, PhysicalResource] = {}

    # -- parameters and conditions -------------------------------------------------------------------
    @staticmethod
    def _resolve_parameters(declared: Mapping[str, Any], overrides: Mapping[str, str]) -> dict[str, Any]:
        unknown = sorted(set(overrides) - set(declared))
        if unknown:
            raise TemplateError(f"parameter override for undeclared parameter(s): {', '.join(unknown)}")
        values: dict[str, Any] = {}
        for name, spec in declared.items():
            spec = spec or {}
            if name in overrides:
                raw: Any = overrides[name]
            elif "Default" in spec:
                raw = spec["Default"]
            else:
                raise TemplateError(f"parameter {name} has no Default and no local override")
            allowed = spec.get("AllowedValues")
            if allowed is not None and str(raw) not in [str(v) for v in allowed]:
                raise TemplateError(f"parameter {name}={raw!r} is not one of {allowed}")
            kind = str(spec.get("Type", "String"))
            if kind == "CommaDelimitedList" or kind.startswith("List<"):
                values[name] = [part.strip() for part in str(raw).split(",")] if raw != "" else []
            else:
                values[name] = str(raw)
        return values

    def condition(self, name: str) -> bool:
        if name not in self._conditions:
            if name not in self._raw_conditions:
                raise TemplateError(f"unknown condition {name}")
            self._conditions[name] = bool(self._evaluate_condition(self._raw_conditions[name]))
        return self._conditions[name]

    def _evaluate_condition(self, expression: Any) -> bool:
        if isinstance(expression, dict) and len(expression) == 1:
            (key, value), *_ = expression.items()
            if key == "Condition":
                return self.condition(value)
            if key == "Fn::Equals":
                left, right = (self.resolve(v) for v in value)
                return str(left) == str(right)
            if key == "Fn::Not":
                return not self._evaluate_condition(value[0])
            if key == "Fn::And":
                return all(self._evaluate_condition(v) for v in value)
            if key == "Fn::Or":
                return any(self._evaluate_condition(v) for v in value)
        raise TemplateError(f"unsupported condition expression {expression!r}")

    # -- resources ---------------------------------------------------------------------------------
    @staticmethod
    def _read_resources(raw: Mapping[str, Any]) -> dict[str, Resource]:
        resources: dict[str, Resource] = {}
        for logical_id, body in raw.items():
            if not isinstance(body, dict) or "Type" not in body:
                raise TemplateError(f"resource {logical_id} has no Type")
            depends = body.get("DependsOn") or ()
            resources[logical_id] = Resource(
                logical_id=logical_id,
                type=body["Type"],
                properties=dict(body.get("Properties") or {}),
                condition=body.get("Condition"),
                depends_on=(depends,) if isinstance(depends, str) else tuple(depends),
                metadata=dict(body.get("Metadata") or {}),
            )
        return resources

    def active(self, resource_type: str | None = None) -> list[Resource]:
        """Resources whose Condition holds, optionally of one type, in template order."""
        return [
            resource
            for resource in self.resources.values()
            if (resource.condition is None or self.condition(resource.condition))
            and (resource_type is None or resource.type == resource_type)
        ]

    def creation_order(self, logical_ids: Iterable[str]) -> list[str]:
        """Order the given resources so that each comes after every resource it references."""
        wanted = set(logical_ids)
        graph = {
            logical_id: {dep for dep in self.references(self.resources[logical_id]) if dep in wanted}
            for logical_id in wanted
        }
        try:
            return list(TopologicalSorter(graph).static_order())
        except CycleError as exc:
            raise TemplateError(f"circular references between resources: {exc.args[1]}") from exc

    def references(self, resource: Resource) -> set[str]:
        found: set[str] = set(resource.depends_on)
        self._collect_references(resource.properties, found)
        return {name for name in found if name in self.resources and name != resource.logical_id}

    def _collect_references(self, value: Any, found: set[str]) -> None:
        if isinstance(value, dict):
            if len(value) == 1:
                (key, arg), *_ = value.items()
                if key == "Ref" and isinstance(arg, str):
                    found.add(arg)
                elif key == "Fn::GetAtt":
                    found.add(arg[0] if isinstance(arg, list) else str(arg).split(".")[0])
                elif key == "Fn::Sub":
                    text = arg[0] if isinstance(arg, list) else arg
                    for name in _SUB_VARIABLE.findall(text):
                        if not name.startswith("!"):
                            found.add(name.split(".")[0])
            for item in value.values():
                self._collect_references(item, found)
        elif isinstance(value, list):
            for item in value:
                self._collect_references(item, found)

    # -- intrinsic functions -------------------------------------------------------------------------
    def pseudo(self, name: str) -> Any:
        values: dict[str, Any] = {
            "AWS::Region": self.region,
            "AWS::AccountId": self.account_id,
            "AWS::StackName": self.stack_name,
            "AWS::StackId": (
                f"arn:aws:cloudformation:{self.region}:{self.account_id}:stack/{self.stack_name}/local"
            ),
            "AWS::Partition": "aws",
            "AWS::URLSuffix": "amazonaws.com",
            "AWS::NoValue": NO_VALUE,
            "AWS::NotificationARNs": [],
        }
        return values[name]

    def ref(self, name: str) -> Any:
        if name in PSEUDO_PARAMETERS:
            return self.pseudo(name)
        if name in self.parameters:
            return self.parameters[name]
        if name in self.physical:
            return self.physical[name].ref
        if name in self.resources:
            raise TemplateError(f"Ref {name}: the resource is not created (yet) in the local stack")
        raise TemplateError(f"Ref to unknown name {name}")

    def get_att(self, logical_id: str, attribute: str) -> Any:
        physical = self.physical.get(logical_id)
        if physical is None:
            raise TemplateError(
                f"Fn::GetAtt {logical_id}.{attribute}: resource not created in the local stack"
            )
        if attribute not in physical.attributes:
            raise TemplateError(
                f"Fn::GetAtt {logical_id}.{attribute}: attribute not simulated locally "
                f"(known: {', '.join(sorted(physical.attributes)) or 'none'})"
            )
        return physical.attributes[attribute]

    def resolve(self, value: Any) -> Any:
        """Resolve every intrinsic function in ``value``; ``AWS::NoValue`` entries are dropped."""
        if isinstance(value, list):
            items = [self.resolve(item) for item in value]
            return [item for item in items if item is not NO_VALUE]
        if not isinstance(value, dict):
            return value
        if len(value) == 1:
            (key, arg), *_ = value.items()
            if key == "Ref" or key.startswith("Fn::") or key == "Condition":
                return self._intrinsic(key, arg)
        resolved = {key: self.resolve(item) for key, item in value.items()}
        return {key: item for key, item in resolved.items() if item is not NO_VALUE}

    def _intrinsic(self, key: str, arg: Any) -> Any:
        if key == "Ref":
            return self.ref(arg)
        if key == "Condition":
            return self.condition(arg)
        if key == "Fn::GetAtt":
            logical_id, attribute = arg if isinstance(arg, list) else str(arg).split(".", 1)
            return self.get_att(logical_id, self.resolve(attribute))
        if key == "Fn::Sub":
            return self._sub(arg)
        if key == "Fn::If":
            name, when_true, when_false = arg
            return self.resolve(when_true if self.condition(name) else when_false)
        if key in ("Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or"):
            return self._evaluate_condition({key: arg})
        if key == "Fn::Join":
            separator, items = arg
            return str(separator).join(str(item) for item in self.resolve(items))
        if key == "Fn::Select":
            index, items = arg
            return self.resolve(items)[int(self.resolve(index))]
        if key == "Fn::Split":
            separator, text = arg
            return str(self.resolve(text)).split(separator)
        if key == "Fn::FindInMap":
            map_name, top, second = (self.resolve(part) for part in arg)
            return self.mappings[map_name][top][second]
        if key == "Fn::Base64":
            return base64.b64encode(str(self.resolve(arg)).encode()).decode()
        if key == "Fn::ToJsonString":
            return json.dumps(self.resolve(arg), separators=(",", ":"))
        if key == "Fn::Length":
            return len(self.resolve(arg))
        raise TemplateError(f"intrinsic {key} is not supported by the local stack")

    def _sub(self, arg: Any) -> str:
        if isinstance(arg, list):
            text, variables = arg[0], {name: self.resolve(v) for name, v in (arg[1] or {}).items()}
        else:
            text, variables = arg, {}

        def replace(match: re.Match[str]) -> str:
            name = match.group(1)
            if name.startswith("!"):
                return "${" + name[1:] + "}"
            if name in variables:
                return str(variables[name])
            if "." in name and name.split(".", 1)[0] in self.resources:
                logical_id, attribute = name.split(".", 1)
                return str(self.get_att(logical_id, attribute))
            return str(self.ref(name))

        return _SUB_VARIABLE.sub(replace, text)
