"""Signing a TestClient in as a browser would: a session cookie and the CSRF token."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.support.api import STRONG_PASSWORD


def browser_sign_in(client: TestClient, email: str, password: str = STRONG_PASSWORD) -> str:
    """Sign ``email`` up if needed and in with cookies; the CSRF token for writes."""
    client.post("/api/auth/signup", json={"email": email, "password": password})
    response = client.post("/api/auth/login", json={"email": email, "password": password})
    assert response.status_code == 200, response.text
    token: str = response.json()["csrf_token"]
    return token
