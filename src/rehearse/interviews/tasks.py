"""The analysis of a recorded answer, run as a job after the upload commits."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass
from typing import Any

from rehearse.errors import RehearseError
from rehearse.interviewer.coding.problems import grade
from rehearse.interviews.models import AnalysisResult, Answer, AnswerStatus, Question
from rehearse.interviews.repository import analysis_of
from rehearse.jobs.context import JobContext
from rehearse.jobs.registry import job_handler

ANALYZE_ANSWER = "answer.analyze"


@dataclass(frozen=True)
class _Started:
    """What a job needs of the answer it works on, read when it marks it processing."""

    text: str
    source: str
    media_key: str | None


def _begin(context: JobContext, answer_id: uuid.UUID) -> _Started | None:
    with context.runtime.database.transaction() as session:
        answer = session.get(Answer, answer_id)
        if answer is None:
            return None
        answer.status = AnswerStatus.PROCESSING
        question = session.get_one(Question, answer.question_id)
        media_key = answer.media.key if answer.media else None
        return _Started(answer.text, question.source, media_key)


@job_handler(ANALYZE_ANSWER)
def analyze_answer(context: JobContext) -> dict[str, Any]:
    """Transcribe and measure the answer's recording; store the result with the answer."""
    runtime = context.runtime
    answer_id = uuid.UUID(context.payload["answer_id"])
    started = _begin(context, answer_id)
    if started is None or started.media_key is None:
        return {"skipped": "the answer or its recording was deleted"}
    key = started.media_key
    try:
        with runtime.blobs.local_path(key) as path:
            result = runtime.speech_analyzer.apply(path, progress=context.progress)
    except RehearseError as exc:
        with runtime.database.transaction() as session:
            failed = session.get(Answer, answer_id)
            if failed is not None:
                failed.status, failed.error = AnswerStatus.FAILED, exc.message
        raise
    with runtime.database.transaction() as session:
        answer = session.get(Answer, answer_id)
        if answer is None:
            return {"skipped": "the answer was deleted during the analysis"}
        answer.transcript = result.transcript
        answer.words = [asdict(word) for word in result.words]
        answer.duration_seconds = result.duration_seconds
        answer.status = AnswerStatus.ANALYSED
        answer.error = result.message
        stored = analysis_of(session, answer_id, "speech") or AnalysisResult(
            answer_id=answer_id, kind="speech"
        )
        stored.version, stored.data = result.version, result.to_dict()
        session.add(stored)
    return {"status": result.status, "words": len(result.words)}


GRADE_CODE = "answer.grade"


@job_handler(GRADE_CODE)
def grade_code(context: JobContext) -> dict[str, Any]:
    """Run a typed coding answer against its problem's hidden tests in the sandbox."""
    runtime = context.runtime
    answer_id = uuid.UUID(context.payload["answer_id"])
    started = _begin(context, answer_id)
    if started is None:
        return {"skipped": "the answer was deleted"}
    problem_id, code = started.source.removeprefix("coding:"), started.text
    context.progress(0.2, "running the hidden tests", force=True)
    result = grade(problem_id, code)
    with runtime.database.transaction() as session:
        answer = session.get(Answer, answer_id)
        if answer is None:
            return {"skipped": "the answer was deleted during grading"}
        answer.status = AnswerStatus.ANALYSED
        stored = analysis_of(session, answer_id, "coding") or AnalysisResult(
            answer_id=answer_id, kind="coding"
        )
        stored.version, stored.data = "coding-1", asdict(result)
        session.add(stored)
    return {
        "status": result.status,
        "summary": result.summary,
        "passed": result.passed,
        "total": len(result.results),
    }
