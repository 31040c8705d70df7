"""Who may do what with assignments and members' attempts: every route refuses anyone without
the right, reveals nothing (a 404 where existence would leak, a 403 inside the organisation)
and changes nothing."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from rehearse.store.base import utcnow
from tests.support.api import ApiUser, error_code, sign_up
from tests.support.classes import (
    OUTSIDERS,
    WRITTEN,
    Organisation,
    assigned,
    join,
    join_code,
    outsider,
    take,
)

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # the rules

Route = tuple[str, str, dict[str, Any] | None]  # method, path, body
ASSIGNMENT = "/api/assignments/{assignment}"
ANSWER = ASSIGNMENT + "/attempts/{attempt}/answers/{answer}"

# Every route of a coach's work on an assignment and its attempts.
_COACHES: list[Route] = [
    ("PATCH", ASSIGNMENT, {"title": "Renamed", "attempts_allowed": 5}),
    ("DELETE", ASSIGNMENT, None),
    ("GET", ASSIGNMENT + "/class", None),
    ("GET", ASSIGNMENT + "/results.csv", None),
    ("GET", ASSIGNMENT + "/export", None),
    ("GET", ASSIGNMENT + "/attempts/{attempt}/report", None),
    ("GET", ANSWER + "/media", None),
    ("POST", ANSWER + "/comments", {"body": "Mine."}),
    ("DELETE", ANSWER + "/comments/{comment}", None),
    ("PUT", ANSWER + "/rubric", {"levels": {"Clarity": 1}}),
    ("POST", ANSWER + "/flags", {"verdict": "content"}),
    ("DELETE", ANSWER + "/flags/{flag}", None),
    (
        "POST",
        "/api/organisations/{organisation}/assignments",
        {
            "title": "Theirs",
            "questions": {"source": "written", "questions": WRITTEN},
            "due_at": (utcnow() + timedelta(days=7)).isoformat(),
        },
    ),
]
# What every account of the organisation may do.
_MEMBERS: list[Route] = [
    ("GET", ASSIGNMENT, None),
    ("GET", "/api/organisations/{organisation}/assignments", None),
    ("POST", ASSIGNMENT + "/attempts", None),
]


@pytest.fixture
def names(client: TestClient, organisation: Organisation, member: ApiUser) -> dict[str, str]:
    """The ids the routes name: an assignment, the member's attempt and an answer of it with
    a comment and a flag on it."""
    assignment = assigned(client, organisation)
    attempt = take(client, member, assignment, "We measured, then decided together.")
    answer = client.get(f"/api/sessions/{attempt}/answers", headers=member.headers).json()[0]
    path = f"/api/assignments/{assignment}/attempts/{attempt}/answers/{answer['id']}"
    coach = organisation.coach.headers
    comment = client.post(f"{path}/comments", json={"body": "Kept."}, headers=coach).json()
    flag = client.post(f"{path}/flags", json={"verdict": "content"}, headers=coach).json()
    return {
        "organisation": organisation.id,
        "assignment": assignment,
        "attempt": attempt,
        "answer": answer["id"],
        "comment": comment["id"],
        "flag": flag["id"],
    }


def _state(client: TestClient, organisation: Organisation, names: dict[str, str]) -> Any:
    """What the coach sees of it all: the assignments, and the one with its attempts."""
    headers = organisation.coach.headers
    return (
        client.get(organisation.path("/assignments"), headers=headers).json(),
        client.get(ASSIGNMENT.format(**names) + "/export", headers=headers).json(),
    )


def _refused(
    client: TestClient,
    user: ApiUser | None,
    *,
    organisation: Organisation,
    names: dict[str, str],
    routes: list[Route],
    expected: tuple[int, str],
) -> None:
    before = _state(client, organisation, names)
    for method, path, body in routes:
        headers = user.headers if user else {}
        answer = client.request(method, path.format(**names), json=body, headers=headers)
        assert (answer.status_code, error_code(answer)) == expected, path
        if expected[0] == 404:
            assert not any(value in answer.text for value in names.values()), path
    assert _state(client, organisation, names) == before


def test_anonymous_callers_are_refused_everything(
    client: TestClient, organisation: Organisation, names: dict[str, str]
) -> None:
    _refused(
        client,
        None,
        organisation=organisation,
        names=names,
        routes=_COACHES + _MEMBERS,
        expected=(401, "not_authenticated"),
    )


@pytest.mark.parametrize("who", OUTSIDERS)
def test_accounts_outside_the_organisation_find_nothing(
    client: TestClient, organisation: Organisation, names: dict[str, str], who: str
) -> None:
    caller = outsider(client, organisation, who)
    _refused(
        client,
        caller,
        organisation=organisation,
        names=names,
        routes=_COACHES + _MEMBERS,
        expected=(404, "not_found"),
    )


def test_members_are_refused_the_coaches_work(
    client: TestClient, organisation: Organisation, names: dict[str, str]
) -> None:
    classmate = sign_up(client, "classmate@example.com")
    assert join(client, classmate, join_code(client, organisation)).status_code == 200
    _refused(
        client,
        classmate,
        organisation=organisation,
        names=names,
        routes=_COACHES,
        expected=(403, "permission_denied"),
    )


def test_a_member_cannot_read_another_members_attempt(
    client: TestClient, organisation: Organisation, names: dict[str, str]
) -> None:
    classmate = sign_up(client, "classmate@example.com")
    assert join(client, classmate, join_code(client, organisation)).status_code == 200
    for path in ("", "/report", "/answers", f"/answers/{names['answer']}/media"):
        read = client.get(f"/api/sessions/{names['attempt']}{path}", headers=classmate.headers)
        assert (read.status_code, error_code(read)) == (404, "not_found"), path


def test_a_coach_sees_no_private_practice_of_a_member(
    client: TestClient, organisation: Organisation, member: ApiUser, names: dict[str, str]
) -> None:
    own = client.post("/api/sessions", json={"title": "My own practice"}, headers=member.headers)
    private = own.json()["id"]
    report = client.get(
        ASSIGNMENT.format(**names) + f"/attempts/{private}/report",
        headers=organisation.coach.headers,
    )
    assert (report.status_code, error_code(report)) == (404, "not_found")
    assert "My own practice" not in str(_state(client, organisation, names))
