"""Functions of the template run in-process the way Lambda runs them: same handler, same environment,
a Lambda-like context, the timeout enforced on the result.

A function can be told to crash after its handler ran (:meth:`LocalFunction.inject_crash_after`, or
``POST /_local/faults``): the work is done but the invocation fails, as when a Lambda instance dies before
answering, so an SQS event source redelivers the same records.
"""

from __future__ import annotations

import importlib.util
import logging
import sys
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from localrun import environ
from localrun.aws_resources import function_arn, function_name
from localrun.template import Resource, Template, TemplateError

log = logging.getLogger(__name__)

SERVERLESS_FUNCTION = "AWS::Serverless::Function"
DEFAULT_TIMEOUT_SECONDS = 3
DEFAULT_MEMORY_MB = 128

# One invocation at a time, process-wide. In Lambda concurrent invocations never share a process; here
# every function shares one, and Powertools keeps per-invocation state at module scope (the metric set,
# logger keys, the idempotency config). Serialising keeps each invocation's state its own, at the cost of
# parallelism a laptop does not need. The HTTP server, moto and the fake Zalo are not behind this lock.
_INVOCATION_LOCK = threading.Lock()
# Set when the stack stops: an invocation still waiting for the lock gives up (its records stay on their
# queue, as when a Lambda service stops polling) instead of running after the stop was asked for. Under load
# several pollers and scheduled runs queue on the lock; each running in turn made a stop take half a minute.
_REFUSING = threading.Event()
_LOCK_POLL_SECONDS = 0.1


def refuse_invocations() -> None:
    """From now on an invocation not yet running fails at once with ``InvocationError`` (stack stopping)."""
    _REFUSING.set()


def accept_invocations() -> None:
    """Undo :func:`refuse_invocations` (a stack started again in the same process, e.g. in tests)."""
    _REFUSING.clear()


def _acquire_invocation_slot(name: str) -> None:
    while not _INVOCATION_LOCK.acquire(timeout=_LOCK_POLL_SECONDS):
        if _REFUSING.is_set():
            raise InvocationError(f"{name}: the local stack is stopping")
    if _REFUSING.is_set():
        _INVOCATION_LOCK.release()
        raise InvocationError(f"{name}: the local stack is stopping")


class InvocationError(RuntimeError):
    """The handler raised, or ran past its timeout (Lambda would have killed it)."""


@dataclass
class LambdaContext:
    """The attributes and method of the Python runtime's context object that handlers and Powertools use."""

    function_name: str
    invoked_function_arn: str
    memory_limit_in_mb: int
    timeout_seconds: int
    function_version: str = "$LATEST"
    aws_request_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    identity: Any = None
    client_context: Any = None
    _deadline: float = 0.0

    def __post_init__(self) -> None:
        self._deadline = time.monotonic() + self.timeout_seconds
        self.log_group_name = f"/aws/lambda/{self.function_name}"
        self.log_stream_name = f"{time.strftime('%Y/%m/%d')}/[$LATEST]{self.aws_request_id.replace('-', '')}"

    def get_remaining_time_in_millis(self) -> int:
        return max(0, int((self._deadline - time.monotonic()) * 1000))


