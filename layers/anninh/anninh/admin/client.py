"""HTTP client of the admin API for the command line.

Where: ``--api URL`` or ANNINH_API_URL (the local stack's banner prints both variables). How: with
ANNINH_LOCAL_TOKEN set, the header ``x-anninh-token`` (local stack); otherwise every request is signed with
SigV4 (service ``execute-api``) using the default AWS credential chain, region from AWS_REGION /
AWS_DEFAULT_REGION or, failing that, from the execute-api host name.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from anninh.admin.auth import TOKEN_HEADER
from anninh.settings import environment, optional

API_URL_ENV = "ANNINH_API_URL"
LOCAL_TOKEN_ENV = "ANNINH_LOCAL_TOKEN"  # noqa: S105 - a variable name
SERVICE = "execute-api"
_EXECUTE_API_HOST = re.compile(r"\.execute-api\.([a-z0-9-]+)\.amazonaws\.com$")


class AdminClientError(Exception):
    """The request could not be made or was refused; ``status`` is the HTTP status (None: no answer)."""

    def __init__(self, message: str, *, status: int | None = None, code: str = "", body: Any = None):
        super().__init__(message)
        self.message = message
        self.status = status
        self.code = code
        self.body = body


class ClientConfigError(AdminClientError):
    """No API URL, no AWS credentials or no region: nothing was sent."""


class ApiUnreachable(AdminClientError):
    """Connection refused, DNS failure or timeout."""


@dataclass(frozen=True)
class SigV4Signer:
    region: str
    credentials: Any  # botocore Credentials

    def sign(self, method: str, url: str, body: bytes | None, headers: dict[str, str]) -> dict[str, str]:
        from botocore.auth import SigV4Auth
        from botocore.awsrequest import AWSRequest

        request = AWSRequest(method=method, url=url, data=body or b"", headers=headers)
        SigV4Auth(self.credentials.get_frozen_credentials(), SERVICE, self.region).add_auth(request)
        return dict(request.headers.items())


def region_for(base_url: str, env: Mapping[str, str]) -> str | None:
    region = optional(env, "AWS_REGION") or optional(env, "AWS_DEFAULT_REGION")
    if region:
        return region
    match = _EXECUTE_API_HOST.search(urlsplit(base_url).hostname or "")
    return match.group(1) if match else None


class AdminClient:
    def __init__(
        self,
        base_url: str,
        *,
        local_token: str | None = None,
        signer: SigV4Signer | None = None,
        session: requests.Session | None = None,
        timeout: float = 20,
    ) -> None:
        if not (local_token or signer):
            raise ClientConfigError("AdminClient needs a local token or a SigV4 signer")
        self.base_url = base_url.rstrip("/")
        self.local_token = local_token
        self.signer = signer
        self.timeout = timeout
        self.session = session or requests.Session()
        # Only failures to connect are retried: the request never reached the API, so repeating is safe.
        retry = Retry(total=2, connect=2, read=0, status=0, other=0, backoff_factor=0.3, allowed_methods=None)
        self.session.mount("http://", HTTPAdapter(max_retries=retry))
        self.session.mount("https://", HTTPAdapter(max_retries=retry))

    @classmethod
    def from_env(cls, api_url: str | None = None, env: Mapping[str, str] | None = None) -> AdminClient:
        from anninh import texts

        env = environment() if env is None else env
        base_url = (api_url or "").strip() or optional(env, API_URL_ENV) or ""
        if not base_url:
            raise ClientConfigError(texts.ADMIN_CLI_NO_API_URL)
        token = optional(env, LOCAL_TOKEN_ENV)
        if token:
            return cls(base_url, local_token=token)
        region = region_for(base_url, env)
        if not region:
            raise ClientConfigError(texts.ADMIN_CLI_NO_REGION)
        import botocore.session

        credentials = botocore.session.Session().get_credentials()
        if credentials is None:
            raise ClientConfigError(texts.ADMIN_CLI_NO_CREDENTIALS)
        return cls(base_url, signer=SigV4Signer(region, credentials))

    # ------------------------------------------------------------------ transport
    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        body: Any = None,
        headers: Mapping[str, str] | None = None,
        raw: bool = False,
    ) -> Any:
        """The decoded JSON answer of a 2xx (its bytes with ``raw``, e.g. a CSV file); AdminClientError (with
        the API's code and message) otherwise."""
        from anninh import texts

        data = json.dumps(body, ensure_ascii=False).encode() if body is not None else None
        sent_headers = {"accept": "application/json", **(headers or {})}
        if data is not None:
            sent_headers["content-type"] = "application/json"
        prepared = requests.Request(
            method, self.base_url + path, params=dict(params or {}), data=data, headers=sent_headers
        ).prepare()
        assert prepared.url is not None
        if self.local_token:
            prepared.headers[TOKEN_HEADER] = self.local_token
        elif self.signer is not None:
            signed = self.signer.sign(method, prepared.url, data, dict(prepared.headers))
            prepared.headers.update(signed)
        try:
            response = self.session.send(prepared, timeout=self.timeout)
        except (requests.ConnectionError, requests.Timeout) as exc:
            raise ApiUnreachable(texts.ADMIN_CLI_UNREACHABLE.format(url=self.base_url)) from exc
        if raw and response.ok:
            return response.content
        try:
            answer = response.json()
        except ValueError:
            answer = None
        if response.ok:
            return answer
        details = answer if isinstance(answer, dict) else {}
        message = str(
            details.get("message") or texts.ADMIN_CLI_HTTP_ERROR.format(status=response.status_code)
        )
        raise AdminClientError(
            message, status=response.status_code, code=str(details.get("code") or ""), body=answer
        )

    # ------------------------------------------------------------------ routes
    def units(self) -> list[dict[str, Any]]:
        return list(self.request("GET", "/admin/units")["units"])

    def officers(self, unit_id: str) -> list[dict[str, Any]]:
        return list(self.request("GET", "/admin/officers", params={"unit_id": unit_id})["officers"])

    def put_officer(self, unit_id: str, user_id: str, officer: Mapping[str, Any]) -> dict[str, Any]:
        path = f"/admin/officers/{quote(unit_id, safe='')}/{quote(user_id, safe='')}"
        return dict(self.request("PUT", path, body=dict(officer)))

    def remove_officer(self, unit_id: str, user_id: str) -> dict[str, Any]:
        path = f"/admin/officers/{quote(unit_id, safe='')}/{quote(user_id, safe='')}"
        return dict(self.request("DELETE", path))

    def questions(
        self, unit_id: str | None = None, status: str | None = None, include_descendants: bool = False
    ) -> list[dict[str, Any]]:
        params = {"include_descendants": "true" if include_descendants else "false"}
        if unit_id:
            params["unit_id"] = unit_id
        if status:
            params["status"] = status
        return list(self.request("GET", "/admin/questions", params=params)["questions"])

    def answer(self, code: str, answer: str, answered_by: str | None, idempotency_key: str) -> dict[str, Any]:
        body: dict[str, Any] = {"answer": answer}
        if answered_by:
            body["answered_by"] = answered_by
        return dict(
            self.request(
                "POST",
                f"/admin/questions/{quote(code, safe='')}/answer",
                body=body,
                headers={"idempotency-key": idempotency_key},
            )
        )

    # ------------------------------------------------------------------ tips
    def tips(
        self,
        unit_id: str | None = None,
        status: str | None = None,
        include_descendants: bool = False,
        urgent: bool | None = None,
    ) -> list[dict[str, Any]]:
        params = {"include_descendants": "true" if include_descendants else "false"}
        if unit_id:
            params["unit_id"] = unit_id
        if status:
            params["status"] = status
        if urgent is not None:
            params["urgent"] = "true" if urgent else "false"
        return list(self.request("GET", "/admin/tips", params=params)["tips"])

    def tip(self, code: str) -> dict[str, Any]:
        return dict(self.request("GET", f"/admin/tips/{quote(code, safe='')}"))

    def update_tip(
        self, code: str, status: str, public_result: str | None, idempotency_key: str
    ) -> dict[str, Any]:
        body: dict[str, Any] = {"status": status}
        if public_result:
            body["public_result"] = public_result
        headers = {"idempotency-key": idempotency_key}
        return dict(self.request("PATCH", f"/admin/tips/{quote(code, safe='')}", body=body, headers=headers))

    def reply_tip(self, code: str, text: str, idempotency_key: str) -> dict[str, Any]:
        path = f"/admin/tips/{quote(code, safe='')}/reply"
        return dict(
            self.request("POST", path, body={"text": text}, headers={"idempotency-key": idempotency_key})
        )

    def transfer_tip(self, code: str, unit_id: str) -> dict[str, Any]:
        path = f"/admin/tips/{quote(code, safe='')}/transfer"
        return dict(self.request("POST", path, body={"unit_id": unit_id}))

    def note_tip(self, code: str, text: str) -> dict[str, Any]:
        return dict(self.request("POST", f"/admin/tips/{quote(code, safe='')}/notes", body={"text": text}))

    def export_tips(
        self, unit_id: str, start: str | None, end: str | None, include_descendants: bool = True
    ) -> bytes:
        """The CSV file as the API sends it (UTF-8 with a byte order mark)."""
        params = {"unit_id": unit_id, "include_descendants": "true" if include_descendants else "false"}
        if start:
            params["from"] = start
        if end:
            params["to"] = end
        headers = {"accept": "text/csv"}
        return bytes(self.request("GET", "/admin/tips/export.csv", params=params, headers=headers, raw=True))
