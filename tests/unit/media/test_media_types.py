"""Sniffing attachments from their first bytes, and which kinds may hold which types."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from anninh.tips.media_types import OCTET_STREAM, allowed, sniff

SAMPLES = Path(__file__).resolve().parents[3] / "infra" / "local" / "localrun" / "media"


def _ooxml(part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(part, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content_type", "extension"),
    [
        ("sample.jpg", "image/jpeg", "jpg"),
        ("sample.png", "image/png", "png"),
        ("sample.gif", "image/gif", "gif"),
        ("sample.mp4", "video/mp4", "mp4"),
        ("sample.m4a", "audio/mp4", "m4a"),
        ("sample.pdf", "application/pdf", "pdf"),
    ],
)
def test_the_fake_cdn_samples_are_recognised(name: str, content_type: str, extension: str) -> None:
    found = sniff((SAMPLES / name).read_bytes())
    assert (found.content_type, found.extension) == (content_type, extension)


@pytest.mark.parametrize(
    ("head", "content_type"),
    [
        (b"RIFF\x24\x00\x00\x00WEBPVP8 " + bytes(40), "image/webp"),
        (b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00" + bytes(40), "video/quicktime"),
        (b"\x00\x00\x00\x14ftyp3gp4\x00\x00\x00\x00" + bytes(40), "video/3gpp"),
        (b"\x00\x00\x00\x14ftyp3g2a\x00\x00\x00\x00" + bytes(40), "video/3gpp"),
        (b"ID3\x04\x00\x00\x00\x00\x00\x00" + bytes(50), "audio/mpeg"),
        (b"\xff\xfb\x90\x64" + bytes(50), "audio/mpeg"),
        (b"\xff\xf1\x50\x80" + bytes(50), "audio/aac"),
        (b"OggS\x00\x02" + bytes(40), "audio/ogg"),
        (b"RIFF\x24\x00\x00\x00WAVEfmt " + bytes(40), "audio/x-wav"),
        (b"#!AMR\n" + bytes(40), "audio/amr"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "application/x-ole-storage"),
        (
            _ooxml("word/document.xml"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (_ooxml("xl/workbook.xml"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (b"MZ\x90\x00" + bytes(60), "application/x-msdownload"),
        (b"plain words, no magic", OCTET_STREAM),
        (b"", OCTET_STREAM),
    ],
)
def test_magic_numbers(head: bytes, content_type: str) -> None:
    assert sniff(head).content_type == content_type


def test_each_kind_holds_only_its_types() -> None:
    assert allowed("image", "image/jpeg") and not allowed("image", "application/pdf")
    assert not allowed("image", OCTET_STREAM)
    assert allowed("video", "video/3gpp") and not allowed("video", "image/png")
    # A voice recording may come in an MP4 or 3GP container: the same first bytes as a video.
    assert allowed("audio", "audio/amr") and allowed("audio", "video/mp4")
    assert not allowed("audio", "application/pdf")
    assert allowed("file", "application/pdf") and allowed("file", OCTET_STREAM)
    assert not allowed("file", "application/x-msdownload")


def test_an_unknown_kind_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown media kind"):
        allowed("sticker", "image/png")
