"""The content judge's job and what the report makes of its verdict, with the real bundled
model on a real llama.cpp server and the real store (SQLite and PostgreSQL)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from rehearse.errors import RehearseError
from rehearse.feedback.judge.verdict import ContentJudgement
from rehearse.feedback.report import AnswerReport, Report
from rehearse.interviews.models import Answer, InterviewSession, Question, QuestionKind
from rehearse.jobs.context import JobContext
from rehearse.jobs.runner import sweep
from rehearse.jobs.service import enqueue
from rehearse.llm.configured import ConfiguredClient
from rehearse.reports.builder import build_report
from rehearse.reports.judging import (
    JUDGE_CONTENT,
    PENDING,
    WARM_UP,
    WAS_OFF,
    judge_content,
    judge_input,
    keep_record,
    read_key,
    warm_up_judge,
)
from rehearse.runtime import Runtime
from tests.conftest import make_settings
from tests.support.jobs import orphan_on_its_last_attempt
from tests.support.judged import judge_on
from tests.support.llama import bundled_judge_settings
from tests.support.net import free_port
from tests.support.store import answered_question

pytestmark = pytest.mark.slow
QUESTION = "What does an index do for a database query?"
POINTS = ["An index lets the database find rows without scanning the whole table"]
GOOD = (
    "An index is a sorted structure over a column, so the database finds the matching rows "
    "directly instead of scanning the whole table; lookups become logarithmic."
)


@pytest.fixture
def judged(tmp_path: Path, database_url: str) -> Iterator[Runtime]:
    """A runtime whose judge is the bundled model on a server of its own, started when a
    reading is not kept yet."""
    runtime = Runtime(bundled_judge_settings(tmp_path / "data", database_url))
    yield runtime
    runtime.close()


def _answered(
    runtime: Runtime,
    said: str,
    question: str = QUESTION,
    kind: QuestionKind = QuestionKind.TECHNICAL,
    points: Sequence[str] = tuple(POINTS),
) -> tuple[uuid.UUID, uuid.UUID]:
    with runtime.database.transaction() as db:
        asked, _ = answered_question(db, question, said, kind, points)
        return asked.session_id, asked.id


def _judge(runtime: Runtime, question_id: uuid.UUID) -> dict[str, Any]:
    payload = {"question_id": str(question_id)}
    context = JobContext(uuid.uuid4(), JUDGE_CONTENT, payload, None, 1, runtime)
    result = judge_content(context)
    assert result is not None
    return result


def _report(runtime: Runtime, interview_id: uuid.UUID) -> Report:
    with runtime.database.transaction() as db:
        return build_report(db, runtime, db.get_one(InterviewSession, interview_id))


def test_the_report_shows_the_judges_content_score_and_key_points(judged: Runtime) -> None:
    interview_id, question_id = _answered(judged, GOOD)
    assert _judge(judged, question_id)["status"] == "ok"
    answer = _report(judged, interview_id).answers[0]
    content = next(s for s in answer.scores if s.name == "content")
    assert "content judge" in content.rests_on
    assert answer.judgement is not None
    assert answer.judgement["on_topic"] is True
    assert [p.status for p in answer.key_points] != [""]
    assert answer.key_points[0].sentence in GOOD


def test_an_unchanged_answer_is_not_judged_twice(judged: Runtime) -> None:
    _, question_id = _answered(judged, GOOD)
    _judge(judged, question_id)
    assert _judge(judged, question_id) == {"status": "ok", "cached": True}


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # the readings, not the store
def test_the_same_words_judged_by_another_runtime_start_no_server(
    judged: Runtime, tmp_path: Path, database_url: str
) -> None:
    """Another worker (a runtime of its own) judging an answer of the same words reads the
    readings kept by the first and gives its verdict without starting the model's server."""
    interview_id, question_id = _answered(judged, GOOD)
    assert _judge(judged, question_id)["status"] == "ok"
    other = Runtime(bundled_judge_settings(tmp_path / "other", database_url))
    try:
        again_interview, again_question = _answered(other, GOOD)
        assert _judge(other, again_question) == {"status": "ok"}
        client = other.content_judge.reader  # type: ignore[union-attr]
        assert isinstance(client, ConfiguredClient)
        assert client.server_pid is None
        first = _report(judged, interview_id).answers[0].judgement
        again = _report(other, again_interview).answers[0].judgement
        assert again == first
    finally:
        other.close()


