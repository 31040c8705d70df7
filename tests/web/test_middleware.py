"""Request bodies over the limits are refused while they stream in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from fastapi.testclient import TestClient

from rehearse.web.app import create_app
from tests.conftest import make_settings
from tests.support.api import ApiUser, error_code, sign_up
from tests.support.media import wav_bytes


def test_a_declared_oversized_json_body_is_refused(client: TestClient, alice: ApiUser) -> None:
    body = b'{"title": "' + b"x" * (1024 * 1024 + 10) + b'"}'
    response = client.post(
        "/api/sessions", content=body, headers={**alice.headers, "Content-Type": "application/json"}
    )
    assert (response.status_code, error_code(response)) == (413, "payload_too_large")


def test_a_streamed_body_without_length_is_cut_at_the_limit(
    client: TestClient, alice: ApiUser
) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(400):  # 25 MB, far past the 1 MB limit, sent with no Content-Length
            yield b"x" * 65536

    response = client.post(
        "/api/sessions",
        content=chunks(),
        headers={**alice.headers, "Content-Type": "application/json"},
    )
    assert response.status_code == 413
    assert client.get("/api/sessions", headers=alice.headers).json() == []


def test_an_upload_over_the_limit_is_refused(tmp_path: Path, database_url: str) -> None:
    settings = make_settings(tmp_path / "data", database_url, max_upload_mb=1)
    with TestClient(create_app(settings)) as small:
        user = sign_up(small, "up@example.com")
        session = small.post("/api/sessions", json={"title": "t"}, headers=user.headers).json()
        question = small.post(
            f"/api/sessions/{session['id']}/questions", json={"text": "Q?"}, headers=user.headers
        ).json()
        too_big = wav_bytes(40.0)  # 1.2 MB of real audio
        response = small.post(
            f"/api/sessions/{session['id']}/questions/{question['id']}/answers",
            files={"media": ("a.wav", too_big, "audio/wav")},
            headers=user.headers,
        )
        assert (response.status_code, error_code(response)) == (413, "payload_too_large")
        assert "1 MB" in response.json()["error"]["message"]
        answers = small.get(f"/api/sessions/{session['id']}/answers", headers=user.headers)
        assert answers.json() == []
