"""Text out of a résumé or job description: PDF (pypdf), DOCX (python-docx) or plain text.

Each failure says what is wrong and what to do: encrypted, scanned (no text layer), too big,
damaged, or a format we do not read.
"""

from __future__ import annotations

import io
import logging
import zipfile

import docx
import pypdf
from pypdf import PasswordType

from rehearse.errors import PayloadTooLarge, RehearseError, UnsupportedMediaType, ValidationFailed

MAX_BYTES = 10 * 1024 * 1024
MAX_PAGES = 20
_MIN_TEXT_PER_PAGE = 40

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TEXT = "text/plain"

logging.getLogger("pypdf").setLevel(logging.ERROR)


class UnreadableDocument(ValidationFailed):
    code = "unreadable_document"


def _open_pdf(data: bytes) -> pypdf.PdfReader:
    reader = pypdf.PdfReader(io.BytesIO(data))
    # An owner password only restricts printing or copying: every viewer opens such a file
    # with the empty user password, and so do we. A user password is needed to read at all.
    if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
        raise UnreadableDocument(
            "This PDF is password-protected. Save a copy without a password and upload that."
        )
    return reader


def _pdf(data: bytes) -> str:
    try:
        reader = _open_pdf(data)
        pages = len(reader.pages)
        if pages > MAX_PAGES:
            raise UnreadableDocument(
                f"This PDF has {pages} pages; a résumé of at most {MAX_PAGES} is expected. "
                "Upload the résumé alone."
            )
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except RehearseError:
        raise
    except Exception as exc:  # pypdf raises many kinds of errors on damaged files
        raise UnreadableDocument(
            "This PDF is damaged or incomplete and cannot be read "
            f"({type(exc).__name__}: {exc}). Export it again from the original and upload "
            "the new copy."
        ) from exc
    if len(text.strip()) < _MIN_TEXT_PER_PAGE * pages:
        raise UnreadableDocument(
            "This PDF has no text layer (it looks scanned or made of images). Upload the "
            "original document, or export it as a PDF with selectable text."
        )
    return text


def _docx(data: bytes) -> str:
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise UnreadableDocument(
            f"This Word document is damaged and cannot be read: {exc}"
        ) from exc
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def _plain(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def extract_text(data: bytes, content_type: str) -> str:
    """The text of a document whose sniffed type is ``content_type``."""
    if len(data) > MAX_BYTES:
        raise PayloadTooLarge(
            f"The document is {len(data) / 1024 / 1024:.0f} MB; the limit is "
            f"{MAX_BYTES // 1024 // 1024} MB. A résumé should be a few hundred kilobytes."
        )
    readers = {PDF: _pdf, DOCX: _docx, TEXT: _plain}
    if content_type not in readers:
        raise UnsupportedMediaType("Upload the document as PDF, DOCX or plain text.")
    text = readers[content_type](data).replace("\x00", "")
    if not text.strip():
        raise UnreadableDocument("The document contains no text.")
    return text
