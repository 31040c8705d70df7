"""A session's report as it is kept (reports/service.py): practising a question changes only
the report's practice section, and an attempt's judgement joins the report, and its kept
snapshot, when the report is next opened, as a late judgement of an answer does. Typed answers
judged by a real llama.cpp server running SmolLM2-135M (the flow is checked, not the tiny
model's judgement). Completing a session builds its report before it writes anything, so
an analysis finishing meanwhile is not kept waiting."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from rehearse.feedback.practice.compare import NO_SPEECH
from rehearse.interviews.models import (
    Answer,
    AnswerStatus,
    InterviewSession,
    QuestionKind,
    SessionStatus,
)
from rehearse.interviews.service import InterviewService
from rehearse.jobs.context import JobContext
from rehearse.reports import service
from rehearse.reports.builder import build_report
from rehearse.reports.judging import JUDGE_CONTENT, PENDING, judge_content
from rehearse.reports.service import ReportService, snapshot_of
from rehearse.runtime import Runtime
from rehearse.store.base import utcnow
from tests.conftest import make_settings
from tests.support.store import answered_question, write_beside

# The flow, not the store, is under test here: SQLite alone keeps the model's time to one run.
pytestmark = [
    pytest.mark.slow,
    pytest.mark.parametrize("database_url", ["sqlite"], indirect=True),
]
QUESTION = "Tell me about a time you fixed a slow system."
FIRST = "We fixed it."
AGAIN = (
    "Our nightly report took six hours. My task was to fix it before the audit. I profiled "
    "it, found a missing index and added it. It now runs in twenty minutes."
)


@pytest.fixture
def judged(tmp_path: Path, database_url: str, smollm2_judge: dict[str, str]) -> Iterator[Runtime]:
    settings = make_settings(tmp_path / "data", database_url, **smollm2_judge)
    runtime = Runtime(settings)
    yield runtime
    runtime.close()


def _interviewed(runtime: Runtime) -> tuple[uuid.UUID, uuid.UUID]:
    """A session of one question answered (typed) in the interview and judged."""
    with runtime.database.transaction() as db:
        question, _ = answered_question(db, QUESTION, FIRST, QuestionKind.BEHAVIOURAL)
        session_id, question_id = question.session_id, question.id
    assert _judge(runtime, question_id)["status"] == "ok"
    return session_id, question_id


def _practise(runtime: Runtime, session_id: uuid.UUID, question_id: uuid.UUID, said: str) -> str:
    """A typed attempt at the question, a minute after anything before it; its id."""
    with runtime.database.transaction() as db:
        attempt = Answer(
            question_id=question_id,
            session_id=session_id,
            text=said,
            status=AnswerStatus.ANALYSED,
            practice=True,
            created_at=utcnow() + timedelta(minutes=1),
        )
        db.add(attempt)
        db.flush()
        return str(attempt.id)


def _judge(runtime: Runtime, question_id: uuid.UUID, attempt_id: str = "") -> dict[str, Any]:
    """Run the judge's job on the interview's answers, or on one attempt."""
    payload = {"question_id": str(question_id)}
    if attempt_id:
        payload["attempt_id"] = attempt_id
    result = judge_content(JobContext(uuid.uuid4(), JUDGE_CONTENT, payload, None, 1, runtime))
    assert result is not None
    return result


def _report(runtime: Runtime, session_id: uuid.UUID) -> dict[str, Any]:
    """The report opened now (its snapshot replaced), as JSON reads it."""
    with runtime.database.transaction() as db:
        owner = db.get_one(InterviewSession, session_id).user_id
        reports = ReportService(db, runtime, InterviewService(db, runtime, owner))
        data: dict[str, Any] = json.loads(json.dumps(reports.report(session_id).to_dict()))
        return data


def _interviews_own(report: dict[str, Any]) -> dict[str, Any]:
    """Everything but the practice section and the time the report was made."""
    return {k: v for k, v in report.items() if k not in ("practice", "created_at")}


def test_practising_leaves_the_interviews_own_report_as_it_was(judged: Runtime) -> None:
    session_id, question_id = _interviewed(judged)
    before = _report(judged, session_id)
    attempt = _practise(judged, session_id, question_id, AGAIN)
    assert _judge(judged, question_id, attempt)["status"] == "ok"
    after = _report(judged, session_id)
    assert [p["attempts"][0]["content"] is not None for p in after["practice"]] == [True]
    assert _interviews_own(after) == _interviews_own(before)


def test_an_attempts_judgement_joins_the_report_and_its_snapshot_when_next_opened(
    judged: Runtime,
) -> None:
    session_id, question_id = _interviewed(judged)
    attempt = _practise(judged, session_id, question_id, AGAIN)
    (waiting,) = _report(judged, session_id)["practice"]
    assert (waiting["attempts"][0]["note"], waiting["compared"]["judging"]) == (PENDING, True)
    assert _judge(judged, question_id, attempt)["status"] == "ok"
    report = _report(judged, session_id)
    (practised,) = report["practice"]
    (scored,) = practised["attempts"]
    assert (scored["note"], practised["compared"]["judging"]) == ("", False)
    assert scored["content"] is not None
    assert practised["compared"]["content"] in ("better", "worse", "same")
    with judged.database.transaction() as db:
        kept = snapshot_of(db, session_id)
        assert kept is not None
        assert kept.data == report


def test_a_silent_attempt_is_said_so_and_not_waited_for(judged: Runtime) -> None:
    session_id, question_id = _interviewed(judged)
    attempt = _practise(judged, session_id, question_id, "")  # analysed, nothing heard
    assert "skipped" in _judge(judged, question_id, attempt)  # nothing to judge
    (practised,) = _report(judged, session_id)["practice"]
    assert practised["attempts"][0]["note"] == NO_SPEECH
    assert practised["compared"]["judging"] is False
    assert practised["compared"]["lead"] == NO_SPEECH


def test_completing_a_session_takes_the_write_turn_only_once_its_report_is_built(
    impatient_runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Building the report takes seconds; a reply's analysis finishing meanwhile must not wait
    for them on SQLite's one write turn (it did, and was shown as "could not be analysed: The
    database is busy with other changes")."""
    runtime = impatient_runtime
    with runtime.database.transaction() as db:
        question, _ = answered_question(db, QUESTION, AGAIN)
        session_id = question.session_id
        owner = db.get_one(InterviewSession, session_id).user_id
    written_meanwhile: list[str] = []

    def built_with_a_write_beside_it(db: Session, host: Runtime, interview: Any) -> Any:
        report = build_report(db, host, interview)
        written_meanwhile.append(write_beside(runtime.database))
        return report

    monkeypatch.setattr(service, "build_report", built_with_a_write_beside_it)
    with runtime.database.transaction() as db:
        ReportService(db, runtime, InterviewService(db, runtime, owner)).complete(session_id)
    assert written_meanwhile == ["written"]
    with runtime.database.sessions() as db:
        assert db.get_one(InterviewSession, session_id).status is SessionStatus.COMPLETED
        assert snapshot_of(db, session_id) is not None
