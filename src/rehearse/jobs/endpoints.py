"""Job routes: ``/api/jobs/{job_id}`` for status and progress, ``/api/jobs/wait`` for the
caller's place in the line of one kind of job."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from rehearse.errors import ValidationFailed
from rehearse.jobs import service
from rehearse.jobs.registry import handler_for
from rehearse.jobs.schemas import JobPublic, JobWait
from rehearse.jobs.wait import wait_for
from rehearse.web.deps import CurrentUser, SessionDep

router = APIRouter(prefix="/api/jobs", tags=["jobs"])


@router.get(
    "/wait",
    summary="How many jobs of a kind are in line before the caller's, and about how long "
    "until the caller's are done (e.g. kind=answer.judge_content, the content judge)",
)
def get_wait(
    kind: Annotated[str, Query(max_length=64)], user: CurrentUser, session: SessionDep
) -> JobWait:
    try:
        handler_for(kind)
    except LookupError:
        raise ValidationFailed(f"No job is of the kind {kind!r}.") from None
    return JobWait.of(wait_for(session, user.id, kind))


@router.get("/{job_id}", summary="A background job's status, progress and current stage")
def get_job(job_id: uuid.UUID, user: CurrentUser, session: SessionDep) -> JobPublic:
    return JobPublic.model_validate(service.get_job(session, user_id=user.id, job_id=job_id))
