"""The practice section's words, shared by the HTML page and the PDF (render/practice.py)."""

from __future__ import annotations

from dataclasses import replace

from rehearse.feedback.report import (
    HiddenTests,
    HiddenTestsMove,
    MeasureMove,
    PracticeAttempt,
    PracticeComparison,
    QuestionPractice,
)
from rehearse.reports.render.practice import (
    attempt_row,
    content_line,
    measure_line,
    shows_previous,
)


def _typed(content: float | None, on_topic: bool | None) -> PracticeAttempt:
    return PracticeAttempt(
        1, "a", "2025-03-14T15:42:00+00:00", "analysed", "I use it daily.", False, 4, None,
        content, on_topic, {},
    )  # fmt: skip


def test_a_measure_is_shown_before_and_after_with_its_direction() -> None:
    line = measure_line(MeasureMove("pace", 96.4, 141.2, "better"))
    assert line == "Pace: 96 words/min → 141 words/min (better)"


def test_a_measure_heard_through_noise_is_not_compared() -> None:
    assert measure_line(MeasureMove("fillers", 4.0, 9.0, None)).endswith("(not compared)")


def test_a_typed_attempt_says_so_and_has_no_delivery() -> None:
    row = attempt_row(_typed(62.0, True))
    assert row.length == "4 words · typed"
    assert (row.content, row.pace, row.fillers, row.pauses) == ("62", "", "", "")


def test_an_off_topic_attempt_counts_zero_and_says_why() -> None:
    assert attempt_row(_typed(0.0, False)).content == "0 (off topic)"


def test_content_still_being_judged_is_said_so() -> None:
    waiting = PracticeComparison("", (), None, (True, None), (), (4, 9), (None, None), True)
    assert content_line(waiting) == "Content: still being judged"


def test_a_coding_attempt_says_its_hidden_tests_passed() -> None:
    tests = HiddenTestsMove(HiddenTests(2, 5), HiddenTests(5, 5), "better")
    coded = PracticeComparison(
        "", (), None, (None, None), (), (4, 9), (None, None), False, False, tests
    )
    assert content_line(coded) == "Hidden tests passed: 2 of 5 → 5 of 5 (better)"


def test_eye_contact_is_shown_in_per_cent() -> None:
    line = measure_line(MeasureMove("eye contact", 0.55, 0.8, "better"))
    assert line == "Eye contact: 55% → 80% (better)"


def test_the_attempt_before_is_not_shown_again_when_it_is_the_baseline() -> None:
    compared = PracticeComparison("", (), None, (True, True), (), (4, 9), (None, None), False)
    two = (_typed(40.0, True), replace(_typed(60.0, True), number=2))
    skipped = QuestionPractice(1, "Why us?", "q", two, "first attempt", compared, compared)
    assert not shows_previous(skipped)
    assert shows_previous(replace(skipped, baseline="interview"))