@pytest.fixture
def modelless(tmp_path: Path, database_url: str) -> Iterator[Runtime]:
    """A runtime whose judge is on but finds no model where it looks."""
    settings = make_settings(tmp_path / "data", database_url, llm="on", cache_dir=tmp_path / "none")
    runtime = Runtime(settings)
    yield runtime
    runtime.close()


def test_a_missing_model_leaves_the_report_whole_and_says_how_to_fix_it(
    modelless: Runtime,
) -> None:
    interview_id, question_id = _answered(modelless, GOOD)
    assert _judge(modelless, question_id)["status"] == "unavailable"
    answer = _report(modelless, interview_id).answers[0]
    assert any("Content was not judged" in w and "./scripts/start" in w for w in answer.warnings)
    assert next(s for s in answer.scores if s.name == "content").value is not None


def test_a_warm_up_without_its_model_says_why_and_is_not_retried(modelless: Runtime) -> None:
    result = warm_up_judge(JobContext(uuid.uuid4(), WARM_UP, {}, None, 1, modelless))
    assert result is not None
    assert result["status"] == "unavailable"  # returned, not raised: the queue does not retry
    assert "./scripts/start" in result["message"]


@pytest.fixture
def unreachable(tmp_path: Path, database_url: str) -> Iterator[Runtime]:
    """A runtime whose judge is a server nobody listens at: every request fails."""
    dead = f"http://127.0.0.1:{free_port()}"
    runtime = Runtime(make_settings(tmp_path / "data", database_url, llm="on", llm_url=dead))
    yield runtime
    runtime.close()


def test_a_failed_request_is_still_being_judged_until_its_last_attempt(
    unreachable: Runtime,
) -> None:
    runtime = unreachable
    interview_id, question_id = _answered(runtime, GOOD)
    payload = {"question_id": str(question_id)}
    for attempt in (1, 3):
        context = JobContext(uuid.uuid4(), JUDGE_CONTENT, payload, None, attempt, runtime, 3)
        with pytest.raises(RehearseError):
            judge_content(context)
        (note,) = [w for w in _report(runtime, interview_id).answers[0].warnings if "judged" in w]
        assert (note == PENDING) == (attempt == 1)  # the queue tries again, then gives up
    assert note.startswith("Content was not judged")


def test_judging_the_queue_gave_up_on_says_so_instead_of_pending_for_ever(
    modelless: Runtime,
) -> None:
    interview_id, question_id = _answered(modelless, GOOD)
    with modelless.database.transaction() as db:
        payload = {"question_id": str(question_id)}
        job = enqueue(db, modelless.queue, kind=JUDGE_CONTENT, payload=payload)
        orphan_on_its_last_attempt(db, job.id)
    sweep(modelless)
    (warning,) = [w for w in _report(modelless, interview_id).answers[0].warnings if "judged" in w]
    assert warning.startswith("Content was not judged: its worker sent no heartbeat")
    assert warning.endswith("gave up after 3 attempts")


def test_what_to_work_on_leads_with_the_key_point_an_answer_missed(judged: Runtime) -> None:
    # Wrong, and about the question asked: the bundled judge on an AVX-512 CPU reads an answer
    # about inserts ("an index makes inserts faster…") as not addressing a question on queries.
    wrong = (
        "An index caches the results of a query in memory, so the second time you run the same "
        "query it comes back at once."
    )
    interview_id, question_id = _answered(judged, wrong)
    _judge(judged, question_id)
    report = _report(judged, interview_id)
    assert report.answers[0].key_points[0].status in ("missing", "partly")
    first = report.recommendations[0]
    assert first.title in ("Answer 1 missed a key point", "Answer 1 made a key point only in part")
    assert POINTS[0] in first.action


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # the judge, not the store
def test_a_story_shows_its_star_parts_and_a_stronger_answer_in_its_own_words(
    judged: Runtime,
) -> None:
    story = (
        "Last spring our checkout page timed out every Friday evening. As the on-call engineer "
        "I had to find the cause before the sale. I profiled the slow queries and added an "
        "index on the orders table."
    )
    asked = "Tell me about a time you solved a difficult problem at work."
    interview_id, question_id = _answered(judged, story, asked, QuestionKind.BEHAVIOURAL, [])
    _judge(judged, question_id)
    answer = _report(judged, interview_id).answers[0]
    assert answer.judgement is not None
    assert set(answer.star) == {"situation", "task", "action", "result"}
    assert [p["point"] for p in answer.judgement["star"]] == list(answer.star)
    stronger = answer.judgement["stronger"]
    assert "Last spring our checkout page timed out every Friday evening." in stronger


