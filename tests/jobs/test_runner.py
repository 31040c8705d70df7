"""Running a job: claimed once, retried on unexpected errors, failed with a message on bad input."""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy import select, update

from rehearse.accounts.models import User
from rehearse.jobs import repository
from rehearse.jobs.models import Job, JobStatus
from rehearse.jobs.runner import JobRunner, retry_delay, sweep
from rehearse.jobs.service import enqueue
from rehearse.runtime import Runtime
from rehearse.store.base import utcnow
from tests.jobs import handlers  # registers the test.* kinds
from tests.support.jobs import orphan_on_its_last_attempt


def _enqueue(runtime: Runtime, kind: str, payload: dict[str, object] | None = None) -> uuid.UUID:
    with runtime.database.transaction() as session:
        return enqueue(session, runtime.queue, kind=kind, payload=payload or {}).id


def _job(runtime: Runtime, job_id: uuid.UUID) -> Job:
    with runtime.database.sessions() as session:
        return session.get_one(Job, job_id)


def _told(runtime: Runtime) -> list[str]:
    """The errors the failing test kinds were told of when the queue gave up on them."""
    with runtime.database.sessions() as session:
        users = session.scalars(select(User).where(User.email.endswith(handlers.GAVE_UP_DOMAIN)))
        return [user.display_name for user in users]


def _make_due(runtime: Runtime, job_id: uuid.UUID) -> None:
    with runtime.database.transaction() as session:
        session.execute(update(Job).where(Job.id == job_id).values(run_after=utcnow()))


def test_a_job_runs_and_records_its_result(runtime: Runtime) -> None:
    job_id = _enqueue(runtime, "test.echo", {"value": 42})
    assert JobRunner(runtime).run(job_id) is JobStatus.DONE
    job = _job(runtime, job_id)
    assert (job.status, job.result, job.attempts) == (JobStatus.DONE, {"echo": 42, "attempt": 1}, 1)
    assert job.progress == 1.0
    assert job.finished_at is not None


def test_a_job_is_claimed_only_once(runtime: Runtime) -> None:
    job_id = _enqueue(runtime, "test.echo", {"value": 1})
    with runtime.database.transaction() as session:
        assert repository.claim(session, job_id, "worker-a")
    with runtime.database.transaction() as session:
        assert not repository.claim(session, job_id, "worker-b")
    assert JobRunner(runtime).run(job_id) is None  # a redelivered message does nothing


def test_an_unexpected_error_is_retried_later_then_succeeds(runtime: Runtime) -> None:
    job_id = _enqueue(runtime, "test.flaky", {"succeed_on": 2})
    runner = JobRunner(runtime)
    assert runner.run(job_id) is JobStatus.QUEUED
    job = _job(runtime, job_id)
    assert job.error == "ConnectionError: transient failure on attempt 1"
    assert job.run_after > utcnow() + timedelta(seconds=retry_delay(1) - 2)
    assert runner.run(job_id) is None  # not due yet
    _make_due(runtime, job_id)
    assert runner.run(job_id) is JobStatus.DONE
    assert _job(runtime, job_id).attempts == 2
    assert _told(runtime) == []  # a retry is not giving up


def test_a_job_fails_once_its_attempts_are_spent(runtime: Runtime) -> None:
    job_id = _enqueue(runtime, "test.flaky", {"succeed_on": 99})
    runner = JobRunner(runtime)
    for _ in range(runtime.settings.job_max_attempts):
        _make_due(runtime, job_id)
        runner.run(job_id)
    job = _job(runtime, job_id)
    assert job.status is JobStatus.FAILED
    assert "gave up after 3 attempts" in job.error
    assert _told(runtime) == [job.error]


def test_bad_input_fails_at_once_with_the_users_message(runtime: Runtime) -> None:
    job_id = _enqueue(runtime, "test.bad_input")
    assert JobRunner(runtime).run(job_id) is JobStatus.FAILED
    job = _job(runtime, job_id)
    assert (job.error, job.attempts) == ("The recording is not audio.", 1)
    assert _told(runtime) == [job.error]


def test_a_gave_up_that_fails_is_undone_and_the_job_still_fails(runtime: Runtime) -> None:
    job_id = _enqueue(runtime, "test.told_badly")
    assert JobRunner(runtime).run(job_id) is JobStatus.FAILED
    assert _job(runtime, job_id).error == "The recording is not audio."
    assert _told(runtime) == []  # its write went with it


def test_progress_is_visible_while_the_job_runs(runtime: Runtime) -> None:
    job_id = _enqueue(runtime, "test.progress")
    JobRunner(runtime).run(job_id)
    assert _job(runtime, job_id).result == {"seen": [0.25, "decoding"]}


def test_a_job_whose_worker_stopped_heartbeating_is_requeued(runtime: Runtime) -> None:
    job_id = _enqueue(runtime, "test.echo", {"value": 7})
    with runtime.database.transaction() as session:
        repository.claim(session, job_id, "elsewhere:1:abc")
        session.execute(
            update(Job)
            .where(Job.id == job_id)
            .values(
                heartbeat_at=utcnow() - timedelta(seconds=runtime.settings.job_lease_seconds + 1)
            )
        )
    assert sweep(runtime) == 1
    job = _job(runtime, job_id)
    assert job.status is JobStatus.QUEUED
    assert "no heartbeat" in job.error
    assert JobRunner(runtime).run(job_id) is JobStatus.DONE


def test_a_job_of_a_dead_local_process_is_requeued_at_once(runtime: Runtime) -> None:
    import socket  # noqa: PLC0415

    job_id = _enqueue(runtime, "test.echo", {"value": 7})
    dead_pid = 2**22 + 17  # above the kernel's pid_max default, so never a live process
    with runtime.database.transaction() as session:
        repository.claim(session, job_id, f"{socket.gethostname()}:{dead_pid}:abc")
    assert sweep(runtime) == 1
    assert "stopped before finishing" in _job(runtime, job_id).error


def test_a_live_job_is_left_alone_by_the_sweeper(runtime: Runtime) -> None:
    job_id = _enqueue(runtime, "test.echo", {"value": 7})
    with runtime.database.transaction() as session:
        repository.claim(session, job_id, "elsewhere:1:abc")
    assert sweep(runtime) == 0
    assert _job(runtime, job_id).status is JobStatus.RUNNING


def test_an_orphan_with_no_attempts_left_fails(runtime: Runtime) -> None:
    job_id = _enqueue(runtime, "test.flaky", {"succeed_on": 1})
    with runtime.database.transaction() as session:
        orphan_on_its_last_attempt(session, job_id)
    assert sweep(runtime) == 0
    job = _job(runtime, job_id)
    assert job.status is JobStatus.FAILED
    assert "gave up after 3 attempts" in job.error
    assert _told(runtime) == [job.error]


def test_an_orphan_its_worker_finished_after_the_sweeper_saw_it_is_left_as_finished(
    runtime: Runtime,
) -> None:
    job_id = _enqueue(runtime, "test.flaky", {"succeed_on": 1})
    with runtime.database.transaction() as session:
        orphan_on_its_last_attempt(session, job_id)
    with runtime.database.sessions() as session:
        seen = session.get_one(Job, job_id)  # as the sweeper read it: running, no heartbeat
        session.expunge(seen)
    with runtime.database.transaction() as session:  # its worker was slow, not dead
        assert repository.finish(session, job_id, seen.worker, status=JobStatus.DONE)
    with runtime.database.transaction() as session:
        assert repository.release_orphan(session, seen, reason="no heartbeat") is None
    assert _job(runtime, job_id).status is JobStatus.DONE
    assert _told(runtime) == []
