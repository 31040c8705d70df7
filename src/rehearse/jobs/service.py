"""Creating jobs and reading them back for their owner."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.orm import Session

from rehearse.errors import NotFound
from rehearse.jobs import repository
from rehearse.jobs.models import Job
from rehearse.jobs.queue import JobQueue
from rehearse.store.database import after_commit


def enqueue(
    session: Session,
    queue: JobQueue,
    *,
    kind: str,
    payload: dict[str, Any],
    user_id: uuid.UUID | None = None,
) -> Job:
    """Record a job; the queue hears of it only once the caller's transaction commits."""
    job = Job(kind=kind, payload=payload, user_id=user_id, max_attempts=queue.max_attempts)
    session.add(job)
    session.flush()
    job_id = job.id
    after_commit(session, lambda: queue.dispatch(job_id))
    return job


def get_job(session: Session, *, user_id: uuid.UUID, job_id: uuid.UUID) -> Job:
    job = repository.get_for_user(session, job_id, user_id)
    if job is None:
        raise NotFound("No such job.")
    return job
