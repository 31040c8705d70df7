"""A class as the tests use it: a coach, their organisation, and accounts around it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient

from rehearse.config import Settings
from tests.support.api import ApiUser, sign_up
from tests.support.mail import wait_for_mail


@dataclass(frozen=True)
class Organisation:
    id: str
    coach: ApiUser

    def path(self, tail: str = "") -> str:
        return f"/api/organisations/{self.id}{tail}"


def create(client: TestClient, coach: ApiUser, name: str = "Career centre, spring") -> Organisation:
    made = client.post("/api/organisations", json={"name": name}, headers=coach.headers)
    assert made.status_code == 201, made.text
    return Organisation(made.json()["id"], coach)


def join_code(client: TestClient, organisation: Organisation, days: int = 14) -> str:
    made = client.post(
        organisation.path("/join-code"), json={"days": days}, headers=organisation.coach.headers
    )
    assert made.status_code == 201, made.text
    code: str = made.json()["code"]
    return code


def join(client: TestClient, user: ApiUser, code: str) -> Any:
    return client.post("/api/organisations/join", json={"code": code}, headers=user.headers)


def invite_token(
    client: TestClient, settings: Settings, organisation: Organisation, email: str
) -> str:
    """Invite ``email`` and read the link's token from the mail it receives."""
    sent = client.post(
        organisation.path("/invites"), json={"email": email}, headers=organisation.coach.headers
    )
    assert sent.status_code == 201, sent.text
    body = wait_for_mail(settings.outbox_dir, email).get_payload(decode=True)
    assert isinstance(body, bytes)
    found = re.search(r"/join\?invite=(\S+)", body.decode())
    assert found, body
    return found.group(1)


@pytest.fixture
def coach(client: TestClient) -> ApiUser:
    return sign_up(client, "coach@example.com")


@pytest.fixture
def organisation(client: TestClient, coach: ApiUser) -> Organisation:
    return create(client, coach)


@pytest.fixture
def member(client: TestClient, organisation: Organisation) -> ApiUser:
    user = sign_up(client, "member@example.com")
    assert join(client, user, join_code(client, organisation)).status_code == 200
    return user
