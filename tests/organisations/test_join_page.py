"""The invitation e-mail's link opens the join page, signed in or after signing in."""

from __future__ import annotations

from fastapi.testclient import TestClient
from markupsafe import escape

from rehearse.config import Settings
from tests.organisations.conftest import Organisation, invite_token
from tests.web.browser import browser_sign_in


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
