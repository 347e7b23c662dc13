"""What template.yaml promises a real AWS account that neither moto nor the local stack checks: names
scoped to the stack, retained and protected data, keys every function needs, an alarm topic CloudWatch can
publish to, logs that expire, alarms and a dashboard that watch every part, bounded concurrency and
parameters."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
from localrun.cfn_yaml import load_template
from localrun.lambda_runtime import merge_globals
from localrun.template import PhysicalResource, Template

ROOT = Path(__file__).resolve().parents[3]
APP_ID = "4318239298434546987"
FUNCTION = "AWS::Serverless::Function"
TABLE = "AWS::DynamoDB::Table"
ALARM = "AWS::CloudWatch::Alarm"
# Properties that give a resource a physical name of its own (CloudFormation generates one otherwise, from
# the stack name, so only these can collide between two stacks).
NAME_PROPERTIES = (
    "Name",
    "TableName",
    "QueueName",
    "BucketName",
    "TopicName",
    "LogGroupName",
    "DashboardName",
    "AlarmName",
    "FunctionName",
    "LayerName",
    "AliasName",
    "RoleName",
    "PolicyName",
    "ManagedPolicyName",
    "SecretName",
    "StateMachineName",
    "ScheduleGroupName",
)


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return load_template(ROOT / "template.yaml")


@pytest.fixture(scope="module")
def resources(document) -> dict[str, Any]:
    return document["Resources"]


def of_type(resources: dict[str, Any], kind: str) -> dict[str, dict[str, Any]]:
    return {lid: body for lid, body in resources.items() if body["Type"] == kind}


def ref(name: str) -> dict[str, str]:
    return {"Ref": name}


def arn(logical_id: str) -> dict[str, list[str]]:
    return {"Fn::GetAtt": [logical_id, "Arn"]}


# ------------------------------------------------------------------------------------------ two stacks


class _AnyAttribute(dict):
    """GetAtt on a resource not created here: a value unique to the stack, the resource and the attribute."""

    def __init__(self, prefix: str) -> None:
        super().__init__()
        self.prefix = prefix

    def __contains__(self, key: object) -> bool:
        return True

    def __getitem__(self, key: str) -> str:
        return f"{self.prefix}.{key}"


def physical_names(document: dict[str, Any], stack_name: str) -> set[tuple[str, str]]:
    """Every name the template gives explicitly, rendered for ``stack_name`` as CloudFormation would."""
    template = Template(
        document,
        parameter_overrides={"Stage": "prod", "ZaloAppId": APP_ID},
        stack_name=stack_name,
        account_id="111122223333",
    )
    # SAM makes a role <function>Role for each function (key policies name them).
    implicit = [f"{r.logical_id}Role" for r in template.resources.values() if r.type == FUNCTION]
    for logical_id in [*template.resources, *implicit]:
        generated = f"{stack_name}-{logical_id}-GENERATED"  # what CloudFormation makes of a nameless resource
        template.physical[logical_id] = PhysicalResource(ref=generated, attributes=_AnyAttribute(generated))
    names: set[tuple[str, str]] = set()
    global_function = template.globals.get("Function") or {}
    for resource in template.active():
        properties = resource.properties
        if resource.type == FUNCTION:
            properties = merge_globals(global_function, properties)
        resolved = template.resolve(properties)
        for key in NAME_PROPERTIES:
            if resolved.get(key):
                names.add((f"{resource.type}.{key}", str(resolved[key])))
        if resource.type != FUNCTION:
            continue
        variables = (resolved.get("Environment") or {}).get("Variables") or {}
        for variable in ("SSM_PREFIX", "POWERTOOLS_METRICS_NAMESPACE", "SCHEDULE_GROUP"):
            if variables.get(variable):
                names.add((variable, str(variables[variable])))
        for event_name, event in (resolved.get("Events") or {}).items():
            if event["Type"] == "ScheduleV2":  # SAM names the schedule <function><event> unless told
                props = event["Properties"]
                group = props.get("GroupName", "default")
                names.add(("schedule", f"{group}/{props.get('Name', resource.logical_id + event_name)}"))
    return names


def collisions(document: dict[str, Any]) -> set[str]:
    hanoi, hue = physical_names(document, "anninh-hanoi"), physical_names(document, "anninh-hue")
    return {value for _, value in hanoi} & {value for _, value in hue}


def test_two_stacks_in_one_account_share_no_physical_name(document) -> None:
    names = physical_names(document, "anninh-hanoi")
    kinds = {kind for kind, _ in names}
    # The names the check must see (a render that found nothing would pass vacuously).
    assert {
        "AWS::Scheduler::ScheduleGroup.Name",
        "AWS::KMS::Alias.AliasName",
        "schedule",
        "SSM_PREFIX",
    } <= kinds
    assert collisions(document) == set()


def test_the_two_stack_check_finds_a_stage_scoped_name(document) -> None:
    stage_scoped = copy.deepcopy(document)
    stage_scoped["Resources"]["DataKeyAlias"]["Properties"]["AliasName"] = {
        "Fn::Sub": "alias/anninh-${Stage}"
    }
    assert collisions(stage_scoped) == {"alias/anninh-prod"}


def test_secrets_live_under_the_stack_and_every_function_reads_only_its_own(document, resources) -> None:
    variables = document["Globals"]["Function"]["Environment"]["Variables"]
    assert variables["SSM_PREFIX"] == {"Fn::Sub": "/anninh/${AWS::StackName}"}
    for logical_id, body in of_type(resources, FUNCTION).items():
        for policy in body["Properties"].get("Policies", []):
            if isinstance(policy, dict) and "SSMParameterReadPolicy" in policy:
                name = policy["SSMParameterReadPolicy"]["ParameterName"]["Fn::Sub"]
                assert name.startswith("anninh/${AWS::StackName}/"), (logical_id, name)


# ------------------------------------------------------------------------------------------ data and keys


def data_tables(resources: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Tables that hold what cannot be rebuilt: those backed up with point-in-time recovery."""
    return {
        lid: body
        for lid, body in of_type(resources, TABLE).items()
        if body["Properties"].get("PointInTimeRecoverySpecification", {}).get("PointInTimeRecoveryEnabled")
    }


