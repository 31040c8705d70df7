"""Driving the API as a user would: sign up, sign in, call with a bearer token."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx2
from fastapi.testclient import TestClient
from sqlalchemy import select

from rehearse.jobs.models import Job, JobStatus
from tests.support.waiting import wait_until

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


def wait_for_job(client: httpx2.Client, user: ApiUser | None, job_id: str) -> dict[str, Any]:
    """Poll ``/api/jobs/{id}`` (as ``user``, or as the client's own session) until the job is
    done or failed, however long that takes."""
    seen: dict[str, Any] = {}
    headers = user.headers if user else None

    def finished() -> bool:
        seen.update(client.get(f"/api/jobs/{job_id}", headers=headers).json())
        return seen["status"] in ("done", "failed")

    wait_until(finished, f"job {job_id} to finish")
    return seen


def wait_for_every_job(client: TestClient) -> None:
    """Wait until the app behind ``client`` has no job queued or running: an app a module's
    tests share then does no background work (and writes no log line) between them."""
    database = client.app.state.runtime.database  # type: ignore[attr-defined]

    def settled() -> bool:
        unfinished = (JobStatus.QUEUED, JobStatus.RUNNING)
        with database.sessions() as session:
            return session.scalars(select(Job.id).where(Job.status.in_(unfinished))).first() is None

    wait_until(settled, "every job of the app to finish")


def error_code(response: Any) -> str:
    code: str = response.json()["error"]["code"]
    return code
