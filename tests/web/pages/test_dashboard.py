"""What the dashboard waits for before it reloads itself (web/pages/dashboard.py)."""

from __future__ import annotations

from rehearse.feedback.report import (
    AnswerReport,
    Exchange,
    InterviewerTurn,
    PracticeAttempt,
    QuestionPractice,
    Reply,
    Report,
)
from rehearse.interviews.models import InterviewSession
from rehearse.reports.judging import PENDING
from rehearse.web.pages.dashboard import dashboard_view


def _practised(note: str) -> Report:
    """A report whose one question was practised once, its attempt with ``note``."""
    attempt = PracticeAttempt(
        1, "a", "2025-03-14T15:42:00+00:00", "analysed", "I use it daily.", False, 4, None,
        None, None, {}, note,
    )  # fmt: skip
    practice = QuestionPractice(1, "Why us?", "q", (attempt,), "first attempt", None)
    return Report("s", "t", "", "", "2025-03-14T15:42:00+00:00", None, (), (), (), (), (),
                  practice=(practice,))  # fmt: skip


def test_an_attempt_being_judged_is_waited_for() -> None:
    assert dashboard_view(InterviewSession(title="t"), _practised(PENDING), [], []).judging == 1


def test_an_attempt_that_will_not_be_judged_is_not_waited_for() -> None:
    view = dashboard_view(InterviewSession(title="t"), _practised("The judge is off."), [], [])
    assert view.judging == 0


def _replied(status: str) -> Report:
    """A report built while its one answer's recording was ``status``."""
    reply = Reply(1, "a", status, "", True, 6.0, (), (), ())
    asked = InterviewerTurn("question", "Tell me about a launch.", "")
    answer = AnswerReport(1, asked.say, "behavioural", "ownership", True, "", 6.0, None, (), (),
                          {}, (), (), (), (), thread=(Exchange(asked, reply),))  # fmt: skip
    return Report("s", "t", "", "", "2025-03-14T15:42:00+00:00", None, (), (answer,), (), (), ())


def test_a_reply_the_report_was_built_without_is_waited_for() -> None:
    # Its analysis ended while the page was built: the answers, read after it, say analysed,
    # but the report has no words for it; the page must wait and reload.
    assert dashboard_view(InterviewSession(title="t"), _replied("processing"), [], []).pending == 1


def test_a_reply_the_report_has_analysed_is_not_waited_for() -> None:
    assert dashboard_view(InterviewSession(title="t"), _replied("analysed"), [], []).pending == 0
