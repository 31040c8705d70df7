"""``GET /api/settings/llm``: shown to signed-in users, never with the key."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from rehearse.web.app import create_app
from tests.conftest import make_settings
from tests.support.api import ApiUser, sign_up


def test_the_default_is_offline(client: TestClient, alice: ApiUser) -> None:
    body = client.get("/api/settings/llm", headers=alice.headers).json()
    assert body == {"configured": False, "model": None, "provider": "offline"}


def test_a_configured_model_is_named_and_its_key_is_not(tmp_path: Path) -> None:
    settings = make_settings(
        tmp_path / "data",
        llm_base_url="http://127.0.0.1:9/v1",
        llm_model="qwen2.5-7b-instruct",
        llm_api_key="sk-very-secret",
    )
    with TestClient(create_app(settings)) as client:
        user = sign_up(client, "ada@example.com")
        response = client.get("/api/settings/llm", headers=user.headers)
    assert response.json() == {
        "configured": True,
        "model": "qwen2.5-7b-instruct",
        "provider": "openai-compatible",
    }
    assert "sk-very-secret" not in response.text
    assert "127.0.0.1:9" not in response.text


def test_it_needs_a_signed_in_user(client: TestClient) -> None:
    assert client.get("/api/settings/llm").status_code == 401
