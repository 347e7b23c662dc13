"""What a downloaded attachment really is, from its first bytes, and whether its kind may hold it.

The Zalo message type (image, video, audio, file) and the server's Content-Type are claims; the stored type
is sniffed from the magic numbers with ``filetype`` (pure Python, no libmagic), plus two matchers it lacks:
3GP/3G2 (``ftyp3gp…`` at offset 4; filetype 1.2.0 looks at offset 0) and a generic OLE2 compound file (old
Word/Excel/PowerPoint files whose inner stream filetype does not recognise). Anything unrecognised is
``application/octet-stream``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import filetype
from filetype.types import TYPES
from filetype.types.base import Type

# filetype needs at most 8 KiB (its own ``_NUM_SIGNATURE_BYTES``) to decide, OOXML included.
SNIFF_BYTES = 8192
OCTET_STREAM = "application/octet-stream"
KINDS = ("image", "video", "audio", "file")


class ThreeGpp(Type):
    """3GPP/3GPP2 containers (old phones' videos, voice recordings): ``ftyp3gp``/``ftyp3g2`` at offset 4."""

    def __init__(self) -> None:
        super().__init__(mime="video/3gpp", extension="3gp")

    def match(self, buf: Any) -> bool:
        return len(buf) >= 11 and bytes(buf[4:11]) in (b"ftyp3gp", b"ftyp3g2")


class OleCompound(Type):
    """Any OLE2 compound document (DOC, XLS, PPT written by tools filetype's finer matchers miss)."""

    def __init__(self) -> None:
        super().__init__(mime="application/x-ole-storage", extension="ole")

    def match(self, buf: Any) -> bool:
        return bytes(buf[:8]) == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


# Ours first where filetype is wrong (3GP), last where it is merely finer (OLE).
_MATCHERS: tuple[Type, ...] = (ThreeGpp(), *TYPES, OleCompound())

IMAGE_TYPES = frozenset(
    {"image/jpeg", "image/png", "image/gif", "image/webp", "image/heic", "image/avif", "image/bmp"}
)
VIDEO_TYPES = frozenset(
    {"video/mp4", "video/quicktime", "video/3gpp", "video/x-m4v", "video/webm", "video/x-matroska"}
)
AUDIO_TYPES = frozenset(
    {
        "audio/mpeg",
        "audio/mp4",
        "audio/aac",
        "audio/ogg",
        "audio/x-wav",
        "audio/amr",
        "audio/x-flac",
        # Voice recordings often come in a video container (isom or 3gp brand): same first bytes.
        "video/mp4",
        "video/3gpp",
    }
)
# Files: documents, media and archives are evidence (a scam's contract, a chat export, a malicious APK);
# programs that would run on an officer's computer are not kept.
EXECUTABLE_TYPES = frozenset(
    {"application/x-msdownload", "application/x-executable", "application/x-shockwave-flash"}
)


@dataclass(frozen=True)
class SniffedType:
    content_type: str
    extension: str


def sniff(head: bytes) -> SniffedType:
    """The type of a file from its first bytes (:data:`SNIFF_BYTES` are enough)."""
    found = filetype.match(head[:SNIFF_BYTES], matchers=_MATCHERS)
    if found is None:
        return SniffedType(OCTET_STREAM, "bin")
    return SniffedType(str(found.mime), str(found.extension))


def allowed(kind: str, content_type: str) -> bool:
    """Whether an attachment sent as ``kind`` may be kept with the sniffed ``content_type``."""
    if kind == "image":
        return content_type in IMAGE_TYPES
    if kind == "video":
        return content_type in VIDEO_TYPES
    if kind == "audio":
        return content_type in AUDIO_TYPES
    if kind == "file":
        return content_type not in EXECUTABLE_TYPES
    raise ValueError(f"unknown media kind {kind!r}; expected one of {KINDS}")
