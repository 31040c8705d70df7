"""Jobs put in the states the sweeper meets, written to the real store."""

from __future__ import annotations

import uuid

from sqlalchemy import update
from sqlalchemy.orm import Session

from rehearse.jobs import repository
from rehearse.jobs.models import Job


def orphan(db: Session, job_id: uuid.UUID) -> None:
    """Make the queued job ``job_id`` one that a worker on another host claimed and then went
    quiet on (no heartbeat): the sweeper puts it back in the queue."""
    repository.claim(db, job_id, "elsewhere:1:abc")
    db.execute(update(Job).where(Job.id == job_id).values(heartbeat_at=None))


def orphan_on_its_last_attempt(db: Session, job_id: uuid.UUID) -> None:
    """As ``orphan``, on the job's last attempt: the sweeper fails it for good."""
    job = db.get_one(Job, job_id)
    db.execute(update(Job).where(Job.id == job_id).values(attempts=job.max_attempts - 1))
    orphan(db, job_id)
