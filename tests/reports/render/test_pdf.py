"""The PDF: a real PDF, a page or more per answer, and the report's words in its text."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pytest
from pypdf import PdfReader

from rehearse.feedback.judge.points import STAR_GAPS
from rehearse.feedback.report import AnswerReport, Report, TimedWord
from rehearse.reports.render import palette, text
from rehearse.reports.render import pdf as pdf_module
from rehearse.reports.render.fonts import HELVETICA, fonts
from rehearse.reports.render.pdf import render_pdf


def _pages(data: bytes) -> list[str]:
    """Each page's text with runs of whitespace made one space."""
    reader = PdfReader(io.BytesIO(data))
    return [re.sub(r"\s+", " ", page.extract_text()) for page in reader.pages]


def test_the_sample_is_a_pdf_of_a_summary_a_plan_and_a_page_or_two_per_answer(
    pdf: bytes, report: Report
) -> None:
    assert pdf.startswith(b"%PDF-")
    pages = _pages(pdf)
    answers = len(report.answers)
    assert 2 + answers <= len(pages) <= 2 + 2 * answers
    assert "Scores" in pages[0]
    assert "What to work on" in pages[1]
    assert f"QUESTION 1 OF {answers}" in pages[2]


def test_every_page_has_the_footer_with_its_number_of_the_total(pdf: bytes) -> None:
    pages = _pages(pdf)
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
        assert "Rehearse · Backend engineer interview · Renée Okafor" in page


def test_the_text_has_the_questions_recommendations_plan_and_marks(
    pdf: bytes, report: Report
) -> None:
    text = " ".join(_pages(pdf))
    for answer in report.answers:
        assert answer.question in text
    for recommendation in report.recommendations:
        assert recommendation.title in text
        assert recommendation.action in text
    for goal in report.next_session:
        assert goal in text
    assert report.study_plan[0].practice[0] in text
    assert "not measured" in text  # presence, with no video
    assert "✓" in text
    assert "✗" in text
    assert "Not answered." in text


def test_the_transcript_keeps_fillers_and_shows_long_pauses_inline(pdf: bytes) -> None:
    text = " ".join(_pages(pdf))
    assert "Um I thought it was too risky, because like the audit" in text
    assert "[2.6 s] We found eleven mismatches" in text
    assert "Pessimistic locking takes a lock before reading" in text  # the typed answer


def test_a_follow_up_is_printed_with_its_reason_and_its_own_transcript(
    pdf: bytes, report: Report
) -> None:
    printed = " ".join(_pages(pdf))
    answer = next(a for a in report.answers if len(a.thread) > 1)
    asked = answer.thread[1].asked
    assert asked.say in printed
    assert f"Why: {asked.reason}" in printed
    assert "FOLLOW-UP · Decided on the live transcript" in printed
    assert "REPLY 2 · 0:11" in printed
    assert "I set a fifteen minute check in with her every Friday for a month, um and" in printed
    assert "Then the next question. Why: The answer covers what the question asks." in printed
    for line in text.scored_on(answer):
        assert line in printed


def test_fillers_are_highlighted_and_pauses_marked_in_the_transcript_markup() -> None:
    kit = pdf_module._kit(fonts())
    answer = AnswerReport(
        1, "Q", "technical", "t", True, "", 3.0, None, (), (), {}, (),
        (
            TimedWord(" So", 0.0, 0.2, filler=True),
            TimedWord(" I", 0.3, 0.4),
            TimedWord(" <b>won</b>", 3.0, 3.2, pause_before=2.5),
        ),
        (), (),
    )  # fmt: skip
    markup = pdf_module._transcript_markup(text.transcript(answer), kit)
    assert markup.startswith(f'<font backColor="{palette.FILLER_BACK}"')
    assert ">So</font> I <font" in markup
    assert "[2.5 s]</font> &lt;b&gt;won&lt;/b&gt;" in markup


def test_words_said_again_are_underlined_in_the_transcript_markup() -> None:
    kit = pdf_module._kit(fonts())
    answer = AnswerReport(
        1, "Q", "technical", "t", True, "", 3.0, None, (), (), {}, (),
        (
            TimedWord(" I", 0.0, 0.2, repeated=True),
            TimedWord(" I", 0.3, 0.4, repeated=True),
            TimedWord(" think", 0.5, 0.8),
        ),
        (), (),
    )  # fmt: skip
    markup = pdf_module._transcript_markup(text.transcript(answer), kit)
    assert markup == "<u>I</u> <u>I</u> think"


def test_markup_in_the_report_is_printed_not_interpreted(report: Report) -> None:
    hostile = "What does <script>alert('x')</script> & <b>this</b> do?"
    answers = (replace(report.answers[0], question=hostile), *report.answers[1:3])
    data = render_pdf(replace(report, answers=answers, candidate="A & B <i>"))
    text = " ".join(_pages(data))
    assert hostile in text
    assert "A & B <i>" in text


def test_an_empty_report_renders(empty: Report) -> None:
    data = render_pdf(empty)
    pages = _pages(data)
    assert len(pages) == 2
    assert "not measured" in pages[0]
    assert "No recommendations for this session." in pages[1]


def test_without_dejavu_it_falls_back_to_helvetica_and_ascii_marks(
    report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_module, "fonts", lambda: HELVETICA)
    text = " ".join(_pages(render_pdf(replace(report, answers=report.answers[:2]))))
    assert "[x]" in text
    assert "✓" not in text
    assert "Renée Okafor" in text  # Windows-1252 still has é


def test_a_judged_story_prints_its_star_parts_and_the_stronger_answer(
    judged_story: Report,
) -> None:
    printed = " ".join(_pages(render_pdf(judged_story)))
    assert "STAR" in printed
    assert "Result (in part)" in printed
    assert "A STRONGER ANSWER, IN YOUR OWN WORDS" in printed
    assert "I profiled it and added an index." in printed
    assert STAR_GAPS["result"] in printed
    assert "[result]" not in printed  # a STAR part's gap is said once, in words


def test_a_practised_question_is_printed_after_the_answers_point_by_point(
    practised: Report,
) -> None:
    pages = _pages(render_pdf(practised))
    last_answer = max(i for i, page in enumerate(pages) if "QUESTION 10 OF 10" in page)
    printed = " ".join(pages[last_answer:])
    compared = practised.practice[0].compared
    assert compared is not None
    assert "QUESTION 1 · PRACTISED" in printed
    assert compared.lead in printed
    gained = next(p for p in compared.points if not p.is_part)
    assert f"missing nearest: “{gained.before_quote}”" in printed  # not evidence
    assert f"covered “{gained.after_quote}”" in printed
    assert "Content (the judge's score): better" in printed
    assert "Fillers: 8 per 100 words → 2 per 100 words (better)" in printed
