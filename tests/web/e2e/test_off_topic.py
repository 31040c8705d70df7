"""An answer that does not address its question cannot make a session good, in Chromium.

The fake microphone plays a real recording, President Kennedy's "ask not" address, given to a
system design question: the dashboard, the JSON report and the PDF say the session is not
graded and why, and every score card says how far it agrees with human interviewers. The app
runs on its embedded defaults with the content judge on, so it starts the bundled model on
its own llama.cpp server, and the judge labels the answer off topic with a weak content score.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.support.llama import bundled_judge_cache
from tests.support.waiting import GUARD_MS
from tests.web.e2e.conftest import (
    Server,
    record_for,
    serving,
    session_with_question,
    sign_in_in_browser,
    start_answering,
    wait_for_next_prompt,
)

pytestmark = pytest.mark.slow

EMAIL = "grace@example.com"
DESIGN = "How would you design a rate limiter for a public API?"
NOT_GRADED = "Not graded: 1 of 1 answers did not address their question"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The app on its embedded defaults, the content judge on: its bundled model is where
    the set-up puts it, in the cache folder the tests' servers share."""
    bundled_judge_cache()
    with serving(tmp_path_factory.mktemp("web-e2e-judged"), llm="on") as running:
        yield running


def test_a_session_answered_off_topic_is_not_graded_and_says_why(
    page: Page, server: Server
) -> None:
    design = {"text": DESIGN, "kind": "technical", "topic": "system-design"}
    sid = session_with_question(server, EMAIL, design)
    sign_in_in_browser(page, EMAIL)
    page.goto(f"/sessions/{sid}/interview")
    expect(page.locator("[data-prompt]")).to_have_text(DESIGN)
    start_answering(page)
    record_for(page, 7)
    page.get_by_role("button", name="Done", exact=True).click()
    # Whatever the interviewer does next (a clarification, or the end), end the session.
    wait_for_next_prompt(page, DESIGN)
    if page.locator('[data-state="finished"]').is_hidden():
        page.get_by_role("button", name="End interview").click()
        page.get_by_role("button", name="End and see feedback").click()
    else:
        page.get_by_role("button", name="See your feedback").click()
    page.wait_for_url(re.compile(r"/sessions/[0-9a-f-]{36}$"), timeout=GUARD_MS)
    expect(page.locator("[data-pending-banner]")).to_have_count(0, timeout=GUARD_MS)
    page.reload()
    # The judge reads the answer after its analysis; the page refreshes itself with its verdict.
    expect(page.locator("[data-judge]").first).to_contain_text(
        "does not address the question", timeout=GUARD_MS
    )

    expect(page.locator("[data-overall-note]")).to_contain_text(NOT_GRADED)
    expect(page.locator(".overall-ring")).to_have_attribute(
        "aria-label", "Overall score: not measured"
    )
    agreement = page.locator("[data-score-cards] [data-agreement]")
    expect(agreement.first).to_be_visible()
    said = " ".join(agreement.all_inner_texts())
    assert "Agrees with human interviewers" in said
    assert "coaching check" in said  # delivery: never checked against people

    report = page.request.get(f"/api/sessions/{sid}/report").json()
    answer = report["answers"][0]
    assert answer["judgement"]["on_topic"] is False
    content = next(s for s in answer["scores"] if s["name"] == "content")
    assert content["value"] <= 20
    assert content["label"] != "strong"
    assert answer["overall"] < 50
    assert report["overall"] is None
    assert report["overall_note"].startswith(NOT_GRADED)
    assert report["answers"][0]["off_topic"] is True
    with page.expect_download() as download:
        page.get_by_role("link", name="Download PDF").click()
    pdf = PdfReader(io.BytesIO(download.value.path().read_bytes()))
    printed = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pdf.pages))
    assert NOT_GRADED in printed
    assert "Agrees with human interviewers" in printed
