"""One sample report, and its PDF and HTML renderings, for every test of this folder."""

from __future__ import annotations

from dataclasses import replace

import pytest

from rehearse.feedback.judge.points import STAR_PARTS
from rehearse.feedback.judge.stronger import stronger_answer
from rehearse.feedback.judge.verdict import ContentJudgement, PointVerdict
from rehearse.feedback.report import Report
from rehearse.reports.render.html import render_html
from rehearse.reports.render.pdf import render_pdf
from tests.support.sample_report import sample_report


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
