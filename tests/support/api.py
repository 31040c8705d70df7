"""Driving the API as a user would: sign up, sign in, call with a bearer token."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from fastapi.testclient import TestClient

STRONG_PASSWORD = "violet-harbour-cactus-92"


@dataclass
class ApiUser:
    email: str
    password: str
    access_token: str
    refresh_token: str
    user_id: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access_token}"}


def sign_up(client: TestClient, email: str, password: str = STRONG_PASSWORD) -> ApiUser:
    response = client.post("/api/auth/signup", json={"email": email, "password": password})
    assert response.status_code == 201, response.text
    tokens = client.post("/api/auth/token", json={"email": email, "password": password})
    assert tokens.status_code == 200, tokens.text
    body = tokens.json()
    return ApiUser(
        email, password, body["access_token"], body["refresh_token"], response.json()["id"]
    )


def wait_for_job(
    client: TestClient, user: ApiUser, job_id: str, timeout: float = 20
) -> dict[str, Any]:
    """Poll ``/api/jobs/{id}`` until the job is done or failed."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job: dict[str, Any] = client.get(f"/api/jobs/{job_id}", headers=user.headers).json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} did not finish within {timeout} s")


def error_code(response: Any) -> str:
    code: str = response.json()["error"]["code"]
    return code
