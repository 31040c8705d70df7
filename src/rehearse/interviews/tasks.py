"""The analysis of a recorded answer, run as jobs after the upload commits: the speech first
(the interview waits for it), then the camera footage, if any, as a job of its own."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from rehearse.analysis.video.frames import has_picture
from rehearse.analysis.video.gaze import GazeCalibration
from rehearse.interviewer.coding.problems import grade
from rehearse.interviews.models import (
    AnalysisResult,
    Answer,
    AnswerStatus,
    InterviewSession,
    Question,
)
from rehearse.interviews.repository import analysis_of
from rehearse.jobs.context import JobContext
from rehearse.jobs.registry import job_handler
from rehearse.jobs.service import enqueue
from rehearse.reports.judging import queue_judgement
from rehearse.reports.refresh import queue_refresh

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from rehearse.analysis.speech.analyzer import SpeechAnalysis
    from rehearse.runtime import Runtime

ANALYZE_ANSWER = "answer.analyze"
ANALYZE_VIDEO = "answer.analyze_video"
VIDEO = "video"


def keep_speech(db: Session, answer: Answer, result: SpeechAnalysis) -> None:
    """``result`` of the answer's recording: its words on the answer, the whole analysis in
    the answer's "speech" result; the answer is analysed."""
    answer.transcript = result.transcript
    answer.words = [asdict(word) for word in result.words]
    answer.duration_seconds = result.duration_seconds
    answer.status = AnswerStatus.ANALYSED
    answer.error = result.message
    stored = analysis_of(db, answer.id, "speech") or AnalysisResult(
        answer_id=answer.id, kind="speech"
    )
    stored.version, stored.data = result.version, result.to_dict()
    db.add(stored)


@dataclass(frozen=True)
class _Started:
    """What a job needs of the answer it works on, read when it marks it processing."""

    text: str
    source: str
    media_key: str | None


def _begin(context: JobContext[Runtime], answer_id: uuid.UUID) -> _Started | None:
    with context.runtime.database.transaction() as session:
        answer = session.get(Answer, answer_id)
        if answer is None:
            return None
        answer.status = AnswerStatus.PROCESSING
        question = session.get_one(Question, answer.question_id)
        media_key = answer.media.key if answer.media else None
        return _Started(answer.text, question.source, media_key)


def _analysis_stopped(db: Session, payload: dict[str, Any], error: str) -> None:
    """The queue gave up on an answer's analysis (a recording that cannot be analysed, or
    every attempt failed): the answer says why, rather than "still being analysed" for ever.
    Until then an error leaves it processing, for the next attempt."""
    answer = db.get(Answer, uuid.UUID(payload["answer_id"]))
    if answer is not None and answer.status.analysing:
        answer.status, answer.error = AnswerStatus.FAILED, error


@job_handler(ANALYZE_ANSWER, gave_up=_analysis_stopped)
def analyze_answer(context: JobContext[Runtime]) -> dict[str, Any]:
    """Transcribe and measure the answer's recording; store the result with the answer."""
    runtime = context.runtime
    answer_id = uuid.UUID(context.payload["answer_id"])
    started = _begin(context, answer_id)
    if started is None or started.media_key is None:
        return {"skipped": "the answer or its recording was deleted"}
    # One local copy for both questions (a download when the blobs are in a bucket).
    with runtime.blobs.local_path(started.media_key) as path:
        result = runtime.speech_analyzer.apply(path, progress=context.progress)
        pictured = has_picture(path)
    with runtime.database.transaction() as session:
        answer = session.get(Answer, answer_id)
        if answer is None:
            return {"skipped": "the answer was deleted during the analysis"}
        keep_speech(session, answer, result)
        if result.transcript.strip() and not started.source.startswith("coding:"):
            attempt = answer.id if answer.practice else None
            queue_judgement(session, runtime.queue, answer.question_id, context.user_id, attempt)
        queue_refresh(session, runtime.queue, answer_id)
    video = _queue_video(context, answer_id) if pictured else None
    return {"status": result.status, "words": len(result.words), "video_job_id": video}


def _queue_video(context: JobContext[Runtime], answer_id: uuid.UUID) -> str:
    """After the speech (which the interview waits for), queue the analysis of the recording's
    camera footage; its row says "pending" until the job fills it."""
    runtime = context.runtime
    with runtime.database.transaction() as session:
        job = enqueue(
            session,
            runtime.queue,
            kind=ANALYZE_VIDEO,
            payload={"answer_id": str(answer_id)},
            user_id=context.user_id,
        )
        stored = analysis_of(session, answer_id, VIDEO) or AnalysisResult(
            answer_id=answer_id, kind=VIDEO
        )
        stored.version, stored.data = "", {"status": "pending", "job_id": str(job.id)}
        session.add(stored)
        return str(job.id)


def _video_stopped(db: Session, payload: dict[str, Any], error: str) -> None:
    """The queue gave up on the footage's analysis: its row says why instead of "pending"."""
    answer_id = uuid.UUID(payload["answer_id"])
    stored = analysis_of(db, answer_id, VIDEO)
    if stored is not None and stored.data.get("status") == "pending":
        stored.version, stored.data = "", {"status": "failed", "message": error}


@job_handler(ANALYZE_VIDEO, gave_up=_video_stopped)
def analyze_video(context: JobContext[Runtime]) -> dict[str, Any]:
    """Measure eye contact, head pose, blinks, expression and posture in the answer's video."""
    runtime = context.runtime
    answer_id = uuid.UUID(context.payload["answer_id"])
    with runtime.database.transaction() as session:
        answer = session.get(Answer, answer_id)
        key = answer.media.key if answer is not None and answer.media else None
        interview = session.get(InterviewSession, answer.session_id) if answer else None
        calibrated = interview.gaze_calibration if interview else None
    if key is None:
        return {"skipped": "the answer or its recording was deleted"}
    calibration = GazeCalibration(**calibrated) if calibrated else None
    with runtime.blobs.local_path(key) as path:
        result = runtime.video_analyzer.apply(
            path, calibration=calibration, progress=context.progress
        )
    _store_video(context, answer_id, result.version, result.to_dict())
    return {"status": result.status, "frames": result.frames_analysed}


def _store_video(
    context: JobContext[Runtime], answer_id: uuid.UUID, version: str, data: dict[str, Any]
) -> None:
    with context.runtime.database.transaction() as session:
        if session.get(Answer, answer_id) is None:
            return
        stored = analysis_of(session, answer_id, VIDEO) or AnalysisResult(
            answer_id=answer_id, kind=VIDEO
        )
        stored.version, stored.data = version, data
        session.add(stored)
        queue_refresh(session, context.runtime.queue, answer_id)


GRADE_CODE = "answer.grade"


@job_handler(GRADE_CODE)
def grade_code(context: JobContext[Runtime]) -> dict[str, Any]:
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
        queue_refresh(session, runtime.queue, answer_id)
    return {
        "status": result.status,
        "summary": result.summary,
        "passed": result.passed,
        "total": len(result.results),
    }