def test_data_is_retained_except_when_its_first_create_rolls_back(resources) -> None:
    kept = {
        **data_tables(resources),
        **of_type(resources, "AWS::KMS::Key"),
        **of_type(resources, "AWS::S3::Bucket"),
    }
    assert {"TipsTable", "TokensTable", "UnitsTable", "DataKey", "MediaBucket"} <= set(kept)
    for logical_id, body in kept.items():
        assert body.get("DeletionPolicy") == "RetainExceptOnCreate", logical_id
        assert body.get("UpdateReplacePolicy") == "Retain", logical_id


def test_tables_holding_data_are_deletion_protected(resources, document) -> None:
    for logical_id, body in data_tables(resources).items():
        assert body["Properties"].get("DeletionProtectionEnabled") == ref("TableDeletionProtection"), (
            logical_id
        )
    parameter = document["Parameters"]["TableDeletionProtection"]
    assert parameter["Default"] == "true" and parameter["AllowedValues"] == ["true", "false"]


def uses_data_key(policy: Any) -> bool:
    if isinstance(policy, dict) and "KMSDecryptPolicy" in policy:
        return policy["KMSDecryptPolicy"]["KeyId"] == ref("DataKey")
    if isinstance(policy, dict) and "Statement" in policy:
        return any(
            "kms:Decrypt" in statement["Action"] and statement["Resource"] in (arn("DataKey"), ref("DataKey"))
            for statement in policy["Statement"]
        )
    return False


def test_every_function_on_an_encrypted_table_may_use_the_key(resources) -> None:
    encrypted = {
        lid
        for lid, body in of_type(resources, TABLE).items()
        if body["Properties"].get("SSESpecification", {}).get("KMSMasterKeyId") == ref("DataKey")
    }
    checked = set()
    for logical_id, body in of_type(resources, FUNCTION).items():
        policies = body["Properties"].get("Policies", [])
        tables = {
            policy[kind]["TableName"]["Ref"]
            for policy in policies
            if isinstance(policy, dict)
            for kind in ("DynamoDBCrudPolicy", "DynamoDBReadPolicy", "DynamoDBWritePolicy")
            if kind in policy
        } | {  # tables reached by a statement of their own (the tokens table's narrow grants)
            statement["Resource"]["Fn::GetAtt"][0]
            for policy in policies
            if isinstance(policy, dict)
            for statement in policy.get("Statement", [])
            if isinstance(statement.get("Resource"), dict) and "Fn::GetAtt" in statement["Resource"]
        }
        if tables & encrypted:
            checked.add(logical_id)
            assert any(uses_data_key(policy) for policy in policies), (logical_id, sorted(tables & encrypted))
    assert "TokensFunction" in checked


