"""Job routes: ``/api/jobs/{job_id}`` for status and progress."""

from __future__ import annotations

import uuid

from fastapi import APIRouter

from rehearse.jobs import service
from rehearse.jobs.schemas import JobPublic
from rehearse.web.deps import CurrentUser, SessionDep

router = APIRouter(prefix="/api/jobs", tags=["jobs"])


@router.get("/{job_id}", summary="A background job's status, progress and current stage")
def get_job(job_id: uuid.UUID, user: CurrentUser, session: SessionDep) -> JobPublic:
    return JobPublic.model_validate(service.get_job(session, user_id=user.id, job_id=job_id))
