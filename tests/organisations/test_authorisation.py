"""Who may do what to an organisation: every route refuses anyone without the right, reveals
nothing (a 404 where the organisation's existence would leak, a 403 inside it) and changes
nothing."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from rehearse.config import Settings
from rehearse.organisations.models import Organisation as OrganisationRow
from rehearse.store.base import utcnow
from tests.support.api import ApiUser, error_code, sign_up
from tests.support.classes import (
    OUTSIDERS,
    Organisation,
    invite_token,
    join,
    join_code,
    outsider,
)

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # the rules

Route = tuple[str, str, dict[str, Any] | None]  # method, path, body

# Every route inside an organisation (its path after /api/organisations/{id}).
_COACHES: list[Route] = [
    ("PATCH", "", {"name": "Renamed"}),
    ("DELETE", "", None),
    ("GET", "/members", None),
    ("PATCH", "/members/{other}", {"role": "coach"}),
    ("DELETE", "/members/{other}", None),
    ("POST", "/invites", {"email": "new@example.com"}),
    ("GET", "/invites", None),
    ("DELETE", "/invites/{invite}", None),
    ("POST", "/join-code", {"days": 7}),
    ("DELETE", "/join-code", None),
]
_MEMBERS: list[Route] = [("GET", "", None)]
_GLOBAL: list[Route] = [
    ("POST", "/api/organisations", {"name": "Mine"}),
    ("GET", "/api/organisations", None),
    ("POST", "/api/organisations/join", {"code": "ABCDE-FGHJK"}),
    ("POST", "/api/organisations/invites/accept", {"token": "x"}),
]


def _call(
    client: TestClient,
    user: ApiUser | None,
    organisation: Organisation,
    route: Route,
    **names: str,
) -> Any:
    method, tail, body = route
    headers = user.headers if user else {}
    path = organisation.path(tail.format(**names))
    return client.request(method, path, json=body, headers=headers)


def _state(client: TestClient, organisation: Organisation) -> tuple[Any, ...]:
    headers = organisation.coach.headers
    return tuple(
        client.get(organisation.path(tail), headers=headers).json()
        for tail in ("", "/members", "/invites")
    )


@pytest.fixture
def invite_id(client: TestClient, organisation: Organisation) -> str:
    sent = client.post(
        organisation.path("/invites"),
        json={"email": "pending@example.com"},
        headers=organisation.coach.headers,
    )
    invite: str = sent.json()["id"]
    return invite


def _refused_everywhere(
    client: TestClient,
    user: ApiUser | None,
    organisation: Organisation,
    routes: list[Route],
    expected: tuple[int, str],
    **names: str,
) -> None:
    before = _state(client, organisation)
    for route in routes:
        answer = _call(client, user, organisation, route, **names)
        assert (answer.status_code, error_code(answer)) == expected, route
        if expected[0] == 404:  # nothing it names, nor the class's name, comes back
            revealed = [organisation.id, "Career centre", *names.values()]
            assert not [value for value in revealed if value in answer.text], route
    assert _state(client, organisation) == before


def test_anonymous_callers_are_refused_everything(
    client: TestClient, organisation: Organisation, member: ApiUser, invite_id: str
) -> None:
    names = {"other": member.user_id, "invite": invite_id}
    _refused_everywhere(
        client, None, organisation, _COACHES + _MEMBERS, (401, "not_authenticated"), **names
    )
    for method, path, body in _GLOBAL:
        answer = client.request(method, path, json=body)
        assert answer.status_code == 401, path


@pytest.mark.parametrize("who", OUTSIDERS)
def test_accounts_outside_the_organisation_find_nothing_there(
    client: TestClient, organisation: Organisation, member: ApiUser, invite_id: str, who: str
) -> None:
    caller = outsider(client, organisation, who)
    names = {"other": member.user_id, "invite": invite_id}
    _refused_everywhere(
        client, caller, organisation, _COACHES + _MEMBERS, (404, "not_found"), **names
    )


def test_members_are_refused_the_coaches_work(
    client: TestClient, organisation: Organisation, member: ApiUser, invite_id: str
) -> None:
    names = {"other": organisation.coach.user_id, "invite": invite_id}
    _refused_everywhere(client, member, organisation, _COACHES, (403, "permission_denied"), **names)
    assert _call(client, member, organisation, _MEMBERS[0]).status_code == 200


def test_a_withdrawn_invitation_is_refused(
    client: TestClient, settings: Settings, organisation: Organisation
) -> None:
    token = invite_token(client, settings, organisation, "dana@example.com")
    pending = client.get(organisation.path("/invites"), headers=organisation.coach.headers)
    withdrawn = client.delete(
        organisation.path(f"/invites/{pending.json()['items'][0]['id']}"),
        headers=organisation.coach.headers,
    )
    assert withdrawn.status_code == 204
    dana = sign_up(client, "dana@example.com")
    accepted = client.post(
        "/api/organisations/invites/accept", json={"token": token}, headers=dana.headers
    )
    assert (accepted.status_code, error_code(accepted)) == (404, "not_found")
    assert client.get("/api/organisations", headers=dana.headers).json()["items"] == []


def test_an_expired_join_code_is_refused(client: TestClient, organisation: Organisation) -> None:
    code = join_code(client, organisation)
    database = client.app.state.runtime.database  # type: ignore[attr-defined]
    with database.transaction() as session:
        session.execute(
            update(OrganisationRow).values(join_code_expires_at=utcnow() - timedelta(seconds=1))
        )
    late = sign_up(client, "late@example.com")
    refused = join(client, late, code)
    assert (refused.status_code, error_code(refused)) == (404, "not_found")
    assert client.get("/api/organisations", headers=late.headers).json()["items"] == []
