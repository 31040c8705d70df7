"""All SQL about jobs. Claims are single UPDATE statements, atomic on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from rehearse.jobs.models import Job, JobStatus
from rehearse.store.base import utcnow


def claim(session: Session, job_id: uuid.UUID, worker: str) -> bool:
    """Move a due, queued job to running for ``worker``; False if someone else has it."""
    now = utcnow()
    result = session.execute(
        update(Job)
        .where(Job.id == job_id, Job.status == JobStatus.QUEUED, Job.run_after <= now)
        .values(
            status=JobStatus.RUNNING,
            attempts=Job.attempts + 1,
            worker=worker,
            started_at=now,
            heartbeat_at=now,
            updated_at=now,
        )
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def heartbeat(session: Session, job_id: uuid.UUID, worker: str) -> None:
    session.execute(
        update(Job)
        .where(Job.id == job_id, Job.worker == worker, Job.status == JobStatus.RUNNING)
        .values(heartbeat_at=utcnow())
        .execution_options(synchronize_session=False)
    )


def record_progress(session: Session, job_id: uuid.UUID, fraction: float, stage: str) -> None:
    session.execute(
        update(Job)
        .where(Job.id == job_id)
        .values(progress=fraction, stage=stage[:120], heartbeat_at=utcnow(), updated_at=utcnow())
        .execution_options(synchronize_session=False)
    )


def finish(
    session: Session,
    job_id: uuid.UUID,
    worker: str,
    *,
    status: JobStatus,
    error: str = "",
    result: dict[str, Any] | None = None,
    retry_at: datetime | None = None,
) -> bool:
    """Record the end of this worker's run; False if the job was taken from it meanwhile."""
    now = utcnow()
    values: dict[str, Any] = {"status": status, "error": error, "updated_at": now}
    if status is JobStatus.QUEUED:
        values |= {"run_after": retry_at or now, "worker": "", "heartbeat_at": None}
    else:
        values |= {"finished_at": now, "result": result or {}}
        if status is JobStatus.DONE:
            values |= {"progress": 1.0, "stage": "done"}
    outcome = session.execute(
        update(Job)
        .where(Job.id == job_id, Job.worker == worker, Job.status == JobStatus.RUNNING)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return bool(outcome.rowcount)  # type: ignore[attr-defined]


def due_ids(session: Session, limit: int) -> Sequence[uuid.UUID]:
    return session.scalars(
        select(Job.id)
        .where(Job.status == JobStatus.QUEUED, Job.run_after <= utcnow())
        .order_by(Job.run_after)
        .limit(limit)
    ).all()


def stale_queued_ids(session: Session, older_than: timedelta) -> Sequence[uuid.UUID]:
    """Queued jobs due for a while: their queue message may have been lost."""
    return session.scalars(
        select(Job.id).where(Job.status == JobStatus.QUEUED, Job.run_after <= utcnow() - older_than)
    ).all()


def unfinished_of(session: Session, user_id: uuid.UUID) -> Sequence[Job]:
    """A user's jobs still queued or running, oldest first."""
    return session.scalars(
        select(Job)
        .where(Job.user_id == user_id, Job.status.in_((JobStatus.QUEUED, JobStatus.RUNNING)))
        .order_by(Job.created_at)
    ).all()


def running(session: Session) -> Sequence[Job]:
    return session.scalars(select(Job).where(Job.status == JobStatus.RUNNING)).all()


def release_orphan(session: Session, job: Job, *, reason: str) -> tuple[JobStatus, str] | None:
    """Put a job whose worker died back in the queue, or fail it when its attempts are spent;
    how it ended, and the error recorded. None when ``job`` is no longer the run it was seen
    as (its worker finished it meanwhile, or another sweeper released it): nothing changed."""
    now = utcnow()
    exhausted = job.attempts >= job.max_attempts
    status = JobStatus.FAILED if exhausted else JobStatus.QUEUED
    error = f"{reason}; gave up after {job.attempts} attempts" if exhausted else reason
    outcome = session.execute(
        update(Job)
        .where(
            Job.id == job.id,
            Job.worker == job.worker,
            Job.attempts == job.attempts,
            Job.status == JobStatus.RUNNING,
        )
        .values(
            status=status,
            worker="",
            heartbeat_at=None,
            run_after=now,
            updated_at=now,
            finished_at=now if exhausted else None,
            error=error,
        )
        .execution_options(synchronize_session=False)
    )
    return (status, error) if outcome.rowcount else None  # type: ignore[attr-defined]


def get_for_user(session: Session, job_id: uuid.UUID, user_id: uuid.UUID) -> Job | None:
    return session.scalar(select(Job).where(Job.id == job_id, Job.user_id == user_id))


def expired_lease_cutoff(lease_seconds: float) -> datetime:
    return utcnow() - timedelta(seconds=lease_seconds)
