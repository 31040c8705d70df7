"""What the job system needs of the process it runs in, named here so it never imports it.

``rehearse.runtime.Runtime`` is the one implementation: the composition root builds the queue
and hands itself over, and each job's handler sees it through its context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from rehearse.config import Settings
    from rehearse.jobs.queue import JobQueue
    from rehearse.store.database import Database


class JobHost(Protocol):
    """The settings, the store and the queue that running and sweeping jobs use."""

    @property
    def settings(self) -> Settings: ...

    @property
    def database(self) -> Database: ...

    @property
    def queue(self) -> JobQueue: ...
