"""Running one job: claim it, keep its heartbeat, call its handler, record how it ended."""

from __future__ import annotations

import os
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import TYPE_CHECKING

import structlog

from rehearse.errors import RehearseError
from rehearse.jobs import repository
from rehearse.jobs.context import JobContext
from rehearse.jobs.models import Job, JobStatus
from rehearse.jobs.registry import handler_for, tell_gave_up
from rehearse.observability import metrics
from rehearse.store.base import utcnow
from rehearse.store.database import after_commit

if TYPE_CHECKING:
    from rehearse.jobs.host import JobHost

_log = structlog.get_logger(__name__)
_MAX_BACKOFF_SECONDS = 300.0


def worker_identity() -> str:
    """host:pid:nonce, so a dead worker on this host can be recognised by its pid."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def retry_delay(attempt: int, base_seconds: float = 5.0) -> float:
    """Exponential backoff: base, 2 x base, 4 x base ... at most five minutes."""
    return min(base_seconds * 2.0 ** (attempt - 1), _MAX_BACKOFF_SECONDS)


def _is_dead_local_worker(worker: str) -> bool:
    host, _, rest = worker.partition(":")
    pid_text = rest.partition(":")[0]
    if host != socket.gethostname() or not pid_text.isdigit():
        return False
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


class JobRunner:
    def __init__(self, runtime: JobHost, worker: str | None = None) -> None:
        self.runtime = runtime
        self.worker = worker or worker_identity()

    def run(self, job_id: uuid.UUID) -> JobStatus | None:
        """Run ``job_id`` if it is due and nobody else has it; return how it ended."""
        database = self.runtime.database
        with database.transaction() as session:
            if not repository.claim(session, job_id, self.worker):
                return None
            job = session.get_one(Job, job_id)
            context = JobContext(
                job_id=job.id,
                kind=job.kind,
                payload=dict(job.payload),
                user_id=job.user_id,
                attempt=job.attempts,
                runtime=self.runtime,
                max_attempts=job.max_attempts,
            )
        log = _log.bind(job_id=str(job_id), kind=context.kind, attempt=context.attempt)
        log.info("job.started")
        started = time.perf_counter()
        with self._heartbeat(job_id):
            status = self._execute(context, log)
        metrics.JOBS_FINISHED.labels(kind=context.kind, status=status.value).inc()
        metrics.JOB_SECONDS.labels(kind=context.kind).observe(time.perf_counter() - started)
        return status

    def _execute(self, context: JobContext[JobHost], log: structlog.BoundLogger) -> JobStatus:
        failure: Exception
        try:
            result = handler_for(context.kind)(context)
        except RehearseError as exc:
            if exc.status_code < 500:
                log.info("job.rejected", error=exc.message)
                return self._finish(context, JobStatus.FAILED, error=exc.message)
            error, failure = exc.message, exc
            log.exception("job.error")
        except Exception as exc:
            error, failure = f"{type(exc).__name__}: {exc}", exc
            log.exception("job.error")
        else:
            log.info("job.done")
            return self._finish(context, JobStatus.DONE, result=result)
        if not context.will_retry(failure):
            return self._finish(
                context,
                JobStatus.FAILED,
                error=f"{error} (gave up after {context.attempt} attempts)",
            )
        delay = retry_delay(context.attempt, self.runtime.settings.job_retry_seconds)
        with self.runtime.database.transaction() as session:
            if repository.finish(
                session,
                context.job_id,
                self.worker,
                status=JobStatus.QUEUED,
                error=error,
                retry_at=utcnow() + timedelta(seconds=delay),
            ):
                after_commit(
                    session,
                    lambda: self.runtime.queue.dispatch(context.job_id, delay_seconds=delay),
                )
        log.info("job.retry_scheduled", delay_seconds=delay)
        return JobStatus.QUEUED

    def _finish(
        self,
        context: JobContext[JobHost],
        status: JobStatus,
        *,
        error: str = "",
        result: dict[str, object] | None = None,
    ) -> JobStatus:
        with self.runtime.database.transaction() as session:
            finished = repository.finish(
                session, context.job_id, self.worker, status=status, error=error, result=result
            )
            if finished and status is JobStatus.FAILED:
                tell_gave_up(session, context.kind, context.payload, error)
        return status

    @contextmanager
    def _heartbeat(self, job_id: uuid.UUID) -> Iterator[None]:
        """Beat every quarter lease so sweepers can tell a live job from an orphan."""
        interval = max(self.runtime.settings.job_lease_seconds / 4, 0.2)
        stop = threading.Event()

        def beat() -> None:
            while not stop.wait(interval):
                try:
                    with self.runtime.database.transaction() as session:
                        repository.heartbeat(session, job_id, self.worker)
                except Exception:
                    _log.warning("job.heartbeat_failed", job_id=str(job_id), exc_info=True)

        thread = threading.Thread(target=beat, name=f"heartbeat-{job_id}", daemon=True)
        thread.start()
        try:
            yield
        finally:
            stop.set()
            thread.join()


def sweep(runtime: JobHost) -> int:
    """Requeue jobs whose worker died and re-dispatch queued jobs whose message was lost.

    Returns how many jobs were handed to the queue again.
    """
    lease = runtime.settings.job_lease_seconds
    cutoff = repository.expired_lease_cutoff(lease)
    redispatch: list[uuid.UUID] = []
    with runtime.database.transaction() as session:
        for job in repository.running(session):
            if _is_dead_local_worker(job.worker):
                reason = "its worker process stopped before finishing"
            elif job.heartbeat_at is None or job.heartbeat_at < cutoff:
                reason = f"its worker sent no heartbeat for {lease:.0f} s"
            else:
                continue
            released = repository.release_orphan(session, job, reason=reason)
            if released is None:  # finished or released meanwhile
                continue
            status, error = released
            if status is JobStatus.FAILED:
                tell_gave_up(session, job.kind, dict(job.payload), error)
            _log.warning("job.orphaned", job_id=str(job.id), worker=job.worker, requeued=status)
            if status is JobStatus.QUEUED:
                redispatch.append(job.id)
        redispatch.extend(repository.stale_queued_ids(session, timedelta(seconds=lease)))
    for job_id in redispatch:
        runtime.queue.dispatch(job_id)
    return len(redispatch)
