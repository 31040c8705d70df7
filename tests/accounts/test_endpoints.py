"""Account flows through the HTTP API, as a browser or an API client would drive them."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from fastapi.testclient import TestClient

from rehearse.accounts.tokens import issue_access_token
from rehearse.config import Settings
from rehearse.web.app import create_app
from tests.conftest import make_settings
from tests.support.api import STRONG_PASSWORD, ApiUser, error_code, sign_up
from tests.support.mail import mails_to, token_in, wait_for_mail

NEW_PASSWORD = "granite-meadow-lantern-57"


def _token(client: TestClient, email: str, password: str = STRONG_PASSWORD) -> dict[str, str]:
    response = client.post("/api/auth/token", json={"email": email, "password": password})
    assert response.status_code == 200, response.text
    body: dict[str, str] = response.json()
    return body


def _me(client: TestClient, access_token: str) -> int:
    return client.get("/api/me", headers={"Authorization": f"Bearer {access_token}"}).status_code


# Sign-up and confirmation.


def test_sign_up_mails_a_link_that_confirms_the_address(
    client: TestClient, settings: Settings, alice: ApiUser
) -> None:
    mail = wait_for_mail(settings.outbox_dir, alice.email)
    assert mail["Subject"] == "Confirm your e-mail address for Rehearse"
    assert "/confirm-email?token=" in mail.get_payload(decode=True).decode()  # type: ignore[union-attr]
    confirmed = client.post("/api/auth/confirm-email", json={"token": token_in(mail)})
    assert confirmed.status_code == 200
    assert confirmed.json()["email_confirmed"] is True


def test_a_confirmation_token_works_once(
    client: TestClient, settings: Settings, alice: ApiUser
) -> None:
    token = token_in(wait_for_mail(settings.outbox_dir, alice.email))
    assert client.post("/api/auth/confirm-email", json={"token": token}).status_code == 200
    again = client.post("/api/auth/confirm-email", json={"token": token})
    assert (again.status_code, error_code(again)) == (401, "invalid_token")


def test_a_duplicate_email_is_refused_and_changes_nothing(
    client: TestClient, alice: ApiUser
) -> None:
    duplicate = client.post(
        "/api/auth/signup", json={"email": "ALICE@example.com ", "password": NEW_PASSWORD}
    )
    assert (duplicate.status_code, error_code(duplicate)) == (409, "conflict")
    _token(client, alice.email)  # the original password still works


def test_a_weak_password_is_refused_with_advice(client: TestClient) -> None:
    response = client.post(
        "/api/auth/signup", json={"email": "weak@example.com", "password": "password123"}
    )
    assert (response.status_code, error_code(response)) == (422, "weak_password")
    assert "too easy to guess" in response.json()["error"]["message"]
    token = client.post(
        "/api/auth/token", json={"email": "weak@example.com", "password": "password123"}
    )
    assert token.status_code == 401


def test_an_invalid_email_is_refused(client: TestClient) -> None:
    response = client.post(
        "/api/auth/signup", json={"email": "not-an-email", "password": NEW_PASSWORD}
    )
    assert (response.status_code, error_code(response)) == (422, "validation_failed")
    assert "email" in response.json()["error"]["message"]


def test_confirmation_can_be_required_before_sign_in(tmp_path: object, database_url: str) -> None:
    from rehearse.web.app import create_app  # noqa: PLC0415
    from tests.conftest import make_settings  # noqa: PLC0415

    settings = make_settings(tmp_path / "data", database_url, require_email_confirmation=True)  # type: ignore[operator]
    with TestClient(create_app(settings)) as strict:
        strict.post("/api/auth/signup", json={"email": "c@example.com", "password": NEW_PASSWORD})
        refused = strict.post(
            "/api/auth/token", json={"email": "c@example.com", "password": NEW_PASSWORD}
        )
        assert (refused.status_code, error_code(refused)) == (403, "permission_denied")
        token = token_in(wait_for_mail(settings.outbox_dir, "c@example.com"))
        strict.post("/api/auth/confirm-email", json={"token": token})
        _token(strict, "c@example.com", NEW_PASSWORD)


# API clients: access and refresh tokens.


def test_a_wrong_password_is_refused(client: TestClient, alice: ApiUser) -> None:
    response = client.post("/api/auth/token", json={"email": alice.email, "password": NEW_PASSWORD})
    assert (response.status_code, error_code(response)) == (401, "invalid_credentials")


def test_refreshing_rotates_the_pair(client: TestClient, alice: ApiUser) -> None:
    rotated = client.post("/api/auth/refresh", json={"refresh_token": alice.refresh_token})
    assert rotated.status_code == 200
    pair = rotated.json()
    assert pair["refresh_token"] != alice.refresh_token
    assert _me(client, pair["access_token"]) == 200


def test_replaying_a_spent_refresh_token_revokes_the_chain(
    client: TestClient, alice: ApiUser
) -> None:
    rotated = client.post("/api/auth/refresh", json={"refresh_token": alice.refresh_token}).json()
    replay = client.post("/api/auth/refresh", json={"refresh_token": alice.refresh_token})
    assert (replay.status_code, error_code(replay)) == (401, "invalid_token")
    assert "already used" in replay.json()["error"]["message"]
    stolen = client.post("/api/auth/refresh", json={"refresh_token": rotated["refresh_token"]})
    assert stolen.status_code == 401


def test_a_revoked_refresh_token_stops_working(client: TestClient, alice: ApiUser) -> None:
    revoked = client.post("/api/auth/revoke", json={"refresh_token": alice.refresh_token})
    assert revoked.status_code == 204
    assert (
        client.post("/api/auth/refresh", json={"refresh_token": alice.refresh_token}).status_code
        == 401
    )


def test_an_unknown_refresh_token_is_refused(client: TestClient) -> None:
    response = client.post("/api/auth/refresh", json={"refresh_token": "made-up"})
    assert (response.status_code, error_code(response)) == (401, "invalid_token")


def test_an_expired_access_token_is_refused(
    client: TestClient, settings: Settings, alice: ApiUser
) -> None:
    import uuid  # noqa: PLC0415

    token, _ = issue_access_token(
        settings.signing_key,
        user_id=uuid.UUID(alice.user_id),
        security_stamp=0,
        lifetime=timedelta(seconds=-5),
    )
    response = client.get("/api/me", headers={"Authorization": f"Bearer {token}"})
    assert (response.status_code, error_code(response)) == (401, "invalid_token")
    assert "expired" in response.json()["error"]["message"]


def test_a_tampered_access_token_is_refused(client: TestClient, alice: ApiUser) -> None:
    tampered = alice.access_token[:-4] + (
        "AAAA" if not alice.access_token.endswith("AAAA") else "BBBB"
    )
    response = client.get("/api/me", headers={"Authorization": f"Bearer {tampered}"})
    assert (response.status_code, error_code(response)) == (401, "invalid_token")


def test_no_credentials_is_refused(client: TestClient) -> None:
    response = client.get("/api/me")
    assert (response.status_code, error_code(response)) == (401, "not_authenticated")


# Browsers: cookie sessions with CSRF.


def _browser_login(client: TestClient, user: ApiUser) -> str:
    response = client.post("/api/auth/login", json={"email": user.email, "password": user.password})
    assert response.status_code == 200
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie
    csrf: str = response.json()["csrf_token"]
    return csrf


def test_a_browser_session_reads_with_the_cookie(client: TestClient, alice: ApiUser) -> None:
    _browser_login(client, alice)
    assert client.get("/api/me").json()["email"] == alice.email


def test_a_browser_write_without_the_csrf_token_is_refused(
    client: TestClient, alice: ApiUser
) -> None:
    _browser_login(client, alice)
    refused = client.post("/api/sessions", json={"title": "Forged"})
    assert (refused.status_code, error_code(refused)) == (403, "csrf_failed")
    wrong = client.post(
        "/api/sessions", json={"title": "Forged"}, headers={"X-CSRF-Token": "guess"}
    )
    assert wrong.status_code == 403
    assert client.get("/api/sessions").json() == []


def test_a_browser_write_with_the_csrf_token_succeeds(client: TestClient, alice: ApiUser) -> None:
    csrf = _browser_login(client, alice)
    created = client.post("/api/sessions", json={"title": "Mine"}, headers={"X-CSRF-Token": csrf})
    assert created.status_code == 201


def test_signing_out_ends_the_browser_session(client: TestClient, alice: ApiUser) -> None:
    csrf = _browser_login(client, alice)
    cookie = client.cookies.get("rehearse_session")
    assert client.post("/api/auth/logout", headers={"X-CSRF-Token": csrf}).status_code == 204
    client.cookies.set("rehearse_session", cookie or "")
    assert client.get("/api/me").status_code == 401


# Passwords.


def test_a_reset_link_sets_a_new_password_and_ends_every_session(
    client: TestClient, settings: Settings, alice: ApiUser
) -> None:
    assert client.post("/api/auth/password/forgot", json={"email": alice.email}).status_code == 202
    mail = wait_for_mail(settings.outbox_dir, alice.email, count=2)
    assert mail["Subject"] == "Reset your Rehearse password"
    reset = client.post(
        "/api/auth/password/reset", json={"token": token_in(mail), "new_password": NEW_PASSWORD}
    )
    assert reset.status_code == 204
    assert _me(client, alice.access_token) == 401
    assert (
        client.post("/api/auth/refresh", json={"refresh_token": alice.refresh_token}).status_code
        == 401
    )
    assert (
        client.post(
            "/api/auth/token", json={"email": alice.email, "password": STRONG_PASSWORD}
        ).status_code
        == 401
    )
    _token(client, alice.email, NEW_PASSWORD)


def test_a_reset_for_an_unknown_address_looks_the_same_and_sends_nothing(
    client: TestClient, settings: Settings
) -> None:
    response = client.post("/api/auth/password/forgot", json={"email": "nobody@example.com"})
    assert response.status_code == 202
    assert "If an account exists" in response.json()["status"]
    assert mails_to(settings.outbox_dir, "nobody@example.com") == []


def test_a_reset_with_a_weak_password_keeps_the_old_one(
    client: TestClient, settings: Settings, alice: ApiUser
) -> None:
    client.post("/api/auth/password/forgot", json={"email": alice.email})
    token = token_in(wait_for_mail(settings.outbox_dir, alice.email, count=2))
    weak = client.post("/api/auth/password/reset", json={"token": token, "new_password": "abc"})
    assert (weak.status_code, error_code(weak)) == (422, "weak_password")
    _token(client, alice.email)
    retried = client.post(
        "/api/auth/password/reset", json={"token": token, "new_password": NEW_PASSWORD}
    )
    assert retried.status_code == 204


def test_changing_the_password_needs_the_current_one(client: TestClient, alice: ApiUser) -> None:
    response = client.post(
        "/api/auth/password/change",
        json={"current_password": "wrong-but-long-enough", "new_password": NEW_PASSWORD},
        headers=alice.headers,
    )
    assert (response.status_code, error_code(response)) == (401, "invalid_credentials")
    assert _me(client, alice.access_token) == 200


def test_changing_the_password_ends_other_sessions(client: TestClient, alice: ApiUser) -> None:
    response = client.post(
        "/api/auth/password/change",
        json={"current_password": STRONG_PASSWORD, "new_password": NEW_PASSWORD},
        headers=alice.headers,
    )
    assert response.status_code == 204
    assert _me(client, alice.access_token) == 401
    assert _me(client, _token(client, alice.email, NEW_PASSWORD)["access_token"]) == 200


def test_changing_the_password_in_a_browser_keeps_that_browser_signed_in(
    client: TestClient, alice: ApiUser
) -> None:
    csrf = _browser_login(client, alice)
    response = client.post(
        "/api/auth/password/change",
        json={"current_password": STRONG_PASSWORD, "new_password": NEW_PASSWORD},
        headers={"X-CSRF-Token": csrf},
    )
    assert response.status_code == 204
    assert client.get("/api/me").status_code == 200
    assert _me(client, alice.access_token) == 401


# Rate limits.


def test_repeated_sign_in_attempts_are_slowed_down(client: TestClient, alice: ApiUser) -> None:
    for _ in range(9):  # the sign-up fixture already signed in once
        client.post("/api/auth/token", json={"email": alice.email, "password": NEW_PASSWORD})
    limited = client.post(
        "/api/auth/token", json={"email": alice.email, "password": STRONG_PASSWORD}
    )
    assert (limited.status_code, error_code(limited)) == (429, "rate_limited")
    assert int(limited.headers["Retry-After"]) > 0


def test_one_address_signing_in_many_accounts_is_slowed_down_more_loosely(
    tmp_path: Path,
) -> None:
    settings = make_settings(tmp_path / "data", sign_in_address_rate_limit="3/minute")
    with TestClient(create_app(settings)) as client:
        for index in range(3):  # each sign-up signs in once
            sign_up(client, f"student{index}@example.com")
        client.post(
            "/api/auth/signup", json={"email": "late@example.com", "password": STRONG_PASSWORD}
        )
        limited = client.post(
            "/api/auth/token", json={"email": "late@example.com", "password": STRONG_PASSWORD}
        )
    assert (limited.status_code, error_code(limited)) == (429, "rate_limited")


def test_repeated_reset_requests_are_slowed_down(client: TestClient) -> None:
    for _ in range(5):
        client.post("/api/auth/password/forgot", json={"email": "x@example.com"})
    limited = client.post("/api/auth/password/forgot", json={"email": "x@example.com"})
    assert (limited.status_code, error_code(limited)) == (429, "rate_limited")


def test_a_second_user_gets_their_own_account(client: TestClient) -> None:
    first = sign_up(client, "alice@example.com")
    second = sign_up(client, "other@example.com")
    assert first.user_id != second.user_id


def test_the_display_name_can_be_changed(client: TestClient, alice: ApiUser) -> None:
    renamed = client.patch("/api/me", json={"display_name": "  Ada L.  "}, headers=alice.headers)
    assert renamed.status_code == 200, renamed.text
    assert client.get("/api/me", headers=alice.headers).json()["display_name"] == "Ada L."


def test_a_blank_display_name_is_refused(client: TestClient, alice: ApiUser) -> None:
    refused = client.patch("/api/me", json={"display_name": "   "}, headers=alice.headers)
    assert (refused.status_code, error_code(refused)) == (422, "validation_failed")
    assert client.get("/api/me", headers=alice.headers).json()["display_name"] != "   "
