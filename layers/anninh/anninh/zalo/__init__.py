"""The Zalo Official Account platform: webhook signature, typed events, OA API client, token refresh.

Modules (import the one you need; this package imports nothing so the webhook's cold start stays small):

- :mod:`anninh.zalo.signature` — ``X-ZEvent-Signature`` check and its DISAGREE variants (stdlib only).
- :mod:`anninh.zalo.envelope` — what the webhook reads of an event: kind, OA, user, timestamp, dedup key.
- :mod:`anninh.zalo.events` — typed webhook events (the worker's full parse), idempotency keys.
- :mod:`anninh.zalo.errors` — Zalo error codes as typed exceptions (stdlib only).
- :mod:`anninh.zalo.client` — ``ZaloClient`` for the OA API on requests, with retries and token refresh.
- :mod:`anninh.zalo.tokens` — OAuth v4 refresh and ``TokenManager`` (single-use refresh tokens under a lock).
"""
