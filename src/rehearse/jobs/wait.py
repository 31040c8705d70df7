"""How long a user's jobs of one kind will take: how many of everyone's jobs of that kind are
in line before theirs, and a time estimate from how long recent jobs took.

The line is the job rows themselves, every kind in it (oldest first, as the workers take them:
an answer's judgement waits behind other answers' analyses too), so the estimate holds across
every worker and the embedded queue alike. The time is the work left in the line up to the
user's last job of the kind (a queued job its kind's recent mean, a running one what remains
of it), shared among the jobs running now, or the workers that ran the recent jobs when more:
several workers, or one server's several slots, take several at once."""

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

RECENT_JOBS = 100  # the finished jobs whose durations make the estimate
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
        select(Job.kind, Job.user_id, Job.status, Job.started_at)
        .where(Job.status.in_(_UNFINISHED))
        .order_by(Job.created_at, Job.id)
    ).all()
    places = [i for i, job in enumerate(line) if job.kind == kind and job.user_id == user_id]
    if not places:
        return None
    ahead = sum(1 for job in line[: places[0]] if job.kind == kind)
    recent = _recent(session, now)
    if recent is None or kind not in recent[0]:
        return Wait(len(places), ahead, None)
    typical, workers = recent
    work = sum(
        _left(job.status, job.started_at, typical.get(job.kind, 0.0), now)
        for job in line[: places[-1] + 1]
    )
    running = sum(1 for job in line if job.status is JobStatus.RUNNING)
    return Wait(len(places), ahead, work / max(running, workers))


def _recent(session: Session, now: datetime) -> tuple[dict[str, float], int] | None:
    """The mean time each kind's recent finished jobs ran, and how many workers ran them (the
    jobs taken at once when the line is long); None when none finished lately."""
    took = session.execute(
        select(Job.kind, Job.started_at, Job.finished_at, Job.worker)
        .where(
            Job.status == JobStatus.DONE,
            Job.finished_at >= now - RECENT_WINDOW,
            Job.started_at.is_not(None),
        )
        .order_by(Job.finished_at.desc())
        .limit(RECENT_JOBS)
    ).all()
    seconds: dict[str, list[float]] = {}
    for job_kind, start, end, _ in took:
        if start and end:
            seconds.setdefault(job_kind, []).append((end - start).total_seconds())
    if not seconds:
        return None
    return {k: fmean(v) for k, v in seconds.items()}, len({job.worker for job in took})


def _left(status: JobStatus, started: datetime | None, typical: float, now: datetime) -> float:
    if status is not JobStatus.RUNNING or started is None:
        return typical
    return max(typical - (now - started).total_seconds(), _RUNNING_FLOOR * typical)