def test_an_answer_given_while_the_judge_was_off_says_so_once_it_is_on(
    tmp_path: Path, database_url: str
) -> None:
    off = Runtime(make_settings(tmp_path / "data", database_url, llm="off"))
    try:
        interview_id, question_id = _answered(off, GOOD)
        assert _judge(off, question_id) == {"status": "off"}
    finally:
        off.close()
    dead = f"http://127.0.0.1:{free_port()}"  # the report only reads: nothing is asked of it
    on = Runtime(make_settings(tmp_path / "data", database_url, llm="on", llm_url=dead))
    try:
        answer = _report(on, interview_id).answers[0]
    finally:
        on.close()
    assert WAS_OFF in answer.warnings
    assert not any("REHEARSE_LLM=off" in warning for warning in answer.warnings)


EARLIER = "a model / judge-0"


def _judged_earlier(runtime: Runtime, said_then: str) -> tuple[uuid.UUID, uuid.UUID]:
    """``GOOD`` answered, and kept as ``EARLIER`` judged it when it read ``said_then``."""
    interview_id, question_id = _answered(runtime, GOOD)
    with runtime.database.transaction() as db:
        question = db.get_one(Question, question_id)
        answers = list(db.scalars(select(Answer).where(Answer.question_id == question_id)))
        read = replace(judge_input(db, question, answers), answer=said_then)
        judged = ContentJudgement(EARLIER, "explanation", 80.0, True, 0.1, (), "", ())
        kept = {"read": read_key(read, EARLIER), "status": "ok", "judgement": judged.to_dict()}
        keep_record(db, answers[0].id, kept)
    return interview_id, question_id


def _shown_after_earlier_judge(
    tmp_path: Path, database_url: str, said_then: str, *, job_gave_up: bool = False
) -> AnswerReport:
    """The report's answer (``GOOD``) when ``EARLIER`` had judged it as ``said_then``; with
    ``job_gave_up``, after a job to judge it again lost its worker on its last attempt."""
    runtime = Runtime(judge_on(tmp_path / "data", database_url))
    try:
        interview_id, question_id = _judged_earlier(runtime, said_then)
        if job_gave_up:
            with runtime.database.transaction() as db:
                payload = {"question_id": str(question_id)}
                job = enqueue(db, runtime.queue, kind=JUDGE_CONTENT, payload=payload)
                orphan_on_its_last_attempt(db, job.id)
            sweep(runtime)
        return _report(runtime, interview_id).answers[0]
    finally:
        runtime.close()


def test_a_judgement_of_the_same_words_by_an_earlier_judge_is_still_shown(
    tmp_path: Path, database_url: str
) -> None:
    answer = _shown_after_earlier_judge(tmp_path, database_url, GOOD)
    assert answer.judgement is not None
    assert answer.judgement["judge"] == EARLIER


def test_a_judgement_of_other_words_is_pending_until_judged_again(
    tmp_path: Path, database_url: str
) -> None:
    answer = _shown_after_earlier_judge(tmp_path, database_url, "Something said before.")
    assert answer.judgement is None
    assert PENDING in answer.warnings


def test_judging_other_words_the_queue_gave_up_on_says_so_instead_of_pending_for_ever(
    tmp_path: Path, database_url: str
) -> None:
    answer = _shown_after_earlier_judge(
        tmp_path, database_url, "Something said before.", job_gave_up=True
    )
    assert answer.judgement is None
    assert PENDING not in answer.warnings
    assert any(w.startswith("Content was not judged: its worker sent") for w in answer.warnings)


def test_a_judgement_of_what_is_said_stands_when_another_job_to_judge_it_gave_up(
    tmp_path: Path, database_url: str
) -> None:
    answer = _shown_after_earlier_judge(tmp_path, database_url, GOOD, job_gave_up=True)
    assert answer.judgement is not None
    assert answer.judgement["judge"] == EARLIER