def test_the_alarm_topic_is_encrypted_with_a_key_cloudwatch_may_use(resources) -> None:
    topic = resources["AlarmTopic"]["Properties"]
    assert topic["KmsMasterKeyId"] == ref("DataKey")  # not alias/aws/sns: CloudWatch cannot use that key
    statements = resources["DataKey"]["Properties"]["KeyPolicy"]["Statement"]
    cloudwatch = [s for s in statements if s["Principal"] == {"Service": "cloudwatch.amazonaws.com"}]
    assert len(cloudwatch) == 1 and cloudwatch[0]["Effect"] == "Allow"
    assert {"kms:Decrypt", "kms:GenerateDataKey*"} <= set(cloudwatch[0]["Action"])
    for logical_id, body in of_type(resources, ALARM).items():
        assert ref("AlarmTopic") in body["Properties"]["AlarmActions"], logical_id


def test_zalo_app_id_is_required_and_never_zero(document) -> None:
    parameter = document["Parameters"]["ZaloAppId"]
    assert "Default" not in parameter
    pattern = re.compile(parameter["AllowedPattern"])
    assert pattern.fullmatch(APP_ID)
    for wrong in ("0", "", "00000000", "abc", "12 34", "-1"):
        assert not pattern.fullmatch(wrong), wrong


# ------------------------------------------------------------------------------------------ watched


def test_every_function_logs_to_its_own_encrypted_group_with_the_retention_parameter(
    resources, document
) -> None:
    assert document["Parameters"]["LogRetentionDays"]["Default"] == 90
    groups = set()
    for logical_id, body in of_type(resources, FUNCTION).items():
        group = body["Properties"]["LoggingConfig"]["LogGroup"]["Ref"]
        assert group not in groups, f"{logical_id} shares {group}"
        groups.add(group)
        properties = resources[group]["Properties"]
        assert resources[group]["Type"] == "AWS::Logs::LogGroup"
        assert properties["RetentionInDays"] == ref("LogRetentionDays")
        assert properties["KmsKeyId"] == arn("DataKey")
        assert "LogGroupName" not in properties  # generated: never collides with a log group Lambda made
    statements = resources["DataKey"]["Properties"]["KeyPolicy"]["Statement"]
    assert any(
        s["Principal"] == {"Service": {"Fn::Sub": "logs.${AWS::Region}.${AWS::URLSuffix}"}}
        for s in statements
    )
    api_logs = resources["HttpApi"]["Properties"]["AccessLogSettings"]["DestinationArn"]
    assert api_logs == arn("ApiAccessLogGroup")


def alarms_on(resources: dict[str, Any], namespace: Any, metric: str) -> list[dict[str, Any]]:
    return [
        body["Properties"]
        for body in of_type(resources, ALARM).values()
        if body["Properties"].get("Namespace") == namespace and body["Properties"].get("MetricName") == metric
    ]


def dimension(alarm: dict[str, Any], name: str) -> Any:
    return next(d["Value"] for d in alarm["Dimensions"] if d["Name"] == name)


def test_every_function_has_an_errors_alarm(resources) -> None:
    watched = {dimension(a, "FunctionName")["Ref"] for a in alarms_on(resources, "AWS/Lambda", "Errors")}
    assert watched == set(of_type(resources, FUNCTION))


def dead_letter_queues(resources: dict[str, Any]) -> set[str]:
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "deadLetterTargetArn":
                    found.add(item["Fn::GetAtt"][0])
                elif key in ("DeadLetterConfig", "DeadLetterQueue") and isinstance(item, dict):
                    target = item.get("Arn") or item.get("TargetArn")
                    found.add(target["Fn::GetAtt"][0])
                else:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(resources)
    return found


def test_every_dead_letter_queue_has_an_alarm(resources) -> None:
    queues = dead_letter_queues(resources)
    assert {"InboundDeadLetterQueue", "MediaDeadLetterQueue", "OutboundDeadLetterQueue"} <= queues
    assert "ScheduleDeadLetterQueue" in queues
    watched = {
        dimension(a, "QueueName")["Fn::GetAtt"][0]
        for a in alarms_on(resources, "AWS/SQS", "ApproximateNumberOfMessagesVisible")
    }
    assert queues <= watched
    for alarm in alarms_on(resources, "AWS/SQS", "ApproximateNumberOfMessagesVisible"):
        assert alarm["Threshold"] == 0 and alarm["ComparisonOperator"] == "GreaterThanThreshold"


