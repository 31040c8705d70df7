"""``GET /api/settings/llm``: shown to signed-in users, never with the key or the address."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from rehearse.web.app import create_app
from tests.conftest import make_settings
from tests.support.api import ApiUser, sign_up


def test_a_model_turned_off_is_shown_off(client: TestClient, alice: ApiUser) -> None:
    body = client.get("/api/settings/llm", headers=alice.headers).json()
    assert body == {
        "enabled": False,
        "model": None,
        "served_by": "off",
        "judges_content": False,
        "rewrites_questions": False,
    }


def test_a_shared_model_is_named_with_what_it_does_and_its_key_is_not(tmp_path: Path) -> None:
    settings = make_settings(
        tmp_path / "data",
        llm="on",
        llm_url="http://127.0.0.1:9/v1",
        llm_model="qwen2.5-7b-instruct",
        llm_api_key="sk-very-secret",
        llm_rewrites="on",
    )
    with TestClient(create_app(settings)) as client:
        user = sign_up(client, "ada@example.com")
        response = client.get("/api/settings/llm", headers=user.headers)
    assert response.json() == {
        "enabled": True,
        "model": "qwen2.5-7b-instruct",
        "served_by": "endpoint",
        "judges_content": True,
        "rewrites_questions": True,
    }
    assert "sk-very-secret" not in response.text
    assert "127.0.0.1:9" not in response.text


def test_it_needs_a_signed_in_user(client: TestClient) -> None:
    assert client.get("/api/settings/llm").status_code == 401
