"""The interface every job queue implements."""

from __future__ import annotations

import uuid
from abc import ABC, abstractmethod


class JobQueue(ABC):
    """Hands job ids to whatever runs them; the job rows themselves live in the store."""

    name: str
    max_attempts: int

    @abstractmethod
    def dispatch(self, job_id: uuid.UUID, *, delay_seconds: float = 0.0) -> None:
        """Ask for ``job_id`` to be run (again) after ``delay_seconds``."""

    @abstractmethod
    def start(self) -> None:
        """Start running jobs in this process."""

    @abstractmethod
    def stop(self) -> None:
        """Stop running jobs here; a job in flight finishes or is picked up again later."""

    @abstractmethod
    def check(self) -> None:
        """Raise ServiceUnavailable unless jobs can be queued now."""
