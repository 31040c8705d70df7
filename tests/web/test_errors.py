"""Every failure has one shape, a clear message, and a 4xx when the caller is at fault."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.support.api import ApiUser, error_code


def _assert_error_shape(body: dict[str, object]) -> None:
    assert set(body) == {"error", "request_id"}
    error = body["error"]
    assert isinstance(error, dict)
    assert set(error) == {"code", "message", "details"}
    assert error["message"]


def test_malformed_json_is_a_400(client: TestClient, alice: ApiUser) -> None:
    response = client.post(
        "/api/sessions",
        content=b'{"title": ',
        headers={**alice.headers, "Content-Type": "application/json"},
    )
    assert (response.status_code, error_code(response)) == (400, "malformed_json")
    _assert_error_shape(response.json())


def test_a_wrong_type_is_a_422_naming_the_field(client: TestClient, alice: ApiUser) -> None:
    response = client.post(
        "/api/sessions", json={"title": "t", "question_count": "many"}, headers=alice.headers
    )
    assert (response.status_code, error_code(response)) == (422, "validation_failed")
    assert "question_count" in response.json()["error"]["message"]


def test_an_unknown_enum_value_is_a_422(client: TestClient, alice: ApiUser) -> None:
    response = client.post(
        "/api/sessions", json={"title": "t", "interview_type": "karaoke"}, headers=alice.headers
    )
    assert response.status_code == 422


def test_a_malformed_id_is_a_422_not_a_500(client: TestClient, alice: ApiUser) -> None:
    response = client.get("/api/sessions/not-a-uuid", headers=alice.headers)
    assert response.status_code == 422


def test_an_unknown_route_is_a_404_in_the_same_shape(client: TestClient) -> None:
    response = client.get("/api/nothing-here")
    assert (response.status_code, error_code(response)) == (404, "not_found")
    _assert_error_shape(response.json())


def test_a_wrong_method_is_a_405(client: TestClient) -> None:
    response = client.delete("/health")
    assert (response.status_code, error_code(response)) == (405, "method_not_allowed")


def test_an_unexpected_error_is_a_500_with_the_request_id(
    client: TestClient, alice: ApiUser
) -> None:
    runtime = client.app.state.runtime  # type: ignore[attr-defined]
    runtime.database.engine.dispose()
    original = runtime.database.sessions

    def broken() -> object:
        raise RuntimeError("database exploded")

    runtime.database.sessions = broken
    try:
        response = client.get("/api/sessions", headers={**alice.headers, "X-Request-ID": "req-42"})
    finally:
        runtime.database.sessions = original
    assert (response.status_code, error_code(response)) == (500, "internal")
    assert response.json()["request_id"] == "req-42"
    assert "req-42" in response.json()["error"]["message"]
    assert "exploded" not in response.text
