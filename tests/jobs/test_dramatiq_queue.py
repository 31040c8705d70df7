"""The scaled-out queue: jobs travel through the real Redis to Dramatiq worker threads."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from rehearse.errors import ServiceUnavailable
from rehearse.jobs.models import Job, JobStatus
from rehearse.jobs.service import enqueue
from rehearse.runtime import Runtime
from tests.conftest import REDIS_URL, make_settings
from tests.jobs import handlers  # noqa: F401  (registers the test.* kinds)
from tests.support.waiting import wait_until

pytestmark = pytest.mark.redis


def _runtime(tmp_path: Path, database_url: str, namespace: str, **overrides: object) -> Runtime:
    return Runtime(
        make_settings(
            tmp_path / "data",
            database_url,
            queue_url=REDIS_URL,
            queue_namespace=namespace,
            **overrides,
        )
    )


@pytest.fixture
def producer(tmp_path: Path, database_url: str, redis_namespace: str) -> Iterator[Runtime]:
    """The API side: it only sends."""
    runtime = _runtime(tmp_path, database_url, redis_namespace)
    yield runtime
    runtime.close()


@pytest.fixture
def worker(tmp_path: Path, database_url: str, redis_namespace: str) -> Iterator[Runtime]:
    """A worker: Dramatiq threads consuming from Redis."""
    runtime = _runtime(tmp_path, database_url, redis_namespace, job_retry_seconds=0.2)
    runtime.queue.start()
    yield runtime
    runtime.close()


def _status(runtime: Runtime, job_id: uuid.UUID) -> Job:
    with runtime.database.sessions() as session:
        return session.get_one(Job, job_id)


def test_a_job_sent_through_redis_is_run_by_a_worker(producer: Runtime, worker: Runtime) -> None:
    with producer.database.transaction() as session:
        job_id = enqueue(session, producer.queue, kind="test.echo", payload={"value": "hi"}).id
    wait_until(lambda: _status(producer, job_id).status is JobStatus.DONE, "the job to run")
    assert _status(producer, job_id).result == {"echo": "hi", "attempt": 1}


def test_a_retry_is_delayed_through_redis_and_succeeds(producer: Runtime, worker: Runtime) -> None:
    with producer.database.transaction() as session:
        job_id = enqueue(session, producer.queue, kind="test.flaky", payload={"succeed_on": 2}).id
    wait_until(lambda: _status(producer, job_id).status is JobStatus.DONE, "the retry")
    assert _status(producer, job_id).attempts == 2


def test_nothing_is_sent_when_the_transaction_rolls_back(
    producer: Runtime, worker: Runtime
) -> None:
    with pytest.raises(RuntimeError), producer.database.transaction() as session:
        enqueue(session, producer.queue, kind="test.echo", payload={"value": 1})
        raise RuntimeError("request failed")
    with producer.database.sessions() as session:
        assert session.query(Job).count() == 0


def test_readiness_reports_an_unreachable_redis(tmp_path: Path, database_url: str) -> None:
    runtime = Runtime(
        make_settings(tmp_path / "data", database_url, queue_url="redis://127.0.0.1:1/0")
    )
    with pytest.raises(ServiceUnavailable, match="Redis job queue cannot be reached"):
        runtime.queue.check()
