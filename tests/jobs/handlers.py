"""Job handlers used by the job tests, registered on import under ``test.*`` kinds; the
failing ones say when the queue gives up on them as a feature would, in the store."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.orm import Session

from rehearse.accounts.models import User
from rehearse.errors import UnsupportedMediaType
from rehearse.jobs.context import JobContext
from rehearse.jobs.host import JobHost
from rehearse.jobs.models import Job
from rehearse.jobs.registry import job_handler


@job_handler("test.echo")
def echo(context: JobContext[JobHost]) -> dict[str, Any]:
    context.progress(0.5, "halfway", force=True)
    return {"echo": context.payload["value"], "attempt": context.attempt}


GAVE_UP_DOMAIN = "@gave-up.example"


def _told(session: Session, payload: dict[str, Any], error: str) -> None:
    """Keeps the error where a test reads it, in the transaction that failed the job."""
    session.add(
        User(email=f"{uuid.uuid4().hex}{GAVE_UP_DOMAIN}", password_hash="x", display_name=error)
    )


@job_handler("test.flaky", gave_up=_told)
def flaky(context: JobContext[JobHost]) -> dict[str, Any]:
    """Fails with an unexpected error until its ``succeed_on`` attempt."""
    if context.attempt < context.payload["succeed_on"]:
        raise ConnectionError(f"transient failure on attempt {context.attempt}")
    return {"attempt": context.attempt}


@job_handler("test.progress")
def progress(context: JobContext[JobHost]) -> dict[str, Any]:
    """Reports progress, then reads its own row back as another reader would."""
    context.progress(0.25, "decoding", force=True)
    with context.runtime.database.sessions() as session:
        job = session.get_one(Job, context.job_id)
        return {"seen": [job.progress, job.stage]}


@job_handler("test.bad_input", gave_up=_told)
def bad_input(context: JobContext[JobHost]) -> dict[str, Any]:
    raise UnsupportedMediaType("The recording is not audio.")


def _told_badly(session: Session, payload: dict[str, Any], error: str) -> None:
    """Writes, then fails: a gave_up with a bug in it."""
    _told(session, payload, error)
    raise KeyError("answer_id")


@job_handler("test.told_badly", gave_up=_told_badly)
def told_badly(context: JobContext[JobHost]) -> dict[str, Any]:
    raise UnsupportedMediaType("The recording is not audio.")
