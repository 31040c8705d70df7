"""A question answered out loud, a follow-up asked and answered out loud, in Chromium; then
the dashboard and the PDF show both exchanges, each reply with its own working player.

The fake microphone plays a real recording (JFK's "ask not", looped) and the camera a real
face. About six seconds of it are too short an answer for a story question, so the
interviewer asks for more; the reply is heard as a second answer to the same question.
"""

from __future__ import annotations

import io
import re
import time
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect
from pypdf import PdfReader

from tests.support.waiting import GUARD_MS
from tests.web.e2e.conftest import (
    Server,
    record_for,
    screenshot,
    session_with_question,
    sign_in_in_browser,
    start_answering,
    wait_for_next_prompt,
)

pytestmark = pytest.mark.slow

EMAIL = "joan@example.com"
STORY = "Tell me about a time you made a slow, risky release process faster and safer."
PLAYED = """async (video) => {
    video.muted = true;
    if (video.readyState < 1) {
        await new Promise((loaded, failed) => {
            video.addEventListener('loadedmetadata', loaded, { once: true });
            const fail = () => failed(new Error(`media error ${video.error?.code}`));
            video.addEventListener('error', fail, { once: true });
        });
    }
    await video.play();
    await new Promise((done) => setTimeout(done, 1500));
    video.pause();
    return { duration: video.duration, time: video.currentTime, width: video.videoWidth };
}"""


def _answer_out_loud(page: Page, seconds: float) -> None:
    before = page.locator("[data-prompt]").inner_text()
    start_answering(page)
    record_for(page, seconds)
    page.get_by_role("button", name="Done", exact=True).click()
    wait_for_next_prompt(page, before)


def _plays(player: Locator) -> dict[str, Any]:
    """What the player did when played for 1.5 s: its duration, position and picture width."""
    played: dict[str, Any] = player.evaluate(PLAYED)
    return played


def test_a_follow_up_and_its_reply_are_both_replayable_on_the_dashboard_and_in_the_pdf(
    page: Page, server: Server
) -> None:
    story = {"text": STORY, "kind": "behavioural", "topic": "ownership"}
    sid = session_with_question(server, EMAIL, story)
    started = time.monotonic()
    sign_in_in_browser(page, EMAIL)
    page.evaluate(f"localStorage.setItem('rehearse.camera.{sid}', 'on')")
    page.goto(f"/sessions/{sid}/interview")
    expect(page.locator("[data-prompt]")).to_have_text(STORY)

    _answer_out_loud(page, seconds=6)
    expect(page.locator("[data-kind]")).to_have_text("Follow-up")
    follow_up = page.locator("[data-prompt]").inner_text()
    reason = page.locator("[data-reason]").inner_text().removeprefix("Why: ")
    assert follow_up != STORY
    _answer_out_loud(page, seconds=6)

    if page.locator('[data-state="finished"]').is_hidden():
        page.get_by_role("button", name="End interview").click()
        page.get_by_role("button", name="End and see feedback").click()
    else:
        page.get_by_role("button", name="See your feedback").click()
    # Ending builds the report (the sentence encoder loads first in a fresh server).
    page.wait_for_url(re.compile(r"/sessions/[0-9a-f-]{36}$"), timeout=GUARD_MS)
    expect(page.locator("[data-pending-banner]")).to_have_count(0, timeout=GUARD_MS)

    exchanges = page.locator("[data-answer]").first.locator("[data-exchange]")
    first, second = exchanges.nth(0), exchanges.nth(1)
    expect(first).to_have_attribute("data-exchange", "question")
    expect(second).to_have_attribute("data-exchange", re.compile("^(follow_up|clarify)$"))
    expect(second.locator(".asked .say")).to_have_text(follow_up)
    expect(second.locator("[data-why]")).to_have_text(f"Why: {reason}")
    sources = set()
    for exchange in (first, second):
        expect(exchange.locator("[data-transcript] .w").first).to_be_visible()
        player = exchange.locator("video")
        sources.add(player.get_attribute("src"))
        played = _plays(player)
        assert played["duration"] > 0, played
        assert played["time"] > 0.5, played  # it really plays, from its own recording
        assert played["width"] > 0, played  # the camera was on: there is a picture
    assert len(sources) == 2, sources  # each reply has its own recording
    replied = " ".join(second.locator("[data-transcript]").inner_text().split()[:4])
    screenshot(page, "dashboard-conversation")

    with page.expect_download() as download:
        page.get_by_role("link", name="Download PDF").click()
    pdf = PdfReader(io.BytesIO(download.value.path().read_bytes()))
    printed = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pdf.pages))
    assert follow_up in printed
    assert f"Why: {reason}" in printed
    assert replied in printed  # the reply's own transcript
    assert "REPLY 1" in printed
    assert "REPLY 2" in printed
    print(f"\nthe conversation took {time.monotonic() - started:.0f} s")