def test_every_schedule_has_a_dead_letter_queue_and_the_stacks_group(resources) -> None:
    schedules = [
        (logical_id, body)
        for logical_id, body in of_type(resources, FUNCTION).items()
        for event in body["Properties"].get("Events", {}).values()
        if event["Type"] == "ScheduleV2"
    ]
    assert {lid for lid, _ in schedules} == {"TokensFunction", "DigestFunction", "WeeklyFunction"}
    for logical_id, body in schedules:
        for event in body["Properties"]["Events"].values():
            props = event["Properties"]
            assert props["GroupName"] == ref("SchedulesGroup"), logical_id
            assert props["DeadLetterConfig"] == {"Arn": arn("ScheduleDeadLetterQueue")}, logical_id
            assert props["RetryPolicy"]["MaximumRetryAttempts"] >= 1
    # The scheduled functions are invoked asynchronously: a run failing after Lambda's retries is parked.
    for logical_id in ("TokensFunction", "DigestFunction", "BroadcastFunction"):
        dead_letter = resources[logical_id]["Properties"]["DeadLetterQueue"]
        assert dead_letter == {"Type": "SQS", "TargetArn": arn("ScheduleDeadLetterQueue")}, logical_id
    # Broadcast schedules, created at run time: the stack's group, its DLQ, and only this stack's schedules.
    admin = resources["AdminFunction"]["Properties"]
    assert admin["Environment"]["Variables"]["SCHEDULE_GROUP"] == ref("SchedulesGroup")
    assert admin["Environment"]["Variables"]["SCHEDULE_DLQ_ARN"] == arn("ScheduleDeadLetterQueue")
    scheduler_statement = next(
        s
        for p in admin["Policies"]
        if isinstance(p, dict) and "Statement" in p
        for s in p["Statement"]
        if "scheduler:CreateSchedule" in s["Action"]
    )
    assert "schedule/${SchedulesGroup}/anninh-broadcast-*" in scheduler_statement["Resource"]["Fn::Sub"]
    role = resources["BroadcastSchedulerRole"]["Properties"]["Policies"][0]["PolicyDocument"]["Statement"]
    assert {
        "Effect": "Allow",
        "Action": "sqs:SendMessage",
        "Resource": arn("ScheduleDeadLetterQueue"),
    } in role


def test_webhook_failures_and_rejections_by_reason_are_alarmed(resources, document) -> None:
    variables = document["Globals"]["Function"]["Environment"]["Variables"]
    namespace = variables["POWERTOOLS_METRICS_NAMESPACE"]
    assert namespace == {"Fn::Sub": "AnNinh/${AWS::StackName}"}  # per stack: never another stack's events
    rejected = alarms_on(resources, namespace, "WebhookRejected")
    reasons = {dimension(a, "reason") for a in rejected}
    assert {"bad_signature", "unknown_oa", "wrong_app", "internal_error"} <= reasons
    for alarm in rejected:
        assert dimension(alarm, "service") == variables["POWERTOOLS_SERVICE_NAME"]
    # Each alarmed reason is one the webhook really counts.
    source = (ROOT / "layers/anninh/anninh/inbound/webhook.py").read_text() + (
        ROOT / "functions/webhook/app.py"
    ).read_text()
    for reason in reasons:
        assert f'"{reason}"' in source, reason
    (server_errors,) = alarms_on(resources, "AWS/ApiGateway", "5xx")
    assert dimension(server_errors, "ApiId") == ref("HttpApi")


def test_token_refresh_queue_age_and_throttles_are_alarmed(resources) -> None:
    (age,) = alarms_on(resources, "AWS/SQS", "ApproximateAgeOfOldestMessage")
    assert dimension(age, "QueueName") == {"Fn::GetAtt": ["InboundQueue", "QueueName"]}
    throttles = resources["FunctionThrottlesAlarm"]["Properties"]
    watched = {
        query["MetricStat"]["Metric"]["Dimensions"][0]["Value"]["Ref"]
        for query in throttles["Metrics"]
        if "MetricStat" in query and query["MetricStat"]["Metric"]["MetricName"] == "Throttles"
    }
    assert watched == set(of_type(resources, FUNCTION))
    expression = next(q["Expression"] for q in throttles["Metrics"] if "Expression" in q)
    for query in throttles["Metrics"]:
        if "MetricStat" in query:
            assert query["Id"] in expression
    errors = alarms_on(resources, "AWS/Lambda", "Errors")
    assert any(dimension(a, "FunctionName") == ref("TokensFunction") and a["Threshold"] == 0 for a in errors)


def counted_metrics() -> set[str]:
    names: set[str] = set()
    for folder in ("layers/anninh/anninh", "functions"):
        for path in (ROOT / folder).rglob("*.py"):
            names |= set(re.findall(r'count\(\s*"(\w+)"', path.read_text()))
    return names


