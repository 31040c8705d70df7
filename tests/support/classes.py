"""A class as the tests use it: a coach, their organisation, accounts around it, and the
assignments it is given (fixtures imported by the conftest of each test folder that uses them)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from rehearse.config import Settings
from rehearse.store.base import utcnow
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


WRITTEN = [
    {
        "text": "Tell me about a time you disagreed with a teammate about a design.",
        "kind": "behavioural",
        "key_points": ["the disagreement", "how you listened", "what was decided"],
    },
    {
        "text": "How would you find why a web page became slow?",
        "kind": "technical",
        "key_points": ["measure first", "profile the slow request", "check the database"],
    },
]
RUBRIC = [
    {
        "name": "Clarity",
        "levels": [{"label": "Unclear"}, {"label": "Clear"}, {"label": "Crisp"}],
    }
]


def assign(client: TestClient, organisation: Organisation, **fields: Any) -> Any:
    """Post an assignment (two written questions, due in a week, a one-criterion rubric,
    unless ``fields`` say otherwise); the response."""
    body: dict[str, Any] = {
        "title": "Mock interview 1",
        "questions": {"source": "written", "questions": WRITTEN},
        "due_at": (utcnow() + timedelta(days=7)).isoformat(),
        "attempts_allowed": 2,
        "rubric": RUBRIC,
    }
    body.update(fields)
    return client.post(
        organisation.path("/assignments"), json=body, headers=organisation.coach.headers
    )


def assigned(client: TestClient, organisation: Organisation, **fields: Any) -> str:
    """The id of a new assignment (see ``assign``)."""
    made = assign(client, organisation, **fields)
    assert made.status_code == 201, made.text
    identifier: str = made.json()["id"]
    return identifier


def take(client: TestClient, user: ApiUser, assignment_id: str, *said: str) -> str:
    """Start an attempt, type ``said`` as the answers to its questions in turn and complete it;
    the attempt's session id."""
    started = client.post(f"/api/assignments/{assignment_id}/attempts", headers=user.headers)
    assert started.status_code == 201, started.text
    session_id: str = started.json()["id"]
    questions = client.get(f"/api/sessions/{session_id}/questions", headers=user.headers).json()
    for question, text in zip(questions, said, strict=False):
        answered = client.post(
            f"/api/sessions/{session_id}/questions/{question['id']}/answers",
            data={"text": text},
            headers=user.headers,
        )
        assert answered.status_code == 201, answered.text
    if said:
        done = client.post(f"/api/sessions/{session_id}/complete", headers=user.headers)
        assert done.status_code == 200, done.text
    return session_id


OUTSIDERS = ("member of another", "coach of another", "removed member")


def outsider(client: TestClient, organisation: Organisation, who: str) -> ApiUser:
    """An account that must find nothing of ``organisation``: a member of another class, a
    coach of another class, or a member of this one who was removed (``OUTSIDERS``)."""
    caller = sign_up(client, "someone@example.com")
    if who == "member of another":
        other = create(client, sign_up(client, "elsewhere@example.com"), "Another class")
        assert join(client, caller, join_code(client, other)).status_code == 200
    elif who == "coach of another":
        create(client, caller, "Another class")
    else:
        assert join(client, caller, join_code(client, organisation)).status_code == 200
        removed = client.delete(
            organisation.path(f"/members/{caller.user_id}"), headers=organisation.coach.headers
        )
        assert removed.status_code == 204
    return caller
