"""Keeping a finished assignment attempt's report current for its coaches' class view.

A member often finishes an attempt while its last recordings are still being analysed and
judged; the report kept when it was finished would then show the class view unjudged answers
for ever. Each analysis or verdict kept afterwards queues the report's rebuilding
(``reports.service.refresh_attempt``), which only a completed attempt at an assignment needs.
"""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from rehearse.interviews.models import Answer, InterviewSession, SessionStatus
from rehearse.jobs.queue import JobQueue
from rehearse.jobs.service import enqueue

REFRESH_ATTEMPT = "report.refresh_attempt"


def queue_refresh(db: Session, queue: JobQueue, answer_id: uuid.UUID) -> None:
    """Queue the rebuilding of the report of the answer's session, if it is a completed
    attempt at an assignment."""
    answer = db.get(Answer, answer_id)
    interview = db.get(InterviewSession, answer.session_id) if answer is not None else None
    if (
        interview is None
        or interview.assignment_id is None
        or interview.status is not SessionStatus.COMPLETED
    ):
        return
    enqueue(
        db,
        queue,
        kind=REFRESH_ATTEMPT,
        payload={"session_id": str(interview.id)},
        user_id=interview.user_id,
    )