@dataclass
class LocalFunction:
    logical_id: str
    name: str
    arn: str
    code_dir: Path
    handler: str
    timeout: int
    memory: int
    environment: dict[str, str]
    events: dict[str, dict[str, Any]]
    _callable: Callable[[Any, LambdaContext], Any] | None = None
    _module: ModuleType | None = None
    _load_lock: threading.Lock = field(default_factory=threading.Lock)
    _crashes_pending: int = 0
    crashes_injected: int = 0

    @property
    def module(self) -> ModuleType | None:
        """The handler's module once loaded (its cold-start objects live there)."""
        return self._module

    def inject_crash_after(self, times: int = 1) -> None:
        """The next ``times`` invocations run their handler, then fail as if the instance died."""
        if times < 1:
            raise ValueError("times must be at least 1")
        with self._load_lock:
            self._crashes_pending += times

    def faults(self) -> dict[str, int]:
        with self._load_lock:
            return {"crash_after_pending": self._crashes_pending, "crashes_injected": self.crashes_injected}

    def _take_crash(self) -> bool:
        with self._load_lock:
            if self._crashes_pending <= 0:
                return False
            self._crashes_pending -= 1
            self.crashes_injected += 1
            return True

    @property
    def runtime_environment(self) -> dict[str, str]:
        """The function's variables plus the ones the Lambda runtime itself sets."""
        return {
            **self.environment,
            "AWS_LAMBDA_FUNCTION_NAME": self.name,
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": str(self.memory),
            "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
            "AWS_LAMBDA_LOG_GROUP_NAME": f"/aws/lambda/{self.name}",
            "_HANDLER": self.handler,
        }

    def load(self) -> Callable[[Any, LambdaContext], Any]:
        """Import the handler's file under a module name unique to this function (they are all app.py)."""
        with self._load_lock:
            if self._callable is None:
                module_path, _, attribute = self.handler.rpartition(".")
                source = self.code_dir / (module_path.replace(".", "/") + ".py")
                if not source.is_file():
                    raise TemplateError(f"{self.logical_id}: handler file {source} does not exist")
                module_name = f"localrun_function_{self.logical_id}"
                spec = importlib.util.spec_from_file_location(module_name, source)
                if spec is None or spec.loader is None:
                    raise TemplateError(f"{self.logical_id}: cannot import {source}")
                module: ModuleType = importlib.util.module_from_spec(spec)
                sys.modules[module_name] = module
                with environ.overlay(self.runtime_environment):
                    spec.loader.exec_module(module)
                handler = getattr(module, attribute, None)
                if not callable(handler):
                    raise TemplateError(f"{self.logical_id}: {source} has no callable {attribute}")
                self._callable = handler
                self._module = module
            return self._callable

    def invoke(self, event: Any) -> Any:
        """Call the handler with ``event``; raise ``InvocationError`` on exception or timeout."""
        handler = self.load()
        _acquire_invocation_slot(self.name)
        try:
            result, elapsed = self._run(handler, event)
        finally:
            _INVOCATION_LOCK.release()
        if elapsed > self.timeout:
            log.error(
                "%s ran %.1fs, over its %ss timeout: treated as failed", self.name, elapsed, self.timeout
            )
            raise InvocationError(f"{self.name}: Task timed out after {self.timeout} seconds")
        if self._take_crash():
            log.warning("%s: injected crash after the handler ran (its result is lost)", self.name)
            raise InvocationError(f"{self.name}: injected crash after the handler ran")
        return result

    def _run(self, handler: Callable[[Any, LambdaContext], Any], event: Any) -> tuple[Any, float]:
        with environ.overlay(self.runtime_environment):
            context = LambdaContext(
                function_name=self.name,
                invoked_function_arn=self.arn,
                memory_limit_in_mb=self.memory,
                timeout_seconds=self.timeout,
            )
            started = time.monotonic()
            try:
                result = handler(event, context)
            except Exception as exc:
                log.exception("%s failed (request %s)", self.name, context.aws_request_id)
                raise InvocationError(f"{self.name}: {type(exc).__name__}") from exc
            return result, time.monotonic() - started


def build_functions(
    template: Template, template_dir: Path, rewrite: Callable[[str], str]
) -> list[LocalFunction]:
    """One LocalFunction per active AWS::Serverless::Function, with Globals merged and values resolved.

    ``rewrite`` maps resolved environment values to their local form (e.g. an execute-api URL to the local
    server's URL).
    """
    global_function = template.globals.get("Function") or {}
    functions = []
    for resource in template.active(SERVERLESS_FUNCTION):
        properties = merge_globals(global_function, resource.properties)
        resolved = template.resolve(properties)
        functions.append(_local_function(template, resource, resolved, template_dir, rewrite))
    return functions


def merge_globals(global_function: Mapping[str, Any], properties: Mapping[str, Any]) -> dict[str, Any]:
    """SAM's Globals rule: maps merge (the function wins), lists append, scalars are overridden."""
    merged: dict[str, Any] = dict(global_function)
    for key, value in properties.items():
        base = merged.get(key)
        if isinstance(base, dict) and isinstance(value, dict):
            merged[key] = merge_globals(base, value)
        elif isinstance(base, list) and isinstance(value, list):
            merged[key] = base + value
        else:
            merged[key] = value
    return merged


def _local_function(
    template: Template,
    resource: Resource,
    properties: dict[str, Any],
    template_dir: Path,
    rewrite: Callable[[str], str],
) -> LocalFunction:
    code_uri = properties.get("CodeUri")
    if not isinstance(code_uri, str):
        raise TemplateError(f"{resource.logical_id}: CodeUri must be a local folder for the local stack")
    variables = (properties.get("Environment") or {}).get("Variables") or {}
    name = function_name(template, resource)
    return LocalFunction(
        logical_id=resource.logical_id,
        name=name,
        arn=function_arn(template, name),
        code_dir=(template_dir / code_uri).resolve(),
        handler=str(properties.get("Handler", "app.lambda_handler")),
        timeout=int(properties.get("Timeout", DEFAULT_TIMEOUT_SECONDS)),
        memory=int(properties.get("MemorySize", DEFAULT_MEMORY_MB)),
        environment={key: rewrite(_env_text(value)) for key, value in variables.items()},
        events=dict(properties.get("Events") or {}),
    )


def _env_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def shared_variable_conflicts(functions: list[LocalFunction]) -> dict[str, set[str]]:
    """Variables that two functions set to different values (isolated per invocation, reported at start)."""
    seen: dict[str, set[str]] = {}
    for function in functions:
        for key, value in function.environment.items():
            seen.setdefault(key, set()).add(value)
    return {key: values for key, values in seen.items() if len(values) > 1}
