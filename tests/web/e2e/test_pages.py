"""Every page once, in Chromium, with a user who has history; a screenshot of each.

The history is made through the API, as fast as a script can: two completed interviews
planned from a real résumé and job posting, answered with a real recording (analysed by the
server) and a typed answer. Then the browser signs in and visits each page. The screenshots
in test-artifacts/screenshots/ are for people to look at; the test checks what each page
must show and that no page logs an error.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import httpx2 as httpx
import pytest
from playwright.sync_api import Page, Route, expect

from tests.conftest import shared_fixture
from tests.support.api import STRONG_PASSWORD, wait_for_job
from tests.support.waiting import GUARD_MS
from tests.web.e2e.conftest import Server, screenshot

pytestmark = pytest.mark.slow

EMAIL = "grace@example.com"
TYPED = (
    "In my last role our search page took four seconds to load. I profiled it, found two "
    "missing indexes and an N+1 query, fixed them with my teammate Priya, and the page "
    "dropped to 300 milliseconds; support tickets about search fell by half."
)


def _finish_question(api: httpx.Client, sid: str, qid: str, answer_id: str) -> None:
    """Take the interviewer's turns, replying to follow-ups in writing, until it moves on
    (which is when the topic's mastery is rated)."""
    for _ in range(4):
        turn = api.post(f"/api/sessions/{sid}/answers/{answer_id}/turn").json()
        if turn["move"] in ("next", "end"):
            return
        reply = api.post(f"/api/sessions/{sid}/questions/{qid}/answers", data={"text": TYPED})
        answer_id = reply.json()["id"]
    raise AssertionError("the interviewer never moved on")


def _interview(api: httpx.Client, title: str, recording: Path, typed: bool) -> str:
    """A completed interview: planned, one spoken answer, maybe one typed answer."""
    resume = shared_fixture("resumes/resume-matcher_john_doe_senior_swe.pdf")
    job = shared_fixture("jobs/software_engineer_login_gov.txt").read_text(encoding="utf-8")
    session = api.post(
        "/api/sessions",
        json={"title": title, "role": "Application engineer", "job_description": job},
    ).json()
    sid = session["id"]
    with resume.open("rb") as handle:
        api.put(f"/api/sessions/{sid}/resume", files={"file": (resume.name, handle)})
    assert api.post(f"/api/sessions/{sid}/plan", json={"length": 3}).status_code == 200
    questions = api.get(f"/api/sessions/{sid}/questions").json()
    with recording.open("rb") as handle:
        spoken = api.post(
            f"/api/sessions/{sid}/questions/{questions[0]['id']}/answers",
            files={"media": ("answer.wav", handle, "audio/wav")},
        ).json()
    assert wait_for_job(api, None, spoken["analysis_job_id"])["status"] == "done"
    _finish_question(api, sid, questions[0]["id"], spoken["id"])
    if typed:
        answer = api.post(
            f"/api/sessions/{sid}/questions/{questions[1]['id']}/answers", data={"text": TYPED}
        ).json()
        _finish_question(api, sid, questions[1]["id"], answer["id"])
    assert api.post(f"/api/sessions/{sid}/complete").status_code == 200
    return str(sid)


def _history(server: Server) -> str:
    """Sign up, make two completed interviews; the newest one's id."""
    with server.api() as api:
        assert api.post(
            "/api/auth/signup",
            json={"email": EMAIL, "password": STRONG_PASSWORD, "display_name": "Grace Hopper"},
        ).is_success
        token = api.post("/api/auth/token", json={"email": EMAIL, "password": STRONG_PASSWORD})
        api.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
        recording = shared_fixture("audio/jfk.wav")
        _interview(api, "Warm-up: application engineer", recording, typed=False)
        return _interview(api, "Application engineer at Login.gov", recording, typed=True)


def _visit(page: Page, path: str, heading: str, name: str) -> None:
    page.goto(path)
    expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
    page.wait_for_load_state("networkidle")
    screenshot(page, name)


def test_every_page_renders_without_errors(page: Page, server: Server) -> None:
    session_id = _history(server)

    _visit(page, "/signup", "Create your account", "signup")
    _visit(page, "/forgot-password", "Reset your password", "forgot-password")
    _visit(page, "/reset-password?token=from-the-mail", "Choose a new password", "reset-password")
    page.goto("/progress")
    page.wait_for_url("**/signin?next=%2Fprogress")
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome back")
    screenshot(page, "signin")
    page.get_by_label("E-mail address").fill(EMAIL)
    page.get_by_label("Password").fill(STRONG_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/progress")

    _visit(page, "/progress", "How you are doing over time", "progress")
    expect(page.locator(".trend").first).to_be_visible()
    expect(page.locator(".mastery li").first).to_be_visible()

    _visit(page, "/", "Hello, Grace Hopper", "home")
    expect(page.locator("table.list tbody tr")).to_have_count(2)

    _visit(page, "/sessions/new", "Set up your mock interview", "new-interview")
    _visit(page, "/settings", "Your account and preferences", "settings")
    expect(page.locator("[data-llm]")).to_contain_text("offline")

    _visit(page, f"/sessions/{session_id}", "Application engineer at Login.gov", "dashboard")
    expect(page.locator("[data-score-cards] .score-card").first).to_be_visible()
    expect(page.locator("[data-answer] video").first).to_be_visible()
    expect(page.locator("[data-transcript]").first).to_contain_text("country")

    page.set_viewport_size({"width": 1920, "height": 1080})
    _visit(page, f"/sessions/{session_id}", "Application engineer at Login.gov", "dashboard-1920")
    _visit(page, "/", "Hello, Grace Hopper", "home-1920")


def test_settings_export_the_data_and_delete_the_account(page: Page, server: Server) -> None:
    with server.api() as api:
        api.post("/api/auth/signup", json={"email": "lin@example.com", "password": STRONG_PASSWORD})
    page.goto("/signin")
    page.get_by_label("E-mail address").fill("lin@example.com")
    page.get_by_label("Password").fill(STRONG_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/")
    page.goto("/settings")
    page.get_by_label("Read questions aloud").uncheck()
    assert page.evaluate("localStorage.getItem('rehearse.prefs')") == '{"voice":false}'

    with page.expect_download() as download:
        page.get_by_role("link", name="Download my data (ZIP)").click()
    with zipfile.ZipFile(download.value.path()) as archive:
        assert "account.json" in archive.namelist()

    page.get_by_role("textbox", name="Your password").fill(STRONG_PASSWORD)
    page.get_by_label("I understand this cannot be undone.").check()
    page.get_by_role("button", name="Delete my account").click()
    page.wait_for_url("**/signin?deleted=1")
    expect(page.get_by_role("status").first).to_contain_text("have been deleted")


def test_a_form_sent_before_its_pages_script_ran_is_sent_once_it_runs(
    page: Page, server: Server
) -> None:
    """Sign-up pressed while the page's script is still on its way (held here): the browser
    posts nothing to the page itself, and the account is made once the script runs."""
    held: list[Route] = []
    # A function of our own: Playwright cannot wrap a builtin such as held.append.
    page.route("**/js/auth-forms.js*", lambda route: held.append(route))  # noqa: PLW0108
    page.goto("/signup", wait_until="commit")
    page.get_by_label("Your name").fill("Early Bird")
    page.get_by_label("E-mail address").fill("early@example.com")
    page.get_by_label("Password").fill(STRONG_PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.locator("form[data-held]")).to_have_count(1)  # held, not posted
    assert len(held) == 1  # the script had not run
    held[0].continue_()
    page.wait_for_url("**/", timeout=GUARD_MS)
    expect(page.get_by_text("Early Bird").first).to_be_visible(timeout=GUARD_MS)
