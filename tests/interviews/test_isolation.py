"""No route lets one user read, change or delete another user's data.

Every route with an id in its path is called by Bob with Alice's ids. Each must answer 404
(never the data, never 403, which would confirm the id exists), and afterwards Alice's data
must be exactly as it was. A new route with an id must be added to ``CALLS`` or this test fails.
"""

from __future__ import annotations

import io
import uuid
import zipfile
from typing import Any

from fastapi.testclient import TestClient

from tests.support.api import ApiUser, sign_up, wait_for_job
from tests.support.media import pdf_bytes, wav_bytes

ATTEMPT_ANSWER = "/api/assignments/{assignment_id}/attempts/{session_id}/answers/{answer_id}"
JSON_BODIES: dict[tuple[str, str], dict[str, Any]] = {
    ("PATCH", "/api/sessions/{session_id}"): {"title": "Taken over"},
    ("POST", "/api/sessions/{session_id}/plan"): {},
    ("POST", "/api/sessions/{session_id}/questions"): {"text": "Injected question?"},
    ("POST", "/api/sessions/{session_id}/reflections"): {"text": "Injected note"},
    ("POST", "/api/sessions/{session_id}/answers/{answer_id}/turn"): {},
    ("POST", "/api/sessions/{session_id}/complete"): {},
    ("PATCH", "/api/organisations/{organisation_id}"): {"name": "Taken over"},
    ("PATCH", "/api/organisations/{organisation_id}/members/{user_id}"): {"role": "member"},
    ("POST", "/api/organisations/{organisation_id}/invites"): {"email": "bob@example.com"},
    ("POST", "/api/organisations/{organisation_id}/join-code"): {"days": 7},
    ("POST", "/api/organisations/{organisation_id}/assignments"): {
        "title": "Taken over",
        "questions": {"source": "written", "questions": [{"text": "Injected?"}]},
        "due_at": "2099-01-01T00:00:00Z",
    },
    ("POST", "/api/assignments/{assignment_id}/attempts"): {},
    ("PATCH", "/api/assignments/{assignment_id}"): {"title": "Taken over"},
    ("POST", f"{ATTEMPT_ANSWER}/comments"): {"body": "Injected comment"},
    ("PUT", f"{ATTEMPT_ANSWER}/rubric"): {"levels": {"Clarity": 1}},
    ("POST", f"{ATTEMPT_ANSWER}/flags"): {"verdict": "content"},
}
FILE_BODIES: dict[tuple[str, str], dict[str, Any]] = {
    ("PUT", "/api/sessions/{session_id}/calibration"): {
        "file": ("look.webm", b"not a video", "video/webm")
    },
    ("PUT", "/api/sessions/{session_id}/resume"): {
        "file": ("cv.pdf", pdf_bytes("evil"), "application/pdf")
    },
    ("POST", "/api/sessions/{session_id}/questions/{question_id}/answers"): {
        "media": ("a.wav", wav_bytes(0.2), "audio/wav")
    },
    ("POST", "/api/sessions/{session_id}/questions/{question_id}/attempts"): {
        "media": ("a.wav", wav_bytes(0.2), "audio/wav")
    },
}


def _alices_world(client: TestClient, alice: ApiUser) -> dict[str, str]:
    """Alice's session with a résumé, a question, a recorded answer, a note and a job; the
    organisation she coaches, with an invitation pending."""
    h = alice.headers
    organisation = client.post("/api/organisations", json={"name": "Alice's class"}, headers=h)
    oid = organisation.json()["id"]
    invite = client.post(
        f"/api/organisations/{oid}/invites", json={"email": "carol@example.com"}, headers=h
    )
    session = client.post("/api/sessions", json={"title": "Alice's interview"}, headers=h).json()
    sid = session["id"]
    client.put(
        f"/api/sessions/{sid}/resume",
        files={"file": ("cv.pdf", pdf_bytes(), "application/pdf")},
        headers=h,
    )
    question = client.post(
        f"/api/sessions/{sid}/questions", json={"text": "Why us?"}, headers=h
    ).json()
    answer = client.post(
        f"/api/sessions/{sid}/questions/{question['id']}/answers",
        files={"media": ("a.wav", wav_bytes(), "audio/wav")},
        headers=h,
    ).json()
    note = client.post(f"/api/sessions/{sid}/reflections", json={"text": "Mine"}, headers=h).json()
    assignment = client.post(
        f"/api/organisations/{oid}/assignments",
        json={
            "title": "Alice's assignment",
            "questions": {"source": "written", "questions": [{"text": "Why us?"}]},
            "due_at": "2099-01-01T00:00:00Z",
        },
        headers=h,
    ).json()
    # The world must stand still: an analysis finishing mid-test would change Alice's answer.
    wait_for_job(client, alice, answer["analysis_job_id"])
    return {
        "session_id": sid,
        "question_id": question["id"],
        "answer_id": answer["id"],
        "reflection_id": note["id"],
        "job_id": answer["analysis_job_id"],
        "organisation_id": oid,
        "user_id": alice.user_id,
        "invite_id": invite.json()["id"],
        "assignment_id": assignment["id"],
        # Bob is refused before any comment or flag is looked for.
        "comment_id": str(uuid.uuid4()),
        "flag_id": str(uuid.uuid4()),
    }


