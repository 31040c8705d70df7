"""Where a member stands with an assignment, from their attempts at it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Literal

from rehearse.interviews.models import InterviewSession, SessionStatus

Status = Literal["not_started", "in_progress", "done", "late"]


def attempt_status(attempts: Sequence[InterviewSession], due_at: datetime, now: datetime) -> Status:
    """Done when an attempt was completed by the due date; late when the due date passed
    without one (whether an attempt was finished after it or not); otherwise in progress
    (an attempt begun) or not started."""
    if any(_done_by(attempt, due_at) for attempt in attempts):
        return "done"
    if now > due_at or any(a.status is SessionStatus.COMPLETED for a in attempts):
        return "late"
    return "in_progress" if attempts else "not_started"


def _done_by(attempt: InterviewSession, due_at: datetime) -> bool:
    completed = attempt.completed_at
    return (
        attempt.status is SessionStatus.COMPLETED and completed is not None and completed <= due_at
    )
