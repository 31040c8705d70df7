"""The signed-in pages: home, new interview, the live interview, the dashboard, progress and
settings. Each reads through the same services as the API; the scripts call the API."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from fastapi.responses import Response

from rehearse.accounts.models import User
from rehearse.assignments.service import AssignmentService
from rehearse.errors import NotFound
from rehearse.interviews.models import InterviewSession, InterviewType
from rehearse.interviews.service import InterviewService
from rehearse.jobs.wait import wait_for
from rehearse.organisations.service import OrganisationService
from rehearse.progress.service import ProgressService
from rehearse.reports.judging import JUDGE_CONTENT
from rehearse.reports.service import ReportService
from rehearse.web.deps import ComputeTurn, RuntimeDep, SessionDep
from rehearse.web.llm_settings import llm_settings_of
from rehearse.web.pages.auth import PageUser
from rehearse.web.pages.dashboard import dashboard_view
from rehearse.web.pages.sparkline import sparkline
from rehearse.web.pages.templating import render

router = APIRouter(include_in_schema=False)
ASSIGNMENTS_SHOWN = 20  # the soonest due, on the home page


def not_found(request: Request, user: User) -> Response:
    return render(request, "not_found.html", status_code=404, user=user, active="")


def _own_session(interviews: InterviewService, session_id: str) -> InterviewSession | None:
    """The user's session with this id, or None for a malformed id or anyone else's."""
    try:
        return interviews.get(uuid.UUID(session_id))
    except (ValueError, NotFound):
        return None


@router.get("/")
def home(request: Request, user: PageUser, db: SessionDep, runtime: RuntimeDep) -> Response:
    interviews = InterviewService(db, runtime, user.id)
    overview = ProgressService(db, interviews).overview()
    overall = {s.id: s.overall for s in overview.sessions}
    sessions = interviews.all()
    latest = next((overall[s.id] for s in sessions if overall.get(s.id) is not None), None)
    assigned, _ = AssignmentService(db, runtime, user.id).mine(offset=0, limit=ASSIGNMENTS_SHOWN)
    return render(
        request,
        "home.html",
        user=user,
        active="home",
        sessions=sessions,
        overall=overall,
        latest=latest,
        assigned=assigned,
    )


@router.get("/sessions/new")
def new_interview(request: Request, user: PageUser) -> Response:
    return render(
        request, "new.html", user=user, active="new", types=[t.value for t in InterviewType]
    )


@router.get("/sessions/{session_id}/interview")
def interview(
    session_id: str, request: Request, user: PageUser, db: SessionDep, runtime: RuntimeDep
) -> Response:
    interviews = InterviewService(db, runtime, user.id)
    session = _own_session(interviews, session_id)
    if session is None:
        return not_found(request, user)
    return render(request, "interview.html", user=user, active="", session=session)


@router.get("/sessions/{session_id}/questions/{question_id}/practise")
def practise(
    session_id: str,
    question_id: str,
    request: Request,
    *,
    user: PageUser,
    db: SessionDep,
    runtime: RuntimeDep,
) -> Response:
    interviews = InterviewService(db, runtime, user.id)
    session = _own_session(interviews, session_id)
    try:
        question = interviews.question(session.id, uuid.UUID(question_id)) if session else None
    except (ValueError, NotFound):
        question = None
    if session is None or question is None:
        return not_found(request, user)
    return render(
        request, "practice.html", user=user, active="", session=session, question=question
    )


@router.get("/sessions/{session_id}")
def dashboard(
    session_id: str,
    request: Request,
    _turn: ComputeTurn,  # the report is built here: queue for it before taking a connection
    user: PageUser,
    db: SessionDep,
    runtime: RuntimeDep,
) -> Response:
    interviews = InterviewService(db, runtime, user.id)
    session = _own_session(interviews, session_id)
    if session is None:
        return not_found(request, user)
    report = ReportService(db, runtime, interviews).report(session.id)
    view = dashboard_view(
        session, report, interviews.questions(session.id), interviews.answers(session.id)
    )
    notes = ProgressService(db, interviews).reflections(session.id)
    wait = wait_for(db, user.id, JUDGE_CONTENT) if view.judging else None
    return render(
        request,
        "dashboard.html",
        user=user,
        active="",
        view=view,
        notes=notes,
        judging_wait=wait.describe() if wait else "",
    )


@router.get("/progress")
def progress(request: Request, user: PageUser, db: SessionDep, runtime: RuntimeDep) -> Response:
    interviews = InterviewService(db, runtime, user.id)
    progress = ProgressService(db, interviews)
    overview = progress.overview()
    lines = {
        t.competency: sparkline(t.competency, [p.value for p in t.points]) for t in overview.trends
    }
    return render(
        request,
        "progress.html",
        user=user,
        active="progress",
        overview=overview,
        lines=lines,
        practising=progress.questions_to_practise(),
    )


@router.get("/settings")
def settings(request: Request, user: PageUser, db: SessionDep, runtime: RuntimeDep) -> Response:
    return render(
        request,
        "settings.html",
        user=user,
        active="settings",
        llm=llm_settings_of(runtime.settings),
        belongings=OrganisationService(db, runtime, user.id).mine(),
    )
