"""Request bodies over the limits are refused while they stream in."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi.testclient import TestClient

from rehearse.config import Settings
from tests.support.api import ApiUser, error_code


def test_a_declared_oversized_json_body_is_refused(client: TestClient, alice: ApiUser) -> None:
    body = b'{"title": "' + b"x" * (1024 * 1024 + 10) + b'"}'
    response = client.post(
        "/api/sessions", content=body, headers={**alice.headers, "Content-Type": "application/json"}
    )
    assert (response.status_code, error_code(response)) == (413, "payload_too_large")


def test_a_streamed_body_without_length_is_cut_at_the_limit(
    client: TestClient, settings: Settings, alice: ApiUser
) -> None:
    sent: list[int] = []

    def chunks() -> Iterator[bytes]:
        for index in range(400):
            sent.append(index)
            yield b"x" * 65536

    response = client.post(
        "/api/sessions",
        content=chunks(),
        headers={**alice.headers, "Content-Type": "application/json"},
    )
    assert response.status_code == 413
    assert client.get("/api/sessions", headers=alice.headers).json() == []


def test_an_upload_over_the_limit_is_refused(
    tmp_path: object, alice: ApiUser, client: TestClient
) -> None:
    runtime = client.app.state.runtime  # type: ignore[attr-defined]
    limit = runtime.settings.max_upload_bytes
    session = client.post("/api/sessions", json={"title": "t"}, headers=alice.headers).json()
    question = client.post(
        f"/api/sessions/{session['id']}/questions", json={"text": "Q?"}, headers=alice.headers
    ).json()
    too_big = b"RIFF" + b"\x00" * (limit + 2 * 1024 * 1024)
    response = client.post(
        f"/api/sessions/{session['id']}/questions/{question['id']}/answers",
        files={"media": ("a.wav", too_big, "audio/wav")},
        headers=alice.headers,
    )
    assert (response.status_code, error_code(response)) == (413, "payload_too_large")
    assert "200 MB" in response.json()["error"]["message"]