def test_the_dashboard_shows_what_operators_watch(resources) -> None:
    dashboard = resources["Dashboard"]["Properties"]
    assert dashboard["DashboardName"] == ref("AWS::StackName")
    template = Template({"Resources": resources}, stack_name="anninh-hue")
    for logical_id in resources:
        template.physical[logical_id] = PhysicalResource(ref=logical_id, attributes=_AnyAttribute(logical_id))
    body = json.loads(template.resolve(dashboard["DashboardBody"]))
    widgets = body["widgets"]
    queries = " ".join(w["properties"].get("query", "") for w in widgets)
    assert "SOURCE 'WebhookFunctionLogGroup'" in queries and "by oa_id" in queries  # traffic per OA
    shown = json.dumps([w["properties"].get("metrics", []) for w in widgets])
    for metric in ("FaqAnswered", "FaqAbstained", "TipsSubmitted", "ZaloErrors", "WebhookRejected"):
        assert metric in shown, metric
        assert metric in counted_metrics(), f"{metric} is not emitted by the code"
    for queue in of_type(resources, "AWS::SQS::Queue"):
        assert f'"{queue}.QueueName"' in shown, queue
    for function in of_type(resources, FUNCTION):
        assert f'"Duration", "FunctionName", "{function}"' in shown, function
    assert "AnNinh/anninh-hue" in shown  # the stack's own namespace


# ------------------------------------------------------------------------------------------ bounds


def test_every_numeric_parameter_has_a_maximum(document) -> None:
    for name, parameter in document["Parameters"].items():
        if parameter["Type"] == "Number":
            assert "MaxValue" in parameter or "AllowedValues" in parameter, name
            if "MaxValue" in parameter:
                assert parameter["MinValue"] <= parameter["Default"] <= parameter["MaxValue"], name


def test_media_caps_fit_in_the_functions_temporary_storage(document, resources) -> None:
    media = resources["MediaFunction"]["Properties"]
    storage_mb = media["EphemeralStorage"]["Size"]
    assert 512 <= storage_mb <= 10240
    caps = [p for name, p in document["Parameters"].items() if re.fullmatch(r"MediaMax\w+MB", name)]
    assert len(caps) == 4
    largest_bytes = max(cap["MaxValue"] for cap in caps) * 1024 * 1024
    assert largest_bytes + 64 * 1024 * 1024 <= storage_mb * 1000 * 1000  # the file, plus room to spare


def test_concurrency_is_bounded(document, resources) -> None:
    webhook = resources["WebhookFunction"]["Properties"]
    assert webhook["ReservedConcurrentExecutions"] == {
        "Fn::If": ["HasWebhookReservedConcurrency", ref("WebhookReservedConcurrency"), ref("AWS::NoValue")]
    }
    for function, parameter in (
        ("SenderFunction", "SenderMaxConcurrency"),
        ("MediaFunction", "MediaMaxConcurrency"),
    ):
        (event,) = resources[function]["Properties"]["Events"].values()
        assert event["Properties"]["ScalingConfig"]["MaximumConcurrency"] == ref(parameter), function
        assert document["Parameters"][parameter]["MinValue"] >= 2  # SQS event sources take 2..1000
        assert document["Parameters"][parameter]["MaxValue"] <= 1000
    worker = resources["WorkerFunction"]["Properties"]["Events"]["Inbound"]["Properties"]
    assert worker["ScalingConfig"]["MaximumConcurrency"] == ref("WorkerMaxConcurrency")


def test_every_checkov_suppression_is_justified_in_place(resources) -> None:
    suppressions = [
        (logical_id, skip)
        for logical_id, body in resources.items()
        for skip in ((body.get("Metadata") or {}).get("checkov") or {}).get("skip", [])
    ]
    assert suppressions  # the check reads the same Metadata checkov does
    for logical_id, skip in suppressions:
        assert re.fullmatch(r"CKV2?_AWS_\d+", skip["id"]), (logical_id, skip)
        assert len(skip.get("comment", "").split()) >= 8, f"{logical_id} {skip['id']}: say why"


def test_tracing_is_a_parameter_off_by_default(document) -> None:
    # X-Ray on every invocation costs more than everything else together (tests/bench/cost_bench.py).
    assert document["Globals"]["Function"]["Tracing"] == ref("Tracing")
    parameter = document["Parameters"]["Tracing"]
    assert parameter["Default"] == "PassThrough" and set(parameter["AllowedValues"]) == {
        "Active",
        "PassThrough",
    }
