"""The embedded queue: threads inside the server process take due jobs from the store."""

from __future__ import annotations

import threading
import uuid
from typing import TYPE_CHECKING

import structlog

from rehearse.errors import ServiceUnavailable
from rehearse.jobs import repository
from rehearse.jobs.priority import lower_this_thread
from rehearse.jobs.queue import JobQueue
from rehearse.jobs.runner import JobRunner, sweep

if TYPE_CHECKING:
    from rehearse.jobs.host import JobHost

_log = structlog.get_logger(__name__)


class InProcessQueue(JobQueue):
    """Polls the job table; ``dispatch`` only wakes the threads up early."""

    name = "in-process"

    def __init__(self, runtime: JobHost) -> None:
        self.runtime = runtime
        self.max_attempts = runtime.settings.job_max_attempts
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._threads: list[threading.Thread] = []

    def dispatch(self, job_id: uuid.UUID, *, delay_seconds: float = 0.0) -> None:
        self._wake.set()

    def start(self) -> None:
        if self._threads:
            return
        self._stopping.clear()
        recovered = sweep(self.runtime)
        if recovered:
            _log.info("jobs.recovered", count=recovered)
        for index in range(self.runtime.settings.worker_threads):
            thread = threading.Thread(target=self._work, name=f"job-worker-{index}", daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self) -> None:
        self._stopping.set()
        self._wake.set()
        for thread in self._threads:
            thread.join(timeout=30)
        self._threads.clear()

    def check(self) -> None:
        if not self._threads or not all(thread.is_alive() for thread in self._threads):
            raise ServiceUnavailable("The in-process job worker is not running.")

    def _work(self) -> None:
        settings = self.runtime.settings
        lower_this_thread(settings.job_nice)  # requests in this process come first
        runner = JobRunner(self.runtime)
        sweep_every = max(settings.job_lease_seconds / 2, settings.job_poll_seconds)
        since_sweep = 0.0
        while not self._stopping.is_set():
            due: list[uuid.UUID] = []
            try:
                with self.runtime.database.sessions() as session:
                    due = list(repository.due_ids(session, limit=10))
                for job_id in due:
                    if self._stopping.is_set():
                        return
                    runner.run(job_id)
                since_sweep += settings.job_poll_seconds
                if since_sweep >= sweep_every:
                    since_sweep = 0.0
                    sweep(self.runtime)
            except Exception:
                _log.exception("jobs.worker_loop_error")
            if not due:
                self._wake.wait(settings.job_poll_seconds)
                self._wake.clear()
