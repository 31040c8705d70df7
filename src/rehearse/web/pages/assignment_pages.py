"""The assignment pages: one assignment as its class's coach sees it (the class view) and as
a member sees it (where they stand, and a button to start), and the coach's review of one
member's attempt.

They read through ``AssignmentService``, ``ClassService`` and ``ReviewService``, as the API
does, so an assignment of a class you are not in is a 404 page, and a member never reaches
the coach's pages; the scripts call the API."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from fastapi.responses import Response

from rehearse.accounts.models import User
from rehearse.assignments.service import AssignmentService
from rehearse.errors import NotFound, PermissionDenied
from rehearse.organisations.models import Role
from rehearse.reviews.classes import ClassService
from rehearse.reviews.service import ReviewService
from rehearse.web.deps import ComputeTurn, RuntimeDep, SessionDep
from rehearse.web.pages.app_pages import not_found
from rehearse.web.pages.auth import PageUser
from rehearse.web.pages.templating import render
from rehearse.web.paging import Offset

router = APIRouter(include_in_schema=False)

MEMBERS_PER_PAGE = 50


def _ids(*values: str) -> list[uuid.UUID] | None:
    try:
        return [uuid.UUID(value) for value in values]
    except ValueError:
        return None


@router.get("/classes/{organisation_id}/assignments/{assignment_id}")
def assignment(
    organisation_id: str,
    assignment_id: str,
    request: Request,
    *,
    user: PageUser,
    db: SessionDep,
    runtime: RuntimeDep,
    offset: Offset = 0,
) -> Response:
    ids = _ids(organisation_id, assignment_id)
    assignments = AssignmentService(db, runtime, user.id)
    try:
        if ids is None:
            raise NotFound("No such assignment.")
        assigned = assignments.get(ids[1])
        if assigned.organisation.id != ids[0]:
            raise NotFound("No such assignment.")
    except NotFound:
        return not_found(request, user)
    if assigned.role is not Role.COACH:
        return render(
            request,
            "assignment.html",
            user=user,
            active="classes",
            assigned=assigned,
            standing=assignments.standing(assigned.assignment.id),
            view=None,
        )
    view = ClassService(db, runtime, user.id).view(
        assigned.assignment.id, offset=offset, limit=MEMBERS_PER_PAGE
    )
    return render(
        request,
        "assignment.html",
        user=user,
        active="classes",
        assigned=assigned,
        standing=None,
        view=view,
        offset=offset,
        per_page=MEMBERS_PER_PAGE,
    )


@router.get("/classes/{organisation_id}/assignments/{assignment_id}/attempts/{session_id}")
def review(
    organisation_id: str,
    assignment_id: str,
    session_id: str,
    request: Request,
    _turn: ComputeTurn,  # the report is built here: queue for it before taking a connection
    *,
    user: PageUser,
    db: SessionDep,
    runtime: RuntimeDep,
) -> Response:
    ids = _ids(organisation_id, assignment_id, session_id)
    reviews = ReviewService(db, runtime, user.id)
    try:
        if ids is None:
            raise NotFound("No such attempt.")
        attempt = reviews.attempt(ids[1], ids[2])
        if attempt.assigned.organisation.id != ids[0]:
            raise NotFound("No such attempt.")
        report = reviews.report(ids[1], ids[2])
    except (NotFound, PermissionDenied):
        return not_found(request, user)
    return render(
        request,
        "review.html",
        user=user,
        active="classes",
        assigned=attempt.assigned,
        attempt=attempt.interview,
        member=db.get(User, attempt.interview.user_id),
        report=report,
    )
