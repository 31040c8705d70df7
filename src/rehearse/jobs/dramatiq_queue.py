"""The scaled-out queue: Dramatiq on Redis, consumed by ``rehearse worker`` on any machine.

Messages carry only the job id. Dramatiq's own retries and time limits are off: the job
row counts attempts, and the sweeper (run by every worker) requeues jobs whose worker died.
"""

from __future__ import annotations

import threading
import uuid
from typing import TYPE_CHECKING, Any

import dramatiq
import structlog
from dramatiq.brokers.redis import RedisBroker

from rehearse.errors import ServiceUnavailable
from rehearse.jobs.queue import JobQueue
from rehearse.jobs.runner import JobRunner, sweep

if TYPE_CHECKING:
    from rehearse.jobs.host import JobHost

_log = structlog.get_logger(__name__)
ACTOR_NAME = "rehearse.run_job"
QUEUE_NAME = "jobs"


class DramatiqQueue(JobQueue):
    name = "dramatiq-redis"

    def __init__(self, runtime: JobHost, url: str) -> None:
        self.runtime = runtime
        self.max_attempts = runtime.settings.job_max_attempts
        self.broker = RedisBroker(
            url=url,
            namespace=runtime.settings.queue_namespace,
            middleware=[],
            heartbeat_timeout=int(runtime.settings.job_lease_seconds * 1000),
        )
        self._runner = JobRunner(runtime)
        self._actor: Any = dramatiq.Actor(
            self._run,
            broker=self.broker,
            actor_name=ACTOR_NAME,
            queue_name=QUEUE_NAME,
            priority=0,
            options={},
        )
        self._worker: Any = None
        self._stopping = threading.Event()
        self._sweeper: threading.Thread | None = None

    def _run(self, job_id: str) -> None:
        self._runner.run(uuid.UUID(job_id))

    def dispatch(self, job_id: uuid.UUID, *, delay_seconds: float = 0.0) -> None:
        delay = int(delay_seconds * 1000) or None
        self._actor.send_with_options(args=(str(job_id),), delay=delay)

    def start(self) -> None:
        self._stopping.clear()
        self._worker = dramatiq.Worker(
            self.broker, worker_threads=self.runtime.settings.worker_threads
        )
        self._worker.start()
        self._sweeper = threading.Thread(
            target=self._sweep_forever, name="job-sweeper", daemon=True
        )
        self._sweeper.start()

    def stop(self) -> None:
        self._stopping.set()
        if self._worker is not None:
            self._worker.stop()
            self._worker = None
        if self._sweeper is not None:
            self._sweeper.join(timeout=10)
            self._sweeper = None
        self.broker.close()

    def check(self) -> None:
        try:
            self.broker.client.ping()
        except Exception as exc:
            raise ServiceUnavailable(f"The Redis job queue cannot be reached: {exc}") from exc

    def _sweep_forever(self) -> None:
        interval = max(self.runtime.settings.job_lease_seconds / 2, 0.5)
        while True:
            try:
                requeued = sweep(self.runtime)
                if requeued:
                    _log.info("jobs.requeued", count=requeued)
            except Exception:
                _log.exception("jobs.sweep_failed")
            if self._stopping.wait(interval):
                return
