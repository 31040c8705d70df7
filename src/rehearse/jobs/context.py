"""What a running job sees: its payload, the runtime's services, and a way to report progress."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import structlog

from rehearse.errors import RehearseError, ServiceUnavailable
from rehearse.jobs import repository
from rehearse.jobs.host import JobHost

Host = TypeVar("Host", bound=JobHost)

_PROGRESS_INTERVAL_SECONDS = 0.5
_log = structlog.get_logger(__name__)


@dataclass
class JobContext(Generic[Host]):
    """A handler names the host it needs (``JobContext[Runtime]``); the job system needs only
    a ``JobHost``."""

    job_id: uuid.UUID
    kind: str
    payload: dict[str, Any]
    user_id: uuid.UUID | None
    attempt: int
    runtime: Host
    max_attempts: int = 1
    _last_report: float = field(default=0.0, repr=False)

    def will_retry(self, error: Exception) -> bool:
        """Whether the queue runs the job again after ``error``: anything but bad input (a
        RehearseError under 500), while attempts are left. When it will not, the kind's
        ``gave_up`` (registry.py) says so where the job's result was to go."""
        bad_input = isinstance(error, RehearseError) and error.status_code < 500
        return not bad_input and self.attempt < self.max_attempts

    def progress(self, fraction: float, stage: str = "", *, force: bool = False) -> None:
        """Record how far the job is (0..1) and what it is doing; throttled to twice a second.

        Progress is shown, not needed: when the database is too busy with other writes to
        take it, this report is skipped and the job goes on."""
        now = time.monotonic()
        if not force and now - self._last_report < _PROGRESS_INTERVAL_SECONDS:
            return
        self._last_report = now
        try:
            with self.runtime.database.transaction() as session:
                repository.record_progress(
                    session, self.job_id, min(max(fraction, 0.0), 1.0), stage
                )
        except ServiceUnavailable as exc:
            _log.warning("job.progress_skipped", job_id=str(self.job_id), reason=exc.message)
