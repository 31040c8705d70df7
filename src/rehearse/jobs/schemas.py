"""The job as its owner sees it: status and progress."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict

from rehearse.jobs.models import JobStatus
from rehearse.jobs.wait import Wait


class JobPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    kind: str
    status: JobStatus
    progress: float
    stage: str
    attempts: int
    max_attempts: int
    error: str
    result: dict[str, Any]
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None


class JobWait(BaseModel):
    """The caller's place in the line of one kind of job; ``yours`` 0 when none is unfinished."""

    yours: int
    ahead: int
    seconds: float | None
    text: str  # as the pages say it: "3 answers ahead of yours, about 1 minute"

    @classmethod
    def of(cls, wait: Wait | None) -> JobWait:
        if wait is None:
            return cls(yours=0, ahead=0, seconds=None, text="")
        return cls(yours=wait.yours, ahead=wait.ahead, seconds=wait.seconds, text=wait.describe())
