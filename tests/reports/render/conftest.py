"""One sample report, and its PDF and HTML renderings, for every test of this folder."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from rehearse.feedback.judge.points import STAR_PARTS
from rehearse.feedback.judge.stronger import stronger_answer
from rehearse.feedback.judge.verdict import ContentJudgement, PointVerdict
from rehearse.feedback.practice.compare import Attempt, compare_attempts
from rehearse.feedback.report import PracticeAttempt, QuestionPractice, Report
from rehearse.reports.practice import practice_comparison
from rehearse.reports.render.html import render_html
from rehearse.reports.render.pdf import render_pdf
from tests.support.sample_report import sample_report

POINT = "An index lets the database find rows without scanning the whole table."
FIRST_QUOTE = "I guess we sort of made it faster."
LATER_QUOTE = "I added an index on the customer column, so lookups stopped scanning the table."


@pytest.fixture(scope="session")
def report() -> Report:
    return sample_report()


@pytest.fixture(scope="session")
def empty() -> Report:
    """A session with no answers, no scores and nothing to recommend."""
    return Report(
        session_id="0",
        title="Empty session",
        role="",
        candidate="",
        created_at="2025-01-01T00:00:00Z",
        overall=None,
        scores=(),
        answers=(),
        recommendations=(),
        next_session=(),
        study_plan=(),
    )


@pytest.fixture(scope="session")
def pdf(report: Report) -> bytes:
    return render_pdf(report)


@pytest.fixture(scope="session")
def html(report: Report) -> str:
    return render_html(report)


@pytest.fixture(scope="session")
def judged_story(report: Report) -> Report:
    """The sample with its first answer judged as a story: its STAR parts (the result told
    only in part, the task missing) and the example stronger answer the judge built."""
    star = (
        PointVerdict("situation", "covered", 0.9, "Our checkout timed out every Friday.", {}),
        PointVerdict("task", "missing", 0.1, "", {}),
        PointVerdict("action", "covered", 0.8, "I profiled it and added an index.", {}),
        PointVerdict("result", "partly", 0.5, "It got better.", {}),
    )
    points = tuple(replace(part, point=STAR_PARTS[part.point]) for part in star)
    judgement = ContentJudgement(
        "qwen / judge-2", "story", 55.0, True, 0.05, points, "", star,
        stronger_answer(points, star, on_topic=True), 0.02, 3.2,
    )  # fmt: skip
    first = replace(report.answers[0], judgement=judgement.to_dict())
    return replace(report, answers=(first, *report.answers[1:]))


def _judged(score: float, task: str, point: str, quote: str) -> dict[str, Any]:
    """A stored judgement (``ContentJudgement.to_dict``) of a story: its task and one key
    point with ``quote`` for both when told, the other parts covered."""
    parts = {"situation": "covered", "task": task, "action": "covered", "result": "covered"}
    star = [
        {"point": name, "status": status, "strength": 0.5,
         "quote": quote if status != "missing" else "", "evidence": {}}
        for name, status in parts.items()
    ]  # fmt: skip
    points = [{"point": POINT, "status": point, "strength": 0.5,
               "quote": quote if point != "missing" else FIRST_QUOTE, "evidence": {}}]  # fmt: skip
    return {
        "judge": "a judge", "form": "story", "score": score, "on_topic": True,
        "off_topic_probability": 0.1, "points": points, "note": "", "star": star,
    }  # fmt: skip


def _spoken(pace: float, fillers: float) -> dict[str, Any]:
    """A stored speech analysis of a minute with this pace and these fillers."""
    return {
        "status": "ok", "words": [{"text": "word"}] * int(pace), "duration_seconds": 60.0,
        "pace": {"words_per_minute": pace}, "fillers": {"per_100_words": fillers},
        "pauses": {"long_count": 0}, "conditions": [],
    }  # fmt: skip


@pytest.fixture(scope="session")
def practised(report: Report) -> Report:
    """The sample with its first question practised twice: the key point and the task gained
    with their quotes, fewer fillers, compared by the real comparison."""
    first = report.answers[0]
    interview = Attempt(first.text, _judged(35, "missing", "missing", FIRST_QUOTE),
                        _spoken(100, 8))  # fmt: skip
    again = Attempt("Again.", _judged(50, "missing", "partly", LATER_QUOTE), _spoken(120, 5))
    latest = Attempt(LATER_QUOTE, _judged(80, "covered", "covered", LATER_QUOTE), _spoken(140, 2))
    attempts = tuple(
        PracticeAttempt(
            number, f"attempt-{number}", f"2025-03-14T15:{40 + number}:00+00:00", "analysed",
            attempt.text, True, len(attempt.text.split()), 60.0, score, True,
            {"pace": pace, "fillers": fillers, "long pauses": 0.0},
        )
        for number, attempt, score, pace, fillers in (
            (1, again, 50.0, 120.0, 5.0), (2, latest, 80.0, 140.0, 2.0)
        )
    )  # fmt: skip
    practice = QuestionPractice(
        first.position, first.question, "q-1", attempts, "interview",
        practice_comparison(compare_attempts(interview, latest)),
        practice_comparison(compare_attempts(again, latest)),
    )  # fmt: skip
    answers = (replace(first, question_id="q-1"), *report.answers[1:])
    return replace(report, session_id="s-1", answers=answers, practice=(practice,))
