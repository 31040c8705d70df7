"""Live captions and the turn decided from them, in Chromium with a real recording.

The fake microphone plays ../shared/fixtures/audio/jfk.wav: its words are captioned while
the candidate is still recording, and after "Done" the interviewer's reply is decided on the
live transcript (the recording is still being analysed) and shown as the next prompt.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import shared_fixture
from tests.support.waiting import GUARD_MS
from tests.web.e2e.conftest import (
    Problems,
    Server,
    screenshot,
    sign_up_in_browser,
    start_answering,
)

pytestmark = pytest.mark.slow

SPOKEN = re.compile(r"\b(country|Americans|ask)\b", re.IGNORECASE)


def test_captions_appear_while_speaking_and_the_turn_comes_from_them(
    page: Page, server: Server, problems: Problems
) -> None:
    sign_up_in_browser(page, "grace@example.com")
    page.get_by_role("link", name="Start a new interview").first.click()
    page.get_by_label("Role", exact=True).fill("Application engineer")
    page.get_by_label("Job description").fill(
        shared_fixture("jobs/software_engineer_login_gov.txt").read_text(encoding="utf-8")
    )
    page.get_by_label("3 questions").check()
    page.get_by_role("button", name="Plan my interview").click()
    page.wait_for_url("**/interview", timeout=GUARD_MS)
    expect(page.locator("[data-prompt]")).not_to_be_empty()

    start_answering(page)
    captions = page.locator("[data-captions]")
    expect(captions).to_contain_text(SPOKEN, timeout=GUARD_MS)
    expect(page.get_by_role("button", name="Done", exact=True)).to_be_visible()  # still speaking
    screenshot(page, "interview-live-captions")

    with page.expect_response("**/turn", timeout=GUARD_MS) as replied:
        page.get_by_role("button", name="Done", exact=True).click()
    sent: dict[str, Any] = json.loads(replied.value.request.post_data or "{}")
    turn: dict[str, Any] = replied.value.json()
    assert sent.get("live_transcript_id"), "the turn was not asked with the live transcript"
    assert turn["decided_on"] == "live", turn
    if turn["move"] != "end":
        expect(page.locator("[data-prompt]")).to_have_text(turn["say"], timeout=GUARD_MS)
