"""One sample report, and its PDF and HTML renderings, for every test of this folder."""

from __future__ import annotations

import pytest
from bench.report.sample import sample_report

from rehearse.feedback.report import Report
from rehearse.reports.render.html import render_html
from rehearse.reports.render.pdf import render_pdf


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
