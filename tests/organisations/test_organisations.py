"""Organisations through the API: a coach makes one, members join by link or code, leave, and
the last coach stays."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from fastapi.testclient import TestClient

from rehearse.config import Settings
from tests.support.api import ApiUser, error_code, sign_up
from tests.support.classes import Organisation, create, invite_token, join, join_code


def _members(client: TestClient, organisation: Organisation, **params: int) -> dict:  # type: ignore[type-arg]
    page = client.get(
        organisation.path("/members"), params=params, headers=organisation.coach.headers
    )
    assert page.status_code == 200, page.text
    body: dict = page.json()  # type: ignore[type-arg]
    return body


def test_the_creator_is_its_coach_and_sees_it_among_their_own(
    client: TestClient, coach: ApiUser, organisation: Organisation
) -> None:
    mine = client.get("/api/organisations", headers=coach.headers).json()
    assert [(o["id"], o["role"]) for o in mine["items"]] == [(organisation.id, "coach")]
    assert mine["total"] == 1
    members = _members(client, organisation)
    assert [(m["email"], m["role"]) for m in members["items"]] == [(coach.email, "coach")]


def test_ones_own_organisations_come_a_page_at_a_time_by_name(
    client: TestClient, coach: ApiUser, organisation: Organisation
) -> None:
    for name in ("Zeta cohort", "Alpha cohort"):
        made = client.post("/api/organisations", json={"name": name}, headers=coach.headers)
        assert made.status_code == 201, made.text
    pages = [
        client.get(f"/api/organisations?offset={offset}&limit=2", headers=coach.headers).json()
        for offset in (0, 2)
    ]
    assert [page["total"] for page in pages] == [3, 3]
    ids = [o["id"] for page in pages for o in page["items"]]
    names = [o["name"] for page in pages for o in page["items"]]
    assert names == sorted(names)
    assert len(set(ids)) == 3
    assert organisation.id in ids


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # the rules, not the SQL
def test_an_invitation_link_makes_the_invited_address_a_member_once(
    client: TestClient, settings: Settings, organisation: Organisation
) -> None:
    token = invite_token(client, settings, organisation, "dana@example.com")
    dana = sign_up(client, "dana@example.com")
    accepted = client.post(
        "/api/organisations/invites/accept", json={"token": token}, headers=dana.headers
    )
    assert (accepted.status_code, accepted.json()["role"]) == (200, "member")
    again = client.post(
        "/api/organisations/invites/accept", json={"token": token}, headers=dana.headers
    )
    assert (again.status_code, error_code(again)) == (404, "not_found")
    assert client.get(organisation.path(), headers=dana.headers).status_code == 200


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # the rules, not the SQL
def test_an_invitation_is_for_the_address_it_was_sent_to(
    client: TestClient, settings: Settings, organisation: Organisation
) -> None:
    token = invite_token(client, settings, organisation, "dana@example.com")
    eve = sign_up(client, "eve@example.com")
    taken = client.post(
        "/api/organisations/invites/accept", json={"token": token}, headers=eve.headers
    )
    assert (taken.status_code, error_code(taken)) == (403, "permission_denied")
    assert client.get(organisation.path(), headers=eve.headers).status_code == 404


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # the rules, not the SQL
def test_a_join_code_works_however_it_is_typed_and_only_the_newest(
    client: TestClient, organisation: Organisation
) -> None:
    old = join_code(client, organisation)
    new = join_code(client, organisation)
    first, second = sign_up(client, "a@example.com"), sign_up(client, "b@example.com")
    assert join(client, first, old).status_code == 404
    assert join(client, first, f"  {new.lower().replace('-', ' ')} ").status_code == 200
    assert join(client, first, new).json()["role"] == "member"  # joining twice changes nothing
    ended = client.delete(organisation.path("/join-code"), headers=organisation.coach.headers)
    assert ended.status_code == 204
    assert join(client, second, new).status_code == 404
    assert _members(client, organisation)["total"] == 2


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # the rules, not the SQL
def test_join_codes_guessed_are_rate_limited(
    client: TestClient, organisation: Organisation
) -> None:
    guesser = sign_up(client, "guesser@example.com")
    statuses = [join(client, guesser, f"WRONG-{i:05d}").status_code for i in range(11)]
    assert statuses[:10] == [404] * 10
    assert statuses[10] == 429
    # Nothing was joined on the way.
    assert client.get("/api/organisations", headers=guesser.headers).json()["items"] == []


def test_a_whole_class_signs_in_and_joins_from_one_address(
    client: TestClient, organisation: Organisation
) -> None:
    code = join_code(client, organisation)
    for index in range(12):
        student = sign_up(client, f"student{index}@example.com")  # each signs in
        assert join(client, student, code).status_code == 200, index
    assert _members(client, organisation)["total"] == 13


def test_a_member_who_leaves_is_gone_from_the_coachs_list(
    client: TestClient, organisation: Organisation, member: ApiUser
) -> None:
    assert _members(client, organisation)["total"] == 2
    left = client.delete(organisation.path(f"/members/{member.user_id}"), headers=member.headers)
    assert left.status_code == 204
    assert _members(client, organisation)["total"] == 1
    assert client.get(organisation.path(), headers=member.headers).status_code == 404


def test_the_last_coach_cannot_leave_until_another_is_made_coach(
    client: TestClient, coach: ApiUser, organisation: Organisation, member: ApiUser
) -> None:
    leave = organisation.path(f"/members/{coach.user_id}")
    refused = client.delete(leave, headers=coach.headers)
    assert (refused.status_code, error_code(refused)) == (409, "conflict")
    assert "needs a coach" in refused.json()["error"]["message"]
    demoted = client.patch(leave, json={"role": "member"}, headers=coach.headers)
    assert demoted.status_code == 409
    promoted = client.patch(
        organisation.path(f"/members/{member.user_id}"),
        json={"role": "coach"},
        headers=coach.headers,
    )
    assert (promoted.status_code, promoted.json()["role"]) == (200, "coach")
    assert client.delete(leave, headers=coach.headers).status_code == 204


def test_members_come_a_page_at_a_time(client: TestClient, organisation: Organisation) -> None:
    code = join_code(client, organisation)
    for index in range(4):
        assert join(client, sign_up(client, f"m{index}@example.com"), code).status_code == 200
    first = _members(client, organisation, offset=0, limit=3)
    rest = _members(client, organisation, offset=3, limit=3)
    assert (first["total"], len(first["items"]), len(rest["items"])) == (5, 3, 2)
    assert first["items"][0]["role"] == "coach"
    emails = [m["email"] for m in first["items"] + rest["items"]]
    assert len(set(emails)) == 5
    too_many = client.get(
        organisation.path("/members"), params={"limit": 1000}, headers=organisation.coach.headers
    )
    assert too_many.status_code == 422


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # the rules, not the SQL
def test_pending_invitations_come_a_page_at_a_time(
    client: TestClient, organisation: Organisation
) -> None:
    headers = organisation.coach.headers
    for name in ("ann", "ben", "cat", "dan"):
        sent = client.post(
            organisation.path("/invites"), json={"email": f"{name}@example.com"}, headers=headers
        )
        assert sent.status_code == 201
    first = client.get(organisation.path("/invites"), params={"limit": 3}, headers=headers).json()
    withdrawn = client.delete(
        organisation.path(f"/invites/{first['items'][0]['id']}"), headers=headers
    )
    assert withdrawn.status_code == 204
    pages = [
        client.get(
            organisation.path("/invites"), params={"offset": o, "limit": 2}, headers=headers
        ).json()
        for o in (0, 2)
    ]
    assert (first["total"], [page["total"] for page in pages]) == (4, [3, 3])
    emails = [invite["email"] for page in pages for invite in page["items"]]
    assert sorted(emails) == ["ann@example.com", "ben@example.com", "cat@example.com"]


def test_a_deleted_organisation_ends_access_and_members_keep_their_sessions(
    client: TestClient, organisation: Organisation, member: ApiUser
) -> None:
    session = client.post(
        "/api/sessions", json={"title": "Practice for the class"}, headers=member.headers
    )
    assert session.status_code == 201
    deleted = client.delete(organisation.path(), headers=organisation.coach.headers)
    assert deleted.status_code == 204
    assert client.get(organisation.path(), headers=member.headers).status_code == 404
    assert client.get("/api/organisations", headers=member.headers).json()["items"] == []
    own = client.get("/api/sessions", headers=member.headers).json()
    assert [s["id"] for s in own] == [session.json()["id"]]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # the rules, not the SQL
@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("", {"name": "   "}),
        ("/join-code", {"days": 0}),
        ("/join-code", {"days": 400}),
        ("/invites", {"email": "not an address"}),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(
    client: TestClient, organisation: Organisation, path: str, body: dict[str, object]
) -> None:
    headers = organisation.coach.headers
    sent = (
        client.post(organisation.path(path), json=body, headers=headers)
        if path
        else (client.patch(organisation.path(), json=body, headers=headers))
    )
    assert sent.status_code == 422, sent.text
    assert (
        client.get(organisation.path(), headers=headers).json()["name"] == "Career centre, spring"
    )
    assert client.get(organisation.path("/invites"), headers=headers).json()["items"] == []


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # the rules, not the SQL
def test_an_organisation_needs_a_name(client: TestClient, coach: ApiUser) -> None:
    made = client.post("/api/organisations", json={"name": " \t "}, headers=coach.headers)
    assert made.status_code == 422
    assert client.get("/api/organisations", headers=coach.headers).json()["items"] == []
    assert create(client, coach, "Bootcamp").id


def test_the_only_coach_keeps_their_account_until_another_member_coaches(
    client: TestClient, coach: ApiUser, organisation: Organisation, member: ApiUser
) -> None:
    goodbye = {"password": coach.password}
    refused = client.request("DELETE", "/api/me", json=goodbye, headers=coach.headers)
    assert (refused.status_code, error_code(refused)) == (409, "conflict")
    assert "only coach of Career centre, spring" in refused.json()["error"]["message"]
    assert client.get("/api/me", headers=coach.headers).status_code == 200
    client.patch(
        organisation.path(f"/members/{member.user_id}"),
        json={"role": "coach"},
        headers=coach.headers,
    )
    deleted = client.request("DELETE", "/api/me", json=goodbye, headers=coach.headers)
    assert deleted.status_code == 204
    assert client.get(organisation.path(), headers=member.headers).json()["role"] == "coach"


def test_the_export_lists_the_organisations_and_roles(
    client: TestClient, organisation: Organisation, member: ApiUser
) -> None:
    archive = zipfile.ZipFile(
        io.BytesIO(client.get("/api/me/export", headers=member.headers).content)
    )
    listed = json.loads(archive.read("organisations.json"))
    assert [(o["organisation_id"], o["organisation"], o["role"]) for o in listed] == [
        (organisation.id, "Career centre, spring", "member")
    ]
