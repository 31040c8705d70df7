"""Text out of résumés and job descriptions, and a clear refusal for what cannot be read."""

from __future__ import annotations

import io

import pypdf
import pytest

from rehearse.errors import PayloadTooLarge, UnsupportedMediaType
from rehearse.interviewer.documents import DOCX, PDF, TEXT, UnreadableDocument, extract_text
from tests.support.media import docx_bytes, pdf_bytes


def test_pdf_text_is_extracted() -> None:
    assert "Jane Doe - Software Engineer" in extract_text(
        pdf_bytes("Jane Doe - Software Engineer with a long history of shipping"), PDF
    )


def test_docx_text_is_extracted() -> None:
    assert "Jane Doe" in extract_text(docx_bytes("Jane Doe - Software Engineer"), DOCX)


def test_plain_text_in_latin_1_is_read() -> None:
    assert extract_text("Zürich résumé".encode("latin-1"), TEXT) == "Zürich résumé"


def test_an_encrypted_pdf_is_refused_with_what_to_do() -> None:
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(pdf_bytes("Secret résumé text for the test")))
    writer.encrypt("password")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(UnreadableDocument, match="password-protected"):
        extract_text(buffer.getvalue(), PDF)


def test_a_pdf_without_text_is_called_scanned() -> None:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=612, height=792)
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(UnreadableDocument, match="no text layer"):
        extract_text(buffer.getvalue(), PDF)


def test_a_damaged_pdf_is_refused() -> None:
    with pytest.raises(UnreadableDocument):
        extract_text(b"%PDF-1.4\n" + b"\x00garbage" * 50, PDF)


def test_a_huge_document_is_refused_before_parsing() -> None:
    with pytest.raises(PayloadTooLarge, match="limit is 10 MB"):
        extract_text(b"%PDF-1.4\n" + b"0" * (11 * 1024 * 1024), PDF)


def test_an_unknown_type_is_refused() -> None:
    with pytest.raises(UnsupportedMediaType):
        extract_text(b"GIF89a", "image/gif")


def test_a_pdf_with_only_an_owner_password_is_read() -> None:
    writer = pypdf.PdfWriter(
        clone_from=io.BytesIO(pdf_bytes("Jane Doe - restricted from printing, not from reading"))
    )
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert "restricted from printing" in extract_text(buffer.getvalue(), PDF)


def test_a_pdf_cut_in_half_is_called_damaged() -> None:
    whole = pdf_bytes("Jane Doe - Software Engineer " * 30)
    with pytest.raises(UnreadableDocument, match="damaged or incomplete"):
        extract_text(whole[: len(whole) // 2], PDF)
