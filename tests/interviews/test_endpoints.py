"""Interview sessions, résumés, questions and answers through the HTTP API."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rehearse.config import Settings
from tests.conftest import shared_fixture
from tests.support.api import ApiUser, error_code
from tests.support.media import docx_bytes, encoded_bytes, pdf_bytes, wav_bytes


def _session(client: TestClient, user: ApiUser, **fields: object) -> dict[str, object]:
    response = client.post(
        "/api/sessions", json={"title": "Backend engineer at Acme", **fields}, headers=user.headers
    )
    assert response.status_code == 201, response.text
    body: dict[str, object] = response.json()
    return body


def _question(client: TestClient, user: ApiUser, session_id: object) -> dict[str, object]:
    response = client.post(
        f"/api/sessions/{session_id}/questions",
        json={"text": "Tell me about a conflict you resolved.", "topic": "conflict"},
        headers=user.headers,
    )
    assert response.status_code == 201, response.text
    body: dict[str, object] = response.json()
    return body


def _stored_files(settings: Settings) -> list[Path]:
    root = settings.resolved_blob_dir
    return [p for p in root.rglob("*") if p.is_file() and ".incoming" not in p.parts]


def test_a_session_is_created_listed_changed_and_deleted(
    client: TestClient, alice: ApiUser
) -> None:
    created = _session(client, alice, role="Backend engineer", job_description="Python, Postgres")
    assert (created["status"], created["interview_type"], created["resume"]) == (
        "draft",
        "mixed",
        None,
    )
    listed = client.get("/api/sessions", headers=alice.headers).json()
    assert [item["id"] for item in listed] == [created["id"]]
    changed = client.patch(
        f"/api/sessions/{created['id']}", json={"question_count": 5}, headers=alice.headers
    )
    assert changed.json()["question_count"] == 5
    assert changed.json()["title"] == "Backend engineer at Acme"
    assert client.delete(f"/api/sessions/{created['id']}", headers=alice.headers).status_code == 204
    assert client.get(f"/api/sessions/{created['id']}", headers=alice.headers).status_code == 404


def test_invalid_session_fields_are_refused_and_nothing_is_created(
    client: TestClient, alice: ApiUser
) -> None:
    response = client.post(
        "/api/sessions", json={"title": "", "question_count": 99}, headers=alice.headers
    )
    assert (response.status_code, error_code(response)) == (422, "validation_failed")
    problems = response.json()["error"]["details"]["problems"]
    assert {tuple(p["location"]) for p in problems} == {
        ("body", "title"),
        ("body", "question_count"),
    }
    assert client.get("/api/sessions", headers=alice.headers).json() == []


def test_null_is_refused_for_a_required_field(client: TestClient, alice: ApiUser) -> None:
    session = _session(client, alice)
    response = client.patch(
        f"/api/sessions/{session['id']}", json={"title": None}, headers=alice.headers
    )
    assert response.status_code == 422
    assert (
        client.get(f"/api/sessions/{session['id']}", headers=alice.headers).json()["title"]
        == session["title"]
    )


def test_a_resume_is_uploaded_sniffed_and_downloaded(client: TestClient, alice: ApiUser) -> None:
    session = _session(client, alice)
    document = docx_bytes()  # two calls a second apart differ: the zip stamps its entries
    upload = client.put(
        f"/api/sessions/{session['id']}/resume",
        files={"file": ("cv.txt", document, "text/plain")},
        headers=alice.headers,
    )
    assert upload.status_code == 200, upload.text
    resume = upload.json()["resume"]
    assert resume["content_type"].endswith("wordprocessingml.document")
    assert resume["filename"] == "cv.txt"
    download = client.get(f"/api/sessions/{session['id']}/resume", headers=alice.headers)
    assert download.content == document
    assert download.headers["x-content-type-options"] == "nosniff"


def test_a_real_resume_pdf_round_trips(client: TestClient, alice: ApiUser) -> None:
    pdf = shared_fixture("resumes/resume-matcher_harvey_dent_mle.pdf").read_bytes()
    session = _session(client, alice)
    client.put(
        f"/api/sessions/{session['id']}/resume",
        files={"file": ("harvey.pdf", pdf, "application/pdf")},
        headers=alice.headers,
    )
    assert client.get(f"/api/sessions/{session['id']}/resume", headers=alice.headers).content == pdf


def test_replacing_the_resume_removes_the_old_file(
    client: TestClient, settings: Settings, alice: ApiUser
) -> None:
    session = _session(client, alice)
    for data in (
        pdf_bytes("first résumé of Jane Doe, long enough to be read as text"),
        pdf_bytes("second résumé of Jane Doe, long enough to be read as text"),
    ):
        client.put(
            f"/api/sessions/{session['id']}/resume",
            files={"file": ("cv.pdf", data, "application/pdf")},
            headers=alice.headers,
        )
    assert [p.read_bytes() for p in _stored_files(settings)] == [
        pdf_bytes("second résumé of Jane Doe, long enough to be read as text")
    ]


def test_a_resume_of_the_wrong_type_is_refused_and_the_old_one_kept(
    client: TestClient, alice: ApiUser
) -> None:
    session = _session(client, alice)
    client.put(
        f"/api/sessions/{session['id']}/resume",
        files={"file": ("cv.pdf", pdf_bytes(), "application/pdf")},
        headers=alice.headers,
    )
    refused = client.put(
        f"/api/sessions/{session['id']}/resume",
        files={"file": ("cv.pdf", wav_bytes(), "application/pdf")},
        headers=alice.headers,
    )
    assert (refused.status_code, error_code(refused)) == (415, "unsupported_media_type")
    assert "audio/x-wav" in refused.json()["error"]["message"]
    kept = client.get(f"/api/sessions/{session['id']}/resume", headers=alice.headers)
    assert kept.content == pdf_bytes()


def test_an_empty_resume_is_refused(client: TestClient, alice: ApiUser) -> None:
    session = _session(client, alice)
    refused = client.put(
        f"/api/sessions/{session['id']}/resume",
        files={"file": ("cv.pdf", b"", "application/pdf")},
        headers=alice.headers,
    )
    assert refused.status_code == 415
    assert "empty" in refused.json()["error"]["message"]


def test_a_resume_over_the_document_limit_is_refused(
    client: TestClient, settings: Settings, alice: ApiUser
) -> None:
    session = _session(client, alice)
    big = pdf_bytes() + b"%" * (settings.max_document_bytes + 1)
    refused = client.put(
        f"/api/sessions/{session['id']}/resume",
        files={"file": ("cv.pdf", big, "application/pdf")},
        headers=alice.headers,
    )
    assert (refused.status_code, error_code(refused)) == (413, "payload_too_large")
    assert "10 MB" in refused.json()["error"]["message"]
    assert _stored_files(settings) == []


def test_a_spoken_answer_is_stored_with_its_recording(client: TestClient, alice: ApiUser) -> None:
    session = _session(client, alice)
    question = _question(client, alice, session["id"])
    answer = client.post(
        f"/api/sessions/{session['id']}/questions/{question['id']}/answers",
        files={"media": ("answer.webm", wav_bytes(1.0), "video/webm")},
        headers=alice.headers,
    )
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert (body["status"], body["media"]["content_type"]) == ("received", "audio/x-wav")
    media = client.get(
        f"/api/sessions/{session['id']}/answers/{body['id']}/media", headers=alice.headers
    )
    assert media.content == wav_bytes(1.0)


def test_a_webm_recording_is_accepted(client: TestClient, alice: ApiUser) -> None:
    session = _session(client, alice)
    question = _question(client, alice, session["id"])
    answer = client.post(
        f"/api/sessions/{session['id']}/questions/{question['id']}/answers",
        files={
            "media": (
                "blob",
                encoded_bytes("webm", audio_codec="libopus"),
                "application/octet-stream",
            )
        },
        headers=alice.headers,
    )
    assert answer.json()["media"]["content_type"] == "video/webm"


def test_a_typed_answer_needs_no_recording(client: TestClient, alice: ApiUser) -> None:
    session = _session(client, alice)
    question = _question(client, alice, session["id"])
    answer = client.post(
        f"/api/sessions/{session['id']}/questions/{question['id']}/answers",
        data={"text": "def add(a, b): return a + b"},
        headers=alice.headers,
    )
    assert answer.status_code == 201
    assert (answer.json()["text"], answer.json()["media"]) == ("def add(a, b): return a + b", None)


def test_an_empty_answer_is_refused(client: TestClient, alice: ApiUser) -> None:
    session = _session(client, alice)
    question = _question(client, alice, session["id"])
    response = client.post(
        f"/api/sessions/{session['id']}/questions/{question['id']}/answers",
        data={"text": "  "},
        headers=alice.headers,
    )
    assert (response.status_code, error_code(response)) == (422, "validation_failed")


def test_a_document_is_not_accepted_as_a_recording(client: TestClient, alice: ApiUser) -> None:
    session = _session(client, alice)
    question = _question(client, alice, session["id"])
    response = client.post(
        f"/api/sessions/{session['id']}/questions/{question['id']}/answers",
        files={"media": ("answer.webm", pdf_bytes(), "video/webm")},
        headers=alice.headers,
    )
    assert (response.status_code, error_code(response)) == (415, "unsupported_media_type")
    assert client.get(f"/api/sessions/{session['id']}/answers", headers=alice.headers).json() == []


def test_deleting_a_session_removes_its_files(
    client: TestClient, settings: Settings, alice: ApiUser
) -> None:
    session = _session(client, alice)
    question = _question(client, alice, session["id"])
    client.put(
        f"/api/sessions/{session['id']}/resume",
        files={"file": ("cv.pdf", pdf_bytes(), "application/pdf")},
        headers=alice.headers,
    )
    client.post(
        f"/api/sessions/{session['id']}/questions/{question['id']}/answers",
        files={"media": ("a.wav", wav_bytes(), "audio/wav")},
        headers=alice.headers,
    )
    assert len(_stored_files(settings)) == 2
    client.delete(f"/api/sessions/{session['id']}", headers=alice.headers)
    assert _stored_files(settings) == []


def test_questions_are_numbered_in_order(client: TestClient, alice: ApiUser) -> None:
    session = _session(client, alice)
    for _ in range(3):
        _question(client, alice, session["id"])
    questions = client.get(f"/api/sessions/{session['id']}/questions", headers=alice.headers).json()
    assert [q["position"] for q in questions] == [1, 2, 3]


def test_a_question_of_ones_own_keeps_the_key_points_a_strong_answer_covers(
    client: TestClient, alice: ApiUser
) -> None:
    session = _session(client, alice)
    points = ["  Name the trade-off between latency and cost ", "Give one number"]
    added = client.post(
        f"/api/sessions/{session['id']}/questions",
        json={"text": "How would you cache a slow API?", "kind": "technical", "key_points": points},
        headers=alice.headers,
    )
    assert added.status_code == 201, added.text
    listed = client.get(f"/api/sessions/{session['id']}/questions", headers=alice.headers).json()
    assert listed[0]["key_points"] == [
        "Name the trade-off between latency and cost",
        "Give one number",
    ]


@pytest.mark.parametrize(
    ("points", "where"),
    [([" "], ("body", "key_points", "0")), (["A point"] * 9, ("body", "key_points"))],
    ids=["blank", "too-many"],
)
def test_bad_key_points_are_refused_saying_where(
    client: TestClient, alice: ApiUser, points: list[str], where: tuple[object, ...]
) -> None:
    session = _session(client, alice)
    refused = client.post(
        f"/api/sessions/{session['id']}/questions",
        json={"text": "How would you cache a slow API?", "key_points": points},
        headers=alice.headers,
    )
    assert (refused.status_code, error_code(refused)) == (422, "validation_failed")
    problems = refused.json()["error"]["details"]["problems"]
    assert [tuple(p["location"]) for p in problems] == [where]
    listed = client.get(f"/api/sessions/{session['id']}/questions", headers=alice.headers)
    assert listed.json() == []


def test_reflections_are_written_and_listed(client: TestClient, alice: ApiUser) -> None:
    session = _session(client, alice)
    written = client.post(
        f"/api/sessions/{session['id']}/reflections",
        json={"text": "I rushed the result of my STAR story."},
        headers=alice.headers,
    )
    assert written.status_code == 201
    listed = client.get(f"/api/sessions/{session['id']}/reflections", headers=alice.headers).json()
    assert [note["text"] for note in listed] == ["I rushed the result of my STAR story."]
