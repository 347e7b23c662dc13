"""Tip media in S3: one object per attachment under ``tips/{tip_id}/{media_id}.{ext}``, SSE-KMS.

Every upload names the stack's data key explicitly (``aws:kms`` without a key id would fall back to the
AWS-managed ``aws/s3`` key; the bucket's S3 Bucket Key setting applies), is served as a download
(``Content-Disposition: attachment``: a presigned link never renders HTML in an officer's browser) and
carries its SHA-256 in the object's metadata. Errors are left to raise: the media function's SQS retries
handle throttling and outages.
"""

from __future__ import annotations

from typing import IO, Any, Protocol

MULTIPART_BYTES = 16 * 1024 * 1024


def media_key(tip_id: str, media_id: str, extension: str) -> str:
    return f"tips/{tip_id}/{media_id}.{extension}"


class MediaStore(Protocol):
    def put(self, key: str, body: IO[bytes], content_type: str, sha256: str) -> None: ...


class S3MediaStore:
    def __init__(self, client: Any, bucket: str, kms_key_id: str) -> None:
        from boto3.s3.transfer import TransferConfig

        self._client = client
        self.bucket = bucket
        self._kms_key_id = kms_key_id
        # Single PUT up to 16 MiB (photos, voice, most files), 16 MiB parts beyond (videos up to the cap).
        self._transfer = TransferConfig(
            multipart_threshold=MULTIPART_BYTES, multipart_chunksize=MULTIPART_BYTES, max_concurrency=4
        )

    def put(self, key: str, body: IO[bytes], content_type: str, sha256: str) -> None:
        self._client.upload_fileobj(
            body,
            self.bucket,
            key,
            ExtraArgs={
                "ContentType": content_type,
                "ContentDisposition": "attachment",
                "ServerSideEncryption": "aws:kms",
                "SSEKMSKeyId": self._kms_key_id,
                "Metadata": {"sha256": sha256},
            },
            Config=self._transfer,
        )
