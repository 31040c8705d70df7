"""A résumé is read when it is uploaded: one that cannot be read is refused with what to do,
and the résumé stored before stays, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import io

import httpx2 as httpx
import pypdf
import pytest
from fastapi.testclient import TestClient

from tests.support.api import ApiUser, error_code
from tests.support.media import pdf_bytes

PREVIOUS = pdf_bytes("Jane Doe - the résumé uploaded first, and still wanted")


def _encrypted(user_password: str, owner_password: str) -> bytes:
    writer = pypdf.PdfWriter(
        clone_from=io.BytesIO(pdf_bytes("Jane Doe - a protected résumé that any viewer opens"))
    )
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _image_only() -> bytes:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=612, height=792)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _pages(count: int) -> bytes:
    writer = pypdf.PdfWriter()
    page = pypdf.PdfReader(io.BytesIO(PREVIOUS)).pages[0]
    for _ in range(count):
        writer.add_page(page)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _half_cut() -> bytes:
    whole = pdf_bytes("Jane Doe - Software Engineer " * 30)
    return whole[: len(whole) // 2]


REFUSED = {
    "user password": (_encrypted("open-sesame", "owner"), "password-protected"),
    "image only": (_image_only(), "no text layer"),
    "half cut": (_half_cut(), "damaged"),
    "too long": (_pages(21), "21 pages"),
}


def _session_with_resume(client: TestClient, user: ApiUser) -> str:
    session_id: str = client.post(
        "/api/sessions", json={"title": "Backend"}, headers=user.headers
    ).json()["id"]
    first = _upload(client, user, session_id, PREVIOUS)
    assert first.status_code == 200, first.text
    return session_id


def _upload(client: TestClient, user: ApiUser, session_id: str, data: bytes) -> httpx.Response:
    return client.put(
        f"/api/sessions/{session_id}/resume",
        files={"file": ("cv.pdf", data, "application/pdf")},
        headers=user.headers,
    )


@pytest.mark.parametrize("case", REFUSED)
def test_an_unreadable_resume_is_refused_on_upload_with_what_to_do(
    client: TestClient, alice: ApiUser, case: str
) -> None:
    data, reason = REFUSED[case]
    session_id = _session_with_resume(client, alice)
    refused = _upload(client, alice, session_id, data)
    assert (refused.status_code, error_code(refused)) == (422, "unreadable_document")
    assert reason in refused.json()["error"]["message"]


@pytest.mark.parametrize("case", REFUSED)
def test_a_refused_resume_keeps_the_previous_one(
    client: TestClient, alice: ApiUser, case: str
) -> None:
    session_id = _session_with_resume(client, alice)
    _upload(client, alice, session_id, REFUSED[case][0])
    kept = client.get(f"/api/sessions/{session_id}/resume", headers=alice.headers)
    assert kept.content == PREVIOUS


def test_a_pdf_with_only_an_owner_password_is_read(client: TestClient, alice: ApiUser) -> None:
    session_id = _session_with_resume(client, alice)
    accepted = _upload(client, alice, session_id, _encrypted("", "owner-only"))
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["resume"]["content_type"] == "application/pdf"
