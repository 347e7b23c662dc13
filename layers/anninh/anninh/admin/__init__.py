"""The admin HTTP API (``/admin/...``, IAM-signed on AWS, a local token in the local stack) and its client."""
