"""How long a user's jobs of one kind will take: how many of everyone's jobs of that kind are
in line before theirs, and a time estimate from how long the kind's recent jobs took.

The line is the job rows themselves (oldest first, as the workers take them), so the estimate
holds across every worker and the embedded queue alike. The time is the work left in the line
(a queued job the recent mean, a running one what remains of it), shared among the jobs of
the kind running now, or the workers that ran its recent jobs when more: several workers, or
one server's several slots, take several at once."""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from statistics import fmean

from sqlalchemy import select
from sqlalchemy.orm import Session

from rehearse.jobs.models import Job, JobStatus
from rehearse.store.base import utcnow

RECENT_JOBS = 20  # the finished jobs whose durations make the estimate
RECENT_WINDOW = timedelta(hours=1)  # older durations say little about the load now
_RUNNING_FLOOR = 0.2  # a running job past its expected time still has a little left
_UNFINISHED = (JobStatus.QUEUED, JobStatus.RUNNING)


@dataclass(frozen=True)
class Wait:
    """A user's place in the line of one kind of job."""

    yours: int  # the user's jobs of the kind still queued or running
    ahead: int  # everyone's jobs of the kind in line before the user's first
    seconds: float | None  # until the user's last is done; None with no recent history

    def describe(self, noun: str = "answer") -> str:
        """The line and the time as the page says them: "3 answers ahead of yours, about 1
        minute"."""
        if self.ahead:
            line = f"{self.ahead} {noun if self.ahead == 1 else noun + 's'} ahead of yours"
        else:
            line = "none ahead of yours"
        return f"{line}, {about(self.seconds)}" if self.seconds is not None else line


def about(seconds: float) -> str:
    """A wait as a person says it: "about 20 seconds", "about 2 minutes"."""
    if seconds < 55:
        return f"about {max(5, 5 * math.ceil(seconds / 5))} seconds"
    minutes = max(1, round(seconds / 60))
    return f"about {minutes} minute{'s' if minutes > 1 else ''}"


def wait_for(session: Session, user_id: uuid.UUID, kind: str) -> Wait | None:
    """Where ``user_id``'s unfinished jobs of ``kind`` stand; None when they have none."""
    now = utcnow()
    line = session.execute(
        select(Job.user_id, Job.status, Job.started_at)
        .where(Job.kind == kind, Job.status.in_(_UNFINISHED))
        .order_by(Job.created_at, Job.id)
    ).all()
    places = [i for i, job in enumerate(line) if job.user_id == user_id]
    if not places:
        return None
    recent = _recent(session, kind, now)
    if recent is None:
        return Wait(len(places), places[0], None)
    typical, workers = recent
    work = sum(_left(job.status, job.started_at, typical, now) for job in line[: places[-1] + 1])
    running = sum(1 for job in line if job.status is JobStatus.RUNNING)
    return Wait(len(places), places[0], work / max(running, workers))


def _recent(session: Session, kind: str, now: datetime) -> tuple[float, int] | None:
    """The mean time the kind's recent finished jobs ran, and how many workers ran them (the
    jobs taken at once when the line is long); None when none finished lately."""
    took = session.execute(
        select(Job.started_at, Job.finished_at, Job.worker)
        .where(
            Job.kind == kind,
            Job.status == JobStatus.DONE,
            Job.finished_at >= now - RECENT_WINDOW,
            Job.started_at.is_not(None),
        )
        .order_by(Job.finished_at.desc())
        .limit(RECENT_JOBS)
    ).all()
    seconds = [(end - start).total_seconds() for start, end, _ in took if end and start]
    if not seconds:
        return None
    return fmean(seconds), len({worker for _, _, worker in took})


def _left(status: JobStatus, started: datetime | None, typical: float, now: datetime) -> float:
    if status is not JobStatus.RUNNING or started is None:
        return typical
    return max(typical - (now - started).total_seconds(), _RUNNING_FLOOR * typical)
