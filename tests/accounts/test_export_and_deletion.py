"""A user's data: exported whole as a ZIP, and deleted whole with the account."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from rehearse.config import Settings
from tests.support.api import ApiUser, error_code, sign_up
from tests.support.media import pdf_bytes, wav_bytes
from tests.web.browser import browser_sign_in

RESUME = pdf_bytes("Ada Lovelace - Analyst of engines and numbers")
RECORDING = wav_bytes(0.4)


def _world(client: TestClient, user: ApiUser) -> dict[str, str]:
    """A session with a résumé, a recorded and a typed answer, a report and a reflection."""
    h = user.headers
    sid = client.post("/api/sessions", json={"title": "Analyst interview"}, headers=h).json()["id"]
    client.put(f"/api/sessions/{sid}/resume", files={"file": ("cv.pdf", RESUME)}, headers=h)
    qid = client.post(
        f"/api/sessions/{sid}/questions", json={"text": "Why this role?"}, headers=h
    ).json()["id"]
    recorded = client.post(
        f"/api/sessions/{sid}/questions/{qid}/answers",
        files={"media": ("answer.wav", RECORDING, "audio/wav")},
        headers=h,
    ).json()
    client.post(
        f"/api/sessions/{sid}/questions/{qid}/answers", data={"text": "I love data."}, headers=h
    )
    client.post(f"/api/sessions/{sid}/complete", headers=h)
    client.post(f"/api/sessions/{sid}/reflections", json={"text": "Felt rushed."}, headers=h)
    return {"session_id": sid, "question_id": qid, "answer_id": recorded["id"]}


def _export(client: TestClient, user: ApiUser) -> zipfile.ZipFile:
    response = client.get("/api/me/export", headers=user.headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/zip"
    assert "attachment" in response.headers["content-disposition"]
    return zipfile.ZipFile(io.BytesIO(response.content))


def _json(archive: zipfile.ZipFile, name: str) -> Any:
    return json.loads(archive.read(name))


def test_the_export_holds_every_row_and_file_of_the_user(
    client: TestClient, alice: ApiUser
) -> None:
    ids = _world(client, alice)
    archive = _export(client, alice)
    folder = f"sessions/{ids['session_id']}"
    names = set(archive.namelist())
    assert {"README.txt", "account.json", "topic_mastery.json", "files.json"} <= names
    for part in ("session", "questions", "answers", "reports", "reflections"):
        assert f"{folder}/{part}.json" in names

    account = _json(archive, "account.json")
    assert account["email"] == alice.email
    assert "password_hash" not in account
    assert "security_stamp" not in account
    assert _json(archive, f"{folder}/session.json")["title"] == "Analyst interview"
    assert [q["text"] for q in _json(archive, f"{folder}/questions.json")] == ["Why this role?"]
    answers = _json(archive, f"{folder}/answers.json")
    assert [a["text"] for a in answers] == ["", "I love data."]
    assert all("analyses" in a for a in answers)
    assert _json(archive, f"{folder}/reports.json")[0]["data"]["title"] == "Analyst interview"
    assert _json(archive, f"{folder}/reflections.json")[0]["text"] == "Felt rushed."

    files = _json(archive, "files.json")
    assert sorted(f["filename"] for f in files) == ["answer.wav", "cv.pdf"]
    for entry in files:
        assert "key" not in entry
        data = archive.read(entry["path"])
        assert hashlib.sha256(data).hexdigest() == entry["sha256"]
    assert {archive.read(f["path"]) for f in files} == {RESUME, RECORDING}


def test_an_export_holds_nothing_of_another_user(
    client: TestClient, alice: ApiUser, bob: ApiUser
) -> None:
    _world(client, alice)
    archive = _export(client, bob)
    assert not [name for name in archive.namelist() if name.startswith("sessions/")]
    assert _json(archive, "files.json") == []
    assert b"Analyst" not in b"".join(archive.read(name) for name in archive.namelist())


def test_the_export_needs_a_signed_in_user(client: TestClient) -> None:
    assert client.get("/api/me/export").status_code == 401


def _stored_files(settings: Settings) -> list[Path]:
    root = settings.resolved_blob_dir
    return [p for p in root.rglob("*") if p.is_file() and ".incoming" not in p.parts]


def test_deleting_the_account_removes_its_rows_and_files(
    client: TestClient, settings: Settings, alice: ApiUser, bob: ApiUser
) -> None:
    _world(client, alice)
    bobs = _world(client, bob)
    assert len(_stored_files(settings)) == 4

    response = client.request(
        "DELETE", "/api/me", json={"password": alice.password}, headers=alice.headers
    )
    assert response.status_code == 204
    assert client.get("/api/me", headers=alice.headers).status_code == 401
    again = client.post("/api/auth/token", json={"email": alice.email, "password": alice.password})
    assert again.status_code == 401
    assert len(_stored_files(settings)) == 2  # Bob's résumé and recording
    bob_sessions = client.get("/api/sessions", headers=bob.headers).json()
    assert [s["id"] for s in bob_sessions] == [bobs["session_id"]]
    media = f"/api/sessions/{bobs['session_id']}/answers/{bobs['answer_id']}/media"
    assert client.get(media, headers=bob.headers).content == RECORDING
    # The address can be used again, for a new and empty account.
    fresh = sign_up(client, alice.email)
    assert client.get("/api/sessions", headers=fresh.headers).json() == []


def test_a_wrong_password_deletes_nothing(
    client: TestClient, settings: Settings, alice: ApiUser
) -> None:
    ids = _world(client, alice)
    response = client.request(
        "DELETE", "/api/me", json={"password": "not-my-password-1"}, headers=alice.headers
    )
    assert (response.status_code, error_code(response)) == (401, "invalid_credentials")
    assert (
        client.get(f"/api/sessions/{ids['session_id']}", headers=alice.headers).status_code == 200
    )
    assert len(_stored_files(settings)) == 2


def test_a_browser_deletion_needs_csrf_and_signs_the_browser_out(client: TestClient) -> None:
    csrf = browser_sign_in(client, "cleo@example.com")
    body = {"password": "violet-harbour-cactus-92"}
    refused = client.request("DELETE", "/api/me", json=body)
    assert (refused.status_code, error_code(refused)) == (403, "csrf_failed")
    deleted = client.request("DELETE", "/api/me", json=body, headers={"X-CSRF-Token": csrf})
    assert deleted.status_code == 204
    assert "rehearse_session" not in client.cookies
    assert client.get("/api/me").status_code == 401
