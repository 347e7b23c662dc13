"""What the Zalo developer console reads from the webhook's domain, besides signed events.

- ``GET`` on the webhook URL: 200 (the console and uptime checks open it); a ``challenge`` query value,
  if one comes, is echoed as plain text (some integrations report a challenge handshake; harmless).
- The domain-verification file: Zalo asks for ``zalo_verifier<code>.html`` at the root of the domain the
  webhook URL is on before it accepts the URL. Its name and content are template parameters
  (``ZaloVerifierFileName``, ``ZaloVerifierContent``); the content may be the whole file as downloaded
  from the console or just the code, which is then put in the meta tag Zalo looks for.

docs/zalo-platform.md ("Webhook events and the console") gives the sources and their confidence.
Standard library only (the webhook's cold start is measured).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from anninh.settings import optional

FILE_NAME = re.compile(r"zalo_verifier[A-Za-z0-9_-]{1,128}\.html")
_CHALLENGE = re.compile(r"[A-Za-z0-9._~-]{1,128}")
_CODE = re.compile(r"[A-Za-z0-9._-]{1,256}")  # a verification code alone (no html import: cold start)
_CHALLENGE_KEYS = ("challenge", "hub.challenge", "challenge_code")


@dataclass(frozen=True)
class Answer:
    status: int
    content_type: str
    body: str


@dataclass(frozen=True)
class VerificationFile:
    """The domain-verification file, or none when ``name`` is empty."""

    name: str = ""
    content: str = ""

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> VerificationFile:
        name = (optional(env, "ZALO_VERIFIER_FILE") or "").lstrip("/")
        content = optional(env, "ZALO_VERIFIER_CONTENT") or ""
        if not name and not content:
            return cls()
        code_ok = "<" in content or _CODE.fullmatch(content)
        if not FILE_NAME.fullmatch(name) or not content or not code_ok:
            raise ValueError(
                "ZALO_VERIFIER_FILE must look like zalo_verifier<code>.html and ZALO_VERIFIER_CONTENT be"
                f" the file's HTML or its code (letters, digits, ._-) (got {name!r})"
            )
        return cls(name, content)

    def page(self) -> str:
        if "<" in self.content:
            return self.content  # the file as the console gave it
        code = self.content  # letters, digits, "._-" only (checked in from_env)
        return (
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n'
            f'<meta property="zalo-platform-site-verification" content="{code}" />\n'
            "</head>\n<body>\nThere Is No Limit To What You Can Accomplish Using Zalo!\n</body>\n</html>\n"
        )


def webhook_get(query: Mapping[str, str] | None) -> Answer:
    """``GET`` on the webhook URL: always 200."""
    for key in _CHALLENGE_KEYS:
        value = (query or {}).get(key)
        if value and _CHALLENGE.fullmatch(value):
            return Answer(200, "text/plain; charset=utf-8", value)
    return Answer(200, "application/json", '{"status": "ok"}')


def root_file(path: str, verification: VerificationFile) -> Answer:
    """``GET /<file>``: the verification file when ``path`` names it, else 404."""
    if verification.name and path.strip("/") == verification.name:
        return Answer(200, "text/html; charset=utf-8", verification.page())
    return Answer(404, "application/json", '{"status": "not_found"}')
