"""A class in Chromium, as a coach and two members would run it.

The coach creates a class and an assignment with a rubric; one member joins by the e-mailed
link, the other by the join code; each answers out loud (the fake microphone plays a real
recording). The coach sees both done, watches one answer, comments at a moment of it, scores
the rubric and flags a verdict of the judge; the member reads the comment in the report and
in its PDF.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import contextmanager

import pypdf
import pytest
from playwright.sync_api import Browser, Dialog, Page, expect

from tests.support.mail import mails_to, wait_for_mail
from tests.support.waiting import GUARD_MS, wait_until
from tests.web.e2e.conftest import (
    Problems,
    Server,
    _new_context,
    _watched,
    record_for,
    screenshot,
    sign_up_in_browser,
    start_answering,
    wait_for_next_prompt,
)

pytestmark = pytest.mark.slow

DASHBOARD = re.compile(r"/sessions/[0-9a-f-]{36}$")
QUESTION = "Tell me about a time you had to explain something difficult to an audience."
COMMENT = "Here, slow down and name who you were speaking to."


@contextmanager
def _person(browser: Browser, server: Server, problems: Problems) -> Iterator[Page]:
    """A tab in a browser context of its own: one person's cookies."""
    context = _new_context(browser, server)
    try:
        yield _watched(context.new_page(), problems)
    finally:
        context.close()


def _create_class_and_assignment(coach: Page) -> str:
    sign_up_in_browser(coach, "coach@example.com", "Grace Hopper")
    coach.get_by_role("link", name="Classes").first.click()
    coach.wait_for_url("**/classes")  # loaded, its script running
    coach.get_by_label("Name").fill("Spring cohort")
    coach.get_by_role("button", name="Create the class").click()
    coach.wait_for_url(re.compile(r"/classes/[0-9a-f-]{36}$"))
    coach.get_by_label("Title").fill("Mock interview 1")
    coach.get_by_label("Your questions").fill(
        f"{QUESTION}\n- who the audience was\n- how you made it simple\n- what they understood"
    )
    coach.get_by_label("Due").fill("2099-06-30T17:00")
    coach.get_by_label("Your rubric").fill("Clarity: Unclear / Clear / Crisp")
    coach.get_by_role("button", name="Give it to the class").click()
    coach.wait_for_url(re.compile(r"/assignments/[0-9a-f-]{36}$"))
    return coach.url.split("/assignments/")[0]


def _invite_and_code(coach: Page, server: Server, class_url: str, address: str) -> tuple[str, str]:
    """The invitation link e-mailed to ``address``, and a new join code."""
    coach.goto(class_url)
    coach.get_by_label("E-mail address").fill(address)
    coach.get_by_role("button", name="Send the invitation").click()
    expect(coach.get_by_text(address)).to_be_visible(timeout=GUARD_MS)
    coach.wait_for_load_state()  # the page the invitation reloaded, its script running
    body = wait_for_mail(server.data_dir / "outbox", address).get_payload(decode=True)
    assert isinstance(body, bytes)
    link = re.search(r"(/join\?invite=\S+)", body.decode())
    assert link, body
    coach.get_by_role("button", name="Make a new code").click()
    shown = coach.locator("form[data-join-code] .form-ok")
    expect(shown).to_contain_text("The code is", timeout=GUARD_MS)
    code = re.search(r"[A-Z0-9]{5}-[A-Z0-9]{5}", shown.inner_text())
    assert code
    return link.group(1), code.group(0)


def _answer_the_assignment(member: Page) -> None:
    member.goto("/")
    member.locator("[data-start-assignment]").first.click()
    member.wait_for_url("**/interview")
    expect(member.locator("[data-prompt]")).to_have_text(QUESTION, timeout=GUARD_MS)
    start_answering(member)
    record_for(member, 4)
    member.get_by_role("button", name="Done", exact=True).click()
    wait_for_next_prompt(member, QUESTION)
    finish = member.locator('[data-action="finish"]')
    if finish.is_visible():
        finish.click()
    else:  # a follow-up was asked: end the interview there
        member.get_by_role("button", name="End interview").click()
        member.get_by_role("button", name="End and see feedback").click()
    member.wait_for_url(DASHBOARD)


