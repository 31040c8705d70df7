"""A session's report, built on request and kept as a snapshot for progress over time."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from rehearse.feedback.report import REPORT_VERSION, Report
from rehearse.interviews.service import InterviewService
from rehearse.reports.builder import build_report
from rehearse.reports.models import Report as StoredReport
from rehearse.runtime import Runtime


class ReportService:
    def __init__(self, session: Session, runtime: Runtime, interviews: InterviewService) -> None:
        self.db = session
        self.runtime = runtime
        self.interviews = interviews

    def report(self, session_id: uuid.UUID) -> Report:
        """The session's report as of now; its data replaces the session's stored snapshot."""
        interview = self.interviews.get(session_id)
        report = build_report(self.db, self.runtime, interview)
        stored = self.db.scalar(select(StoredReport).where(StoredReport.session_id == interview.id))
        if stored is None:
            stored = StoredReport(session_id=interview.id, version=REPORT_VERSION)
            self.db.add(stored)
        stored.version, stored.data = REPORT_VERSION, report.to_dict()
        self.db.flush()
        return report
