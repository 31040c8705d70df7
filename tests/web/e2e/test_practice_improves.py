"""Practising a question again makes a key point the interview's answer missed, in Chromium
(issue 47's first "done when").

The interview's answer is a real recording, President Kennedy's "ask not", played by the fake
microphone; the attempt, from a second Chromium whose microphone plays the same speech, a long
pause, then a real reading of Jane Austen's "rather cold-hearted and rather selfish", adds the
novel's example the question asks for. The content judge is on (the bundled model on llama.cpp's
server): the comparison shows the novel's key point going from missing to covered, each with
its attempt's own words, the delivery's changes with their directions, both recordings play,
and the interview's own report is what it was before the practice.
"""

from __future__ import annotations

import re
import subprocess
import wave
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from rehearse.feedback.practice.delivery import BANDS, NOISE
from tests.conftest import shared_fixture
from tests.support.llama import bundled_judge_cache
from tests.support.waiting import GUARD_MS
from tests.web.e2e.conftest import (
    Hearing,
    Server,
    record_for,
    screenshot,
    serving,
    session_with_question,
    sign_in_in_browser,
    wait_for_next_prompt,
)

pytestmark = pytest.mark.slow

EMAIL = "practice-improves@example.com"
QUESTION = {
    "text": "What does it mean to put others before yourself? Give one example from a "
    "speech and one from a novel.",
    "kind": "scenario",
    "topic": "literature",
}
SPEECH = "Ask not what your country can do for you; ask what you can do for your country."
NOVEL = "Being rather cold-hearted and selfish is to be ill-disposed."
RECALLING_SECONDS = "3"  # a long pause (over 2 s) before the novel's example
# Seconds recorded past a whole playing of the looped file, so every word is heard once whole.
MARGIN_SECONDS = 2
CHANGE_WORDS = {"better": "better", "worse": "worse", "same": "about the same"}
CONTENT_LINES = {
    "better": "Content: better (the content judge's score rose by more than its margin).",
    "worse": "Content: worse (the content judge's score fell by more than its margin).",
    "same": "Content: about the same (the content judge's score moved less than its margin).",
}
SHOWN_MEASURE = re.compile(r"[a-z ]+: (?P<first>[\d.]+) → (?P<second>[\d.]+), (?P<change>.+)")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The app on its embedded defaults with the content judge on (as in test_off_topic)."""
    bundled_judge_cache()
    with serving(tmp_path_factory.mktemp("web-e2e-practice-judged"), llm="on") as running:
        yield running


def _seconds(recording: Path) -> float:
    with wave.open(str(recording)) as sound:
        return float(sound.getnframes() / sound.getframerate())


def _speech_then_novel(folder: Path) -> Path:
    """Kennedy's sentence, a pause of ``RECALLING_SECONDS`` (recalling the novel), then the
    Austen reading: two real recordings joined by sox."""
    speech = shared_fixture("audio/jfk.wav")
    novel = shared_fixture("audio/sense_and_sensibility_01_austen_64kb-0890.wav")
    paused, joined = folder / "speech-then-pause.wav", folder / "speech-then-novel.wav"
    subprocess.run(["sox", str(speech), str(paused), "pad", "0", RECALLING_SECONDS], check=True)
    subprocess.run(["sox", str(paused), str(novel), str(joined)], check=True)
    return joined


def _said(text: str) -> str:
    """``text`` as the judge quotes it: single-spaced."""
    return " ".join(text.split())


def _interview(page: Page, sid: str, seconds: float) -> None:
    """Answer the question out loud for ``seconds`` of recording, then end the interview."""
    page.goto(f"/sessions/{sid}/interview")
    expect(page.locator("[data-prompt]")).to_have_text(QUESTION["text"])
    page.get_by_role("button", name="Start answering").click()
    record_for(page, seconds)  # until the whole recording has been heard
    page.get_by_role("button", name="Done", exact=True).click()
    wait_for_next_prompt(page, QUESTION["text"])
    if page.locator('[data-state="finished"]').is_hidden():  # a follow-up: not answered
        page.get_by_role("button", name="End interview").click()
        page.get_by_role("button", name="End and see feedback").click()
    else:
        page.get_by_role("button", name="See your feedback").click()
    page.wait_for_url(re.compile(rf"/sessions/{sid}$"), timeout=GUARD_MS)


def _judged_report(page: Page, sid: str) -> dict[str, Any]:
    """The report once its analysis and the judge are done (the dashboard's banner gone and
    its judge's verdict shown)."""
    expect(page.locator("[data-pending-banner]")).to_have_count(0, timeout=GUARD_MS)
    page.reload()
    expect(page.locator("[data-judge]").first).to_be_visible(timeout=GUARD_MS)
    report: dict[str, Any] = page.request.get(f"/api/sessions/{sid}/report").json()
    assert report["answers"][0]["judgement"] is not None, report["answers"][0]
    return report


def _practise(page: Page, sid: str, seconds: float) -> None:
    """From the dashboard, practise the question out loud for ``seconds`` of recording."""
    page.goto(f"/sessions/{sid}")
    page.get_by_role("link", name="Practise this question again").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(QUESTION["text"])
    page.get_by_role("button", name="Start answering").click()
    page.wait_for_function(
        "wanted => Number(document.querySelector('[data-status]').dataset.recordedSeconds) "
        ">= wanted",
        arg=seconds,
        timeout=GUARD_MS,
    )
    page.get_by_role("button", name="Done").click()
    # "Done." once the attempt is transcribed and judged, nothing still running.
    expect(page.locator("[data-status]")).to_have_text("Done.", timeout=GUARD_MS)


def _plays(page: Page, url: str) -> None:
    """The browser loads the recording at ``url`` and plays it."""
    page.wait_for_function(
        """url => {
            window.players = window.players || {};
            if (!window.players[url]) {
                window.players[url] = new Audio(url);
                window.players[url].muted = true;
                window.players[url].play().catch(() => {});
            }
            return !window.players[url].error && window.players[url].currentTime > 0.5;
        }""",
        arg=url,
        timeout=GUARD_MS,
    )


def _replays_on_the_dashboard(page: Page) -> None:
    """The dashboard's player of the interview's answer loads its recording and plays it."""
    player = page.locator("[data-replay] video").first
    player.evaluate("video => { video.muted = true; video.play().catch(() => {}); }")
    page.wait_for_function(
        "video => !video.error && video.currentTime > 0.5",
        arg=player.element_handle(),
        timeout=GUARD_MS,
    )


def _direction(name: str, first: float, second: float) -> str:
    """What ``feedback.practice.delivery`` should call a move from ``first`` to ``second``:
    "same" within the measure's noise, else "better" toward its coaching band and "worse"
    away from it."""
    band = BANDS[name]

    def off(value: float) -> float:
        return max(band.ideal_low - value, 0.0, value - band.ideal_high)

    if abs(second - first) <= NOISE[name] or off(first) == off(second):
        return "same"
    return "better" if off(second) < off(first) else "worse"


def _assert_delivery_shown(page: Page, delivery: list[Mapping[str, Any]]) -> None:
    """Each measure's change is the one its numbers and band call for, and the page shows
    the numbers and the change."""
    assert sorted(m["name"] for m in delivery) == sorted(BANDS), delivery  # both spoken
    for measure in delivery:
        first, second, change = measure["first"], measure["second"], measure["change"]
        assert change == _direction(measure["name"], first, second), measure
        row = page.locator(f'[data-delivery] [data-measure="{measure["name"]}"]')
        shown = SHOWN_MEASURE.fullmatch(row.inner_text())
        assert shown is not None, row.inner_text()
        assert abs(float(shown["first"]) - first) <= 0.05, (shown.group(), measure)
        assert abs(float(shown["second"]) - second) <= 0.05, (shown.group(), measure)
        assert shown["change"] == CHANGE_WORDS[change], (shown.group(), measure)


def test_practising_makes_the_missed_point_and_the_comparison_shows_it(
    page: Page, server: Server, page_hearing: Hearing, fake_media: tuple[Path, Path], tmp_path: Path
) -> None:
    speech, _ = fake_media  # what the module's browser's microphone plays: Kennedy's speech
    both = _speech_then_novel(tmp_path)
    sid = session_with_question(server, EMAIL, {**QUESTION, "key_points": [SPEECH, NOVEL]})
    sign_in_in_browser(page, EMAIL)
    _interview(page, sid, _seconds(speech) + MARGIN_SECONDS)
    before = _judged_report(page, sid)
    [interview_answer] = page.request.get(f"/api/sessions/{sid}/answers").json()
    question_id = interview_answer["question_id"]
    judged = {p["point"]: p["status"] for p in before["answers"][0]["judgement"]["points"]}
    assert judged[NOVEL] == "missing", judged  # the speech alone gives no novel's example
    _replays_on_the_dashboard(page)

    with page_hearing(both) as practising:
        sign_in_in_browser(practising, EMAIL)
        _practise(practising, sid, _seconds(both) + MARGIN_SECONDS)
        screenshot(practising, "practice-improves")
        base = f"/api/sessions/{sid}/questions/{question_id}"
        compared = practising.request.get(f"{base}/comparison").json()["baseline"]
        [attempt] = practising.request.get(f"{base}/attempts").json()

        # The novel's point: missing in the interview, covered now, each in its own words.
        novel = next(p for p in compared["points"] if p["point"] == NOVEL)
        assert (novel["before"], novel["after"], novel["change"]) == (
            "missing",
            "covered",
            "better",
        ), novel
        assert _said(novel["before_quote"]) in _said(interview_answer["transcript"])
        assert _said(novel["after_quote"]) in _said(attempt["transcript"])
        assert "selfish" in novel["after_quote"].lower()  # the novel's sentence, not the speech
        row = practising.locator(f'[data-points] tr[data-point="{NOVEL}"]')
        expect(row).to_have_attribute("data-change", "better")
        expect(row.locator("td").nth(1)).to_have_text(
            f"missing (nearest: “{novel['before_quote']}”)"
        )
        expect(row.locator("td").nth(2)).to_have_text(f"covered: “{novel['after_quote']}”")
        expect(practising.locator("[data-lead]")).to_contain_text(
            f"This time you made the point “{NOVEL.rstrip('.')}”"
        )
        _assert_delivery_shown(practising, compared["delivery"])
        # The content line says what the judge's change is: "same" is within its margin.
        expect(practising.locator("[data-content]")).to_have_text(
            CONTENT_LINES[compared["content"]]
        )

        # The attempt's recording is served as audio and plays.
        media = f"/api/sessions/{sid}/answers/{attempt['id']}/media"
        served = practising.request.get(media)
        assert served.ok
        assert served.headers["content-type"].startswith(("audio/", "video/"))
        _plays(practising, media)

    # The interview's own report is what it was before the practice (but for when it was built
    # and its practice section, which now holds the attempt).
    after = page.request.get(f"/api/sessions/{sid}/report").json()
    [practised] = after["practice"]
    assert [a["answer_id"] for a in practised["attempts"]] == [attempt["id"]]
    unchanged = {"created_at": "", "practice": []}
    assert {**after, **unchanged} == {**before, **unchanged}
