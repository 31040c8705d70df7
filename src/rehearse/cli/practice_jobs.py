"""The jobs of a practised question, run by ``rehearse practise`` itself until none is left: an
attempt's analysis (or its code's hidden tests), then its judgement, each with what it is doing
and how long it took on standard error. A job another process holds (``rehearse serve`` or a
worker on the same store) is waited for, as is one that failed and is tried again later."""

from __future__ import annotations

import sys
import time
import uuid
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime

import typer
from sqlalchemy.orm import Session

from rehearse.interviews import repository as interviews
from rehearse.interviews.tasks import ANALYZE_ANSWER, ANALYZE_VIDEO, GRADE_CODE
from rehearse.jobs import repository as jobs
from rehearse.jobs.models import Job, JobStatus
from rehearse.jobs.runner import JobRunner, sweep
from rehearse.reports.judging import JUDGE_CONTENT
from rehearse.runtime import Runtime
from rehearse.store.base import utcnow

POLL_SECONDS = 0.25
DOING = {
    ANALYZE_ANSWER: "Analysing the recording",
    ANALYZE_VIDEO: "Analysing the camera footage",
    GRADE_CODE: "Running the code against the hidden tests",
    JUDGE_CONTENT: "Judging what was said",
}


@dataclass(frozen=True)
class _Pending:
    id: uuid.UUID
    kind: str
    status: JobStatus
    run_after: datetime

    @property
    def due(self) -> bool:
        return self.status is JobStatus.QUEUED and self.run_after <= utcnow()


def run_question_jobs(runtime: Runtime, user_id: uuid.UUID, question_id: uuid.UUID) -> None:
    """Run, or wait for, every unfinished job of the question's answers and attempts (their
    analyses, their judgements) until none is left."""
    runner = JobRunner(runtime)
    waited: set[uuid.UUID] = set()
    swept = 0.0
    while True:
        if time.monotonic() - swept > runtime.settings.job_lease_seconds / 2:
            sweep(runtime)  # a job a stopped process held goes back to the queue
            swept = time.monotonic()
        with runtime.database.transaction() as db:
            pending = _pending(db, user_id, question_id)
        if not pending:
            return
        due = next((job for job in pending if job.due), None)
        if due is not None:
            _run(runtime, runner, due)
            continue
        for job in pending:
            if job.id not in waited:
                waited.add(job.id)
                _say(f"Waiting: {DOING.get(job.kind, job.kind)} ({_why_waiting(job)}).")
        time.sleep(POLL_SECONDS)


def _why_waiting(job: _Pending) -> str:
    if job.status is JobStatus.RUNNING:
        return "another process is running it"
    seconds = max((job.run_after - utcnow()).total_seconds(), 0.0)
    return f"it failed and is tried again in {seconds:.0f} s"


def _pending(db: Session, user_id: uuid.UUID, question_id: uuid.UUID) -> list[_Pending]:
    """The user's unfinished jobs about this question: an answer's or attempt's analysis or
    grading (``answer_id``), or a judgement of the question's answers (``question_id``)."""
    answers = {str(a.id) for a in interviews.answers_to(db, question_id)}
    answers |= {str(a.id) for a in interviews.attempts_at(db, question_id)}
    return [
        _Pending(job.id, job.kind, job.status, job.run_after)
        for job in jobs.unfinished_of(db, user_id)
        if job.payload.get("answer_id") in answers
        or job.payload.get("question_id") == str(question_id)
    ]


def _run(runtime: Runtime, runner: JobRunner, job: _Pending) -> None:
    """Run ``job`` here, its progress shown as a bar, and say how it ended."""
    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="practice-job") as pool:
        running: Future[JobStatus | None] = pool.submit(runner.run, job.id)
        label = DOING.get(job.kind, job.kind)
        with typer.progressbar(length=100, label=label, file=sys.stderr) as bar:
            shown = 0
            while not running.done():
                time.sleep(POLL_SECONDS)
                done = max(_percent(runtime, job.id), shown)
                bar.update(done - shown)
                shown = done
            bar.update(100 - shown)
        status = running.result()
    seconds = time.perf_counter() - began
    if status is None:
        return  # another process took it first: waited for with the others
    with runtime.database.transaction() as db:
        error = db.get_one(Job, job.id).error
    if status is JobStatus.DONE:
        _say(f"  done in {seconds:.1f} s")
    elif status is JobStatus.QUEUED:
        _say(f"  failed ({error}); it is tried again in a moment")
    else:
        _say(f"  failed: {error}")


def _percent(runtime: Runtime, job_id: uuid.UUID) -> int:
    with runtime.database.transaction() as db:
        return int(db.get_one(Job, job_id).progress * 100)


def _say(line: str) -> None:
    typer.echo(line, err=True)
