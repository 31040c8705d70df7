"""Report routes: a session's feedback as JSON, HTML or PDF, its parts (scores, evaluation),
and ending a session, which keeps its report for progress."""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, status
from fastapi.responses import HTMLResponse, JSONResponse, Response

from rehearse.feedback.report import Report
from rehearse.interviews.endpoints import Interviews
from rehearse.reports.render.html import render_html
from rehearse.reports.render.pdf import render_pdf
from rehearse.reports.service import ReportService
from rehearse.web.deps import CallerId, ComputeTurn, RuntimeDep, SessionDep

router = APIRouter(prefix="/api/sessions", tags=["reports"])


class ReportFormat(StrEnum):
    JSON = "json"
    HTML = "html"
    PDF = "pdf"


async def get_reports(
    session: SessionDep, runtime: RuntimeDep, interviews: Interviews
) -> ReportService:
    return ReportService(session, runtime, interviews)


Reports = Annotated[ReportService, Depends(get_reports)]

# Every route here builds the report (seconds of CPU), so each signs the caller in first
# (a short transaction), then waits for a compute turn holding no database slot; only then
# does it open the transaction it builds the report in.


@router.get(
    "/{session_id}/report",
    summary="The session's feedback: scores with their evidence, moments, recommendations, "
    "study plan and transcript, as JSON, HTML or PDF",
    response_class=Response,
    responses={
        200: {
            "model": Report,  # the JSON's schema (docs/report.md)
            "content": {"application/json": {}, "text/html": {}, "application/pdf": {}},
        }
    },
)
def get_report(
    session_id: uuid.UUID,
    _caller: CallerId,
    _turn: ComputeTurn,
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


SCORE_FIELDS = (
    "position", "question", "kind", "topic", "answered", "overall", "scores", "scored_on",
)  # fmt: skip
EVALUATION_FIELDS = (
    "position", "question", "kind", "topic", "answered", "text", "overall", "content",
    "key_points", "star", "moments", "highlights", "judgement", "warnings",
)  # fmt: skip


@router.get(
    "/{session_id}/scores",
    summary="The session's competency scores and each answer's, with the measurements, bands "
    "and points that make them up",
)
def get_scores(
    session_id: uuid.UUID, _caller: CallerId, _turn: ComputeTurn, reports: Reports
) -> dict[str, Any]:
    report = reports.report(session_id).to_dict()
    return {
        "session_id": report["session_id"],
        "overall": report["overall"],
        "overall_agreement": report["overall_agreement"],
        "scores": report["scores"],
        "answers": [_only(answer, SCORE_FIELDS) for answer in report["answers"]],
    }


@router.get(
    "/{session_id}/evaluation",
    summary="Each answer's evaluation: relevance, key points, STAR, specificity, clarity, role "
    "skills, tone, moments, and the content judge's verdict",
)
def get_evaluation(
    session_id: uuid.UUID, _caller: CallerId, _turn: ComputeTurn, reports: Reports
) -> dict[str, Any]:
    report = reports.report(session_id).to_dict()
    return {
        "session_id": report["session_id"],
        "answers": [_only(answer, EVALUATION_FIELDS) for answer in report["answers"]],
    }


@router.post(
    "/{session_id}/complete",
    status_code=status.HTTP_200_OK,
    summary="End the session: it is marked completed and its report kept for progress",
)
def complete_session(
    session_id: uuid.UUID, _caller: CallerId, _turn: ComputeTurn, reports: Reports
) -> dict[str, Any]:
    return reports.complete(session_id).to_dict()


def _only(answer: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    return {name: answer[name] for name in fields}
