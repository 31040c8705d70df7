"""Uploads are recognised by their bytes, whatever their name says."""

from __future__ import annotations

import pytest

from rehearse.blobs.sniff import DOCX, PDF, TEXT, FileKind, accepted_type, sniff
from rehearse.errors import UnsupportedMediaType
from tests.conftest import shared_fixture
from tests.support.media import WEBM_HEADER, docx_bytes, pdf_bytes, wav_bytes


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (pdf_bytes(), PDF),
        (docx_bytes(), DOCX),
        ("Jane Doe\nSenior engineer — Zürich\n".encode(), TEXT),
    ],
)
def test_documents_are_recognised(data: bytes, expected: str) -> None:
    assert accepted_type(data[:8192], FileKind.DOCUMENT) == expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [(wav_bytes(), "audio/x-wav"), (WEBM_HEADER + bytes(64), "video/webm")],
)
def test_recordings_are_recognised(data: bytes, expected: str) -> None:
    assert accepted_type(data, FileKind.MEDIA) == expected


def test_real_recordings_from_the_shared_fixtures_are_recognised() -> None:
    for name, expected in [
        ("audio/jfk.wav", "audio/x-wav"),
        ("video/single_face.mp4", "video/mp4"),
    ]:
        head = shared_fixture(name).read_bytes()[:8192]
        assert accepted_type(head, FileKind.MEDIA) == expected


def test_a_real_resume_pdf_is_recognised() -> None:
    head = shared_fixture("resumes/resume-matcher_john_doe_senior_swe.pdf").read_bytes()[:8192]
    assert accepted_type(head, FileKind.DOCUMENT) == PDF


def test_an_image_named_like_a_pdf_is_refused() -> None:
    png = bytes.fromhex("89504e470d0a1a0a0000000d49484452") + bytes(32)
    with pytest.raises(UnsupportedMediaType, match="image/png"):
        accepted_type(png, FileKind.DOCUMENT)


def test_a_pdf_is_not_accepted_as_a_recording() -> None:
    with pytest.raises(UnsupportedMediaType, match="Accepted formats"):
        accepted_type(pdf_bytes(), FileKind.MEDIA)


def test_an_empty_file_says_it_is_empty() -> None:
    with pytest.raises(UnsupportedMediaType, match="it is empty"):
        accepted_type(b"", FileKind.DOCUMENT)


def test_binary_noise_is_not_text() -> None:
    assert sniff(bytes(range(256)) * 4) is None


def test_text_cut_inside_a_multibyte_character_is_still_text() -> None:
    data = ("é" * 10).encode()[:-1]
    assert sniff(data) == TEXT
