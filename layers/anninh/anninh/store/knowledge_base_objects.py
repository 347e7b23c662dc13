"""The published FAQ knowledge base as one object in a versioned S3 bucket (SSE-KMS with the stack's key)."""

from __future__ import annotations

from typing import Any

from anninh.faq.published import FetchedObject, NothingPublished, PublishedVersion

KNOWLEDGE_BASE_KEY = "faq/knowledge_base.json"


def _error_code(exc: Exception) -> str:
    response = getattr(exc, "response", None) or {}
    return str(response.get("Error", {}).get("Code", ""))


class S3KnowledgeBaseObjects:
    def __init__(
        self, client: Any, bucket: str, kms_key_id: str | None = None, key: str = KNOWLEDGE_BASE_KEY
    ):
        self._client = client
        self.bucket = bucket
        self.key = key
        self._kms_key_id = kms_key_id

    def put(self, body: bytes, metadata: dict[str, str]) -> str:
        extra: dict[str, str] = {}
        if self._kms_key_id:
            extra = {"ServerSideEncryption": "aws:kms", "SSEKMSKeyId": self._kms_key_id}
        response = self._client.put_object(
            Bucket=self.bucket,
            Key=self.key,
            Body=body,
            ContentType="application/json; charset=utf-8",
            Metadata=metadata,
            **extra,
        )
        return str(response.get("VersionId") or "")

    def fetch(self, etag: str | None) -> FetchedObject | None:
        from botocore.exceptions import ClientError

        kwargs: dict[str, str] = {"Bucket": self.bucket, "Key": self.key}
        if etag:
            kwargs["IfNoneMatch"] = etag
        try:
            response = self._client.get_object(**kwargs)
        except ClientError as exc:
            code = _error_code(exc)
            if code in {"304", "NotModified"}:
                return None
            if code in {"NoSuchKey", "404"}:
                raise NothingPublished(self.key) from exc
            raise
        return FetchedObject(
            body=response["Body"].read(), etag=str(response["ETag"]), version_id=response.get("VersionId")
        )

    def versions(self) -> list[PublishedVersion]:
        found: list[PublishedVersion] = []
        paginator = self._client.get_paginator("list_object_versions")
        for page in paginator.paginate(Bucket=self.bucket, Prefix=self.key):
            for version in page.get("Versions", []):
                if version["Key"] != self.key:
                    continue
                found.append(
                    PublishedVersion(
                        version_id=str(version["VersionId"]),
                        etag=str(version["ETag"]),
                        published_at=version["LastModified"],
                        is_latest=bool(version["IsLatest"]),
                        size=int(version["Size"]),
                    )
                )
        found.sort(key=lambda v: (v.is_latest, v.published_at), reverse=True)
        return found

    def remove(self, version_id: str) -> None:
        self._client.delete_object(Bucket=self.bucket, Key=self.key, VersionId=version_id)
