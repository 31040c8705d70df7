"""Text no database can store is refused where it enters, with a 422 that says why, on
SQLite and PostgreSQL alike, and nothing of the request is stored."""

from __future__ import annotations

import json
from collections.abc import Callable

import httpx2 as httpx
import pytest
from fastapi.testclient import TestClient

from rehearse.inputs import storable, unstorable_reason
from tests.support.api import ApiUser, error_code

NUL = "a\u0000b"
LONE_SURROGATE = "a\ud800b"


def test_nul_is_named_in_the_reason() -> None:
    assert "NUL" in (unstorable_reason(NUL) or "")


def test_a_lone_surrogate_is_named_in_the_reason() -> None:
    assert "surrogate" in (unstorable_reason(LONE_SURROGATE) or "")


def test_ordinary_text_with_accents_tabs_and_emoji_is_storable() -> None:
    assert unstorable_reason("Café\tnaïve 🎤 résumé\n") is None


def test_derived_text_is_cleaned_rather_than_refused() -> None:
    assert storable(f"{NUL} {LONE_SURROGATE}") == "ab ab"


def _session(client: TestClient, user: ApiUser) -> str:
    response = client.post("/api/sessions", json={"title": "Backend"}, headers=user.headers)
    assert response.status_code == 201, response.text
    session_id: str = response.json()["id"]
    return session_id


def _question(client: TestClient, user: ApiUser, session_id: str) -> str:
    response = client.post(
        f"/api/sessions/{session_id}/questions", json={"text": "Why?"}, headers=user.headers
    )
    assert response.status_code == 201, response.text
    question_id: str = response.json()["id"]
    return question_id


def _json(
    client: TestClient, method: str, url: str, body: object, **headers: str
) -> httpx.Response:
    """Sent as ASCII JSON, so a lone surrogate travels as its escape, as a client would."""
    return client.request(
        method,
        url,
        content=json.dumps(body).encode("ascii"),
        headers={"Content-Type": "application/json", **headers},
    )


Send = Callable[[TestClient, ApiUser, str], httpx.Response]


def _create_session(client: TestClient, user: ApiUser, text: str) -> httpx.Response:
    return _json(client, "POST", "/api/sessions", {"title": text}, **user.headers)


def _job_description(client: TestClient, user: ApiUser, text: str) -> httpx.Response:
    session_id = _session(client, user)
    return client.patch(
        f"/api/sessions/{session_id}", json={"job_description": text}, headers=user.headers
    )


def _display_name(client: TestClient, user: ApiUser, text: str) -> httpx.Response:
    return client.patch("/api/me", json={"display_name": text}, headers=user.headers)


def _question_text(client: TestClient, user: ApiUser, text: str) -> httpx.Response:
    session_id = _session(client, user)
    return client.post(
        f"/api/sessions/{session_id}/questions", json={"text": text}, headers=user.headers
    )


def _reflection(client: TestClient, user: ApiUser, text: str) -> httpx.Response:
    session_id = _session(client, user)
    return _json(
        client, "POST", f"/api/sessions/{session_id}/reflections", {"text": text}, **user.headers
    )


def _typed_answer(client: TestClient, user: ApiUser, text: str) -> httpx.Response:
    session_id = _session(client, user)
    question_id = _question(client, user, session_id)
    return client.post(
        f"/api/sessions/{session_id}/questions/{question_id}/answers",
        data={"text": text},
        headers=user.headers,
    )


def _sign_up_name(client: TestClient, _user: ApiUser, text: str) -> httpx.Response:
    return client.post(
        "/api/auth/signup",
        json={
            "email": "new@example.com",
            "password": "violet-harbour-cactus-92",
            "display_name": text,
        },
    )


SENDERS: dict[str, Send] = {
    "session title": _create_session,
    "job description": _job_description,
    "display name": _display_name,
    "question text": _question_text,
    "reflection": _reflection,
    "typed answer": _typed_answer,
    "sign-up name": _sign_up_name,
}


@pytest.mark.parametrize("field", SENDERS)
def test_nul_in_any_text_field_is_refused_with_a_reason(
    client: TestClient, alice: ApiUser, field: str
) -> None:
    response = SENDERS[field](client, alice, NUL)
    assert response.status_code == 422, response.text
    assert error_code(response) == "validation_failed"
    assert "NUL character" in response.json()["error"]["message"]


@pytest.mark.parametrize("field", ["session title", "reflection"])
def test_a_lone_surrogate_is_refused_with_a_reason(
    client: TestClient, alice: ApiUser, field: str
) -> None:
    response = SENDERS[field](client, alice, LONE_SURROGATE)
    assert response.status_code == 422, response.text
    assert "unicode" in response.json()["error"]["message"].lower()


def test_a_refused_change_keeps_what_was_saved(client: TestClient, alice: ApiUser) -> None:
    session_id = _session(client, alice)
    refused = client.patch(
        f"/api/sessions/{session_id}", json={"title": NUL}, headers=alice.headers
    )
    assert refused.status_code == 422
    kept = client.get(f"/api/sessions/{session_id}", headers=alice.headers).json()
    assert kept["title"] == "Backend"
