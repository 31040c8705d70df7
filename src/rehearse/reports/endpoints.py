"""Report routes: a session's feedback as JSON, HTML or PDF."""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse, JSONResponse, Response

from rehearse.interviews.endpoints import Interviews
from rehearse.reports.render.html import render_html
from rehearse.reports.render.pdf import render_pdf
from rehearse.reports.service import ReportService
from rehearse.web.deps import RuntimeDep, SessionDep

router = APIRouter(prefix="/api/sessions", tags=["reports"])


class ReportFormat(StrEnum):
    JSON = "json"
    HTML = "html"
    PDF = "pdf"


def get_reports(session: SessionDep, runtime: RuntimeDep, interviews: Interviews) -> ReportService:
    return ReportService(session, runtime, interviews)


Reports = Annotated[ReportService, Depends(get_reports)]


@router.get(
    "/{session_id}/report",
    summary="The session's feedback: scores with their evidence, moments, recommendations, "
    "study plan and transcript, as JSON, HTML or PDF",
    response_class=Response,
    responses={200: {"content": {"application/json": {}, "text/html": {}, "application/pdf": {}}}},
)
def get_report(
    session_id: uuid.UUID,
    reports: Reports,
    format: Annotated[ReportFormat, Query()] = ReportFormat.JSON,
) -> Response:
    report = reports.report(session_id)
    if format is ReportFormat.PDF:
        name = f"rehearse-report-{session_id}.pdf"
        return Response(
            render_pdf(report),
            media_type="application/pdf",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )
    if format is ReportFormat.HTML:
        return HTMLResponse(render_html(report))
    body: dict[str, Any] = report.to_dict()
    return JSONResponse(body)
