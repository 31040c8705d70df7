"""What a file really is, read from its first bytes rather than its name or declared type."""

from __future__ import annotations

from enum import StrEnum

import filetype

from rehearse.errors import UnsupportedMediaType

SNIFF_BYTES = 8192

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TEXT = "text/plain"

_DOCUMENT_TYPES = {PDF: "PDF", DOCX: "DOCX", TEXT: "plain text"}
# Browsers record WebM/Ogg/MP4; uploads come in the other usual containers.
_MEDIA_TYPES = {
    "audio/x-wav": "WAV",
    "audio/x-flac": "FLAC",
    "audio/mpeg": "MP3",
    "audio/ogg": "Ogg",
    "audio/mp4": "M4A",
    "audio/x-m4a": "M4A",
    "video/webm": "WebM",
    "video/x-matroska": "Matroska",
    "video/mp4": "MP4",
    "video/quicktime": "QuickTime",
}


class FileKind(StrEnum):
    DOCUMENT = "document"
    MEDIA = "media"


def _looks_like_text(head: bytes) -> bool:
    if not head.strip() or b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the sniffed window is still text.
        return exc.start >= len(head) - 3 and exc.reason == "unexpected end of data"
    return True


def sniff(head: bytes) -> str | None:
    """The MIME type that the leading bytes show, or None when they show nothing known."""
    guess = filetype.guess(head)
    if guess is not None:
        return str(guess.mime)
    return TEXT if _looks_like_text(head) else None


def accepted_type(head: bytes, kind: FileKind) -> str:
    """The sniffed MIME type of ``head`` if ``kind`` accepts it, else UnsupportedMediaType."""
    allowed = _DOCUMENT_TYPES if kind is FileKind.DOCUMENT else _MEDIA_TYPES
    mime = sniff(head)
    if mime in allowed:
        return mime
    formats = ", ".join(sorted(set(allowed.values())))
    found = f"it looks like {mime}" if mime else "its content is not a format we recognise"
    if not head:
        found = "it is empty"
    raise UnsupportedMediaType(
        f"This file cannot be used as a {kind.value}: {found}. Accepted formats: {formats}.",
        details={"detected": mime, "accepted": sorted(allowed)},
    )
