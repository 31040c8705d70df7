"""Practising a question again in Chromium: from the dashboard to a recorded attempt (the fake
microphone plays a real recording, the fake camera a real face) with live captions, and what
changed, the interview's report untouched; an attempt whose upload fails is kept and sent
again, once."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, Route, expect

from tests.support.api import STRONG_PASSWORD
from tests.support.waiting import GUARD_MS
from tests.web.e2e.conftest import Problems, Server, screenshot, sign_in_in_browser

pytestmark = pytest.mark.slow
EMAIL = "practice@example.com"
QUESTION = "Tell me about a speech that moved you."
TYPED = "I liked a speech once."
ATTEMPTS = "**/api/sessions/*/questions/*/attempts"
KEPT_IN_BROWSER = """() => new Promise((done) => {
    const opened = indexedDB.open('rehearse');
    opened.onsuccess = () => {
        const counted = opened.result.transaction('uploads').objectStore('uploads').count();
        counted.onsuccess = () => done(counted.result);
    };
})"""
SPOKEN = re.compile(r"\b(country|Americans|ask)\b", re.IGNORECASE)  # the fake microphone's words


def _answered_question(server: Server, email: str = EMAIL) -> tuple[str, str]:
    """Sign up; a session whose one question was answered in writing in the interview."""
    with server.api() as api:
        signed = api.post(
            "/api/auth/signup",
            json={"email": email, "password": STRONG_PASSWORD, "display_name": "Ada"},
        )
        assert signed.is_success, signed.text
        token = api.post("/api/auth/token", json={"email": email, "password": STRONG_PASSWORD})
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
    page.get_by_label("Record my camera").check()

    page.get_by_role("button", name="Start answering").click()
    expect(page.locator("[data-status]")).to_contain_text("Recording")
    expect(page.locator("[data-camera] video")).to_be_visible()
    expect(page.locator("[data-captions]")).to_contain_text(SPOKEN, timeout=GUARD_MS)
    expect(page.locator("[data-live]")).to_have_text("Live")
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
    assert attempts[0]["media"]["content_type"].startswith("video/")  # and filmed
    replay = page.request.get(f"/api/sessions/{sid}/answers/{attempts[0]['id']}/media")
    assert replay.ok
    report = page.request.get(f"/api/sessions/{sid}/report").json()
    assert [a["text"] for a in report["answers"]] == [TYPED]  # the interview's own report


def test_an_attempt_whose_upload_fails_is_kept_and_sent_again_once(
    page: Page, server: Server, problems: Problems
) -> None:
    sid, qid = _answered_question(server, "retry@example.com")
    sign_in_in_browser(page, "retry@example.com")
    page.goto(f"/sessions/{sid}/questions/{qid}/practise")
    posted: list[str] = []

    def confirmation_lost(route: Route) -> None:
        """The first send reaches the server, but its answer never comes back."""
        if route.request.method != "POST":
            route.continue_()
            return
        posted.append(route.request.url)
        if len(posted) == 1:
            route.fetch()
            route.abort()
        else:
            route.continue_()

    problems.expected.append(("net::ERR_FAILED", "/attempts"))
    page.route(ATTEMPTS, confirmation_lost)
    page.get_by_role("button", name="Start answering").click()
    page.wait_for_function(
        "() => Number(document.querySelector('[data-status]').dataset.recordedSeconds) >= 2",
        timeout=GUARD_MS,
    )
    page.get_by_role("button", name="Done").click()
    expect(page.locator("[data-upload]")).to_contain_text(
        re.compile("saved in this browser", re.IGNORECASE), timeout=GUARD_MS
    )
    expect(page.locator("[data-status]")).to_have_text("Done.", timeout=GUARD_MS)
    page.unroute(ATTEMPTS)

    assert len(posted) == 1, posted  # the copy the server kept was recognised
    attempts = page.request.get(f"/api/sessions/{sid}/questions/{qid}/attempts").json()
    assert len(attempts) == 1
    assert attempts[0]["media"]["filename"].startswith("attempt-")
    assert page.evaluate(KEPT_IN_BROWSER) == 0  # and no longer kept in the browser


def test_the_latest_attempt_can_be_set_against_the_one_before(page: Page, server: Server) -> None:
    sid, qid = _answered_question(server, "twice@example.com")
    sign_in_in_browser(page, "twice@example.com")
    page.goto(f"/sessions/{sid}/questions/{qid}/practise")
    first = "I added an index to the report query and it ran in minutes, not hours."
    for typed in (first, "I profiled it, added an index, and it ran in minutes."):
        page.get_by_role("button", name="Type instead").click()
        page.locator("#typed-attempt").fill(typed)
        page.get_by_role("button", name="Submit answer").click()
        expect(page.locator("[data-status]")).to_have_text("Done.", timeout=GUARD_MS)

    length = page.locator("[data-length]")
    expect(length).to_contain_text(f"{len(TYPED.split())} words before")  # the interview's
    page.get_by_role("button", name="your attempt before").click()
    expect(length).to_contain_text(f"{len(first.split())} words before")
    expect(page.get_by_role("button", name="your attempt before")).to_have_attribute(
        "aria-pressed", "true"
    )
