"""The embedded queue runs jobs on threads of the server process."""

from __future__ import annotations

import os
import sys
import threading
import uuid
from pathlib import Path

import pytest

from rehearse.config import Settings
from rehearse.errors import ServiceUnavailable
from rehearse.jobs.models import Job, JobStatus
from rehearse.jobs.service import enqueue
from rehearse.runtime import Runtime
from tests.conftest import make_settings
from tests.jobs import handlers  # noqa: F401  (registers the test.* kinds)
from tests.support.waiting import wait_until


def _status(runtime: Runtime, job_id: uuid.UUID) -> JobStatus:
    with runtime.database.sessions() as session:
        return session.get_one(Job, job_id).status


def test_a_job_enqueued_while_running_is_done_in_the_background(runtime: Runtime) -> None:
    runtime.queue.start()
    with runtime.database.transaction() as session:
        job_id = enqueue(session, runtime.queue, kind="test.echo", payload={"value": 1}).id
    wait_until(lambda: _status(runtime, job_id) is JobStatus.DONE, "the job to finish")


def test_jobs_queued_while_stopped_run_when_the_worker_starts(runtime: Runtime) -> None:
    with runtime.database.transaction() as session:
        job_ids = [
            enqueue(session, runtime.queue, kind="test.echo", payload={"value": n}).id
            for n in range(3)
        ]
    runtime.queue.start()
    wait_until(
        lambda: all(_status(runtime, job_id) is JobStatus.DONE for job_id in job_ids),
        "the queued jobs to finish",
    )


def test_readiness_fails_when_the_worker_is_not_running(runtime: Runtime) -> None:
    runtime.queue.start()
    runtime.queue.check()
    runtime.queue.stop()
    with pytest.raises(ServiceUnavailable, match="not running"):
        runtime.queue.check()


def test_analysis_jobs_run_nicer_than_requests_by_default() -> None:
    assert Settings(_env_file=None).job_nice > 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread priorities")
def test_the_worker_runs_nicer_than_the_server(tmp_path: Path, database_url: str) -> None:
    # The suite's settings run jobs at the server's priority (tests/conftest.py); a deployment's
    # run them nicer, as here.
    runtime = Runtime(make_settings(tmp_path / "data", database_url, job_nice=10))
    server = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    runtime.queue.start()
    try:
        workers = [t for t in threading.enumerate() if t.name.startswith("job-worker-")]
        assert workers
        wait_until(
            lambda: (
                all(
                    t.native_id and os.getpriority(os.PRIO_PROCESS, t.native_id) > server
                    for t in workers
                )
                or server == 19
            ),
            "the worker threads to lower their priority",
        )
    finally:
        runtime.close()