def _snapshot(client: TestClient, alice: ApiUser, ids: dict[str, str]) -> list[Any]:
    h, sid = alice.headers, ids["session_id"]
    return [
        client.get(f"/api/sessions/{sid}", headers=h).json(),
        client.get(f"/api/sessions/{sid}/resume", headers=h).content,
        client.get(f"/api/sessions/{sid}/questions", headers=h).json(),
        client.get(f"/api/sessions/{sid}/answers", headers=h).json(),
        client.get(f"/api/sessions/{sid}/answers/{ids['answer_id']}/media", headers=h).content,
        client.get(f"/api/sessions/{sid}/reflections", headers=h).json(),
        client.get(f"/api/jobs/{ids['job_id']}", headers=h).json()["id"],
        client.get(f"/api/organisations/{ids['organisation_id']}", headers=h).json(),
        client.get(f"/api/organisations/{ids['organisation_id']}/members", headers=h).json(),
        client.get(f"/api/organisations/{ids['organisation_id']}/invites", headers=h).json(),
        client.get(f"/api/organisations/{ids['organisation_id']}/assignments", headers=h).json(),
        client.get(f"/api/assignments/{ids['assignment_id']}/export", headers=h).json(),
    ]


def _routes_with_ids(client: TestClient) -> list[tuple[str, str]]:
    """Every (method, path) of the published API that takes an id in its path."""
    paths = client.get("/openapi.json").json()["paths"]
    return sorted(
        (method.upper(), path) for path, item in paths.items() if "{" in path for method in item
    )


def test_another_users_ids_are_not_found_on_every_route(client: TestClient, alice: ApiUser) -> None:
    ids = _alices_world(client, alice)
    before = _snapshot(client, alice, ids)
    bob = sign_up(client, "bob@example.com")
    routes = _routes_with_ids(client)
    assert len(routes) >= 14
    for method, path in routes:
        url = path.format(**ids)
        key = (method, path)
        response = client.request(
            method,
            url,
            headers=bob.headers,
            json=JSON_BODIES.get(key, {}) if key not in FILE_BODIES else None,
            files=FILE_BODIES.get(key),
        )
        assert response.status_code == 404, f"{method} {path} answered {response.status_code}"
        assert "Alice" not in response.text
        assert "Mine" not in response.text
    assert _snapshot(client, alice, ids) == before


def test_lists_show_only_the_callers_own_data(client: TestClient, alice: ApiUser) -> None:
    ids = _alices_world(client, alice)
    practised = f"/api/sessions/{ids['session_id']}/questions/{ids['question_id']}/attempts"
    client.post(practised, data={"text": "Mine, again"}, headers=alice.headers)
    bob = sign_up(client, "bob@example.com")
    assert client.get("/api/sessions", headers=bob.headers).json() == []
    assert client.get("/api/organisations", headers=bob.headers).json()["items"] == []
    assert client.get("/api/progress/topics", headers=bob.headers).json() == []
    assert client.get("/api/progress", headers=bob.headers).json()["sessions"] == []
    to_practise = "/api/progress/questions-to-practise"
    assert client.get(to_practise, headers=alice.headers).json()["not_judged"]  # the judge is off
    assert client.get(to_practise, headers=bob.headers).json() == {
        "questions": [],
        "not_judged": [],
    }
    export = zipfile.ZipFile(io.BytesIO(client.get("/api/me/export", headers=bob.headers).content))
    assert not [name for name in export.namelist() if name.startswith(("sessions/", "files/"))]


def test_every_write_route_is_exercised(client: TestClient) -> None:
    writes = {
        (method, path)
        for method, path in _routes_with_ids(client)
        if method in {"POST", "PUT", "PATCH"}
    }
    assert writes == set(JSON_BODIES) | set(FILE_BODIES)
