"""Which URLs the media function may download an attachment from: Zalo's CDN, nothing else.

An attachment URL arrives inside a signed event, but whoever holds one OA's secret (or a bug upstream)
chooses it: without this check the media function would fetch ``http://127.0.0.1/...``, the instance
metadata service at 169.254.169.254 or any internal host and keep the answer as tip evidence (server-side
request forgery). Every URL, and every redirect target, must pass :func:`check_source`:

- its scheme is https (``http`` only when the policy allows it: the local stack's fake CDN);
- it has no user information and no dot segments, and it starts with one of the allowed prefixes
  (``https://*.zdn.vn/`` matches any host under ``zdn.vn``; the list is the ``MediaSourcePrefixes``
  template parameter, see the README's deploy guide);
- its host name resolves, and every address it resolves to is public (not private, loopback,
  link-local, shared, multicast, reserved or unspecified; IPv4-mapped IPv6 is judged as IPv4).

Time of check and time of use: the download then connects to the address that was checked (the URL's host
is replaced by the address, the ``Host`` header, TLS server name and certificate check keep the name), so a
DNS answer that changes between the check and the connection (DNS rebinding) cannot send it elsewhere.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import SplitResult, unquote, urlsplit, urlunsplit

DEFAULT_PORTS = {"http": 80, "https": 443}

Resolver = Callable[[str, int], Sequence[str]]


class SourceRefused(Exception):
    """The URL is not an allowed source (``reason``: scheme, credentials, path, not_allowed, address)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class SourceUnresolved(Exception):
    """The host name did not resolve (a DNS failure may pass: retried like any transient failure)."""


def system_resolver(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to, through the system resolver."""
    try:
        answers = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise SourceUnresolved(type(exc).__name__) from exc
    return list(dict.fromkeys(str(answer[4][0]) for answer in answers))


@dataclass(frozen=True)
class AllowedPrefix:
    """One entry of the allow-list: ``scheme://host[:port]/path-prefix``, host possibly ``*.domain``."""

    scheme: str
    host: str  # without the "*." of a wildcard
    wildcard: bool
    port: int
    path: str

    @classmethod
    def parse(cls, text: str) -> AllowedPrefix:
        parts = urlsplit(text.strip())
        scheme = parts.scheme.lower()
        netloc = parts.netloc.lower()
        if scheme not in DEFAULT_PORTS or not netloc or "@" in netloc or parts.query or parts.fragment:
            raise ValueError(f"not a URL prefix: {text!r} (expected e.g. https://*.zdn.vn/)")
        host, _, port = netloc.partition(":")
        wildcard = host.startswith("*.")
        host = host.removeprefix("*.")
        if not host or "*" in host or (port and not port.isdigit()):
            raise ValueError(f"not a URL prefix: {text!r} (expected e.g. https://*.zdn.vn/)")
        return cls(scheme, host, wildcard, int(port) if port else DEFAULT_PORTS[scheme], parts.path or "/")

    def matches(self, scheme: str, host: str, port: int, path: str) -> bool:
        host_ok = host.endswith("." + self.host) if self.wildcard else host == self.host
        return scheme == self.scheme and host_ok and port == self.port and path.startswith(self.path)


@dataclass(frozen=True)
class SourcePolicy:
    prefixes: tuple[AllowedPrefix, ...]
    https_only: bool = True
    allow_private: bool = False  # the local stack only: its fake CDN listens on 127.0.0.1
    max_redirects: int = 5

    @classmethod
    def from_setting(cls, text: str, *, local: bool = False) -> SourcePolicy:
        """``text``: comma-separated prefixes (``MEDIA_SOURCE_PREFIXES``); ``local``: the local stack."""
        prefixes = tuple(AllowedPrefix.parse(item) for item in text.split(",") if item.strip())
        if not prefixes:
            raise ValueError("no allowed media source: set MediaSourcePrefixes")
        if not local and any(prefix.scheme != "https" for prefix in prefixes):
            raise ValueError("media sources must be https:// outside the local stack")
        return cls(prefixes, https_only=not local, allow_private=local)


@dataclass(frozen=True)
class CheckedSource:
    """A URL that passed, and the address the connection must use."""

    url: str
    parts: SplitResult
    host: str
    port: int
    address: str

    @property
    def pinned_url(self) -> str:
        """The URL with its host replaced by the checked address (the name goes in ``Host``)."""
        literal = f"[{self.address}]" if ":" in self.address else self.address
        return urlunsplit(
            (self.parts.scheme, f"{literal}:{self.port}", self.parts.path or "/", self.parts.query, "")
        )

    @property
    def host_header(self) -> str:
        default = DEFAULT_PORTS[self.parts.scheme.lower()]
        return self.host if self.port == default else f"{self.host}:{self.port}"


def is_public(address: str) -> bool:
    """False for every address an attacker could use to reach inside: private, loopback, link-local
    (169.254.169.254 is the metadata service), shared (100.64/10), multicast, reserved, unspecified."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_link_local or ip.is_loopback)


def check_source(url: str, policy: SourcePolicy, resolve: Resolver = system_resolver) -> CheckedSource:
    """Pass ``url`` or raise :class:`SourceRefused` (never retried) or :class:`SourceUnresolved`."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise SourceRefused("url") from exc
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or (policy.https_only and scheme != "https"):
        raise SourceRefused("scheme")
    if parts.username is not None or parts.password is not None:
        raise SourceRefused("credentials")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise SourceRefused("url")
    segments = unquote(parts.path).replace("\\", "/").split("/")
    if any(segment in {".", ".."} for segment in segments):
        raise SourceRefused("path")
    port = port or DEFAULT_PORTS[scheme]
    if not any(prefix.matches(scheme, host, port, parts.path or "/") for prefix in policy.prefixes):
        raise SourceRefused("not_allowed")
    addresses = list(resolve(host, port))
    if not addresses:
        raise SourceUnresolved(host)
    if not policy.allow_private and not all(is_public(address) for address in addresses):
        raise SourceRefused("address")
    return CheckedSource(url=url, parts=parts, host=host, port=port, address=addresses[0])