def test_a_coach_reviews_a_class_and_the_member_reads_it(
    browser: Browser, server: Server, problems: Problems
) -> None:
    with (
        _person(browser, server, problems) as coach,
        _person(browser, server, problems) as invited,
        _person(browser, server, problems) as coded,
    ):
        class_url = _create_class_and_assignment(coach)
        assignment_url = coach.url
        link, code = _invite_and_code(coach, server, class_url, "ines@example.com")

        sign_up_in_browser(invited, "ines@example.com", "Ines Member")
        invited.goto(link)
        expect(invited.locator("form[data-join='invite'] .form-ok")).to_contain_text(
            "You are in Spring cohort as a member", timeout=GUARD_MS
        )
        sign_up_in_browser(coded, "otto@example.com", "Otto Member")
        coded.goto("/join")
        coded.get_by_label("The code your coach gave you").fill(code)
        coded.get_by_role("button", name="Join").click()
        expect(coded.locator("form[data-join='code'] .form-ok")).to_contain_text(
            "Spring cohort", timeout=GUARD_MS
        )

        _answer_the_assignment(invited)
        _answer_the_assignment(coded)
        report_url = invited.url
        # Ines's dashboard reloads itself once her recording is analysed: then the review
        # shows its verdicts.
        expect(invited.locator("[data-answer] .progress-note")).to_have_count(0, timeout=GUARD_MS)

        coach.goto(assignment_url)
        expect(coach.locator('[data-count="done"] .value')).to_have_text("2", timeout=GUARD_MS)
        screenshot(coach, "class-view")
        coach.get_by_role("link", name="Review Ines Member").click()
        # Its forms are the script's once the page has loaded; before, a click submits natively.
        coach.wait_for_url("**/attempts/*")
        coach.wait_for_load_state()
        answer = coach.locator("[data-answer-id]").first
        player = answer.locator("[data-player]")
        expect(player).to_be_visible(timeout=GUARD_MS)
        # The coach's player holds the member's recording: at least the 4 s recorded.
        coach.wait_for_function(
            "() => document.querySelector('[data-player]').duration >= 3.5", timeout=GUARD_MS
        )
        player.evaluate(
            "v => new Promise(done => { v.addEventListener('seeked', done, {once: true}); "
            "v.currentTime = 2; })"
        )
        expect(answer.locator("[data-moment]")).to_have_text("0:02", timeout=GUARD_MS)
        answer.get_by_label("Your comment").fill(COMMENT)
        answer.get_by_text("On the recording's current moment").click()
        answer.get_by_role("button", name="Comment").click()
        expect(coach.locator("[data-remarks]").first).to_contain_text(
            f"At 0:02: {COMMENT}", timeout=GUARD_MS
        )
        coach.wait_for_load_state()  # the page the comment reloaded, its script running

        answer = coach.locator("[data-answer-id]").first
        answer.get_by_label("Clarity").select_option(label="3. Crisp")
        answer.get_by_role("button", name="Save the scores").click()
        expect(answer.locator("form[data-rubric] .form-ok")).to_have_text(
            "Saved.", timeout=GUARD_MS
        )

        def give_reason(dialog: Dialog) -> None:
            dialog.accept("The audience was named at the start.")

        coach.once("dialog", give_reason)
        answer.locator("[data-flag]").first.click()
        flagged = coach.locator("[data-answer-id]").first.get_by_text("flagged as wrong")
        expect(flagged).to_be_visible(timeout=GUARD_MS)
        screenshot(coach, "review")

        # One attempt was allowed: the coach allows another, and Ines may try again.
        coach.goto(assignment_url)
        coach.get_by_text("Change the due date, the attempts or the video rule").click()
        coach.get_by_label("Attempts allowed").fill("2")
        coach.get_by_role("button", name="Save the changes").click()
        expect(coach.get_by_text("2 attempts")).to_be_visible(timeout=GUARD_MS)
        invited.goto("/")
        expect(invited.get_by_role("button", name="Try again")).to_be_visible(timeout=GUARD_MS)

        invited.goto(report_url)
        review = invited.locator("[data-coach-review]").first
        expect(review).to_contain_text(f"At 0:02: {COMMENT}", timeout=GUARD_MS)
        expect(review).to_contain_text("Clarity: Crisp (level 3 of 3)", timeout=GUARD_MS)
        expect(review).to_contain_text("Your coach disagrees with the judge", timeout=GUARD_MS)
        with invited.expect_download() as download:
            invited.get_by_role("link", name="Download PDF").click()
        pdf = download.value.path().read_bytes()
        text = " ".join(
            " ".join(page.extract_text().split()) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages
        )
        assert f"At 0:02: {COMMENT}" in text
        wait_until(
            lambda: any(
                "reviewed your answers" in str(mail["Subject"])
                for mail in mails_to(server.data_dir / "outbox", "ines@example.com")
            ),
            "the e-mail telling Ines of the review",
        )
