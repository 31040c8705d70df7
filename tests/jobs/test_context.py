"""What a running job sees: progress that a busy database cannot take is skipped, and the
rule that says whether the queue will run a failed job again."""

from __future__ import annotations

import threading
import uuid

import pytest

from rehearse.accounts.models import User
from rehearse.errors import ServiceUnavailable, UnsupportedMediaType
from rehearse.jobs.context import JobContext
from rehearse.jobs.models import Job
from rehearse.jobs.service import enqueue
from rehearse.runtime import Runtime
from tests.support.waiting import GUARD_SECONDS


def _context(runtime: Runtime, attempt: int = 1, max_attempts: int = 3) -> JobContext[Runtime]:
    with runtime.database.transaction() as session:
        job = enqueue(session, runtime.queue, kind="test.echo", payload={"value": 1})
    return JobContext(job.id, job.kind, {}, None, attempt, runtime, max_attempts)


def _progress(runtime: Runtime, job_id: uuid.UUID) -> tuple[float, str]:
    with runtime.database.sessions() as session:
        job = session.get_one(Job, job_id)
        return job.progress, job.stage


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # its write turn
def test_progress_the_database_is_too_busy_to_take_is_skipped_and_the_job_goes_on(
    impatient_runtime: Runtime,
) -> None:
    context = _context(impatient_runtime)
    raised: list[BaseException] = []

    def report() -> None:  # on a thread of its own, as a job's work is
        try:
            context.progress(0.5, "decoding", force=True)
        except BaseException as exc:  # any error is the failure shown
            raised.append(exc)

    with impatient_runtime.database.transaction() as writer:
        writer.add(User(email="busy@example.com", password_hash="x"))
        writer.flush()  # this transaction now holds SQLite's one write turn
        reporting = threading.Thread(target=report)
        reporting.start()
        reporting.join(timeout=GUARD_SECONDS)
    assert raised == []
    assert _progress(impatient_runtime, context.job_id) == (0.0, "")  # skipped, not waited for
    context.progress(0.75, "measuring", force=True)
    assert _progress(impatient_runtime, context.job_id) == (0.75, "measuring")


def test_the_queue_runs_a_job_again_after_anything_but_bad_input_while_attempts_are_left(
    runtime: Runtime,
) -> None:
    busy = ServiceUnavailable("The database is busy with other changes.")
    bad_input = UnsupportedMediaType("The recording is not audio.")
    first, last = _context(runtime, attempt=1), _context(runtime, attempt=3)
    assert first.will_retry(busy)
    assert first.will_retry(ConnectionError("reset"))
    assert not first.will_retry(bad_input)
    assert not last.will_retry(busy)
