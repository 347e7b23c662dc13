"""OA secret keys in SSM Parameter Store for the admin function: which exist, their values, writing one.

Names: ``{SSM_PREFIX}/oa/{oa_id}/secret_key`` (:func:`anninh.settings.oa_secret_parameter`), SecureString
with the account's default SSM key, as the webhook reads them. One paginated GetParametersByPath lists them
all (200 OAs: a handful of calls); values are never logged.
"""

from __future__ import annotations

from typing import Any

from anninh.settings import oa_secret_parameter

SUFFIX = "/secret_key"


class SsmOaSecrets:
    def __init__(self, client: Any, ssm_prefix: str) -> None:
        self._ssm = client
        self._prefix = ssm_prefix.rstrip("/")
        self._path = f"{self._prefix}/oa/"

    def _by_path(self, decrypt: bool) -> dict[str, str]:
        found: dict[str, str] = {}
        paginator = self._ssm.get_paginator("get_parameters_by_path")
        for page in paginator.paginate(Path=self._path, Recursive=True, WithDecryption=decrypt):
            for parameter in page.get("Parameters", []):
                name = str(parameter["Name"])
                if name.endswith(SUFFIX):
                    oa_id = name.removeprefix(self._path).removesuffix(SUFFIX)
                    if oa_id and "/" not in oa_id:
                        found[oa_id] = str(parameter.get("Value", ""))
        return found

    def present(self) -> set[str]:
        return set(self._by_path(decrypt=False))

    def current(self) -> dict[str, str]:
        return self._by_path(decrypt=True)

    def put(self, oa_id: str, secret: str) -> None:
        self._ssm.put_parameter(
            Name=oa_secret_parameter(self._prefix, oa_id), Value=secret, Type="SecureString", Overwrite=True
        )
