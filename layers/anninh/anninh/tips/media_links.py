"""Short-lived links to tip media for officers: presigned GETs of at most 10 minutes, whatever is asked.

Objects are SSE-KMS, which S3 serves only to Signature Version 4 requests: sign with :func:`link_client`
(or any S3 client configured with ``signature_version="s3v4"``) whose role may read the bucket and decrypt
with the data key. boto3's default S3 client presigns with legacy SigV2: such links are refused here.
"""

from __future__ import annotations

from typing import Any

MAX_LINK_SECONDS = 600


def link_client(region: str | None = None) -> Any:
    """An S3 client that presigns with SigV4 on the regional endpoint."""
    import boto3
    from botocore.config import Config

    return boto3.client(
        "s3", region_name=region, config=Config(signature_version="s3v4", s3={"addressing_style": "virtual"})
    )


def presigned_url(s3_client: Any, bucket: str, key: str, expires_seconds: int = MAX_LINK_SECONDS) -> str:
    """A GET link to ``key`` valid ``min(expires_seconds, 600)`` seconds; refuses a non-positive validity."""
    if expires_seconds <= 0:
        raise ValueError(f"a link must be valid for at least one second, got {expires_seconds}")
    if not key:
        raise ValueError("no object key: the media has not been stored")
    url = str(
        s3_client.generate_presigned_url(
            "get_object",
            Params={"Bucket": bucket, "Key": key},
            ExpiresIn=min(int(expires_seconds), MAX_LINK_SECONDS),
        )
    )
    # botocore presigns S3 with SigV2 unless the client names s3v4 explicitly; S3 would refuse such a link.
    if "X-Amz-Algorithm=AWS4-HMAC-SHA256" not in url:
        raise ValueError("SSE-KMS media need SigV4 links: sign with anninh.tips.media_links.link_client()")
    return url
