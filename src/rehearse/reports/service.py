"""A session's report, built on request and kept as a snapshot for progress over time."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from rehearse.feedback.report import REPORT_VERSION, Report
from rehearse.interviews.models import InterviewSession, SessionStatus
from rehearse.interviews.service import InterviewService
from rehearse.jobs.context import JobContext
from rehearse.jobs.registry import job_handler
from rehearse.reports.builder import build_report
from rehearse.reports.models import Report as StoredReport
from rehearse.reports.refresh import REFRESH_ATTEMPT
from rehearse.reports.summary import summary_of
from rehearse.runtime import Runtime
from rehearse.store.base import utcnow


class ReportService:
    def __init__(self, session: Session, runtime: Runtime, interviews: InterviewService) -> None:
        self.db = session
        self.runtime = runtime
        self.interviews = interviews

    def report(self, session_id: uuid.UUID) -> Report:
        """The session's report as of now; its data replaces the session's stored snapshot."""
        interview = self.interviews.get(session_id)
        report = build_report(self.db, self.runtime, interview)
        stored = snapshot_of(self.db, interview.id)
        if stored is None:
            stored = StoredReport(session_id=interview.id, version=REPORT_VERSION)
            self.db.add(stored)
        stored.version, stored.data, stored.created_at = REPORT_VERSION, report.to_dict(), utcnow()
        stored.summary = summary_of(report)
        self.db.flush()
        return report

    def complete(self, session_id: uuid.UUID) -> Report:
        """End the session: mark it completed and keep its report as it stands now.

        Answers still being analysed join the report when it is next opened. The report is
        built before the session is marked, so the transaction writes only once it is built:
        on SQLite the first write takes the file's write turn until the commit, and the seconds
        of building would keep an analysis finishing meanwhile waiting for it.
        """
        interview = self.interviews.get(session_id)
        report = self.report(interview.id)
        if interview.status is not SessionStatus.COMPLETED:
            interview.status = SessionStatus.COMPLETED
            interview.completed_at = utcnow()
        return report


def snapshot_of(db: Session, session_id: uuid.UUID) -> StoredReport | None:
    return db.scalar(select(StoredReport).where(StoredReport.session_id == session_id))


def snapshots_of(
    db: Session, sessions: Sequence[InterviewSession]
) -> dict[uuid.UUID, dict[str, Any]]:
    """The stored report data of each of ``sessions`` that has one, by session id (older
    report versions too: the fields progress reads have not changed)."""
    ids = [s.id for s in sessions]
    rows = db.scalars(select(StoredReport).where(StoredReport.session_id.in_(ids))).all()
    return {row.session_id: row.data for row in rows}


@job_handler(REFRESH_ATTEMPT)
def refresh_attempt(context: JobContext[Runtime]) -> dict[str, Any]:
    """Rebuild the kept report of a completed assignment attempt (``reports.refresh``)."""
    runtime = context.runtime
    with runtime.database.transaction() as db:
        interview = db.get(InterviewSession, uuid.UUID(context.payload["session_id"]))
        if interview is None:
            return {"skipped": "the session was deleted"}
        interviews = InterviewService(db, runtime, interview.user_id)
        report = ReportService(db, runtime, interviews).report(interview.id)
        return {"overall": report.overall}
