"""Create the template's AWS resources in the embedded moto server, translating CloudFormation properties
into the matching API calls. Names follow CloudFormation's rule (the declared name, else
``<stack>-<LogicalId>``), so a template change shows up locally without any retyping here.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from localrun.template import PhysicalResource, Resource, Template, TemplateError

log = logging.getLogger(__name__)

ClientFactory = Callable[[str], Any]

# Resource types that exist only as names locally: nothing to create, but Ref/GetAtt must answer.
_NAME_ONLY_TYPES = {
    "AWS::IAM::Role",
    "AWS::IAM::Policy",
    "AWS::IAM::ManagedPolicy",
    "AWS::Lambda::Permission",
    "AWS::Logs::LogGroup",
    "AWS::CloudWatch::Alarm",
    "AWS::CloudWatch::Dashboard",
    "AWS::SNS::Subscription",
    "AWS::SQS::QueuePolicy",
    "AWS::S3::BucketPolicy",
    "AWS::Lambda::EventSourceMapping",
    "AWS::Events::Rule",
}


def default_name(template: Template, logical_id: str) -> str:
    return f"{template.stack_name}-{logical_id}"


def function_name(template: Template, resource: Resource) -> str:
    declared = resource.properties.get("FunctionName")
    return str(template.resolve(declared)) if declared else default_name(template, resource.logical_id)


def function_arn(template: Template, name: str) -> str:
    return f"arn:aws:lambda:{template.region}:{template.account_id}:function:{name}"


def api_id(logical_id: str) -> str:
    """A stable, recognisable API id; ``execute-api`` URLs built from it are mapped to the local server."""
    return f"local{logical_id.lower()}"


def register_function_roles(template: Template) -> None:
    """The role SAM creates for each function (``<LogicalId>Role``): a name only locally, but a key policy
    may name it (``Fn::GetAtt WorkerFunctionRole.Arn``)."""
    for resource in template.active():
        if resource.type in ("AWS::Serverless::Function", "AWS::Lambda::Function"):
            role = f"{resource.logical_id}Role"
            arn = f"arn:aws:iam::{template.account_id}:role/{role}"
            template.physical.setdefault(role, PhysicalResource(ref=role, attributes={"Arn": arn}))


def register_static_resources(template: Template, base_url: str) -> None:
    """Give Ref/GetAtt values to resources that need no creation: functions, APIs, layers, roles."""
    register_function_roles(template)
    uses_implicit_api = False
    for resource in template.active():
        if resource.type in ("AWS::Serverless::Function", "AWS::Lambda::Function"):
            name = function_name(template, resource)
            template.physical[resource.logical_id] = PhysicalResource(
                ref=name, attributes={"Arn": function_arn(template, name)}
            )
            for event in (resource.properties.get("Events") or {}).values():
                if event.get("Type") == "HttpApi" and "ApiId" not in (event.get("Properties") or {}):
                    uses_implicit_api = True
        elif resource.type in ("AWS::Serverless::HttpApi", "AWS::ApiGatewayV2::Api"):
            template.physical[resource.logical_id] = PhysicalResource(
                ref=api_id(resource.logical_id), attributes={"ApiEndpoint": base_url}
            )
        elif resource.type in ("AWS::Serverless::LayerVersion", "AWS::Lambda::LayerVersion"):
            arn = f"arn:aws:lambda:{template.region}:{template.account_id}:layer:{resource.logical_id}:1"
            template.physical[resource.logical_id] = PhysicalResource(ref=arn, attributes={"Arn": arn})
    if uses_implicit_api:
        template.physical["ServerlessHttpApi"] = PhysicalResource(
            ref=api_id("ServerlessHttpApi"), attributes={"ApiEndpoint": base_url}
        )


class ResourceCreator:
    """Creates each resource type in moto; one method per CloudFormation type."""

    def __init__(self, template: Template, client: ClientFactory) -> None:
        self.template = template
        self.client = client
        self.created: list[tuple[str, str, str]] = []  # (logical id, type, physical name)

    def create_all(self) -> None:
        register_function_roles(self.template)
        handlers: dict[str, Callable[[Resource, dict[str, Any]], PhysicalResource]] = {
            "AWS::DynamoDB::Table": self.dynamodb_table,
            "AWS::Serverless::SimpleTable": self.simple_table,
            "AWS::SQS::Queue": self.sqs_queue,
            "AWS::S3::Bucket": self.s3_bucket,
            "AWS::KMS::Key": self.kms_key,
            "AWS::KMS::Alias": self.kms_alias,
            "AWS::SSM::Parameter": self.ssm_parameter,
            "AWS::SecretsManager::Secret": self.secret,
            "AWS::SNS::Topic": self.sns_topic,
            "AWS::Scheduler::ScheduleGroup": self.schedule_group,
            "AWS::Scheduler::Schedule": self.schedule,
        }
        pending = [r.logical_id for r in self.template.active() if r.logical_id not in self.template.physical]
        for logical_id in self.template.creation_order(pending):
            resource = self.template.resources[logical_id]
            handler = handlers.get(resource.type)
            if handler is None:
                if resource.type not in _NAME_ONLY_TYPES:
                    log.info("not simulated locally: %s (%s)", logical_id, resource.type)
                name = default_name(self.template, logical_id)
                self.template.physical[logical_id] = PhysicalResource(
                    ref=name, attributes={"Arn": f"arn:aws:local:{self.template.region}::{name}"}
                )
                continue
            properties = self.template.resolve(resource.properties)
            physical = handler(resource, properties)
            self.template.physical[logical_id] = physical
            self.created.append((logical_id, resource.type, str(physical.ref)))

    def _name(self, resource: Resource, properties: dict[str, Any], key: str) -> str:
        return str(properties.get(key) or default_name(self.template, resource.logical_id))

    # -- DynamoDB ------------------------------------------------------------------------------------
    def dynamodb_table(self, resource: Resource, props: dict[str, Any]) -> PhysicalResource:
        name = self._name(resource, props, "TableName")
        billing = props.get("BillingMode", "PROVISIONED")
        kwargs: dict[str, Any] = {
            "TableName": name,
            "AttributeDefinitions": props["AttributeDefinitions"],
            "KeySchema": props["KeySchema"],
            "BillingMode": billing,
        }
        if billing == "PROVISIONED":
            kwargs["ProvisionedThroughput"] = _throughput(props.get("ProvisionedThroughput"))
        for key in ("GlobalSecondaryIndexes", "LocalSecondaryIndexes"):
            if props.get(key):
                indexes = []
                for index in props[key]:
                    item = {k: index[k] for k in ("IndexName", "KeySchema", "Projection") if k in index}
                    if key == "GlobalSecondaryIndexes" and billing == "PROVISIONED":
                        item["ProvisionedThroughput"] = _throughput(index.get("ProvisionedThroughput"))
                    indexes.append(item)
                kwargs[key] = indexes
        stream = props.get("StreamSpecification")
        if stream:
            kwargs["StreamSpecification"] = {
                "StreamEnabled": True,
                "StreamViewType": stream["StreamViewType"],
            }
        sse = props.get("SSESpecification")
        if sse:
            spec: dict[str, Any] = {"Enabled": _bool(sse.get("SSEEnabled", False))}
            if sse.get("SSEType"):
                spec["SSEType"] = sse["SSEType"]
            if sse.get("KMSMasterKeyId"):
                spec["KMSMasterKeyId"] = sse["KMSMasterKeyId"]
            kwargs["SSESpecification"] = spec
        if props.get("Tags"):
            kwargs["Tags"] = props["Tags"]
        dynamodb = self.client("dynamodb")
        description = dynamodb.create_table(**kwargs)["TableDescription"]
        ttl = props.get("TimeToLiveSpecification")
        if ttl and _bool(ttl.get("Enabled", False)):
            dynamodb.update_time_to_live(
                TableName=name,
                TimeToLiveSpecification={"Enabled": True, "AttributeName": ttl["AttributeName"]},
            )
        attributes = {"Arn": description["TableArn"]}
        if description.get("LatestStreamArn"):
            attributes["StreamArn"] = description["LatestStreamArn"]
        return PhysicalResource(ref=name, attributes=attributes)

    def simple_table(self, resource: Resource, props: dict[str, Any]) -> PhysicalResource:
        key = props.get("PrimaryKey") or {"Name": "id", "Type": "String"}
        kind = {"String": "S", "Number": "N", "Binary": "B"}[key.get("Type", "String")]
        table = {
            "TableName": props.get("TableName"),
            "AttributeDefinitions": [{"AttributeName": key["Name"], "AttributeType": kind}],
            "KeySchema": [{"AttributeName": key["Name"], "KeyType": "HASH"}],
            "BillingMode": "PAY_PER_REQUEST" if not props.get("ProvisionedThroughput") else "PROVISIONED",
            "ProvisionedThroughput": props.get("ProvisionedThroughput"),
            "SSESpecification": props.get("SSESpecification"),
        }
        return self.dynamodb_table(resource, {k: v for k, v in table.items() if v})

    # -- SQS -----------------------------------------------------------------------------------------
    def sqs_queue(self, resource: Resource, props: dict[str, Any]) -> PhysicalResource:
        fifo = _bool(props.get("FifoQueue", False))
        name = str(props.get("QueueName") or default_name(self.template, resource.logical_id))
        if fifo and not name.endswith(".fifo"):
            name += ".fifo"
        attributes: dict[str, str] = {}
        for key, value in props.items():
            if key in ("QueueName", "Tags"):
                continue
            if key in ("RedrivePolicy", "RedriveAllowPolicy"):
                if key == "RedrivePolicy":
                    value = {**value, "maxReceiveCount": int(value["maxReceiveCount"])}
                attributes[key] = json.dumps(value)
            elif isinstance(value, bool):
                attributes[key] = "true" if value else "false"
            else:
                attributes[key] = str(value)
        kwargs: dict[str, Any] = {"QueueName": name, "Attributes": attributes}
        if props.get("Tags"):
            kwargs["tags"] = {tag["Key"]: tag["Value"] for tag in props["Tags"]}
        sqs = self.client("sqs")
        url = sqs.create_queue(**kwargs)["QueueUrl"]
        arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        return PhysicalResource(ref=url, attributes={"Arn": arn, "QueueName": name, "QueueUrl": url})

    # -- S3 ------------------------------------------------------------------------------------------
    def s3_bucket(self, resource: Resource, props: dict[str, Any]) -> PhysicalResource:
        name = str(props.get("BucketName") or default_name(self.template, resource.logical_id)).lower()[:63]
        s3 = self.client("s3")
        s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": self.template.region})
        encryption = props.get("BucketEncryption")
        if encryption:
            rules = [
                {
                    "ApplyServerSideEncryptionByDefault": rule["ServerSideEncryptionByDefault"],
                    **(
                        {"BucketKeyEnabled": _bool(rule["BucketKeyEnabled"])}
                        if "BucketKeyEnabled" in rule
                        else {}
                    ),
                }
                for rule in encryption["ServerSideEncryptionConfiguration"]
            ]
            s3.put_bucket_encryption(Bucket=name, ServerSideEncryptionConfiguration={"Rules": rules})
        block = props.get("PublicAccessBlockConfiguration")
        if block:
            s3.put_public_access_block(
                Bucket=name, PublicAccessBlockConfiguration={k: _bool(v) for k, v in block.items()}
            )
        versioning = props.get("VersioningConfiguration")
        if versioning:
            s3.put_bucket_versioning(Bucket=name, VersioningConfiguration={"Status": versioning["Status"]})
        region = self.template.region
        return PhysicalResource(
            ref=name,
            attributes={
                "Arn": f"arn:aws:s3:::{name}",
                "DomainName": f"{name}.s3.amazonaws.com",
                "RegionalDomainName": f"{name}.s3.{region}.amazonaws.com",
            },
        )

    # -- KMS -----------------------------------------------------------------------------------------
    def kms_key(self, resource: Resource, props: dict[str, Any]) -> PhysicalResource:
        kms = self.client("kms")
        kwargs: dict[str, Any] = {
            "Description": props.get("Description", resource.logical_id),
            "KeyUsage": props.get("KeyUsage", "ENCRYPT_DECRYPT"),
            "KeySpec": props.get("KeySpec", "SYMMETRIC_DEFAULT"),
        }
        if props.get("KeyPolicy"):
            kwargs["Policy"] = json.dumps(props["KeyPolicy"])
        metadata = kms.create_key(**kwargs)["KeyMetadata"]
        if _bool(props.get("EnableKeyRotation", False)):
            kms.enable_key_rotation(KeyId=metadata["KeyId"])
        return PhysicalResource(
            ref=metadata["KeyId"], attributes={"Arn": metadata["Arn"], "KeyId": metadata["KeyId"]}
        )

    def kms_alias(self, resource: Resource, props: dict[str, Any]) -> PhysicalResource:
        self.client("kms").create_alias(AliasName=props["AliasName"], TargetKeyId=props["TargetKeyId"])
        return PhysicalResource(ref=props["AliasName"])

    # -- SSM, Secrets Manager, SNS ----------------------------------------------------------------------
    def ssm_parameter(self, resource: Resource, props: dict[str, Any]) -> PhysicalResource:
        name = self._name(resource, props, "Name")
        kwargs: dict[str, Any] = {
            "Name": name,
            "Type": props.get("Type", "String"),
            "Value": str(props["Value"]),
        }
        if props.get("Description"):
            kwargs["Description"] = props["Description"]
        self.client("ssm").put_parameter(**kwargs)
        return PhysicalResource(ref=name, attributes={"Type": kwargs["Type"], "Value": kwargs["Value"]})

    def secret(self, resource: Resource, props: dict[str, Any]) -> PhysicalResource:
        """A Secrets Manager secret; ``GenerateSecretString`` draws its value as CloudFormation does at deploy
        (GetRandomPassword with the same options), so no secret is ever typed into the template or here."""
        name = self._name(resource, props, "Name")
        client = self.client("secretsmanager")
        value = props.get("SecretString")
        generate = props.get("GenerateSecretString")
        if value is None and generate is not None:
            options: dict[str, int | bool | str] = {
                key: (int(generate[key]) if key == "PasswordLength" else _bool(generate[key]))
                for key in (
                    "PasswordLength",
                    "ExcludeNumbers",
                    "ExcludePunctuation",
                    "ExcludeUppercase",
                    "ExcludeLowercase",
                    "IncludeSpace",
                    "RequireEachIncludedType",
                )
                if key in generate
            }
            if generate.get("ExcludeCharacters"):
                options["ExcludeCharacters"] = str(generate["ExcludeCharacters"])
            drawn = client.get_random_password(**options)["RandomPassword"]
            if generate.get("SecretStringTemplate"):
                document = json.loads(generate["SecretStringTemplate"])
                document[generate["GenerateStringKey"]] = drawn
                value = json.dumps(document)
            else:
                value = drawn
        if value is None:
            raise TemplateError(f"{resource.logical_id}: a secret needs SecretString or GenerateSecretString")
        kwargs: dict[str, Any] = {"Name": name, "SecretString": str(value)}
        if props.get("Description"):
            kwargs["Description"] = props["Description"]
        arn = client.create_secret(**kwargs)["ARN"]
        return PhysicalResource(ref=arn, attributes={"Id": arn})

    def sns_topic(self, resource: Resource, props: dict[str, Any]) -> PhysicalResource:
        name = self._name(resource, props, "TopicName")
        arn = self.client("sns").create_topic(Name=name)["TopicArn"]
        return PhysicalResource(ref=arn, attributes={"TopicArn": arn, "TopicName": name})

    # -- EventBridge Scheduler -----------------------------------------------------------------------
    def schedule_group(self, resource: Resource, props: dict[str, Any]) -> PhysicalResource:
        name = self._name(resource, props, "Name")
        arn = self.client("scheduler").create_schedule_group(Name=name)["ScheduleGroupArn"]
        return PhysicalResource(ref=name, attributes={"Arn": arn})

    def schedule(self, resource: Resource, props: dict[str, Any]) -> PhysicalResource:
        name = self._name(resource, props, "Name")
        arn = create_schedule(self.client("scheduler"), name, props)
        return PhysicalResource(ref=name, attributes={"Arn": arn})


def create_schedule(scheduler: Any, name: str, props: dict[str, Any]) -> str:
    """Create one EventBridge Scheduler schedule in moto from CloudFormation-shaped properties."""
    kwargs: dict[str, Any] = {
        "Name": name,
        "ScheduleExpression": props["ScheduleExpression"],
        "FlexibleTimeWindow": props.get("FlexibleTimeWindow") or {"Mode": "OFF"},
        "Target": props["Target"],
    }
    optional = ("GroupName", "ScheduleExpressionTimezone", "State", "Description", "KmsKeyArn")
    for key in optional:
        if props.get(key):
            kwargs[key] = props[key]
    for key in ("StartDate", "EndDate"):
        if props.get(key):
            kwargs[key] = datetime.fromisoformat(str(props[key]).replace("Z", "+00:00"))
    if "RoleArn" not in kwargs["Target"]:
        raise TemplateError(f"schedule {name}: Target.RoleArn is required by EventBridge Scheduler")
    return str(scheduler.create_schedule(**kwargs)["ScheduleArn"])


def _throughput(value: Any) -> dict[str, int]:
    value = value or {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}
    return {
        "ReadCapacityUnits": int(value["ReadCapacityUnits"]),
        "WriteCapacityUnits": int(value["WriteCapacityUnits"]),
    }


def _bool(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() == "true"
    return bool(value)
