"""What a running job sees: its payload, the runtime's services, and a way to report progress."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from rehearse.jobs import repository
from rehearse.jobs.host import JobHost

Host = TypeVar("Host", bound=JobHost)

_PROGRESS_INTERVAL_SECONDS = 0.5


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
    _last_report: float = field(default=0.0, repr=False)

    def progress(self, fraction: float, stage: str = "", *, force: bool = False) -> None:
        """Record how far the job is (0..1) and what it is doing; throttled to twice a second."""
        now = time.monotonic()
        if not force and now - self._last_report < _PROGRESS_INTERVAL_SECONDS:
            return
        self._last_report = now
        with self.runtime.database.transaction() as session:
            repository.record_progress(session, self.job_id, min(max(fraction, 0.0), 1.0), stage)
