"""Practising a question again in Chromium: from the dashboard to a recorded attempt (the fake
microphone plays a real recording) and what changed, the interview's report untouched."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.support.api import STRONG_PASSWORD
from tests.support.waiting import GUARD_MS
from tests.web.e2e.conftest import Server, screenshot, sign_in_in_browser

pytestmark = pytest.mark.slow
EMAIL = "practice@example.com"
QUESTION = "Tell me about a speech that moved you."
TYPED = "I liked a speech once."


def _answered_question(server: Server) -> tuple[str, str]:
    """Sign up; a session whose one question was answered in writing in the interview."""
    with server.api() as api:
        signed = api.post(
            "/api/auth/signup",
            json={"email": EMAIL, "password": STRONG_PASSWORD, "display_name": "Ada"},
        )
        assert signed.is_success, signed.text
        token = api.post("/api/auth/token", json={"email": EMAIL, "password": STRONG_PASSWORD})
        api.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
        sid = api.post("/api/sessions", json={"title": "Practice run"}).json()["id"]
        qid = api.post(
            f"/api/sessions/{sid}/questions", json={"text": QUESTION, "kind": "behavioural"}
        ).json()["id"]
        typed = api.post(f"/api/sessions/{sid}/questions/{qid}/answers", data={"text": TYPED})
        assert typed.status_code == 201, typed.text
        return sid, qid


def test_a_question_is_practised_from_the_dashboard_and_compared(
    page: Page, server: Server
) -> None:
    sid, qid = _answered_question(server)
    sign_in_in_browser(page, EMAIL)
    page.goto(f"/sessions/{sid}")
    page.get_by_role("link", name="Practise this question again").click()
    page.wait_for_url(re.compile(rf"/sessions/{sid}/questions/{qid}/practise$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(QUESTION)

    page.get_by_role("button", name="Start answering").click()
    expect(page.locator("[data-status]")).to_contain_text("Recording")
    # Until the recording holds a few seconds of what the fake microphone plays.
    page.wait_for_function(
        "() => Number(document.querySelector('[data-status]').dataset.recordedSeconds) >= 4",
        timeout=GUARD_MS,
    )
    page.get_by_role("button", name="Done").click()

    expect(page.locator("[data-status]")).to_have_text("Done.", timeout=GUARD_MS)
    expect(page.locator("[data-comparison]")).to_be_visible()
    expect(page.locator("[data-lead]")).not_to_be_empty()
    expect(page.locator("[data-length]")).to_contain_text(f"{len(TYPED.split())} words before")
    screenshot(page, "practice")

    attempts = page.request.get(f"/api/sessions/{sid}/questions/{qid}/attempts").json()
    assert len(attempts) == 1
    assert attempts[0]["transcript"].strip()  # the recording was heard
    replay = page.request.get(f"/api/sessions/{sid}/answers/{attempts[0]['id']}/media")
    assert replay.ok
    report = page.request.get(f"/api/sessions/{sid}/report").json()
    assert [a["text"] for a in report["answers"]] == [TYPED]  # the interview's own report
