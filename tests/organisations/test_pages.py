"""The classes pages: the invitation link opens the join page; a coach sees the class with its
members and tools, a member without them, anyone else a not-found page."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from rehearse.config import Settings
from tests.support.classes import Organisation, invite_token, join_code
from tests.web.browser import browser_sign_in

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # the pages


def test_the_invitation_link_opens_the_join_page_with_the_invitation(
    client: TestClient, settings: Settings, organisation: Organisation
) -> None:
    token = invite_token(client, settings, organisation, "dana@example.com")
    link = f"/join?invite={token}"
    signed_out = client.get(link, follow_redirects=False)
    assert signed_out.status_code == 303
    assert signed_out.headers["location"].startswith("/signin?next=%2Fjoin%3Finvite%3D")
    browser_sign_in(client, "dana@example.com")
    page = client.get(link)
    assert page.status_code == 200
    assert f'name="token" value="{escape(token)}"' in page.text
    assert 'data-auto="yes"' in page.text


def test_a_coach_sees_the_class_with_its_members_and_tools(
    client: TestClient, organisation: Organisation
) -> None:
    csrf = browser_sign_in(client, "helper@example.com")
    own = client.post(
        "/api/organisations", json={"name": "Helper's class"}, headers={"X-CSRF-Token": csrf}
    )
    page = client.get(f"/classes/{own.json()['id']}")
    assert page.status_code == 200
    assert "You coach this class" in page.text
    assert "helper@example.com" in page.text
    assert "data-invite" in page.text
    assert "Helper&#39;s class" in client.get("/classes").text


def test_a_class_one_is_not_in_is_a_not_found_page(
    client: TestClient, organisation: Organisation
) -> None:
    browser_sign_in(client, "stranger@example.com")
    for path in (f"/classes/{organisation.id}", "/classes/not-an-id"):
        page = client.get(path)
        assert page.status_code == 404, path
        assert "Career centre" not in page.text


def test_a_member_sees_the_class_without_the_coaches_tools(
    client: TestClient, organisation: Organisation
) -> None:
    browser_sign_in(client, "pupil@example.com")
    joined = client.post(
        "/api/organisations/join",
        json={"code": join_code(client, organisation)},
        headers={"X-CSRF-Token": client.cookies["rehearse_csrf"]},
    )
    assert joined.status_code == 200, joined.text
    page = client.get(f"/classes/{organisation.id}")
    assert page.status_code == 200
    assert "You are a member" in page.text
    assert "data-invite" not in page.text
    assert "coach@example.com" not in page.text
